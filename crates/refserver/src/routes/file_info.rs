//! `GET /file/info`: one item, with extended details and a folder summary on request (file.md §4).

use axum::extract::State;
use cloudreve_api::models::{
    Entity, ExtendedInfo, FileResponse, FolderSummary, GetFileInfoRequest,
};
use cloudreve_api::{CrUri, Timestamp};
use rusqlite::Connection;

use super::file::to_wire;
use super::file_ops::{my_uri, not_supported, path_not_exist, resolve};
use super::ApiRouter;
use crate::blobs::BlobRef;
use crate::error::{ok, ApiResult, AppError};
use crate::extract::{ApiQuery, AuthUser};
use crate::ids::Kind;
use crate::state::{now_millis, AppState};
use crate::store::files::{self, FileRow, FS_TRASH, TYPE_FOLDER};
use crate::store::{metadata, policies};

pub(super) fn routes(r: ApiRouter) -> ApiRouter {
    r.serve::<GetFileInfoRequest, _, _>(info)
}

async fn info(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    ApiQuery(q): ApiQuery<GetFileInfoRequest>,
) -> ApiResult<FileResponse> {
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
    let (row, uri, meta, stats, policy) =
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
            Ok((row, uri, meta, stats, policy))
        })
        .await?;
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
        let entities = if row.blob.is_some() {
            vec![Entity {
                id: wire.primary_entity.clone(),
                size: row.size,
                entity_type: 0,
                created_at: wire.updated_at.clone(),
                storage_policy: Some(policy.clone()),
                created_by: None,
            }]
        } else {
            Vec::new()
        };
        wire.extended_info = Some(ExtendedInfo {
            storage_policy: Some(policy),
            storage_used: row.size,
            entities,
            ..ExtendedInfo::default()
        });
    }
    ok(wire)
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
