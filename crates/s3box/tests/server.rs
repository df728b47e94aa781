//! s3box as a server: start and stop, its bucket, refusal of unsigned requests, CORS preflights.
//! (Signed traffic is tested with the reference server's S3 client in `refserver/tests/s3.rs`.)

use s3box::S3BoxConfig;

fn config(dir: &tempfile::TempDir) -> S3BoxConfig {
    S3BoxConfig::new(dir.path(), "key", "secret", "my-bucket")
}

#[tokio::test]
async fn starts_with_its_bucket_and_stops() {
    let dir = tempfile::tempdir().expect("temp dir");
    let server = s3box::start(config(&dir)).await.expect("starts");
    assert!(server.addr().ip().is_loopback());
    assert_eq!(server.endpoint(), format!("http://{}", server.addr()));
    assert!(dir.path().join("my-bucket").is_dir());

    let addr = server.addr();
    server.stop().await;
    assert!(
        tokio::net::TcpStream::connect(addr).await.is_err(),
        "still listening"
    );
}

#[tokio::test]
async fn a_bad_bucket_name_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut cfg = config(&dir);
    cfg.bucket = "Not_A_Bucket".into();
    assert!(s3box::start(cfg).await.is_err());
}

#[tokio::test]
async fn unsigned_requests_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("my-bucket")).expect("bucket dir");
    std::fs::write(dir.path().join("my-bucket/file.txt"), "private").expect("object");
    let server = s3box::start(config(&dir)).await.expect("starts");
    let http = reqwest::Client::new();
    for url in [
        format!("{}/my-bucket/file.txt", server.endpoint()),
        format!("{}/my-bucket/file.txt?uploads", server.endpoint()),
    ] {
        let res = http.get(&url).send().await.expect("GET");
        assert_eq!(res.status(), reqwest::StatusCode::FORBIDDEN, "{url}");
        let body = res.text().await.expect("body");
        assert!(body.contains("<Code>AccessDenied</Code>"), "{body}");
    }
}

#[tokio::test]
async fn preflights_are_answered_for_any_origin() {
    let dir = tempfile::tempdir().expect("temp dir");
    let server = s3box::start(config(&dir)).await.expect("starts");
    let res = reqwest::Client::new()
        .request(
            reqwest::Method::OPTIONS,
            format!(
                "{}/my-bucket/a/b.txt?partNumber=1&uploadId=x",
                server.endpoint()
            ),
        )
        .header("origin", "https://app.example")
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", "content-type,x-amz-date")
        .send()
        .await
        .expect("OPTIONS");
    assert!(res.status().is_success(), "{}", res.status());
    let get = |name: &str| {
        res.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_ascii_lowercase()
    };
    assert_eq!(get("access-control-allow-origin"), "*");
    for m in ["get", "put", "post", "delete", "head"] {
        assert!(get("access-control-allow-methods").contains(m), "{m}");
    }
    assert!(get("access-control-allow-headers").contains("x-amz-date"));
    assert!(!get("access-control-max-age").is_empty());
}
