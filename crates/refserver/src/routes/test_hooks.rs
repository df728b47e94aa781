//! Test-only routes, served only with `--test-hooks` ([`crate::Config::test_hooks`]): they let
//! browser tests provoke states no client can create yet, such as a lock held by an upload.
//!
//! `POST /api/v4/test/lock` with `{"uri": "cloudreve://my/a.txt", "app": "viewer", "ttl": 3600}`
//! (`app` and `ttl` optional; `ttl` in seconds, 0 = already expired) locks the signed-in caller's
//! own item and answers `{"code": 0, "data": {"token": "<lock token>", "expires": <unix s>}}`.

use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use cloudreve_api::Envelope;
use serde::{Deserialize, Serialize};

use super::file_ops::{my_uri, not_supported, resolve};
use crate::error::AppError;
use crate::extract::{ApiJson, AuthUser};
use crate::state::{now_secs, AppState};
use crate::store::locks;

/// The applications a lock may name (errors.md §3 `owner.application.type`).
const APPS: &[&str] = &[
    "create",
    "rename",
    "setPermission",
    "moveCopy",
    "upload",
    "updateMetadata",
    "delete",
    "softDelete",
    "dav",
    "versionControl",
    "viewer",
    "mount",
    "relocate",
];

/// `POST /test/lock` body.
#[derive(Debug, Deserialize)]
pub struct LockRequest {
    /// A `my` URI of the caller's.
    pub uri: String,
    /// Who holds the lock (default `upload`).
    #[serde(default)]
    pub app: Option<String>,
    /// Seconds until it expires (default 3600).
    #[serde(default)]
    pub ttl: Option<i64>,
}

/// `POST /test/lock` answer.
#[derive(Debug, Serialize)]
pub struct LockResponse {
    /// Token for `DELETE /file/lock`.
    pub token: String,
    /// Unix seconds.
    pub expires: i64,
}

/// The test routes, relative to `/api/v4`.
pub fn router() -> Router<AppState> {
    Router::new().route("/test/lock", post(lock))
}

async fn lock(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    ApiJson(req): ApiJson<LockRequest>,
) -> Result<Json<Envelope<LockResponse>>, AppError> {
    let app = req.app.unwrap_or_else(|| "upload".into());
    if !APPS.contains(&app.as_str()) {
        return Err(AppError::Param(format!("unknown lock application {app}")));
    }
    let ttl = req.ttl.unwrap_or(3600);
    if ttl < 0 {
        return Err(AppError::Param("ttl must not be negative".into()));
    }
    let uri = my_uri(&s, &req.uri, &user)?;
    if uri.is_root() {
        return Err(not_supported());
    }
    let now = now_secs();
    let expires = now + ttl;
    let token =
        s.db.call(move |c| {
            let row = resolve(c, user.id, &uri)?;
            locks::create(c, row.id, user.id, &app, expires, now)
        })
        .await?;
    Ok(Json(Envelope::ok(LockResponse { token, expires })))
}
