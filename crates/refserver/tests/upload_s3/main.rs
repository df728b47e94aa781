//! Uploads to an S3 policy against a real S3 server (s3box on a temporary directory), done the
//! browser's way with plain HTTP (file.md §`s3`, callback.md): presigned parts and completion,
//! the callback and its errors, content through the signed route, copies and deletes, thumbnails,
//! and what cancel and expiry leave at the provider.

#[path = "../common/mod.rs"]
mod common;
#[path = "../s3_support/mod.rs"]
mod s3_support;

mod callback;
mod cleanup;
mod flow;
mod support;
