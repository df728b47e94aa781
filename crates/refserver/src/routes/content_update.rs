//! `PUT /file/content?uri=&previous=` (file.md §Update file content): the editors' save. The raw
//! body becomes the file's new current version (the file is created if missing); the old content
//! stays a version.

use std::collections::BTreeMap;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap};
use cloudreve_api::models::{FileResponse, UpdateContentRequest};
use cloudreve_api::{Code, CrUri, Timestamp};
use rusqlite::Connection;

use super::file::{check_new_path, primary_entity, to_wire};
use super::file_ops::{my_uri, path_not_exist};
use super::lock::ensure_unlocked;
use super::ApiRouter;
use crate::blobs;
use crate::error::{ok, ApiResult, AppError};
use crate::extract::{ApiQuery, AuthUser};
use crate::ids::IdCodec;
use crate::state::{now_millis, AppState};
use crate::store::activities::{category, NewActivity};
use crate::store::files::{self, FileRow, TYPE_FILE, TYPE_FOLDER};
use crate::store::locks::Scope;
use crate::store::metadata::{self, THUMB_DISABLED};
use crate::store::users::{self, UserRow};
use crate::store::versions;

pub(super) fn routes(r: ApiRouter) -> ApiRouter {
    r.serve::<UpdateContentRequest, _, _>(update)
}

/// 40049: more than the site's edit limit.
pub(super) fn too_large() -> AppError {
    AppError::code(Code::FileTooLarge, "File is too large to be edited online")
}

/// The body length the client announced (`Content-Length`, or `X-Expected-Entity-Length` when the
/// body is chunked).
pub(super) fn declared_length(headers: &HeaderMap) -> Result<u64, AppError> {
    [
        headers.get(header::CONTENT_LENGTH),
        headers.get("X-Expected-Entity-Length"),
    ]
    .into_iter()
    .flatten()
    .find_map(|v| v.to_str().ok()?.trim().parse().ok())
    .ok_or_else(|| AppError::Param("Content-Length is required".into()))
}

async fn update(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    ApiQuery(q): ApiQuery<UpdateContentRequest>,
    headers: HeaderMap,
    body: Body,
) -> ApiResult<FileResponse> {
    // TODO(#share-downloads): editable shares resolve through the owner's tree here.
    let uri = my_uri(&s, &q.uri, &user)?;
    check_new_path(&uri)?;
    let size = declared_length(&headers)?;
    if size > s.config.max_edit_size.max(0) as u64 {
        return Err(too_large());
    }
    let blob = blobs::receive(&s.blob_dir, body, size).await?;
    let previous = q.previous.filter(|p| !p.is_empty());
    let (ids, written, answer_uri) = (s.ids, blob.clone(), uri.clone());
    let saved =
        s.db.call(move |c| {
            let tx = c.transaction()?;
            let file = target(&tx, &ids, &user, &uri, previous.as_deref())?;
            let saved = commit(&tx, &user, &file, written.as_deref(), size as i64)?;
            let mut edited = NewActivity::new(
                file.id,
                Some(user.id),
                category::ENTITY_UPLOADED,
                &uri.to_string(),
            );
            if let Some(v) = saved.0.version_id {
                edited = edited.entity(v);
            }
            edited.entry.entity_create_time = Some(Timestamp::from_unix_millis(now_millis()));
            edited.record(&tx, now_millis())?;
            tx.commit()?;
            Ok(saved)
        })
        .await;
    match saved {
        Ok((row, meta)) => ok(to_wire(&s.ids, &row, &answer_uri, Some(meta))),
        Err(e) => {
            if let Some(b) = blob {
                blobs::remove_local(&s.blob_dir, &b);
            }
            Err(e)
        }
    }
}

/// The file to write at `uri`: the existing one if `previous` (when given) is still its current
/// version and no lock stops the write, or a new empty file in an existing folder.
fn target(
    c: &Connection,
    ids: &IdCodec,
    user: &UserRow,
    uri: &CrUri,
    previous: Option<&str>,
) -> Result<FileRow, AppError> {
    let (name, parents) = uri.segments.split_last().ok_or_else(path_not_exist)?;
    let parent = files::resolve(c, user.id, parents, now_millis())?
        .filter(|p| p.file_type == TYPE_FOLDER)
        .ok_or_else(path_not_exist)?;
    match files::child(c, parent.id, name)? {
        Some(f) if f.file_type == TYPE_FILE => {
            ensure_unlocked(c, user.id, &[Scope::Node(f.id)])?;
            if previous.is_some_and(|p| p != primary_entity(ids, &f)) {
                return Err(AppError::code(
                    Code::StaleVersion,
                    "File has been modified by others, please refresh",
                ));
            }
            Ok(f)
        }
        Some(_) => Err(AppError::code(Code::ObjectExist, "Object existed")),
        None => {
            ensure_unlocked(c, user.id, &[Scope::Into(parent.id)])?;
            files::create(c, &parent, name, TYPE_FILE, 0, None, now_millis())
        }
    }
}

/// Makes `blob` (`size` bytes) the current version of `file`, within `user`'s quota (the old
/// content stays and keeps counting); returns the updated row and its metadata.
pub(super) fn commit(
    c: &Connection,
    user: &UserRow,
    file: &FileRow,
    blob: Option<&str>,
    size: i64,
) -> Result<(FileRow, BTreeMap<String, String>), AppError> {
    if users::used_storage(c, user.id)?.saturating_add(size) > user.max_storage {
        return Err(AppError::code(
            Code::InsufficientCapacity,
            "Insufficient storage quota",
        ));
    }
    versions::write(c, file, blob, size, now_millis(), user.id)?;
    // New content deserves a new try at a thumbnail.
    metadata::remove(c, file.id, THUMB_DISABLED)?;
    let row = files::by_id(c, file.id)?.ok_or_else(path_not_exist)?;
    let meta = metadata::all(c, row.id)?;
    Ok((row, meta))
}
