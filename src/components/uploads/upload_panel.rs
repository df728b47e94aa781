//! The upload queue panel, docked at the bottom right: overall progress (bytes, speed, time left),
//! commands for all files, the "files at once" setting, the re-pick prompt for uploads left by an
//! earlier page, and the list of files, virtualised so thousands of entries stay fast.

use leptos::prelude::*;

use crate::components::uploads::file_pickers::{FilePickers, Pickers};
use crate::components::uploads::upload_row::{percent, RowData, UploadRow};
use crate::domain::size_format::format_size;
use crate::domain::upload::engine::{Engine, FILE_LIMIT_RANGE};
use crate::domain::visible_range::VisibleRange;
use crate::i18n::{use_i18n, Key};
use crate::state::toasts::use_toasts;
use crate::state::uploads::{use_uploads, Uploads};
use crate::uploads::sources::Picked;

/// Height of one row in px (the CSS sets the same).
const ROW_HEIGHT: f64 = 64.0;
/// Rows rendered beyond the visible ones.
const OVERSCAN: usize = 4;

fn duration(secs: u64) -> String {
    match secs {
        0..=59 => format!("{secs}s"),
        60..=3599 => format!("{}m {:02}s", secs / 60, secs % 60),
        _ => format!("{}h {:02}m", secs / 3600, (secs % 3600) / 60),
    }
}

/// A command for the whole queue: label, `data-action`, what it does.
type Tool = (Key, &'static str, fn(Uploads));

/// The commands for the whole queue.
const TOOLS: [Tool; 4] = [
    (Key::PauseAll, "pause-all", |u| u.command_all(Engine::pause)),
    (Key::ResumeAll, "resume-all", |u| {
        u.command_all(Engine::resume)
    }),
    (Key::CancelAll, "cancel-all", |u| {
        u.command_all(Engine::cancel)
    }),
    (Key::ClearFinished, "clear-finished", |u| u.clear_finished()),
];

/// The panel; hidden while the queue is empty.
#[component]
pub fn UploadPanel() -> impl IntoView {
    let i18n = use_i18n();
    let uploads = use_uploads();
    let toasts = use_toasts();
    let scroll_top = RwSignal::new(0.0);
    let list = NodeRef::<leptos::html::Div>::new();
    let len = move || uploads.with(Engine::len).unwrap_or(0);
    let pickers = RwSignal::new_local(None::<Pickers>);
    let on_repick = Callback::new(move |picked: Vec<Picked>| {
        let n = uploads.attach(picked);
        if n == 0 {
            toasts.error(i18n.t(Key::ResumeNoMatch));
        } else {
            toasts.info(i18n.tf(Key::ResumeMatched, &[("count", &n.to_string())]));
        }
    });
    let summary = move || {
        let (t, speed) = uploads.summary();
        let files = t.done + t.failed + t.pending;
        let mut text = i18n.tf(
            Key::UploadSummary,
            &[
                ("done", &t.done.to_string()),
                ("total", &files.to_string()),
                ("sent", &format_size(t.sent as i64)),
                ("size", &format_size(t.total as i64)),
            ],
        );
        if let Some(speed) = speed.filter(|_| t.active > 0) {
            let left = if speed > 0.0 {
                duration(((t.total.saturating_sub(t.sent)) as f64 / speed).ceil() as u64)
            } else {
                "—".into()
            };
            text.push_str(" · ");
            text.push_str(&i18n.tf(
                Key::UploadSpeed,
                &[("speed", &format_size(speed as i64)), ("left", &left)],
            ));
        }
        text
    };
    let total_percent = move || {
        let (t, _) = uploads.summary();
        percent(t.sent, t.total, t.pending == 0)
    };
    let rows = move || {
        // Rows take their text at build time: rebuild them on a language switch.
        i18n.locale();
        let height = list
            .get()
            .map(|el| f64::from(el.client_height()))
            .filter(|h| *h > 0.0)
            .unwrap_or(320.0);
        uploads
            .with(|e| {
                let range =
                    VisibleRange::compute(scroll_top.get(), height, ROW_HEIGHT, e.len(), OVERSCAN);
                let rows: Vec<RowData> = (range.start..range.end)
                    .filter_map(|i| e.nth(i).map(RowData::of))
                    .collect();
                (
                    range.space_above(ROW_HEIGHT),
                    range.space_below(ROW_HEIGHT, e.len()),
                    rows,
                )
            })
            .unwrap_or_default()
    };
    view! {
        <FilePickers name="repick" on_pick=on_repick pickers/>
        <Show when=move || { len() > 0 }>
            <section class="cr-uploads" class:cr-uploads--open=move || uploads.open.get() aria-labelledby="cr-uploads-title">
                <header class="cr-uploads__head">
                    <h2 id="cr-uploads-title" class="cr-uploads__title">{i18n.text(Key::UploadQueueTitle)}</h2>
                    <button type="button" class="cr-icon-button cr-uploads__toggle" aria-expanded=move || uploads.open.get().to_string()
                        aria-label=move || i18n.t(if uploads.open.get() { Key::HideUploads } else { Key::ShowUploads })
                        on:click=move |_| uploads.open.update(|o| *o = !*o)>{move || if uploads.open.get() { "▾" } else { "▴" }}</button>
                </header>
                <p class="cr-uploads__summary" aria-live="polite">{summary}</p>
                <div class="cr-progress cr-progress--total" role="progressbar" aria-valuemin="0" aria-valuemax="100"
                    aria-valuenow=move || total_percent().to_string() aria-label=i18n.text(Key::UploadQueueTitle)>
                    <div class="cr-progress__bar" style=move || format!("width:{}%", total_percent())></div>
                </div>
                <Show when=move || uploads.open.get()>
                    {move || {
                        let waiting = uploads.waiting_for_files();
                        (waiting > 0).then(|| view! {
                            <div class="cr-uploads__repick" role="group">
                                <p>{if waiting == 1 { i18n.t(Key::ResumeWaitingOne).to_string() } else { i18n.tf(Key::ResumeWaiting, &[("count", &waiting.to_string())]) }}</p>
                                <Show when=move || { uploads.waiting_for_access() > 0 }>
                                    <button type="button" class="cr-button cr-button--primary" data-action="give-access" on:click=move |_| {
                                        let resumed = uploads.give_access();
                                        leptos::task::spawn_local(async move {
                                            match resumed.await {
                                                None => toasts.error(i18n.t(Key::ResumeAccessRefused)),
                                                Some(0) => toasts.error(i18n.t(Key::ResumeNoMatch)),
                                                Some(n) => toasts.info(i18n.tf(Key::ResumeMatched, &[("count", &n.to_string())])),
                                            }
                                        });
                                    }>{i18n.t(Key::ResumeGiveAccess)}</button>
                                </Show>
                                <button type="button" class="cr-button" data-action="repick-files" on:click=move |_| { if let Some(p) = pickers.get_untracked() { p.open_files() } }>{i18n.t(Key::PickFiles)}</button>
                                <button type="button" class="cr-button" data-action="repick-folder" on:click=move |_| { if let Some(p) = pickers.get_untracked() { p.open_folder() } }>{i18n.t(Key::PickFolder)}</button>
                            </div>
                        })
                    }}
                    <div class="cr-uploads__tools">
                        {TOOLS.iter().map(|&(key, action, run)| view! {
                            <button type="button" class="cr-button cr-button--quiet" data-action=action on:click=move |_| run(uploads)>{i18n.text(key)}</button>
                        }).collect_view()}
                        <label class="cr-uploads__limit">
                            {i18n.text(Key::UploadConcurrency)}
                            <select name="upload-concurrency" on:change=move |ev| { if let Ok(n) = event_target_value(&ev).parse() { uploads.set_file_limit(n) } }>
                                {(FILE_LIMIT_RANGE.0..=FILE_LIMIT_RANGE.1).map(|n| { view! { <option value=n.to_string() selected=move || uploads.file_limit() == n>{n}</option> } }).collect_view()}
                            </select>
                        </label>
                    </div>
                    <div class="cr-uploads__list" node_ref=list data-cr-scroll="" on:scroll=move |_| { if let Some(el) = list.get_untracked() { scroll_top.set(f64::from(el.scroll_top())) } }>
                        {move || {
                            let (above, below, rows) = rows();
                            view! {
                                <div style=format!("height:{above}px")></div>
                                <ul class="cr-uploads__rows">
                                    {rows.into_iter().map(|row| view! { <UploadRow row/> }).collect_view()}
                                </ul>
                                <div style=format!("height:{below}px")></div>
                            }
                        }}
                    </div>
                </Show>
            </section>
        </Show>
    }
}
