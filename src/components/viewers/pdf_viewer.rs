//! PDF in the browser's own viewer: an `<object>` of the file's content URL, whose fallback (shown
//! by browsers without a PDF viewer, such as most phones) offers the download instead.

use cloudreve_api::models::FileResponse;
use leptos::prelude::*;

use crate::components::viewers::no_preview::NoPreview;
use crate::i18n::errors::error_message;
use crate::i18n::{use_i18n, Key};
use crate::state::folder_walk::use_folder_walk;
use crate::state::session::use_session;
use crate::state::url_cache::UrlCache;

/// `file` in the browser's PDF viewer.
#[component]
pub fn PdfViewer(
    /// The PDF.
    file: FileResponse,
    /// Downloads it.
    on_download: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let urls = UrlCache::new(use_session(), use_folder_walk().hint());
    let src = {
        let file = file.clone();
        LocalResource::new(move || {
            let file = file.clone();
            async move { urls.get(&file).await }
        })
    };
    move || {
        let file = file.clone();
        match &*src.read() {
            None => ().into_any(),
            Some(Ok(url)) => view! {
                <object class="cr-viewer__frame cr-pdf" data=url.clone() type="application/pdf"
                    aria-label=i18n.text(Key::PdfTitle) data-viewer="pdf">
                    <NoPreview file reason=Key::PdfNoViewer.text(i18n.locale()).to_string() on_download/>
                </object>
            }
            .into_any(),
            Some(Err(e)) => {
                let reason = error_message(e, i18n.locale());
                view! { <NoPreview file reason on_download/> }.into_any()
            }
        }
    }
}
