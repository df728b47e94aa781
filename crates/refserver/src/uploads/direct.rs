//! Uploads straight to an S3 policy's bucket (file.md §`s3`): the provider's multipart upload
//! behind a session, the presigned part and completion URLs the browser uses, the callback that
//! turns the completed object into the file, and aborting what a cancelled or expired session
//! leaves at the provider.
//!
//! A session's object is `uploads/<session id>/<file name>`: the session id keeps keys unique
//! (two uploads of one name never share an object, and a version upload never overwrites the
//! content it replaces before it is complete), the name keeps the bucket readable. The key stays
//! the blob's after completion; renames and moves do not touch the bucket.

use std::time::Duration;

use cloudreve_api::Code;
use sha2::{Digest, Sha256};

use super::{live_session, settle};
use crate::blobs::{self, BlobRef};
use crate::error::AppError;
use crate::s3::S3Error;
use crate::state::{now_secs, AppState};
use crate::store::policies::{self, PolicyRow};
use crate::store::uploads::{self, SessionRow};

/// S3 refuses multipart uploads of more parts than this.
pub const MAX_PARTS: u64 = 10_000;

/// What the browser needs to upload a session's parts (all empty for other sessions).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Presigned {
    /// The provider's multipart upload id.
    pub upload_id: String,
    /// One presigned UploadPart URL per chunk (part number = index + 1).
    pub part_urls: Vec<String>,
    /// Presigned CompleteMultipartUpload URL.
    pub complete_url: String,
}

/// The object key of session `session_id` uploading a file called `name`.
pub fn object_key(session_id: &str, name: &str) -> String {
    format!("uploads/{session_id}/{name}")
}

/// Refuses a file that would need more parts than S3 allows at this chunk size.
pub fn check_part_count(session: &SessionRow) -> Result<(), AppError> {
    if session.chunk_count() > MAX_PARTS {
        return Err(AppError::code(
            Code::FileTooLarge,
            format!("File needs more than {MAX_PARTS} parts at this policy's chunk size"),
        ));
    }
    Ok(())
}

fn provider_failed(what: &str, e: S3Error) -> AppError {
    tracing::warn!(error = %e, "S3 {what} failed");
    AppError::code(
        Code::IoFailed,
        format!("Storage provider refused to {what}"),
    )
}

/// Starts the provider's multipart upload of a freshly opened `session` and presigns its URLs,
/// valid until the session expires. On failure the caller discards the session.
pub async fn begin(
    s: &AppState,
    session: &SessionRow,
    policy: &PolicyRow,
) -> Result<Presigned, AppError> {
    let client = policy.s3_client()?;
    let content_type = session.mime_type.clone().unwrap_or_else(|| {
        mime_guess::from_path(&session.object_key)
            .first_or_octet_stream()
            .to_string()
    });
    let upload_id = client
        .create_multipart_upload(&session.object_key, Some(&content_type))
        .await
        .map_err(|e| provider_failed("start the upload", e))?;
    let (id, recorded) = (session.id.clone(), upload_id.clone());
    let noted =
        s.db.call(move |c| uploads::set_upload_id(c, &id, &recorded))
            .await;
    if let Err(e) = noted {
        // Unrecorded, nothing would ever abort it.
        if let Err(abort) = client
            .abort_multipart_upload(&session.object_key, &upload_id)
            .await
        {
            tracing::warn!(session = %session.id, error = %abort, "S3 abort failed");
        }
        return Err(e);
    }
    let ttl = Duration::from_secs(session.expires_at.saturating_sub(now_secs()).max(1) as u64);
    let key = &session.object_key;
    let part_urls = (1..=session.chunk_count())
        .map(|n| client.presign_upload_part(key, &upload_id, n as u32, ttl))
        .collect();
    let complete_url = client.presign_complete_multipart_upload(key, &upload_id, ttl);
    Ok(Presigned {
        upload_id,
        part_urls,
        complete_url,
    })
}

/// Cleans up at the provider after `session` was discarded: aborts its multipart upload (so no
/// more parts are taken and stored parts are freed) and deletes its object, which exists if the
/// browser completed the upload but the callback never came or failed. Best effort, logged: the
/// session is already gone from the database.
pub async fn abort(s: &AppState, session: &SessionRow) {
    if session.object_key.is_empty() {
        return;
    }
    let client = match blobs::s3_client(s, session.policy_id).await {
        Ok(c) => c,
        Err(e) => {
            tracing::warn!(session = %session.id, error = %e, "cannot reach the provider to abort");
            return;
        }
    };
    let key = &session.object_key;
    if !session.upload_id.is_empty() {
        match client.abort_multipart_upload(key, &session.upload_id).await {
            Ok(()) => {}
            // Completed by the browser, or aborted already.
            Err(e) if e.code() == Some("NoSuchUpload") => {}
            Err(e) => tracing::warn!(session = %session.id, error = %e, "S3 abort failed"),
        }
    }
    if let Err(e) = client.delete_object(key).await {
        tracing::warn!(session = %session.id, error = %e, "S3 delete of an abandoned object failed");
    }
}

fn gone() -> AppError {
    AppError::code(
        Code::UploadSessionExpired,
        "Upload session not exist or expired",
    )
}

/// Compares callback keys without leaking through timing how much of a guess was right: the
/// digests are compared, all of their bytes every time.
fn same_key(given: &str, expected: &str) -> bool {
    let (a, b) = (Sha256::digest(given), Sha256::digest(expected));
    a.iter()
        .zip(b.iter())
        .fold(0u8, |acc, (x, y)| acc | (x ^ y))
        == 0
}

/// `GET /callback/s3/{id}/{key}` (callback.md): after the browser completed the multipart upload,
/// checks the object's size and finishes the session as the last local chunk does.
///
/// Unknown, expired or wrong-key sessions answer 40011 (CE does not check the key at all; we do,
/// and a wrong key looks like no session so it reveals nothing); a session of another policy
/// type 40006. A size mismatch (or no object: nothing was completed) answers 40055 and keeps the
/// session, as CE does: the client's `DELETE /file/upload` or the expiry sweep then removes the
/// placeholder, the provider upload and the object.
pub async fn callback(s: &AppState, id: String, key: String) -> Result<(), AppError> {
    let lookup = id.clone();
    let (session, policy) =
        s.db.call(move |c| {
            let Some(session) = uploads::by_id(c, &lookup)? else {
                return Ok(None);
            };
            let policy = policies::by_id(c, session.policy_id)?;
            Ok(Some((session, policy)))
        })
        .await?
        .filter(|(x, _)| x.expires_at > now_secs())
        .ok_or_else(gone)?;
    if !same_key(&key, &session.callback_secret) {
        return Err(gone());
    }
    let policy = policy.filter(PolicyRow::is_s3_direct).ok_or_else(|| {
        AppError::code(Code::PolicyNotAllowed, "Storage policy type does not match")
    })?;
    let client = policy.s3_client()?;
    let object = client.head_object(&session.object_key).await.map_err(|e| {
        tracing::warn!(session = %id, error = %e, "S3 HeadObject failed");
        AppError::code(Code::QueryMetaFailed, "Failed to query the uploaded object")
    })?;
    match object {
        Some(info) if info.size == session.size as u64 => {}
        Some(info) => {
            return Err(AppError::code(
                Code::MetaMismatch,
                format!(
                    "File size not match (expected {}, uploaded {})",
                    session.size, info.size
                ),
            ))
        }
        None => {
            return Err(AppError::code(
                Code::MetaMismatch,
                "File size not match (no object: complete the multipart upload first)",
            ))
        }
    }
    // Like local uploads, an empty file has no blob; its empty object goes.
    let blob = (session.size > 0).then(|| BlobRef::s3_name(policy.id, &session.object_key));
    let (owner, finished) = (session.owner_id, id.clone());
    let freed =
        s.db.call(move |c| {
            let tx = c.transaction()?;
            // Checked again under the transaction: a cancel may have won meanwhile.
            let session = live_session(&tx, &finished, owner)?;
            let freed = settle(&tx, &session, blob.as_deref())?;
            tx.commit()?;
            Ok(freed)
        })
        .await?;
    if session.size == 0 {
        if let Err(e) = client.delete_object(&session.object_key).await {
            tracing::warn!(session = %id, error = %e, "could not delete an empty upload's object");
        }
    }
    blobs::remove(s, freed).await;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_match_only_exactly() {
        let secret = "EuVaIPr3hhlQPK6vYJ2lv9wQaMP05H22";
        assert!(same_key(secret, secret));
        assert!(!same_key("EuVaIPr3hhlQPK6vYJ2lv9wQaMP05H2", secret));
        assert!(!same_key("", secret));
        assert!(!same_key(&secret.to_lowercase(), secret));
    }

    #[test]
    fn object_keys_are_unique_per_session() {
        assert_eq!(
            object_key("6f1c2d3e-0000-4000-8000-000000000001", "a b.txt"),
            "uploads/6f1c2d3e-0000-4000-8000-000000000001/a b.txt"
        );
    }
}
