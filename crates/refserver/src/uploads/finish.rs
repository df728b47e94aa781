//! How a session ends: completed (by its last chunk, or by the S3 callback through [`settle`]), or
//! discarded (cancelled, expired). These run on the blocking pool with the database connection;
//! disk changes are ordered so that a failure leaves either the session or the finished file,
//! never half of each. Provider-side work (S3) is the async callers' (`super::direct`).

use std::path::Path;

use cloudreve_api::{Code, Timestamp};
use rusqlite::Connection;

use super::parts;
use crate::error::AppError;
use crate::state::{now_millis, now_secs};
use crate::store::activities::{category, NewActivity};
use crate::store::metadata::{self, THUMB_DISABLED};
use crate::store::uploads::{self, SessionRow, UPLOAD_SESSION_ID};
use crate::store::{files, versions};

/// Most missing chunk indexes named in the refusal of an early last chunk.
const MISSING_SHOWN: usize = 10;

fn expired() -> AppError {
    AppError::code(
        Code::UploadSessionExpired,
        "Upload session not exist or expired",
    )
}

/// Whether the lock `token` is still held.
fn lock_alive(c: &Connection, token: &str) -> Result<bool, AppError> {
    Ok(c.query_row(
        "SELECT EXISTS(SELECT 1 FROM locks WHERE token = ?1 AND expires_at > ?2)",
        rusqlite::params![token, now_secs()],
        |r| r.get(0),
    )?)
}

/// The live session `id` of `owner`: 40011 when missing, expired or someone else's, 40073
/// ("Lock expired") when its lock was released (force unlock).
pub fn live_session(c: &Connection, id: &str, owner: i64) -> Result<SessionRow, AppError> {
    let session = uploads::by_id(c, id)?
        .filter(|s| s.owner_id == owner && s.expires_at > now_secs())
        .ok_or_else(expired)?;
    if !lock_alive(c, &session.lock_token)? {
        return Err(AppError::code(Code::LockConflict, "Lock expired"));
    }
    Ok(session)
}

/// Finishes session `id` of `owner` after its last chunk: the part file becomes the file's blob.
/// Stricter than CE: if an earlier chunk never arrived the upload is refused (40012) and the
/// session stays, so a client that sends the last chunk too early cannot make a file with holes.
/// Returns the blobs the upload freed (a replaced version's), for [`crate::blobs::remove`].
pub fn complete(
    c: &mut Connection,
    blob_dir: &Path,
    upload_dir: &Path,
    id: &str,
    owner: i64,
) -> Result<Vec<String>, AppError> {
    let tx = c.transaction()?;
    let session = live_session(&tx, id, owner)?;
    let missing = uploads::first_missing(&tx, id, session.chunk_count(), MISSING_SHOWN)?;
    if !missing.is_empty() {
        let list: Vec<String> = missing.iter().map(u64::to_string).collect();
        return Err(AppError::code(
            Code::InvalidChunkIndex,
            format!(
                "Chunks not received yet: {} (send every other chunk before the last one)",
                list.join(", ")
            ),
        ));
    }
    let part = parts::path(upload_dir, id).ok_or_else(expired)?;
    let on_disk = std::fs::metadata(&part).map_err(|_| expired())?.len();
    if on_disk != session.size as u64 {
        return Err(AppError::Internal(anyhow::anyhow!(
            "part file {id} holds {on_disk} bytes, expected {}",
            session.size
        )));
    }
    let blob = (session.size > 0).then(|| uuid::Uuid::new_v4().to_string());
    let freed = settle(&tx, &session, blob.as_deref())?;
    // The bytes move into place last: a failed move commits nothing, a failed commit moves back.
    let dest = blob.as_ref().map(|b| blob_dir.join(b));
    if let Some(dest) = &dest {
        std::fs::rename(&part, dest).map_err(|e| AppError::Internal(e.into()))?;
    }
    if let Err(e) = tx.commit() {
        if let Some(dest) = &dest {
            let _ = std::fs::rename(dest, &part);
        }
        return Err(e.into());
    }
    if dest.is_none() {
        remove_quietly(&part);
    }
    Ok(freed)
}

/// The database side of every completion, whatever the storage: the session's file gets `blob`
/// (`None` for an empty file) and its final size, loses the upload mark, takes the session's
/// metadata and modification time; the lock and the session go. Replaced content stays a version,
/// so nothing is freed today; callers still remove what is returned (a retention limit will free).
pub fn settle(
    tx: &Connection,
    session: &SessionRow,
    blob: Option<&str>,
) -> Result<Vec<String>, AppError> {
    let file = files::by_id(tx, session.file_id)?.ok_or_else(expired)?;
    let updated = session.last_modified.unwrap_or_else(now_millis);
    let now = now_millis();
    if session.placeholder {
        files::set_content(tx, file.id, blob, session.size, updated)?;
        NewActivity::new(
            file.id,
            Some(session.owner_id),
            category::FILE_CREATE,
            &session.uri,
        )
        .record(tx, now)?;
    } else {
        // Overwriting (`entity_type: version`) keeps the old content as a version.
        let version = versions::write(tx, &file, blob, session.size, updated, session.owner_id)?;
        let mut uploaded = NewActivity::new(
            file.id,
            Some(session.owner_id),
            category::ENTITY_UPLOADED,
            &session.uri,
        )
        .entity(version);
        uploaded.entry.entity_create_time = Some(Timestamp::from_unix_millis(now));
        uploaded.record(tx, now)?;
    }
    metadata::remove(tx, file.id, UPLOAD_SESSION_ID)?;
    if !session.placeholder {
        // New content deserves a new try at a thumbnail.
        metadata::remove(tx, file.id, THUMB_DISABLED)?;
    }
    for (key, value) in &session.metadata {
        metadata::set(tx, file.id, key, value)?;
    }
    tx.execute("DELETE FROM locks WHERE token = ?1", [&session.lock_token])?;
    uploads::delete(tx, &session.id)?;
    Ok(Vec::new())
}

/// Ends `session` without a file: its placeholder (only if still marked by this session), the
/// pending mark on a file it would have replaced, its lock and its part file all go.
pub fn discard(
    c: &mut Connection,
    upload_dir: &Path,
    session: &SessionRow,
) -> Result<(), AppError> {
    let tx = c.transaction()?;
    let marked = metadata::all(&tx, session.file_id)?
        .get(UPLOAD_SESSION_ID)
        .is_some_and(|v| *v == session.id);
    if marked && session.placeholder {
        // A placeholder has no blob, so nothing on disk is freed with it.
        files::delete_tree(&tx, session.file_id)?;
    } else if marked {
        metadata::remove(&tx, session.file_id, UPLOAD_SESSION_ID)?;
    }
    tx.execute("DELETE FROM locks WHERE token = ?1", [&session.lock_token])?;
    uploads::delete(&tx, &session.id)?;
    tx.commit()?;
    if let Some(part) = parts::path(upload_dir, &session.id) {
        remove_quietly(&part);
    }
    Ok(())
}

/// Removes a file whose loss nobody depends on; only a failure other than "already gone" is logged.
fn remove_quietly(path: &Path) {
    match std::fs::remove_file(path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => tracing::warn!(path = %path.display(), error = %e, "could not remove a file"),
    }
}
