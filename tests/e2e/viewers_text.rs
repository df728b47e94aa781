//! The text and markdown viewers through the real app: highlighting, editing and saving, the stale
//! version dialog (overwrite, save as), markdown that tries to run script, a 10,000-line file and
//! the editor on a phone.

use std::time::{Duration, Instant};

use fantoccini::key::Key;
use serde_json::json;

use crate::harness::{run, Ctx, DESKTOP, PHONE};

/// Puts `content` at `path` in the admin's files before the app looks.
fn seed(ctx: &Ctx, path: &str, content: &str) {
    refserver::seed::add_file(&ctx.state, 1, path, content.as_bytes()).expect("seed file");
}

/// Opens `name` from the current folder (select it, then Enter) and waits for its viewer.
async fn open_file(ctx: &Ctx, name: &str) {
    ctx.see(name).await;
    ctx.click(&format!(
        "xpath://*[@data-cr-item][.//*[normalize-space(.)={name:?}]]"
    ))
    .await;
    ctx.keys(&Key::Enter.to_string()).await;
    ctx.find(&format!("dialog.cr-viewer[open][data-viewer-for={name:?}]"))
        .await;
}

/// Switches the open viewer to its editor and puts the caret at the end of the text.
async fn edit(ctx: &Ctx) {
    ctx.click("[data-action=toggle-edit]").await;
    ctx.find("textarea.cr-editor__area").await;
    ctx.js("const t = document.querySelector('textarea.cr-editor__area'); t.focus(); t.setSelectionRange(t.value.length, t.value.length); return 1").await;
}

/// The editor's text.
async fn editor_text(ctx: &Ctx) -> String {
    ctx.js("return document.querySelector('textarea.cr-editor__area').value")
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Replaces the file at `name` (in My files) from outside the editor, as another client would.
async fn change_on_server(ctx: &Ctx, name: &str, content: &str) {
    let uri = format!("cloudreve://my/{name}");
    let script = format!(
        "const done = arguments[0];
         const s = JSON.parse(localStorage.getItem('cr_session'));
         fetch('/api/v4/file/content?uri=' + encodeURIComponent({uri:?}), {{ method: 'PUT',
             headers: {{ 'Authorization': 'Bearer ' + s.token.access_token }}, body: {content:?} }})
           .then(r => r.json()).then(j => done(j.code)).catch(e => done(String(e)));"
    );
    assert_eq!(ctx.js_async(&script).await, json!(0), "PUT /file/content");
    ctx.server_has(name, content.as_bytes()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rust_file_is_highlighted_and_an_edit_is_saved() {
    run(DESKTOP, |_| {}, |ctx| async move {
        let source = "/// Adds.\nfn add(a: u32, b: u32) -> u32 {\n    a + b // sum\n}\n";
        seed(&ctx, "main.rs", source);
        ctx.sign_in().await;
        open_file(&ctx, "main.rs").await;
        let keywords = "return [...document.querySelectorAll('.cr-code .cr-tok--kw')].map(e => e.textContent).join(',')";
        ctx.wait_js(keywords, json!("fn")).await;
        let comments = ctx.js("return [...document.querySelectorAll('.cr-code .cr-tok--com')].map(e => e.textContent)").await;
        assert_eq!(comments, json!(["/// Adds.", "// sum"]));
        assert_eq!(ctx.js("return document.querySelectorAll('.cr-code__line').length").await, 5);
        ctx.shot("viewer-code-desktop").await;

        edit(&ctx).await;
        ctx.keys("// more\n").await;
        ctx.keys(&format!("{}s", Key::Control)).await;
        ctx.server_has("main.rs", format!("{source}// more\n").as_bytes()).await;
        ctx.see("Saved").await;
        // The next save starts from the new version: no stale-version dialog.
        ctx.keys("\tx").await;
        ctx.click("[data-action=save]").await;
        ctx.server_has("main.rs", format!("{source}// more\n    x").as_bytes()).await;
        assert_eq!(ctx.js("return document.querySelectorAll('dialog[open]').length").await, 1);
        ctx.shot("viewer-code-editor-desktop").await;

        // Dark mode, back in the highlighted view.
        ctx.click("[data-action=toggle-edit]").await;
        ctx.js("document.documentElement.dataset.theme = 'dark'; return 1").await;
        ctx.find(".cr-code .cr-tok--kw").await;
        ctx.shot("viewer-code-dark").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stale_version_asks_and_overwrite_or_save_as_keep_the_editors_text() {
    run(DESKTOP, |_| {}, |ctx| async move {
        seed(&ctx, "notes.txt", "first\n");
        seed(&ctx, "other.txt", "keep me\n");
        ctx.sign_in().await;
        open_file(&ctx, "notes.txt").await;
        edit(&ctx).await;
        ctx.keys("mine").await;
        change_on_server(&ctx, "notes.txt", "theirs\n").await;
        ctx.click("[data-action=save]").await;
        ctx.find("dialog[open] [data-action=overwrite]").await;
        ctx.see("The file changed on the server").await;
        ctx.shot("viewer-stale-dialog").await;
        ctx.click("dialog[open] [data-action=overwrite]").await;
        ctx.server_has("notes.txt", b"first\nmine").await;
        ctx.see("Saved").await;

        // Again, and this time keep both: the editor's text goes to a new file.
        ctx.js("document.querySelector('textarea.cr-editor__area').focus(); return 1").await;
        ctx.keys(" again").await;
        change_on_server(&ctx, "notes.txt", "theirs again\n").await;
        ctx.click("[data-action=save]").await;
        // Save as never overwrites another file.
        ctx.click("dialog[open] [data-action=save-as]").await;
        ctx.fill("dialog[open] input[name=item-name]", "other.txt").await;
        ctx.click("dialog[open] button[type=submit]").await;
        ctx.see("An item with this name already exists.").await;
        assert_eq!(ctx.server_file("other.txt"), Some(b"keep me\n".to_vec()));
        ctx.click("[data-action=save]").await;
        ctx.click("dialog[open] [data-action=save-as]").await;
        ctx.fill("dialog[open] input[name=item-name]", "notes (mine).txt").await;
        ctx.click("dialog[open] button[type=submit]").await;
        ctx.server_has("notes (mine).txt", b"first\nmine again").await;
        ctx.server_has("notes.txt", b"theirs again\n").await;
        // The viewer now shows the new file.
        ctx.find("dialog.cr-viewer[open][data-viewer-for='notes (mine).txt']").await;

        // Other failures keep the text: here the network fails.
        edit(&ctx).await;
        ctx.keys("!").await;
        ctx.js("window.__fetch = window.fetch; window.fetch = (u, i) => String(u.url || u).includes('/file/content?') ? Promise.reject(new TypeError('offline')) : window.__fetch(u, i); return 1").await;
        ctx.click("[data-action=save]").await;
        ctx.see("Your text is kept.").await;
        assert_eq!(editor_text(&ctx).await, "first\nmine again!");
        ctx.js("window.fetch = window.__fetch; return 1").await;

        // Closing with unsaved changes asks first.
        ctx.click("[data-action=close-viewer]").await;
        ctx.find("dialog[open] [data-action=discard]").await;
        ctx.click_button("Keep editing").await;
        assert_eq!(editor_text(&ctx).await, "first\nmine again!");
        ctx.click("[data-action=close-viewer]").await;
        ctx.click("dialog[open] [data-action=discard]").await;
        ctx.wait_js("return document.querySelectorAll('dialog[open]').length", json!(0)).await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn markdown_with_script_and_javascript_links_runs_nothing() {
    run(DESKTOP, |_| {}, |ctx| async move {
        let md = "# Notes\n\n<script>window.__pwned=1</script>\n\n\
                  Hello <img src=x onerror=\"window.__pwned=3\"> world\n\n\
                  [plain](javascript:window.__pwned=2) [upper]( JAVASCRIPT:window.__pwned=2)\n\
                  [entity](&#106;avascript:window.__pwned=2) [tab](<jav\tascript:window.__pwned=2>)\n\
                  [safe](https://example.com/) ![pic](javascript:window.__pwned=4)\n";
        seed(&ctx, "evil.md", md);
        ctx.sign_in().await;
        open_file(&ctx, "evil.md").await;
        ctx.find(".cr-md h1").await;
        let shown = ctx.find(".cr-md").await.text().await.expect("text");
        assert!(shown.contains("<script>window.__pwned=1</script>"), "raw HTML is shown as text: {shown}");
        assert!(shown.contains("<img src=x onerror=\"window.__pwned=3\">"), "{shown}");
        assert_eq!(ctx.js("return document.querySelectorAll('.cr-md script, .cr-md img[onerror], .cr-md [src=x]').length").await, 0);
        let hrefs = ctx.js("return [...document.querySelectorAll('.cr-md a')].map(a => [a.textContent, a.getAttribute('href'), a.getAttribute('rel'), a.getAttribute('target')])").await;
        assert_eq!(
            hrefs,
            json!([
                ["plain", null, null, null],
                ["upper", null, null, null],
                ["entity", null, null, null],
                ["tab", null, null, null],
                ["safe", "https://example.com/", "noopener noreferrer", "_blank"]
            ])
        );
        assert_eq!(ctx.js("return document.querySelector('.cr-md img').getAttribute('src')").await, json!(null));
        for name in ["plain", "upper", "entity", "tab"] {
            ctx.click(&format!("xpath://div[contains(@class,'cr-md')]//a[normalize-space(.)={name:?}]")).await;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(ctx.js("return typeof window.__pwned").await, "undefined", "nothing ran");
        ctx.shot("viewer-markdown-desktop").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_ten_thousand_line_file_renders_a_bounded_number_of_lines() {
    run(DESKTOP, |_| {}, |ctx| async move {
        let text: String = (1..=10_000).map(|i| format!("let line_{i} = {i}; // row\n")).collect();
        seed(&ctx, "big.js", &text);
        ctx.sign_in().await;
        open_file(&ctx, "big.js").await;
        ctx.find(".cr-code .cr-tok--kw").await;
        let lines = "return document.querySelectorAll('.cr-code__line').length";
        let first = ctx.js(lines).await.as_u64().unwrap_or(0);
        assert!(first > 10 && first < 120, "first screen renders a bounded number of lines: {first}");
        let start = Instant::now();
        ctx.js("const v = document.querySelector('.cr-code'); v.scrollTop = v.scrollHeight; return 1").await;
        loop {
            let last = ctx.js("const n = document.querySelectorAll('.cr-code__num'); return n.length ? n[n.length - 1].textContent : ''").await;
            if last == "10001" {
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "the end never rendered: {last}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let at_end = ctx.js(lines).await.as_u64().unwrap_or(0);
        assert!(at_end < 120, "still bounded at the end: {at_end}");
        ctx.shot("viewer-code-10k-end").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_editor_fits_a_phone_without_page_scroll() {
    run(PHONE, |_| {}, |ctx| async move {
        let long = format!("{}\nshort\n", "word ".repeat(80));
        seed(&ctx, "wide.txt", &long);
        ctx.sign_in().await;
        open_file(&ctx, "wide.txt").await;
        ctx.find(".cr-code__line").await;
        let fits = "const d = document.querySelector('dialog.cr-viewer');
                    return document.documentElement.scrollWidth <= window.innerWidth && d.scrollWidth <= d.clientWidth";
        assert_eq!(ctx.js(fits).await, true, "the viewer is no wider than the phone");
        ctx.shot("viewer-code-phone").await;
        edit(&ctx).await;
        assert_eq!(ctx.js(fits).await, true, "the editor is no wider than the phone");
        ctx.shot("viewer-editor-phone").await;
    })
    .await;
}
