//! An Office document in a WOPI client (Collabora, OnlyOffice, Office Online): a viewer session
//! (`PUT /file/viewerSession`) gives an access token and the client's action URL; a hidden form
//! posts the token into a named iframe, as WOPI clients expect (file.md §7). The token travels in
//! the POST body, never in a URL.

use cloudreve_api::models::{CreateViewerSessionRequest, FileResponse};
use leptos::prelude::*;

use crate::i18n::errors::error_message;
use crate::i18n::{use_i18n, Locale};
use crate::state::session::use_session;
use crate::state::theme::use_theme;

/// The frame's name the form targets.
const FRAME: &str = "office_frame";

/// The action URL with the placeholders the server leaves for the client filled in.
fn action_url(wopi_src: &str, locale: Locale, dark: bool) -> String {
    wopi_src
        .replace("lng", &locale.tag().to_lowercase())
        .replace("darkmode", if dark { "2" } else { "1" })
}

/// `file` in the WOPI viewer `viewer_id`.
#[component]
pub fn WopiFrame(
    /// The document.
    file: FileResponse,
    /// The viewer's id from `file_viewers`.
    viewer_id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let dark = use_theme().is_dark();
    let locale = i18n.locale_untracked();
    let started = LocalResource::new(move || {
        let req = CreateViewerSessionRequest {
            uri: file.path.clone(),
            viewer_id: viewer_id.clone(),
            preferred_action: "edit".into(),
            ..CreateViewerSessionRequest::default()
        };
        async move { session.call(&req).await }
    });
    let form = NodeRef::<leptos::html::Form>::new();
    // Submit once the form with the session's fields is in the page.
    Effect::new(move |_| {
        if let Some(f) = form.get() {
            f.submit().ok();
        }
    });
    move || {
        match &*started.read() {
        None => ().into_any(),
        Some(Ok(s)) => view! {
            <iframe class="cr-viewer__frame" name=FRAME title="office" allowfullscreen=true></iframe>
            <form node_ref=form method="post" target=FRAME action=action_url(&s.wopi_src, locale, dark) hidden=true>
                <input type="hidden" name="access_token" value=s.session.access_token.clone()/>
                <input type="hidden" name="access_token_ttl" value=s.session.expires.to_string()/>
            </form>
        }
        .into_any(),
        Some(Err(e)) => {
            view! { <p class="cr-viewer__error" role="alert">{error_message(e, i18n.locale())}</p> }
                .into_any()
        }
    }
    }
}
