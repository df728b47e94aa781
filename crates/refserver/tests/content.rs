//! The signed content route (file.md §The signed content route): signatures, ranges, headers,
//! and that nothing outside the blob directory can be reached.

mod common;

use common::*;
use refserver::signing::{self, ContentUrl, EntityRef, CONTENT_PREFIX};
use refserver::state::now_secs;
use refserver::AppState;
use serde_json::Value;

const BODY: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// A file of [`BODY`] and a valid URL of it.
fn file_url(s: &AppState, name: &str, download: bool) -> (i64, String) {
    let id = refserver::seed::add_file(s, ADMIN_ID, &format!("Docs/{name}"), BODY).expect("file");
    let url = ContentUrl {
        entity: EntityRef::File(id),
        name,
        download,
        expires: now_secs() + 60,
    }
    .build(&s.ids, &s.url_secret);
    (id, url)
}

fn code(body: &[u8]) -> Option<i64> {
    serde_json::from_slice::<Value>(body).ok()?["code"].as_i64()
}

fn header<'a>(h: &'a axum::http::HeaderMap, name: &str) -> &'a str {
    h.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
}

#[tokio::test]
async fn a_signed_url_serves_the_bytes_with_safe_headers() {
    let (s, _d) = state();
    let (_, url) = file_url(&s, "naïve notes.txt", false);
    let (status, h, body) = fetch(&s, "GET", &url, &[]).await;
    assert_eq!(status, 200);
    assert_eq!(body, BODY);
    assert_eq!(header(&h, "content-length"), BODY.len().to_string());
    assert_eq!(header(&h, "content-type"), "text/plain");
    assert_eq!(header(&h, "cache-control"), "public, max-age=86400");
    assert_eq!(header(&h, "access-control-allow-origin"), "*");
    assert_eq!(header(&h, "content-security-policy"), "sandbox");
    assert_eq!(header(&h, "accept-ranges"), "bytes");
    assert_eq!(
        header(&h, "content-disposition"),
        "inline; filename=\"na_ve notes.txt\"; filename*=UTF-8''na%C3%AFve%20notes.txt"
    );
    let (_, dl) = file_url(&s, "report.pdf", true);
    let (_, h, _) = fetch(&s, "GET", &dl, &[]).await;
    assert!(header(&h, "content-disposition").starts_with("attachment; filename=\"report.pdf\""));
    assert_eq!(header(&h, "content-type"), "application/pdf");

    let (status, h, body) = fetch(&s, "HEAD", &url, &[]).await;
    assert_eq!((status.as_u16(), body.len()), (200, 0));
    assert_eq!(header(&h, "content-length"), BODY.len().to_string());

    let etag = header(&h, "etag").to_string();
    assert!(etag.starts_with('"'), "{etag}");
    let (status, _, body) = fetch(&s, "GET", &url, &[("if-none-match", &etag)]).await;
    assert_eq!((status.as_u16(), body.len()), (304, 0));
}

#[tokio::test]
async fn forged_tampered_and_expired_signatures_answer_40020() {
    let (s, _d) = state();
    let (id, url) = file_url(&s, "a.txt", false);
    let entity = EntityRef::File(id).encode(&s.ids);
    let path = format!("{CONTENT_PREFIX}/{entity}/0/a.txt");
    let expired = signing::sign(&s.url_secret, &path, now_secs() - 1);
    let forged = signing::sign(b"another installation", &path, now_secs() + 60);
    let sign_of = |u: &str| u.split("sign=").nth(1).unwrap_or("").to_string();
    let cases = [
        format!(
            "{path}?sign={}",
            cloudreve_api::uri::encode_component(&expired)
        ),
        format!(
            "{path}?sign={}",
            cloudreve_api::uri::encode_component(&forged)
        ),
        format!("{path}?sign="),
        path.clone(),
        // The name is signed: another name is another URL.
        url.replace("/a.txt?", "/b.txt?"),
        // So is the speed limit.
        url.replace("/0/a.txt", "/1/a.txt"),
        // And the expiry inside the signature.
        format!("{path}?sign={}", sign_of(&url).replace("%3A", "%3A1")),
    ];
    for bad in &cases {
        let (status, h, body) = fetch(&s, "GET", bad, &[]).await;
        assert_eq!((status.as_u16(), code(&body)), (200, Some(40020)), "{bad}");
        assert_eq!(header(&h, "cache-control"), "private, no-cache", "{bad}");
    }
    // The flags are not signed.
    let (_, _, body) = fetch(&s, "GET", &format!("{url}&download=true"), &[]).await;
    assert_eq!(body, BODY);
}

#[tokio::test]
async fn ranges_first_middle_suffix_and_unsatisfiable() {
    let (s, _d) = state();
    let (_, url) = file_url(&s, "r.bin", false);
    let len = BODY.len();
    let cases: [(&str, u16, &[u8], String); 5] = [
        ("bytes=0-3", 206, &BODY[..4], format!("bytes 0-3/{len}")),
        (
            "bytes=10-19",
            206,
            &BODY[10..20],
            format!("bytes 10-19/{len}"),
        ),
        (
            "bytes=-5",
            206,
            &BODY[len - 5..],
            format!("bytes {}-{}/{len}", len - 5, len - 1),
        ),
        (
            "bytes=30-",
            206,
            &BODY[30..],
            format!("bytes 30-{}/{len}", len - 1),
        ),
        ("bytes=999-", 416, b"", format!("bytes */{len}")),
    ];
    for (range, status, want, content_range) in cases {
        let (got, h, body) = fetch(&s, "GET", &url, &[("range", range)]).await;
        assert_eq!(got.as_u16(), status, "{range}");
        assert_eq!(body, want, "{range}");
        assert_eq!(header(&h, "content-range"), content_range, "{range}");
    }
    let (status, _, body) = fetch(&s, "GET", &url, &[("range", "bytes=0-1,4-5")]).await;
    assert_eq!(
        (status.as_u16(), body.as_slice()),
        (200, BODY),
        "several ranges get it all"
    );
}

#[tokio::test]
async fn nothing_outside_the_blob_dir_is_reachable() {
    let (s, d) = state();
    let (id, _) = file_url(&s, "a.txt", false);
    let entity = EntityRef::File(id).encode(&s.ids);
    // Even validly signed, a path-like name or entity only ever names a blob by id.
    let signed = |entity: &str, name: &str| {
        let sign = signing::sign(
            &s.url_secret,
            &format!("{CONTENT_PREFIX}/{entity}/0/{name}"),
            now_secs() + 60,
        );
        format!(
            "{CONTENT_PREFIX}/{}/0/{}?sign={}",
            cloudreve_api::uri::encode_component(entity),
            cloudreve_api::uri::encode_component(name),
            cloudreve_api::uri::encode_component(&sign)
        )
    };
    let (status, _, body) = fetch(&s, "GET", &signed(&entity, "../../cloudreve.db"), &[]).await;
    assert_eq!(
        (status.as_u16(), body.as_slice()),
        (200, BODY),
        "the name is only a label"
    );
    for entity in [
        "..",
        "../cloudreve.db",
        "..%2F..%2Fcloudreve.db",
        "blobs",
        "0",
    ] {
        let (_, _, body) = fetch(&s, "GET", &signed(entity, "x"), &[]).await;
        assert_eq!(code(&body), Some(40077), "{entity}");
    }
    let raw = format!("{CONTENT_PREFIX}/..%2F..%2Fcloudreve.db/0/x?sign=a%3A0");
    let (_, _, body) = fetch(&s, "GET", &raw, &[]).await;
    assert_eq!(code(&body), Some(40020));
    let (_, _, body) = fetch(&s, "GET", "/api/v4/file/content/../../cloudreve.db", &[]).await;
    assert_eq!(
        code(&body),
        Some(40020),
        "dot segments are plain (unsigned) parameters"
    );
    assert!(d.path().join("cloudreve.db").exists());
    // A folder or a file id that is not an entity id names no blob.
    let folder = s.db.with(|c| {
        c.query_row("SELECT id FROM files WHERE name = 'Docs'", [], |r| {
            r.get::<_, i64>(0)
        })
    });
    let folder = EntityRef::File(folder.expect("folder")).encode(&s.ids);
    let (_, _, body) = fetch(&s, "GET", &signed(&folder, "Docs"), &[]).await;
    assert_eq!(code(&body), Some(40077));
}
