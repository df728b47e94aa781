//! The file tree: roots, path resolution, paged children and creation.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::AppError;

/// `files.type` of a regular file.
pub const TYPE_FILE: i64 = 0;
/// `files.type` of a folder.
pub const TYPE_FOLDER: i64 = 1;

/// One row of the tree.
#[derive(Debug, Clone, PartialEq)]
pub struct FileRow {
    /// Row id.
    pub id: i64,
    /// Owner's user row id.
    pub owner_id: i64,
    /// Parent folder; `None` for a root.
    pub parent_id: Option<i64>,
    /// Name (empty for a root).
    pub name: String,
    /// [`TYPE_FILE`] or [`TYPE_FOLDER`].
    pub file_type: i64,
    /// Bytes.
    pub size: i64,
    /// Blob file name under the blob dir.
    pub blob: Option<String>,
    /// Unix ms.
    pub created_at: i64,
    /// Unix ms.
    pub updated_at: i64,
    /// The `versions` row of the current content; `None` before it was versioned (see
    /// `store::versions`).
    pub version_id: Option<i64>,
}

pub(crate) const COLUMNS: &str =
    "id, owner_id, parent_id, name, type, size, blob, created_at, updated_at, version_id";

pub(crate) fn from_row(r: &Row) -> rusqlite::Result<FileRow> {
    Ok(FileRow {
        id: r.get(0)?,
        owner_id: r.get(1)?,
        parent_id: r.get(2)?,
        name: r.get(3)?,
        file_type: r.get(4)?,
        size: r.get(5)?,
        blob: r.get(6)?,
        created_at: r.get(7)?,
        updated_at: r.get(8)?,
        version_id: r.get(9)?,
    })
}

/// `files.fs` of the "my files" root.
pub const FS_MY: i64 = 0;
/// `files.fs` of the trash root.
pub const FS_TRASH: i64 = 1;

/// The user's root of file system `fs`, created on first use.
pub fn root_of(c: &Connection, owner: i64, fs: i64, now_ms: i64) -> Result<FileRow, AppError> {
    let found = c
        .query_row(
            &format!(
                "SELECT {COLUMNS} FROM files WHERE owner_id = ?1 AND parent_id IS NULL AND fs = ?2"
            ),
            params![owner, fs],
            from_row,
        )
        .optional()?;
    if let Some(root) = found {
        return Ok(root);
    }
    c.execute("INSERT INTO files (owner_id, parent_id, name, type, fs, created_at, updated_at) VALUES (?1, NULL, '', 1, ?2, ?3, ?3)", params![owner, fs, now_ms])?;
    Ok(FileRow {
        id: c.last_insert_rowid(),
        owner_id: owner,
        parent_id: None,
        name: String::new(),
        file_type: TYPE_FOLDER,
        size: 0,
        blob: None,
        created_at: now_ms,
        updated_at: now_ms,
        version_id: None,
    })
}

/// The user's "my files" root folder, created on first use.
pub fn root(c: &Connection, owner: i64, now_ms: i64) -> Result<FileRow, AppError> {
    root_of(c, owner, FS_MY, now_ms)
}

/// The row with id `id`.
pub fn by_id(c: &Connection, id: i64) -> Result<Option<FileRow>, AppError> {
    Ok(c.query_row(
        &format!("SELECT {COLUMNS} FROM files WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?)
}

/// Moves `id` under `parent` with `name` (a rename when the parent stays).
pub fn relocate(
    c: &Connection,
    id: i64,
    parent: i64,
    name: &str,
    now_ms: i64,
) -> Result<(), AppError> {
    c.execute(
        "UPDATE files SET parent_id = ?2, name = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, parent, name, now_ms],
    )?;
    Ok(())
}

/// Whether `ancestor` is `node` or one of its ancestors.
pub fn is_within(c: &Connection, node: i64, ancestor: i64) -> Result<bool, AppError> {
    let found: Option<i64> = c
        .query_row(
            "WITH RECURSIVE up(id, parent_id) AS (SELECT id, parent_id FROM files WHERE id = ?1
               UNION ALL SELECT f.id, f.parent_id FROM files f JOIN up ON f.id = up.parent_id)
             SELECT id FROM up WHERE id = ?2",
            params![node, ancestor],
            |r| r.get(0),
        )
        .optional()?;
    Ok(found.is_some())
}

/// `t(id)`: row `?1` and everything below it.
const SUBTREE: &str = "WITH RECURSIVE t(id) AS (SELECT ?1 UNION ALL SELECT f.id FROM files f JOIN t ON f.parent_id = t.id)";

/// Bytes of the files in `id`'s subtree (`id` included).
pub fn tree_size(c: &Connection, id: i64) -> Result<i64, AppError> {
    Ok(c.query_row(
        &format!("{SUBTREE} SELECT COALESCE(SUM(size), 0) FROM files WHERE id IN (SELECT id FROM t) AND type = 0"),
        [id],
        |r| r.get(0),
    )?)
}

/// Deletes `id` and everything below it; returns the blobs no row references any more (with
/// their thumbnails).
pub fn delete_tree(c: &Connection, id: i64) -> Result<Vec<String>, AppError> {
    let blobs: Vec<String> = {
        // Kept versions hold blobs too (and go with their files: ON DELETE CASCADE).
        let mut st = c.prepare(&format!("{SUBTREE} SELECT blob FROM files WHERE id IN (SELECT id FROM t) AND blob IS NOT NULL UNION SELECT blob FROM versions WHERE file_id IN (SELECT id FROM t) AND blob IS NOT NULL"))?;
        let r = st
            .query_map([id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        r
    };
    // One statement: SQLite checks the parent_id foreign key when the statement ends, and metadata
    // rows go with their files (ON DELETE CASCADE).
    c.execute(
        &format!("{SUBTREE} DELETE FROM files WHERE id IN (SELECT id FROM t)"),
        [id],
    )?;
    let mut orphaned = Vec::new();
    for blob in blobs {
        orphaned.extend(release_blob(c, &blob)?);
    }
    Ok(orphaned)
}

/// Once no row references `blob` any more: forgets its thumbnail and returns the files to delete
/// from the blob dir (the blob and the thumbnail's); nothing while copies still share it.
pub fn release_blob(c: &Connection, blob: &str) -> Result<Vec<String>, AppError> {
    let users: i64 = c.query_row(
        "SELECT (SELECT COUNT(*) FROM files WHERE blob = ?1) + (SELECT COUNT(*) FROM versions WHERE blob = ?1)",
        [blob],
        |r| r.get(0),
    )?;
    if users > 0 {
        return Ok(Vec::new());
    }
    // A thumbnail goes with the last file of its source blob.
    let mut orphaned: Vec<String> = super::thumbnails::remove_of_blob(c, blob)?
        .into_iter()
        .collect();
    orphaned.push(blob.to_string());
    Ok(orphaned)
}

/// Gives file `id` new, unversioned content: `blob` (`None` when empty) of `size` bytes, modified
/// at `updated_ms` (`store::versions::write` keeps the old content instead).
pub fn set_content(
    c: &Connection,
    id: i64,
    blob: Option<&str>,
    size: i64,
    updated_ms: i64,
) -> Result<(), AppError> {
    c.execute(
        "UPDATE files SET blob = ?2, size = ?3, updated_at = ?4, version_id = NULL WHERE id = ?1",
        params![id, blob, size, updated_ms],
    )?;
    Ok(())
}

/// Copies `src` (and its subtree) under `dst` as `name`; blobs are shared, not duplicated.
pub fn copy_tree(
    c: &Connection,
    src: &FileRow,
    dst: &FileRow,
    name: &str,
    now_ms: i64,
) -> Result<FileRow, AppError> {
    let copy = create(
        c,
        dst,
        name,
        src.file_type,
        src.size,
        src.blob.as_deref(),
        now_ms,
    )?;
    let children: Vec<FileRow> = {
        let mut st = c.prepare(&format!("SELECT {COLUMNS} FROM files WHERE parent_id = ?1"))?;
        let r = st
            .query_map([src.id], from_row)?
            .collect::<Result<_, _>>()?;
        r
    };
    for child in children {
        copy_tree(c, &child, &copy, &child.name, now_ms)?;
    }
    Ok(copy)
}

/// The child of `parent` named exactly `name`.
pub fn child(c: &Connection, parent: i64, name: &str) -> Result<Option<FileRow>, AppError> {
    Ok(c.query_row(
        &format!("SELECT {COLUMNS} FROM files WHERE parent_id = ?1 AND name = ?2"),
        params![parent, name],
        from_row,
    )
    .optional()?)
}

/// Walks `segments` from the user's root; `None` if any step is missing or passes through a file.
pub fn resolve(
    c: &Connection,
    owner: i64,
    segments: &[String],
    now_ms: i64,
) -> Result<Option<FileRow>, AppError> {
    let mut cur = root(c, owner, now_ms)?;
    for seg in segments {
        if cur.file_type != TYPE_FOLDER {
            return Ok(None);
        }
        match child(c, cur.id, seg)? {
            Some(next) => cur = next,
            None => return Ok(None),
        }
    }
    Ok(Some(cur))
}

/// Inserts a child and returns it.
pub fn create(
    c: &Connection,
    parent: &FileRow,
    name: &str,
    file_type: i64,
    size: i64,
    blob: Option<&str>,
    now_ms: i64,
) -> Result<FileRow, AppError> {
    c.execute(
        "INSERT INTO files (owner_id, parent_id, name, type, size, blob, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![parent.owner_id, parent.id, name, file_type, size, blob, now_ms],
    )?;
    Ok(FileRow {
        id: c.last_insert_rowid(),
        owner_id: parent.owner_id,
        parent_id: Some(parent.id),
        name: name.into(),
        file_type,
        size,
        blob: blob.map(Into::into),
        created_at: now_ms,
        updated_at: now_ms,
        version_id: None,
    })
}

/// A sortable column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderBy {
    /// Name, case-insensitive.
    Name,
    /// Size in bytes.
    Size,
    /// Modification time.
    UpdatedAt,
    /// Creation order (row id).
    CreatedAt,
}

impl OrderBy {
    /// Parses the wire name (`name`, `size`, `updated_at`, `created_at`).
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "name" => OrderBy::Name,
            "size" => OrderBy::Size,
            "updated_at" => OrderBy::UpdatedAt,
            "created_at" => OrderBy::CreatedAt,
            _ => return None,
        })
    }

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            OrderBy::Name => "name",
            OrderBy::Size => "size",
            OrderBy::UpdatedAt => "updated_at",
            OrderBy::CreatedAt => "created_at",
        }
    }

    fn sql(self) -> &'static str {
        match self {
            OrderBy::Name => "name COLLATE NOCASE",
            OrderBy::Size => "size",
            OrderBy::UpdatedAt => "updated_at",
            OrderBy::CreatedAt => "id",
        }
    }

    /// This row's sort key, as stored in cursors.
    pub fn key_of(self, f: &FileRow) -> serde_json::Value {
        match self {
            OrderBy::Name => f.name.clone().into(),
            OrderBy::Size => f.size.into(),
            OrderBy::UpdatedAt => f.updated_at.into(),
            OrderBy::CreatedAt => f.id.into(),
        }
    }
}

/// Where the previous cursor page ended.
#[derive(Debug, Clone, PartialEq)]
pub struct After {
    /// Type of the last row (folders come first).
    pub file_type: i64,
    /// Sort key of the last row.
    pub key: serde_json::Value,
    /// Id of the last row (tie-break).
    pub id: i64,
}

/// Which slice of the children to read.
#[derive(Debug, Clone, PartialEq)]
pub enum Window {
    /// Keyset: rows after this position.
    Cursor(Option<After>),
    /// Offset: 0-based page.
    Page(i64),
}

fn to_sql(v: &serde_json::Value) -> rusqlite::types::Value {
    match v {
        serde_json::Value::String(s) => s.clone().into(),
        serde_json::Value::Number(n) => n.as_i64().unwrap_or_default().into(),
        _ => rusqlite::types::Value::Null,
    }
}

/// One page of `parent`'s children, folders first. Returns the rows and whether more follow.
pub fn children(
    c: &Connection,
    parent: i64,
    order: OrderBy,
    desc: bool,
    size: i64,
    window: &Window,
) -> Result<(Vec<FileRow>, bool), AppError> {
    let (cmp, dir) = if desc { ("<", "DESC") } else { (">", "ASC") };
    let key = order.sql();
    let order_sql = format!("ORDER BY type DESC, {key} {dir}, id {dir}");
    let rows: Vec<FileRow> = match window {
        Window::Cursor(None) | Window::Page(_) => {
            let offset = if let Window::Page(p) = window {
                p * size
            } else {
                0
            };
            let sql = format!(
                "SELECT {COLUMNS} FROM files WHERE parent_id = ?1 {order_sql} LIMIT ?2 OFFSET ?3"
            );
            let mut st = c.prepare_cached(&sql)?;
            let r = st
                .query_map(params![parent, size + 1, offset], from_row)?
                .collect::<Result<_, _>>()?;
            r
        }
        Window::Cursor(Some(after)) => {
            let sql = format!(
                "SELECT {COLUMNS} FROM files WHERE parent_id = ?1 AND (type < ?2 OR (type = ?2 AND ({key} {cmp} ?3 OR ({key} = ?3 AND id {cmp} ?4)))) {order_sql} LIMIT ?5"
            );
            let mut st = c.prepare_cached(&sql)?;
            let r = st
                .query_map(
                    params![
                        parent,
                        after.file_type,
                        to_sql(&after.key),
                        after.id,
                        size + 1
                    ],
                    from_row,
                )?
                .collect::<Result<_, _>>()?;
            r
        }
    };
    let more = rows.len() as i64 > size;
    Ok((rows.into_iter().take(size as usize).collect(), more))
}

/// How many children `parent` has.
pub fn count_children(c: &Connection, parent: i64) -> Result<i64, AppError> {
    Ok(c.query_row(
        "SELECT COUNT(*) FROM files WHERE parent_id = ?1",
        [parent],
        |r| r.get(0),
    )?)
}
