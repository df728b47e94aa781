//! The WOPI host (file.md §7 WOPI host endpoints): what a WOPI client (Collabora, OnlyOffice,
//! Office Online) calls, server to server, with a viewer session's `access_token` in the query.
//! Not JSON endpoints: answers are WOPI's own, failures HTTP statuses, so they are mounted outside
//! the catalogue.

mod access;
mod check_file_info;
mod contents;
mod error;
mod lock_ops;

use axum::routing::get;
use axum::Router;

use self::access::Access;
use self::error::WopiError;
use crate::signing::EntityRef;
use crate::state::AppState;
use crate::store::versions;

/// CheckFileInfo, and the lock operations.
pub const FILE_PATH: &str = "/file/wopi/{file_id}";
/// GetFile and PutFile.
pub const CONTENTS_PATH: &str = "/file/wopi/{file_id}/contents";

/// The WOPI routes, relative to `/api/v4`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            FILE_PATH,
            get(check_file_info::check_file_info).post(lock_ops::dispatch),
        )
        .route(
            CONTENTS_PATH,
            get(contents::get_file).post(contents::put_file),
        )
}

/// The content a session opened: the file's current one, or the kept version it named.
struct Opened {
    /// Entity id (`Version` in CheckFileInfo, `X-WOPI-ItemVersion`).
    version: String,
    size: i64,
    modified_ms: i64,
    blob: Option<String>,
}

async fn opened(s: &AppState, access: &Access) -> Result<Opened, WopiError> {
    let file = access.file.clone();
    let ids = s.ids;
    let Some(version) = access.session.version_id else {
        return Ok(Opened {
            version: super::file::primary_entity(&ids, &file),
            size: file.size,
            modified_ms: file.updated_at,
            blob: file.blob,
        });
    };
    let kept = s.db.call(move |c| versions::by_id(c, version)).await?;
    match kept {
        Some(v) if v.file_id == file.id => Ok(Opened {
            version: EntityRef::Version(v.id).encode(&ids),
            size: v.size,
            modified_ms: v.created_at,
            blob: v.blob,
        }),
        _ => Err(WopiError::NotFound),
    }
}
