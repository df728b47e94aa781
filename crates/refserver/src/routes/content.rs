//! `GET|HEAD /file/content/{entity}/{speed}/{name}?sign=`: blob bytes behind a signed URL
//! (file.md §The signed content route). Not a JSON endpoint, so it is mounted outside the catalogue.
//! Content in an S3 bucket is not relayed: the route redirects to a presigned URL of the object
//! (`s3_redirect`), where the provider serves ranges itself.

mod range;
mod s3_redirect;

use std::path::{Component, Path as FsPath, PathBuf};
use std::time::UNIX_EPOCH;

use axum::body::Body;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use cloudreve_api::uri::encode_component;
use cloudreve_api::Code;
use rusqlite::Connection;
use serde::Deserialize;
use tokio::io::{AsyncReadExt, AsyncSeekExt};
use tokio_util::io::ReaderStream;

use self::range::Span;
use self::s3_redirect::ResponseHeaders;
use crate::blobs::BlobRef;
use crate::error::AppError;
use crate::extract::ApiQuery;
use crate::signing::{self, EntityRef, CONTENT_PREFIX};
use crate::state::{now_secs, AppState};
use crate::store::files::{self, TYPE_FILE};
use crate::store::{thumbnails, versions};

/// Route path, relative to `/api/v4`.
pub const PATH: &str = "/file/content/{entity}/{speed}/{name}";

/// The query of a content URL; only `sign` is covered by the signature.
#[derive(Debug, Deserialize)]
pub struct ContentQuery {
    #[serde(default)]
    sign: String,
    #[serde(default)]
    download: bool,
    /// Marks thumbnail URLs; what is served depends on the (signed) entity id alone.
    #[serde(default, rename = "thumb")]
    _thumb: bool,
}

pub(super) fn no_entity() -> AppError {
    AppError::code(Code::EntityNotExist, "Entity not exist")
}

/// Serves the blob a signed URL names.
pub async fn serve(
    State(s): State<AppState>,
    path: Result<Path<(String, String, String)>, PathRejection>,
    ApiQuery(q): ApiQuery<ContentQuery>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let Path((entity, speed, name)) =
        path.map_err(|_| AppError::code(Code::CredentialInvalid, "invalid sign"))?;
    // Go's `url.Path`, which Cloudreve signs, is the decoded path; axum decoded each segment.
    let signed_path = format!("{CONTENT_PREFIX}/{entity}/{speed}/{name}");
    signing::check(&s.url_secret, &signed_path, &q.sign, now_secs())?;
    let entity = EntityRef::decode(&s.ids, &entity).ok_or_else(no_entity)?;
    let Some(blob) = s.db.call(move |c| blob_of(c, entity)).await? else {
        // Empty content has no blob: its bytes are none at all.
        let res = common_headers(entity, &name, q.download).header(header::CONTENT_LENGTH, 0);
        return build(res, Body::empty());
    };
    let file = match BlobRef::parse(&blob) {
        Some(BlobRef::Local(file)) => file,
        Some(BlobRef::S3 { policy, key }) => {
            let headers = ResponseHeaders {
                content_type: content_type(entity, &name),
                disposition: disposition(&name, q.download),
            };
            return s3_redirect::to_object(&s, policy, key, headers).await;
        }
        None => return Err(no_entity()),
    };
    let file_path = blob_path(&s.blob_dir, file).ok_or_else(no_entity)?;
    let mut file = tokio::fs::File::open(&file_path)
        .await
        .map_err(|_| no_entity())?;
    let meta = file.metadata().await.map_err(|_| no_entity())?;
    if !meta.is_file() {
        return Err(no_entity());
    }
    let len = meta.len();
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    let etag = format!("\"{blob}-{len:x}-{mtime:x}\"");

    let mut res = common_headers(entity, &name, q.download)
        .header(header::ACCEPT_RANGES, "bytes")
        .header(header::ETAG, &etag);
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    if fresh {
        return build(res.status(StatusCode::NOT_MODIFIED), Body::empty());
    }
    let range = headers.get(header::RANGE).and_then(|v| v.to_str().ok());
    let (start, end) = match range::parse(range, len) {
        Span::Full => (0, len),
        Span::Part { start, end } => {
            res = res
                .status(StatusCode::PARTIAL_CONTENT)
                .header(header::CONTENT_RANGE, format!("bytes {start}-{end}/{len}"));
            (start, end + 1)
        }
        Span::Unsatisfiable => {
            let res = res
                .status(StatusCode::RANGE_NOT_SATISFIABLE)
                .header(header::CONTENT_RANGE, format!("bytes */{len}"));
            return build(res, Body::empty());
        }
    };
    file.seek(std::io::SeekFrom::Start(start))
        .await
        .map_err(|e| AppError::Internal(e.into()))?;
    // Streamed from disk in chunks: a large file is never held in memory.
    let body = Body::from_stream(ReaderStream::new(file.take(end - start)));
    build(res.header(header::CONTENT_LENGTH, end - start), body)
}

/// The headers every answer with content carries.
fn common_headers(entity: EntityRef, name: &str, download: bool) -> axum::http::response::Builder {
    Response::builder()
        .header(header::CACHE_CONTROL, "public, max-age=86400")
        .header(header::ACCESS_CONTROL_ALLOW_ORIGIN, "*")
        .header(header::CONTENT_SECURITY_POLICY, "sandbox")
        .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
        .header(header::CONTENT_TYPE, content_type(entity, name))
        .header(header::CONTENT_DISPOSITION, disposition(name, download))
}

fn build(res: axum::http::response::Builder, body: Body) -> Result<Response, AppError> {
    res.body(body).map_err(|e| AppError::Internal(e.into()))
}

/// The blob file name behind `entity`; `None` for empty content.
pub(super) fn blob_of(c: &Connection, entity: EntityRef) -> Result<Option<String>, AppError> {
    match entity {
        EntityRef::File(id) => files::by_id(c, id)?
            .filter(|f| f.file_type == TYPE_FILE)
            .map(|f| f.blob),
        EntityRef::Thumb(id) => thumbnails::by_id(c, id)?.map(|t| Some(t.blob)),
        EntityRef::Version(id) => versions::by_id(c, id)?.map(|v| v.blob),
    }
    .ok_or_else(no_entity)
}

/// `blob_dir/blob`, if `blob` is one plain file name: nothing the database holds can point the
/// server outside its blob directory.
pub fn blob_path(blob_dir: &FsPath, blob: &str) -> Option<PathBuf> {
    let mut parts = FsPath::new(blob).components();
    match (parts.next(), parts.next()) {
        (Some(Component::Normal(n)), None) if n == blob && !blob.contains(['/', '\\']) => {
            Some(blob_dir.join(blob))
        }
        _ => None,
    }
}

fn content_type(entity: EntityRef, name: &str) -> HeaderValue {
    let mime = match entity {
        EntityRef::Thumb(_) => "image/jpeg".to_string(),
        EntityRef::File(_) | EntityRef::Version(_) => mime_guess::from_path(name)
            .first_or_octet_stream()
            .to_string(),
    };
    HeaderValue::from_str(&mime).unwrap_or(HeaderValue::from_static("application/octet-stream"))
}

/// `inline` or `attachment`, with an ASCII fallback name and the exact name in RFC 5987 form.
fn disposition(name: &str, download: bool) -> HeaderValue {
    let kind = if download { "attachment" } else { "inline" };
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let value = format!(
        "{kind}; filename=\"{ascii}\"; filename*=UTF-8''{}",
        encode_component(name)
    );
    HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static("inline"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blob_paths_stay_in_the_blob_dir() {
        let dir = FsPath::new("/data/blobs");
        assert_eq!(
            blob_path(dir, "3f2c-uuid"),
            Some(PathBuf::from("/data/blobs/3f2c-uuid"))
        );
        for bad in [
            "",
            ".",
            "..",
            "../x",
            "a/b",
            "/etc/passwd",
            "a\\..\\b",
            "./a",
        ] {
            assert_eq!(blob_path(dir, bad), None, "{bad:?}");
        }
    }

    #[test]
    fn dispositions_quote_safely_and_keep_the_real_name() {
        let d = disposition("Tête \"à\" tête.txt", true);
        assert_eq!(
            d.to_str().ok(),
            Some("attachment; filename=\"T_te ___ t_te.txt\"; filename*=UTF-8''T%C3%AAte%20%22%C3%A0%22%20t%C3%AAte.txt")
        );
        assert!(disposition("a.png", false)
            .to_str()
            .is_ok_and(|v| v.starts_with("inline; filename=\"a.png\"")));
    }
}
