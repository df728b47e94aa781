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
use super::file_ops::{check_batch, not_supported};
use super::share::item_uri;
use super::share_access;
use super::ApiRouter;
use crate::error::AppError;
use crate::extract::{ApiJson, Viewer};
use crate::ids::{IdCodec, Kind};
use crate::signing::{expiry_for, ContentUrl, EntityRef, URL_TTL};
use crate::state::{now_millis, now_secs, AppState};
use crate::store::activities::{category, NewActivity};
use crate::store::files::{FileRow, TYPE_FILE};
use crate::store::shares;
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
        .map(|raw| locate_readable(&s, viewer.0.as_ref(), raw))
        .collect();
    let caller = viewer.0.clone();
    let ids = s.ids;
    let found =
        s.db.call(move |c| {
            Ok(parsed
                .into_iter()
                .map(|uri| target(c, &ids, caller.as_ref(), uri?, wanted))
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

/// Like [`locate`], but share URIs pass too: their rows are looked up through
/// `share_access::readable`, which opens the share (password, expiry, the visitor's group).
fn locate_readable(s: &AppState, user: Option<&UserRow>, raw: &str) -> Result<CrUri, AppError> {
    let uri = parse_uri(raw)?;
    match uri.fs {
        FileSystem::Share if !uri.is_search() => Ok(uri),
        _ => locate(s, user, raw),
    }
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
        // Zips and zip listings resolve in the caller's own tree, so share URIs stay out of them
        // (see `locate_readable` for single files).
        FileSystem::Share => Err(not_supported()),
        // The trash (and share shortcuts) lack the download capability.
        FileSystem::Trash | FileSystem::SharedWithMe => Err(not_supported()),
        _ => Err(AppError::Param("unknown uri".into())),
    }
}

/// The file at `uri` and the blob to serve: the current version, or `wanted` if it is one of the
/// file's versions (40077 otherwise, and for folders).
fn target(
    c: &Connection,
    ids: &IdCodec,
    caller: Option<&UserRow>,
    uri: CrUri,
    wanted: Option<EntityRef>,
) -> Result<Target, AppError> {
    let (row, share) = share_access::readable(c, ids, caller, &uri, now_millis())?;
    if row.file_type != TYPE_FILE || (uri.is_root() && share.is_none()) {
        return Err(no_entity());
    }
    // Single-file shares count every URL made for their file by someone else (share.md §Expiry
    // and counters); the last allowed one spends the link.
    if let Some(opened) = share
        .as_ref()
        .filter(|o| o.is_file() && caller.is_none_or(|u| u.id != o.share.owner_id))
    {
        shares::count_download(c, opened.share.id)?;
    }
    let entity = match wanted {
        // Empty files that were never written have no entity; their own id serves no bytes.
        None => versions::current_entity(&row).unwrap_or(EntityRef::File(row.id)),
        Some(e) => owned_entity(c, &row, e)?,
    };
    // A URL is made to read the file (download or preview): a read in its history.
    let mut read = NewActivity::new(
        row.id,
        caller.map(|u| u.id),
        category::ENTITY_DOWNLOADED,
        &item_uri(c, row.id)?,
    );
    if let Some(opened) = &share {
        read = read.ext("share_id", &ids.encode(Kind::Share, opened.share.id));
    }
    read.record(c, now_millis())?;
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
