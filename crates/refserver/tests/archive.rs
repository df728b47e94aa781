//! `GET /file/archive` (file.md §Get archive file list): entries of a stored zip.

mod common;

use std::io::Write;

use common::edit::put_content;
use common::*;
use refserver::AppState;
use serde_json::Value;

/// A zip with `a.txt`, an explicit `empty/` folder and `web/cmaps/x.bcmap` (folders implied).
fn sample_zip() -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::from_date_and_time(2024, 2, 29, 12, 30, 10).expect("t"));
    zip.start_file("a.txt", opts).expect("start");
    zip.write_all(b"hello").expect("write");
    zip.add_directory("empty/", opts).expect("dir");
    zip.start_file("web/cmaps/x.bcmap", opts).expect("start");
    zip.write_all(&[7; 300]).expect("write");
    zip.finish().expect("finish").into_inner()
}

async fn list(s: &AppState, t: &str, uri: &str, entity: Option<&str>) -> Value {
    let mut q = format!(
        "/api/v4/file/archive?uri={}",
        cloudreve_api::uri::encode_component(uri)
    );
    if let Some(e) = entity {
        q.push_str(&format!("&entity={e}"));
    }
    call(s, "GET", &q, Some(t), None).await.1
}

#[tokio::test]
async fn a_zip_lists_its_entries_with_implied_folders() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    let v1 = put_content(&s, &t, "cloudreve://my/t.zip", None, &sample_zip()).await;
    let v1 = v1["data"]["primary_entity"]
        .as_str()
        .expect("entity")
        .to_string();
    let r = list(&s, &t, "cloudreve://my/t.zip", None).await;
    assert_eq!(r["code"], 0, "{r}");
    let files = r["data"]["files"].as_array().expect("files");
    let rows: Vec<(&str, i64, bool)> = files
        .iter()
        .map(|f| {
            (
                f["name"].as_str().unwrap_or(""),
                f["size"].as_i64().unwrap_or(-1),
                f["is_directory"].as_bool().unwrap_or(false),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("a.txt", 5, false),
            ("empty", 0, true),
            ("web", 0, true),
            ("web/cmaps", 0, true),
            ("web/cmaps/x.bcmap", 300, false)
        ]
    );
    assert_eq!(
        files[0]["updated_at"]
            .as_str()
            .map(|t| t.starts_with("2024-02-29T12:30:10")),
        Some(true),
        "{}",
        files[0]
    );

    // An older version is listed by its entity.
    put_content(&s, &t, "cloudreve://my/t.zip", None, b"PK broken").await;
    assert_eq!(
        list(&s, &t, "cloudreve://my/t.zip", None).await["code"],
        40056,
        "corrupt"
    );
    assert_eq!(
        list(&s, &t, "cloudreve://my/t.zip", Some(&v1)).await["data"]["files"]
            .as_array()
            .map(Vec::len),
        Some(5)
    );
}

#[tokio::test]
async fn other_files_folders_and_strangers_are_refused() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    put_content(&s, &t, "cloudreve://my/d/notes.txt", None, b"x").await;
    put_content(&s, &t, "cloudreve://my/a.txt", None, &sample_zip()).await;
    assert_eq!(
        list(&s, &t, "cloudreve://my/a.txt", None).await["code"],
        40056,
        "not a .zip"
    );
    put_content(&s, &t, "cloudreve://my/empty.zip", None, b"").await;
    assert_eq!(
        list(&s, &t, "cloudreve://my/empty.zip", None).await["code"],
        40077
    );
    assert_eq!(
        list(&s, &t, "cloudreve://my/missing.zip", None).await["code"],
        40016
    );
    assert_eq!(
        list(&s, &t, "cloudreve://my/t.zip", Some("bad")).await["code"],
        40077
    );
    let (_, other) = new_user(&s, "o@example.org").await;
    assert_eq!(
        list(&s, &other, "cloudreve://my/a.txt", None).await["code"],
        40016
    );
}
