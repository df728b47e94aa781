//! The lock operations (`POST /file/wopi/{file_id}` with `X-WOPI-Override`: LOCK, UNLOCK,
//! REFRESH_LOCK, GET_LOCK) and the lock rule PutFile follows. Locks last 30 minutes.

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use rusqlite::Connection;

use super::access::Access;
use super::error::WopiError;
use crate::error::AppError;
use crate::state::{now_secs, AppState};
use crate::store::wopi_locks::{self, WopiLock};

/// How long a WOPI lock lasts without a refresh (MS-WOPI: 30 minutes).
const LOCK_TTL: i64 = 30 * 60;
/// Longest lock string a client may set (MS-WOPI allows 1024 ASCII characters).
const MAX_LOCK_LEN: usize = 1024;

/// What a lock operation answers: done (with the lock to report, if any) or refused.
type Outcome = Result<Option<String>, WopiError>;

/// The value of header `name`, or empty.
pub fn lock_header(headers: &HeaderMap, name: &str) -> String {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

fn mismatch(current: Option<WopiLock>) -> WopiError {
    WopiError::Conflict {
        current: current.map(|l| l.value).unwrap_or_default(),
        reason: "Lock mismatch",
    }
}

fn locked_elsewhere() -> WopiError {
    WopiError::Conflict {
        current: String::new(),
        reason: "The file is locked by another application",
    }
}

/// PutFile's rule: nothing but a WOPI lock may hold the file, and a held WOPI lock must be
/// `presented` (an unlocked file may be written, as the contract asks).
pub fn write_allowed(
    c: &Connection,
    file: i64,
    presented: &str,
    now: i64,
) -> Result<Result<(), WopiError>, AppError> {
    if wopi_locks::other_lock(c, file, now)? {
        return Ok(Err(locked_elsewhere()));
    }
    Ok(match wopi_locks::current(c, file, now)? {
        Some(l) if l.value != presented => Err(mismatch(Some(l))),
        _ => Ok(()),
    })
}

/// Dispatches on `X-WOPI-Override`.
pub async fn dispatch(
    State(s): State<AppState>,
    access: Access,
    headers: HeaderMap,
) -> Result<Response, WopiError> {
    let op = lock_header(&headers, "X-WOPI-Override");
    let lock = lock_header(&headers, "X-WOPI-Lock");
    let old = headers
        .get("X-WOPI-OldLock")
        .map(|_| lock_header(&headers, "X-WOPI-OldLock"));
    if op != "GET_LOCK" {
        if !matches!(op.as_str(), "LOCK" | "UNLOCK" | "REFRESH_LOCK") {
            return Err(WopiError::NotImplemented);
        }
        access.ensure_writable()?;
        if lock.is_empty() || lock.len() > MAX_LOCK_LEN {
            return Err(WopiError::BadRequest("X-WOPI-Lock is missing or too long"));
        }
    }
    let (file, owner) = (access.file.id, access.user.id);
    let outcome =
        s.db.call(move |c| {
            let tx = c.transaction()?;
            let now = now_secs();
            let current = wopi_locks::current(&tx, file, now)?;
            let outcome = match op.as_str() {
                "GET_LOCK" => Ok(Some(current.map(|l| l.value).unwrap_or_default())),
                "LOCK" if wopi_locks::other_lock(&tx, file, now)? => Err(locked_elsewhere()),
                "LOCK" => match (current, old) {
                    // UnlockAndRelock: swap the old lock for the new one.
                    (Some(l), Some(old)) if l.value == old => {
                        wopi_locks::renew(&tx, &l.token, &lock, now + LOCK_TTL)
                            .map(|()| Ok(None))?
                    }
                    (current, Some(_)) => Err(mismatch(current)),
                    // Locking again with the same lock refreshes it.
                    (Some(l), None) if l.value == lock => {
                        wopi_locks::renew(&tx, &l.token, &lock, now + LOCK_TTL)
                            .map(|()| Ok(None))?
                    }
                    (Some(l), None) => Err(mismatch(Some(l))),
                    (None, None) => wopi_locks::take(&tx, file, owner, &lock, now + LOCK_TTL, now)
                        .map(|()| Ok(None))?,
                },
                "UNLOCK" => match current {
                    Some(l) if l.value == lock => {
                        wopi_locks::release(&tx, &l.token).map(|()| Ok(None))?
                    }
                    other => Err(mismatch(other)),
                },
                _ => match current {
                    Some(l) if l.value == lock => {
                        wopi_locks::renew(&tx, &l.token, &lock, now + LOCK_TTL)
                            .map(|()| Ok(None))?
                    }
                    other => Err(mismatch(other)),
                },
            };
            tx.commit()?;
            Ok(outcome)
        })
        .await?;
    respond(outcome)
}

fn respond(outcome: Outcome) -> Result<Response, WopiError> {
    let reported = outcome?;
    let mut res = ().into_response();
    if let Some(lock) = reported {
        let value = HeaderValue::from_str(&lock).unwrap_or(HeaderValue::from_static(""));
        res.headers_mut().insert("X-WOPI-Lock", value);
    }
    Ok(res)
}
