//! Content stored in an S3 bucket: the signed content route answers 302 to a presigned GET of the
//! object, so downloads (and `Range` requests, which browsers repeat on the redirect target) go
//! to the provider and never through this server.

use std::time::Duration;

use axum::body::Body;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;

use crate::blobs;
use crate::error::AppError;
use crate::s3::GetOverrides;
use crate::state::AppState;

/// Lifetime of the presigned URL: what CE gives entity URLs (`entity_url_default_ttl`). The
/// browser follows the redirect at once; a player that re-requests ranges later comes back to
/// the signed route and gets a fresh one.
const PRESIGNED_TTL: Duration = Duration::from_secs(3600);

/// What the provider should answer with instead of the object's stored headers, so a download
/// from the bucket looks like one from the disk.
pub(super) struct ResponseHeaders {
    /// `Content-Type` guessed from the name, as for local content.
    pub content_type: HeaderValue,
    /// `inline` or `attachment`, with the file's name.
    pub disposition: HeaderValue,
}

/// 302 to a presigned GET of `key` in the bucket of `policy`.
pub(super) async fn to_object(
    s: &AppState,
    policy: i64,
    key: &str,
    headers: ResponseHeaders,
) -> Result<Response, AppError> {
    let client = blobs::s3_client(s, policy).await?;
    let text = |v: &HeaderValue| v.to_str().ok().map(str::to_string);
    let overrides = GetOverrides {
        content_disposition: text(&headers.disposition),
        content_type: text(&headers.content_type),
    };
    let url = client.presign_get_object(key, &overrides, PRESIGNED_TTL);
    Response::builder()
        .status(StatusCode::FOUND)
        .header(header::LOCATION, url)
        .header(header::ACCESS_CONTROL_ALLOW_ORIGIN, "*")
        // The target expires; a cached redirect would outlive it.
        .header(header::CACHE_CONTROL, "no-store")
        .body(Body::empty())
        .map_err(|e| AppError::Internal(e.into()))
}
