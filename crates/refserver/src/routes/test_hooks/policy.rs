//! Test hooks for storage policies: create or update one, make it a group's default, mount it on a
//! folder (documented in the parent module).

use axum::extract::State;
use axum::Json;
use cloudreve_api::{Code, Envelope};
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::extract::{ApiJson, AuthUser};
use crate::ids::Kind;
use crate::routes::file_ops::{my_uri, resolve};
use crate::s3::S3Client;
use crate::state::AppState;
use crate::store::files::TYPE_FOLDER;
use crate::store::policies::{self, PolicyRow, TYPE_S3};

/// `POST /test/policy` body: every field optional; absent fields keep their value (or default).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PolicyRequest {
    /// Encoded id of the policy to update; absent creates one.
    pub id: Option<String>,
    /// Display name.
    pub name: Option<String>,
    /// Storage type.
    #[serde(rename = "type")]
    pub policy_type: Option<String>,
    /// Bytes per chunk (0 = one request).
    pub chunk_size: Option<i64>,
    /// Largest file (0 = unlimited).
    pub max_size: Option<i64>,
    /// Extensions allowed.
    pub allowed_suffix: Option<Vec<String>>,
    /// Extensions refused.
    pub denied_suffix: Option<Vec<String>>,
    /// Names must match.
    pub allowed_name_regexp: Option<String>,
    /// Names must not match.
    pub denied_name_regexp: Option<String>,
    /// Parallel chunks.
    pub chunk_concurrency: Option<i64>,
    /// Upload through this server.
    pub relay: Option<bool>,
    /// Type-specific settings (a JSON object).
    pub settings: Option<serde_json::Value>,
    /// Encoded group id whose default this policy becomes.
    pub group: Option<String>,
}

/// `POST /test/policy` answer.
#[derive(Debug, Serialize)]
pub struct PolicyResponse {
    /// Encoded policy id.
    pub id: String,
}

/// `POST /test/mount` body.
#[derive(Debug, Deserialize)]
pub struct MountRequest {
    /// One of the caller's folders.
    pub uri: String,
    /// Encoded policy id; `null` unmounts.
    pub policy_id: Option<String>,
}

fn no_policy() -> AppError {
    AppError::code(Code::PolicyNotExist, "Storage policy not exist")
}

fn apply(mut p: PolicyRow, r: PolicyRequest) -> Result<PolicyRow, AppError> {
    let negative = [r.chunk_size, r.max_size]
        .into_iter()
        .flatten()
        .any(|n| n < 0);
    if negative || r.chunk_concurrency.is_some_and(|n| n < 1) {
        return Err(AppError::Param(
            "sizes must be >= 0, concurrency >= 1".into(),
        ));
    }
    if r.settings.as_ref().is_some_and(|v| !v.is_object()) {
        return Err(AppError::Param("settings must be a JSON object".into()));
    }
    if r.policy_type.as_deref() == Some("") {
        return Err(AppError::Param("type must not be empty".into()));
    }
    p.name = r.name.unwrap_or(p.name);
    p.policy_type = r.policy_type.unwrap_or(p.policy_type);
    p.chunk_size = r.chunk_size.unwrap_or(p.chunk_size);
    p.max_size = r.max_size.unwrap_or(p.max_size);
    p.allowed_suffix = r.allowed_suffix.unwrap_or(p.allowed_suffix);
    p.denied_suffix = r.denied_suffix.unwrap_or(p.denied_suffix);
    p.allowed_name_regexp = r.allowed_name_regexp.unwrap_or(p.allowed_name_regexp);
    p.denied_name_regexp = r.denied_name_regexp.unwrap_or(p.denied_name_regexp);
    p.chunk_concurrency = r.chunk_concurrency.unwrap_or(p.chunk_concurrency);
    p.relay = r.relay.unwrap_or(p.relay);
    p.settings = r.settings.unwrap_or(p.settings);
    if p.policy_type == TYPE_S3 {
        // Caught here rather than by the first upload into the folder.
        let settings = p
            .s3_settings()
            .map_err(|e| AppError::Param(format!("settings of an s3 policy: {e}")))?;
        S3Client::new(settings).map_err(|e| AppError::Param(e.to_string()))?;
    }
    Ok(p)
}

pub(super) async fn save(
    State(s): State<AppState>,
    AuthUser(_): AuthUser,
    ApiJson(mut req): ApiJson<PolicyRequest>,
) -> Result<Json<Envelope<PolicyResponse>>, AppError> {
    let id = match req.id.take() {
        Some(raw) => Some(s.ids.decode(Kind::Policy, &raw).ok_or_else(no_policy)?),
        None => None,
    };
    let group = match req.group.take() {
        Some(raw) => Some(
            s.ids
                .decode(Kind::Group, &raw)
                .ok_or_else(|| AppError::Param("unknown group id".into()))?,
        ),
        None => None,
    };
    let saved =
        s.db.call(move |c| {
            let current = match id {
                Some(id) => policies::by_id(c, id)?.ok_or_else(no_policy)?,
                None => PolicyRow {
                    name: "Test storage policy".into(),
                    ..PolicyRow::default()
                },
            };
            let tx = c.transaction()?;
            let saved = policies::save(&tx, &apply(current, req)?)?;
            if let Some(group) = group {
                policies::assign_to_group(&tx, group, saved)?;
            }
            tx.commit()?;
            Ok(saved)
        })
        .await?;
    Ok(Json(Envelope::ok(PolicyResponse {
        id: s.ids.encode(Kind::Policy, saved),
    })))
}

pub(super) async fn mount(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    ApiJson(req): ApiJson<MountRequest>,
) -> Result<Json<Envelope<()>>, AppError> {
    let uri = my_uri(&s, &req.uri, &user)?;
    let policy = match req.policy_id.as_deref() {
        Some(raw) => Some(s.ids.decode(Kind::Policy, raw).ok_or_else(no_policy)?),
        None => None,
    };
    s.db.call(move |c| {
        let folder = resolve(c, user.id, &uri)?;
        if folder.file_type != TYPE_FOLDER {
            return Err(AppError::Param("only folders take a policy".into()));
        }
        if let Some(p) = policy {
            policies::by_id(c, p)?.ok_or_else(no_policy)?;
        }
        policies::mount(c, folder.id, policy)
    })
    .await?;
    Ok(Json(Envelope::ok(())))
}
