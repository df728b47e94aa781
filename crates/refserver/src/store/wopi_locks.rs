//! WOPI locks (migration 0009): a `viewer` lock on a file that also keeps the WOPI client's lock
//! string, so other writers meet 40073 while the client compares its own lock values.

use rusqlite::{params, Connection, OptionalExtension};

use super::locks::{self, Scope};
use crate::error::AppError;

/// The lock application WOPI locks show in 40073 details.
pub const APP: &str = "viewer";

/// A live WOPI lock.
#[derive(Debug, Clone, PartialEq)]
pub struct WopiLock {
    /// Row token (`DELETE /file/lock` releases it).
    pub token: String,
    /// The client's lock string.
    pub value: String,
}

/// The WOPI lock on `file`, if one is live at `now` (unix s).
pub fn current(c: &Connection, file: i64, now: i64) -> Result<Option<WopiLock>, AppError> {
    Ok(c.query_row(
        "SELECT token, wopi_lock FROM locks WHERE file_id = ?1 AND wopi_lock IS NOT NULL AND expires_at > ?2",
        params![file, now],
        |r| Ok(WopiLock { token: r.get(0)?, value: r.get(1)? }),
    )
    .optional()?)
}

/// Whether a lock other than a WOPI lock stops writes to `file` (an upload, a move...).
pub fn other_lock(c: &Connection, file: i64, now: i64) -> Result<bool, AppError> {
    let wopi = current(c, file, now)?.map(|l| l.token);
    Ok(locks::conflicts(c, &[Scope::Node(file)], now)?
        .iter()
        .any(|l| Some(&l.token) != wopi.as_ref()))
}

/// Locks `file` for `owner` with the client's `value` until `expires_at` (unix s).
pub fn take(
    c: &Connection,
    file: i64,
    owner: i64,
    value: &str,
    expires_at: i64,
    now: i64,
) -> Result<(), AppError> {
    let token = locks::create(c, file, owner, APP, expires_at, now)?;
    c.execute(
        "UPDATE locks SET wopi_lock = ?2 WHERE token = ?1",
        params![token, value],
    )?;
    Ok(())
}

/// Gives the lock `token` a new value and deadline.
pub fn renew(c: &Connection, token: &str, value: &str, expires_at: i64) -> Result<(), AppError> {
    c.execute(
        "UPDATE locks SET wopi_lock = ?2, expires_at = ?3 WHERE token = ?1",
        params![token, value, expires_at],
    )?;
    Ok(())
}

/// Releases the lock `token`.
pub fn release(c: &Connection, token: &str) -> Result<(), AppError> {
    c.execute("DELETE FROM locks WHERE token = ?1", [token])?;
    Ok(())
}
