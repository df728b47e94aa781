//! An upload into a folder on an S3 policy: the parts go straight from the browser to a real local
//! S3 server (s3box), then the callback makes the file.

use serde_json::json;

use crate::harness::{run, DESKTOP};
use crate::upload_support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_in_an_s3_folder_goes_straight_to_the_bucket() {
    // The bucket: parts as small as the tests' chunks, CORS open to the app's origin.
    let bucket_dir = tempfile::tempdir().expect("tmp");
    let (key, secret, bucket) = ("e2e-s3-key", "e2e-s3-secret", "cloudreve");
    let mut config = s3box::S3BoxConfig::new(bucket_dir.path(), key, secret, bucket);
    config.min_part_size = 1;
    let s3 = s3box::start(config).await.expect("s3box");
    let settings = refserver::s3::S3Settings {
        endpoint: s3.endpoint(),
        bucket: bucket.into(),
        region: "us-east-1".into(),
        access_key: key.into(),
        secret_key: secret.into(),
        path_style: true,
    };
    run(
        DESKTOP,
        |c| c.test_hooks = true,
        |ctx| async move {
            ctx.sign_in().await;
            let folder = "cloudreve://my/Bucket";
            let r = ctx.api("POST", "/file/create", json!({ "uri": folder, "type": "folder" })).await;
            assert_eq!(r["code"], 0, "{r}");
            let policy = json!({ "name": "Bucket", "type": "s3", "chunk_size": CHUNK, "chunk_concurrency": 3, "settings": settings });
            let r = ctx.api("POST", "/test/policy", policy).await;
            assert_eq!(r["code"], 0, "{r}");
            let mount = json!({ "uri": folder, "policy_id": r["data"]["id"] });
            assert_eq!(ctx.api("POST", "/test/mount", mount).await["code"], 0);
            ctx.open("/home?path=cloudreve%3A%2F%2Fmy%2FBucket").await;
            ctx.see("Upload files").await;
            let dir = tempfile::tempdir().expect("tmp");
            // 5 full parts and a short sixth, sent up to 3 at a time.
            let data = bytes(5 * CHUNK + 777, 30);
            let path = write(dir.path(), "s3.bin", &data);
            ctx.choose_files("upload-files", &[&path]).await;
            wait_row(&ctx, "s3.bin", "done").await;
            ctx.see("s3.bin").await;

            // The object the file names holds exactly the bytes, and no part stayed local.
            let segments = ["Bucket".to_string(), "s3.bin".to_string()];
            let row = ctx
                .state
                .db
                .with(|c| refserver::store::files::resolve(c, 1, &segments, 0))
                .expect("resolve")
                .expect("the file");
            assert_eq!(row.size, data.len() as i64);
            let blob = row.blob.expect("a blob");
            let Some(refserver::blobs::BlobRef::S3 { key, .. }) = refserver::blobs::BlobRef::parse(&blob) else {
                panic!("not in the bucket: {blob}");
            };
            let client = refserver::s3::S3Client::new(settings).expect("client");
            let stored = client.get_object(key, None).await.expect("object");
            assert_eq!(sha(&stored), sha(&data), "SHA-256 in the bucket");
            let uploading = ctx.state.db.with(|c| {
                c.query_row("SELECT COUNT(*) FROM upload_sessions", [], |r| r.get::<_, i64>(0)).unwrap_or(-1)
            });
            assert_eq!(uploading, 0, "the callback ended the session");
        },
    )
    .await;
    s3.stop().await;
}
