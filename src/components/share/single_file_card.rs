//! A share of one file, shown as a card rather than a one-row listing: its picture, name, size and
//! date, with Preview and Download side by side.

use cloudreve_api::models::FileResponse;
use leptos::prelude::*;

use crate::browser;
use crate::components::explorer::thumbnail::Thumbnail;
use crate::domain::size_format::format_size;
use crate::i18n::{use_i18n, Key};

/// The card of a single-file share's `file`.
#[component]
pub fn SingleFileCard(
    /// The shared file.
    file: FileResponse,
    /// Open it in its viewer.
    on_preview: Callback<()>,
    /// Download it.
    on_download: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let modified = file
        .updated_at
        .unix_millis()
        .map(browser::local_datetime)
        .unwrap_or_default();
    let facts = format!("{} · {modified}", format_size(file.size));
    view! {
        <section class="cr-single-file" aria-label=file.name.clone() data-single-file="">
            <div class="cr-single-file__picture">
                <Thumbnail file=file.clone()/>
            </div>
            <h2 class="cr-single-file__name">{file.name.clone()}</h2>
            <p class="cr-single-file__facts">{facts}</p>
            <div class="cr-single-file__actions">
                <button type="button" class="cr-button" data-action="preview-single" on:click=move |_| on_preview.run(())>
                    {i18n.text(Key::Preview)}
                </button>
                <button type="button" class="cr-button cr-button--primary" data-action="download-single" on:click=move |_| on_download.run(())>
                    {i18n.text(Key::Download)}
                </button>
            </div>
        </section>
    }
}
