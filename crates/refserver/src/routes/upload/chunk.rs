//! `POST /file/upload/{session_id}/{index}`: one chunk of a local upload, streamed to its range of
//! the part file; the last index completes the upload (file.md §Upload file chunk). The storage
//! node's `POST /slave/upload/{session}?chunk={i}` (remote policies) writes chunks the same way.

use axum::body::Body;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use cloudreve_api::Code;

use crate::blobs;
use crate::error::{ok, AppError};
use crate::extract::AuthUser;
use crate::signing;
use crate::state::{now_secs, AppState};
use crate::store::policies;
use crate::store::uploads::{self, SessionRow};
use crate::uploads::faults::{self, Fault};
use crate::uploads::parts::{self, WriteError, Written};
use crate::uploads::{complete, live_session};

/// Where one chunk goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    offset: u64,
    len: u64,
    last: bool,
}

fn out_of_range() -> AppError {
    AppError::code(Code::InvalidChunkIndex, "Chunk index out of range")
}

/// The byte range of chunk `index` (40012 when the session has no such chunk).
fn span(session: &SessionRow, index: u64) -> Result<Span, AppError> {
    let size = session.size as u64;
    if session.chunk_size <= 0 {
        return match index {
            0 => Ok(Span {
                offset: 0,
                len: size,
                last: true,
            }),
            _ => Err(out_of_range()),
        };
    }
    let chunk = session.chunk_size as u64;
    let offset = index.checked_mul(chunk).ok_or_else(out_of_range)?;
    if index > 0 && offset >= size {
        return Err(out_of_range());
    }
    let len = chunk.min(size - offset);
    Ok(Span {
        offset,
        len,
        last: offset + len >= size,
    })
}

/// The length the request announces: `Content-Length`, or `X-Expected-Entity-Length` from clients
/// that stream without one.
fn announced(headers: &HeaderMap) -> Option<u64> {
    ["content-length", "x-expected-entity-length"]
        .iter()
        .find_map(|h| headers.get(*h))
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok())
}

fn session_gone() -> AppError {
    AppError::code(
        Code::UploadSessionExpired,
        "Upload session not exist or expired",
    )
}

pub(super) async fn upload(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    path: Result<Path<(String, String)>, PathRejection>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, AppError> {
    let Path((raw_id, raw_index)) = path.map_err(|_| session_gone())?;
    let id = parts::canonical_id(&raw_id).ok_or_else(session_gone)?;
    let index: u64 = raw_index
        .parse()
        .map_err(|_| AppError::Param("Parameter error: invalid chunk index".into()))?;
    let key = id.clone();
    let (session, policy) =
        s.db.call(move |c| {
            let session = live_session(c, &key, user.id)?;
            let policy = policies::by_id(c, session.policy_id)?;
            Ok((session, policy))
        })
        .await?;
    if !policy.is_some_and(|p| p.takes_chunks()) {
        return Err(AppError::code(
            Code::PolicyNotAllowed,
            "Storage policy does not accept chunks on this server",
        ));
    }
    receive(&s, session, index, &headers, body).await
}

/// The storage node's chunk route, under `/api/v4`.
pub(super) const NODE_ROUTE: &str = "/slave/upload/{session}";

/// The node URL path of `session`, as signed in its credential.
pub(super) fn node_path(session: &str) -> String {
    format!("/api/v4/slave/upload/{session}")
}

/// `?chunk=` of a node upload.
#[derive(Debug, serde::Deserialize)]
pub(super) struct NodeChunk {
    chunk: Option<String>,
}

/// Browsers upload to a node from the app's origin, which may be another one: the node answers
/// CORS (file.md §remote: "the node needs CORS enabled").
fn with_cors(mut res: Response) -> Response {
    let h = res.headers_mut();
    h.insert("access-control-allow-origin", HeaderValue::from_static("*"));
    h.insert(
        "access-control-allow-headers",
        HeaderValue::from_static("authorization, content-type"),
    );
    h.insert(
        "access-control-allow-methods",
        HeaderValue::from_static("POST, OPTIONS"),
    );
    res
}

/// The CORS preflight of a node upload.
pub(super) async fn node_preflight() -> Response {
    with_cors(axum::http::StatusCode::NO_CONTENT.into_response())
}

/// `POST /api/v4/slave/upload/{session}?chunk={i}`, the storage node's side of a `remote`
/// upload: no user token, but the session's credential (`Authorization: Bearer Cr <sign>`, the
/// HMAC of this URL path until the session expires). The last chunk completes the upload, as the
/// node's callback to its master would.
pub(super) async fn node_upload(
    State(s): State<AppState>,
    path: Result<Path<String>, PathRejection>,
    Query(q): Query<NodeChunk>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let result = async {
        let Path(raw_id) = path.map_err(|_| session_gone())?;
        let id = parts::canonical_id(&raw_id).ok_or_else(session_gone)?;
        let sign = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer Cr "))
            .ok_or_else(|| AppError::code(Code::CredentialInvalid, "invalid sign"))?;
        signing::check(&s.url_secret, &node_path(&id), sign, now_secs())?;
        let index: u64 = q
            .chunk
            .as_deref()
            .unwrap_or("0")
            .parse()
            .map_err(|_| AppError::Param("Parameter error: invalid chunk index".into()))?;
        let key = id.clone();
        let (session, policy) =
            s.db.call(move |c| {
                let owner = uploads::by_id(c, &key)?.ok_or_else(session_gone)?.owner_id;
                let session = live_session(c, &key, owner)?;
                let policy = policies::by_id(c, session.policy_id)?;
                Ok((session, policy))
            })
            .await?;
        if !policy.is_some_and(|p| p.is_remote_node()) {
            return Err(AppError::code(
                Code::PolicyNotAllowed,
                "This session's chunks do not go to a storage node",
            ));
        }
        receive(&s, session, index, &headers, body).await
    }
    .await;
    with_cors(result.unwrap_or_else(IntoResponse::into_response))
}

/// Writes chunk `index` of `session` (already checked for its caller) and completes the upload
/// after the last one.
async fn receive(
    s: &AppState,
    session: SessionRow,
    index: u64,
    headers: &HeaderMap,
    body: Body,
) -> Result<Response, AppError> {
    let id = session.id.clone();
    let owner = session.owner_id;
    let span = span(&session, index)?;
    if announced(headers) != Some(span.len) {
        return Err(AppError::code(
            Code::InvalidContentLength,
            format!("Invalid Content-Length (expected: {})", span.len),
        ));
    }
    let fault = match faults::roll(s.config.chunk_faults) {
        // An empty chunk has no middle to drop in.
        Fault::DropMidBody if span.len == 0 => Fault::DropAfterBody,
        f => f,
    };
    if fault != Fault::None {
        tracing::info!(session = %id, index, ?fault, "injecting a chunk fault");
    }
    let gate = s.upload_gates.of(&id);
    let writing = gate.clone().read_owned().await;
    let part = parts::path(&s.upload_dir, &id).ok_or_else(session_gone)?;
    let cut = (fault == Fault::DropMidBody).then_some(span.len / 2);
    match parts::write(&part, span.offset, span.len, body, cut).await {
        Ok(Written::Whole) => {}
        Ok(Written::Cut) => return Ok(faults::dropped()),
        Err(WriteError::Gone) => return Err(session_gone()),
        Err(WriteError::TooLong) => {
            return Err(AppError::code(
                Code::InvalidContentLength,
                format!("Invalid Content-Length (expected: {})", span.len),
            ))
        }
        Err(WriteError::Short) => {
            return Err(AppError::code(
                Code::IoFailed,
                "Fewer bytes received than announced",
            ))
        }
        Err(WriteError::Io(e)) => {
            tracing::error!(session = %id, error = %e, "writing a chunk failed");
            return Err(AppError::code(Code::IoFailed, "Failed to write the chunk"));
        }
    }
    let key = id.clone();
    s.db.call(move |c| {
        uploads::by_id(c, &key)?.ok_or_else(session_gone)?;
        uploads::mark_received(c, &key, index)
    })
    .await?;
    drop(writing);
    match fault {
        Fault::Fail => return Err(faults::failure()),
        Fault::DropAfterBody => return Ok(faults::dropped()),
        _ => {}
    }
    if span.last {
        // Wait for other writes of this session to land before the part file becomes the blob.
        let _alone = gate.write().await;
        let (blob_dir, upload_dir) = (s.blob_dir.clone(), s.upload_dir.clone());
        let key = id.clone();
        let freed =
            s.db.call(move |c| complete(c, &blob_dir, &upload_dir, &key, owner))
                .await?;
        s.upload_gates.forget(&id);
        blobs::remove(s, freed).await;
    }
    Ok(ok(()).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(size: i64, chunk_size: i64) -> SessionRow {
        SessionRow {
            id: String::new(),
            owner_id: 1,
            file_id: 1,
            placeholder: true,
            uri: String::new(),
            size,
            chunk_size,
            policy_id: 1,
            expires_at: 0,
            callback_secret: String::new(),
            lock_token: String::new(),
            last_modified: None,
            mime_type: None,
            metadata: Default::default(),
            entity_type: String::new(),
            created_at: 0,
            upload_id: String::new(),
            object_key: String::new(),
        }
    }

    fn at(offset: u64, len: u64, last: bool) -> Span {
        Span { offset, len, last }
    }

    #[test]
    fn chunk_ranges_follow_the_contract() {
        let s = session(10, 4);
        assert_eq!(span(&s, 0).ok(), Some(at(0, 4, false)));
        assert_eq!(span(&s, 2).ok(), Some(at(8, 2, true)));
        assert!(span(&s, 3).is_err());
        assert!(span(&s, u64::MAX).is_err(), "no overflow");
        let even = session(8, 4);
        assert_eq!(span(&even, 1).ok(), Some(at(4, 4, true)));
        assert!(span(&even, 2).is_err());
        let whole = session(10, 0);
        assert_eq!(span(&whole, 0).ok(), Some(at(0, 10, true)));
        assert!(span(&whole, 1).is_err());
        let empty = session(0, 4);
        assert_eq!(span(&empty, 0).ok(), Some(at(0, 0, true)));
        assert!(span(&empty, 1).is_err());
        assert_eq!(s.chunk_count(), 3);
        assert_eq!(empty.chunk_count(), 1);
    }
}
