//! The card of a folder download into a local folder: files and bytes written, the file being
//! written, cancel; at the end, a summary with every failed item and its reason.

use leptos::prelude::*;

use crate::domain::size_format::format_size;
use crate::i18n::{use_i18n, Key};
use crate::state::tree_download::{use_tree_downloads, TreeProgress};

/// Shows the running or last tree download, if any.
#[component]
pub fn TreeDownloadPanel() -> impl IntoView {
    let i18n = use_i18n();
    let downloads = use_tree_downloads();
    let line = move |p: &TreeProgress| {
        i18n.tf(
            Key::TreeDownloadCounts,
            &[
                ("done", &p.files_done.to_string()),
                ("found", &p.files_found.to_string()),
                ("bytes", &format_size(p.bytes_done)),
                ("total", &format_size(p.bytes_found)),
            ],
        )
    };
    move || {
        downloads.progress.get().map(|p| {
            let percent = if p.bytes_found > 0 {
                (p.bytes_done.saturating_mul(100) / p.bytes_found).clamp(0, 100)
            } else if p.finished {
                100
            } else {
                0
            };
            let title = match (p.finished, p.cancelled, p.failures.is_empty()) {
                (false, _, _) => Key::TreeDownloadRunning,
                (true, true, _) => Key::TreeDownloadCancelled,
                (true, false, true) => Key::TreeDownloadDone,
                (true, false, false) => Key::TreeDownloadPartial,
            };
            let failures = p
                .failures
                .iter()
                .map(|(path, why)| {
                    view! {
                        <li class="cr-dialog__item" data-failed=path.clone()>
                            <span class="cr-dialog__item-name">{path.clone()}</span>
                            <span class="cr-dialog__item-detail">{why.clone()}</span>
                        </li>
                    }
                })
                .collect_view();
            let finished = p.finished;
            view! {
                <section class="cr-downloads" aria-label=i18n.text(Key::TreeDownloadRunning) data-finished=finished.to_string()>
                    <h2 class="cr-downloads__title">{move || i18n.t(title)}</h2>
                    <div class="cr-progress" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow=percent>
                        <div class="cr-progress__bar" style=format!("width: {percent}%")></div>
                    </div>
                    <p class="cr-downloads__line" aria-live="polite">{line(&p)}</p>
                    {(!p.current.is_empty()).then(|| view! { <p class="cr-downloads__current">{p.current.clone()}</p> })}
                    {(!p.failures.is_empty()).then(|| view! { <ul class="cr-dialog__list">{failures}</ul> })}
                    <div class="cr-dialog__actions">
                        {if finished {
                            view! { <button type="button" class="cr-button" on:click=move |_| downloads.dismiss()>{i18n.text(Key::Close)}</button> }.into_any()
                        } else {
                            view! { <button type="button" class="cr-button" on:click=move |_| downloads.cancel()>{i18n.text(Key::Cancel)}</button> }.into_any()
                        }}
                    </div>
                </section>
            }
        })
    }
}
