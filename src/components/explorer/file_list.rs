//! The list view of a folder: name, size, modified; folders are links into themselves.
//!
//! Virtualised: only the rows on screen (plus a margin) exist in the DOM, whatever the folder's size;
//! spacers stand in for the rest. Rows have one exact height (`ROW_HEIGHT`, matched by the CSS), so
//! positions are arithmetic, not measurements. Names are text nodes, never HTML.

use cloudreve_api::models::FileResponse;
use cloudreve_api::CrUri;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::components::common::icons::{FileIcon, FolderIcon};
use crate::domain::list_keys;
use crate::domain::size_format::format_size;
use crate::domain::sort::{Sort, SortKey};
use crate::domain::visible_range::VisibleRange;
use crate::i18n::{use_i18n, Key};
use crate::links;

/// Height of one row in px; `.cr-files__row` in `style/explorer.css` must say the same.
pub const ROW_HEIGHT: f64 = 40.0;
/// Height of the sticky header in px (`.cr-files__head`).
const HEADER_HEIGHT: f64 = 36.0;
/// Rows rendered beyond each edge of the viewport, so fast scrolling shows no gaps.
const OVERSCAN: usize = 12;
/// How close to the end (in rows) the list asks for the next page.
const PREFETCH_ROWS: usize = 80;

/// A virtualised list of `files`.
#[component]
pub fn FileList(
    /// The items, in the order to show them.
    #[prop(into)]
    files: Signal<Vec<FileResponse>>,
    /// Called when the user scrolls near the end (load the next page).
    #[prop(optional, into)]
    on_near_end: Option<Callback<()>>,
    /// The current order, shown on the headers.
    #[prop(optional, into)]
    sort: Option<Signal<Sort>>,
    /// Called with a column when its header is clicked; headers are plain text without it.
    #[prop(optional, into)]
    on_sort: Option<Callback<SortKey>>,
    /// Called with the focused item when Enter is pressed.
    #[prop(optional, into)]
    on_open: Option<Callback<FileResponse>>,
    /// Called when Backspace is pressed (go to the parent folder).
    #[prop(optional, into)]
    on_parent: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let viewport = NodeRef::<leptos::html::Div>::new();
    let scroll_top = RwSignal::new(0.0);
    let initial_height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|v| v.as_f64())
        .unwrap_or(800.0);
    let height = RwSignal::new(initial_height);
    let measure = move || {
        if let Some(el) = viewport.get_untracked() {
            scroll_top.set(f64::from(el.scroll_top()));
            height.set(f64::from(el.client_height()));
        }
    };
    Effect::new(move |_| {
        if viewport.get().is_some() {
            measure();
        }
    });
    let _resize = window_event_listener(leptos::ev::resize, move |_| measure());
    let len = Memo::new(move |_| files.with(Vec::len));
    let range = Memo::new(move |_| {
        VisibleRange::compute(
            scroll_top.get(),
            height.get(),
            ROW_HEIGHT,
            len.get(),
            OVERSCAN,
        )
    });
    Effect::new(move |_| {
        let (r, n) = (range.get(), len.get());
        if let Some(cb) = on_near_end {
            if n > 0 && r.end + PREFETCH_ROWS >= n {
                cb.run(());
            }
        }
    });
    // Keyboard focus: one row at a time is tabbable (roving tabindex); arrows, Home/End and
    // PageUp/PageDown move it, scrolling it into view, and the real row element takes DOM focus.
    let focused = RwSignal::new(None::<usize>);
    Effect::new(move |_| {
        if focused.get_untracked().is_some_and(|i| i >= len.get()) {
            focused.set(None);
        }
    });
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        match key.as_str() {
            "Enter" => {
                let item = focused
                    .get_untracked()
                    .and_then(|i| files.with_untracked(|f| f.get(i).cloned()));
                if let (Some(cb), Some(item)) = (on_open, item) {
                    ev.prevent_default();
                    cb.run(item);
                }
            }
            "Backspace" => {
                if let Some(cb) = on_parent {
                    ev.prevent_default();
                    cb.run(());
                }
            }
            _ => {
                let page = (height.get_untracked() / ROW_HEIGHT) as usize;
                let Some(next) =
                    list_keys::step(focused.get_untracked(), &key, len.get_untracked(), page)
                else {
                    return;
                };
                ev.prevent_default();
                focused.set(Some(next));
                if let Some(el) = viewport.get_untracked() {
                    let top = list_keys::scroll_to_show(
                        next,
                        ROW_HEIGHT,
                        HEADER_HEIGHT,
                        f64::from(el.client_height()),
                        f64::from(el.scroll_top()),
                    );
                    el.set_scroll_top(top as i32);
                    measure();
                }
                request_animation_frame(move || {
                    let row = viewport.get_untracked().and_then(|el| {
                        el.query_selector(&format!("[aria-rowindex=\"{}\"]", next + 2))
                            .ok()
                            .flatten()
                    });
                    if let Some(row) = row.and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()) {
                        let _ = row.focus();
                    }
                });
            }
        }
    };
    let rows = move || {
        let r = range.get();
        files.with(|f| {
            f.get(r.start..r.end)
                .unwrap_or_default()
                .iter()
                .cloned()
                .enumerate()
                .map(|(i, file)| (r.start + i, file))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="cr-files-viewport" node_ref=viewport tabindex="0" on:scroll=move |_| measure() on:keydown=on_key>
            <div class="cr-files" role="table" aria-label=move || i18n.t(Key::FilesCaption) aria-rowcount=move || (len.get() + 1).to_string()>
                <div class="cr-files__head" role="row" aria-rowindex="1">
                    <ColumnHeader key=SortKey::Name label=Key::Name class="cr-files__name" sort on_sort/>
                    <ColumnHeader key=SortKey::Size label=Key::Size class="cr-files__size" sort on_sort/>
                    <ColumnHeader key=SortKey::UpdatedAt label=Key::Modified class="cr-files__date" sort on_sort/>
                </div>
                <div role="rowgroup">
                    <div class="cr-files__spacer" aria-hidden="true" style:height=move || format!("{}px", range.get().space_above(ROW_HEIGHT))></div>
                    <For each=rows key=|(_, f)| f.id.clone() let:item>
                        <FileRow file=item.1 index=item.0 focused/>
                    </For>
                    <div class="cr-files__spacer" aria-hidden="true" style:height=move || format!("{}px", range.get().space_below(ROW_HEIGHT, len.get()))></div>
                </div>
            </div>
        </div>
    }
}

/// A header cell; a button that sorts by its column when the list is sortable.
#[component]
fn ColumnHeader(
    key: SortKey,
    label: Key,
    class: &'static str,
    sort: Option<Signal<Sort>>,
    on_sort: Option<Callback<SortKey>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = move || sort.map(|s| s.get()).filter(|s| s.key == key);
    let aria_sort = move || match state() {
        Some(s) if s.desc => "descending",
        Some(_) => "ascending",
        None => "none",
    };
    let arrow = move || match state() {
        Some(s) if s.desc => " ↓",
        Some(_) => " ↑",
        None => "",
    };
    view! {
        <span role="columnheader" class=class aria-sort=aria_sort>
            {match on_sort {
                Some(cb) => view! {
                    <button type="button" class="cr-files__sort" on:click=move |_| cb.run(key)>
                        {move || i18n.t(label)}<span aria-hidden="true">{arrow}</span>
                    </button>
                }
                .into_any(),
                None => view! { <span>{move || i18n.t(label)}</span> }.into_any(),
            }}
        </span>
    }
}

#[component]
fn FileRow(file: FileResponse, index: usize, focused: RwSignal<Option<usize>>) -> impl IntoView {
    let i18n = use_i18n();
    let is_folder = file.is_folder();
    let size = if is_folder {
        String::new()
    } else {
        format_size(file.size)
    };
    let modified = file
        .updated_at
        .unix_millis()
        .map(browser::local_datetime)
        .unwrap_or_default();
    let name = file.name.clone();
    let target = CrUri::parse(&file.path).ok();
    let name_cell = match (is_folder, target) {
        (true, Some(uri)) => view! {
            <a href=links::home(&uri) class="cr-files__link">
                <FolderIcon/>
                <span class="cr-visually-hidden">{move || i18n.t(Key::Folder)}" "</span>
                <span class="cr-files__label">{name}</span>
            </a>
        }
        .into_any(),
        _ => view! {
            <span class="cr-files__link">
                <FileIcon/>
                <span class="cr-files__label">{name}</span>
            </span>
        }
        .into_any(),
    };
    view! {
        <div
            class="cr-files__row"
            class:cr-files__row--folder=is_folder
            role="row"
            data-cr-item=""
            aria-rowindex=(index + 2).to_string()
            tabindex=move || if focused.get() == Some(index) { "0" } else { "-1" }
            on:click=move |_| focused.set(Some(index))
        >
            <span role="cell" class="cr-files__name">{name_cell}</span>
            <span role="cell" class="cr-files__size">{size}</span>
            <span role="cell" class="cr-files__date">{modified}</span>
        </div>
    }
}
