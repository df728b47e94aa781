//! Archive downloads (file.md §Create download URL, `archive`): `POST /file/url {archive: true}`
//! records a session (migration 0008) and signs one URL; `GET /file/archive/{session}/archive.zip`
//! streams a zip of the session's items built with the requester's rights at download time. The
//! items are the requester's own, or those of a share they may open (a whole share for visitors
//! whose group may zip, the anonymous group included). Not a JSON endpoint, so the GET is mounted
//! outside the catalogue.

mod body;
mod plan;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::Response;
use cloudreve_api::models::{CreateDownloadUrlRequest, FileUrl, FileUrlResponse};
use cloudreve_api::uri::encode_component;
use cloudreve_api::{boolset, Boolset, Code, CrUri, FileSystem, Timestamp};
use serde::Deserialize;

use super::file::parse_uri;
use super::file_url::locate;
use super::share::item_uri;
use super::share_access;
use crate::error::AppError;
use crate::extract::ApiQuery;
use crate::ids::IdCodec;
use crate::signing;
use crate::state::{now_millis, now_secs, AppState};
use crate::store::activities::{category, NewActivity};
use crate::store::archive_sessions;
use crate::store::files::FileRow;
use crate::store::users::{self, UserRow};

/// Route path, relative to `/api/v4`.
pub const PATH: &str = "/file/archive/{session}/archive.zip";
/// Where the route is mounted, for signing.
const PREFIX: &str = "/api/v4/file/archive";
/// Lifetime of an archive URL (the contract's `archive_timeout`).
pub const ARCHIVE_TTL: i64 = 600;

/// The query of an archive URL.
#[derive(Debug, Deserialize)]
pub struct SignQuery {
    #[serde(default)]
    sign: String,
}

/// 40007 unless the group of `user` (the anonymous group for a visitor) has `archive_download`
/// (bit 4).
async fn may_archive(s: &AppState, user: Option<&UserRow>) -> Result<(), AppError> {
    // A signed-in user's group is on their row already; only visitors need the database.
    let permission = match user {
        Some(u) => u.group_permission.clone(),
        None => s.db.call(|c| users::group_permission(c, None)).await?,
    };
    let allowed =
        Boolset::decode(&permission).is_ok_and(|b| b.get(boolset::group::ARCHIVE_DOWNLOAD));
    if allowed {
        Ok(())
    } else {
        Err(AppError::code(
            Code::GroupNotAllowed,
            "Group not allowed to download archives",
        ))
    }
}

/// A URI a zip may hold: one of the caller's items, or an item of a share (checked when its row is
/// looked up, by [`root_of`]). A visitor who is not signed in has only shares.
fn archivable(s: &AppState, user: Option<&UserRow>, raw: &str) -> Result<CrUri, AppError> {
    let uri = parse_uri(raw)?;
    if uri.fs == FileSystem::Share {
        Ok(uri)
    } else {
        locate(s, user, raw)
    }
}

/// The row `uri` names for `user`: in their own tree, or in a share they may open (password,
/// expiry and group, as for any other read).
fn root_of(
    c: &rusqlite::Connection,
    ids: &IdCodec,
    user: Option<&UserRow>,
    uri: &CrUri,
) -> Result<FileRow, AppError> {
    share_access::readable(c, ids, user, uri, now_millis()).map(|(row, _)| row)
}

fn invalid_sign() -> AppError {
    AppError::code(Code::CredentialInvalid, "invalid sign")
}

/// The answer to `POST /file/url` with `archive`: one URL for all of `req.uris`. Items that fail
/// are reported like other batches (one error, or 40081), or left out with `skip_error`.
pub(super) async fn create(
    s: &AppState,
    user: Option<&UserRow>,
    req: &CreateDownloadUrlRequest,
) -> Result<FileUrlResponse, AppError> {
    may_archive(s, user).await?;
    let user = user.cloned();
    if req.entity.as_deref().is_some_and(|e| !e.is_empty()) {
        return Err(AppError::Param("entity cannot be used with archive".into()));
    }
    let parsed: Vec<(String, Result<CrUri, AppError>)> = req
        .uris
        .iter()
        .map(|raw| (raw.clone(), archivable(s, user.as_ref(), raw)))
        .collect();
    let ids = s.ids;
    let (now, skip_error) = (now_secs(), req.skip_error);
    let expires = now + ARCHIVE_TTL;
    let session =
        s.db.call(move |c| {
            let mut kept = Vec::new();
            let mut roots = Vec::new();
            let mut failures = Vec::new();
            for (raw, uri) in parsed {
                match uri.and_then(|u| root_of(c, &ids, user.as_ref(), &u)) {
                    Ok(row) => {
                        kept.push(raw);
                        roots.push(row);
                    }
                    Err(e) => failures.push((raw, e)),
                }
            }
            if !failures.is_empty() && (!skip_error || kept.is_empty()) {
                return Err(match failures.len() {
                    1 if kept.is_empty() => failures.remove(0).1,
                    _ => AppError::Batch(failures),
                });
            }
            // Refuse now what the download would refuse, while the client can still say so.
            plan::plan(c, &roots)?;
            // Each item zipped is read, as a download of it would be.
            // (Named by the owner's path: a share URI would carry its password.)
            for row in &roots {
                NewActivity::new(
                    row.id,
                    user.as_ref().map(|u| u.id),
                    category::ENTITY_DOWNLOADED,
                    &item_uri(c, row.id)?,
                )
                .ext("archive", "true")
                .record(c, now_millis())?;
            }
            archive_sessions::create(c, user.as_ref().map(|u| u.id), &kept, expires, now)
        })
        .await?;
    let signed_path = format!("{PREFIX}/{session}/archive.zip");
    let sign = signing::sign(&s.url_secret, &signed_path, expires);
    Ok(FileUrlResponse {
        urls: vec![FileUrl {
            url: format!("{signed_path}?sign={}", encode_component(&sign)),
            ..FileUrl::default()
        }],
        expires: Some(Timestamp::from_unix_millis(expires * 1000)),
    })
}

/// Streams the zip a signed archive URL names.
pub async fn serve(
    State(s): State<AppState>,
    path: Result<Path<String>, PathRejection>,
    ApiQuery(q): ApiQuery<SignQuery>,
) -> Result<Response, AppError> {
    let Path(session) = path.map_err(|_| invalid_sign())?;
    let signed_path = format!("{PREFIX}/{session}/archive.zip");
    signing::check(&s.url_secret, &signed_path, &q.sign, now_secs())?;
    let (session, user) =
        s.db.call(move |c| {
            let session =
                archive_sessions::live(c, &session, now_secs())?.ok_or_else(invalid_sign)?;
            // A requester who was signed in must still be an active user.
            let user = match session.owner_id {
                Some(id) => Some(
                    users::by_id(c, id)?
                        .filter(|u| u.status == "active")
                        .ok_or_else(invalid_sign)?,
                ),
                None => None,
            };
            Ok((session, user))
        })
        .await?;
    // The requester's rights now, not when the URL was made.
    may_archive(&s, user.as_ref()).await?;
    let uris = session
        .uris
        .iter()
        .map(|raw| archivable(&s, user.as_ref(), raw))
        .collect::<Result<Vec<_>, _>>()?;
    let ids = s.ids;
    let entries =
        s.db.call(move |c| {
            let roots = uris
                .iter()
                .map(|u| root_of(c, &ids, user.as_ref(), u))
                .collect::<Result<Vec<_>, _>>()?;
            plan::plan(c, &roots)
        })
        .await?;
    Response::builder()
        .header(header::CONTENT_TYPE, "application/zip")
        .header(
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"archive.zip\"",
        )
        .header(header::CONTENT_LENGTH, plan::size(&entries))
        .header(header::CACHE_CONTROL, "private, no-store")
        .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
        .body(body::stream(s, entries))
        .map_err(|e| AppError::Internal(e.into()))
}
