//! Direct links (file.md §Direct links): one row per `/f/{id}/{name}` link.

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::AppError;

/// One direct link.
#[derive(Debug, Clone)]
pub struct LinkRow {
    /// Row id (hashed on the wire).
    pub id: i64,
    /// The linked file.
    pub file_id: i64,
    /// Who made it.
    pub owner_id: i64,
    /// Times it was followed.
    pub downloaded: i64,
    /// Creation, unix ms.
    pub created_at: i64,
}

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<LinkRow> {
    Ok(LinkRow {
        id: r.get(0)?,
        file_id: r.get(1)?,
        owner_id: r.get(2)?,
        downloaded: r.get(3)?,
        created_at: r.get(4)?,
    })
}

/// Adds a link to `file` and returns its id.
pub fn insert(c: &Connection, file: i64, owner: i64, now_ms: i64) -> Result<i64, AppError> {
    c.execute(
        "INSERT INTO direct_links (file_id, owner_id, created_at) VALUES (?1, ?2, ?3)",
        params![file, owner, now_ms],
    )?;
    Ok(c.last_insert_rowid())
}

/// The link with id `id`.
pub fn by_id(c: &Connection, id: i64) -> Result<Option<LinkRow>, AppError> {
    Ok(c.query_row(
        "SELECT id, file_id, owner_id, downloaded, created_at FROM direct_links WHERE id = ?1",
        [id],
        from_row,
    )
    .optional()?)
}

/// The links of `file`, oldest first.
pub fn of_file(c: &Connection, file: i64) -> Result<Vec<LinkRow>, AppError> {
    let mut st = c.prepare_cached(
        "SELECT id, file_id, owner_id, downloaded, created_at FROM direct_links WHERE file_id = ?1 ORDER BY id",
    )?;
    let rows = st.query_map([file], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Counts one use.
pub fn count(c: &Connection, id: i64) -> Result<(), AppError> {
    c.execute(
        "UPDATE direct_links SET downloaded = downloaded + 1 WHERE id = ?1",
        [id],
    )?;
    Ok(())
}

/// Deletes a link.
pub fn delete(c: &Connection, id: i64) -> Result<(), AppError> {
    c.execute("DELETE FROM direct_links WHERE id = ?1", [id])?;
    Ok(())
}
