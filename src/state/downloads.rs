//! Getting files out: one file through a signed URL the browser downloads by itself, so nothing is
//! loaded into the page's memory.

use cloudreve_api::boolset::group as group_bits;
use cloudreve_api::endpoints::site::GetSiteUser;
use cloudreve_api::models::{CreateDownloadUrlRequest, FileResponse, SiteUser, User};
use cloudreve_api::ApiError;
use wasm_bindgen::JsCast;

use crate::state::content_url::{content_url, first_url, UrlRequest};
use crate::state::session::Session;

/// Downloads one file (the version `entity`, or the current one) by following a signed URL.
pub async fn download_file(
    session: Session,
    file: &FileResponse,
    entity: Option<String>,
    hint: Option<String>,
) -> Result<(), ApiError> {
    let url = content_url(
        session,
        UrlRequest {
            uri: file.path.clone(),
            entity,
            download: true,
            hint,
        },
    )
    .await?;
    follow(&url, &file.name);
    Ok(())
}

/// Whether the server will zip for the caller: their group's `archive_download`, or for a visitor
/// who is not signed in, the anonymous group's (an admin's choice, off by default as in CE; asked of
/// the site config only when needed). Unknown counts as no, so the caller falls back.
pub async fn may_zip(session: Session) -> bool {
    let group_may = |u: &User| {
        u.group
            .as_ref()
            .and_then(|g| g.permission.as_ref())
            .is_some_and(|p| p.get(group_bits::ARCHIVE_DOWNLOAD))
    };
    match session.user_untracked() {
        Some(user) => group_may(&user),
        None => matches!(
            session.call(&GetSiteUser).await,
            Ok(SiteUser { user: Some(u) }) if group_may(&u)
        ),
    }
}

/// Downloads several items, or folders, as one zip the server builds while it sends it.
pub async fn download_many(
    session: Session,
    items: Vec<FileResponse>,
    hint: Option<String>,
) -> Result<(), ApiError> {
    let req = CreateDownloadUrlRequest {
        uris: items.iter().map(|f| f.path.clone()).collect(),
        archive: true,
        download: true,
        ..CreateDownloadUrlRequest::default()
    };
    let url = first_url(session, &req, hint).await?;
    follow(&url, "archive.zip");
    Ok(())
}

/// Lets the browser fetch `url` as a download (the server sends `attachment`; `download` names it
/// when the URL is same-origin).
pub fn follow(url: &str, name: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    a.set_href(url);
    a.set_download(name);
    a.set_rel("noopener");
    // Inside another site's iframe, downloads open in a tab of their own.
    let embedded = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .is_some_and(|p| p.starts_with("/embed/"));
    if embedded {
        a.set_target("_blank");
    }
    a.click();
}
