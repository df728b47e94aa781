//! WOPI host failures: HTTP status codes with an `X-WOPI-ServerError` reason (and the current lock
//! on conflicts), never the JSON envelope, since WOPI clients read statuses (file.md §7).

use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::error::AppError;

/// A failed WOPI request.
#[derive(Debug)]
pub enum WopiError {
    /// 400: a header the operation needs is missing or malformed.
    BadRequest(&'static str),
    /// 403: no live session for this token, or it is for another file, or the session may not
    /// write.
    Denied(&'static str),
    /// 404: the file (or the version the session opened) is gone.
    NotFound,
    /// 409: the lock does not match; `current` is the lock held (empty when there is none, or when
    /// the file is locked by something other than a WOPI client).
    Conflict {
        /// Current lock value, sent in `X-WOPI-Lock`.
        current: String,
        /// Why, sent in `X-WOPI-LockFailureReason`.
        reason: &'static str,
    },
    /// 413: more than the site's edit limit.
    TooLarge,
    /// 501: an operation this host does not offer.
    NotImplemented,
    /// 500: anything else; the detail is logged, the reason sent is generic unless safe to show.
    Internal(String),
}

impl From<AppError> for WopiError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::Internal(e) => {
                tracing::error!(error = %e, "WOPI request failed");
                WopiError::Internal("Internal server error".into())
            }
            // Our own codes (quota, ...) carry messages written for users.
            other => WopiError::Internal(other.to_string()),
        }
    }
}

/// A header value made of `text`'s printable ASCII (others become `_`).
fn header_text(text: &str) -> HeaderValue {
    let clean: String = text
        .chars()
        .map(|c| {
            if c == ' ' || c.is_ascii_graphic() {
                c
            } else {
                '_'
            }
        })
        .collect();
    HeaderValue::from_str(&clean).unwrap_or(HeaderValue::from_static(""))
}

impl IntoResponse for WopiError {
    fn into_response(self) -> Response {
        let (status, reason) = match &self {
            WopiError::BadRequest(r) => (StatusCode::BAD_REQUEST, *r),
            WopiError::Denied(r) => (StatusCode::FORBIDDEN, *r),
            WopiError::NotFound => (StatusCode::NOT_FOUND, "File not found"),
            WopiError::Conflict { reason, .. } => (StatusCode::CONFLICT, *reason),
            WopiError::TooLarge => (StatusCode::PAYLOAD_TOO_LARGE, "File too large"),
            WopiError::NotImplemented => (StatusCode::NOT_IMPLEMENTED, "Not supported"),
            WopiError::Internal(r) => (StatusCode::INTERNAL_SERVER_ERROR, r.as_str()),
        };
        let mut res = status.into_response();
        let headers = res.headers_mut();
        headers.insert("X-WOPI-ServerError", header_text(reason));
        if let WopiError::Conflict { current, reason } = &self {
            headers.insert("X-WOPI-Lock", header_text(current));
            headers.insert("X-WOPI-LockFailureReason", header_text(reason));
        }
        res
    }
}
