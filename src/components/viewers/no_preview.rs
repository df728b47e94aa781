//! The card shown when no app can open a file (or the app failed): its name, size and a download
//! button.

use cloudreve_api::models::FileResponse;
use leptos::prelude::*;

use crate::domain::size_format::format_size;
use crate::i18n::{use_i18n, Key};

/// "No preview" for `file`; `on_download` starts its download.
#[component]
pub fn NoPreview(
    /// The file.
    file: FileResponse,
    /// Why there is no preview, when it is an error rather than an unknown kind.
    #[prop(optional)]
    reason: Option<String>,
    /// Starts the download.
    on_download: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="cr-viewer__card" data-viewer="none">
            <p class="cr-viewer__card-name">{file.name.clone()}</p>
            <p class="cr-viewer__card-size">{format_size(file.size)}</p>
            <p role="status">{move || reason.clone().unwrap_or_else(|| i18n.t(Key::NoPreview).to_string())}</p>
            <button type="button" class="cr-button cr-button--primary" on:click=move |_| on_download.run(())>
                {i18n.text(Key::Download)}
            </button>
        </div>
    }
}
