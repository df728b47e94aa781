//! `GET /file/thumb` (file.md §Get thumbnail URL): a signed URL of the file's thumbnail, generated
//! on the first request and kept per source blob.

use axum::extract::State;
use cloudreve_api::models::{FileThumbResponse, GetThumbRequest};
use cloudreve_api::{Code, FileSystem, Timestamp};

use super::content::blob_path;
use super::file::parse_uri;
use super::share_access;
use super::ApiRouter;
use crate::blobs::{self, BlobRef};
use crate::error::{ok, ApiResult, AppError};
use crate::extract::{ApiQuery, Viewer};
use crate::signing::{expiry_for, ContentUrl, EntityRef};
use crate::state::{now_millis, now_secs, AppState};
use crate::store::files::{FileRow, TYPE_FILE};
use crate::store::metadata::{self, THUMB_DISABLED};
use crate::store::thumbnails::{self, ThumbRow};
use crate::thumbs::{self, Source};
use crate::video_thumbs;

pub(super) fn routes(r: ApiRouter) -> ApiRouter {
    r.serve::<GetThumbRequest, _, _>(thumb)
}

fn no_thumb() -> AppError {
    AppError::code(Code::EntityNotExist, "Thumbnail not exist")
}

async fn thumb(
    State(s): State<AppState>,
    viewer: Viewer,
    ApiQuery(q): ApiQuery<GetThumbRequest>,
) -> ApiResult<FileThumbResponse> {
    let uri = parse_uri(&q.uri)?;
    // The trash and share shortcuts lack the thumbnail capability (bit 10).
    if matches!(uri.fs, FileSystem::Trash | FileSystem::SharedWithMe) {
        return Err(no_thumb());
    }
    let ids = s.ids;
    let (row, cached) =
        s.db.call(move |c| {
            let (row, _) = share_access::readable(c, &ids, viewer.0.as_ref(), &uri, now_millis())?;
            let disabled = metadata::all(c, row.id)?.contains_key(THUMB_DISABLED);
            let blob = match &row.blob {
                Some(b) if row.file_type == TYPE_FILE && !disabled => b,
                _ => return Err(no_thumb()),
            };
            let cached = thumbnails::of_blob(c, blob)?;
            Ok((row, cached))
        })
        .await?;
    let video = video_thumbs::is_video(&row.name) && row.size > 0 && video_thumbs::available();
    if !video && !thumbs::supported(&row.name, row.size) {
        return Err(no_thumb());
    }
    let on_disk = |t: &ThumbRow| blob_path(&s.blob_dir, &t.blob).is_some_and(|p| p.is_file());
    let thumb = match cached.filter(on_disk) {
        Some(t) => t,
        None => generate(&s, row).await?,
    };
    let expires = expiry_for(now_secs());
    let url = ContentUrl {
        entity: EntityRef::Thumb(thumb.id),
        name: "thumb.jpg",
        download: false,
        expires,
    }
    .build(&s.ids, &s.url_secret);
    ok(FileThumbResponse {
        url,
        expires: Some(Timestamp::from_unix_millis(expires * 1000)),
        obfuscated: false,
    })
}

/// Makes and records the thumbnail of `row`'s blob; on failure marks the file `thumb:disabled`.
async fn generate(s: &AppState, row: FileRow) -> Result<ThumbRow, AppError> {
    let source_blob = row.blob.clone().ok_or_else(no_thumb)?;
    let slot = s
        .thumb_slots
        .clone()
        .acquire_owned()
        .await
        .map_err(|e| AppError::Internal(e.into()))?;
    // Another request may have made it while this one waited for a slot.
    let key = source_blob.clone();
    let stale = s.db.call(move |c| thumbnails::of_blob(c, &key)).await?;
    match stale {
        Some(t) if blob_path(&s.blob_dir, &t.blob).is_some_and(|p| p.is_file()) => return Ok(t),
        Some(_) => {
            let key = source_blob.clone();
            s.db.call(move |c| thumbnails::remove_of_blob(c, &key))
                .await?;
        }
        None => {}
    }
    let name = uuid::Uuid::new_v4().to_string();
    let dest = blob_path(&s.blob_dir, &name).ok_or_else(no_thumb)?;
    // Videos are read by ffmpeg from this server's disk; one in a bucket gets no thumbnail.
    if video_thumbs::is_video(&row.name) {
        let file = match BlobRef::parse(&source_blob) {
            Some(BlobRef::Local(file)) => blob_path(&s.blob_dir, file).ok_or_else(no_thumb)?,
            _ => return Err(no_thumb()),
        };
        let made = tokio::task::spawn_blocking(move || {
            let _slot = slot;
            video_thumbs::generate(&file, &dest)
        })
        .await
        .map_err(|e| AppError::Internal(e.into()))?;
        return record(s, row, source_blob, name, made).await;
    }
    // Read while holding the slot, so at most PARALLEL sources are in memory at once.
    let source = match BlobRef::parse(&source_blob) {
        Some(BlobRef::Local(file)) => {
            Source::File(blob_path(&s.blob_dir, file).ok_or_else(no_thumb)?)
        }
        Some(BlobRef::S3 { policy, key }) => Source::Memory(read_object(s, policy, key).await?),
        None => return Err(no_thumb()),
    };
    // The slot goes with the work: a dropped request must not let more generations run.
    let made = tokio::task::spawn_blocking(move || {
        let _slot = slot;
        thumbs::generate(source, &dest)
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))?;
    record(s, row, source_blob, name, made).await
}

/// Records a generation's outcome: the thumbnail blob `name`, or `thumb:disabled` on the file.
async fn record(
    s: &AppState,
    row: FileRow,
    source_blob: String,
    name: String,
    made: anyhow::Result<u64>,
) -> Result<ThumbRow, AppError> {
    let size = match made {
        Ok(size) => size,
        Err(e) => {
            tracing::info!(file = row.id, error = %e, "no thumbnail; marking the file");
            s.db.call(move |c| metadata::set(c, row.id, THUMB_DISABLED, ""))
                .await?;
            return Err(no_thumb());
        }
    };
    let blob = name.clone();
    let kept =
        s.db.call(move |c| thumbnails::insert(c, &source_blob, &blob, size as i64, now_millis()))
            .await?;
    if kept.blob != name {
        // Lost a race to a request that finished first; keep theirs.
        if let Some(ours) = blob_path(&s.blob_dir, &name) {
            let _ = std::fs::remove_file(ours);
        }
    }
    Ok(kept)
}

/// The bytes of an S3 source. A provider that cannot be reached gives no thumbnail this time but
/// does not mark the file: the picture may be fine.
async fn read_object(s: &AppState, policy: i64, key: &str) -> Result<Vec<u8>, AppError> {
    let client = blobs::s3_client(s, policy).await?;
    match client.get_object(key, None).await {
        Ok(bytes) => Ok(bytes.to_vec()),
        Err(e) => {
            tracing::warn!(%key, error = %e, "could not read a thumbnail source from S3");
            Err(no_thumb())
        }
    }
}
