//! A custom viewer (`type: custom`): the server's URL template filled with the file's content URL
//! and shown in a sandboxed iframe.

use cloudreve_api::models::FileResponse;
use leptos::prelude::*;

use crate::domain::viewer_choice::{fill_template, TemplateValues};
use crate::i18n::errors::error_message;
use crate::i18n::use_i18n;
use crate::state::content_url::{content_url, UrlRequest};
use crate::state::session::use_session;
use crate::state::theme::use_theme;

/// `file` in the custom viewer whose URL template is `template`.
#[component]
pub fn CustomFrame(
    /// The file.
    file: FileResponse,
    /// The viewer's URL template.
    template: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let dark = use_theme().is_dark();
    let user = session.user();
    let src = LocalResource::new(move || {
        let file = file.clone();
        let template = template.clone();
        let user = user.clone();
        async move {
            let url = content_url(
                session,
                UrlRequest {
                    uri: file.path.clone(),
                    ..UrlRequest::default()
                },
            )
            .await?;
            let (user_id, user_name) = user.map(|u| (u.id, u.nickname)).unwrap_or_default();
            Ok::<_, cloudreve_api::ApiError>(fill_template(
                &template,
                &TemplateValues {
                    src: &url,
                    name: &file.name,
                    version: &file.primary_entity,
                    id: &file.id,
                    user_id: &user_id,
                    user_display_name: &user_name,
                    dark,
                },
            ))
        }
    });
    move || match &*src.read() {
        None => ().into_any(),
        Some(Ok(url)) => view! {
            <iframe class="cr-viewer__frame" src=url.clone() title="viewer"
                sandbox="allow-scripts allow-same-origin allow-forms allow-popups allow-downloads"
                referrerpolicy="no-referrer"></iframe>
        }
        .into_any(),
        Some(Err(e)) => view! { <p role="alert">{error_message(e, i18n.locale())}</p> }.into_any(),
    }
}
