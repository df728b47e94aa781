//! `POST /file/url` (file.md §Create download URL): signed content URLs that fetch files without
//! an Authorization header, one per URI, or (with `archive`) one zip of them all.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cloudreve_api::models::{CreateDownloadUrlRequest, FileUrl, FileUrlResponse};
use cloudreve_api::{CrUri, Envelope, FileSystem, Timestamp};
use rusqlite::Connection;

use super::archive_download;
use super::content::no_entity;
use super::file::{check_owner, parse_uri};
use super::file_ops::{check_batch, not_supported, resolve};
use super::ApiRouter;
use crate::error::AppError;
use crate::extract::{ApiJson, Viewer};
use crate::signing::{expiry_for, ContentUrl, EntityRef, URL_TTL};
use crate::state::{now_secs, AppState};
use crate::store::files::{FileRow, TYPE_FILE};
use crate::store::users::UserRow;
use crate::store::versions;

pub(super) fn routes(r: ApiRouter) -> ApiRouter {
    r.serve::<CreateDownloadUrlRequest, _, _>(create_urls)
}

/// A file a URL may be made for, with the blob to serve.
struct Target {
    name: String,
    entity: EntityRef,
}

async fn create_urls(
    State(s): State<AppState>,
    viewer: Viewer,
    ApiJson(req): ApiJson<CreateDownloadUrlRequest>,
) -> Result<Response, AppError> {
    check_batch(&req.uris)?;
    if req.entity.is_some() && req.uris.len() > 1 {
        return Err(AppError::Param("entity needs exactly one uri".into()));
    }
    if req.archive {
        let answer = archive_download::create(&s, viewer.0.as_ref(), &req).await?;
        if let Some(url) = answer.urls.first().filter(|_| req.redirect) {
            let to = url.url.clone();
            return Ok((StatusCode::FOUND, [(header::LOCATION, to)]).into_response());
        }
        return Ok(Json(Envelope::ok(answer)).into_response());
    }
    let wanted = wanted_entity(&s, req.entity.as_deref())?;
    let parsed: Vec<Result<CrUri, AppError>> = req
        .uris
        .iter()
        .map(|raw| locate(&s, viewer.0.as_ref(), raw))
        .collect();
    let owner = viewer.0.as_ref().map(|u| u.id);
    let found =
        s.db.call(move |c| {
            Ok(parsed
                .into_iter()
                .map(|uri| target(c, owner, uri?, wanted))
                .collect::<Vec<_>>())
        })
        .await?;
    // Expiries fall on a shared window, so repeated calls hand out the same URL (the contract's
    // URL cache); `no_cache` asks for a URL of its own.
    let now = now_secs();
    let expires = if req.no_cache {
        now + URL_TTL
    } else {
        expiry_for(now)
    };
    let mut urls = Vec::with_capacity(found.len());
    let mut failures = Vec::new();
    for (raw, item) in req.uris.iter().zip(found) {
        match item {
            Ok(t) => urls.push(FileUrl {
                url: ContentUrl {
                    entity: t.entity,
                    name: &t.name,
                    download: req.download,
                    expires,
                }
                .build(&s.ids, &s.url_secret),
                ..FileUrl::default()
            }),
            Err(e) => {
                failures.push((raw.clone(), e));
                urls.push(FileUrl::default());
            }
        }
    }
    if !failures.is_empty() && !req.skip_error {
        // One URI reports its own error; several report which of them failed (40081).
        return Err(match failures.len() {
            1 if req.uris.len() == 1 => failures.remove(0).1,
            _ => AppError::Batch(failures),
        });
    }
    let any_url = urls.iter().any(|u| !u.url.is_empty());
    if req.redirect && req.uris.len() == 1 && any_url {
        return Ok((StatusCode::FOUND, [(header::LOCATION, urls[0].url.clone())]).into_response());
    }
    let answer = FileUrlResponse {
        urls,
        expires: any_url.then(|| Timestamp::from_unix_millis(expires * 1000)),
    };
    Ok(Json(Envelope::ok(answer)).into_response())
}

/// The version a request names (`entity`, `version`): none when absent or empty, 40077 when it
/// is no entity id at all.
pub(super) fn wanted_entity(
    s: &AppState,
    raw: Option<&str>,
) -> Result<Option<EntityRef>, AppError> {
    raw.filter(|e| !e.is_empty())
        .map(|e| EntityRef::decode(&s.ids, e).ok_or_else(no_entity))
        .transpose()
}

/// Parses `raw` and checks the caller may download from its file system.
pub(super) fn locate(s: &AppState, user: Option<&UserRow>, raw: &str) -> Result<CrUri, AppError> {
    let uri = parse_uri(raw)?;
    match uri.fs {
        FileSystem::My if !uri.is_search() => {
            let user = user.ok_or(AppError::LoginRequired)?;
            check_owner(s, &uri, user)?;
            Ok(uri)
        }
        // TODO(#share-downloads): shares resolve through their owner's tree with the share's
        // permissions (and count downloads); until then they are not found.
        FileSystem::Share => Err(AppError::NotFound("Share not found")),
        // The trash (and share shortcuts) lack the download capability.
        FileSystem::Trash | FileSystem::SharedWithMe => Err(not_supported()),
        _ => Err(AppError::Param("unknown uri".into())),
    }
}

/// The file at `uri` and the blob to serve: the current version, or `wanted` if it is one of the
/// file's versions (40077 otherwise, and for folders).
fn target(
    c: &Connection,
    owner: Option<i64>,
    uri: CrUri,
    wanted: Option<EntityRef>,
) -> Result<Target, AppError> {
    let owner = owner.ok_or(AppError::LoginRequired)?;
    let row = resolve(c, owner, &uri)?;
    if row.file_type != TYPE_FILE || uri.is_root() {
        return Err(no_entity());
    }
    let entity = match wanted {
        // Empty files that were never written have no entity; their own id serves no bytes.
        None => versions::current_entity(&row).unwrap_or(EntityRef::File(row.id)),
        Some(e) => owned_entity(c, &row, e)?,
    };
    Ok(Target {
        name: row.name,
        entity,
    })
}

/// `entity` if it is a version of `row` (the current one included); 40077 otherwise.
pub(super) fn owned_entity(
    c: &Connection,
    row: &FileRow,
    entity: EntityRef,
) -> Result<EntityRef, AppError> {
    if versions::current_entity(row) == Some(entity) {
        return Ok(entity);
    }
    match entity {
        EntityRef::Version(v) if versions::by_id(c, v)?.is_some_and(|v| v.file_id == row.id) => {
            Ok(entity)
        }
        _ => Err(no_entity()),
    }
}
