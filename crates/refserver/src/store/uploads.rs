//! Upload sessions and the chunks each has received (file.md §5).

use std::collections::BTreeMap;

use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::AppError;

/// Metadata key marking a file whose content is still being uploaded (value: the session id).
pub const UPLOAD_SESSION_ID: &str = "sys:upload_session_id";
/// `entity_type` of an upload that replaces an existing file's content.
pub const ENTITY_VERSION: &str = "version";

/// One upload session.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionRow {
    /// UUID; also the part file's name.
    pub id: String,
    /// Who uploads.
    pub owner_id: i64,
    /// The placeholder, or the file a `version` upload replaces.
    pub file_id: i64,
    /// Whether `file_id` was created by this upload (and so goes when it is cancelled).
    pub placeholder: bool,
    /// Target URI, as answered in the credential.
    pub uri: String,
    /// Announced size in bytes.
    pub size: i64,
    /// Bytes per chunk; 0 = one chunk.
    pub chunk_size: i64,
    /// The policy the content goes to.
    pub policy_id: i64,
    /// Unix seconds.
    pub expires_at: i64,
    /// `{key}` of callback URLs.
    pub callback_secret: String,
    /// The `upload` lock on `file_id`.
    pub lock_token: String,
    /// Unix ms to give the file on completion.
    pub last_modified: Option<i64>,
    /// Content type the client announced.
    pub mime_type: Option<String>,
    /// Metadata to set on completion.
    pub metadata: BTreeMap<String, String>,
    /// `""` or [`ENTITY_VERSION`].
    pub entity_type: String,
    /// Unix ms.
    pub created_at: i64,
    /// The provider's multipart upload id (S3 sessions; `""` otherwise).
    pub upload_id: String,
    /// The object the provider upload writes (S3 sessions; `""` otherwise).
    pub object_key: String,
}

impl SessionRow {
    /// How many chunks make the whole file (an empty file is one empty chunk).
    pub fn chunk_count(&self) -> u64 {
        if self.chunk_size <= 0 || self.size <= 0 {
            return 1;
        }
        (self.size as u64).div_ceil(self.chunk_size as u64)
    }
}

const COLUMNS: &str = "id, owner_id, file_id, placeholder, uri, size, chunk_size, policy_id, \
    expires_at, callback_secret, lock_token, last_modified, mime_type, metadata, entity_type, created_at, \
    upload_id, object_key";

fn from_row(r: &Row) -> rusqlite::Result<SessionRow> {
    Ok(SessionRow {
        id: r.get(0)?,
        owner_id: r.get(1)?,
        file_id: r.get(2)?,
        placeholder: r.get(3)?,
        uri: r.get(4)?,
        size: r.get(5)?,
        chunk_size: r.get(6)?,
        policy_id: r.get(7)?,
        expires_at: r.get(8)?,
        callback_secret: r.get(9)?,
        lock_token: r.get(10)?,
        last_modified: r.get(11)?,
        mime_type: r.get(12)?,
        metadata: serde_json::from_str(&r.get::<_, String>(13)?).unwrap_or_default(),
        entity_type: r.get(14)?,
        created_at: r.get(15)?,
        upload_id: r.get(16)?,
        object_key: r.get(17)?,
    })
}

/// Records a new session.
pub fn insert(c: &Connection, s: &SessionRow) -> Result<(), AppError> {
    let metadata = serde_json::to_string(&s.metadata).unwrap_or_else(|_| "{}".into());
    c.execute(
        &format!("INSERT INTO upload_sessions ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)"),
        params![
            s.id,
            s.owner_id,
            s.file_id,
            s.placeholder,
            s.uri,
            s.size,
            s.chunk_size,
            s.policy_id,
            s.expires_at,
            s.callback_secret,
            s.lock_token,
            s.last_modified,
            s.mime_type,
            metadata,
            s.entity_type,
            s.created_at,
            s.upload_id,
            s.object_key
        ],
    )?;
    Ok(())
}

/// The session `id`, expired or not.
pub fn by_id(c: &Connection, id: &str) -> Result<Option<SessionRow>, AppError> {
    Ok(c.query_row(
        &format!("SELECT {COLUMNS} FROM upload_sessions WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?)
}

/// Sessions whose deadline has passed at `now` (unix s).
pub fn expired(c: &Connection, now: i64) -> Result<Vec<SessionRow>, AppError> {
    let mut st = c.prepare(&format!(
        "SELECT {COLUMNS} FROM upload_sessions WHERE expires_at <= ?1"
    ))?;
    let rows = st.query_map([now], from_row)?.collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Every session id (to tell part files without a session).
pub fn all_ids(c: &Connection) -> Result<Vec<String>, AppError> {
    let mut st = c.prepare("SELECT id FROM upload_sessions")?;
    let rows = st.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Moves the deadline of session `id` (and of its lock) to `expires_at`.
pub fn set_expiry(c: &Connection, id: &str, expires_at: i64) -> Result<bool, AppError> {
    let n = c.execute(
        "UPDATE upload_sessions SET expires_at = ?2 WHERE id = ?1",
        params![id, expires_at],
    )?;
    c.execute(
        "UPDATE locks SET expires_at = ?2 WHERE token = (SELECT lock_token FROM upload_sessions WHERE id = ?1)",
        params![id, expires_at],
    )?;
    Ok(n > 0)
}

/// Records the provider's multipart upload id of S3 session `id`.
pub fn set_upload_id(c: &Connection, id: &str, upload_id: &str) -> Result<(), AppError> {
    c.execute(
        "UPDATE upload_sessions SET upload_id = ?2 WHERE id = ?1",
        params![id, upload_id],
    )?;
    Ok(())
}

/// Removes session `id` and its chunk records.
pub fn delete(c: &Connection, id: &str) -> Result<(), AppError> {
    c.execute("DELETE FROM upload_sessions WHERE id = ?1", [id])?;
    Ok(())
}

/// Notes that chunk `index` of session `id` arrived in full.
pub fn mark_received(c: &Connection, id: &str, index: u64) -> Result<(), AppError> {
    c.execute(
        "INSERT OR IGNORE INTO upload_chunks (session_id, idx) VALUES (?1, ?2)",
        params![id, index as i64],
    )?;
    Ok(())
}

/// The first (at most `limit`) indexes below `count` that session `id` has not received. Reads only
/// the rows received, so a session of millions of chunks costs no more than the chunks sent.
pub fn first_missing(
    c: &Connection,
    id: &str,
    count: u64,
    limit: usize,
) -> Result<Vec<u64>, AppError> {
    let mut st = c.prepare_cached(
        "SELECT idx FROM upload_chunks WHERE session_id = ?1 AND idx < ?2 ORDER BY idx",
    )?;
    let got = st.query_map(params![id, count as i64], |r| r.get::<_, i64>(0))?;
    let mut out = Vec::new();
    let mut next = 0u64;
    for idx in got {
        let idx = idx? as u64;
        while next < idx && out.len() < limit {
            out.push(next);
            next += 1;
        }
        if out.len() >= limit {
            return Ok(out);
        }
        next = idx + 1;
    }
    while next < count && out.len() < limit {
        out.push(next);
        next += 1;
    }
    Ok(out)
}

/// Bytes announced by `owner`'s sessions that replace existing files: their new content is charged
/// at once, while the old content still counts through the file's size.
pub fn pending_version_bytes(c: &Connection, owner: i64) -> Result<i64, AppError> {
    Ok(c.query_row(
        "SELECT COALESCE(SUM(size), 0) FROM upload_sessions WHERE owner_id = ?1 AND placeholder = 0",
        [owner],
        |r| r.get(0),
    )?)
}
