//! Uploads through the real app: pickers, a folder drop with an empty subfolder, chunked files
//! compared byte for byte on the server, pause and resume, a reload in the middle, conflict choices,
//! policy limits, paste, a server that fails a tenth of the chunk requests, and a phone.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::json;

use crate::harness::{run, ADMIN_EMAIL, ADMIN_PASSWORD, DESKTOP, PHONE};
use crate::upload_support::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chunked_files_arrive_byte_identical_and_a_dropped_folder_keeps_its_empty_subfolder() {
    run(
        DESKTOP,
        |c| c.test_hooks = true,
        |ctx| async move {
            small_chunks_and_a_chunk_log(&ctx).await;
            let dir = tempfile::tempdir().expect("tmp");
            // 6 full chunks and a short seventh.
            let big = bytes(6 * CHUNK + 123, 1);
            let empty: Vec<u8> = Vec::new();
            let big_path = write(dir.path(), "big.bin", &big);
            let empty_path = write(dir.path(), "empty.txt", &empty);
            ctx.see("Upload files").await;
            ctx.choose_files("upload-files", &[&big_path, &empty_path])
                .await;
            ctx.server_has("big.bin", &big).await;
            ctx.server_has("empty.txt", &empty).await;
            let stored = ctx.server_file("big.bin").expect("stored");
            assert_eq!(sha(&stored), sha(&big), "SHA-256 on the server");
            wait_row(&ctx, "big.bin", "done").await;
            // Each of the 7 chunks of big.bin went exactly once, plus the one empty request.
            let sent = numbers(&ctx, "return window.__chunks").await;
            assert_eq!(sent, vec![0, 0, 1, 2, 3, 4, 5, 6], "chunk requests");
            // The file shows up in the folder without a manual refresh.
            ctx.see("big.bin").await;

            // A folder dragged from the desktop: files in nested folders and an empty folder.
            let a = bytes(1000, 2);
            let b = bytes(3 * CHUNK, 3);
            write(dir.path(), "Trip/a.txt", &a);
            write(dir.path(), "Trip/photos/b.bin", &b);
            std::fs::create_dir_all(dir.path().join("Trip/empty")).expect("mkdir");
            drop_on_explorer(&ctx, &dir.path().join("Trip")).await;
            ctx.server_has("Trip/a.txt", &a).await;
            ctx.server_has("Trip/photos/b.bin", &b).await;
            let start = Instant::now();
            loop {
                let folder = ctx.state.db.with(|c| {
                    refserver::store::files::resolve(c, 1, &["Trip".into(), "empty".into()], 0)
                        .ok()
                        .flatten()
                });
                if let Some(f) = folder {
                    assert_eq!(f.file_type, 1, "Trip/empty is a folder");
                    break;
                }
                assert!(
                    start.elapsed() < Duration::from_secs(30),
                    "the empty folder was never created"
                );
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            for row in ["Trip/a.txt", "Trip/photos/b.bin", "Trip/empty"] {
                wait_row(&ctx, row, "done").await;
            }
            ctx.see("5 of 5 files").await;
            ctx.shot("uploads-done").await;
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pause_resume_and_a_reload_in_the_middle_never_send_a_chunk_twice() {
    run(
        DESKTOP,
        |c| c.test_hooks = true,
        |ctx| async move {
            small_chunks_and_a_chunk_log(&ctx).await;
            let dir = tempfile::tempdir().expect("tmp");
            let slow = bytes(24 * CHUNK, 4);
            let path = write(dir.path(), "slow.bin", &slow);
            throttle(&ctx, 256 * 1024).await;
            ctx.choose_files("upload-files", &[&path]).await;
            wait_percent(&ctx, "slow.bin", 10).await;

            // Pause: nothing moves any more; resume: it goes on.
            ctx.click("[data-upload='slow.bin'] [data-action=pause]").await;
            wait_row(&ctx, "slow.bin", "paused").await;
            let paused_at = numbers(&ctx, "return window.__acked").await;
            tokio::time::sleep(Duration::from_millis(1500)).await;
            assert_eq!(numbers(&ctx, "return window.__acked").await, paused_at, "no chunk while paused");
            ctx.click("[data-upload='slow.bin'] [data-action=resume]").await;
            wait_row(&ctx, "slow.bin", "uploading").await;
            wait_percent(&ctx, "slow.bin", 40).await;

            // Reload in the middle: the page warns first, then remembers the upload.
            let before_reload = numbers(&ctx, "return window.__acked").await;
            // Leaving asks first: the page cancels `beforeunload` while an upload runs (the browser
            // then shows its own dialog, which chromedriver handles by itself).
            let warns = "const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented";
            assert_eq!(ctx.js(warns).await, json!(true), "leaving during an upload asks first");
            reload_mid_upload(&ctx).await;
            ctx.see("An unfinished upload waits for its file").await;
            let acked_before = numbers(&ctx, "return window.__acked || []").await;
            assert!(acked_before.is_empty(), "a new page");
            log_chunks(&ctx).await;
            // Picking the file again resumes it; already-sent chunks are not sent again.
            ctx.choose_files("repick-files", &[&path]).await;
            ctx.server_has("slow.bin", &slow).await;
            wait_row(&ctx, "slow.bin", "done").await;
            assert_eq!(ctx.js(warns).await, json!(false), "nothing to lose: no question");
            let after = numbers(&ctx, "return window.__chunks").await;
            every_chunk_once_across_a_reload(&before_reload, &after, 24);
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dropped_file_resumes_by_itself_after_a_reload_where_the_browser_keeps_file_access() {
    run(
        DESKTOP,
        |c| c.test_hooks = true,
        |first| async move {
            // A visitor who chose "Allow on every visit" when Chromium asked about file access.
            let ctx = first.fresh_browser_keeping_file_access(DESKTOP).await;
            small_chunks_and_a_chunk_log(&ctx).await;
            log_chunks_on_every_page(&ctx).await;
            let dir = tempfile::tempdir().expect("tmp");
            let kept = bytes(24 * CHUNK, 6);
            let path = write(dir.path(), "Kept/inner/kept.bin", &kept);
            throttle(&ctx, 256 * 1024).await;
            // Dropped as a folder: the file is read again through the folder's handle.
            drop_on_explorer(&ctx, path.parent().and_then(Path::parent).expect("Kept")).await;
            wait_percent(&ctx, "Kept/inner/kept.bin", 25).await;
            let before_reload = numbers(&ctx, "return window.__acked").await;
            reload_mid_upload(&ctx).await;
            // Nothing to pick again: the upload goes on by itself and arrives whole.
            ctx.server_has("Kept/inner/kept.bin", &kept).await;
            wait_row(&ctx, "Kept/inner/kept.bin", "done").await;
            assert!(
                !ctx.body_text().await.contains("waits for its file"),
                "the page asked for the file"
            );
            let after = numbers(&ctx, "return window.__chunks").await;
            every_chunk_once_across_a_reload(&before_reload, &after, 24);
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn where_the_browser_would_ask_about_a_dropped_file_the_page_offers_to_and_a_refusal_leaves_the_picker(
) {
    run(
        DESKTOP,
        |c| c.test_hooks = true,
        |first| async move {
            // Chromium asks after a reload unless access was allowed "on every visit"; this one
            // answers no by itself.
            let ctx = first.fresh_browser_refusing_prompts(DESKTOP).await;
            small_chunks_and_a_chunk_log(&ctx).await;
            let dir = tempfile::tempdir().expect("tmp");
            let asked = bytes(24 * CHUNK, 7);
            let path = write(dir.path(), "asked.bin", &asked);
            throttle(&ctx, 256 * 1024).await;
            drop_on_explorer(&ctx, &path).await;
            wait_percent(&ctx, "asked.bin", 25).await;
            reload_mid_upload(&ctx).await;
            ctx.see("An unfinished upload waits for its file").await;
            ctx.find("button[data-action=give-access]").await;
            ctx.shot("desktop-upload-give-access").await;
            ctx.click("button[data-action=give-access]").await;
            ctx.see("The browser did not allow access: pick the files again")
                .await;
            let offered =
                "return document.querySelector('button[data-action=give-access]') !== null";
            ctx.wait_js(offered, json!(false)).await;
            // The picker still resumes it.
            ctx.choose_files("repick-files", &[&path]).await;
            ctx.server_has("asked.bin", &asked).await;
            wait_row(&ctx, "asked.bin", "done").await;
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn existing_names_are_asked_once_per_batch_keep_both_overwrite_and_skip() {
    run(
        DESKTOP,
        |c| c.test_hooks = true,
        |ctx| async move {
            ctx.sign_in().await;
            ctx.see("Welcome.md").await;
            let original = ctx.server_file("Welcome.md").expect("seeded");
            let dir = tempfile::tempdir().expect("tmp");
            let new = b"# A newer welcome\n".to_vec();
            let welcome = write(dir.path(), "Welcome.md", &new);
            let other = write(dir.path(), "Other.txt", b"other");
            ctx.choose_files("upload-files", &[&welcome, &other]).await;
            ctx.see("Some names already exist").await;
            ctx.see("A file has the same name as an item in the destination")
                .await;
            ctx.click("[data-choice=keep-both]").await;
            ctx.server_has("Welcome (1).md", &new).await;
            ctx.server_has("Other.txt", b"other").await;
            assert_eq!(
                ctx.server_file("Welcome.md").as_deref(),
                Some(&original[..])
            );

            ctx.choose_files("upload-files", &[&welcome]).await;
            ctx.click("[data-choice=overwrite]").await;
            ctx.server_has("Welcome.md", &new).await;

            let other2 = write(dir.path(), "b/Other.txt", b"changed");
            ctx.choose_files("upload-files", &[&other2]).await;
            ctx.click("[data-choice=skip]").await;
            tokio::time::sleep(Duration::from_millis(500)).await;
            assert_eq!(ctx.server_file("Other.txt").as_deref(), Some(&b"other"[..]));
            assert!(ctx.server_file("Other (1).txt").is_none());

            // The folder picker keeps each file's path below the chosen folder.
            write(dir.path(), "Album/x.txt", b"x");
            write(dir.path(), "Album/sub/y.txt", b"y");
            ctx.choose_files("upload-folder", &[&dir.path().join("Album")])
                .await;
            ctx.server_has("Album/x.txt", b"x").await;
            ctx.server_has("Album/sub/y.txt", b"y").await;
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn policy_limits_refuse_files_before_anything_is_sent_and_paste_uploads() {
    run(
        DESKTOP,
        |c| c.test_hooks = true,
        |ctx| async move {
            ctx.sign_in().await;
            set_policy(&ctx, json!({ "max_size": 1000, "denied_suffix": ["exe"] })).await;
            ctx.see("Welcome.md").await;
            let dir = tempfile::tempdir().expect("tmp");
            let big = write(dir.path(), "big.bin", &bytes(2000, 5));
            let exe = write(dir.path(), "setup.exe", b"MZ");
            ctx.choose_files("upload-files", &[&big, &exe]).await;
            wait_row(&ctx, "big.bin", "failed").await;
            wait_row(&ctx, "setup.exe", "failed").await;
            ctx.see("Larger than the storage policy allows").await;
            ctx.see("Files of type .exe are not allowed").await;
            let placeholders = ctx.state.db.with(|c| {
                c.query_row("SELECT COUNT(*) FROM files WHERE name IN ('big.bin', 'setup.exe')", [], |r| r.get::<_, i64>(0))
                    .unwrap_or(-1)
            });
            assert_eq!(placeholders, 0, "nothing reached the server");

            // A picture pasted into the explorer is uploaded here.
            ctx.js(
                r#"const dt = new DataTransfer();
                dt.items.add(new File([new Uint8Array([137, 80, 78, 71, 1, 2, 3])], 'image.png', { type: 'image/png' }));
                document.querySelector('.cr-explorer').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
                return true;"#,
            )
            .await;
            ctx.server_has("image.png", &[137, 80, 78, 71, 1, 2, 3]).await;
            ctx.shot("uploads-failed").await;
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_failing_a_tenth_of_the_chunks_still_gets_every_file_byte_identical() {
    run(
        DESKTOP,
        |c| {
            c.test_hooks = true;
            c.chunk_faults = 10;
        },
        |ctx| async move {
            small_chunks_and_a_chunk_log(&ctx).await;
            let dir = tempfile::tempdir().expect("tmp");
            // 8 files of 12 chunks: 96 requests, so at 10% the chance of no fault at all is 4e-5.
            let files: Vec<(String, Vec<u8>)> = (0..8u8)
                .map(|i| {
                    (
                        format!("f{i}.bin"),
                        bytes(11 * CHUNK + 1 + usize::from(i) * 777, 10 + i),
                    )
                })
                .collect();
            let paths: Vec<PathBuf> = files.iter().map(|(n, b)| write(dir.path(), n, b)).collect();
            let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
            ctx.choose_files("upload-files", &refs).await;
            for (name, content) in &files {
                ctx.server_has(name, content).await;
            }
            let sent = numbers(&ctx, "return window.__chunks").await;
            assert!(
                sent.len() > 96,
                "some chunks failed and were sent again: {} requests",
                sent.len()
            );
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_queue_and_the_conflict_question_fit_a_phone() {
    run(
        PHONE,
        |_| {},
        |ctx| async move {
            ctx.sign_in().await;
            ctx.see("Welcome.md").await;
            let dir = tempfile::tempdir().expect("tmp");
            let welcome = write(dir.path(), "Welcome.md", b"phone");
            let long = write(
                dir.path(),
                "A rather long file name that must not widen the page on a phone.txt",
                b"long",
            );
            ctx.choose_files("upload-files", &[&welcome, &long]).await;
            ctx.see("Some names already exist").await;
            ctx.shot("phone-upload-conflict").await;
            ctx.click("[data-choice=keep-both]").await;
            ctx.server_has("Welcome (1).md", b"phone").await;
            wait_row(&ctx, "Welcome.md", "done").await;
            let width = ctx.js("return document.documentElement.scrollWidth").await;
            assert!(
                width.as_f64().unwrap_or(9999.0) <= 390.0,
                "page width {width}"
            );
            ctx.shot("phone-uploads").await;
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_remote_policy_sends_the_chunks_to_its_storage_node_with_the_session_credential() {
    run(
        DESKTOP,
        |c| c.test_hooks = true,
        |ctx| async move {
            ctx.sign_in().await;
            set_policy(&ctx, json!({ "type": "remote" })).await;
            ctx.see("Welcome.md").await;
            // Every request to the node, with the headers the page set on it.
            ctx.js(
                r#"window.__node = [];
                const open = XMLHttpRequest.prototype.open, set = XMLHttpRequest.prototype.setRequestHeader;
                XMLHttpRequest.prototype.open = function (method, url) {
                    const m = /\/api\/v4\/slave\/upload\/[^/?]+\?chunk=(\d+)$/.exec(url);
                    this.__node = m ? { chunk: Number(m[1]), headers: {} } : null;
                    if (this.__node) window.__node.push(this.__node);
                    return open.apply(this, arguments);
                };
                XMLHttpRequest.prototype.setRequestHeader = function (name, value) {
                    if (this.__node) this.__node.headers[name.toLowerCase()] = value;
                    return set.apply(this, arguments);
                };
                return true;"#,
            )
            .await;
            let dir = tempfile::tempdir().expect("tmp");
            let data = bytes(3 * CHUNK + 5, 7);
            let path = write(dir.path(), "node.bin", &data);
            ctx.choose_files("upload-files", &[&path]).await;
            ctx.server_has("node.bin", &data).await;
            let stored = ctx.server_file("node.bin").expect("stored");
            assert_eq!(sha(&stored), sha(&data), "SHA-256 on the server");
            wait_row(&ctx, "node.bin", "done").await;
            let sent = numbers(&ctx, "return window.__node.map(r => r.chunk)").await;
            assert_eq!(sent, vec![0, 1, 2, 3], "every chunk once, to the node");
            // Only the session's credential and the content type: no user token, no X-Cr-* header
            // (the node's signature would not cover it).
            let headers = ctx
                .js("return Array.from(new Set(window.__node.flatMap(r => Object.keys(r.headers).concat(r.headers.authorization.startsWith('Bearer Cr ') ? ['credential'] : [])))).sort()")
                .await;
            assert_eq!(headers, json!(["authorization", "content-type", "credential"]));
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_out_takes_the_accounts_uploads_off_the_page_and_signing_back_in_finds_them() {
    run(
        DESKTOP,
        |c| c.test_hooks = true,
        |ctx| async move {
            small_chunks_and_a_chunk_log(&ctx).await;
            let dir = tempfile::tempdir().expect("tmp");
            let slow = bytes(24 * CHUNK, 5);
            let path = write(dir.path(), "slow.bin", &slow);
            throttle(&ctx, 256 * 1024).await;
            ctx.choose_files("upload-files", &[&path]).await;
            wait_percent(&ctx, "slow.bin", 10).await;
            ctx.click_button("Sign out").await;
            ctx.find("input[name=email]").await;
            // Nothing of the account's queue stays on the page, and nothing more is sent.
            let rows = "return document.querySelectorAll('[data-upload]').length";
            ctx.wait_js(rows, json!(0)).await;
            let acked = numbers(&ctx, "return window.__acked").await;
            tokio::time::sleep(Duration::from_millis(1500)).await;
            assert_eq!(
                numbers(&ctx, "return window.__acked").await,
                acked,
                "no chunk after signing out"
            );
            // Signing back in finds the unfinished upload, which picking the file again completes.
            // (On the same page: no reload puts the queue back together.)
            throttle(&ctx, 50 * 1024 * 1024).await;
            ctx.sign_in_with(ADMIN_EMAIL, ADMIN_PASSWORD).await;
            ctx.see("Documents").await;
            ctx.see("An unfinished upload waits for its file").await;
            assert_eq!(
                ctx.js(rows).await,
                json!(1),
                "the upload once, waiting for its file"
            );
            ctx.choose_files("repick-files", &[&path]).await;
            ctx.server_has("slow.bin", &slow).await;
        },
    )
    .await;
}
