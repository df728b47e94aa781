//! End-to-end scenarios of the explorer: every view of a huge folder, selection across pages,
//! the keyboard model, the context menu, and each file operation through its dialog.

use std::time::Duration;

use serde_json::json;

use crate::harness::{run, DESKTOP};

/// Counts the rendered item elements.
const ITEMS: &str = "return document.querySelectorAll('[data-cr-item]').length";

/// The names of the rendered items, in order.
const NAMES: &str = "return Array.from(document.querySelectorAll('[data-cr-item] .cr-files__label')).map(e => e.textContent)";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_view_of_ten_thousand_items_keeps_the_dom_bounded_to_the_end() {
    run(DESKTOP, |_| {}, |ctx| async move {
        refserver::seed::add_big_folder(&ctx.state, 1, "Huge", 10_000).expect("seed");
        ctx.sign_in().await;
        for mode in ["grid", "gallery"] {
            ctx.open("/home").await;
            ctx.see("Documents").await;
            ctx.view_mode(mode).await;
            ctx.open("/home?path=cloudreve%3A%2F%2Fmy%2FHuge").await;
            // Gallery tiles show names only on hover, so look for the tiles' titles.
            ctx.wait_js("return !!document.querySelector('[data-cr-item][title=\"item-00000.txt\"]')", json!(true)).await;
            let first = ctx.js(ITEMS).await.as_u64().unwrap_or(0);
            assert!(first > 5 && first < 400, "{mode}: first screen renders a bounded number of tiles: {first}");
            let mut most = first;
            let start = std::time::Instant::now();
            loop {
                ctx.js("const v = document.querySelector('[data-cr-scroll]'); v.scrollTop = v.scrollHeight; return 1").await;
                tokio::time::sleep(Duration::from_millis(150)).await;
                most = most.max(ctx.js(ITEMS).await.as_u64().unwrap_or(0));
                let last = ctx.js("return !!document.querySelector('[data-cr-item][title=\"item-09999.txt\"]')").await;
                if last == json!(true) {
                    break;
                }
                assert!(start.elapsed() < Duration::from_secs(60), "{mode}: never reached the end");
            }
            ctx.see("10000 items").await;
            assert!(most < 400, "{mode}: rendered tiles stayed bounded while scrolling 10,000 items: {most}");
            ctx.shot(&format!("desktop-huge-{mode}-end")).await;
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn select_all_loads_every_page_then_selects_all_of_them() {
    run(
        DESKTOP,
        |_| {},
        |ctx| async move {
            // Pages hold 500 items, so 1,234 items need three pages.
            refserver::seed::add_big_folder(&ctx.state, 1, "Many", 1_234).expect("seed");
            ctx.sign_in().await;
            ctx.view_mode("list").await;
            ctx.open("/home?path=cloudreve%3A%2F%2Fmy%2FMany").await;
            ctx.see("500 items").await;
            ctx.js("document.querySelector('[data-cr-scroll]').focus(); return 1")
                .await;
            ctx.keys("\u{E009}a").await; // Ctrl+A
            ctx.see("1234 items · 1234 selected").await;
            // Escape clears, invert from the menu selects everything again.
            ctx.keys("\u{E00C}").await;
            ctx.see("1234 items").await;
            ctx.wait_js(
                "return document.querySelectorAll('[aria-selected=true]').length",
                json!(0),
            )
            .await;
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clicks_select_one_toggle_and_extend() {
    run(DESKTOP, |_| {}, |ctx| async move {
        ctx.sign_in().await;
        ctx.view_mode("list").await;
        let select = |i: usize, mods: &'static str| {
            format!(
                "const r = document.querySelectorAll('[data-cr-item]')[{i}]; r.dispatchEvent(new MouseEvent('click', {{bubbles: true, {mods}}})); return 1"
            )
        };
        let selected = "return Array.from(document.querySelectorAll('[data-cr-item][aria-selected=true] .cr-files__label')).map(e => e.textContent).join(',')";
        ctx.js(&select(2, "")).await;
        ctx.wait_js(selected, json!("Numbers.csv")).await;
        ctx.js(&select(0, "ctrlKey: true")).await;
        ctx.wait_js(selected, json!("Documents,Numbers.csv")).await;
        // Ctrl-click moved the anchor to Documents: Shift selects from there.
        ctx.js(&select(1, "shiftKey: true")).await;
        ctx.wait_js(selected, json!("Documents,Pictures")).await;
        ctx.js(&select(3, "shiftKey: true, ctrlKey: true")).await;
        ctx.wait_js(selected, json!("Documents,Pictures,Numbers.csv,Welcome.md")).await;
        ctx.see("4 items · 4 selected").await;
        // A click on the background clears; "Invert selection" from the folder's menu selects the rest.
        ctx.js("document.querySelector('[data-cr-scroll]').click(); return 1").await;
        ctx.wait_js(selected, json!("")).await;
        ctx.js(&select(1, "")).await;
        ctx.js("const v = document.querySelector('[data-cr-scroll]'); const b = v.getBoundingClientRect(); v.dispatchEvent(new MouseEvent('contextmenu', {bubbles: true, cancelable: true, clientX: b.right - 10, clientY: b.bottom - 10})); return 1").await;
        ctx.click_menu("Invert selection").await;
        ctx.wait_js(selected, json!("Documents,Numbers.csv,Welcome.md")).await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rename_delete_restore_and_empty_trash_through_the_ui() {
    run(DESKTOP, |_| {}, |ctx| async move {
        ctx.sign_in().await;
        ctx.view_mode("list").await;
        // F2 renames the focused item in place; an illegal name is refused while typing.
        ctx.js("document.querySelector('[data-cr-scroll]').focus(); return 1").await;
        ctx.keys("\u{E015}\u{E015}\u{E015}").await; // down ×3: Numbers.csv
        ctx.keys("\u{E032}").await; // F2
        ctx.find("input[name=inline-name]").await;
        ctx.keys("\u{E009}a").await; // Ctrl+A inside the field selects its text, not the files
        ctx.keys("bad:name").await;
        ctx.see("Names cannot contain").await;
        ctx.keys("\u{E003}\u{E003}\u{E003}\u{E003}\u{E003}\u{E003}\u{E003}\u{E003}Figures.csv\u{E007}").await;
        ctx.see("Renamed.").await;
        ctx.wait_js(NAMES, json!(["Documents", "Pictures", "Figures.csv", "Welcome.md"])).await;
        // The toolbar's Rename opens the dialog.
        ctx.click_button("Rename").await;
        ctx.find("dialog[open] input[name=item-name]").await;
        ctx.fill("dialog[open] input[name=item-name]", "Figures 2026.csv").await;
        ctx.click("dialog[open] button[type=submit]").await;
        ctx.see("Figures 2026.csv").await;
        // Delete key → confirm → into the trash.
        ctx.js("document.querySelector('[data-cr-item][aria-selected=true]').focus(); return 1").await;
        ctx.keys("\u{E017}").await; // Delete
        ctx.see("Move “Figures 2026.csv” to the trash?").await;
        ctx.click("dialog[open] .cr-button--danger").await;
        ctx.see("Moved 1 item to the trash.").await;
        ctx.wait_js(NAMES, json!(["Documents", "Pictures", "Welcome.md"])).await;
        // In the trash: the context menu offers restore and permanent delete, not rename.
        ctx.open("/home?path=cloudreve%3A%2F%2Ftrash").await;
        ctx.see("Figures 2026.csv").await;
        ctx.js("const r = document.querySelector('[data-cr-item]'); const b = r.getBoundingClientRect(); r.dispatchEvent(new MouseEvent('contextmenu', {bubbles: true, cancelable: true, clientX: b.left + 20, clientY: b.top + 10})); return 1").await;
        let menu = "return Array.from(document.querySelectorAll('[role=menuitem]')).map(e => e.textContent)";
        ctx.wait_js(menu, json!(["Restore", "Move to…", "Details", "Delete permanently"])).await;
        ctx.shot("desktop-trash-menu").await;
        ctx.click_menu("Restore").await;
        ctx.see("Restored 1 item.").await;
        ctx.open("/home").await;
        ctx.see("Figures 2026.csv").await;
        // Delete two items, then empty the trash.
        ctx.js("const r = document.querySelectorAll('[data-cr-item]'); r[2].click(); r[3].dispatchEvent(new MouseEvent('click', {bubbles: true, ctrlKey: true})); return 1").await;
        ctx.see("2 selected").await;
        ctx.click_button("Delete").await;
        ctx.see("Move 2 items to the trash?").await;
        ctx.click("dialog[open] .cr-button--danger").await;
        ctx.see("Moved 2 items to the trash.").await;
        ctx.open("/home?path=cloudreve%3A%2F%2Ftrash").await;
        ctx.see("Welcome.md").await;
        ctx.click_button("Empty trash").await;
        ctx.see("Permanently delete everything in the trash?").await;
        ctx.click("dialog[open] .cr-button--danger").await;
        ctx.see("Permanently deleted 2 items.").await;
        ctx.see("This folder is empty.").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn move_and_copy_with_the_folder_picker_and_per_item_failures() {
    run(DESKTOP, |_| {}, |ctx| async move {
        ctx.sign_in().await;
        ctx.view_mode("list").await;
        // Copy Welcome.md into Documents with the picker.
        ctx.js("document.querySelectorAll('[data-cr-item]')[3].click(); return 1").await;
        ctx.click_button("Copy to…").await;
        ctx.find("dialog[open] .cr-picker").await;
        ctx.click_button("Documents").await;
        ctx.see("My files / Documents").await;
        ctx.click_button("Copy here").await;
        ctx.see("Copied 1 item.").await;
        // Moving Welcome.md and Numbers.csv there too: Welcome.md now conflicts, Numbers.csv moves.
        ctx.js("const r = document.querySelectorAll('[data-cr-item]'); r[2].click(); r[3].dispatchEvent(new MouseEvent('click', {bubbles: true, shiftKey: true})); return 1").await;
        ctx.see("2 selected").await;
        ctx.click_button("Move to…").await;
        ctx.click_button("Documents").await;
        ctx.see("My files / Documents").await;
        ctx.click_button("Move here").await;
        ctx.see("1 item could not be processed").await;
        ctx.see("Welcome.md").await;
        ctx.shot("desktop-batch-failures").await;
        ctx.click("dialog[open] .cr-button--primary").await;
        ctx.wait_js(NAMES, json!(["Documents", "Pictures", "Welcome.md"])).await;
        ctx.open("/home?path=cloudreve%3A%2F%2Fmy%2FDocuments").await;
        ctx.see("Numbers.csv").await;
        ctx.see("Welcome.md").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dragging_items_onto_a_folder_or_a_breadcrumb_moves_them() {
    run(DESKTOP, |_| {}, |ctx| async move {
        ctx.sign_in().await;
        ctx.view_mode("list").await;
        // WebDriver cannot drive native HTML drag and drop, so the test dispatches the same
        // DragEvents a browser does, with a real DataTransfer.
        let drag = |from: usize, to_css: &str| {
            format!(
                "const items = document.querySelectorAll('[data-cr-item]'); const src = items[{from}]; const dst = document.querySelector({to_css:?});
                 const dt = new DataTransfer();
                 src.dispatchEvent(new DragEvent('dragstart', {{bubbles: true, dataTransfer: dt}}));
                 dst.dispatchEvent(new DragEvent('dragover', {{bubbles: true, cancelable: true, dataTransfer: dt}}));
                 dst.dispatchEvent(new DragEvent('drop', {{bubbles: true, cancelable: true, dataTransfer: dt}}));
                 return 1"
            )
        };
        // With Ctrl held the drop copies.
        ctx.js(&drag(2, "[data-cr-item]:nth-child(3)").replace("'drop', {", "'drop', {ctrlKey: true, ")).await; // Numbers.csv onto Pictures
        ctx.see("Copied 1 item.").await;
        ctx.wait_js(NAMES, json!(["Documents", "Pictures", "Numbers.csv", "Welcome.md"])).await;
        ctx.js(&drag(3, "[data-cr-item]:nth-child(3)")).await; // Welcome.md onto Pictures (after the spacer)
        ctx.see("Moved 1 item.").await;
        ctx.wait_js(NAMES, json!(["Documents", "Pictures", "Numbers.csv"])).await;
        ctx.open("/home?path=cloudreve%3A%2F%2Fmy%2FPictures").await;
        ctx.see("Welcome.md").await;
        // From inside Pictures, drag it back onto the "My files" breadcrumb.
        let idx = ctx.js("return Array.from(document.querySelectorAll('[data-cr-item] .cr-files__label')).findIndex(e => e.textContent === 'Welcome.md')").await;
        ctx.js(&drag(idx.as_u64().unwrap_or(0) as usize, ".cr-crumbs__item")).await;
        ctx.see("Moved 1 item.").await;
        ctx.open("/home").await;
        ctx.see("Welcome.md").await;
        // The sidebar tree loads a level when opened; its nodes take drops too.
        ctx.click("[aria-label='Expand All folders']").await;
        ctx.find("xpath://ul[@role='tree']//a[normalize-space(.)='Documents']").await;
        let idx = ctx.js("return Array.from(document.querySelectorAll('[data-cr-item] .cr-files__label')).findIndex(e => e.textContent === 'Welcome.md')").await;
        let target = "Array.from(document.querySelectorAll('.cr-tree__row')).find(r => r.textContent.includes('Documents'))";
        ctx.js(&drag(idx.as_u64().unwrap_or(0) as usize, "body").replace("document.querySelector(\"body\")", target)).await;
        ctx.see("Moved 1 item.").await;
        ctx.wait_js(NAMES, json!(["Documents", "Pictures", "Numbers.csv"])).await;
        // A category view lists the pictures from every folder.
        ctx.click_link("Images").await;
        ctx.wait_js("return Array.from(document.querySelectorAll('[data-cr-item] .cr-files__label')).map(e => e.textContent).sort()", json!(["Sea.png", "Sunset.png"])).await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keyboard_type_to_jump_new_file_search_and_pins() {
    run(DESKTOP, |_| {}, |ctx| async move {
        ctx.sign_in().await;
        ctx.view_mode("grid").await;
        // Type-to-jump in the grid: "w" focuses Welcome.md, arrows move in two dimensions.
        ctx.js("document.querySelector('[data-cr-scroll]').focus(); return 1").await;
        ctx.keys("w").await;
        ctx.wait_js("return document.activeElement.getAttribute('title')", json!("Welcome.md")).await;
        ctx.keys("\u{E012}").await; // left
        ctx.wait_js("return document.activeElement.getAttribute('title')", json!("Numbers.csv")).await;
        // New empty file from the background menu.
        ctx.js("const v = document.querySelector('[data-cr-scroll]'); const b = v.getBoundingClientRect(); v.dispatchEvent(new MouseEvent('contextmenu', {bubbles: true, cancelable: true, clientX: b.right - 10, clientY: b.bottom - 10})); return 1").await;
        ctx.click_menu("New file").await;
        ctx.fill("dialog[open] input[name=item-name]", "todo.txt").await;
        ctx.click("dialog[open] button[type=submit]").await;
        ctx.see("todo.txt").await;
        // Search from the top bar finds files in subfolders.
        ctx.fill("input[name=q]", "plan").await;
        ctx.keys("\u{E007}").await;
        ctx.see("Results for “plan”").await;
        ctx.see("Project plan.md").await;
        // Pin Documents from its menu; it shows in the sidebar and can be unpinned.
        ctx.open("/home").await;
        ctx.see("Documents").await;
        ctx.js("const r = document.querySelector('[data-cr-item]'); const b = r.getBoundingClientRect(); r.dispatchEvent(new MouseEvent('contextmenu', {bubbles: true, cancelable: true, clientX: b.left + 20, clientY: b.top + 20})); return 1").await;
        ctx.click_menu("Pin to sidebar").await;
        ctx.see("Pinned to the sidebar.").await;
        ctx.find(".cr-nav__pin a").await;
        ctx.click("[aria-label='Unpin Documents']").await;
        ctx.wait_js("return document.querySelectorAll('.cr-nav__pin').length", json!(0)).await;
        ctx.shot("desktop-grid").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rubber_band_selects_tiles_and_details_show_a_folder_summary() {
    run(DESKTOP, |_| {}, |ctx| async move {
        ctx.sign_in().await;
        ctx.view_mode("grid").await;
        // From the empty fifth column of the first row to the middle of the third tile.
        ctx.js(
            "const v = document.querySelector('[data-cr-scroll]'); const vb = v.getBoundingClientRect();
             const t = document.querySelectorAll('[data-cr-item]')[2].getBoundingClientRect();
             const at = (x, y, type) => v.dispatchEvent(new PointerEvent(type, {bubbles: true, pointerType: 'mouse', button: 0, clientX: x, clientY: y}));
             at(vb.right - 30, t.top + 10, 'pointerdown');
             at((t.left + t.right) / 2, (t.top + t.bottom) / 2, 'pointermove');
             at((t.left + t.right) / 2 - 5, (t.top + t.bottom) / 2, 'pointermove');
             return 1",
        )
        .await;
        let selected = "return Array.from(document.querySelectorAll('[data-cr-item][aria-selected=true]')).map(e => e.getAttribute('title')).join(',')";
        ctx.wait_js(selected, json!("Numbers.csv,Welcome.md")).await;
        assert_eq!(ctx.js("return !!document.querySelector('.cr-band')").await, json!(true), "the band is drawn while dragging");
        ctx.shot("desktop-rubber-band").await;
        ctx.js("document.querySelector('[data-cr-scroll]').dispatchEvent(new PointerEvent('pointerup', {bubbles: true, pointerType: 'mouse'})); return 1").await;
        ctx.wait_js("return !!document.querySelector('.cr-band')", json!(false)).await;
        ctx.see("2 selected").await;
        // Details of the Documents folder, with its size computed on request.
        ctx.js("document.querySelector('[data-cr-item]').click(); return 1").await;
        ctx.see("1 selected").await;
        ctx.click_button("Details").await;
        ctx.find("aside.cr-info").await;
        ctx.see("Storage policy").await;
        ctx.click_button("Calculate size").await;
        ctx.see("in 3 files and 1 folders").await;
        ctx.shot("desktop-info-panel").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_press_opens_the_menu_on_a_phone() {
    run(crate::harness::PHONE, |_| {}, |ctx| async move {
        ctx.sign_in().await;
        ctx.view_mode("list").await;
        ctx.js("const r = document.querySelectorAll('[data-cr-item]')[3]; const b = r.getBoundingClientRect();
                r.dispatchEvent(new PointerEvent('pointerdown', {bubbles: true, pointerType: 'touch', clientX: b.left + 30, clientY: b.top + 10})); return 1").await;
        ctx.find("[role=menu]").await;
        let menu = "return Array.from(document.querySelectorAll('[role=menuitem]')).map(e => e.textContent)";
        let entries = ctx.js(menu).await;
        assert!(entries.as_array().is_some_and(|e| e.contains(&json!("Rename")) && e.contains(&json!("Delete"))), "{entries}");
        ctx.see("1 selected").await;
        ctx.shot("phone-long-press-menu").await;
        // Escape closes it.
        ctx.keys("\u{E00C}").await;
        ctx.wait_js("return !!document.querySelector('[role=menu]')", json!(false)).await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tags_and_thumbnails() {
    run(DESKTOP, |_| {}, |ctx| async move {
        ctx.sign_in().await;
        ctx.view_mode("list").await;
        // Tag Welcome.md; the details panel shows the tag.
        ctx.js("document.querySelectorAll('[data-cr-item]')[3].click(); return 1").await;
        ctx.click_button("Tags").await;
        ctx.fill("dialog[open] input[name=tag]", "work").await;
        ctx.click_button("Add").await;
        ctx.find("dialog[open] .cr-tag").await;
        ctx.click_button("Save").await;
        ctx.wait_js("return !!document.querySelector('dialog[open]')", json!(false)).await;
        ctx.click_button("Details").await;
        ctx.wait_js("return (document.querySelector('aside.cr-info')?.textContent || '').includes('work')", json!(true)).await;
        // Pictures in the grid get real thumbnails, bounded by the server's 400×300.
        ctx.open("/home?path=cloudreve%3A%2F%2Fmy%2FPictures").await;
        ctx.wait_js("return document.querySelector('.cr-crumbs [aria-current=page]')?.textContent || ''", json!("Pictures")).await;
        ctx.view_mode("grid").await;
        ctx.wait_js("const i = document.querySelector('img.cr-tile__img'); return !!(i && i.complete && i.naturalWidth > 0)", json!(true)).await;
        let size = ctx.js("const i = document.querySelector('img.cr-tile__img'); return [i.naturalWidth, i.naturalHeight]").await;
        let (w, h) = (size[0].as_u64().unwrap_or(0), size[1].as_u64().unwrap_or(0));
        assert!(w > 0 && w <= 400 && h > 0 && h <= 300, "thumbnail {w}×{h}");
        ctx.shot("desktop-thumbnails").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_locked_file_offers_force_unlock_and_the_rename_then_succeeds() {
    run(
        DESKTOP,
        |c| c.test_hooks = true,
        |ctx| async move {
            ctx.sign_in().await;
            ctx.view_mode("list").await;
            let lock = ctx
                .api(
                    "POST",
                    "/test/lock",
                    json!({"uri": "cloudreve://my/Welcome.md", "app": "viewer"}),
                )
                .await;
            assert_eq!(lock["code"], 0, "{lock}");
            ctx.js("document.querySelectorAll('[data-cr-item]')[3].click(); return 1")
                .await;
            ctx.click_button("Rename").await;
            ctx.fill("dialog[open] input[name=item-name]", "Hello.md")
                .await;
            ctx.click("dialog[open] button[type=submit]").await;
            ctx.see("Items are locked").await;
            ctx.see("Locked by: viewer").await;
            ctx.shot("desktop-lock-conflict").await;
            ctx.click_button("Unlock and retry").await;
            ctx.see("Renamed.").await;
            ctx.see("Hello.md").await;
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn advanced_search_and_natural_order_with_offset_pages() {
    run(DESKTOP, |c| c.cursor_pagination = false, |ctx| async move {
        refserver::seed::add_big_folder(&ctx.state, 1, "Paged", 1_100).expect("seed");
        for name in ["file10.txt", "File2.txt", "file1.txt"] {
            refserver::seed::add_file(&ctx.state, 1, &format!("Sorted/{name}"), b"x").expect("seed");
        }
        ctx.sign_in().await;
        ctx.view_mode("list").await;
        // Offset pages (the server reports total_items) load to the end like cursor pages.
        ctx.open("/home?path=cloudreve%3A%2F%2Fmy%2FPaged").await;
        ctx.see("500 items").await;
        ctx.js("document.querySelector('[data-cr-scroll]').focus(); return 1").await;
        ctx.keys("\u{E009}a").await;
        ctx.see("1100 items · 1100 selected").await;
        // A fully loaded folder sorted by name is in natural order.
        ctx.open("/home?path=cloudreve%3A%2F%2Fmy%2FSorted").await;
        ctx.wait_js(NAMES, json!(["file1.txt", "File2.txt", "file10.txt"])).await;
        // Advanced search: files only, containing "plan", modified after 2000-01-01.
        ctx.click("[aria-label='Advanced search']").await;
        ctx.fill("dialog[open] input[name=words]", "plan").await;
        ctx.js("const s = document.querySelector('dialog[open] select[name=kind]'); s.value = 'file'; s.dispatchEvent(new Event('change')); return 1").await;
        ctx.fill("dialog[open] input[name=after]", "01012000").await;
        ctx.click("dialog[open] button[type=submit]").await;
        ctx.url_contains("type%3Dfile").await;
        ctx.see("Project plan.md").await;
        ctx.see("Results for “plan”").await;
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_view_the_server_refuses_is_kept_in_the_browser() {
    run(DESKTOP, |_| {}, |ctx| async move {
        ctx.sign_in().await;
        ctx.view_mode("list").await;
        // The server refuses to store views from now on (as one with view sync off would).
        ctx.js("const real = window.fetch; window.fetch = (input, init) => ((input instanceof Request ? input.method : init && init.method) === 'PATCH') ? Promise.resolve(new Response(JSON.stringify({code: 40001, msg: 'refused'}), {status: 200})) : real(input, init); return 1").await;
        ctx.click("[data-view=grid]").await;
        ctx.find(".cr-tile[data-cr-item]").await;
        let server = ctx.api("GET", "/file?uri=cloudreve%3A%2F%2Fmy&page_size=50", json!(null)).await;
        assert_eq!(server["data"]["view"]["view"], "list", "the server kept its view");
        // After a reload the browser's choice still wins.
        ctx.open("/home").await;
        ctx.find(".cr-tile[data-cr-item]").await;
        assert_eq!(ctx.js("return document.querySelectorAll('.cr-files__row').length").await, json!(0));
        // Once the server accepts a choice again, the browser forgets its own.
        ctx.view_mode("gallery").await;
        ctx.wait_js("return Object.keys(localStorage).filter(k => k.startsWith('cr_view:')).length", json!(0)).await;
    })
    .await;
}
