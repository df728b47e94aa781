//! Downloads: one file through a signed URL, several items as the server's zip, and a folder tree
//! streamed into a local folder when the server does not zip.
//!
//! The tree scenarios answer the browser's folder picker with the origin's private file system
//! (OPFS): WebDriver cannot click a native picker, and OPFS hands out the same
//! `FileSystemDirectoryHandle` a picked folder gives, so every write is real.

use std::time::{Duration, Instant};

use cloudreve_api::boolset::group::ARCHIVE_DOWNLOAD;
use serde_json::json;

use crate::harness::{run, Ctx, DESKTOP};
use crate::upload_support::{bytes, sha};

/// Turns the demo group's archive permission on or off (before signing in: the page reads the
/// group from the sign-in answer).
pub fn archive_permission(ctx: &Ctx, on: bool) {
    let group: i64 = ctx.state.db.with(|c| {
        c.query_row("SELECT group_id FROM users WHERE id = 1", [], |r| r.get(0))
            .expect("group")
    });
    group_archive_permission(ctx, group, on);
}

/// Turns `archive_download` on or off for group row `group` (e.g. the anonymous group).
pub fn group_archive_permission(ctx: &Ctx, group: i64, on: bool) {
    ctx.state
        .db
        .with(|c| refserver::store::users::set_group_bit(c, group, ARCHIVE_DOWNLOAD, on))
        .expect("update group");
}

/// Writes `content` to the admin's file `path` through `PUT /file/content`.
pub async fn put_file(ctx: &Ctx, path: &str, content: &[u8]) {
    let uri = cloudreve_api::uri::encode_component(&format!("cloudreve://my/{path}"));
    let body: Vec<String> = content.iter().map(u8::to_string).collect();
    let script = format!(
        r#"const done = arguments[0];
        const s = JSON.parse(localStorage.getItem('cr_session'));
        fetch('/api/v4/file/content?uri={uri}', {{ method: 'PUT', headers: {{ 'Authorization': 'Bearer ' + s.token.access_token }},
              body: new Uint8Array([{}]) }}).then(r => r.json()).then(j => done(j.code)).catch(e => done(String(e)));"#,
        body.join(",")
    );
    assert_eq!(ctx.js_async(&script).await, json!(0), "PUT {path}");
}

/// Makes the folder picker answer with a fresh, empty OPFS root.
async fn stub_directory_picker(ctx: &Ctx) {
    let script = r#"const done = arguments[0];
        navigator.storage.getDirectory().then(async root => {
            for await (const name of root.keys()) await root.removeEntry(name, { recursive: true });
            window.showDirectoryPicker = async () => root;
            done(1);
        }).catch(e => done(String(e)));"#;
    assert_eq!(ctx.js_async(script).await, json!(1));
}

/// Every entry of the OPFS root: folders as `path/`, files as `path` → `[size, sha256]`.
async fn local_tree(ctx: &Ctx) -> serde_json::Value {
    let script = r#"const done = arguments[0];
        async function walk(dir, prefix, out) {
            for await (const [name, h] of dir.entries()) {
                const path = prefix + name;
                if (h.kind === 'directory') { out[path + '/'] = true; await walk(h, path + '/', out); }
                else {
                    const f = await h.getFile();
                    const d = await crypto.subtle.digest('SHA-256', await f.arrayBuffer());
                    out[path] = [f.size, Array.from(new Uint8Array(d)).map(b => b.toString(16).padStart(2, '0')).join('')];
                }
            }
            return out;
        }
        navigator.storage.getDirectory().then(r => walk(r, '', {})).then(done).catch(e => done(String(e)));"#;
    ctx.js_async(script).await
}

fn expect_file(tree: &serde_json::Value, local: &str, content: &[u8]) {
    assert_eq!(
        tree[local],
        json!([content.len(), sha(content)]),
        "{local} in {tree}"
    );
}

/// Waits until the download card says it is finished and returns its text.
async fn finished_card(ctx: &Ctx) -> String {
    let start = Instant::now();
    loop {
        let text = ctx
            .js("const s = document.querySelector('section.cr-downloads[data-finished=true]'); return s ? s.textContent : ''")
            .await;
        if let Some(t) = text.as_str().filter(|t| !t.is_empty()) {
            return t.to_string();
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the download never finished"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Selects the list rows named `names` (the first by click, the rest by Ctrl-click).
pub async fn select(ctx: &Ctx, names: &[&str]) {
    let list = serde_json::to_string(names).expect("json");
    ctx.js(&format!(
        "const names = {list};
         names.forEach((n, i) => {{
             const row = Array.from(document.querySelectorAll('[data-cr-item]')).find(r => r.querySelector('.cr-files__label')?.textContent === n);
             row.dispatchEvent(new MouseEvent('click', {{ bubbles: true, ctrlKey: i > 0 }}));
         }});
         return 1"
    ))
    .await;
    ctx.see(&format!("{} selected", names.len())).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_folder_tree_streams_into_a_local_folder_when_the_server_does_not_zip() {
    run(
        DESKTOP,
        |_| {},
        |ctx| async move {
            archive_permission(&ctx, false);
            ctx.sign_in().await;
            ctx.view_mode("list").await;
            let answer = ctx
                .api(
                    "POST",
                    "/file/create",
                    json!({ "uri": "cloudreve://my/Documents/Empty", "type": "folder" }),
                )
                .await;
            assert_eq!(answer["code"], 0, "{answer}");
            let big = bytes(300_000, 7);
            put_file(&ctx, "Documents/Archive/big.bin", &big).await;
            stub_directory_picker(&ctx).await;
            select(&ctx, &["Documents", "Numbers.csv"]).await;
            ctx.click_button("Download").await;
            let card = finished_card(&ctx).await;
            assert!(
                card.contains("Download finished") && card.contains("5 of 5 files"),
                "{card}"
            );
            ctx.shot("desktop-tree-download-done").await;
            let tree = local_tree(&ctx).await;
            for (local, server) in [
                ("Numbers.csv", "Numbers.csv"),
                ("Documents/Project plan.md", "Documents/Project plan.md"),
                ("Documents/Meeting notes.txt", "Documents/Meeting notes.txt"),
                (
                    "Documents/Archive/2024 report.txt",
                    "Documents/Archive/2024 report.txt",
                ),
            ] {
                let content = ctx.server_file(server).expect("server file");
                expect_file(&tree, local, &content);
            }
            expect_file(&tree, "Documents/Archive/big.bin", &big);
            assert_eq!(
                tree["Documents/Empty/"],
                json!(true),
                "empty folders are made too: {tree}"
            );
            let entries = tree.as_object().map(|o| o.len()).unwrap_or(0);
            assert_eq!(entries, 8, "nothing else was written: {tree}");
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelling_a_tree_download_removes_the_partial_file() {
    run(DESKTOP, |_| {}, |ctx| async move {
        archive_permission(&ctx, false);
        ctx.sign_in().await;
        ctx.view_mode("list").await;
        let answer = ctx.api("POST", "/file/create", json!({ "uri": "cloudreve://my/Big", "type": "folder" })).await;
        assert_eq!(answer["code"], 0, "{answer}");
        put_file(&ctx, "Big/large.bin", &bytes(4 * 1024 * 1024, 3)).await;
        ctx.c.refresh().await.expect("reload");
        ctx.see("Big").await;
        stub_directory_picker(&ctx).await;
        ctx.cdp("Network.enable", json!({})).await;
        ctx.cdp(
            "Network.emulateNetworkConditions",
            json!({ "offline": false, "latency": 0, "downloadThroughput": 256 * 1024, "uploadThroughput": -1 }),
        )
        .await;
        select(&ctx, &["Big"]).await;
        ctx.click_button("Download").await;
        // Wait until bytes are being written, then cancel.
        ctx.wait_js(
            "const c = document.querySelector('.cr-downloads__current'); return !!c && c.textContent === 'Big/large.bin' && !document.querySelector('.cr-downloads__line').textContent.startsWith('0 of 1 files · 0 B')",
            json!(true),
        )
        .await;
        ctx.shot("desktop-tree-download-running").await;
        ctx.click_button("Cancel").await;
        let card = finished_card(&ctx).await;
        assert!(card.contains("Download cancelled"), "{card}");
        let tree = local_tree(&ctx).await;
        assert_eq!(tree, json!({ "Big/": true }), "the partial file is gone");
    })
    .await;
}
