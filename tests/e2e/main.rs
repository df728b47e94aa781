//! End-to-end tests: the release build in headless Chromium against the reference server.

#![cfg(not(target_arch = "wasm32"))]

mod activity;
mod downloads;
mod embed_host;
mod explorer;
mod fake_wopi;
mod harness;
mod media_fixtures;
mod shares;
mod upload_s3;
mod upload_support;
mod uploads;
mod viewers_files;
mod viewers_media;
mod viewers_text;

use std::time::Duration;

use harness::{run, ADMIN_EMAIL, ADMIN_PASSWORD, DESKTOP, PHONE};
use refserver::auth::totp;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_shows_the_seeded_files_and_storage() {
    run(
        DESKTOP,
        |_| {},
        |ctx| async move {
            ctx.open("/home").await;
            ctx.url_contains("/session?redirect=").await;
            ctx.sign_in_with(ADMIN_EMAIL, ADMIN_PASSWORD).await;
            ctx.see("Welcome.md").await;
            for name in ["Documents", "Pictures", "Numbers.csv"] {
                ctx.see(name).await;
            }
            ctx.url_contains("/home").await;
            let bar = ctx.find("[role=progressbar]").await;
            let label = bar
                .attr("aria-valuetext")
                .await
                .expect("attr")
                .unwrap_or_default();
            assert!(
                label.contains("of 1 TB used"),
                "storage usage label: {label}"
            );
            // Cloudreve's default view is the grid.
            let tiles = ctx
                .js("return document.querySelectorAll('.cr-tile[data-cr-item]').length")
                .await;
            assert_eq!(tiles, 4);
            let first = ctx
                .js("return document.querySelector('.cr-tile .cr-files__label').textContent")
                .await;
            assert_eq!(first, "Documents", "folders come first");
            ctx.shot("desktop-files").await;
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn folders_open_by_click_by_deep_link_and_by_breadcrumb() {
    run(
        DESKTOP,
        |_| {},
        |ctx| async move {
            ctx.sign_in().await;
            ctx.view_mode("list").await;
            ctx.click_link("Documents").await;
            ctx.see("Project plan.md").await;
            ctx.url_contains("path=cloudreve%3A%2F%2Fmy%2FDocuments")
                .await;
            ctx.open("/home?path=cloudreve%3A%2F%2Fmy%2FDocuments%2FArchive")
                .await;
            ctx.see("2024 report.txt").await;
            let crumbs = ctx.find("nav.cr-crumbs").await.text().await.expect("text");
            assert!(
                crumbs.contains("My files")
                    && crumbs.contains("Documents")
                    && crumbs.contains("Archive"),
                "{crumbs}"
            );
            ctx.click("nav.cr-crumbs a[href*='Documents']").await;
            ctx.see("Meeting notes.txt").await;
            ctx.open("/home?path=cloudreve%3A%2F%2Fmy%2Fnope").await;
            ctx.see("This folder does not exist.").await;
            ctx.see("Request ID:").await;
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_signed_out_deep_link_returns_there_after_sign_in() {
    run(
        DESKTOP,
        |_| {},
        |ctx| async move {
            ctx.open("/home?path=cloudreve%3A%2F%2Fmy%2FPictures").await;
            ctx.url_contains("redirect=").await;
            ctx.sign_in_with(ADMIN_EMAIL, ADMIN_PASSWORD).await;
            ctx.see("Sunset.png").await;
            ctx.url_contains("path=cloudreve%3A%2F%2Fmy%2FPictures")
                .await;
            let crumbs = ctx.find("nav.cr-crumbs").await.text().await.expect("text");
            assert!(crumbs.ends_with("Pictures"), "{crumbs}");
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reload_keeps_the_session_and_sign_out_ends_it() {
    run(DESKTOP, |_| {}, |ctx| async move {
        ctx.sign_in().await;
        ctx.c.refresh().await.expect("reload");
        ctx.see("Welcome.md").await;
        let refresh_token = ctx.js("return JSON.parse(localStorage.getItem('cr_session')).token.refresh_token").await;
        let refresh_token = refresh_token.as_str().expect("stored refresh token").to_string();
        ctx.click_button("Sign out").await;
        ctx.find("input[name=email]").await;
        assert_eq!(ctx.js("return localStorage.getItem('cr_session')").await, serde_json::Value::Null);
        ctx.open("/home").await;
        ctx.url_contains("/session").await;
        // The server revoked the login too: its refresh token no longer works.
        let body = format!("{{\"refresh_token\":\"{refresh_token}\"}}");
        let script = format!("return fetch('/api/v4/session/token/refresh', {{method:'POST', headers:{{'content-type':'application/json'}}, body:{body:?}}}).then(r => r.json()).then(j => j.code)");
        assert_eq!(ctx.js(&script).await, 40020);
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_password_shows_the_error_and_keeps_the_form() {
    run(
        DESKTOP,
        |_| {},
        |ctx| async move {
            ctx.open("/session").await;
            ctx.sign_in_with(ADMIN_EMAIL, "not-the-password").await;
            ctx.see("Incorrect email or password.").await;
            ctx.find("input[name=password]").await;
            ctx.fill("input[name=password]", ADMIN_PASSWORD).await;
            ctx.click("button[type=submit]").await;
            ctx.see("Welcome.md").await;
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn switching_to_chinese_translates_and_persists() {
    run(
        DESKTOP,
        |_| {},
        |ctx| async move {
            ctx.sign_in().await;
            ctx.find("select[data-testid=language]")
                .await
                .select_by_value("zh-CN")
                .await
                .expect("select");
            ctx.see("我的文件").await;
            ctx.see("退出登录").await;
            assert_eq!(
                ctx.js("return document.documentElement.lang").await,
                "zh-CN"
            );
            ctx.c.refresh().await.expect("reload");
            ctx.see("回收站").await;
            ctx.shot("desktop-zh").await;
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_factor_sign_in() {
    run(
        DESKTOP,
        |_| {},
        |ctx| async move {
            let secret = totp::encode_base32(b"e2e-two-factor-key!!");
            refserver::seed::add_user(
                &ctx.state,
                "carol@example.org",
                "carol-password",
                Some(&secret),
            )
            .expect("user");
            ctx.open("/session").await;
            ctx.sign_in_with("carol@example.org", "carol-password")
                .await;
            ctx.see("Two-step verification").await;
            ctx.fill("input[name=otp]", "000000").await;
            ctx.click("button[type=submit]").await;
            ctx.see("The one-time code is not correct.").await;
            let code = totp::code_at(&secret, refserver::state::now_secs() as u64).expect("code");
            ctx.fill("input[name=otp]", &code).await;
            ctx.click("button[type=submit]").await;
            ctx.see("This folder is empty.").await;
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn short_lived_tokens_are_refreshed_before_they_expire() {
    run(
        DESKTOP,
        |c| c.access_ttl = Duration::from_secs(4),
        |ctx| async move {
            ctx.sign_in().await;
            let token = "return JSON.parse(localStorage.getItem('cr_session')).token.access_token";
            let before = ctx.js(token).await;
            // Past half the token's life the app refreshes first; the listing must still load.
            tokio::time::sleep(Duration::from_millis(2500)).await;
            ctx.click_link("Documents").await;
            ctx.see("Project plan.md").await;
            assert_ne!(
                ctx.js(token).await,
                before,
                "the access token was refreshed"
            );
            tokio::time::sleep(Duration::from_millis(4500)).await;
            ctx.click_link("My files").await;
            ctx.see("Welcome.md").await;
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_folder_appears_in_the_list() {
    run(
        DESKTOP,
        |_| {},
        |ctx| async move {
            ctx.sign_in().await;
            ctx.view_mode("list").await;
            ctx.click_button("New folder").await;
            // A legal but awkward name: URI-significant characters, an apostrophe and an emoji.
            let name = "Tom & Jerry's #1 100% 🎉";
            ctx.fill("dialog[open] input[name=item-name]", name).await;
            ctx.click("dialog[open] button[type=submit]").await;
            ctx.see(name).await;
            ctx.click_link(name).await;
            ctx.see("This folder is empty.").await;
            let crumbs = ctx.find("nav.cr-crumbs").await.text().await.expect("text");
            assert!(crumbs.ends_with(name), "{crumbs}");
            ctx.click_link("My files").await;
            ctx.click_button("New folder").await;
            // Refused while typing, as the server would refuse it.
            ctx.fill("dialog[open] input[name=item-name]", "a:b").await;
            ctx.see("Names cannot contain").await;
            ctx.click("dialog[open] button[type=submit]").await;
            ctx.find("dialog[open]").await;
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_phone_gets_a_navigation_drawer() {
    run(
        PHONE,
        |_| {},
        |ctx| async move {
            ctx.sign_in().await;
            ctx.view_mode("list").await;
            let hidden =
                "return document.querySelector('#cr-sidebar').getBoundingClientRect().right <= 0";
            assert_eq!(ctx.js(hidden).await, true, "the drawer starts closed");
            assert_eq!(ctx.js("return window.innerWidth").await, 390);
            let overflow = ctx
                .js("return document.documentElement.scrollWidth > window.innerWidth")
                .await;
            assert_eq!(overflow, false, "nothing is wider than the phone");
            ctx.shot("phone-files").await;
            ctx.click("button[aria-controls=cr-sidebar]").await;
            tokio::time::sleep(Duration::from_millis(400)).await;
            assert_eq!(ctx.js(hidden).await, false, "the menu button opens it");
            ctx.shot("phone-drawer").await;
            ctx.click_link("Trash").await;
            ctx.url_contains("path=cloudreve%3A%2F%2Ftrash").await;
            ctx.see("This folder is empty.").await;
            tokio::time::sleep(Duration::from_millis(400)).await;
            assert_eq!(ctx.js(hidden).await, true, "choosing a place closes it");
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_with_a_captcha() {
    run(
        DESKTOP,
        |c| c.login_captcha = true,
        |ctx| async move {
            ctx.open("/session").await;
            ctx.fill("input[name=email]", ADMIN_EMAIL).await;
            ctx.click("button[type=submit]").await;
            ctx.fill("input[name=password]", ADMIN_PASSWORD).await;
            let image = ctx.find("img.cr-captcha__image").await;
            let src = image.attr("src").await.expect("attr").unwrap_or_default();
            assert!(
                src.starts_with("data:image/png;base64,"),
                "the challenge is shown as an image"
            );
            ctx.fill("input[name=captcha]", "wrong").await;
            ctx.click("button[type=submit]").await;
            ctx.see("The verification code is not correct.").await;
            // A failed attempt consumes the challenge; the page fetches a new one.
            let answer = loop {
                let answers = ctx.state.captchas.live_answers();
                if answers.len() == 1 {
                    break answers[0].clone();
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            };
            ctx.fill("input[name=captcha]", &answer).await;
            ctx.click("button[type=submit]").await;
            ctx.see("Welcome.md").await;
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_the_server_rejects_goes_to_sign_in_and_back() {
    run(DESKTOP, |_| {}, |ctx| async move {
        ctx.sign_in().await;
        ctx.click_link("Pictures").await;
        ctx.see("Sea.png").await;
        // The server stops accepting the stored tokens (as after a password change elsewhere): the next
        // request is answered 401, the session is dropped, and sign-in brings the user back here.
        ctx.js("const s = JSON.parse(localStorage.getItem('cr_session')); s.token.access_token = 'revoked'; s.token.refresh_token = 'revoked'; localStorage.setItem('cr_session', JSON.stringify(s)); return 1").await;
        ctx.c.refresh().await.expect("reload");
        ctx.url_contains("/session?redirect=").await;
        assert_eq!(ctx.js("return localStorage.getItem('cr_session')").await, serde_json::Value::Null);
        ctx.sign_in_with(ADMIN_EMAIL, ADMIN_PASSWORD).await;
        ctx.see("Sea.png").await;
        ctx.url_contains("Pictures").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dark_theme_applies_and_persists() {
    run(
        DESKTOP,
        |_| {},
        |ctx| async move {
            ctx.sign_in().await;
            ctx.find("select[data-testid=theme]")
                .await
                .select_by_value("dark")
                .await
                .expect("select");
            let theme = "return document.documentElement.dataset.theme";
            let background = "return getComputedStyle(document.body).backgroundColor";
            let start = std::time::Instant::now();
            while ctx.js(theme).await != "dark" {
                assert!(
                    start.elapsed() < Duration::from_secs(5),
                    "data-theme never became dark"
                );
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            assert_eq!(ctx.js(background).await, "rgb(18, 20, 23)");
            ctx.c.refresh().await.expect("reload");
            ctx.see("Welcome.md").await;
            assert_eq!(ctx.js(theme).await, "dark", "the choice survives a reload");
            ctx.shot("desktop-dark").await;
            ctx.find("select[data-testid=theme]")
                .await
                .select_by_value("light")
                .await
                .expect("select");
            tokio::time::sleep(Duration::from_millis(200)).await;
            assert_eq!(ctx.js(background).await, "rgb(246, 248, 251)");
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_ten_thousand_item_folder_keeps_the_dom_small_to_the_end() {
    run(DESKTOP, |_| {}, |ctx| async move {
        refserver::seed::add_big_folder(&ctx.state, 1, "Huge", 10_000).expect("seed");
        ctx.sign_in().await;
        ctx.view_mode("list").await;
        ctx.open("/home?path=cloudreve%3A%2F%2Fmy%2FHuge").await;
        ctx.see("item-00000.txt").await;
        let rows = "return document.querySelectorAll('.cr-files__row').length";
        let first = ctx.js(rows).await.as_u64().unwrap_or(0);
        assert!(first > 5 && first < 80, "first screen renders a bounded number of rows: {first}");
        let mut most = first;
        let start = std::time::Instant::now();
        // Scroll to the end again and again; pages load as the end comes near.
        loop {
            ctx.js("const v = document.querySelector('.cr-files-viewport'); v.scrollTop = v.scrollHeight; return 1").await;
            tokio::time::sleep(Duration::from_millis(150)).await;
            most = most.max(ctx.js(rows).await.as_u64().unwrap_or(0));
            if ctx.body_text().await.contains("item-09999.txt") {
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(60), "never reached the end; page shows {}", ctx.body_text().await.chars().take(300).collect::<String>());
        }
        ctx.see("10000 items").await;
        assert!(most < 80, "rendered rows stayed bounded while scrolling 10,000 items: {most}");
        let label = ctx.js("const r = document.querySelectorAll('.cr-files__row'); return r[r.length - 1].getAttribute('aria-rowindex')").await;
        assert_eq!(label, "10001", "rows keep their position for assistive technology");
        ctx.shot("desktop-huge-folder-end").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn column_headers_sort_and_the_order_lives_in_the_url() {
    run(DESKTOP, |_| {}, |ctx| async move {
        ctx.sign_in().await;
        ctx.view_mode("list").await;
        let labels = "return Array.from(document.querySelectorAll('.cr-files__row .cr-files__label')).map(e => e.textContent)";
        assert_eq!(ctx.js(labels).await, serde_json::json!(["Documents", "Pictures", "Numbers.csv", "Welcome.md"]));
        ctx.click_button("Size").await;
        ctx.url_contains("order_by=size").await;
        ctx.click_button("Size ↑").await;
        ctx.url_contains("order_by=size&order_direction=desc").await;
        let start = std::time::Instant::now();
        while ctx.js(labels).await[2] != "Welcome.md" {
            assert!(start.elapsed() < Duration::from_secs(10), "files never sorted by size, largest first: {}", ctx.js(labels).await);
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let aria = ctx.js("return document.querySelector('.cr-files__size[role=columnheader]').getAttribute('aria-sort')").await;
        assert_eq!(aria, "descending");
        ctx.c.refresh().await.expect("reload");
        ctx.see("Welcome.md").await;
        assert_eq!(ctx.js(labels).await[2], "Welcome.md", "the order survives a reload");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_keyboard_moves_opens_and_goes_back() {
    use fantoccini::key::Key;
    run(DESKTOP, |_| {}, |ctx| async move {
        ctx.sign_in().await;
        ctx.view_mode("list").await;
        ctx.js("document.querySelector('.cr-files-viewport').focus(); return 1").await;
        let press = |key: Key| {
            let c = ctx.c.clone();
            async move { c.active_element().await.expect("focus").send_keys(&key.to_string()).await.expect("key") }
        };
        press(Key::Down).await;
        press(Key::Down).await;
        let focused = "return document.activeElement.getAttribute('aria-rowindex') + ' ' + document.activeElement.textContent";
        // Focus moves to the row element on the next animation frame.
        let focus_on = |wanted: &'static str| {
            let ctx = ctx.clone();
            async move {
                let start = std::time::Instant::now();
                loop {
                    let now = ctx.js(focused).await.as_str().unwrap_or_default().to_string();
                    // Only a row counts: the list viewport (focused before the row is) contains every name.
                    if !now.starts_with("null") && now.contains(wanted) {
                        return now;
                    }
                    assert!(start.elapsed() < Duration::from_secs(5), "focus never reached {wanted}: {now}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            }
        };
        let now = focus_on("Pictures").await;
        assert!(now.starts_with("3 "), "the second row has focus: {now}");
        press(Key::Enter).await;
        ctx.see("Sunset.png").await;
        ctx.url_contains("path=cloudreve%3A%2F%2Fmy%2FPictures").await;
        ctx.js("document.querySelector('.cr-files-viewport').focus(); return 1").await;
        press(Key::End).await;
        focus_on("Sunset.png").await;
        press(Key::Backspace).await;
        ctx.see("Welcome.md").await;
        let url = ctx.c.current_url().await.map(|u| u.to_string()).unwrap_or_default();
        assert!(url.ends_with("path=cloudreve%3A%2F%2Fmy"), "Backspace goes to the parent: {url}");
    })
    .await;
}
