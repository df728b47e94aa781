//! Shares end to end: the owner creates a password share in the explorer; an anonymous visitor
//! opens it, is told a wrong password, previews and downloads a file; expired and single-file
//! shares; the embeddable viewer inside another site's iframe.

use std::time::Duration;

use refserver::store::shares::Settings;
use serde_json::json;

use crate::downloads::select;
use crate::embed_host;
use crate::harness::{run, Ctx, DESKTOP, PHONE};
use crate::viewers_files::{downloaded, downloads_into};

/// The status line and headers (lower-cased names) of `GET path`, read off the socket.
async fn response_head(base: &str, path: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = base.trim_start_matches("http://");
    let mut s = tokio::net::TcpStream::connect(addr).await.expect("connect");
    let req = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    s.write_all(req.as_bytes()).await.expect("send");
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).await.expect("read");
    let text = String::from_utf8_lossy(&raw).to_string();
    let head = text.split("\r\n\r\n").next().unwrap_or_default();
    head.lines()
        .map(|l| match l.split_once(':') {
            Some((k, v)) => format!("{}:{}\r\n", k.to_ascii_lowercase(), v),
            None => format!("{l}\r\n"),
        })
        .collect()
}

/// The link shown in the share dialog.
async fn shown_link(ctx: &Ctx) -> String {
    ctx.find("input[name=share-link]").await;
    ctx.js("return document.querySelector('input[name=share-link]').value")
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shares_a_password_share_is_made_in_the_explorer_and_opened_by_an_anonymous_visitor() {
    run(DESKTOP, |_| {}, |ctx| async move {
        let notes = b"Packing list: sun cream, hat.\n";
        refserver::seed::add_file(&ctx.state, 1, "Holiday/notes.txt", notes).expect("file");
        ctx.sign_in().await;
        ctx.view_mode("list").await;
        select(&ctx, &["Holiday"]).await;
        ctx.click_button("Share").await;
        ctx.click("input[name=share-protection][value=custom]").await;
        // Refused before any request: a space is no letter or digit.
        ctx.fill("input[name=share-password]", "not ok").await;
        ctx.click_button("Create link").await;
        ctx.see("Use only letters and digits.").await;
        ctx.js("const i = document.querySelector('input[name=share-password]'); i.value = ''; i.dispatchEvent(new Event('input', { bubbles: true })); return 1").await;
        ctx.fill("input[name=share-password]", "Secret42").await;
        ctx.js("const s = document.querySelector('select[name=share-expiry]'); s.value = '7d'; s.dispatchEvent(new Event('change', { bubbles: true })); return 1").await;
        ctx.click_button("Create link").await;
        let link = shown_link(&ctx).await;
        assert!(link.starts_with(&format!("{}/s/", ctx.base)) && link.ends_with("/Secret42"), "{link}");
        // The QR code beside it is drawn (its content is checked by a decoder in the unit tests).
        let qr = ctx.js("const p = document.querySelector('svg[data-qr] path'); return !!p && p.getAttribute('d').length > 100").await;
        assert_eq!(qr, json!(true), "a QR code of the link");
        ctx.shot("desktop-share-dialog").await;
        // Without the password in it, the link is bare and the password is shown beside it.
        ctx.click("input[name=password-in-link]").await;
        let bare = link.trim_end_matches("/Secret42").to_string();
        ctx.wait_js("return document.querySelector('input[name=share-link]').value", json!(bare)).await;
        ctx.wait_js("const c = document.querySelector('[data-share-password]'); return c && c.textContent", json!("Secret42")).await;
        // The server has it as asked: a password, an expiry about a week away.
        let mine = ctx.api("GET", "/share?page_size=10", json!(null)).await;
        let share = &mine["data"]["shares"][0];
        assert_eq!((share["name"].as_str(), share["is_private"].as_bool(), share["password"].as_str()), (Some("Holiday"), Some(true), Some("Secret42")), "{mine}");
        assert!(share["expires"].is_string(), "{mine}");
        ctx.click_button("Done").await;

        // Someone else's browser: a new session with an empty profile.
        let visitor = ctx.fresh_browser(DESKTOP).await;
        let path = bare.trim_start_matches(&ctx.base).to_string();
        visitor.open(&path).await;
        visitor.see("This share is protected by a password.").await;
        visitor.see("Sign in").await;
        let signed_out = visitor.js("return localStorage.getItem('cr_session')").await;
        assert_eq!(signed_out, json!(null), "the visitor has no session");
        visitor.fill("input[name=share-password]", "wrong1").await;
        visitor.click_button("Open").await;
        visitor.see("Wrong password. Try again.").await;
        visitor.shot("desktop-share-password").await;
        visitor.fill("input[name=share-password]", "Secret42").await;
        visitor.click_button("Open").await;
        visitor.see("notes.txt").await;
        visitor.see("Shared by Admin").await;
        visitor.shot("desktop-share-visitor").await;
        // Nothing a visitor may not do is offered.
        let text = visitor.body_text().await;
        for absent in ["Upload", "New folder", "Delete"] {
            assert!(!text.contains(absent), "{absent} is offered to a visitor: {text}");
        }
        // Preview in the text viewer, then download the file.
        visitor.click("[data-view=list]").await;
        visitor.find(".cr-files__label").await;
        select(&visitor, &["notes.txt"]).await;
        visitor.click_button("Open").await;
        visitor.see("Packing list: sun cream, hat.").await;
        visitor.click("button[data-action=close-viewer]").await;
        let dir = tempfile::tempdir().expect("download dir");
        downloads_into(&visitor, dir.path()).await;
        select(&visitor, &["notes.txt"]).await;
        visitor.click_button("Download").await;
        assert_eq!(downloaded(dir.path(), "notes.txt").await, notes);
        // The view was counted once for this visit.
        let views = ctx.state.db.with(|c| c.query_row("SELECT visited FROM shares", [], |r| r.get::<_, i64>(0))).expect("views");
        assert!(views >= 1, "views: {views}");
        // The owner's own browser is still signed in: the visit happened elsewhere.
        let owner = ctx.js("return !!localStorage.getItem('cr_session')").await;
        assert_eq!(owner, json!(true));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shares_expired_and_single_file_shares_on_a_phone() {
    run(
        PHONE,
        |_| {},
        |ctx| async move {
            refserver::seed::add_file(&ctx.state, 1, "Report.txt", b"quarterly numbers")
                .expect("file");
            let single =
                refserver::seed::add_share(&ctx.state, 1, "Report.txt", "", &Settings::default())
                    .expect("share");
            let gone = refserver::seed::add_share(
                &ctx.state,
                1,
                "Documents",
                "",
                &Settings {
                    expires_at: Some(1_000),
                    ..Default::default()
                },
            )
            .expect("share");
            ctx.open(&format!("/s/{gone}")).await;
            ctx.see("This share does not exist or has expired.").await;
            ctx.shot("phone-share-expired").await;
            ctx.open(&format!("/s/{single}")).await;
            ctx.see("Report.txt").await;
            ctx.see("Shared by Admin").await;
            // One file is a card with its size, not a listing of one.
            ctx.find("[data-single-file]").await;
            ctx.see("17 B").await;
            let listing = ctx.js("return [!!document.querySelector('[data-cr-item]'), !!document.querySelector('button[data-action=download-share]')]").await;
            assert_eq!(listing, json!([false, false]), "no rows, one Download");
            ctx.click("button[data-action=preview-single]").await;
            ctx.see("quarterly numbers").await;
            ctx.click("button[data-action=close-viewer]").await;
            let fits = "return document.documentElement.scrollWidth <= window.innerWidth";
            ctx.wait_js(fits, json!(true)).await;
            ctx.shot("phone-share-single-file").await;
            let dir = tempfile::tempdir().expect("download dir");
            downloads_into(&ctx, dir.path()).await;
            ctx.click("button[data-action=download-single]").await;
            assert_eq!(
                downloaded(dir.path(), "Report.txt").await,
                b"quarterly numbers"
            );
            // The owner's name leads to their profile: public shares that still open.
            ctx.click("a[data-share-owner]").await;
            ctx.see("Public shares").await;
            ctx.see("Report.txt").await;
            let listed = ctx.js("return Array.from(document.querySelectorAll('.cr-profile .cr-share-row__name')).map(a => a.textContent)").await;
            assert_eq!(listed, json!(["Report.txt"]), "the expired share is not listed");
            ctx.shot("phone-profile").await;
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shares_the_embedded_viewer_lives_in_another_sites_iframe() {
    run(DESKTOP, |_| {}, |ctx| async move {
        for i in 0..3 {
            refserver::seed::add_file(&ctx.state, 1, &format!("Album/photo-{i}.txt"), b"x").expect("file");
        }
        refserver::seed::add_file(&ctx.state, 1, "Album/README.md", b"# Hello album\n\n<script>window.__pwned = 1</script>").expect("file");
        let readme = Settings {
            show_readme: true,
            ..Default::default()
        };
        let id = refserver::seed::add_share(&ctx.state, 1, "Album", "", &readme).expect("share");
        let host = embed_host::start(&format!("{}/embed/s/{id}?theme=dark", ctx.base)).await;
        assert_ne!(host.trim_end_matches('/'), ctx.base, "another origin");
        ctx.c.goto(&host).await.expect("host page");
        // The viewer tells its host how tall it is, and the host sizes the frame to it.
        let heights = "return (window.__messages || []).filter(m => m.data && m.data.type === 'cloudreve-embed:height').map(m => [m.origin, Object.keys(m.data).sort().join(',')])";
        let start = std::time::Instant::now();
        loop {
            let got = ctx.js(heights).await;
            if got.as_array().is_some_and(|a| !a.is_empty()) {
                let first = &got[0];
                assert_eq!(first[0], json!(ctx.base), "posted by the viewer's origin");
                assert_eq!(first[1], json!("height,type"), "only the height is sent");
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(20), "no height message");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        ctx.c.enter_frame(0).await.expect("enter the iframe");
        ctx.see("photo-2.txt").await;
        // The whole listing at its natural height: header, toolbar, four rows, the README.
        let natural = "const e = document.querySelector('.cr-embed'); const rows = document.querySelectorAll('[data-cr-item]').length; const r = document.querySelector('[data-share-readme] h1'); return rows === 4 && r ? e.offsetHeight : 0";
        let start = std::time::Instant::now();
        let height = loop {
            let h = ctx.js(natural).await.as_i64().unwrap_or(0);
            if h > 200 {
                break h;
            }
            assert!(start.elapsed() < Duration::from_secs(20), "the listing never settled");
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        let framed = ctx
            .js("return [document.documentElement.dataset.theme, !!document.querySelector('.cr-sidebar'), !!document.querySelector('.cr-topbar'), !!document.querySelector('.cr-share-header')]")
            .await;
        assert_eq!(framed, json!(["dark", false, false, true]), "dark, without the app's chrome");
        // The README the share asks for, rendered safely below the listing.
        let readme = ctx.js("return [document.querySelector('[data-share-readme] h1').textContent, window.__pwned === undefined]").await;
        assert_eq!(readme, json!(["Hello album", true]));
        ctx.c.enter_parent_frame().await.expect("back to the host");
        // The host sized its frame to exactly the viewer's content: no inner scrollbar.
        let sized = "return document.getElementById('share').style.height";
        ctx.wait_js(sized, json!(format!("{height}px"))).await;
        ctx.shot("desktop-share-embedded").await;
        // The server lets only the embed route be framed.
        let embed = response_head(&ctx.base, &format!("/embed/s/{id}")).await;
        assert!(embed.contains("content-security-policy: frame-ancestors *\r\n"), "{embed}");
        assert!(!embed.contains("x-frame-options"), "{embed}");
        let home = response_head(&ctx.base, "/home").await;
        assert!(home.contains("x-frame-options: DENY\r\n") && home.contains("frame-ancestors 'none'"), "{home}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shares_my_shares_loads_pages_as_it_scrolls_and_deletes_a_link() {
    run(DESKTOP, |_| {}, |ctx| async move {
        for i in 0..120 {
            let path = format!("Many/f{i:03}.txt");
            refserver::seed::add_file(&ctx.state, 1, &path, b"x").expect("file");
            refserver::seed::add_share(&ctx.state, 1, &path, "", &Settings::default()).expect("share");
        }
        refserver::seed::add_file(&ctx.state, 1, "Old.txt", b"old").expect("file");
        let old = refserver::seed::add_share(&ctx.state, 1, "Old.txt", "", &Settings { expires_at: Some(1_000), ..Default::default() }).expect("share");
        ctx.sign_in().await;
        ctx.open("/shares").await;
        ctx.see("f119.txt").await;
        // An expired link is edited back to life: no expiry any more.
        let row = format!("[data-share-id={old:?}]");
        ctx.wait_js(&format!("return document.querySelector('{row} .cr-share-row__state')?.textContent"), json!("Expired")).await;
        ctx.click(&format!("{row} button.cr-button--quiet")).await;
        ctx.find("dialog[open] select[name=share-expiry]").await;
        // A custom date: one in the past is refused before any request, then two days ahead.
        ctx.js("const s = document.querySelector('select[name=share-expiry]'); s.value = 'custom'; s.dispatchEvent(new Event('change', { bubbles: true })); return 1").await;
        let set_date = |days: i64| format!("const d = new Date(Date.now() + {days} * 86400000); const p = n => String(n).padStart(2, '0'); const i = document.querySelector('input[name=share-expiry-date]'); i.value = `${{d.getFullYear()}}-${{p(d.getMonth() + 1)}}-${{p(d.getDate())}}T${{p(d.getHours())}}:${{p(d.getMinutes())}}`; i.dispatchEvent(new Event('input', {{ bubbles: true }})); return 1");
        ctx.js(&set_date(-1)).await;
        ctx.click_button("Save").await;
        ctx.see("Pick a moment at least a minute from now.").await;
        ctx.shot("desktop-edit-share").await;
        ctx.js(&set_date(2)).await;
        ctx.click_button("Save").await;
        ctx.wait_js(&format!("return (document.querySelector('{row} .cr-share-row__state')?.textContent || '').startsWith('Expires')"), json!(true)).await;
        let info = ctx.api("GET", &format!("/share/info/{old}"), json!(null)).await;
        assert_eq!((info["code"].as_i64(), info["data"]["expired"].as_bool()), (Some(0), Some(false)), "{info}");
        // The server's expiry is the picked minute, two days from now.
        let expires = ctx.state.db.with(|c| c.query_row("SELECT expires_at FROM shares WHERE expires_at > 1000", [], |r| r.get::<_, i64>(0))).expect("expiry") / 1000;
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect("clock").as_secs() as i64;
        assert!((expires - now - 2 * 86_400).abs() <= 120, "expires {expires}, now {now}");
        let rows = "return document.querySelectorAll('.cr-share-row').length";
        let first = ctx.js(rows).await.as_u64().unwrap_or(0);
        assert!((1..=40).contains(&first), "only the rows on screen: {first}");
        // Scrolling to the end loads every page; the rendered rows stay few.
        let start = std::time::Instant::now();
        loop {
            ctx.js("const v = document.querySelector('.cr-shares__viewport'); v.scrollTop = v.scrollHeight; v.dispatchEvent(new Event('scroll')); return 1").await;
            if ctx.body_text().await.contains("f000.txt") {
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(30), "never reached the oldest link");
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
        ctx.see("121 items").await;
        let last = ctx.js(rows).await.as_u64().unwrap_or(0);
        assert!(last <= 40, "still only the rows on screen: {last}");
        ctx.shot("desktop-my-shares").await;
        // Delete the oldest link, confirmed on its row.
        ctx.click("xpath://div[contains(@class,'cr-share-row')][.//a[normalize-space(.)='f000.txt']]//button[normalize-space(.)='Delete']").await;
        ctx.click_button("Delete this link").await;
        ctx.see("120 items").await;
        let left = ctx.state.db.with(|c| c.query_row("SELECT COUNT(*) FROM shares", [], |r| r.get::<_, i64>(0))).expect("count");
        assert_eq!(left, 120);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shares_a_signed_in_visitor_saves_a_share_and_opens_it_from_shared_with_me() {
    run(DESKTOP, |_| {}, |ctx| async move {
        refserver::seed::add_file(&ctx.state, 1, "Holiday/notes.txt", b"hat").expect("file");
        let id = refserver::seed::add_share(&ctx.state, 1, "Holiday", "pw7", &Settings::default()).expect("share");
        refserver::seed::add_user(&ctx.state, "friend@example.com", "friend-pass-1", None).expect("user");
        ctx.open("/session").await;
        ctx.sign_in_with("friend@example.com", "friend-pass-1").await;
        ctx.see("My files").await;
        ctx.open(&format!("/s/{id}/pw7")).await;
        ctx.see("notes.txt").await;
        ctx.click("button[data-action=save-share]").await;
        ctx.see("Saved. It is in Shared with me.").await;
        ctx.click_link("Shared with me").await;
        let item = "[data-cr-item][title=\"Holiday\"]";
        ctx.find(item).await;
        ctx.js(&format!("document.querySelector({item:?}).dispatchEvent(new MouseEvent('dblclick', {{ bubbles: true }})); return 1")).await;
        ctx.url_contains("%40share").await;
        ctx.see("notes.txt").await;
        ctx.see("Shared by Admin").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shares_direct_links_are_made_for_files_and_fetch_the_bytes() {
    run(DESKTOP, |_| {}, |ctx| async move {
        refserver::seed::add_file(&ctx.state, 1, "Links/one.txt", b"first file").expect("file");
        refserver::seed::add_file(&ctx.state, 1, "Links/two.txt", b"second file").expect("file");
        ctx.sign_in().await;
        ctx.open("/home?path=cloudreve%3A%2F%2Fmy%2FLinks").await;
        ctx.view_mode("list").await;
        select(&ctx, &["one.txt", "two.txt"]).await;
        ctx.click_button("Direct links").await;
        let links = "return Array.from(document.querySelectorAll('dialog[open] input[name=direct-link]')).map(i => i.value)";
        let made = "return document.querySelectorAll('dialog[open] input[name=direct-link]').length";
        ctx.wait_js(made, json!(2)).await;
        let got = ctx.js(links).await;
        let got: Vec<String> = serde_json::from_value(got).expect("links");
        assert!(got.iter().all(|l| l.starts_with(&format!("{}/f/", ctx.base))), "{got:?}");
        ctx.shot("desktop-direct-links").await;
        // Following a link gives the file's bytes, with no session needed.
        for (link, want) in got.iter().zip(["first file", "second file"]) {
            let body = ctx
                .js_async(&format!("fetch({link:?}, {{ credentials: 'omit' }}).then(r => r.text()).then(arguments[0], e => arguments[0]('failed: ' + e))"))
                .await;
            assert_eq!(body, json!(want));
        }
        // The file's details list its link; deleting it there makes the link answer 404 (asked
        // past the browser's cache: the redirect is cacheable, as in Cloudreve).
        ctx.click_button("Done").await;
        select(&ctx, &["one.txt"]).await;
        ctx.click_button("Details").await;
        ctx.find(".cr-info [data-link-kind=direct]").await;
        ctx.shot("desktop-info-links").await;
        let link = ctx.js("return document.querySelector('.cr-info [data-link-kind=direct] input').value").await;
        let link = link.as_str().unwrap_or_default().to_string();
        assert!(got.contains(&link), "{link} is one of {got:?}");
        ctx.click(".cr-info [data-link-kind=direct] [data-action=delete-link]").await;
        ctx.wait_js("return document.querySelectorAll('.cr-info [data-link-kind]').length", json!(0)).await;
        let gone = ctx
            .js_async(&format!("fetch({:?}, {{ redirect: 'manual', cache: 'no-store' }}).then(r => arguments[0](r.status), e => arguments[0]('failed: ' + e))", link))
            .await;
        assert_eq!(gone, json!(404), "the deleted link is gone");
    })
    .await;
}

/// A friend's public share of `Trip`: `day0.txt`..`day2.txt` ("day N") and `Photos/beach.txt`
/// ("sand"). Returns the share's id.
fn friends_trip_share(ctx: &Ctx) -> String {
    let friend = refserver::seed::add_user(&ctx.state, "friend@example.com", "friend-pass-1", None)
        .expect("user");
    for i in 0..3 {
        refserver::seed::add_file(
            &ctx.state,
            friend,
            &format!("Trip/day{i}.txt"),
            format!("day {i}").as_bytes(),
        )
        .expect("file");
    }
    refserver::seed::add_file(&ctx.state, friend, "Trip/Photos/beach.txt", b"sand").expect("file");
    refserver::seed::add_share(&ctx.state, friend, "Trip", "", &Settings::default()).expect("share")
}

/// The whole `Trip` share arrived as one zip in `dir`, every file with its content.
async fn trip_zip_arrived(dir: &std::path::Path) {
    let zip = downloaded(dir, "archive.zip").await;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("a valid zip");
    let mut names: Vec<String> = archive
        .file_names()
        .filter(|n| !n.ends_with('/'))
        .map(str::to_string)
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "Trip/Photos/beach.txt",
            "Trip/day0.txt",
            "Trip/day1.txt",
            "Trip/day2.txt"
        ]
    );
    let mut beach = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("Trip/Photos/beach.txt").expect("entry"),
        &mut beach,
    )
    .expect("read");
    assert_eq!(beach, "sand");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shares_a_visitor_whose_group_may_zip_downloads_the_whole_share_as_one_zip() {
    run(
        DESKTOP,
        |_| {},
        |ctx| async move {
            let id = friends_trip_share(&ctx);
            crate::downloads::archive_permission(&ctx, true);
            ctx.sign_in().await;
            ctx.open(&format!("/s/{id}")).await;
            ctx.see("day2.txt").await;
            let dir = tempfile::tempdir().expect("download dir");
            downloads_into(&ctx, dir.path()).await;
            ctx.click("button[data-action=download-share]").await;
            trip_zip_arrived(dir.path()).await;
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shares_an_anonymous_visitor_gets_one_zip_when_the_anonymous_group_may() {
    run(
        DESKTOP,
        |_| {},
        |ctx| async move {
            let id = friends_trip_share(&ctx);
            // A browser that cannot save folders (Firefox, Safari): without the anonymous group's
            // permission the visitor is told why; with it, the server's zip arrives.
            let no_folder_picker =
                "delete window.showDirectoryPicker; return typeof window.showDirectoryPicker";
            ctx.open(&format!("/s/{id}")).await;
            ctx.see("day2.txt").await;
            assert_eq!(ctx.js(no_folder_picker).await, json!("undefined"));
            ctx.click("button[data-action=download-share]").await;
            ctx.see("This browser cannot save folders, and the server does not zip them for you")
                .await;
            crate::downloads::group_archive_permission(
                &ctx,
                refserver::store::users::ANONYMOUS_GROUP,
                true,
            );
            let dir = tempfile::tempdir().expect("download dir");
            downloads_into(&ctx, dir.path()).await;
            ctx.click("button[data-action=download-share]").await;
            trip_zip_arrived(dir.path()).await;
            assert_eq!(
                ctx.js("return localStorage.getItem('cr_session')").await,
                json!(null),
                "the visitor never signed in"
            );
        },
    )
    .await;
}
