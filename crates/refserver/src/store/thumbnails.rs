//! Generated thumbnails: one per source blob, so copies of a file share theirs.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::AppError;

/// One stored thumbnail.
#[derive(Debug, Clone, PartialEq)]
pub struct ThumbRow {
    /// Row id (its entity id is derived from it).
    pub id: i64,
    /// Blob it was made from.
    pub source_blob: String,
    /// Its own file under the blob dir.
    pub blob: String,
    /// Bytes.
    pub size: i64,
}

const COLUMNS: &str = "id, source_blob, blob, size";

fn from_row(r: &Row) -> rusqlite::Result<ThumbRow> {
    Ok(ThumbRow {
        id: r.get(0)?,
        source_blob: r.get(1)?,
        blob: r.get(2)?,
        size: r.get(3)?,
    })
}

/// The thumbnail with row id `id`.
pub fn by_id(c: &Connection, id: i64) -> Result<Option<ThumbRow>, AppError> {
    Ok(c.query_row(
        &format!("SELECT {COLUMNS} FROM thumbnails WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?)
}

/// The thumbnail made from `source_blob`.
pub fn of_blob(c: &Connection, source_blob: &str) -> Result<Option<ThumbRow>, AppError> {
    Ok(c.query_row(
        &format!("SELECT {COLUMNS} FROM thumbnails WHERE source_blob = ?1"),
        [source_blob],
        from_row,
    )
    .optional()?)
}

/// Records a thumbnail of `source_blob` unless one exists already (a concurrent request may have
/// made it first); returns the row that stays.
pub fn insert(
    c: &Connection,
    source_blob: &str,
    blob: &str,
    size: i64,
    now_ms: i64,
) -> Result<ThumbRow, AppError> {
    c.execute(
        "INSERT INTO thumbnails (source_blob, blob, size, created_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (source_blob) DO NOTHING",
        params![source_blob, blob, size, now_ms],
    )?;
    of_blob(c, source_blob)?
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("thumbnail row vanished")))
}

/// Forgets the thumbnail of `source_blob` (its source is gone); returns the thumbnail's blob.
pub fn remove_of_blob(c: &Connection, source_blob: &str) -> Result<Option<String>, AppError> {
    Ok(c.query_row(
        "DELETE FROM thumbnails WHERE source_blob = ?1 RETURNING blob",
        [source_blob],
        |r| r.get(0),
    )
    .optional()?)
}
