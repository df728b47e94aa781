//! Stored explorer views: per folder (inherited by descendants), and per user for the roots that
//! have no folder of their own (trash, shared_with_me).

use cloudreve_api::models::ExplorerView;
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::AppError;

fn encode(view: &ExplorerView) -> Result<String, AppError> {
    serde_json::to_string(view).map_err(|e| AppError::Internal(e.into()))
}

/// A stored view; one that no longer decodes counts as none rather than breaking the listing.
fn decode(raw: Option<String>) -> Option<ExplorerView> {
    raw.and_then(|s| serde_json::from_str(&s).ok())
}

/// Stores (`Some`) or clears (`None`) the view of folder `file`.
pub fn set_folder(c: &Connection, file: i64, view: Option<&ExplorerView>) -> Result<(), AppError> {
    match view {
        Some(v) => c.execute(
            "INSERT INTO folder_views (file_id, view) VALUES (?1, ?2)
             ON CONFLICT (file_id) DO UPDATE SET view = excluded.view",
            params![file, encode(v)?],
        )?,
        None => c.execute("DELETE FROM folder_views WHERE file_id = ?1", [file])?,
    };
    Ok(())
}

/// Stores (`Some`) or clears (`None`) `user`'s view of the root of file system `fs`.
pub fn set_root(
    c: &Connection,
    user: i64,
    fs: &str,
    view: Option<&ExplorerView>,
) -> Result<(), AppError> {
    match view {
        Some(v) => c.execute(
            "INSERT INTO user_views (user_id, fs, view) VALUES (?1, ?2, ?3)
             ON CONFLICT (user_id, fs) DO UPDATE SET view = excluded.view",
            params![user, fs, encode(v)?],
        )?,
        None => c.execute(
            "DELETE FROM user_views WHERE user_id = ?1 AND fs = ?2",
            params![user, fs],
        )?,
    };
    Ok(())
}

/// The view stored on `folder` or, failing that, on its nearest ancestor that has one.
pub fn nearest(c: &Connection, folder: i64) -> Result<Option<ExplorerView>, AppError> {
    let raw = c
        .query_row(
            "WITH RECURSIVE up(id, parent_id, depth) AS (
                 SELECT id, parent_id, 0 FROM files WHERE id = ?1
                 UNION ALL SELECT f.id, f.parent_id, up.depth + 1 FROM files f JOIN up ON f.id = up.parent_id)
             SELECT v.view FROM up JOIN folder_views v ON v.file_id = up.id ORDER BY up.depth LIMIT 1",
            [folder],
            |r| r.get(0),
        )
        .optional()?;
    Ok(decode(raw))
}

/// `user`'s stored view of the root of file system `fs`.
pub fn of_root(c: &Connection, user: i64, fs: &str) -> Result<Option<ExplorerView>, AppError> {
    let raw = c
        .query_row(
            "SELECT view FROM user_views WHERE user_id = ?1 AND fs = ?2",
            params![user, fs],
            |r| r.get(0),
        )
        .optional()?;
    Ok(decode(raw))
}
