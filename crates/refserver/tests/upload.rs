//! Upload sessions on a local policy (file.md §5): opening one, sending chunks, completion on the
//! last chunk, cancelling, expiry and cleanup.

mod common;

use common::upload::*;
use common::*;
use serde_json::{json, Value};

const DATA_LEN: usize = 3500;
const CHUNK: i64 = 1000;

fn names_of(listing: &Value) -> Vec<String> {
    names(listing)
}

/// The item named `name` in a listing.
fn item<'a>(listing: &'a Value, name: &str) -> &'a Value {
    listing["data"]["files"]
        .as_array()
        .and_then(|f| f.iter().find(|i| i["name"] == name))
        .unwrap_or_else(|| panic!("{name} not in {listing}"))
}

#[tokio::test]
async fn chunks_in_order_complete_on_the_last_and_the_content_is_identical() {
    let (s, _d, t, _) = hooked_user().await;
    small_chunks(&s, &t, CHUNK).await;
    let data = pattern(DATA_LEN, 1);
    let cred = open(&s, &t, "cloudreve://my/report.bin", data.len()).await;
    let sid = cred["session_id"].as_str().expect("sid");
    assert!(uuid::Uuid::parse_str(sid).is_ok(), "{cred}");
    assert_eq!(cred["chunk_size"], CHUNK);
    assert_eq!(cred["uri"], "cloudreve://my/report.bin");
    assert_eq!(cred["upload_id"], "");
    let secret = cred["callback_secret"].as_str().expect("secret");
    assert!(secret.len() == 32 && secret.bytes().all(|b| b.is_ascii_alphanumeric()));
    let expires = cred["expires"].as_i64().expect("expires");
    let in_a_day = refserver::state::now_secs() + 86_400;
    assert!((in_a_day - 5..=in_a_day).contains(&expires), "{expires}");
    assert_eq!(cred["storage_policy"]["type"], "local");
    assert_eq!(cred["storage_policy"]["chunk_concurrency"], 3);
    assert!(part_file(&s, sid).is_file());

    for i in 0..3 {
        let r = chunk(&s, &t, &cred, i, &data).await;
        assert_eq!(r["code"], 0, "{r}");
        let listing = list(&s, &t, "cloudreve://my", "").await;
        assert!(item(&listing, "report.bin")["metadata"]["sys:upload_session_id"] == sid);
    }
    let r = chunk(&s, &t, &cred, 3, &data).await;
    assert_eq!(
        (r["code"].clone(), r["msg"].clone()),
        (json!(0), json!("")),
        "{r}"
    );

    let listing = list(&s, &t, "cloudreve://my", "").await;
    let file = item(&listing, "report.bin");
    assert_eq!(file["size"], DATA_LEN);
    assert!(
        file["metadata"].get("sys:upload_session_id").is_none(),
        "{file}"
    );
    assert_eq!(
        sha256(&download(&s, &t, "cloudreve://my/report.bin").await),
        sha256(&data)
    );
    assert!(
        !part_file(&s, sid).exists(),
        "the part file became the blob"
    );
    // The upload lock is gone with the session.
    let r = post(
        &s,
        &t,
        "/file/rename",
        json!({"uri": "cloudreve://my/report.bin", "new_name": "r.bin"}),
    )
    .await;
    assert_eq!(r["code"], 0, "{r}");
    assert_eq!(
        chunk(&s, &t, &cred, 3, &data).await["code"],
        40011,
        "the session ended"
    );
}

#[tokio::test]
async fn resent_and_out_of_order_chunks_are_harmless() {
    let (s, _d, t, _) = hooked_user().await;
    small_chunks(&s, &t, CHUNK).await;
    let data = pattern(DATA_LEN, 2);
    let cred = open(&s, &t, "cloudreve://my/a.bin", data.len()).await;
    let sid = cred["session_id"].as_str().expect("sid");
    // A different body at index 1 first, then the right one: the last write of a range wins.
    let wrong = vec![0u8; CHUNK as usize];
    let len = vec![("Content-Length", CHUNK.to_string())];
    assert_eq!(chunk_with(&s, &t, sid, "1", &len, wrong).await["code"], 0);
    for i in [2, 0, 1, 0, 2] {
        let r = chunk(&s, &t, &cred, i, &data).await;
        assert_eq!(r["code"], 0, "{i}: {r}");
    }
    assert_eq!(chunk(&s, &t, &cred, 3, &data).await["code"], 0);
    assert_eq!(
        sha256(&download(&s, &t, "cloudreve://my/a.bin").await),
        sha256(&data)
    );
}

#[tokio::test]
async fn a_last_chunk_before_an_earlier_one_is_refused_and_the_session_stays() {
    let (s, _d, t, _) = hooked_user().await;
    small_chunks(&s, &t, CHUNK).await;
    let data = pattern(DATA_LEN, 3);
    let cred = open(&s, &t, "cloudreve://my/holes.bin", data.len()).await;
    assert_eq!(chunk(&s, &t, &cred, 0, &data).await["code"], 0);
    assert_eq!(chunk(&s, &t, &cred, 2, &data).await["code"], 0);
    let r = chunk(&s, &t, &cred, 3, &data).await;
    assert_eq!(r["code"], 40012, "{r}");
    assert!(
        r["msg"]
            .as_str()
            .is_some_and(|m| m.contains("not received yet: 1")),
        "{r}"
    );
    let listing = list(&s, &t, "cloudreve://my", "").await;
    assert!(item(&listing, "holes.bin")["metadata"]["sys:upload_session_id"].is_string());
    assert_eq!(chunk(&s, &t, &cred, 1, &data).await["code"], 0);
    assert_eq!(chunk(&s, &t, &cred, 3, &data).await["code"], 0);
    assert_eq!(
        sha256(&download(&s, &t, "cloudreve://my/holes.bin").await),
        sha256(&data)
    );
}

#[tokio::test]
async fn lengths_must_match_the_chunk() {
    let (s, _d, t, _) = hooked_user().await;
    small_chunks(&s, &t, CHUNK).await;
    let data = pattern(DATA_LEN, 4);
    let cred = open(&s, &t, "cloudreve://my/len.bin", data.len()).await;
    let sid = cred["session_id"].as_str().expect("sid");
    let full = data[..1000].to_vec();
    let expected = "Invalid Content-Length (expected: 1000)";
    for headers in [
        vec![("Content-Length", "999".to_string())],
        vec![("Content-Length", "1001".to_string())],
        vec![],
    ] {
        let r = chunk_with(&s, &t, sid, "0", &headers, full.clone()).await;
        assert_eq!(
            (r["code"].clone(), r["msg"].clone()),
            (json!(40013), json!(expected)),
            "{headers:?}"
        );
    }
    let last = vec![("Content-Length", "1000".to_string())];
    let r = chunk_with(&s, &t, sid, "3", &last, data[3000..].to_vec()).await;
    assert_eq!(
        r["msg"], "Invalid Content-Length (expected: 500)",
        "the last chunk is shorter"
    );
    // A streaming client announces the length in X-Expected-Entity-Length instead.
    let streamed = vec![("X-Expected-Entity-Length", "1000".to_string())];
    assert_eq!(
        chunk_with(&s, &t, sid, "0", &streamed, full.clone()).await["code"],
        0
    );
    // Fewer bytes than announced: an I/O failure; more: a length mismatch.
    let r = chunk_with(&s, &t, sid, "1", &streamed, data[1000..1500].to_vec()).await;
    assert_eq!(r["code"], 50004, "{r}");
    let r = chunk_with(&s, &t, sid, "1", &streamed, data[1000..2500].to_vec()).await;
    assert_eq!(r["code"], 40013, "{r}");
}

#[tokio::test]
async fn chunk_indexes_out_of_range_answer_40012() {
    let (s, _d, t, _) = hooked_user().await;
    small_chunks(&s, &t, CHUNK).await;
    let data = pattern(DATA_LEN, 5);
    let cred = open(&s, &t, "cloudreve://my/idx.bin", data.len()).await;
    let sid = cred["session_id"].as_str().expect("sid");
    let len = vec![("Content-Length", "0".to_string())];
    for index in ["4", "5", "18446744073709551615"] {
        let r = chunk_with(&s, &t, sid, index, &len, Vec::new()).await;
        assert_eq!(r["code"], 40012, "{index}: {r}");
    }
    assert_eq!(
        chunk_with(&s, &t, sid, "x", &len, Vec::new()).await["code"],
        40001
    );
    for bad_sid in [
        "not-a-session",
        &uuid::Uuid::new_v4().to_string(),
        &sid.to_uppercase(),
    ] {
        let r = chunk_with(&s, &t, bad_sid, "0", &len, Vec::new()).await;
        assert_eq!(r["code"], 40011, "{bad_sid}: {r}");
    }
}

#[tokio::test]
async fn the_placeholder_is_listed_charged_and_locked() {
    let (s, _d, t, _) = hooked_user().await;
    small_chunks(&s, &t, CHUNK).await;
    let before = used(&s, &t).await;
    let cred = open(&s, &t, "cloudreve://my/busy.bin", DATA_LEN).await;
    let listing = list(&s, &t, "cloudreve://my", "").await;
    let file = item(&listing, "busy.bin");
    assert_eq!(file["size"], DATA_LEN);
    assert_eq!(
        file["metadata"]["sys:upload_session_id"],
        cred["session_id"]
    );
    assert_eq!(
        used(&s, &t).await,
        before + DATA_LEN as i64,
        "charged at once"
    );
    let r = post(
        &s,
        &t,
        "/file/rename",
        json!({"uri": "cloudreve://my/busy.bin", "new_name": "x.bin"}),
    )
    .await;
    assert_eq!(r["code"], 40073, "{r}");
    assert_eq!(r["data"][0]["owner"]["application"]["type"], "upload");
    assert_eq!(r["data"][0]["path"], "cloudreve://my/busy.bin");
    // A second upload of the same path meets the lock first, even as a new version.
    for extra in [json!({}), json!({"entity_type": "version"})] {
        let r = open_with(&s, &t, "cloudreve://my/busy.bin", 10, extra).await;
        assert_eq!(r["code"], 40073, "{r}");
    }
}

#[tokio::test]
async fn a_force_unlocked_session_answers_lock_expired() {
    let (s, _d, t, _) = hooked_user().await;
    small_chunks(&s, &t, CHUNK).await;
    let data = pattern(DATA_LEN, 6);
    let cred = open(&s, &t, "cloudreve://my/unlocked.bin", data.len()).await;
    let r = post(
        &s,
        &t,
        "/file/rename",
        json!({"uri": "cloudreve://my/unlocked.bin", "new_name": "x"}),
    )
    .await;
    let token = r["data"][0]["token"].as_str().expect("token").to_string();
    let r = call(
        &s,
        "DELETE",
        "/api/v4/file/lock",
        Some(&t),
        Some(json!({"tokens": [token]})),
    )
    .await
    .1;
    assert_eq!(r["code"], 0, "{r}");
    let r = chunk(&s, &t, &cred, 0, &data).await;
    assert_eq!(
        (r["code"].clone(), r["msg"].clone()),
        (json!(40073), json!("Lock expired"))
    );
}

#[tokio::test]
async fn an_existing_name_answers_40004_unless_the_upload_is_a_version() {
    let (s, _d, t, _) = hooked_user().await;
    small_chunks(&s, &t, CHUNK).await;
    let old = pattern(DATA_LEN, 7);
    upload(&s, &t, "cloudreve://my/doc.bin", &old).await;
    let r = open_with(&s, &t, "cloudreve://my/doc.bin", 10, json!({})).await;
    assert_eq!(r["code"], 40004, "{r}");
    let r = post(
        &s,
        &t,
        "/file/create",
        json!({"uri": "cloudreve://my/dir", "type": "folder"}),
    )
    .await;
    assert_eq!(r["code"], 0, "{r}");
    for extra in [json!({}), json!({"entity_type": "version"})] {
        let r = open_with(&s, &t, "cloudreve://my/dir", 10, extra).await;
        assert_eq!(r["code"], 40004, "a folder is never overwritten: {r}");
    }
    let old_blobs = std::fs::read_dir(&s.blob_dir).expect("blobs").count();

    let new = pattern(2500, 8);
    let r = open_with(
        &s,
        &t,
        "cloudreve://my/doc.bin",
        new.len(),
        json!({"entity_type": "version"}),
    )
    .await;
    assert_eq!(r["code"], 0, "{r}");
    let cred = r["data"].clone();
    assert_eq!(chunk(&s, &t, &cred, 0, &new).await["code"], 0);
    assert_eq!(chunk(&s, &t, &cred, 1, &new).await["code"], 0);
    // Until completion the old content stays, marked as being replaced.
    assert_eq!(download(&s, &t, "cloudreve://my/doc.bin").await, old);
    let doc = info(&s, &t, "cloudreve://my/doc.bin").await;
    assert_eq!(doc["metadata"]["sys:upload_session_id"], cred["session_id"]);
    assert_eq!(
        used(&s, &t).await,
        (DATA_LEN + 2500) as i64,
        "old and announced new content"
    );
    assert_eq!(chunk(&s, &t, &cred, 2, &new).await["code"], 0);
    assert_eq!(
        sha256(&download(&s, &t, "cloudreve://my/doc.bin").await),
        sha256(&new)
    );
    assert_eq!(info(&s, &t, "cloudreve://my/doc.bin").await["size"], 2500);
    // The replaced content stays a version (file.md §Versions) and keeps counting.
    assert_eq!(used(&s, &t).await, (DATA_LEN + 2500) as i64);
    let blobs = std::fs::read_dir(&s.blob_dir).expect("blobs").count();
    assert_eq!(blobs, old_blobs + 1, "the old blob stays as a version");
}

#[tokio::test]
async fn cancel_removes_placeholder_part_file_and_lock_and_returns_the_quota() {
    let (s, _d, t, _) = hooked_user().await;
    small_chunks(&s, &t, CHUNK).await;
    let data = pattern(DATA_LEN, 9);
    let cred = open(&s, &t, "cloudreve://my/gone.bin", data.len()).await;
    let sid = cred["session_id"].as_str().expect("sid").to_string();
    assert_eq!(chunk(&s, &t, &cred, 0, &data).await["code"], 0);
    let cancel = json!({"id": sid, "uri": "cloudreve://my/gone.bin"});
    let r = call(
        &s,
        "DELETE",
        "/api/v4/file/upload",
        Some(&t),
        Some(cancel.clone()),
    )
    .await
    .1;
    assert_eq!(r["code"], 0, "{r}");
    assert!(!names_of(&list(&s, &t, "cloudreve://my", "").await).contains(&"gone.bin".into()));
    assert!(!part_file(&s, &sid).exists());
    assert_eq!(used(&s, &t).await, 0);
    assert_eq!(chunk(&s, &t, &cred, 1, &data).await["code"], 40011);
    // Cancelling again is fine, and the name is free again (no lock left behind).
    let r = call(&s, "DELETE", "/api/v4/file/upload", Some(&t), Some(cancel))
        .await
        .1;
    assert_eq!(r["code"], 0, "{r}");
    upload(&s, &t, "cloudreve://my/gone.bin", &data).await;
}

#[tokio::test]
async fn cancelling_a_version_upload_keeps_the_file() {
    let (s, _d, t, _) = hooked_user().await;
    small_chunks(&s, &t, CHUNK).await;
    let old = pattern(1500, 10);
    upload(&s, &t, "cloudreve://my/keep.bin", &old).await;
    let r = open_with(
        &s,
        &t,
        "cloudreve://my/keep.bin",
        100,
        json!({"entity_type": "version"}),
    )
    .await;
    let sid = r["data"]["session_id"].as_str().expect("sid").to_string();
    let cancel = json!({"id": sid, "uri": "cloudreve://my/keep.bin"});
    let r = call(&s, "DELETE", "/api/v4/file/upload", Some(&t), Some(cancel))
        .await
        .1;
    assert_eq!(r["code"], 0, "{r}");
    let doc = info(&s, &t, "cloudreve://my/keep.bin").await;
    assert!(
        doc["metadata"].get("sys:upload_session_id").is_none(),
        "{doc}"
    );
    assert_eq!(download(&s, &t, "cloudreve://my/keep.bin").await, old);
    assert_eq!(used(&s, &t).await, 1500);
    let r = post(
        &s,
        &t,
        "/file/rename",
        json!({"uri": "cloudreve://my/keep.bin", "new_name": "k.bin"}),
    )
    .await;
    assert_eq!(r["code"], 0, "unlocked: {r}");
}

#[tokio::test]
async fn another_users_session_is_not_theirs_to_use_or_cancel() {
    let (s, _d, t, _) = hooked_user().await;
    small_chunks(&s, &t, CHUNK).await;
    let (_, eve) = new_user(&s, "eve@example.org").await;
    let data = pattern(DATA_LEN, 11);
    let cred = open(&s, &t, "cloudreve://my/mine.bin", data.len()).await;
    let sid = cred["session_id"].as_str().expect("sid").to_string();
    assert_eq!(chunk(&s, &eve, &cred, 0, &data).await["code"], 40011);
    let cancel = json!({"id": sid, "uri": "cloudreve://my/mine.bin"});
    let r = call(
        &s,
        "DELETE",
        "/api/v4/file/upload",
        Some(&eve),
        Some(cancel),
    )
    .await
    .1;
    assert_eq!(r["code"], 0, "nothing of theirs to cancel: {r}");
    assert!(part_file(&s, &sid).exists());
    let anonymous = chunk_with(&s, "", &sid, "0", &[], Vec::new()).await;
    assert_eq!(anonymous["code"], 401);
    for i in 0..4 {
        assert_eq!(chunk(&s, &t, &cred, i, &data).await["code"], 0);
    }
    assert_eq!(download(&s, &t, "cloudreve://my/mine.bin").await, data);
}

#[tokio::test]
async fn an_expired_session_answers_40011_and_cleanup_removes_it() {
    let (s, _d, t, _) = hooked_user().await;
    small_chunks(&s, &t, CHUNK).await;
    let data = pattern(DATA_LEN, 12);
    let cred = open(&s, &t, "cloudreve://my/late.bin", data.len()).await;
    let sid = cred["session_id"].as_str().expect("sid").to_string();
    assert_eq!(chunk(&s, &t, &cred, 0, &data).await["code"], 0);
    let r = post(&s, &t, "/test/expire_upload", json!({"session_id": sid})).await;
    assert_eq!(r["code"], 0, "{r}");
    assert_eq!(chunk(&s, &t, &cred, 1, &data).await["code"], 40011);
    assert_eq!(refserver::uploads::sweep(&s).await.expect("sweep"), 1);
    assert!(!names_of(&list(&s, &t, "cloudreve://my", "").await).contains(&"late.bin".into()));
    assert!(!part_file(&s, &sid).exists());
    assert_eq!(used(&s, &t).await, 0);
    upload(&s, &t, "cloudreve://my/late.bin", &data).await;
    let r = post(&s, &t, "/test/expire_upload", json!({"session_id": sid})).await;
    assert_eq!(r["code"], 40011, "gone for good: {r}");
}

#[tokio::test]
async fn cleanup_removes_part_files_without_a_session() {
    let (s, _d, _t, _) = hooked_user().await;
    let stray = uuid::Uuid::new_v4().to_string();
    std::fs::write(part_file(&s, &stray), b"left by a crash").expect("stray");
    std::fs::write(s.upload_dir.join("README"), b"not ours").expect("other");
    refserver::uploads::sweep(&s).await.expect("sweep");
    assert!(!part_file(&s, &stray).exists());
    assert!(
        s.upload_dir.join("README").exists(),
        "only names we make are touched"
    );
}

#[tokio::test]
async fn an_empty_file_is_one_empty_request() {
    let (s, _d, t, _) = hooked_user().await;
    let cred = open(&s, &t, "cloudreve://my/empty.txt", 0).await;
    assert_eq!(cred["chunk_size"], 25 << 20, "the default policy's chunks");
    assert_eq!(chunk(&s, &t, &cred, 0, &[]).await["code"], 0);
    let file = info(&s, &t, "cloudreve://my/empty.txt").await;
    assert_eq!(file["size"], 0);
    assert!(
        file["metadata"].get("sys:upload_session_id").is_none(),
        "{file}"
    );
}

#[tokio::test]
async fn chunk_size_zero_takes_the_whole_file_in_one_request() {
    let (s, _d, t, _) = hooked_user().await;
    small_chunks(&s, &t, 0).await;
    let data = pattern(DATA_LEN, 13);
    let cred = open(&s, &t, "cloudreve://my/whole.bin", data.len()).await;
    assert_eq!(cred["chunk_size"], 0);
    let sid = cred["session_id"].as_str().expect("sid");
    let len = vec![("Content-Length", "0".to_string())];
    assert_eq!(
        chunk_with(&s, &t, sid, "1", &len, Vec::new()).await["code"],
        40012
    );
    assert_eq!(chunk(&s, &t, &cred, 0, &data).await["code"], 0);
    assert_eq!(
        sha256(&download(&s, &t, "cloudreve://my/whole.bin").await),
        sha256(&data)
    );
}

#[tokio::test]
async fn missing_parent_folders_are_created() {
    let (s, _d, t, _) = hooked_user().await;
    upload(&s, &t, "cloudreve://my/a/b c/d.txt", b"deep").await;
    assert_eq!(names_of(&list(&s, &t, "cloudreve://my", "").await), ["a"]);
    assert_eq!(
        names_of(&list(&s, &t, "cloudreve://my/a", "").await),
        ["b c"]
    );
    assert_eq!(
        download(&s, &t, "cloudreve://my/a/b%20c/d.txt").await,
        b"deep"
    );
    let r = open_with(&s, &t, "cloudreve://my/a/b%20c/d.txt/e.txt", 1, json!({})).await;
    assert_eq!(r["code"], 40004, "a file is no folder: {r}");
}

#[tokio::test]
async fn metadata_and_modification_time_apply_on_completion() {
    let (s, _d, t, _) = hooked_user().await;
    let extra = json!({"last_modified": 1_700_000_000_000i64, "metadata": {"tag:work": "#ff0000"}, "mime_type": "text/plain"});
    let r = open_with(&s, &t, "cloudreve://my/tagged.txt", 2, extra).await;
    let cred = r["data"].clone();
    let file = info(&s, &t, "cloudreve://my/tagged.txt").await;
    assert!(
        file["metadata"].get("tag:work").is_none(),
        "not before completion"
    );
    assert_eq!(chunk(&s, &t, &cred, 0, b"hi").await["code"], 0);
    let file = info(&s, &t, "cloudreve://my/tagged.txt").await;
    assert_eq!(file["metadata"]["tag:work"], "#ff0000");
    assert_eq!(file["updated_at"], "2023-11-14T22:13:20Z");
    for bad in [
        json!({"metadata": {"sys:restore_uri": "x"}}),
        json!({"metadata": {"nocolon": ""}}),
    ] {
        assert_eq!(
            open_with(&s, &t, "cloudreve://my/m.txt", 1, bad).await["code"],
            40001
        );
    }
    let many: serde_json::Map<String, Value> =
        (0..257).map(|i| (format!("tag:t{i}"), json!(""))).collect();
    let r = open_with(&s, &t, "cloudreve://my/m.txt", 1, json!({"metadata": many})).await;
    assert_eq!(r["code"], 40001, "at most 256 entries: {r}");
}

#[tokio::test]
async fn requests_that_cannot_open_a_session() {
    let (s, _d, t, _) = hooked_user().await;
    let body =
        json!({"uri": "cloudreve://my/a.txt", "size": 1, "policy_id": default_policy_id(&s)});
    let (status, r) = call(&s, "PUT", "/api/v4/file/upload", None, Some(body)).await;
    assert_eq!(
        (status.as_u16(), r["code"].clone()),
        (200, json!(401)),
        "{r}"
    );
    let cases = [
        ("cloudreve://trash/a.txt", json!({}), 403),
        ("cloudreve://my", json!({}), 40053),
        ("cloudreve://my/a%3F.txt", json!({}), 40052),
        (
            "cloudreve://my/a.txt",
            json!({"policy_id": "not an id"}),
            40001,
        ),
        ("cloudreve://my/a.txt", json!({"size": -1}), 40001),
        (
            "cloudreve://my/a.txt",
            json!({"entity_type": "live_photo"}),
            40001,
        ),
        ("not a uri", json!({}), 40001),
    ];
    for (uri, extra, code) in cases {
        let r = open_with(&s, &t, uri, 1, extra.clone()).await;
        assert_eq!(r["code"], code, "{uri} {extra}: {r}");
    }
}
