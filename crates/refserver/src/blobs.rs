//! Where a file's content lives, and removing content nobody uses any more.
//!
//! `files.blob` names the content. A plain name is a file under `data/blobs` (local policies,
//! relayed uploads, thumbnails); `s3:<policy row id>:<object key>` is an object in the bucket of
//! that S3 policy. The location travels with the name, so copies (which share the name), the
//! reference count in `files::release_blob`, thumbnails keyed by source blob and deletes all work
//! unchanged whatever the storage, and nothing needs a second column to stay in step.

use std::path::Path;

use axum::body::Body;
use cloudreve_api::Code;
use futures_util::StreamExt;
use tokio::io::AsyncWriteExt;

use crate::error::AppError;
use crate::s3::S3Client;
use crate::state::AppState;
use crate::store::policies;

/// Prefix of blob names that live in an S3 bucket.
const S3_PREFIX: &str = "s3:";

/// A parsed blob name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlobRef<'a> {
    /// A file under the blob dir.
    Local(&'a str),
    /// Object `key` in the bucket of policy `policy`.
    S3 {
        /// Policy row id.
        policy: i64,
        /// Object key.
        key: &'a str,
    },
}

impl<'a> BlobRef<'a> {
    /// Reads a blob name; `None` for an `s3:` name without a policy id or key.
    pub fn parse(name: &'a str) -> Option<Self> {
        let Some(rest) = name.strip_prefix(S3_PREFIX) else {
            return Some(BlobRef::Local(name));
        };
        let (policy, key) = rest.split_once(':')?;
        let policy = policy.parse().ok().filter(|p| *p > 0)?;
        (!key.is_empty()).then_some(BlobRef::S3 { policy, key })
    }

    /// The name of object `key` in the bucket of policy `policy`.
    pub fn s3_name(policy: i64, key: &str) -> String {
        format!("{S3_PREFIX}{policy}:{key}")
    }
}

/// A client for the bucket of policy `policy` (which must be an S3 policy with valid settings).
pub async fn s3_client(s: &AppState, policy: i64) -> Result<S3Client, AppError> {
    let row = s.db.call(move |c| policies::by_id(c, policy)).await?;
    let row = row.ok_or_else(|| AppError::Internal(anyhow::anyhow!("policy {policy} is gone")))?;
    row.s3_client()
}

/// Removes blobs freed by a committed change: files from the blob dir, objects from their bucket.
/// Best effort: the database no longer names them, so a failure only leaves garbage and is logged.
pub async fn remove(s: &AppState, names: Vec<String>) {
    for name in names {
        match BlobRef::parse(&name) {
            Some(BlobRef::Local(file)) => remove_local(&s.blob_dir, file),
            Some(BlobRef::S3 { policy, key }) => {
                let deleted = match s3_client(s, policy).await {
                    Ok(client) => client.delete_object(key).await.map_err(|e| e.to_string()),
                    Err(e) => Err(e.to_string()),
                };
                if let Err(error) = deleted {
                    tracing::warn!(blob = %name, %error, "could not delete a freed S3 object");
                }
            }
            None => tracing::warn!(blob = %name, "not a blob name; nothing removed"),
        }
    }
}

/// Writes a request body of `declared` bytes into a new local blob and returns its name (`None` for
/// an empty body, which needs no blob). A body longer or shorter than declared is refused (40013)
/// and leaves nothing behind; the body is streamed, never held whole in memory.
pub async fn receive(
    blob_dir: &Path,
    body: Body,
    declared: u64,
) -> Result<Option<String>, AppError> {
    if declared == 0 {
        return Ok(None);
    }
    let name = uuid::Uuid::new_v4().to_string();
    let path = blob_dir.join(&name);
    match write_body(&path, body, declared).await {
        Ok(()) => Ok(Some(name)),
        Err(e) => {
            remove_local(blob_dir, &name);
            Err(e)
        }
    }
}

async fn write_body(path: &Path, body: Body, declared: u64) -> Result<(), AppError> {
    let io = |e: std::io::Error| AppError::Internal(e.into());
    let wrong_length = || {
        AppError::code(
            Code::InvalidContentLength,
            format!("Body length differs from the expected {declared} bytes"),
        )
    };
    let mut file = tokio::fs::File::create(path).await.map_err(io)?;
    let mut stream = body.into_data_stream();
    let mut written = 0u64;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| wrong_length())?;
        written += chunk.len() as u64;
        if written > declared {
            return Err(wrong_length());
        }
        file.write_all(&chunk).await.map_err(io)?;
    }
    if written != declared {
        return Err(wrong_length());
    }
    file.flush().await.map_err(io)?;
    Ok(())
}

/// Removes `file` from `blob_dir`, if it is a plain name there; "already gone" is no failure.
pub fn remove_local(blob_dir: &Path, file: &str) {
    let Some(path) = crate::routes::content::blob_path(blob_dir, file) else {
        tracing::warn!(blob = %file, "not a plain blob file name; nothing removed");
        return;
    };
    match std::fs::remove_file(&path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => tracing::warn!(path = %path.display(), error = %e, "could not remove a blob"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_say_where_the_content_is() {
        assert_eq!(
            BlobRef::parse("3f2c-uuid"),
            Some(BlobRef::Local("3f2c-uuid"))
        );
        let name = BlobRef::s3_name(7, "uploads/u-1/a:b c.txt");
        assert_eq!(name, "s3:7:uploads/u-1/a:b c.txt");
        assert_eq!(
            BlobRef::parse(&name),
            Some(BlobRef::S3 {
                policy: 7,
                key: "uploads/u-1/a:b c.txt"
            })
        );
        for bad in ["s3:", "s3:7", "s3:7:", "s3:x:key", "s3:-1:key", "s3:0:key"] {
            assert_eq!(BlobRef::parse(bad), None, "{bad:?}");
        }
    }
}
