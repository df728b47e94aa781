//! The archive viewer, the versions dialog, downloads through the browser's own download
//! manager (one file, and several as the server's zip) and documents in a WOPI client.

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use refserver::viewers::WopiViewer;
use serde_json::json;

use crate::downloads::{archive_permission, put_file, select};
use crate::fake_wopi::FakeWopi;
use crate::harness::{run, Ctx, DESKTOP};

/// A zip with a file at the top, nested files and an empty folder.
fn sample_zip() -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, content) in [
        ("readme.txt", &b"read me"[..]),
        ("src/main.rs", b"fn main() {}"),
        ("src/lib/util.rs", b"pub fn util() {}"),
    ] {
        w.start_file(name, opts).expect("entry");
        w.write_all(content).expect("write");
    }
    w.add_directory("empty/", opts).expect("dir");
    w.finish().expect("zip").into_inner()
}

/// The names of the archive viewer's rows.
async fn archive_rows(ctx: &Ctx) -> serde_json::Value {
    ctx.js("return Array.from(document.querySelectorAll('.cr-archive__row .cr-archive__name')).map(e => e.textContent)")
        .await
}

async fn wait_rows(ctx: &Ctx, want: serde_json::Value) {
    let start = Instant::now();
    while archive_rows(ctx).await != want {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "archive rows {} never became {want}",
            archive_rows(ctx).await
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Opens the list row `name` with a double click.
async fn open_row(ctx: &Ctx, name: &str) {
    ctx.js(&format!(
        "const row = Array.from(document.querySelectorAll('[data-cr-item]')).find(r => r.querySelector('.cr-files__label')?.textContent === {name:?});
         row.dispatchEvent(new MouseEvent('dblclick', {{ bubbles: true }})); return 1"
    ))
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_zip_lists_its_entries_and_opens_its_folders() {
    run(
        DESKTOP,
        |_| {},
        |ctx| async move {
            ctx.sign_in().await;
            ctx.view_mode("list").await;
            put_file(&ctx, "Bundle.zip", &sample_zip()).await;
            ctx.c.refresh().await.expect("reload");
            ctx.see("Bundle.zip").await;
            open_row(&ctx, "Bundle.zip").await;
            ctx.find("dialog.cr-viewer[open] [data-viewer=archive]")
                .await;
            wait_rows(&ctx, json!(["empty/", "src/", "readme.txt"])).await;
            ctx.click_button("src/").await;
            wait_rows(&ctx, json!(["lib/", "main.rs"])).await;
            ctx.click_button("lib/").await;
            wait_rows(&ctx, json!(["util.rs"])).await;
            ctx.shot("desktop-archive-viewer").await;
            ctx.click_button("Bundle.zip").await;
            wait_rows(&ctx, json!(["empty/", "src/", "readme.txt"])).await;
            // Esc closes the viewer and the listing is back.
            ctx.keys("\u{E00C}").await;
            ctx.wait_js(
                "return !!document.querySelector('dialog.cr-viewer')",
                json!(false),
            )
            .await;
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn versions_open_become_current_and_are_deleted() {
    run(DESKTOP, |_| {}, |ctx| async move {
        ctx.sign_in().await;
        ctx.view_mode("list").await;
        put_file(&ctx, "Draft.txt", b"first draft").await;
        put_file(&ctx, "Draft.txt", b"second draft, longer").await;
        ctx.c.refresh().await.expect("reload");
        ctx.see("Draft.txt").await;
        select(&ctx, &["Draft.txt"]).await;
        ctx.click_button("Versions").await;
        let versions = "return Array.from(document.querySelectorAll('dialog[open] .cr-version')).map(v => v.dataset.current)";
        ctx.wait_js(versions, json!(["true", "false"])).await;
        ctx.shot("desktop-versions").await;
        // The older version becomes current: the server serves its bytes.
        ctx.click("dialog[open] .cr-version[data-current=false] button:nth-child(3)").await;
        ctx.wait_js(versions, json!(["false", "true"])).await;
        ctx.server_has("Draft.txt", b"first draft").await;
        // The newer one, no longer current, is deleted after a confirmation on its row.
        ctx.click("dialog[open] .cr-version[data-current=false] .cr-button--danger-quiet").await;
        ctx.click("dialog[open] .cr-version[data-current=false] .cr-button--danger").await;
        ctx.wait_js(versions, json!(["true"])).await;
        ctx.click("dialog[open] .cr-dialog__actions .cr-button").await;
        // The listing shows the current version's size.
        ctx.see("11 B").await;
    })
    .await;
}

/// Lets the browser save downloads into `dir`.
pub async fn downloads_into(ctx: &Ctx, dir: &Path) {
    ctx.cdp(
        "Browser.setDownloadBehavior",
        json!({ "behavior": "allow", "downloadPath": dir.display().to_string(), "eventsEnabled": true }),
    )
    .await;
}

/// Waits for a finished download called `name` in `dir`.
pub async fn downloaded(dir: &Path, name: &str) -> Vec<u8> {
    let start = Instant::now();
    loop {
        let path = dir.join(name);
        let partial = std::fs::read_dir(dir)
            .map(|d| {
                d.flatten()
                    .any(|e| e.file_name().to_string_lossy().ends_with(".crdownload"))
            })
            .unwrap_or(false);
        if path.is_file() && !partial {
            return std::fs::read(path).expect("read download");
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "{name} was never downloaded"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_file_downloads_directly_and_several_as_one_zip() {
    run(
        DESKTOP,
        |_| {},
        |ctx| async move {
            archive_permission(&ctx, true);
            ctx.sign_in().await;
            ctx.view_mode("list").await;
            let dir = tempfile::tempdir().expect("download dir");
            downloads_into(&ctx, dir.path()).await;
            select(&ctx, &["Welcome.md"]).await;
            ctx.click_button("Download").await;
            let welcome = downloaded(dir.path(), "Welcome.md").await;
            assert_eq!(Some(welcome), ctx.server_file("Welcome.md"));
            select(&ctx, &["Documents", "Numbers.csv"]).await;
            ctx.click_button("Download").await;
            let zip = downloaded(dir.path(), "archive.zip").await;
            let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("a valid zip");
            let mut names: Vec<String> = archive.file_names().map(str::to_string).collect();
            names.sort();
            let files: Vec<&String> = names.iter().filter(|n| !n.ends_with('/')).collect();
            assert_eq!(
                files,
                [
                    "Documents/Archive/2024 report.txt",
                    "Documents/Meeting notes.txt",
                    "Documents/Project plan.md",
                    "Numbers.csv"
                ],
                "{names:?}"
            );
            for name in files {
                let mut content = Vec::new();
                std::io::Read::read_to_end(
                    &mut archive.by_name(name).expect("entry"),
                    &mut content,
                )
                .expect("read");
                assert_eq!(Some(content), ctx.server_file(name), "{name}");
            }
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_with_switches_the_app_and_is_remembered_per_extension() {
    let office =
        refserver::viewers::WopiViewer::parse("Office|md|http://127.0.0.1:9/hosting?thm=darkmode")
            .expect("viewer spec");
    let office_id = office.id.clone();
    run(DESKTOP, move |c| c.wopi_viewers.push(office), move |ctx| async move {
        ctx.sign_in().await;
        ctx.view_mode("list").await;
        // The server's first viewer for .md is the markdown viewer.
        open_row(&ctx, "Welcome.md").await;
        ctx.find("dialog.cr-viewer[open] .cr-viewer__with select").await;
        let chosen = "return document.querySelector('dialog.cr-viewer[open] .cr-viewer__with select').value";
        ctx.wait_js(chosen, json!("markdown")).await;
        let options = ctx
            .js("return Array.from(document.querySelectorAll('dialog.cr-viewer[open] .cr-viewer__with option')).map(o => o.textContent)")
            .await;
        assert_eq!(options, json!(["Markdown editor", "Office"]));
        // Choosing Office switches the app at once…
        ctx.find("dialog.cr-viewer[open] .cr-viewer__with select")
            .await
            .select_by_value(&office_id)
            .await
            .expect("select");
        ctx.wait_js("return !!document.querySelector('dialog.cr-viewer[open] iframe[name=office_frame]') || !!document.querySelector('dialog.cr-viewer[open] .cr-viewer__error')", json!(true)).await;
        ctx.keys("\u{E00C}").await;
        ctx.wait_js("return !!document.querySelector('dialog.cr-viewer')", json!(false)).await;
        // …and .md files open with it from now on, after a reload too.
        ctx.c.refresh().await.expect("reload");
        ctx.see("Welcome.md").await;
        open_row(&ctx, "Welcome.md").await;
        ctx.find("dialog.cr-viewer[open] .cr-viewer__with select").await;
        ctx.wait_js(chosen, json!(office_id)).await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_document_opens_in_a_wopi_client_that_gets_its_token_by_form_post() {
    let office = FakeWopi::start().await;
    let viewer = WopiViewer::parse(&format!("Fake Office|docx|{}", office.action)).expect("viewer");
    run(
        DESKTOP,
        move |c| c.wopi_viewers.push(viewer),
        |ctx| async move {
            ctx.sign_in().await;
            ctx.view_mode("list").await;
            put_file(&ctx, "Quarterly report.docx", b"PK not really a docx").await;
            ctx.c.refresh().await.expect("reload");
            ctx.see("Quarterly report.docx").await;
            open_row(&ctx, "Quarterly report.docx").await;
            let frame = ctx
                .find("dialog.cr-viewer[open] iframe[name=office_frame]")
                .await;
            frame.enter_frame().await.expect("into the WOPI frame");
            // The fake client shows what CheckFileInfo, called with the posted token, answered.
            let shown = ctx.find("h1#document").await.text().await.expect("text");
            ctx.c.enter_parent_frame().await.expect("back to the app");
            assert_eq!(shown, "Quarterly report.docx");
            ctx.shot("desktop-wopi").await;

            let received = office.received();
            let posts: Vec<_> = received.iter().filter(|r| r.method == "POST").collect();
            assert_eq!(posts.len(), 1, "{received:?}");
            let token = posts[0]
                .form_token
                .as_deref()
                .expect("access_token in the form");
            assert!(
                token.len() > 128 && token.contains('.'),
                "a viewer session token: {token}"
            );
            assert!(
                posts[0].target.contains("WOPISrc=http") && posts[0].target.contains("ui=en-us"),
                "{}",
                posts[0].target
            );
            for r in &received {
                assert!(
                    !r.target.contains("access_token") && !r.target.contains(token),
                    "token in a URL: {}",
                    r.target
                );
            }
            let page = ctx
                .c
                .current_url()
                .await
                .map(|u| u.to_string())
                .unwrap_or_default();
            assert!(!page.contains(token), "token in the app's URL: {page}");
        },
    )
    .await;
}
