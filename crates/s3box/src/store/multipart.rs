//! s3box's own multipart uploads (why: see the parent module): parts are staged as
//! `<root>/.s3box-multipart/<upload id>/{meta.json, <n>.part, <n>.etag}`, checked at completion,
//! then streamed into s3s-fs's PutObject.

use std::io;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::Bytes;
use futures::{Stream, StreamExt};
use md5::{Digest, Md5};
use s3s::dto::{
    AbortMultipartUploadInput, AbortMultipartUploadOutput, CompleteMultipartUploadInput,
    CompleteMultipartUploadOutput, CreateMultipartUploadInput, CreateMultipartUploadOutput, ETag,
    PutObjectInput, StreamingBlob, UploadPartInput, UploadPartOutput,
};
use s3s::{s3_error, S3Error, S3Request, S3Response, S3Result, S3};
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::mpsc;
use uuid::Uuid;

use super::Store;

/// S3's highest part number.
const MAX_PART_NUMBER: i32 = 10_000;

/// Read size when streaming staged parts into the completed object.
const COPY_BUF: usize = 256 * 1024;

/// What CreateMultipartUpload recorded, checked by every later call on the upload.
#[derive(Serialize, Deserialize)]
struct UploadMeta {
    bucket: String,
    key: String,
    content_type: Option<String>,
    content_disposition: Option<String>,
}

impl Store {
    fn upload_dir(&self, upload_id: &str) -> S3Result<PathBuf> {
        // Only our own UUIDs name staging directories, so an id can never walk out of them.
        let id = Uuid::parse_str(upload_id).map_err(|_| no_such_upload())?;
        Ok(self.staging.join(id.to_string()))
    }

    /// The upload's directory and metadata, if it exists and belongs to `bucket`/`key`.
    async fn open_upload(
        &self,
        upload_id: &str,
        bucket: &str,
        key: &str,
    ) -> S3Result<(PathBuf, UploadMeta)> {
        let dir = self.upload_dir(upload_id)?;
        let raw = tokio::fs::read(dir.join("meta.json"))
            .await
            .map_err(|_| no_such_upload())?;
        let meta: UploadMeta = serde_json::from_slice(&raw).map_err(S3Error::internal_error)?;
        if meta.bucket != bucket || meta.key != key {
            return Err(no_such_upload());
        }
        Ok((dir, meta))
    }

    /// CreateMultipartUpload: a staging directory and the metadata the object will get.
    pub(super) async fn create_upload(
        &self,
        req: S3Request<CreateMultipartUploadInput>,
    ) -> S3Result<S3Response<CreateMultipartUploadOutput>> {
        let input = req.input;
        if !self.data_root.join(&input.bucket).is_dir() {
            return Err(s3_error!(NoSuchBucket));
        }
        let id = Uuid::new_v4().to_string();
        let dir = self.upload_dir(&id)?;
        tokio::fs::create_dir_all(&dir).await.map_err(io_err)?;
        let meta = UploadMeta {
            bucket: input.bucket.clone(),
            key: input.key.clone(),
            content_type: input.content_type,
            content_disposition: input.content_disposition,
        };
        let raw = serde_json::to_vec(&meta).map_err(S3Error::internal_error)?;
        write_atomically(&dir.join("meta.json"), &raw)
            .await
            .map_err(io_err)?;
        Ok(S3Response::new(CreateMultipartUploadOutput {
            bucket: Some(input.bucket),
            key: Some(input.key),
            upload_id: Some(id),
            ..Default::default()
        }))
    }

    /// UploadPart: the part's bytes and, beside them, their MD5 (the ETag).
    pub(super) async fn put_part(
        &self,
        req: S3Request<UploadPartInput>,
    ) -> S3Result<S3Response<UploadPartOutput>> {
        let input = req.input;
        if !(1..=MAX_PART_NUMBER).contains(&input.part_number) {
            return Err(s3_error!(
                InvalidArgument,
                "Part number must be an integer between 1 and 10000, inclusive"
            ));
        }
        let (dir, _) = self
            .open_upload(&input.upload_id, &input.bucket, &input.key)
            .await?;
        let mut body = input.body.ok_or_else(|| s3_error!(IncompleteBody))?;

        let n = input.part_number;
        let tmp = dir.join(format!("{n}.tmp-{}", Uuid::new_v4()));
        let mut file = tokio::fs::File::create(&tmp).await.map_err(io_err)?;
        let mut md5 = Md5::new();
        while let Some(chunk) = body.next().await {
            let chunk = chunk.map_err(|e| s3_error!(IncompleteBody, "{e}"))?;
            md5.update(&chunk);
            file.write_all(&chunk).await.map_err(io_err)?;
        }
        file.flush().await.map_err(io_err)?;
        drop(file);
        let etag = hex(&md5.finalize());
        // The ETag file is written first: a part file present means its ETag is too.
        write_atomically(&dir.join(format!("{n}.etag")), etag.as_bytes())
            .await
            .map_err(io_err)?;
        tokio::fs::rename(&tmp, dir.join(format!("{n}.part")))
            .await
            .map_err(io_err)?;

        Ok(S3Response::new(UploadPartOutput {
            e_tag: Some(ETag::Strong(etag)),
            ..Default::default()
        }))
    }

    /// CompleteMultipartUpload: checks the listed parts as S3 does, then writes the object.
    pub(super) async fn complete_upload(
        &self,
        req: S3Request<CompleteMultipartUploadInput>,
    ) -> S3Result<S3Response<CompleteMultipartUploadOutput>> {
        let (dir, meta) = self
            .open_upload(&req.input.upload_id, &req.input.bucket, &req.input.key)
            .await?;
        let parts = req
            .input
            .multipart_upload
            .as_ref()
            .and_then(|m| m.parts.clone())
            .unwrap_or_default();
        if parts.is_empty() {
            return Err(s3_error!(
                MalformedXML,
                "You must specify at least one part"
            ));
        }

        // Check everything before writing anything, so a refused completion can be retried.
        let mut paths = Vec::with_capacity(parts.len());
        let mut previous = 0;
        for (i, part) in parts.iter().enumerate() {
            let n = part
                .part_number
                .ok_or_else(|| s3_error!(MalformedXML, "a part has no PartNumber"))?;
            if n <= previous {
                return Err(s3_error!(
                    InvalidPartOrder,
                    "The list of parts was not in ascending order."
                ));
            }
            previous = n;
            let stored = tokio::fs::read_to_string(dir.join(format!("{n}.etag")))
                .await
                .map_err(|_| invalid_part(n))?;
            let given = part.e_tag.as_ref().map(|e| e.value().trim_matches('"'));
            if given != Some(stored.as_str()) {
                return Err(invalid_part(n));
            }
            let path = dir.join(format!("{n}.part"));
            let size = tokio::fs::metadata(&path)
                .await
                .map_err(|_| invalid_part(n))?
                .len();
            if i + 1 < parts.len() && size < self.min_part_size {
                return Err(s3_error!(
                    EntityTooSmall,
                    "Your proposed upload is smaller than the minimum allowed size (part {n}: \
                     {size} bytes, minimum {})",
                    self.min_part_size
                ));
            }
            paths.push(path);
        }

        let bucket = meta.bucket.clone();
        let key = meta.key.clone();
        let put = req.map_input(|_| PutObjectInput {
            bucket: meta.bucket,
            key: meta.key,
            content_type: meta.content_type,
            content_disposition: meta.content_disposition,
            body: Some(StreamingBlob::wrap(PartsStream::new(paths))),
            ..Default::default()
        });
        let e_tag = self.fs.put_object(put).await?.output.e_tag;
        // The object is in place; a leftover staging directory would only waste space.
        if let Err(e) = tokio::fs::remove_dir_all(&dir).await {
            tracing::warn!("cannot remove {}: {e}", dir.display());
        }

        // The ETag is the content's MD5 (what HeadObject reports too), not S3's "<md5>-<parts>".
        Ok(S3Response::new(CompleteMultipartUploadOutput {
            bucket: Some(bucket),
            key: Some(key),
            e_tag,
            ..Default::default()
        }))
    }

    /// AbortMultipartUpload: drops the staging directory.
    pub(super) async fn abort_upload(
        &self,
        req: S3Request<AbortMultipartUploadInput>,
    ) -> S3Result<S3Response<AbortMultipartUploadOutput>> {
        let input = req.input;
        let (dir, _) = self
            .open_upload(&input.upload_id, &input.bucket, &input.key)
            .await?;
        tokio::fs::remove_dir_all(&dir).await.map_err(io_err)?;
        Ok(S3Response::new(AbortMultipartUploadOutput::default()))
    }
}

fn no_such_upload() -> S3Error {
    s3_error!(
        NoSuchUpload,
        "The specified multipart upload does not exist. The upload ID might be invalid, or the \
         multipart upload might have been aborted or completed."
    )
}

fn invalid_part(part_number: i32) -> S3Error {
    s3_error!(
        InvalidPart,
        "One or more of the specified parts could not be found, or the specified entity tag did \
         not match the part's entity tag (part {part_number})."
    )
}

fn io_err(e: io::Error) -> S3Error {
    S3Error::internal_error(e)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Writes `bytes` to `path` through a temporary file, so readers never see half a file.
async fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = path.with_extension(format!("tmp-{}", Uuid::new_v4()));
    tokio::fs::write(&tmp, bytes).await?;
    tokio::fs::rename(&tmp, path).await
}

/// The staged parts' bytes, in order, as a stream s3s can take for a PutObject body.
///
/// A channel fed by a task keeps the stream `Sync` (s3s requires it) and opens one part file at a
/// time, whatever the number of parts.
struct PartsStream(mpsc::Receiver<io::Result<Bytes>>);

impl PartsStream {
    fn new(paths: Vec<PathBuf>) -> Self {
        let (tx, rx) = mpsc::channel(4);
        tokio::spawn(async move {
            for path in paths {
                if let Err(e) = send_file(&path, &tx).await {
                    let _ = tx.send(Err(e)).await;
                    return;
                }
            }
        });
        Self(rx)
    }
}

async fn send_file(path: &Path, tx: &mpsc::Sender<io::Result<Bytes>>) -> io::Result<()> {
    let mut file = tokio::fs::File::open(path).await?;
    loop {
        let mut buf = vec![0; COPY_BUF];
        let n = file.read(&mut buf).await?;
        if n == 0 {
            return Ok(());
        }
        buf.truncate(n);
        if tx.send(Ok(Bytes::from(buf))).await.is_err() {
            // The reader went away (the PutObject failed); nothing left to do.
            return Ok(());
        }
    }
}

impl Stream for PartsStream {
    type Item = io::Result<Bytes>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.0.poll_recv(cx)
    }
}
