//! Opening a session in one transaction: parent folders, the folder's policy and its rules, name
//! and lock conflicts, quota, then the placeholder, its lock, the session row and (local policies)
//! the part file or (S3 policies) the object key.

use cloudreve_api::{Code, CrUri};
use rusqlite::Connection;

use super::chunk_size_of;
use crate::error::AppError;
use crate::routes::lock::ensure_unlocked;
use crate::state::{now_millis, now_secs};
use crate::store::files::{self, FileRow, TYPE_FILE, TYPE_FOLDER};
use crate::store::locks::{self, Scope};
use crate::store::metadata;
use crate::store::policies::{self, PolicyRow};
use crate::store::uploads::{self, SessionRow, UPLOAD_SESSION_ID};
use crate::store::users::{self, UserRow};
use crate::uploads::{direct, parts, rules};

/// A validated request to open a session.
pub(super) struct Plan {
    /// The file to create or replace (a `my` URI, not the root).
    pub uri: CrUri,
    /// Replace an existing file's content (`entity_type: version`).
    pub version: bool,
    /// The session to record (owner and size included), with what only the database can tell
    /// still unset.
    pub session: SessionRow,
}

fn exists() -> AppError {
    AppError::code(Code::ObjectExist, "Object existed")
}

/// Opens the session of `plan`; returns it and the policy it uses.
pub(super) fn open(
    c: &mut Connection,
    user: &UserRow,
    plan: Plan,
    upload_dir: &std::path::Path,
) -> Result<(SessionRow, PolicyRow), AppError> {
    let Plan {
        uri,
        version,
        mut session,
    } = plan;
    let (owner, size) = (session.owner_id, session.size);
    let (now_ms, now_s) = (now_millis(), now_secs());
    let tx = c.transaction()?;
    let (name, ancestors) = uri.segments.split_last().ok_or_else(exists)?;
    let mut folder = files::root(&tx, owner, now_ms)?;
    for seg in ancestors {
        folder = match files::child(&tx, folder.id, seg)? {
            Some(f) if f.file_type == TYPE_FOLDER => f,
            Some(_) => return Err(exists()),
            None => {
                ensure_unlocked(&tx, owner, &[Scope::Into(folder.id)])?;
                files::create(&tx, &folder, seg, TYPE_FOLDER, 0, None, now_ms)?
            }
        };
    }
    let policy = policies::effective(&tx, folder.id)?;
    if !policy.takes_chunks() && !policy.is_s3_direct() && !policy.is_remote_node() {
        return Err(AppError::code(
            Code::PolicyNotAllowed,
            "This storage policy type is not supported by this server",
        ));
    }
    rules::check(&policy, name, size)?;
    let existing = files::child(&tx, folder.id, name)?;
    // A lock on the target (another upload, an editor) wins over the name conflict, as in CE.
    if let Some(f) = &existing {
        ensure_unlocked(&tx, owner, &[Scope::Node(f.id)])?;
    }
    let replaced = match existing {
        Some(f) if f.file_type == TYPE_FILE && version => Some(f),
        Some(_) => return Err(exists()),
        None => None,
    };
    if users::used_storage(&tx, owner)?.saturating_add(size) > user.max_storage {
        return Err(AppError::code(
            Code::InsufficientCapacity,
            "Insufficient storage quota",
        ));
    }
    session.placeholder = replaced.is_none();
    let file: FileRow = match replaced {
        Some(f) => f,
        None => {
            ensure_unlocked(&tx, owner, &[Scope::Into(folder.id)])?;
            // The announced size is charged at once through the placeholder's size.
            files::create(&tx, &folder, name, TYPE_FILE, size, None, now_ms)?
        }
    };
    metadata::set(&tx, file.id, UPLOAD_SESSION_ID, &session.id)?;
    session.lock_token = locks::create(&tx, file.id, owner, "upload", session.expires_at, now_s)?;
    session.file_id = file.id;
    session.uri = uri.to_string();
    session.chunk_size = chunk_size_of(&policy);
    session.policy_id = policy.id;
    session.created_at = now_ms;
    if policy.is_s3_direct() {
        // The bytes go to the bucket: no part file; the multipart upload starts after the commit.
        session.object_key = direct::object_key(&session.id, name);
        direct::check_part_count(&session)?;
        uploads::insert(&tx, &session)?;
        tx.commit()?;
        return Ok((session, policy));
    }
    uploads::insert(&tx, &session)?;
    let part = parts::path(upload_dir, &session.id)
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("bad session id")))?;
    parts::create(&part, size as u64).map_err(|e| AppError::Internal(e.into()))?;
    if let Err(e) = tx.commit() {
        let _ = std::fs::remove_file(&part);
        return Err(e.into());
    }
    Ok((session, policy))
}
