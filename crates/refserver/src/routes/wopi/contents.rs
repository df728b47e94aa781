//! GetFile and PutFile (`GET|POST /file/wopi/{file_id}/contents`): the bytes of the opened
//! content, and saving new content as a new version under the client's lock.

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::Response;
use tokio_util::io::ReaderStream;

use super::access::Access;
use super::error::WopiError;
use super::lock_ops::{lock_header, write_allowed};
use super::opened;
use crate::blobs::{self, BlobRef};
use crate::routes::content::blob_path;
use crate::routes::content_update::{commit, declared_length};
use crate::routes::file::primary_entity;
use crate::routes::share::item_uri;
use crate::state::{now_millis, now_secs, AppState};
use crate::store::activities::{category, NewActivity};
use crate::store::files;

fn item_version(version: &str) -> HeaderValue {
    HeaderValue::from_str(version).unwrap_or(HeaderValue::from_static(""))
}

/// GetFile: the opened content, streamed from disk (or read from its bucket; both at most the
/// edit limit).
pub async fn get_file(State(s): State<AppState>, access: Access) -> Result<Response, WopiError> {
    let content = opened(&s, &access).await?;
    if content.size > s.config.max_edit_size {
        return Err(WopiError::TooLarge);
    }
    let body = match content.blob.as_deref().map(BlobRef::parse) {
        None => Body::empty(),
        Some(Some(BlobRef::Local(name))) => {
            let path = blob_path(&s.blob_dir, name).ok_or(WopiError::NotFound)?;
            let file = tokio::fs::File::open(path)
                .await
                .map_err(|_| WopiError::NotFound)?;
            Body::from_stream(ReaderStream::new(file))
        }
        Some(Some(BlobRef::S3 { policy, key })) => {
            let client = blobs::s3_client(&s, policy).await?;
            let bytes = client
                .get_object(key, None)
                .await
                .map_err(|e| WopiError::Internal(e.to_string()))?;
            Body::from(bytes)
        }
        Some(None) => return Err(WopiError::NotFound),
    };
    Response::builder()
        .header(header::CONTENT_TYPE, "application/octet-stream")
        .header(header::CONTENT_LENGTH, content.size)
        .header("X-WOPI-ItemVersion", item_version(&content.version))
        .body(body)
        .map_err(|e| WopiError::Internal(e.to_string()))
}

/// PutFile: the body becomes the file's new current version, if the client holds the WOPI lock
/// (or nobody does) and nothing else has locked the file.
pub async fn put_file(
    State(s): State<AppState>,
    access: Access,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, WopiError> {
    access.ensure_writable()?;
    let size = declared_length(&headers)
        .map_err(|_| WopiError::BadRequest("Content-Length is required"))?;
    if size > s.config.max_edit_size.max(0) as u64 {
        return Err(WopiError::TooLarge);
    }
    let presented = lock_header(&headers, "X-WOPI-Lock");
    // Refuse before reading a body that could not be saved; checked again when saving.
    let check = presented.clone();
    let file_id = access.file.id;
    s.db.call(move |c| write_allowed(c, file_id, &check, now_secs()))
        .await??;
    let blob = blobs::receive(&s.blob_dir, body, size).await?;
    let (ids, written, user) = (s.ids, blob.clone(), access.user.clone());
    let saved =
        s.db.call(move |c| {
            let tx = c.transaction()?;
            if let Err(e) = write_allowed(&tx, file_id, &presented, now_secs())? {
                return Ok(Err(e));
            }
            let Some(file) = files::by_id(&tx, file_id)? else {
                return Ok(Err(WopiError::NotFound));
            };
            let (row, _) = commit(&tx, &user, &file, written.as_deref(), size as i64)?;
            // Saved from the office editor: new content, like any other save.
            let mut saved = NewActivity::new(
                file.id,
                Some(user.id),
                category::ENTITY_UPLOADED,
                &item_uri(&tx, file.id)?,
            );
            if let Some(v) = row.version_id {
                saved = saved.entity(v);
            }
            saved.record(&tx, now_millis())?;
            tx.commit()?;
            Ok(Ok(primary_entity(&ids, &row)))
        })
        .await
        .map_err(WopiError::from)
        .and_then(|r| r);
    match saved {
        Ok(version) => Response::builder()
            .header("X-WOPI-ItemVersion", item_version(&version))
            .body(Body::empty())
            .map_err(|e| WopiError::Internal(e.to_string())),
        Err(e) => {
            if let Some(b) = blob {
                blobs::remove_local(&s.blob_dir, &b);
            }
            Err(e)
        }
    }
}
