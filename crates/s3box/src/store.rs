//! The S3 operations s3box answers: buckets and objects through s3s-fs, multipart uploads its own.
//!
//! Why multipart is not left to s3s-fs 0.14.1: its CompleteMultipartUpload ignores the ETags the
//! client lists (real S3 refuses a wrong one with `InvalidPart`, and checking that is the point of
//! testing a browser uploader), always demands 5 MiB parts (tests want small ones), drops the
//! upload before checking the parts (a refused completion cannot be retried), and answers
//! `AccessDenied` instead of `NoSuchUpload` for an unknown upload. Here parts are staged under
//! `<root>/.s3box-multipart/<upload id>/` (a name s3s-fs never lists as a bucket) and the
//! completed object is written through s3s-fs's PutObject, so objects keep one on-disk format.

mod multipart;

use std::path::{Path, PathBuf};

use s3s::dto::{
    AbortMultipartUploadInput, AbortMultipartUploadOutput, CompleteMultipartUploadInput,
    CompleteMultipartUploadOutput, CopyObjectInput, CopyObjectOutput, CreateBucketInput,
    CreateBucketOutput, CreateMultipartUploadInput, CreateMultipartUploadOutput, DeleteObjectInput,
    DeleteObjectOutput, DeleteObjectsInput, DeleteObjectsOutput, GetObjectInput, GetObjectOutput,
    HeadBucketInput, HeadBucketOutput, HeadObjectInput, HeadObjectOutput, ListBucketsInput,
    ListBucketsOutput, ListObjectsV2Input, ListObjectsV2Output, PutObjectInput, PutObjectOutput,
    UploadPartInput, UploadPartOutput,
};
use s3s::{S3Request, S3Response, S3Result, S3};
use s3s_fs::FileSystem;

/// Directory (under the data root) holding the parts of unfinished multipart uploads.
pub(crate) const STAGING_DIR: &str = ".s3box-multipart";

/// The S3 service behind s3box.
pub(crate) struct Store {
    fs: FileSystem,
    data_root: PathBuf,
    staging: PathBuf,
    min_part_size: u64,
}

impl Store {
    /// A store over `data_root` (which must exist); parts below `min_part_size` bytes, other than
    /// the last, make CompleteMultipartUpload fail with `EntityTooSmall`.
    pub(crate) fn new(data_root: &Path, min_part_size: u64) -> anyhow::Result<Self> {
        let staging = data_root.join(STAGING_DIR);
        std::fs::create_dir_all(&staging)?;
        Ok(Self {
            fs: FileSystem::new(data_root).map_err(|e| anyhow::anyhow!("{e:?}"))?,
            data_root: data_root.to_path_buf(),
            staging,
            min_part_size,
        })
    }
}

#[async_trait::async_trait]
impl S3 for Store {
    async fn create_bucket(
        &self,
        req: S3Request<CreateBucketInput>,
    ) -> S3Result<S3Response<CreateBucketOutput>> {
        self.fs.create_bucket(req).await
    }

    async fn head_bucket(
        &self,
        req: S3Request<HeadBucketInput>,
    ) -> S3Result<S3Response<HeadBucketOutput>> {
        self.fs.head_bucket(req).await
    }

    async fn list_buckets(
        &self,
        req: S3Request<ListBucketsInput>,
    ) -> S3Result<S3Response<ListBucketsOutput>> {
        self.fs.list_buckets(req).await
    }

    async fn list_objects_v2(
        &self,
        req: S3Request<ListObjectsV2Input>,
    ) -> S3Result<S3Response<ListObjectsV2Output>> {
        self.fs.list_objects_v2(req).await
    }

    async fn get_object(
        &self,
        req: S3Request<GetObjectInput>,
    ) -> S3Result<S3Response<GetObjectOutput>> {
        self.fs.get_object(req).await
    }

    async fn head_object(
        &self,
        req: S3Request<HeadObjectInput>,
    ) -> S3Result<S3Response<HeadObjectOutput>> {
        self.fs.head_object(req).await
    }

    async fn put_object(
        &self,
        req: S3Request<PutObjectInput>,
    ) -> S3Result<S3Response<PutObjectOutput>> {
        self.fs.put_object(req).await
    }

    async fn copy_object(
        &self,
        req: S3Request<CopyObjectInput>,
    ) -> S3Result<S3Response<CopyObjectOutput>> {
        self.fs.copy_object(req).await
    }

    async fn delete_object(
        &self,
        req: S3Request<DeleteObjectInput>,
    ) -> S3Result<S3Response<DeleteObjectOutput>> {
        self.fs.delete_object(req).await
    }

    async fn delete_objects(
        &self,
        req: S3Request<DeleteObjectsInput>,
    ) -> S3Result<S3Response<DeleteObjectsOutput>> {
        self.fs.delete_objects(req).await
    }
    async fn create_multipart_upload(
        &self,
        req: S3Request<CreateMultipartUploadInput>,
    ) -> S3Result<S3Response<CreateMultipartUploadOutput>> {
        self.create_upload(req).await
    }

    async fn upload_part(
        &self,
        req: S3Request<UploadPartInput>,
    ) -> S3Result<S3Response<UploadPartOutput>> {
        self.put_part(req).await
    }

    async fn complete_multipart_upload(
        &self,
        req: S3Request<CompleteMultipartUploadInput>,
    ) -> S3Result<S3Response<CompleteMultipartUploadOutput>> {
        self.complete_upload(req).await
    }

    async fn abort_multipart_upload(
        &self,
        req: S3Request<AbortMultipartUploadInput>,
    ) -> S3Result<S3Response<AbortMultipartUploadOutput>> {
        self.abort_upload(req).await
    }
}
