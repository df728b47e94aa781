//! `GET /file/archive?uri=[&entity=]` (file.md §Get archive file list): the entries of one of the
//! caller's zip files (or of one of its versions). `text_encoding` is not applied: entry names are
//! read as the zip marks them (UTF-8, else CP437).

use axum::extract::State;
use cloudreve_api::models::{ArchiveListResponse, ListArchiveRequest};
use cloudreve_api::Code;

use super::content::{blob_of, blob_path, no_entity};
use super::file_ops::resolve;
use super::file_url::{locate, owned_entity};
use super::ApiRouter;
use crate::archive;
use crate::blobs::BlobRef;
use crate::error::{ok, ApiResult, AppError};
use crate::extract::{ApiQuery, AuthUser};
use crate::signing::EntityRef;
use crate::state::AppState;
use crate::store::files::TYPE_FILE;
use crate::store::versions;

pub(super) fn routes(r: ApiRouter) -> ApiRouter {
    r.serve::<ListArchiveRequest, _, _>(list)
}

async fn list(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    ApiQuery(q): ApiQuery<ListArchiveRequest>,
) -> ApiResult<ArchiveListResponse> {
    let uri = locate(&s, Some(&user), &q.uri)?;
    let wanted = match q.entity.as_deref().filter(|e| !e.is_empty()) {
        Some(raw) => Some(EntityRef::decode(&s.ids, raw).ok_or_else(no_entity)?),
        None => None,
    };
    let blob =
        s.db.call(move |c| {
            let row = resolve(c, user.id, &uri)?;
            if row.file_type != TYPE_FILE {
                return Err(no_entity());
            }
            if !row.name.to_ascii_lowercase().ends_with(".zip") {
                return Err(AppError::code(
                    Code::UnsupportedArchiveType,
                    "Unsupported archive format",
                ));
            }
            let entity = match wanted {
                Some(e) => owned_entity(c, &row, e)?,
                None => versions::current_entity(&row).ok_or_else(no_entity)?,
            };
            blob_of(c, entity)?.ok_or_else(no_entity)
        })
        .await?;
    let path = match BlobRef::parse(&blob) {
        Some(BlobRef::Local(file)) => blob_path(&s.blob_dir, file).ok_or_else(no_entity)?,
        // Listing reads the central directory by seeking, which a bucket does not offer here.
        _ => {
            return Err(AppError::code(
                Code::UnsupportedArchiveType,
                "Archives stored in a bucket cannot be listed by this server",
            ))
        }
    };
    let files = tokio::task::spawn_blocking(move || archive::list(&path))
        .await
        .map_err(|e| AppError::Internal(e.into()))??;
    ok(ArchiveListResponse { files })
}
