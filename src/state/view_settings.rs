//! The view of each folder (list, grid or gallery, and the gallery's tile size): saved on the
//! server with `PATCH /file/view` where it allows (the folder's owner, view sync on), otherwise in
//! this browser. A browser-saved choice wins over the server's until the server accepts one.

use cloudreve_api::models::{ExplorerView, UpdateViewRequest};
use cloudreve_api::CrUri;
use leptos::prelude::*;

use crate::browser;
use crate::domain::sort::Sort;
use crate::state::explorer::{Explorer, ViewMode};
use crate::state::folder_listing::PAGE_SIZE;
use crate::state::session::Session;

/// Gallery tile size bounds (file.md §Update view setting: `gallery_width` 50..500).
pub const GALLERY_MIN: u32 = 80;
/// Largest gallery tile.
pub const GALLERY_MAX: u32 = 400;

fn local_key(folder: &CrUri) -> String {
    let mut plain = folder.clone();
    plain.query.clear();
    // A share's password stays out of storage.
    plain.password = None;
    format!("cr_view:{plain}")
}

/// Sets the explorer's view for `folder` from the browser's saved choice, else the listing's.
pub fn apply(ex: Explorer, folder: &CrUri, server: Option<&ExplorerView>) {
    let local = browser::load(&local_key(folder));
    let (mode, gallery) = match local.as_deref().and_then(|s| s.split_once(':')) {
        Some((m, g)) => (ViewMode::parse(m), g.parse().ok()),
        None => (
            server.and_then(|v| ViewMode::parse(&v.view)),
            server
                .and_then(|v| v.gallery_width)
                .and_then(|g| u32::try_from(g).ok()),
        ),
    };
    ex.view.set(mode.unwrap_or_default());
    if let Some(g) = gallery {
        ex.gallery_size.set(g.clamp(GALLERY_MIN, GALLERY_MAX));
    }
}

/// Saves the explorer's current view for its folder.
pub async fn save(session: Session, ex: Explorer, sort: Sort) {
    let folder = ex.folder.get_untracked();
    let mode = ex.view.get_untracked();
    let gallery = ex.gallery_size.get_untracked();
    let req = UpdateViewRequest {
        uri: folder.to_string(),
        view: Some(ExplorerView {
            page_size: PAGE_SIZE,
            order: sort.key.as_str().into(),
            order_direction: sort.direction().into(),
            view: mode.as_str().into(),
            thumbnail: true,
            gallery_width: Some(i64::from(gallery)),
            ..ExplorerView::default()
        }),
    };
    // Remembered here first, so the folder shows the new view even if reloaded before the server
    // answers; forgotten once the server has it (it then follows the server, e.g. other devices).
    let key = local_key(&folder);
    browser::store(&key, &format!("{}:{gallery}", mode.as_str()));
    if session.call(&req).await.is_ok() {
        browser::remove(&key);
    }
}
