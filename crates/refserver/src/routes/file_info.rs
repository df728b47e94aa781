//! `GET /file/info`: one item, with extended details and a folder summary on request (file.md §4).

use axum::extract::State;
use cloudreve_api::models::{
    Entity, ExtendedInfo, FileResponse, FolderSummary, GetFileInfoRequest, User,
};
use cloudreve_api::{CrUri, FileSystem, Timestamp};
use rusqlite::Connection;

use super::file::to_wire;
use super::file_ops::{my_uri, not_supported, path_not_exist, resolve};
use super::ApiRouter;
use super::{direct_links, share, share_access, share_listing};
use crate::blobs::BlobRef;
use crate::error::{ok, ApiResult, AppError};
use crate::extract::{ApiQuery, SiteUrl, Viewer};
use crate::ids::{IdCodec, Kind};
use crate::signing::EntityRef;
use crate::state::{now_millis, AppState};
use crate::store::files::{self, FileRow, FS_TRASH, TYPE_FOLDER};
use crate::store::users::{self, UserRow};
use crate::store::{metadata, policies, versions};

pub(super) fn routes(r: ApiRouter) -> ApiRouter {
    r.serve::<GetFileInfoRequest, _, _>(info)
}

/// Info on an item inside a share: its plain wire form, for visitors too (no extended details,
/// which are the owner's).
async fn share_info(s: &AppState, viewer: Option<UserRow>, uri: CrUri) -> ApiResult<FileResponse> {
    let ids = s.ids;
    s.db.call(move |c| {
        let v = viewer.as_ref();
        let (row, opened) = share_access::readable(c, &ids, v, &uri, now_millis())?;
        let opened = opened.ok_or_else(not_supported)?;
        Ok(share_listing::share_wire(&ids, &row, &uri, &opened, v))
    })
    .await
    .and_then(ok)
}

async fn info(
    State(s): State<AppState>,
    viewer: Viewer,
    SiteUrl(site): SiteUrl,
    ApiQuery(q): ApiQuery<GetFileInfoRequest>,
) -> ApiResult<FileResponse> {
    if let Some(uri) = q.uri.as_deref().and_then(|raw| CrUri::parse(raw).ok()) {
        if uri.fs == FileSystem::Share {
            return share_info(&s, viewer.0, uri).await;
        }
    }
    let user = viewer.0.ok_or(AppError::LoginRequired)?;
    let by_id = match (&q.uri, &q.id) {
        (Some(raw), _) => {
            let uri = my_uri(&s, raw, &user)?;
            if uri.is_root() {
                return Err(not_supported());
            }
            Err(uri)
        }
        (None, Some(id)) => Ok(s
            .ids
            .decode(Kind::File, id)
            .ok_or_else(|| AppError::Param("Failed to parse object ID".into()))?),
        (None, None) => return Err(AppError::Param("uri or id is required".into())),
    };
    let (extended, summary) = (
        q.extended.unwrap_or(false),
        q.folder_summary.unwrap_or(false),
    );
    let ids = s.ids;
    let (row, uri, meta, stats, policy, kept) =
        s.db.call(move |c| {
            let (row, uri) = match by_id {
                Err(uri) => (resolve(c, user.id, &uri)?, uri),
                Ok(id) => {
                    let row = files::by_id(c, id)?
                        .filter(|r| r.owner_id == user.id && r.parent_id.is_some())
                        .ok_or(AppError::NotFound("File not found"))?;
                    let uri = uri_of(c, &row)?.ok_or(AppError::NotFound("File not found"))?;
                    (row, uri)
                }
            };
            let meta = metadata::all(c, row.id)?;
            let stats = if summary && row.file_type == TYPE_FOLDER {
                Some(folder_stats(c, row.id)?)
            } else {
                None
            };
            // A file stored in a bucket names that bucket's policy; otherwise new content of a
            // folder goes to the folder's policy, and a file's to its folder's.
            let stored_in = row
                .blob
                .as_deref()
                .and_then(BlobRef::parse)
                .and_then(|b| match b {
                    BlobRef::S3 { policy, .. } => Some(policy),
                    BlobRef::Local(_) => None,
                });
            let policy = match (extended, row.file_type == TYPE_FOLDER, row.parent_id) {
                (false, _, _) => None,
                (true, true, _) | (true, false, None) => Some(policies::effective(c, row.id)?),
                (true, false, Some(parent)) => {
                    let stored = match stored_in {
                        Some(id) => policies::by_id(c, id)?,
                        None => None,
                    };
                    Some(match stored {
                        Some(p) => p,
                        None => policies::effective(c, parent)?,
                    })
                }
            };
            let (kept, shared) = if extended {
                (
                    kept_versions(c, &row)?,
                    (
                        share::of_file(c, &ids, &site, row.id)?,
                        direct_links::of_file(c, &ids, &site, row.id, &row.name)?,
                    ),
                )
            } else {
                (Vec::new(), (Vec::new(), Vec::new()))
            };
            Ok((row, uri, meta, stats, policy, (kept, shared)))
        })
        .await?;
    let (kept, (shared, linked)) = kept;
    let mut wire = to_wire(&s.ids, &row, &uri, Some(meta));
    wire.folder_summary = stats.map(|(size, files, folders)| FolderSummary {
        size,
        files,
        folders,
        completed: true,
        calculated_at: Timestamp::from_unix_millis(now_millis()),
    });
    if let Some(policy) = policy {
        let policy = policy.to_wire(&s.ids);
        let entities: Vec<Entity> = kept
            .into_iter()
            .map(|(entity, size, at, by)| Entity {
                id: entity.encode(&s.ids),
                size,
                entity_type: 0,
                created_at: Timestamp::from_unix_millis(at),
                storage_policy: Some(policy.clone()),
                created_by: by.map(|u| redacted(&s.ids, &u)),
            })
            .collect();
        wire.extended_info = Some(ExtendedInfo {
            storage_policy: Some(policy),
            storage_used: entities.iter().map(|e| e.size).sum(),
            entities,
            shares: shared,
            direct_links: linked,
            ..ExtendedInfo::default()
        });
    }
    ok(wire)
}

/// A version: its entity, size, creation time (Unix ms) and author.
type Kept = (EntityRef, i64, i64, Option<UserRow>);

/// The versions of `row`, newest first: the kept rows, plus content from before versioning.
fn kept_versions(c: &Connection, row: &FileRow) -> Result<Vec<Kept>, AppError> {
    let mut out = Vec::new();
    if let (Some(entity @ EntityRef::File(_)), Some(_)) = (versions::current_entity(row), &row.blob)
    {
        out.push((entity, row.size, row.updated_at, None));
    }
    for v in versions::of_file(c, row.id)? {
        let by = match v.created_by {
            Some(id) => users::by_id(c, id)?,
            None => None,
        };
        out.push((EntityRef::Version(v.id), v.size, v.created_at, by));
    }
    Ok(out)
}

/// A user as others may see them: no e-mail, no group.
fn redacted(ids: &IdCodec, u: &UserRow) -> User {
    User {
        id: ids.encode(Kind::User, u.id),
        nickname: u.nickname.clone(),
        created_at: Timestamp::from_unix_millis(u.created_at),
        ..User::default()
    }
}

/// The `my` URI of a row (walking up to the root); `None` for items in the trash.
pub(super) fn uri_of(c: &Connection, row: &FileRow) -> Result<Option<CrUri>, AppError> {
    let mut names = Vec::new();
    let mut cur = row.clone();
    while let Some(parent) = cur.parent_id {
        names.push(cur.name.clone());
        cur = files::by_id(c, parent)?.ok_or_else(path_not_exist)?;
    }
    let root_fs: i64 = c.query_row("SELECT fs FROM files WHERE id = ?1", [cur.id], |r| r.get(0))?;
    names.reverse();
    Ok((root_fs != FS_TRASH).then(|| CrUri {
        segments: names,
        ..CrUri::my()
    }))
}

/// `(bytes, files, folders)` below a folder.
fn folder_stats(c: &Connection, id: i64) -> Result<(i64, i64, i64), AppError> {
    Ok(c.query_row(
        "WITH RECURSIVE t(id) AS (SELECT id FROM files WHERE parent_id = ?1 UNION ALL SELECT f.id FROM files f JOIN t ON f.parent_id = t.id)
         SELECT COALESCE(SUM(CASE WHEN type = 0 THEN size END), 0), COUNT(CASE WHEN type = 0 THEN 1 END), COUNT(CASE WHEN type = 1 THEN 1 END)
         FROM files WHERE id IN (SELECT id FROM t)",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?)
}
