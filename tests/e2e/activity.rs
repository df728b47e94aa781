//! The activity feed end to end: operations done through the UI appear in a file's details, newer
//! entries arrive with "show newer", and a feed of 5,000 entries scrolls to its end with few rows
//! in the DOM; the filters change what is listed.

use std::time::Duration;

use serde_json::json;

use crate::downloads::select;
use crate::harness::{run, DESKTOP, PHONE};
use crate::viewers_files::{downloaded, downloads_into};

/// The sentences of the rendered feed rows, top to bottom.
const SENTENCES: &str = "return Array.from(document.querySelectorAll('.cr-activity__sentence')).map(p => p.textContent.trim())";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn activity_what_is_done_in_the_explorer_shows_in_the_details() {
    run(DESKTOP, |_| {}, |ctx| async move {
        refserver::seed::add_file(&ctx.state, 1, "Plans/draft.txt", b"plan A").expect("file");
        refserver::seed::add_file(&ctx.state, 1, "Quiet.txt", b"q").expect("file");
        ctx.sign_in().await;
        ctx.open("/home?path=cloudreve%3A%2F%2Fmy%2FPlans").await;
        ctx.view_mode("list").await;
        select(&ctx, &["draft.txt"]).await;
        ctx.click_button("Rename").await;
        ctx.fill("dialog[open] input[name=item-name]", "final.txt").await;
        ctx.click("dialog[open] button[type=submit]").await;
        ctx.see("final.txt").await;
        select(&ctx, &["final.txt"]).await;
        ctx.click_button("Details").await;
        ctx.find(".cr-info .cr-activity").await;
        ctx.wait_js(SENTENCES, json!(["You renamed draft.txt to final.txt"])).await;
        let when = ctx.js("const t = document.querySelector('.cr-activity__time'); return [t.textContent, !!t.getAttribute('title')]").await;
        assert_eq!(when, json!(["just now", true]), "relative time, exact on hover");
        // A download happens after the panel opened: it waits behind "show newer".
        let dir = tempfile::tempdir().expect("download dir");
        downloads_into(&ctx, dir.path()).await;
        ctx.click_button("Download").await;
        assert_eq!(downloaded(dir.path(), "final.txt").await, b"plan A");
        ctx.click("button[data-action=check-newer]").await;
        ctx.click("button[data-action=show-newer]").await;
        ctx.wait_js(SENTENCES, json!(["You downloaded final.txt", "You renamed draft.txt to final.txt"])).await;
        ctx.shot("desktop-activity-panel").await;
        // The folder's own feed holds what happened inside it, on its own page (from the item's
        // menu), in Chinese too.
        ctx.open("/home").await;
        ctx.view_mode("list").await;
        // A feed that opened empty finds its first entry too.
        select(&ctx, &["Quiet.txt"]).await;
        ctx.click_button("Details").await;
        ctx.see("Nothing has happened here yet.").await;
        ctx.click_button("Download").await;
        assert_eq!(downloaded(dir.path(), "Quiet.txt").await, b"q");
        ctx.click("button[data-action=check-newer]").await;
        ctx.click("button[data-action=show-newer]").await;
        ctx.wait_js(SENTENCES, json!(["You downloaded Quiet.txt"])).await;
        ctx.click(".cr-info__head button").await;
        let plans = "Array.from(document.querySelectorAll('[data-cr-item]')).find(r => r.querySelector('.cr-files__label')?.textContent === 'Plans')";
        ctx.js(&format!("const r = {plans}; const b = r.getBoundingClientRect(); r.dispatchEvent(new MouseEvent('contextmenu', {{bubbles: true, cancelable: true, clientX: b.left + 20, clientY: b.top + 10}})); return 1")).await;
        ctx.click_menu("Activity").await;
        ctx.see("Activity of Plans").await;
        ctx.url_contains("/activity?path=").await;
        // The list view chosen in Plans at the start is the folder's own event (category 56).
        ctx.wait_js(SENTENCES, json!(["You downloaded final.txt", "You renamed draft.txt to final.txt", "You changed how Plans is shown"])).await;
        ctx.js("localStorage.setItem('cr_locale', 'zh-CN'); location.reload(); return 1").await;
        ctx.wait_js(SENTENCES, json!(["你 下载了 final.txt", "你 将 draft.txt 重命名为 final.txt", "你 修改了 Plans 的视图"])).await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn activity_five_thousand_entries_scroll_to_the_end_with_few_rows_and_filter() {
    run(DESKTOP, |_| {}, |ctx| async move {
        refserver::seed::add_file(&ctx.state, 1, "Log.txt", b"log").expect("file");
        refserver::seed::add_activities(&ctx.state, 1, "Log.txt", 5_000).expect("history");
        ctx.sign_in().await;
        ctx.open("/activity?path=cloudreve%3A%2F%2Fmy%2FLog.txt").await;
        ctx.find(".cr-activity").await;
        // Newest first: the last seeded entry (number 4,999, a download) is on top.
        let top = ctx.js("return document.querySelector('.cr-activity__sentence').textContent.trim()").await;
        assert_eq!(top, json!("You downloaded Log.txt"));
        // Reading in the middle: newer entries go above without moving the rows being read.
        let top_row = "const v = document.querySelector('.cr-activity-feed__viewport'); const vt = v.getBoundingClientRect().top; const r = Array.from(document.querySelectorAll('.cr-activity')).find(r => r.getBoundingClientRect().top >= vt - 1); return r ? r.dataset.activity : null";
        ctx.js("const v = document.querySelector('.cr-activity-feed__viewport'); v.scrollTop = 30 * 64; v.dispatchEvent(new Event('scroll')); return 1").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let reading = ctx.js(top_row).await;
        assert!(reading.is_string(), "{reading}");
        refserver::seed::add_activities(&ctx.state, 1, "Log.txt", 2).expect("newer entries");
        ctx.click("button[data-action=check-newer]").await;
        ctx.wait_js("return document.querySelector('button[data-action=show-newer]')?.textContent", json!("Show 2 newer")).await;
        ctx.click("button[data-action=show-newer]").await;
        ctx.wait_js("return document.querySelector('button[data-action=show-newer]') === null", json!(true)).await;
        assert_eq!(ctx.js(top_row).await, reading, "the row being read stays at the top");
        let rows = "return document.querySelectorAll('.cr-activity').length";
        let start = std::time::Instant::now();
        let mut most = 0;
        loop {
            ctx.js("const v = document.querySelector('.cr-activity-feed__viewport'); v.scrollTop = v.scrollHeight; v.dispatchEvent(new Event('scroll')); return 1").await;
            most = most.max(ctx.js(rows).await.as_u64().unwrap_or(0));
            if ctx.body_text().await.contains("That is everything.") {
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(90), "never reached the oldest entry");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        // The last page is in; one more scroll to its end shows the oldest entry last.
        let last = "const v = document.querySelector('.cr-activity-feed__viewport'); v.scrollTop = v.scrollHeight; v.dispatchEvent(new Event('scroll')); const s = document.querySelectorAll('.cr-activity__sentence'); return s[s.length - 1].textContent.trim()";
        ctx.wait_js(last, json!("You renamed draft-0 to draft-1")).await;
        let loaded = ctx.js("const v = document.querySelector('.cr-activity-feed__viewport'); return Math.round(v.scrollHeight / 64)").await;
        assert!(loaded.as_i64().is_some_and(|n| n >= 5_002), "all 5,002 entries are in the list's height: {loaded}");
        assert!((1..=60).contains(&most), "rows in the DOM stayed bounded: {most}");
        ctx.shot("desktop-activity-page-end").await;
        // Filters: only downloads, then only changes.
        let categories = "return Array.from(new Set(Array.from(document.querySelectorAll('.cr-activity')).map(r => r.dataset.category))).sort()";
        ctx.js("const s = document.querySelector('select[name=activity-filter]'); s.value = 'reads'; s.dispatchEvent(new Event('change', { bubbles: true })); return 1").await;
        ctx.wait_js(categories, json!(["11"])).await;
        ctx.js("const s = document.querySelector('select[name=activity-filter]'); s.value = 'updates'; s.dispatchEvent(new Event('change', { bubbles: true })); return 1").await;
        ctx.wait_js(categories, json!(["23", "8"])).await;
        // Oldest first starts at the beginning.
        ctx.js("const s = document.querySelector('select[name=activity-order]'); s.value = 'asc'; s.dispatchEvent(new Event('change', { bubbles: true })); return 1").await;
        ctx.wait_js("return document.querySelector('.cr-activity__sentence')?.textContent.trim()", json!("You renamed draft-0 to draft-1")).await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn activity_page_fits_a_phone() {
    run(PHONE, |_| {}, |ctx| async move {
        refserver::seed::add_file(&ctx.state, 1, "A very long file name for a small screen.txt", b"x").expect("file");
        refserver::seed::add_activities(&ctx.state, 1, "A very long file name for a small screen.txt", 40).expect("history");
        ctx.sign_in().await;
        ctx.open("/activity?path=cloudreve%3A%2F%2Fmy%2FA%20very%20long%20file%20name%20for%20a%20small%20screen.txt").await;
        ctx.find(".cr-activity").await;
        let fits = "return document.documentElement.scrollWidth <= window.innerWidth";
        ctx.wait_js(fits, json!(true)).await;
        let rows = ctx.js("return document.querySelectorAll('.cr-activity').length").await;
        assert!(rows.as_u64().is_some_and(|n| (1..40).contains(&n)), "only the rows on screen: {rows}");
        ctx.shot("phone-activity-page").await;
    })
    .await;
}
