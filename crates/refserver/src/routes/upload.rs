//! `PUT /file/upload` (open a session), `DELETE /file/upload` (cancel it) and, in `chunk`,
//! `POST /file/upload/{session_id}/{index}` (file.md §5). Policies whose bytes come to this server
//! (`local`, or relayed) and `s3` policies (straight to the bucket, `uploads::direct`) open
//! sessions, and so do `remote` policies (chunks to the storage node's route, which this server
//! also serves: `chunk::node_upload`); other types answer 40006.

mod chunk;
mod open;

use std::collections::BTreeMap;

use axum::extract::State;
use cloudreve_api::models::{
    CreateUploadSessionRequest, DeleteUploadSessionRequest, MetadataPatch, UploadChunk,
    UploadCredential,
};
use cloudreve_api::{CrUri, FileSystem};
use rand::distributions::Alphanumeric;
use rand::Rng;

use self::open::Plan;
use super::file::{check_new_path, check_owner, parse_uri};
use super::file_ops::not_supported;
use super::metadata::rules;
use super::ApiRouter;
use crate::error::{ok, ApiResult, AppError};
use crate::extract::{ApiJson, AuthUser, SiteUrl};
use crate::ids::Kind;
use crate::signing;
use crate::state::{now_secs, AppState};
use crate::store::policies::{PolicyRow, TYPE_LOCAL};
use crate::store::uploads::{self, SessionRow, ENTITY_VERSION};
use crate::uploads::{direct, discard, parts};

/// Most metadata entries an upload may carry.
const MAX_METADATA: usize = 256;

/// The storage node's chunk route (`/api/v4/slave/upload/{session}`), outside the contract's
/// catalogue: it is the node's API, which this server also plays.
pub(super) fn node_router() -> axum::Router<AppState> {
    axum::Router::new().route(
        chunk::NODE_ROUTE,
        axum::routing::post(chunk::node_upload).options(chunk::node_preflight),
    )
}

pub(super) fn routes(r: ApiRouter) -> ApiRouter {
    r.serve::<CreateUploadSessionRequest, _, _>(create)
        .serve::<UploadChunk, _, _>(chunk::upload)
        .serve::<DeleteUploadSessionRequest, _, _>(cancel)
}

/// Checks what can be checked without the database, and says what to do.
fn plan(s: &AppState, user_id: i64, req: CreateUploadSessionRequest) -> Result<Plan, AppError> {
    let uri = parse_uri(&req.uri)?;
    if uri.fs != FileSystem::My || uri.is_search() {
        return Err(not_supported());
    }
    check_new_path(&uri)?;
    // Only the form is checked: the folder's own policy is used whatever the client names (CE).
    s.ids
        .decode(Kind::Policy, &req.policy_id)
        .ok_or_else(|| AppError::Param("unknown policy id".into()))?;
    if req.size < 0 {
        return Err(AppError::Param("Parameter error: size must be >= 0".into()));
    }
    let version = match req.entity_type.as_deref().unwrap_or("") {
        "" => false,
        ENTITY_VERSION => true,
        other => return Err(AppError::Param(format!("unsupported entity type {other}"))),
    };
    let metadata = req.metadata.unwrap_or_default();
    check_metadata(s, &metadata)?;
    let now = now_secs();
    let ttl = i64::try_from(s.config.upload_session_ttl.as_secs()).unwrap_or(i64::MAX);
    Ok(Plan {
        uri,
        version,
        session: SessionRow {
            id: uuid::Uuid::new_v4().to_string(),
            owner_id: user_id,
            file_id: 0,
            placeholder: true,
            uri: String::new(),
            size: req.size,
            chunk_size: 0,
            policy_id: 0,
            expires_at: now.saturating_add(ttl),
            callback_secret: rand::thread_rng()
                .sample_iter(&Alphanumeric)
                .take(32)
                .map(char::from)
                .collect(),
            lock_token: String::new(),
            last_modified: req.last_modified,
            mime_type: req.mime_type,
            metadata,
            entity_type: if version {
                ENTITY_VERSION.into()
            } else {
                String::new()
            },
            created_at: 0,
            upload_id: String::new(),
            object_key: String::new(),
        },
    })
}

/// Metadata of an upload follows the rules of `PATCH /file/metadata`.
fn check_metadata(s: &AppState, metadata: &BTreeMap<String, String>) -> Result<(), AppError> {
    if metadata.len() > MAX_METADATA {
        return Err(AppError::Param(format!(
            "Parameter error: at most {MAX_METADATA} metadata entries"
        )));
    }
    for (key, value) in metadata {
        let patch = MetadataPatch {
            key: key.clone(),
            value: Some(value.clone()),
            remove: false,
        };
        rules::check(&s.ids, &patch).map_err(AppError::Param)?;
    }
    Ok(())
}

/// Bytes per chunk the client is told: the policy's for local storage and S3 parts; a relayed
/// upload of another type goes in one request, as CE's relay does.
pub(super) fn chunk_size_of(policy: &PolicyRow) -> i64 {
    if policy.policy_type == TYPE_LOCAL || policy.is_s3_direct() || policy.is_remote_node() {
        policy.chunk_size
    } else {
        0
    }
}

async fn create(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    SiteUrl(site): SiteUrl,
    ApiJson(req): ApiJson<CreateUploadSessionRequest>,
) -> ApiResult<UploadCredential> {
    let plan = plan(&s, user.id, req)?;
    check_owner(&s, &plan.uri, &user)?;
    let upload_dir = s.upload_dir.clone();
    let (session, policy) =
        s.db.call(move |c| open::open(c, &user, plan, &upload_dir))
            .await?;
    let presigned = if policy.is_s3_direct() {
        match direct::begin(&s, &session, &policy).await {
            Ok(p) => Some(p),
            Err(e) => {
                // No provider upload, no session: the placeholder and lock go again.
                let (upload_dir, ended) = (s.upload_dir.clone(), session.clone());
                s.db.call(move |c| discard(c, &upload_dir, &ended)).await?;
                return Err(e);
            }
        }
    } else {
        None
    };
    let mut presigned = presigned.unwrap_or_default();
    // A storage node takes the chunks at its own URL, signed for this session until it expires.
    let mut credential = String::new();
    if policy.is_remote_node() {
        let path = chunk::node_path(&session.id);
        credential = format!(
            "Bearer Cr {}",
            signing::sign(&s.url_secret, &path, session.expires_at)
        );
        presigned.part_urls = vec![format!("{site}{path}")];
    }
    ok(UploadCredential {
        session_id: session.id,
        upload_id: presigned.upload_id,
        chunk_size: session.chunk_size,
        expires: session.expires_at,
        credential,
        upload_urls: presigned.part_urls,
        complete_url: presigned.complete_url,
        storage_policy: Some(policy.to_wire(&s.ids)),
        uri: session.uri,
        callback_secret: session.callback_secret,
        ..UploadCredential::default()
    })
}

/// Cancels one of the caller's sessions. Sessions that are gone (or never were the caller's) are
/// already cancelled as far as the caller can tell, so that is a success too.
async fn cancel(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    ApiJson(req): ApiJson<DeleteUploadSessionRequest>,
) -> ApiResult<()> {
    let uri = parse_uri(&req.uri)?;
    let Some(id) = parts::canonical_id(&req.id) else {
        return ok(());
    };
    let upload_dir = s.upload_dir.clone();
    let gone = id.clone();
    let ended =
        s.db.call(move |c| {
            let Some(session) = uploads::by_id(c, &id)?.filter(|x| x.owner_id == user.id) else {
                return Ok(None);
            };
            let same_target = CrUri::parse(&session.uri)
                .is_ok_and(|own| own.fs == uri.fs && own.segments == uri.segments);
            if !same_target {
                return Err(AppError::Param(
                    "uri does not match the upload session".into(),
                ));
            }
            discard(c, &upload_dir, &session)?;
            Ok(Some(session))
        })
        .await?;
    s.upload_gates.forget(&gone);
    if let Some(session) = ended {
        direct::abort(&s, &session).await;
    }
    ok(())
}
