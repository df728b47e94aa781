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

/// The action URL with the placeholders the server leaves for the client filled in: query values
/// that are exactly `lng` (the UI language) or `darkmode` (2 dark, 1 light). Only whole values are
/// replaced, so the same letters inside `WOPISrc` (a host or id) stay as they are.
fn action_url(wopi_src: &str, locale: Locale, dark: bool) -> String {
    let Some((base, query)) = wopi_src.split_once('?') else {
        return wopi_src.to_string();
    };
    let lang = locale.tag().to_lowercase();
    let theme = if dark { "2" } else { "1" };
    let pairs: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((k, "lng")) => format!("{k}={lang}"),
            Some((k, "darkmode")) => format!("{k}={theme}"),
            _ => pair.to_string(),
        })
        .collect();
    format!("{base}?{}", pairs.join("&"))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_whole_placeholder_values_are_filled() {
        let src = "https://office.example/we/wordeditorframe.aspx?WOPISrc=https%3A%2F%2Flngdarkmode.example%2Fapi%2Fv4%2Ffile%2Fwopi%2Flng&ui=lng&rs=lng&thm=darkmode";
        assert_eq!(
            action_url(src, Locale::ZhCn, true),
            "https://office.example/we/wordeditorframe.aspx?WOPISrc=https%3A%2F%2Flngdarkmode.example%2Fapi%2Fv4%2Ffile%2Fwopi%2Flng&ui=zh-cn&rs=zh-cn&thm=2"
        );
        assert_eq!(
            action_url("https://x/?thm=darkmode", Locale::En, false),
            "https://x/?thm=1"
        );
        assert_eq!(
            action_url("https://x/plain", Locale::En, false),
            "https://x/plain"
        );
    }
}
