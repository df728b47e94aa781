//! WOPI viewer sessions (migration 0009): which user may act on which file through a WOPI client,
//! until when, and the check of a presented access token.

use rand::distributions::Alphanumeric;
use rand::Rng;
use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

use crate::error::AppError;

/// Random characters after the session id in an access token.
const SECRET_LEN: usize = 128;

/// A live session.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewerSession {
    /// UUID.
    pub id: String,
    /// The file the session is for.
    pub file_id: i64,
    /// The user the WOPI client acts as.
    pub user_id: i64,
    /// A kept version opened read-only; `None` for the current content.
    pub version_id: Option<i64>,
    /// Unix ms.
    pub expires_at: i64,
}

fn digest(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Equality whose time does not depend on where the inputs differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Opens a session; returns it and its access token `<id>.<128 random characters>`.
pub fn create(
    c: &Connection,
    file_id: i64,
    user_id: i64,
    version_id: Option<i64>,
    expires_at: i64,
    now_ms: i64,
) -> Result<(ViewerSession, String), AppError> {
    c.execute(
        "DELETE FROM viewer_sessions WHERE expires_at <= ?1",
        [now_ms],
    )?;
    let id = uuid::Uuid::new_v4().to_string();
    let secret: String = rand::thread_rng()
        .sample_iter(Alphanumeric)
        .take(SECRET_LEN)
        .map(char::from)
        .collect();
    let token = format!("{id}.{secret}");
    c.execute(
        "INSERT INTO viewer_sessions (id, token_hash, file_id, user_id, version_id, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, digest(&token), file_id, user_id, version_id, expires_at],
    )?;
    let session = ViewerSession {
        id,
        file_id,
        user_id,
        version_id,
        expires_at,
    };
    Ok((session, token))
}

/// The live session `token` belongs to: the id before the dot finds it, and the whole token must
/// match (CE checks only the id; a compatible server should do better, file.md §7).
pub fn by_token(
    c: &Connection,
    token: &str,
    now_ms: i64,
) -> Result<Option<ViewerSession>, AppError> {
    let Some((id, _)) = token.split_once('.') else {
        return Ok(None);
    };
    let row = c
        .query_row(
            "SELECT id, file_id, user_id, version_id, expires_at, token_hash FROM viewer_sessions
             WHERE id = ?1 AND expires_at > ?2",
            params![id, now_ms],
            |r| {
                let session = ViewerSession {
                    id: r.get(0)?,
                    file_id: r.get(1)?,
                    user_id: r.get(2)?,
                    version_id: r.get(3)?,
                    expires_at: r.get(4)?,
                };
                Ok((session, r.get::<_, String>(5)?))
            },
        )
        .optional()?;
    Ok(row.and_then(|(session, hash)| {
        same(hash.as_bytes(), digest(token).as_bytes()).then_some(session)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_whole_live_token_opens_its_session() {
        let (db, _dir) = crate::db::scratch(1);
        db.with(|c| {
            let root = crate::store::files::root(c, 1, 0).expect("root");
            let doc = crate::store::files::create(c, &root, "a.docx", 0, 0, None, 0).expect("file");
            let (s, token) = create(c, doc.id, 1, None, 1_000, 0).expect("session");
            let (id, secret) = token.split_once('.').expect("dot");
            assert_eq!((id, secret.len()), (s.id.as_str(), SECRET_LEN));
            assert_eq!(by_token(c, &token, 10).expect("q"), Some(s));
            assert_eq!(by_token(c, &token, 1_000).expect("q"), None, "expired");
            let forged = format!("{id}.{}", "a".repeat(SECRET_LEN));
            for bad in [forged.as_str(), id, "", ".", &token[..token.len() - 1]] {
                assert_eq!(by_token(c, bad, 10).expect("q"), None, "{bad}");
            }
        });
    }
}
