//! Direct links (file.md §Direct links): `PUT /file/source` makes `/f/{id}/{name}` links to files
//! of the caller's own tree, `DELETE /file/source/{id}` removes one, and `GET /f/{id}/{name}`
//! (outside `/api/v4`) answers `302` to a fresh signed content URL of the file's current version.

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cloudreve_api::models::{
    CreateDirectLinksRequest, DeleteDirectLink, DirectLink, DirectLinkResponse,
};
use cloudreve_api::uri::encode_component;
use cloudreve_api::{Code, Envelope, Timestamp};
use rusqlite::Connection;

use super::file::parse_uri;
use super::file_ops::check_batch;
use super::share::item_uri;
use super::share_access;
use super::ApiRouter;
use crate::error::{ok, ApiResult, AppError};
use crate::extract::{ApiJson, AuthUser, SiteUrl};
use crate::ids::{IdCodec, Kind};
use crate::signing::{expiry_for, ContentUrl, EntityRef};
use crate::state::{now_millis, now_secs, AppState};
use crate::store::activities::{category, NewActivity};
use crate::store::files::{self, TYPE_FILE};
use crate::store::{direct_links, shares, versions};

pub(super) fn routes(r: ApiRouter) -> ApiRouter {
    r.serve::<CreateDirectLinksRequest, _, _>(create)
        .serve::<DeleteDirectLink, _, _>(delete)
}

/// `{site}/f/{id}/{name}`.
fn public_link(site: &str, ids: &IdCodec, id: i64, name: &str) -> String {
    format!(
        "{site}/f/{}/{}",
        ids.encode(Kind::SourceLink, id),
        encode_component(name)
    )
}

/// The owner's view of the links of file `file` (for `extended_info.direct_links`).
pub(super) fn of_file(
    c: &Connection,
    ids: &IdCodec,
    site: &str,
    file: i64,
    name: &str,
) -> Result<Vec<DirectLink>, AppError> {
    Ok(direct_links::of_file(c, file)?
        .into_iter()
        .map(|l| DirectLink {
            id: ids.encode(Kind::SourceLink, l.id),
            url: public_link(site, ids, l.id, name),
            downloaded: l.downloaded,
            created_at: Timestamp::from_unix_millis(l.created_at),
        })
        .collect())
}

async fn create(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    SiteUrl(site): SiteUrl,
    ApiJson(req): ApiJson<CreateDirectLinksRequest>,
) -> Result<Response, AppError> {
    check_batch(&req.uris)?;
    if user.direct_link_batch_size <= 0 {
        return Err(AppError::code(
            Code::GroupNotAllowed,
            "Group not allowed to create direct links",
        ));
    }
    if req.uris.len() as i64 > user.direct_link_batch_size {
        return Err(AppError::code(
            Code::BatchSourceSize,
            "Too many files in one request",
        ));
    }
    let ids = s.ids;
    let uris = req.uris.clone();
    let (made, mut failures) =
        s.db.call(move |c| {
            let now = now_millis();
            let mut made = Vec::new();
            let mut failures = Vec::new();
            for raw in uris {
                let result = parse_uri(&raw).and_then(|uri| {
                    if uri.fs != cloudreve_api::FileSystem::My {
                        return Err(AppError::code(
                            Code::OwnerOnly,
                            "Only the owner may link this file",
                        ));
                    }
                    let (row, _) = share_access::readable(c, &ids, Some(&user), &uri, now)
                        .map_err(|e| match e {
                            AppError::Forbidden(_) => {
                                AppError::code(Code::OwnerOnly, "Only the owner may link this file")
                            }
                            other => other,
                        })?;
                    if row.file_type != TYPE_FILE || uri.is_root() {
                        return Err(AppError::code(
                            Code::EntityNotExist,
                            "Folders have no direct link",
                        ));
                    }
                    let id = direct_links::insert(c, row.id, user.id, now)?;
                    NewActivity::new(row.id, Some(user.id), category::GET_DIRECT_LINK, &raw)
                        .record(c, now)?;
                    Ok(DirectLinkResponse {
                        link: public_link(&site, &ids, id, &row.name),
                        file_url: raw.clone(),
                    })
                });
                match result {
                    Ok(link) => made.push(link),
                    Err(e) => failures.push((raw, e)),
                }
            }
            Ok((made, failures))
        })
        .await?;
    if failures.is_empty() {
        return Ok(Json(Envelope::ok(made)).into_response());
    }
    // One URI reports its own error, as `POST /file/url` does.
    if made.is_empty() && failures.len() == 1 {
        return Err(failures.remove(0).1);
    }
    // 40081 still carries the links that were made (errors.md §2).
    let mut res = AppError::Batch(failures).into_response();
    let (parts, body) = res.into_parts();
    let bytes = axum::body::to_bytes(body, 1 << 20)
        .await
        .unwrap_or_default();
    let mut envelope: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
    envelope["data"] = serde_json::to_value(&made).unwrap_or_default();
    res = Response::from_parts(parts, axum::body::Body::from(envelope.to_string()));
    res.headers_mut().remove(header::CONTENT_LENGTH);
    Ok(res)
}

async fn delete(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
) -> ApiResult<()> {
    let missing = || AppError::NotFound("Direct link not found");
    let link = s.ids.decode(Kind::SourceLink, &id).ok_or_else(missing)?;
    s.db.call(move |c| {
        let row = direct_links::by_id(c, link)?
            .filter(|l| l.owner_id == user.id)
            .ok_or_else(missing)?;
        direct_links::delete(c, row.id)?;
        NewActivity::new(
            row.file_id,
            Some(user.id),
            category::DELETE_DIRECT_LINK,
            &item_uri(c, row.file_id)?,
        )
        .record(c, now_millis())
    })
    .await?;
    ok(())
}

/// `GET /f/{id}/{name}`: `302` to the file's content, cacheable until the URL expires; an unknown
/// link, or a file gone to the trash, is HTTP 404 with an envelope.
pub async fn follow(
    State(s): State<AppState>,
    Path((id, _name)): Path<(String, String)>,
) -> Response {
    let not_found = || {
        (
            StatusCode::NOT_FOUND,
            Json(Envelope::<()>::error(
                Code::NotFound,
                "Direct link not found",
                None,
            )),
        )
            .into_response()
    };
    let Some(link) = s.ids.decode(Kind::SourceLink, &id) else {
        return not_found();
    };
    let found =
        s.db.call(move |c| {
            let Some(row) = direct_links::by_id(c, link)? else {
                return Ok(None);
            };
            let Some(file) = files::by_id(c, row.file_id)? else {
                return Ok(None);
            };
            if shares::path_in_my(c, file.id)?.is_none() {
                return Ok(None);
            }
            direct_links::count(c, row.id)?;
            // Whoever follows a direct link is nobody we know.
            NewActivity::new(
                file.id,
                None,
                category::ENTITY_DOWNLOADED,
                &item_uri(c, file.id)?,
            )
            .ext("direct_link", "true")
            .record(c, now_millis())?;
            Ok(Some(file))
        })
        .await;
    let Ok(Some(file)) = found else {
        return not_found();
    };
    let now = now_secs();
    let expires = expiry_for(now);
    let url = ContentUrl {
        entity: versions::current_entity(&file).unwrap_or(EntityRef::File(file.id)),
        name: &file.name,
        download: false,
        expires,
    }
    .build(&s.ids, &s.url_secret);
    (
        StatusCode::FOUND,
        [
            (header::LOCATION, url),
            (
                header::CACHE_CONTROL,
                format!("public, max-age={}", (expires - now).max(0)),
            ),
        ],
    )
        .into_response()
}
