//! The S3 client against a real S3 server (s3box on a temporary directory): the browser's
//! multipart protocol (file.md §S3-style multipart) through presigned URLs and plain HTTP, the
//! server's own calls, refused signatures, awkward keys and CORS.

mod s3_support;

use std::time::{Duration, SystemTime};

use axum::body::Bytes;
use refserver::s3::{GetOverrides, S3Client, S3Error};
use reqwest::header::{CONTENT_TYPE, ETAG};
use reqwest::StatusCode;
use s3_support::*;

#[tokio::test]
async fn multipart_upload_through_presigned_urls_round_trips() {
    let f = fixture().await;
    let key = "uploads/6f1c2d3e-0000-4000-8000-000000000001/report (final).bin";
    // Two full chunks and a short last one.
    let data = content(2 * CHUNK + 10_000, 7);
    let etags = upload_in_parts(&f.client, key, &data).await;
    assert_eq!(etags.len(), 3);
    assert!(
        etags.iter().all(|e| e.starts_with('"') && e.ends_with('"')),
        "{etags:?}"
    );

    let info = f
        .client
        .head_object(key)
        .await
        .expect("head")
        .expect("exists");
    assert_eq!(info.size, data.len() as u64);

    let url = f
        .client
        .presign_get_object(key, &GetOverrides::default(), TTL);
    let (status, _, body) = get(&url, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(sha256(&body), sha256(&data), "downloaded bytes differ");

    // A range across the first part boundary, through the presigned URL and server-side.
    let start = CHUNK as u64 - 5;
    let (status, headers, body) = get(&url, Some(&format!("bytes={start}-{}", start + 9))).await;
    assert_eq!(status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(&body[..], &data[start as usize..start as usize + 10]);
    let total = data.len();
    assert_eq!(
        headers.get("content-range").and_then(|v| v.to_str().ok()),
        Some(format!("bytes {start}-{}/{total}", start + 9).as_str())
    );
    let tail = f
        .client
        .get_object(key, Some(total as u64 - 100..total as u64 + 50))
        .await
        .expect("range get");
    assert_eq!(&tail[..], &data[total - 100..]);
    let whole = f.client.get_object(key, None).await.expect("get");
    assert_eq!(sha256(&whole), sha256(&data));

    f.client.delete_object(key).await.expect("delete");
    assert_eq!(f.client.head_object(key).await.expect("head"), None);
}

#[tokio::test]
async fn an_aborted_upload_takes_no_more_parts() {
    let f = fixture().await;
    let key = "uploads/abort/me.bin";
    let id = f
        .client
        .create_multipart_upload(key, None)
        .await
        .expect("create");
    put_part(
        &f.client.presign_upload_part(key, &id, 1, TTL),
        b"first part",
    )
    .await;

    f.client
        .abort_multipart_upload(key, &id)
        .await
        .expect("abort");
    let res = browser()
        .put(f.client.presign_upload_part(key, &id, 2, TTL))
        .body("late part")
        .send()
        .await
        .expect("PUT");
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(res
        .text()
        .await
        .unwrap_or_default()
        .contains("<Code>NoSuchUpload</Code>"));
    let again = f.client.abort_multipart_upload(key, &id).await;
    assert_eq!(
        again.as_ref().err().and_then(S3Error::code),
        Some("NoSuchUpload"),
        "{again:?}"
    );
    assert_eq!(f.client.head_object(key).await.expect("head"), None);
}

#[tokio::test]
async fn completion_checks_part_etags_and_can_be_retried() {
    let f = fixture().await;
    let key = "uploads/etag/check.bin";
    let data = content(2 * CHUNK, 3);
    let id = f
        .client
        .create_multipart_upload(key, None)
        .await
        .expect("create");
    let mut etags = Vec::new();
    for (i, chunk) in data.chunks(CHUNK).enumerate() {
        etags.push(
            put_part(
                &f.client.presign_upload_part(key, &id, i as u32 + 1, TTL),
                chunk,
            )
            .await,
        );
    }
    let url = f.client.presign_complete_multipart_upload(key, &id, TTL);

    let wrong = vec![
        etags[0].clone(),
        "\"00000000000000000000000000000000\"".to_string(),
    ];
    let (status, body) = complete(&url, &wrong).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("<Code>InvalidPart</Code>"), "{body}");

    let (status, body) = complete(&url, &etags).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "a refused completion leaves the upload usable: {body}"
    );
    let info = f
        .client
        .head_object(key)
        .await
        .expect("head")
        .expect("exists");
    assert_eq!(info.size, data.len() as u64);
}

#[tokio::test]
async fn small_parts_are_too_small_under_s3_rules() {
    let f = fixture_with(s3box::S3_MIN_PART_SIZE).await;
    let key = "uploads/small/parts.bin";
    let id = f
        .client
        .create_multipart_upload(key, None)
        .await
        .expect("create");
    let mut etags = Vec::new();
    for n in 1..=2 {
        etags.push(
            put_part(
                &f.client.presign_upload_part(key, &id, n, TTL),
                &content(CHUNK, 1),
            )
            .await,
        );
    }
    let (status, body) = complete(
        &f.client.presign_complete_multipart_upload(key, &id, TTL),
        &etags,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("<Code>EntityTooSmall</Code>"), "{body}");

    // One small part is fine: only the parts before the last have a minimum.
    let key = "uploads/small/single.bin";
    let id = f
        .client
        .create_multipart_upload(key, None)
        .await
        .expect("create");
    let etag = put_part(&f.client.presign_upload_part(key, &id, 1, TTL), b"tiny").await;
    let (status, body) = complete(
        &f.client.presign_complete_multipart_upload(key, &id, TTL),
        &[etag],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn tampered_expired_or_foreign_signatures_are_refused() {
    let f = fixture().await;
    let key = "uploads/sig/object.txt";
    f.client
        .put_object(key, Bytes::from_static(b"secret stuff"), Some("text/plain"))
        .await
        .expect("put");
    let url = f
        .client
        .presign_get_object(key, &GetOverrides::default(), TTL);
    assert_eq!(get(&url, None).await.0, StatusCode::OK);

    let refused = |what: &'static str| {
        move |(status, _, body): (StatusCode, _, Bytes)| {
            assert_eq!(
                status,
                StatusCode::FORBIDDEN,
                "{what}: {}",
                String::from_utf8_lossy(&body)
            );
            String::from_utf8_lossy(&body).into_owned()
        }
    };
    let body = refused("tampered")(get(&tamper_signature(&url), None).await);
    assert!(body.contains("SignatureDoesNotMatch"), "{body}");

    // Another key under the same signature.
    let other = url.replace("object.txt", "other.txt");
    let body = refused("other key")(get(&other, None).await);
    assert!(body.contains("SignatureDoesNotMatch"), "{body}");

    // A part URL's number is signed too.
    let id = f
        .client
        .create_multipart_upload(key, None)
        .await
        .expect("create");
    let part = f
        .client
        .presign_upload_part(key, &id, 1, TTL)
        .replace("partNumber=1", "partNumber=2");
    let res = browser().put(part).body("x").send().await.expect("PUT");
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
    let expired = f
        .client
        .presign_at("GET", key, &[], Duration::from_secs(60), an_hour_ago);
    let body = refused("expired")(get(&expired, None).await);
    assert!(
        body.contains("AccessDenied") && body.contains("expired"),
        "{body}"
    );

    let intruder = S3Client::new(settings(&f.server, "not-the-secret")).expect("client");
    let body = refused("wrong secret")(
        get(
            &intruder.presign_get_object(key, &GetOverrides::default(), TTL),
            None,
        )
        .await,
    );
    assert!(body.contains("SignatureDoesNotMatch"), "{body}");
    let err = intruder.head_object(key).await.expect_err("refused");
    assert!(
        matches!(err, S3Error::Provider { status: 403, .. }),
        "{err:?}"
    );
    let err = intruder
        .create_multipart_upload(key, None)
        .await
        .expect_err("refused");
    assert_eq!(err.code(), Some("SignatureDoesNotMatch"), "{err:?}");

    // No signature at all.
    let plain = format!("{}/{BUCKET}/{key}", f.server.endpoint());
    assert_eq!(get(&plain, None).await.0, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn keys_with_awkward_characters_work() {
    let f = fixture().await;
    let keys = [
        "uploads/k/with space.txt",
        "uploads/k/plus+sign.txt",
        "uploads/k/100% done.txt",
        "uploads/k/ünïcødé 中文 😀.txt",
        "uploads/k/q?x#y&z=1;a,b.txt",
        "uploads/k/tilde~(1)[2]{3}'!*$@.txt",
        "uploads/k/%2F-not-a-slash.txt",
    ];
    for (i, key) in keys.iter().enumerate() {
        let data = content(1000 + i, i as u8);
        // Half through the server's PUT, half through a browser multipart upload.
        if i % 2 == 0 {
            f.client
                .put_object(key, Bytes::from(data.clone()), None)
                .await
                .expect(key);
        } else {
            upload_in_parts(&f.client, key, &data).await;
        }
        let info = f.client.head_object(key).await.expect(key).expect(key);
        assert_eq!(info.size, data.len() as u64, "{key}");

        let overrides = GetOverrides {
            content_disposition: Some("attachment; filename*=UTF-8''a%20b.txt".into()),
            content_type: Some("text/plain; charset=utf-8".into()),
        };
        let (status, headers, body) =
            get(&f.client.presign_get_object(key, &overrides, TTL), None).await;
        assert_eq!(status, StatusCode::OK, "{key}");
        assert_eq!(&body[..], &data[..], "{key}");
        assert_eq!(
            headers
                .get("content-disposition")
                .and_then(|v| v.to_str().ok()),
            overrides.content_disposition.as_deref(),
            "{key}"
        );
        assert_eq!(
            headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()),
            overrides.content_type.as_deref(),
            "{key}"
        );
        let res = browser()
            .head(f.client.presign_head_object(key, TTL))
            .send()
            .await
            .expect("HEAD");
        assert_eq!(res.status(), StatusCode::OK, "{key}");

        f.client.delete_object(key).await.expect(key);
        assert_eq!(f.client.head_object(key).await.expect(key), None, "{key}");
    }
}

#[tokio::test]
async fn browsers_may_put_parts_and_read_their_etags() {
    let f = fixture().await;
    let origin = "http://127.0.0.1:1234";
    let key = "uploads/cors/part.bin";
    let id = f
        .client
        .create_multipart_upload(key, None)
        .await
        .expect("create");
    let url = f.client.presign_upload_part(key, &id, 1, TTL);

    let res = browser()
        .request(reqwest::Method::OPTIONS, &url)
        .header("origin", origin)
        .header("access-control-request-method", "PUT")
        .header("access-control-request-headers", "content-type")
        .send()
        .await
        .expect("preflight");
    assert!(res.status().is_success(), "{}", res.status());
    let h = res.headers();
    let value = |name: &str| {
        h.get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    assert_eq!(value("access-control-allow-origin"), "*");
    assert!(
        value("access-control-allow-methods").contains("put"),
        "{h:?}"
    );
    assert!(
        value("access-control-allow-headers").contains("content-type"),
        "{h:?}"
    );

    let res = browser()
        .put(&url)
        .header("origin", origin)
        .header(CONTENT_TYPE, "application/octet-stream")
        .body("chunk")
        .send()
        .await
        .expect("PUT");
    assert_eq!(res.status(), StatusCode::OK);
    let h = res.headers();
    assert_eq!(
        h.get("access-control-allow-origin")
            .and_then(|v| v.to_str().ok()),
        Some("*")
    );
    let exposed = h
        .get("access-control-expose-headers")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    assert!(exposed.split(',').any(|n| n.trim() == "etag"), "{exposed}");
    assert!(h.contains_key(ETAG));

    // Errors carry CORS headers too, so the page can show S3's message.
    let res = browser()
        .put(tamper_signature(&url))
        .header("origin", origin)
        .body("chunk")
        .send()
        .await
        .expect("PUT");
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        res.headers()
            .get("access-control-allow-origin")
            .and_then(|v| v.to_str().ok()),
        Some("*")
    );
}
