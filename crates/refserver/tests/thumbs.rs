//! `GET /file/thumb` (file.md §Get thumbnail URL): generated on first use within the site's
//! bounds, cached per blob, refused with 40077 where no thumbnail can exist.

mod common;

use std::path::Path;

use common::*;
use refserver::seed::{add_file, pictures};
use refserver::AppState;
use serde_json::Value;

async fn thumb(s: &AppState, token: Option<&str>, uri: &str) -> Value {
    let q = format!(
        "/api/v4/file/thumb?uri={}",
        cloudreve_api::uri::encode_component(uri)
    );
    call(s, "GET", &q, token, None).await.1
}

/// Blob files on disk, with their modification times.
fn blobs(dir: &Path) -> Vec<(String, std::time::SystemTime)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .expect("blob dir")
        .filter_map(Result::ok)
        .filter_map(|e| {
            Some((
                e.file_name().into_string().ok()?,
                e.metadata().ok()?.modified().ok()?,
            ))
        })
        .collect();
    out.sort();
    out
}

/// Stores a generated PNG of `w`×`h` at `path` in the admin's tree; returns its bytes.
fn put_png(s: &AppState, path: &str, w: u32, h: u32) -> Vec<u8> {
    let png = pictures::png(&pictures::picture(w, h, 0)).expect("png");
    add_file(s, ADMIN_ID, path, &png).expect("file");
    png
}

/// Fetches a thumbnail URL and decodes the picture.
async fn picture(s: &AppState, url: &str) -> image::DynamicImage {
    let (status, h, body) = fetch(s, "GET", url, &[]).await;
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    assert_eq!(
        h.get("content-type").and_then(|v| v.to_str().ok()),
        Some("image/jpeg")
    );
    image::load_from_memory_with_format(&body, image::ImageFormat::Jpeg).expect("a JPEG")
}

#[tokio::test]
async fn png_and_jpeg_thumbnails_fit_the_bounds_and_are_cached() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    let png = put_png(&s, "Pictures/big.png", 1600, 1200);
    let tall = pictures::jpeg(&pictures::picture(300, 900, 1)).expect("jpeg");
    add_file(&s, ADMIN_ID, "Pictures/tall photo.jpg", &tall).expect("jpeg file");

    let r = thumb(&s, Some(&t), "cloudreve://my/Pictures/big.png").await;
    assert_eq!(r["code"], 0, "{r}");
    let url = r["data"]["url"].as_str().expect("url").to_string();
    assert!(url.contains("thumb=true"), "{url}");
    assert!(
        r["data"]["expires"]
            .as_str()
            .is_some_and(|e| e.ends_with('Z')),
        "{r}"
    );
    let img = picture(&s, &url).await;
    assert_eq!((img.width(), img.height()), (400, 300));
    let (_, _, jpeg) = fetch(&s, "GET", &url, &[]).await;
    assert!(
        jpeg.len() * 3 < png.len(),
        "{} vs {}",
        jpeg.len(),
        png.len()
    );

    let r = thumb(&s, Some(&t), "cloudreve://my/Pictures/tall%20photo.jpg").await;
    let img = picture(&s, r["data"]["url"].as_str().expect("url")).await;
    assert_eq!((img.width(), img.height()), (100, 300), "aspect ratio kept");

    // The second request is a lookup: same URL, no file written or touched.
    let before = blobs(&s.blob_dir);
    let again = thumb(&s, Some(&t), "cloudreve://my/Pictures/big.png").await;
    assert_eq!(again["data"]["url"], url.as_str());
    assert_eq!(blobs(&s.blob_dir), before);

    // Dropping the unsigned flag still serves the thumbnail, never the original.
    let (_, _, body) = fetch(&s, "GET", &url.replace("&thumb=true", ""), &[]).await;
    assert_eq!(body, jpeg);

    // A copy shares the blob, and so the thumbnail.
    let r = call(&s, "POST", "/api/v4/file/move", Some(&t), Some(serde_json::json!({"uris": ["cloudreve://my/Pictures/big.png"], "dst": "cloudreve://my", "copy": true}))).await.1;
    assert_eq!(r["code"], 0, "{r}");
    let copy = thumb(&s, Some(&t), "cloudreve://my/big.png").await;
    assert_eq!(copy["data"]["url"], url.as_str());
    assert_eq!(blobs(&s.blob_dir).len(), before.len());

    // Deleting the last file of a blob deletes its thumbnail too.
    for uri in ["cloudreve://my/big.png", "cloudreve://my/Pictures/big.png"] {
        let body = serde_json::json!({"uris": [uri], "skip_soft_delete": true});
        let r = call(&s, "DELETE", "/api/v4/file", Some(&t), Some(body))
            .await
            .1;
        assert_eq!(r["code"], 0, "{r}");
    }
    assert_eq!(
        blobs(&s.blob_dir).len(),
        before.len() - 2,
        "source and thumbnail gone"
    );
    let (_, _, body) = fetch(&s, "GET", &url, &[]).await;
    assert!(String::from_utf8_lossy(&body).contains("40077"));
}

#[tokio::test]
async fn small_pictures_keep_their_size() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    put_png(&s, "small.png", 64, 40);
    let r = thumb(&s, Some(&t), "cloudreve://my/small.png").await;
    let img = picture(&s, r["data"]["url"].as_str().expect("url")).await;
    assert_eq!((img.width(), img.height()), (64, 40));
}

#[tokio::test]
async fn no_thumbnail_for_folders_empty_unsupported_broken_or_trashed_files() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    add_file(&s, ADMIN_ID, "Folder/notes.txt", b"hello").expect("txt");
    add_file(&s, ADMIN_ID, "empty.png", b"").expect("empty");
    add_file(&s, ADMIN_ID, "broken.png", b"\x89PNG\r\n\x1a\n not really").expect("broken");
    put_png(&s, "trashed.png", 32, 32);
    let trashed = trash(&s, &t, "cloudreve://my/trashed.png").await;
    for uri in [
        "cloudreve://my/Folder",
        "cloudreve://my",
        "cloudreve://my/empty.png",
        "cloudreve://my/Folder/notes.txt",
        "cloudreve://my/broken.png",
        trashed.as_str(),
    ] {
        assert_eq!(thumb(&s, Some(&t), uri).await["code"], 40077, "{uri}");
    }
    let info = call(
        &s,
        "GET",
        "/api/v4/file/info?uri=cloudreve%3A%2F%2Fmy%2Fbroken.png",
        Some(&t),
        None,
    )
    .await
    .1;
    assert_eq!(info["data"]["metadata"]["thumb:disabled"], "", "{info}");
    let unsupported = call(
        &s,
        "GET",
        "/api/v4/file/info?uri=cloudreve%3A%2F%2Fmy%2FFolder%2Fnotes.txt",
        Some(&t),
        None,
    )
    .await
    .1;
    assert!(
        unsupported["data"]["metadata"]
            .get("thumb:disabled")
            .is_none(),
        "only failures mark a file"
    );
    // Once marked, a file is refused straight away.
    let marked = thumb(&s, Some(&t), "cloudreve://my/broken.png").await;
    assert_eq!(marked["code"], 40077);
    assert_eq!(
        thumb(&s, Some(&t), "cloudreve://my/missing.png").await["code"],
        40016
    );
}

#[tokio::test]
async fn other_users_files_are_not_visible() {
    let (s, _d) = state();
    let admin = admin_token(&s).await;
    put_png(&s, "mine.png", 32, 32);
    let eve = user_token(&s, "eve@x.org").await;
    assert_eq!(
        thumb(&s, Some(&eve), "cloudreve://my/mine.png").await["code"],
        40016
    );
    let admin_id = s.ids.encode(refserver::ids::Kind::User, ADMIN_ID);
    let theirs = format!("cloudreve://{admin_id}@my/mine.png");
    assert_eq!(thumb(&s, Some(&eve), &theirs).await["code"], 403);
    assert_eq!(
        thumb(&s, None, "cloudreve://my/mine.png").await["code"],
        401
    );
    assert_eq!(thumb(&s, Some(&admin), &theirs).await["code"], 0);
}

#[tokio::test]
async fn generations_wait_for_a_free_slot() {
    let (mut s, _d) = state();
    let t = admin_token(&s).await;
    refserver::seed::add_picture_folder(&s, ADMIN_ID, "Batch", 6, (320, 240)).expect("pictures");
    let slots = std::sync::Arc::new(tokio::sync::Semaphore::new(0));
    s.thumb_slots = slots.clone();
    let requests: Vec<_> = (0..6)
        .map(|i| {
            let (s, t) = (s.clone(), t.clone());
            let ext = if i % 2 == 0 { "png" } else { "jpg" };
            let uri = format!("cloudreve://my/Batch/picture-{i:05}.{ext}");
            tokio::spawn(async move { thumb(&s, Some(&t), &uri).await })
        })
        .collect();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(
        requests.iter().all(|r| !r.is_finished()),
        "no free slot, no generation"
    );
    slots.add_permits(refserver::thumbs::PARALLEL);
    for r in requests {
        let r = r.await.expect("request");
        assert_eq!(r["code"], 0, "{r}");
    }
    assert_eq!(slots.available_permits(), refserver::thumbs::PARALLEL);
}

/// A 640×480, 2-second test-pattern video made by ffmpeg (which `cargo xtask test` installs).
fn test_video() -> Vec<u8> {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("clip.mp4");
    let status = std::process::Command::new("ffmpeg")
        .args([
            "-v",
            "error",
            "-nostdin",
            "-f",
            "lavfi",
            "-i",
            "testsrc=size=640x480:rate=10:duration=2",
        ])
        .args(["-c:v", "mpeg4", "-pix_fmt", "yuv420p"])
        .arg(&out)
        .status()
        .expect("ffmpeg must be installed (cargo xtask test installs it)");
    assert!(status.success(), "ffmpeg made no video");
    std::fs::read(out).expect("video")
}

#[tokio::test]
async fn a_video_gets_a_thumbnail_from_one_of_its_frames() {
    assert!(
        refserver::video_thumbs::available(),
        "ffmpeg must be installed (cargo xtask test installs it)"
    );
    let (s, _d) = state();
    let t = admin_token(&s).await;
    add_file(&s, ADMIN_ID, "Videos/clip.mp4", &test_video()).expect("video");
    add_file(&s, ADMIN_ID, "Videos/broken.webm", b"not a video at all").expect("broken");
    let r = thumb(&s, Some(&t), "cloudreve://my/Videos/clip.mp4").await;
    assert_eq!(r["code"], 0, "{r}");
    let img = picture(&s, r["data"]["url"].as_str().expect("url")).await;
    assert_eq!(
        (img.width(), img.height()),
        (400, 300),
        "fitted like a picture"
    );
    // A file ffmpeg cannot read is marked, like a broken picture.
    let r = thumb(&s, Some(&t), "cloudreve://my/Videos/broken.webm").await;
    assert_eq!(r["code"], 40077, "{r}");
}
