//! Share links (share.md): rows, counters and the owner's keyset pages.

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::AppError;
use crate::store::files::FS_MY;

/// One share link.
#[derive(Debug, Clone)]
pub struct ShareRow {
    /// Row id (hashed on the wire).
    pub id: i64,
    /// The owner's user id.
    pub owner_id: i64,
    /// The shared file or folder.
    pub file_id: i64,
    /// The password; empty for a public share.
    pub password: String,
    /// Expiry, unix ms.
    pub expires_at: Option<i64>,
    /// Downloads left before the link expires; `None` = unlimited.
    pub remain_downloads: Option<i64>,
    /// Downloads counted so far.
    pub downloaded: i64,
    /// Views counted so far.
    pub visited: i64,
    /// Visitors see the owner's view settings.
    pub share_view: bool,
    /// Visitors' clients render the folder's README.
    pub show_readme: bool,
    /// Creation, unix ms.
    pub created_at: i64,
}

impl ShareRow {
    /// Expired by time or by downloads (the source's state is checked separately).
    pub fn is_spent(&self, now_ms: i64) -> bool {
        self.expires_at.is_some_and(|t| t <= now_ms)
            || self.remain_downloads.is_some_and(|n| n <= 0)
    }
}

const COLUMNS: &str = "id, owner_id, file_id, password, expires_at, remain_downloads, downloaded, visited, share_view, show_readme, created_at";

fn from_row(r: &Row) -> rusqlite::Result<ShareRow> {
    Ok(ShareRow {
        id: r.get(0)?,
        owner_id: r.get(1)?,
        file_id: r.get(2)?,
        password: r.get(3)?,
        expires_at: r.get(4)?,
        remain_downloads: r.get(5)?,
        downloaded: r.get(6)?,
        visited: r.get(7)?,
        share_view: r.get(8)?,
        show_readme: r.get(9)?,
        created_at: r.get(10)?,
    })
}

/// The settings a share is created or edited with.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Expiry, unix ms.
    pub expires_at: Option<i64>,
    /// Download limit.
    pub remain_downloads: Option<i64>,
    /// Share the owner's view settings.
    pub share_view: bool,
    /// Render the README.
    pub show_readme: bool,
}

/// Inserts a share and returns its id.
pub fn insert(
    c: &Connection,
    owner: i64,
    file: i64,
    password: &str,
    settings: &Settings,
    now_ms: i64,
) -> Result<i64, AppError> {
    c.execute(
        "INSERT INTO shares (owner_id, file_id, password, expires_at, remain_downloads, share_view, show_readme, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            owner,
            file,
            password,
            settings.expires_at,
            settings.remain_downloads,
            settings.share_view,
            settings.show_readme,
            now_ms
        ],
    )?;
    Ok(c.last_insert_rowid())
}

/// Replaces the editable settings (share.md §Edit: the password and counters stay).
pub fn update(c: &Connection, id: i64, settings: &Settings) -> Result<(), AppError> {
    c.execute(
        "UPDATE shares SET expires_at = ?2, remain_downloads = ?3, share_view = ?4, show_readme = ?5 WHERE id = ?1",
        params![
            id,
            settings.expires_at,
            settings.remain_downloads,
            settings.share_view,
            settings.show_readme
        ],
    )?;
    Ok(())
}

/// The share with id `id`.
pub fn by_id(c: &Connection, id: i64) -> Result<Option<ShareRow>, AppError> {
    Ok(c.query_row(
        &format!("SELECT {COLUMNS} FROM shares WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?)
}

/// Deletes a share.
pub fn delete(c: &Connection, id: i64) -> Result<(), AppError> {
    c.execute("DELETE FROM shares WHERE id = ?1", [id])?;
    Ok(())
}

/// The shares of file `file`, oldest first.
pub fn of_file(c: &Connection, file: i64) -> Result<Vec<ShareRow>, AppError> {
    let mut st = c.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM shares WHERE file_id = ?1 ORDER BY id"
    ))?;
    let rows = st.query_map([file], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Counts one view.
pub fn count_view(c: &Connection, id: i64) -> Result<(), AppError> {
    c.execute(
        "UPDATE shares SET visited = visited + 1 WHERE id = ?1",
        [id],
    )?;
    Ok(())
}

/// Counts one download (and spends one of a limited share's downloads).
pub fn count_download(c: &Connection, id: i64) -> Result<(), AppError> {
    c.execute(
        "UPDATE shares SET downloaded = downloaded + 1,
            remain_downloads = CASE WHEN remain_downloads IS NULL THEN NULL ELSE MAX(remain_downloads - 1, 0) END
         WHERE id = ?1",
        [id],
    )?;
    Ok(())
}

/// What a page of shares is ordered by (share.md §List my share links).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Creation order.
    Id,
    /// Views.
    Views,
    /// Downloads.
    Downloads,
    /// Downloads left (unlimited sorts as the largest).
    RemainDownloads,
}

impl Order {
    /// Parses `order_by`; unknown values are a parameter error.
    pub fn parse(raw: Option<&str>) -> Option<Self> {
        match raw.unwrap_or("id") {
            "" | "id" => Some(Order::Id),
            "views" => Some(Order::Views),
            "downloads" => Some(Order::Downloads),
            "remain_downloads" => Some(Order::RemainDownloads),
            _ => None,
        }
    }

    fn sql(self) -> &'static str {
        match self {
            Order::Id => "id",
            Order::Views => "visited",
            Order::Downloads => "downloaded",
            Order::RemainDownloads => "COALESCE(remain_downloads, 9223372036854775807)",
        }
    }

    /// The sort key of `row`.
    pub fn key_of(self, row: &ShareRow) -> i64 {
        match self {
            Order::Id => row.id,
            Order::Views => row.visited,
            Order::Downloads => row.downloaded,
            Order::RemainDownloads => row.remain_downloads.unwrap_or(i64::MAX),
        }
    }
}

/// Which shares of an owner a page lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// All of them (the owner's own list).
    All,
    /// Those without a password (the public profile).
    Public,
}

/// One page of `owner`'s shares after `after` = (key, id), a real keyset on (order field, id), and
/// whether more follow.
pub fn page(
    c: &Connection,
    owner: i64,
    which: Which,
    order: Order,
    desc: bool,
    size: i64,
    after: Option<(i64, i64)>,
) -> Result<(Vec<ShareRow>, bool), AppError> {
    let key = order.sql();
    let (cmp, dir) = if desc { ("<", "DESC") } else { (">", "ASC") };
    let public = if which == Which::Public {
        "AND password = ''"
    } else {
        ""
    };
    let (k, i) = after.unwrap_or(if desc {
        (i64::MAX, i64::MAX)
    } else {
        (i64::MIN, i64::MIN)
    });
    let sql = format!(
        "SELECT {COLUMNS} FROM shares WHERE owner_id = ?1 {public}
           AND ({key} {cmp} ?2 OR ({key} = ?2 AND id {cmp} ?3))
         ORDER BY {key} {dir}, id {dir} LIMIT ?4"
    );
    let mut st = c.prepare_cached(&sql)?;
    let mut rows: Vec<ShareRow> = st
        .query_map(params![owner, k, i, size + 1], from_row)?
        .collect::<Result<_, _>>()?;
    let more = rows.len() as i64 > size;
    rows.truncate(size.max(0) as usize);
    Ok((rows, more))
}

/// The path of `file` in its owner's `my` tree, root first; `None` when it is in the trash (or
/// anywhere else but `my`).
pub fn path_in_my(c: &Connection, file: i64) -> Result<Option<Vec<String>>, AppError> {
    let mut st = c.prepare_cached(
        "WITH RECURSIVE up(id, parent_id, name, fs, depth) AS (
            SELECT id, parent_id, name, fs, 0 FROM files WHERE id = ?1
            UNION ALL SELECT f.id, f.parent_id, f.name, f.fs, up.depth + 1 FROM files f JOIN up ON f.id = up.parent_id)
         SELECT name, parent_id IS NULL, fs FROM up ORDER BY depth DESC",
    )?;
    let steps: Vec<(String, bool, i64)> = st
        .query_map([file], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let Some((_, true, fs)) = steps.first() else {
        return Ok(None);
    };
    if *fs != FS_MY {
        return Ok(None);
    }
    Ok(Some(steps.into_iter().skip(1).map(|(n, _, _)| n).collect()))
}
