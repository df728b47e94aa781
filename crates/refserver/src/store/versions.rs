//! Versions of a file's content (file.md §Versions, migration 0007): which entity is current, the
//! kept ones, and writing new content so that the old one stays a version.

use rusqlite::{params, Connection, OptionalExtension, Row};

use super::files::{self, FileRow, TYPE_FILE};
use crate::error::AppError;
use crate::signing::EntityRef;

/// One kept content of a file.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionRow {
    /// Row id (its entity id is [`EntityRef::Version`]).
    pub id: i64,
    /// The file.
    pub file_id: i64,
    /// Blob name; `None` for empty content.
    pub blob: Option<String>,
    /// Bytes.
    pub size: i64,
    /// Unix ms.
    pub created_at: i64,
    /// Who wrote it, when known.
    pub created_by: Option<i64>,
}

const COLUMNS: &str = "id, file_id, blob, size, created_at, created_by";

fn from_row(r: &Row) -> rusqlite::Result<VersionRow> {
    Ok(VersionRow {
        id: r.get(0)?,
        file_id: r.get(1)?,
        blob: r.get(2)?,
        size: r.get(3)?,
        created_at: r.get(4)?,
        created_by: r.get(5)?,
    })
}

/// The entity of `row`'s current content: its versions row, or (content from before versioning,
/// copies) the file itself; `None` for folders and never-written empty files.
pub fn current_entity(row: &FileRow) -> Option<EntityRef> {
    match (row.file_type, row.version_id, &row.blob) {
        (TYPE_FILE, Some(v), _) => Some(EntityRef::Version(v)),
        (TYPE_FILE, None, Some(_)) => Some(EntityRef::File(row.id)),
        _ => None,
    }
}

/// The versions row `id`.
pub fn by_id(c: &Connection, id: i64) -> Result<Option<VersionRow>, AppError> {
    Ok(c.query_row(
        &format!("SELECT {COLUMNS} FROM versions WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?)
}

/// The kept versions of file `file_id`, newest first.
pub fn of_file(c: &Connection, file_id: i64) -> Result<Vec<VersionRow>, AppError> {
    let mut st = c.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM versions WHERE file_id = ?1 ORDER BY created_at DESC, id DESC"
    ))?;
    let rows = st
        .query_map([file_id], from_row)?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

fn insert(
    c: &Connection,
    file_id: i64,
    blob: Option<&str>,
    size: i64,
    at_ms: i64,
    by: Option<i64>,
) -> Result<i64, AppError> {
    c.execute(
        "INSERT INTO versions (file_id, blob, size, created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![file_id, blob, size, at_ms, by],
    )?;
    Ok(c.last_insert_rowid())
}

/// Gives content from before versioning a versions row, so that switching away keeps it.
fn adopt(c: &Connection, file: &FileRow) -> Result<(), AppError> {
    if file.version_id.is_none() && file.blob.is_some() {
        let v = insert(
            c,
            file.id,
            file.blob.as_deref(),
            file.size,
            file.updated_at,
            None,
        )?;
        c.execute(
            "UPDATE files SET version_id = ?2 WHERE id = ?1",
            params![file.id, v],
        )?;
    }
    Ok(())
}

/// Makes `blob` (`size` bytes, written by `by`) the new current content of `file`. The old content
/// stays a version: this server keeps no user preferences yet, so the retention in force is the
/// demo's "keep every version" (TODO(#user-settings): honour `version_retention_*`). Returns the
/// new current versions row id.
pub fn write(
    c: &Connection,
    file: &FileRow,
    blob: Option<&str>,
    size: i64,
    updated_ms: i64,
    by: i64,
) -> Result<i64, AppError> {
    adopt(c, file)?;
    let v = insert(c, file.id, blob, size, updated_ms, Some(by))?;
    c.execute(
        "UPDATE files SET blob = ?2, size = ?3, updated_at = ?4, version_id = ?5 WHERE id = ?1",
        params![file.id, blob, size, updated_ms, v],
    )?;
    Ok(v)
}

/// Makes kept version `v` the current content of `file` (a no-op when it already is).
pub fn set_current(
    c: &Connection,
    file: &FileRow,
    v: &VersionRow,
    now_ms: i64,
) -> Result<(), AppError> {
    if file.version_id == Some(v.id) {
        return Ok(());
    }
    adopt(c, file)?;
    c.execute(
        "UPDATE files SET blob = ?2, size = ?3, updated_at = ?4, version_id = ?5 WHERE id = ?1",
        params![file.id, v.blob, v.size, now_ms, v.id],
    )?;
    Ok(())
}

/// Forgets kept version `v` (never the current one: callers check); returns the blobs freed.
pub fn delete(c: &Connection, v: &VersionRow) -> Result<Vec<String>, AppError> {
    c.execute("DELETE FROM versions WHERE id = ?1", [v.id])?;
    match &v.blob {
        Some(blob) => files::release_blob(c, blob),
        None => Ok(Vec::new()),
    }
}

/// Bytes of `owner`'s kept versions that are not some file's current content (those count
/// through the file's size).
pub fn kept_bytes(c: &Connection, owner: i64) -> Result<i64, AppError> {
    Ok(c.query_row(
        "SELECT COALESCE(SUM(v.size), 0) FROM versions v JOIN files f ON f.id = v.file_id
         WHERE f.owner_id = ?1 AND (f.version_id IS NULL OR v.id != f.version_id)",
        [owner],
        |r| r.get(0),
    )?)
}
