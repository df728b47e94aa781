//! The whole browser flow, and S3 content afterwards: downloads and ranges through the signed
//! route, file info, versions, copies, deletes for good, thumbnails, empty files.

use axum::http::StatusCode;
use serde_json::json;

use crate::common::upload::{info, pattern, post, sha256, used};
use crate::common::{call, list};
use crate::s3_support;
use crate::support::*;

/// The listing item named `name`.
fn item(listing: &serde_json::Value, name: &str) -> serde_json::Value {
    listing["data"]["files"]
        .as_array()
        .and_then(|f| f.iter().find(|i| i["name"] == name))
        .cloned()
        .unwrap_or_else(|| panic!("{name} not in {listing}"))
}

#[tokio::test]
async fn parts_go_to_the_bucket_and_the_callback_makes_the_file() {
    let e = env().await;
    let listing = list(&e.s, &e.t, FOLDER, "").await;
    let policy = &listing["data"]["storage_policy"];
    assert_eq!(
        (policy["type"].clone(), policy["chunk_concurrency"].clone()),
        (json!("s3"), json!(3)),
        "{listing}"
    );

    // Four full parts and a short fifth.
    let data = pattern(4 * CHUNK + 1000, 1);
    let uri = at("report.bin");
    let extra = json!({"last_modified": 1_700_000_000_000i64, "metadata": {"tag:work": "#ff0000"}});
    let cred = open_as(&e, &e.t, &uri, data.len(), extra).await;
    assert_eq!(cred["storage_policy"]["type"], "s3");
    assert_eq!(cred["chunk_size"], CHUNK);
    assert!(!cred["upload_id"].as_str().unwrap_or_default().is_empty());
    let urls = cred["upload_urls"].as_array().expect("urls");
    assert_eq!(urls.len(), 5);
    for (i, url) in urls.iter().enumerate() {
        let url = url.as_str().expect("url");
        assert!(url.contains(&format!("partNumber={}&", i + 1)), "{url}");
        assert!(url.contains("X-Amz-Signature="), "{url}");
    }
    assert!(cred["completeURL"]
        .as_str()
        .is_some_and(|u| u.contains("uploadId=")));
    let sid = sid(&cred);
    assert!(!e.s.upload_dir.join(&sid).exists(), "no part file");
    // The placeholder is listed, marked and charged at once.
    let placeholder = item(&list(&e.s, &e.t, FOLDER, "").await, "report.bin");
    assert_eq!(
        placeholder["metadata"]["sys:upload_session_id"],
        sid.as_str()
    );
    assert_eq!(used(&e.s, &e.t).await, data.len() as i64);

    let etags = put_parts(&cred, &data).await;
    complete(&cred, &etags).await;
    callback_ok(&e.s, &cred).await;

    let file = item(&list(&e.s, &e.t, FOLDER, "").await, "report.bin");
    assert_eq!(file["size"], data.len());
    assert!(file["metadata"].get("sys:upload_session_id").is_none());
    assert_eq!(file["metadata"]["tag:work"], "#ff0000");
    assert_eq!(file["updated_at"], "2023-11-14T22:13:20Z");
    let key = object_of(&e, &uri);
    assert_eq!(key, format!("uploads/{sid}/report.bin"));
    assert_eq!(sha256(&content(&e.s, &e.t, &uri).await), sha256(&data));

    // The redirect target names the file and serves ranges (here across a part boundary).
    let target = content_location(&e.s, &e.t, &uri).await;
    let range = format!("bytes={}-{}", CHUNK - 5, CHUNK + 4);
    let (status, headers, body) = s3_support::get(&target, Some(&range)).await;
    assert_eq!(status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(&body[..], &data[CHUNK - 5..CHUNK + 5]);
    let disposition = headers
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert!(disposition.starts_with("attachment;"), "{disposition}");

    let extended = crate::common::call(
        &e.s,
        "GET",
        &format!(
            "/api/v4/file/info?uri={}&extended=true",
            cloudreve_api::uri::encode_component(&uri)
        ),
        Some(&e.t),
        None,
    )
    .await
    .1;
    let entity = &extended["data"]["extended_info"]["entities"][0];
    assert_eq!(entity["storage_policy"]["type"], "s3", "{extended}");

    // The lock went with the session; the object stays put under a new name.
    let r = post(
        &e.s,
        &e.t,
        "/file/rename",
        json!({"uri": uri, "new_name": "final.bin"}),
    )
    .await;
    assert_eq!(r["code"], 0, "{r}");
    assert_eq!(content(&e.s, &e.t, &at("final.bin")).await, data);

    // The session is over.
    let key = cred["callback_secret"].as_str().expect("secret");
    let (status, r) = callback(&e.s, &sid, key).await;
    assert_eq!(
        (status, r["code"].clone()),
        (StatusCode::UNAUTHORIZED, json!(40011))
    );
}

#[tokio::test]
async fn a_new_version_keeps_the_old_object_until_that_version_is_deleted() {
    let e = env().await;
    let uri = at("doc.txt");
    let first = pattern(CHUNK + 10, 2);
    upload(&e, &uri, &first).await;
    let old = object_of(&e, &uri);
    let new = pattern(2 * CHUNK + 3, 3);
    let cred = open_as(&e, &e.t, &uri, new.len(), json!({"entity_type": "version"})).await;
    assert!(
        in_bucket(&e, &old).await,
        "the old content stays until completion"
    );
    let etags = put_parts(&cred, &new).await;
    complete(&cred, &etags).await;
    callback_ok(&e.s, &cred).await;
    assert_eq!(content(&e.s, &e.t, &uri).await, new);
    assert_ne!(object_of(&e, &uri), old);
    // The replaced content is kept as a version (file.md §Versions), in the bucket and in the quota.
    assert!(
        in_bucket(&e, &old).await,
        "the old version keeps its object"
    );
    assert_eq!(used(&e.s, &e.t).await, (first.len() + new.len()) as i64);
    let path = format!(
        "/api/v4/file/info?uri={}&extended=true",
        cloudreve_api::uri::encode_component(&uri)
    );
    let (_, info) = call(&e.s, "GET", &path, Some(&e.t), None).await;
    let current = info["data"]["primary_entity"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let versions = info["data"]["extended_info"]["entities"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let older = versions
        .iter()
        .filter_map(|v| v["id"].as_str())
        .find(|id| *id != current)
        .expect("an older version")
        .to_string();
    let (_, r) = call(
        &e.s,
        "DELETE",
        "/api/v4/file/version",
        Some(&e.t),
        Some(json!({"uri": uri, "version": older})),
    )
    .await;
    assert_eq!(r["code"], 0, "{r}");
    assert!(
        !in_bucket(&e, &old).await,
        "deleting the version deleted its object"
    );
    assert_eq!(used(&e.s, &e.t).await, new.len() as i64);
}

#[tokio::test]
async fn copies_share_the_object_until_the_last_is_deleted_for_good() {
    let e = env().await;
    let uri = at("shared.bin");
    let data = pattern(3 * CHUNK, 4);
    upload(&e, &uri, &data).await;
    let key = object_of(&e, &uri);
    let r = post(
        &e.s,
        &e.t,
        "/file/move",
        json!({"uris": [uri], "dst": "cloudreve://my", "copy": true}),
    )
    .await;
    assert_eq!(r["code"], 0, "{r}");
    assert_eq!(object_of(&e, "cloudreve://my/shared.bin"), key, "shared");

    let delete = |target: &str| json!({"uris": [target], "skip_soft_delete": true});
    let r = call(
        &e.s,
        "DELETE",
        "/api/v4/file",
        Some(&e.t),
        Some(delete(&uri)),
    )
    .await
    .1;
    assert_eq!(r["code"], 0, "{r}");
    assert!(in_bucket(&e, &key).await, "the copy still uses it");
    assert_eq!(content(&e.s, &e.t, "cloudreve://my/shared.bin").await, data);

    // Through the trash: moving there keeps the object, deleting for good removes it.
    let trashed = crate::common::trash(&e.s, &e.t, "cloudreve://my/shared.bin").await;
    assert!(in_bucket(&e, &key).await);
    let r = call(
        &e.s,
        "DELETE",
        "/api/v4/file",
        Some(&e.t),
        Some(delete(&trashed)),
    )
    .await
    .1;
    assert_eq!(r["code"], 0, "{r}");
    assert!(!in_bucket(&e, &key).await, "deleted with the last file");
    assert_eq!(used(&e.s, &e.t).await, 0);
}

#[tokio::test]
async fn thumbnails_are_made_from_the_object() {
    let e = env().await;
    let pictures = refserver::seed::pictures::picture(800, 600, 2);
    let png = refserver::seed::pictures::png(&pictures).expect("png");
    let uri = at("photo.png");
    upload(&e, &uri, &png).await;
    let q = format!(
        "/api/v4/file/thumb?uri={}",
        cloudreve_api::uri::encode_component(&uri)
    );
    let r = call(&e.s, "GET", &q, Some(&e.t), None).await.1;
    assert_eq!(r["code"], 0, "{r}");
    let url = r["data"]["url"].as_str().expect("url");
    let (status, _, body) = crate::common::fetch(&e.s, "GET", url, &[]).await;
    assert_eq!(status, 200);
    let img = image::load_from_memory_with_format(&body, image::ImageFormat::Jpeg).expect("JPEG");
    assert_eq!((img.width(), img.height()), (400, 300));
}

#[tokio::test]
async fn an_empty_file_is_one_empty_part_and_keeps_no_object() {
    let e = env().await;
    let uri = at("empty.txt");
    let cred = upload(&e, &uri, &[]).await;
    assert_eq!(cred["upload_urls"].as_array().map(Vec::len), Some(1));
    let file = info(&e.s, &e.t, &uri).await;
    assert_eq!(file["size"], 0);
    assert!(file["metadata"].get("sys:upload_session_id").is_none());
    let key = format!("uploads/{}/empty.txt", sid(&cred));
    assert!(!in_bucket(&e, &key).await, "an empty file has no blob");
}
