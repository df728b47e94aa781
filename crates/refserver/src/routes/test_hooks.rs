//! Test-only routes, served only with `--test-hooks` ([`crate::Config::test_hooks`]): they let
//! tests provoke states no client can create, such as a lock held by an upload, a storage policy
//! with rules, or an expired upload session. Every hook needs a signed-in caller and answers the
//! usual envelope; failures use the usual codes (40001 for bad input).
//!
//! - `POST /api/v4/test/lock` with `{"uri": "cloudreve://my/a.txt", "app": "viewer", "ttl": 3600}`
//!   (`app` and `ttl` optional; `ttl` in seconds, 0 = already expired) locks the signed-in caller's
//!   own item and answers `{"code": 0, "data": {"token": "<lock token>", "expires": <unix s>}}`.
//! - `POST /api/v4/test/policy` creates a storage policy, or updates the one whose encoded `id` it
//!   names (only the fields sent change), and answers `{"code": 0, "data": {"id": "<policy id>"}}`.
//!   Fields: `name`, `type` (`local`, `s3`, ...), `chunk_size`, `max_size` (bytes, 0 =
//!   unlimited), `allowed_suffix`, `denied_suffix` (arrays of extensions), `allowed_name_regexp`,
//!   `denied_name_regexp`, `chunk_concurrency`, `relay`, `settings` (a JSON object for the type's
//!   own settings; for `s3` the bucket: `{"endpoint": "http://127.0.0.1:9000", "bucket": "b",
//!   "access_key": "..", "secret_key": "..", "region"?: "us-east-1", "path_style"?: true}`, checked
//!   when saved), and `group` (an encoded group id: the policy becomes that group's default).
//! - `POST /api/v4/test/mount` with `{"uri": "cloudreve://my/folder", "policy_id": "<policy id>"}`
//!   mounts a policy on one of the caller's folders (`"policy_id": null` unmounts); answers no data.
//! - `POST /api/v4/test/expire_upload` with `{"session_id": "<uuid>"}` makes one of the caller's
//!   upload sessions (and its lock) expire now; it then answers 40011 and the next cleanup removes it.

mod policy;

use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use cloudreve_api::{Code, Envelope};
use serde::{Deserialize, Serialize};

use super::file_ops::{my_uri, not_supported, resolve};
use crate::error::AppError;
use crate::extract::{ApiJson, AuthUser};
use crate::state::{now_secs, AppState};
use crate::store::{locks, uploads};

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

/// `POST /test/expire_upload` body.
#[derive(Debug, Deserialize)]
pub struct ExpireUploadRequest {
    /// The session to expire (one of the caller's).
    pub session_id: String,
}

/// The test routes, relative to `/api/v4`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/test/lock", post(lock))
        .route("/test/policy", post(policy::save))
        .route("/test/mount", post(policy::mount))
        .route("/test/expire_upload", post(expire_upload))
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

async fn expire_upload(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    ApiJson(req): ApiJson<ExpireUploadRequest>,
) -> Result<Json<Envelope<()>>, AppError> {
    let found =
        s.db.call(move |c| {
            let mine = uploads::by_id(c, &req.session_id)?.is_some_and(|x| x.owner_id == user.id);
            Ok(mine && uploads::set_expiry(c, &req.session_id, now_secs() - 1)?)
        })
        .await?;
    if !found {
        return Err(AppError::code(
            Code::UploadSessionExpired,
            "Upload session not exist or expired",
        ));
    }
    Ok(Json(Envelope::ok(())))
}
