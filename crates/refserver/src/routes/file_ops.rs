//! File operations: rename, move/copy, delete (to the trash or for good), restore, info
//! (file.md §4). Batch routes handle each URI on its own and report failures item by item (40081).

use std::collections::BTreeMap;

use axum::extract::State;
use cloudreve_api::models::{
    DeleteFilesRequest, FileResponse, MoveFilesRequest, RenameFileRequest, RestoreFilesRequest,
};
use cloudreve_api::{boolset, Boolset, Code, CrUri, FileSystem};
use rusqlite::Connection;

use super::file::{check_owner, parse_uri, to_wire, valid_name};
use super::lock::{ensure_batch_unlocked, ensure_unlocked};
use super::ApiRouter;
use crate::error::{ok, ApiResult, AppError};
use crate::extract::{ApiJson, AuthUser};
use crate::state::{now_millis, now_secs, AppState};
use crate::store::activities::{category, NewActivity};
use crate::store::files::{self, FileRow, FS_TRASH, TYPE_FOLDER};
use crate::store::locks::Scope;
use crate::store::metadata::{self, EXPECTED_COLLECT_TIME, RESTORE_URI};
use crate::store::users::{self, UserRow};

/// Largest number of URIs one request may name (the site's `max_batch_size`).
const MAX_BATCH: usize = 3000;
/// How long trashed items are kept, in seconds.
const TRASH_RETENTION: i64 = 7 * 86_400;

pub(super) fn routes(r: ApiRouter) -> ApiRouter {
    r.serve::<RenameFileRequest, _, _>(rename)
        .serve::<MoveFilesRequest, _, _>(move_files)
        .serve::<DeleteFilesRequest, _, _>(delete)
        .serve::<RestoreFilesRequest, _, _>(restore)
}

pub(super) fn not_supported() -> AppError {
    AppError::Forbidden("Not supported action")
}

pub(super) fn path_not_exist() -> AppError {
    AppError::code(Code::ParentNotExist, "Path not exist")
}

/// A parsed `my` URI of `user` (403 for other file systems or users).
pub(super) fn my_uri(s: &AppState, raw: &str, user: &UserRow) -> Result<CrUri, AppError> {
    let uri = parse_uri(raw)?;
    if uri.fs != FileSystem::My || uri.is_search() {
        return Err(not_supported());
    }
    check_owner(s, &uri, user)?;
    Ok(uri)
}

/// The item at `uri` in the caller's tree (40016 when missing).
pub(super) fn resolve(c: &Connection, user: i64, uri: &CrUri) -> Result<FileRow, AppError> {
    files::resolve(c, user, &uri.segments, now_millis())?.ok_or_else(path_not_exist)
}

/// The trashed item `cloudreve://trash/<stored name>` of `user`.
fn trashed(c: &Connection, user: i64, uri: &CrUri) -> Result<FileRow, AppError> {
    let [stored] = uri.segments.as_slice() else {
        return Err(path_not_exist());
    };
    let trash = files::root_of(c, user, FS_TRASH, now_millis())?;
    files::child(c, trash.id, stored)?.ok_or_else(path_not_exist)
}

/// The item a batch names: a `my` path or a trashed item.
fn source(c: &Connection, user: i64, uri: &CrUri) -> Result<FileRow, AppError> {
    if uri.fs == FileSystem::Trash {
        trashed(c, user, uri)
    } else {
        resolve(c, user, uri)
    }
}

/// Where a trashed item came from, from its `sys:restore_uri`.
fn restore_target(c: &Connection, item: &FileRow) -> Result<CrUri, AppError> {
    let meta = metadata::all(c, item.id)?;
    let raw = meta.get(RESTORE_URI).ok_or_else(not_supported)?;
    CrUri::parse(raw)
        .ok()
        .filter(|u| !u.is_root())
        .ok_or_else(not_supported)
}

pub(super) fn check_batch(uris: &[String]) -> Result<(), AppError> {
    if uris.is_empty() {
        return Err(AppError::Param("uris cannot be empty".into()));
    }
    if uris.len() > MAX_BATCH {
        return Err(AppError::code(
            Code::TooManyUris,
            format!("Maximum allowed batch size: {MAX_BATCH}"),
        ));
    }
    Ok(())
}

/// The items of a batch that passed validation, with the raw URI they are reported under.
pub(super) type Targets = Vec<(String, CrUri)>;
/// Per-item failures of a batch, keyed by the raw URI.
pub(super) type Failures = Vec<(String, AppError)>;

/// Splits a batch's URIs into the ones `accept` takes and per-item failures.
pub(super) fn partition(
    uris: &[String],
    accept: impl Fn(CrUri) -> Result<CrUri, AppError>,
) -> (Targets, Failures) {
    let mut targets = Vec::new();
    let mut failures = Vec::new();
    for raw in uris {
        match parse_uri(raw).and_then(&accept) {
            Ok(u) => targets.push((raw.clone(), u)),
            Err(e) => failures.push((raw.clone(), e)),
        }
    }
    (targets, failures)
}

/// Runs `op` on each target in its own transaction: a failure rolls back that item only. Returns the
/// outputs of the items that succeeded and the failures.
pub(super) fn each_in_transaction<T>(
    c: &mut Connection,
    targets: Targets,
    op: impl Fn(&rusqlite::Transaction, &CrUri) -> Result<T, AppError>,
) -> Result<(Vec<T>, Failures), AppError> {
    let mut done = Vec::new();
    let mut failures = Vec::new();
    for (raw, uri) in targets {
        let tx = c.transaction()?;
        match op(&tx, &uri) {
            Ok(out) => {
                tx.commit()?;
                done.push(out);
            }
            Err(e) => failures.push((raw, e)),
        }
    }
    Ok((done, failures))
}

/// Turns per-item results into the route's answer: success, or 40081 listing the failures.
pub(super) fn finish(failures: Failures) -> ApiResult<()> {
    if failures.is_empty() {
        ok(())
    } else {
        Err(AppError::Batch(failures))
    }
}

async fn rename(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    ApiJson(req): ApiJson<RenameFileRequest>,
) -> ApiResult<FileResponse> {
    let uri = my_uri(&s, &req.uri, &user)?;
    if uri.is_root() {
        return Err(not_supported());
    }
    if !valid_name(&req.new_name) {
        return Err(AppError::code(
            Code::IllegalObjectName,
            "Invalid object name",
        ));
    }
    let new_name = req.new_name.clone();
    let path = uri.segments.clone();
    let (row, meta) =
        s.db.call(move |c| {
            let tx = c.transaction()?;
            let target = CrUri {
                segments: path,
                ..CrUri::my()
            };
            let row = resolve(&tx, user.id, &target)?;
            let parent = row.parent_id.ok_or_else(not_supported)?;
            ensure_unlocked(&tx, user.id, &[Scope::Tree(row.id)])?;
            if files::child(&tx, parent, &new_name)?.is_some_and(|other| other.id != row.id) {
                return Err(AppError::code(Code::ObjectExist, "Object existed"));
            }
            let now = now_millis();
            files::relocate(&tx, row.id, parent, &new_name, now)?;
            let renamed = target.parent().unwrap_or_else(CrUri::my).join(&new_name);
            NewActivity::new(
                row.id,
                Some(user.id),
                category::FILE_RENAME,
                &renamed.to_string(),
            )
            .names(&row.name, &new_name)
            .record(&tx, now)?;
            let meta = metadata::all(&tx, row.id)?;
            tx.commit()?;
            Ok((
                FileRow {
                    name: new_name,
                    updated_at: now,
                    ..row
                },
                meta,
            ))
        })
        .await?;
    let renamed = uri.parent().unwrap_or_else(CrUri::my).join(&row.name);
    ok(to_wire(&s.ids, &row, &renamed, Some(meta)))
}

async fn delete(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    ApiJson(req): ApiJson<DeleteFilesRequest>,
) -> ApiResult<()> {
    check_batch(&req.uris)?;
    let may_unlink = Boolset::decode(&user.group_permission)
        .is_ok_and(|b| b.get(boolset::group::ADVANCE_DELETE));
    if req.unlink && !may_unlink {
        return Err(not_supported());
    }
    let (targets, mut failures) = partition(&req.uris, |u| match u.fs {
        FileSystem::My => check_owner(&s, &u, &user).map(|()| u),
        // Items already in the trash can only go for good.
        FileSystem::Trash if req.skip_soft_delete => Ok(u),
        _ => Err(not_supported()),
    });
    let (permanent, unlink) = (req.skip_soft_delete || req.unlink, req.unlink);
    let (freed, more) =
        s.db.call(move |c| {
            ensure_batch_unlocked(c, user.id, &targets, |c, uri| {
                Ok(vec![Scope::Tree(source(c, user.id, uri)?.id)])
            })?;
            each_in_transaction(c, targets, |tx, uri| {
                let row = source(tx, user.id, uri)?;
                if row.parent_id.is_none() {
                    return Err(not_supported());
                }
                // Recorded while the item is still in place, so the folders above it show it.
                let gone = if permanent {
                    category::DELETE_FILE
                } else {
                    category::MOVE_TO_TRASH
                };
                NewActivity::new(row.id, Some(user.id), gone, &uri.to_string())
                    .record(tx, now_millis())?;
                if permanent {
                    let orphaned = files::delete_tree(tx, row.id)?;
                    // unlink keeps the blobs on disk.
                    return Ok(if unlink { Vec::new() } else { orphaned });
                }
                let trash = files::root_of(tx, user.id, FS_TRASH, now_millis())?;
                files::relocate(
                    tx,
                    row.id,
                    trash.id,
                    &uuid::Uuid::new_v4().to_string(),
                    now_millis(),
                )?;
                metadata::set(tx, row.id, RESTORE_URI, &uri.to_string())?;
                metadata::set(
                    tx,
                    row.id,
                    EXPECTED_COLLECT_TIME,
                    &(now_secs() + TRASH_RETENTION).to_string(),
                )?;
                Ok(Vec::new())
            })
        })
        .await?;
    // After the commit, wherever they are (disk or bucket).
    crate::blobs::remove(&s, freed.concat()).await;
    failures.extend(more);
    finish(failures)
}

async fn restore(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    ApiJson(req): ApiJson<RestoreFilesRequest>,
) -> ApiResult<()> {
    check_batch(&req.uris)?;
    let (targets, mut failures) = partition(&req.uris, |u| {
        if u.fs == FileSystem::Trash {
            Ok(u)
        } else {
            Err(not_supported())
        }
    });
    let (_, more) =
        s.db.call(move |c| {
            ensure_batch_unlocked(c, user.id, &targets, |c, uri| {
                let item = trashed(c, user.id, uri)?;
                let mut scopes = vec![Scope::Tree(item.id)];
                let parent = restore_target(c, &item)?.parent().unwrap_or_else(CrUri::my);
                scopes.extend(resolve(c, user.id, &parent).map(|p| Scope::Into(p.id)));
                Ok(scopes)
            })?;
            each_in_transaction(c, targets, |tx, uri| {
                let item = trashed(tx, user.id, uri)?;
                let origin = restore_target(tx, &item)?;
                let parent_uri = origin.parent().unwrap_or_else(CrUri::my);
                let parent = resolve(tx, user.id, &parent_uri)
                    .ok()
                    .filter(|p| p.file_type == TYPE_FOLDER)
                    .ok_or_else(path_not_exist)?;
                if files::child(tx, parent.id, origin.name())?.is_some() {
                    return Err(AppError::code(Code::ObjectExist, "Object existed"));
                }
                files::relocate(tx, item.id, parent.id, origin.name(), now_millis())?;
                NewActivity::new(
                    item.id,
                    Some(user.id),
                    category::MOVE_TO,
                    &origin.to_string(),
                )
                .from_to(&uri.to_string(), &origin.to_string())
                .ext("restored", "true")
                .record(tx, now_millis())?;
                metadata::remove(tx, item.id, RESTORE_URI)?;
                metadata::remove(tx, item.id, EXPECTED_COLLECT_TIME)
            })
        })
        .await?;
    failures.extend(more);
    finish(failures)
}

async fn move_files(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    ApiJson(req): ApiJson<MoveFilesRequest>,
) -> ApiResult<()> {
    check_batch(&req.uris)?;
    let dst = my_uri(&s, &req.dst, &user)?;
    let copy = req.copy;
    // CE rules: copy my→my only; move my→my and trash→my.
    let (targets, mut failures) = partition(&req.uris, |u| match u.fs {
        FileSystem::My => check_owner(&s, &u, &user).map(|()| u),
        FileSystem::Trash if !copy => Ok(u),
        _ => Err(not_supported()),
    });
    let (_, more) =
        s.db.call(move |c| {
            let folder = resolve(c, user.id, &dst)
                .ok()
                .filter(|f| f.file_type == TYPE_FOLDER)
                .ok_or_else(path_not_exist)?;
            if copy {
                check_copy_quota(c, &user, &targets)?;
            }
            // A copy leaves its sources as they are, so only a move minds their locks (as in CE).
            ensure_batch_unlocked(c, user.id, &targets, |c, uri| {
                Ok(if copy {
                    Vec::new()
                } else {
                    vec![Scope::Tree(source(c, user.id, uri)?.id)]
                })
            })?;
            ensure_unlocked(c, user.id, &[Scope::Into(folder.id)])?;
            each_in_transaction(c, targets, |tx, uri| {
                let from_trash = uri.fs == FileSystem::Trash;
                let src = source(tx, user.id, uri)?;
                if src.parent_id.is_none() {
                    return Err(not_supported());
                }
                if files::is_within(tx, folder.id, src.id)? {
                    return Err(AppError::Forbidden("Cannot move a folder into itself"));
                }
                let name = if from_trash {
                    restore_target(tx, &src)?.name().to_string()
                } else {
                    src.name.clone()
                };
                if files::child(tx, folder.id, &name)?.is_some_and(|other| other.id != src.id) {
                    return Err(AppError::code(Code::ObjectExist, "Object existed"));
                }
                let now = now_millis();
                let to = dst.join(&name).to_string();
                let from = uri.to_string();
                if copy {
                    let made = files::copy_tree(tx, &src, &folder, &name, now)?;
                    NewActivity::new(src.id, Some(user.id), category::COPY_FROM, &from)
                        .from_to(&from, &to)
                        .record(tx, now)?;
                    NewActivity::new(made.id, Some(user.id), category::COPY_TO, &to)
                        .from_to(&from, &to)
                        .record(tx, now)?;
                } else {
                    let left = src.parent_id;
                    files::relocate(tx, src.id, folder.id, &name, now)?;
                    let mut moved = NewActivity::new(src.id, Some(user.id), category::MOVE_TO, &to)
                        .from_to(&from, &to);
                    if let Some(old) = left {
                        moved = moved.also_under(old);
                    }
                    moved.record(tx, now)?;
                    if from_trash {
                        metadata::remove(tx, src.id, RESTORE_URI)?;
                        metadata::remove(tx, src.id, EXPECTED_COLLECT_TIME)?;
                    }
                }
                Ok(())
            })
        })
        .await?;
    failures.extend(more);
    finish(failures)
}

/// Copies share blobs but are charged to the quota (file.md §Move or copy): the whole batch fails
/// with 40051, before anything is copied, when its bytes would not fit. Items that do not resolve
/// count for nothing here; they fail on their own in the batch.
fn check_copy_quota(c: &Connection, user: &UserRow, targets: &Targets) -> Result<(), AppError> {
    let mut bytes: i64 = 0;
    for (_, uri) in targets {
        if let Ok(src) = resolve(c, user.id, uri) {
            bytes = bytes.saturating_add(files::tree_size(c, src.id)?);
        }
    }
    if users::used_storage(c, user.id)?.saturating_add(bytes) > user.max_storage {
        return Err(AppError::code(
            Code::InsufficientCapacity,
            "Insufficient storage quota",
        ));
    }
    Ok(())
}

/// The wire form of a trashed item: its original name, its `trash/<stored name>` path, its metadata.
pub(super) fn trashed_to_wire(
    s: &AppState,
    row: &FileRow,
    meta: BTreeMap<String, String>,
) -> FileResponse {
    let name = meta
        .get(RESTORE_URI)
        .and_then(|u| CrUri::parse(u).ok())
        .map(|u| u.name().to_string())
        .unwrap_or_else(|| row.name.clone());
    let uri = CrUri::root(FileSystem::Trash).join(&row.name);
    let mut wire = to_wire(
        &s.ids,
        &FileRow {
            name,
            ..row.clone()
        },
        &uri,
        Some(meta),
    );
    wire.capability = Boolset::decode("AMIK").ok();
    wire
}
