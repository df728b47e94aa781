//! Archive download sessions (migrations 0008 and 0013): who asked (nobody for an anonymous visitor)
//! and the URIs one archive URL covers.

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::AppError;

/// One live session.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveSession {
    /// Who asked (`None`: an anonymous visitor); the zip is built with their rights at download
    /// time.
    pub owner_id: Option<i64>,
    /// The items, as the request named them.
    pub uris: Vec<String>,
}

/// Records a session for `owner` (`None`: anonymous) over `uris` until `expires_at` (unix s);
/// returns its id.
pub fn create(
    c: &Connection,
    owner: Option<i64>,
    uris: &[String],
    expires_at: i64,
    now: i64,
) -> Result<String, AppError> {
    c.execute("DELETE FROM archive_sessions WHERE expires_at <= ?1", [now])?;
    let id = uuid::Uuid::new_v4().to_string();
    let uris = serde_json::to_string(uris).map_err(|e| AppError::Internal(e.into()))?;
    c.execute(
        "INSERT INTO archive_sessions (id, owner_id, uris, expires_at) VALUES (?1, ?2, ?3, ?4)",
        params![id, owner, uris, expires_at],
    )?;
    Ok(id)
}

/// The session `id` if it has not expired at `now`.
pub fn live(c: &Connection, id: &str, now: i64) -> Result<Option<ArchiveSession>, AppError> {
    let row: Option<(Option<i64>, String)> = c
        .query_row(
            "SELECT owner_id, uris FROM archive_sessions WHERE id = ?1 AND expires_at > ?2",
            params![id, now],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    row.map(|(owner_id, uris)| {
        let uris = serde_json::from_str(&uris).map_err(|e| AppError::Internal(e.into()))?;
        Ok(ArchiveSession { owner_id, uris })
    })
    .transpose()
}
