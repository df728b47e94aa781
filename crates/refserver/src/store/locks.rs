//! Locks on files and folders (errors.md §3): who holds them, and which ones an operation hits.

use rusqlite::{params, Connection};

use crate::error::AppError;

/// One live lock, with the type of the item it is on.
#[derive(Debug, Clone, PartialEq)]
pub struct LockRow {
    /// `DELETE /file/lock` token.
    pub token: String,
    /// The locked item.
    pub file_id: i64,
    /// Who took the lock.
    pub owner_id: i64,
    /// The application holding it (`upload`, `dav`, `viewer`, ...).
    pub app_type: String,
    /// `files.type` of the locked item.
    pub file_type: i64,
}

/// What an operation touches, and so which locks stop it (Cloudreve's depth rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// An item and everything below it (rename, move, delete): locks on the item, on anything
    /// below it, and infinite-depth locks on its ancestors.
    Tree(i64),
    /// Only the item itself (metadata): locks on the item and infinite-depth locks above it.
    Node(i64),
    /// A new child of this folder (create, the destination of move/copy/restore): infinite-depth
    /// locks on the folder or its ancestors.
    Into(i64),
}

/// Takes a lock on `file` for `owner`; returns its token.
pub fn create(
    c: &Connection,
    file: i64,
    owner: i64,
    app_type: &str,
    expires_at: i64,
    now: i64,
) -> Result<String, AppError> {
    purge_expired(c, now)?;
    let token = uuid::Uuid::new_v4().to_string();
    c.execute(
        "INSERT INTO locks (token, file_id, owner_id, app_type, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![token, file, owner, app_type, expires_at],
    )?;
    Ok(token)
}

/// Drops locks that have expired (they are already ignored).
pub fn purge_expired(c: &Connection, now: i64) -> Result<(), AppError> {
    c.execute("DELETE FROM locks WHERE expires_at <= ?1", [now])?;
    Ok(())
}

/// Releases every lock in `tokens`, or none when one of them is unknown or expired (then `false`).
pub fn release(c: &Connection, tokens: &[String], now: i64) -> Result<bool, AppError> {
    purge_expired(c, now)?;
    let mut st = c.prepare_cached("SELECT EXISTS(SELECT 1 FROM locks WHERE token = ?1)")?;
    for token in tokens {
        if !st.query_row([token], |r| r.get::<_, bool>(0))? {
            return Ok(false);
        }
    }
    let mut del = c.prepare_cached("DELETE FROM locks WHERE token = ?1")?;
    for token in tokens {
        del.execute([token])?;
    }
    Ok(true)
}

/// The live locks that stop an operation on `scopes`, each once.
pub fn conflicts(c: &Connection, scopes: &[Scope], now: i64) -> Result<Vec<LockRow>, AppError> {
    // The common case, no live lock at all, costs one indexless probe instead of tree walks.
    let any: bool = c.query_row(
        "SELECT EXISTS(SELECT 1 FROM locks WHERE expires_at > ?1)",
        [now],
        |r| r.get(0),
    )?;
    if !any {
        return Ok(Vec::new());
    }
    let mut st = c.prepare_cached(
        "WITH RECURSIVE
           up(id) AS (SELECT parent_id FROM files WHERE id = ?1 AND parent_id IS NOT NULL
             UNION ALL SELECT f.parent_id FROM files f JOIN up ON f.id = up.id WHERE f.parent_id IS NOT NULL),
           down(id) AS (SELECT id FROM files WHERE id = ?1 AND ?3
             UNION ALL SELECT f.id FROM files f JOIN down ON f.parent_id = down.id)
         SELECT l.token, l.file_id, l.owner_id, l.app_type, f.type
         FROM locks l JOIN files f ON f.id = l.file_id
         WHERE l.expires_at > ?2 AND (
               (l.file_id = ?1 AND ?4)
            OR l.file_id IN (SELECT id FROM down)
            OR (l.zero_depth = 0 AND (l.file_id IN (SELECT id FROM up) OR l.file_id = ?1)))
         ORDER BY l.token",
    )?;
    let mut out: Vec<LockRow> = Vec::new();
    for scope in scopes {
        let (id, descend, whole_self) = match *scope {
            Scope::Tree(id) => (id, true, true),
            Scope::Node(id) => (id, false, true),
            Scope::Into(id) => (id, false, false),
        };
        let rows = st.query_map(params![id, now, descend, whole_self], |r| {
            Ok(LockRow {
                token: r.get(0)?,
                file_id: r.get(1)?,
                owner_id: r.get(2)?,
                app_type: r.get(3)?,
                file_type: r.get(4)?,
            })
        })?;
        for row in rows {
            let row = row?;
            if !out.iter().any(|o| o.token == row.token) {
                out.push(row);
            }
        }
    }
    Ok(out)
}
