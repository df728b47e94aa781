//! Component tests: real components mounted in headless Chromium (wasm-bindgen-test).

#![cfg(target_arch = "wasm32")]

use cloudreve_api::models::{Capacity, FileResponse, FileType};
use cloudreve_api::{ApiError, Code, CrUri, Timestamp};
use cloudreve_web::components::common::error_view::ErrorView;
use cloudreve_web::components::explorer::breadcrumbs::Breadcrumbs;
use cloudreve_web::components::explorer::file_list::FileList;
use cloudreve_web::components::explorer::file_tiles::{FileTiles, TileStyle};
use cloudreve_web::components::layout::storage_usage::StorageUsage;
use cloudreve_web::i18n::{I18n, Locale};
use cloudreve_web::state::explorer::{Command, Explorer};
use cloudreve_web::state::thumbs::Thumbs;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh container in the page.
fn container() -> web_sys::HtmlElement {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let el = doc
        .create_element("section")
        .expect("section")
        .unchecked_into::<web_sys::HtmlElement>();
    doc.body().expect("body").append_child(&el).expect("append");
    el
}

/// Adds CSS to the test page (the app's stylesheets are not loaded here): views need the geometry
/// they have in the app.
fn add_style(css: &str) {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let style = doc.create_element("style").expect("style");
    style.set_text_content(Some(css));
    doc.head()
        .expect("head")
        .append_child(&style)
        .expect("append");
}

fn all(root: &web_sys::HtmlElement, css: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(css).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into().ok())
        .collect()
}

fn text(root: &web_sys::HtmlElement) -> String {
    root.text_content().unwrap_or_default()
}

fn file(name: &str, folder: bool, size: i64) -> FileResponse {
    FileResponse {
        file_type: if folder {
            FileType::Folder
        } else {
            FileType::File
        },
        id: format!("id-{name}"),
        name: name.into(),
        size,
        path: CrUri::my().join(name).to_string(),
        updated_at: Timestamp("2025-05-24T10:55:22+08:00".into()),
        ..FileResponse::default()
    }
}

#[wasm_bindgen_test]
async fn file_list_renders_names_as_text_and_folders_as_links() {
    let root = container();
    let hostile = "<img src=x onerror=alert(1)>.txt";
    let slot = std::rc::Rc::new(std::cell::Cell::new(None::<Explorer>));
    let keep = slot.clone();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(I18n::new(Locale::En));
        let ex = Explorer::provide(Signal::derive(CrUri::my));
        ex.files.set(vec![
            file("Photos & more", true, 0),
            file(hostile, false, 1536),
        ]);
        keep.set(Some(ex));
        view! { <FileList/> }
    });
    leptos::task::tick().await;
    let rows = all(&root, ".cr-files__row");
    assert_eq!(rows.len(), 2);
    assert!(
        all(&root, "img").is_empty(),
        "a hostile name must not become an element"
    );
    assert!(text(&root).contains(hostile), "the name is shown verbatim");
    assert!(text(&root).contains("1.5 KB"));
    let link = all(&root, ".cr-files__row a");
    assert_eq!(link.len(), 1, "only the folder is a link");
    assert_eq!(
        link[0].get_attribute("href").as_deref(),
        Some("/home?path=cloudreve%3A%2F%2Fmy%2FPhotos%2520%2526%2520more")
    );
    let ex = slot.get().expect("explorer");
    ex.files.update(|f| f.push(file("Zeta", false, 1)));
    leptos::task::tick().await;
    assert_eq!(
        all(&root, ".cr-files__row").len(),
        3,
        "rows follow the signal"
    );
}

#[wasm_bindgen_test]
async fn breadcrumbs_link_every_ancestor_and_mark_the_current_folder() {
    let root = container();
    let uri = RwSignal::new(CrUri::parse("cloudreve://my/a%20b/c").expect("uri"));
    let i18n = I18n::new(Locale::En);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(i18n);
        view! { <Breadcrumbs uri/> }
    });
    leptos::task::tick().await;
    let links = all(&root, "a");
    assert_eq!(
        links
            .iter()
            .map(|a| a.text_content().unwrap_or_default())
            .collect::<Vec<_>>(),
        ["My files", "a b"]
    );
    let current = all(&root, "[aria-current=page]");
    assert_eq!(current.len(), 1);
    assert_eq!(current[0].text_content().as_deref(), Some("c"));
    i18n.set_locale(Locale::ZhCn);
    leptos::task::tick().await;
    assert!(
        text(&root).contains("我的文件"),
        "the root label follows the language"
    );
    uri.set(CrUri::parse("cloudreve://trash").expect("uri"));
    leptos::task::tick().await;
    assert!(text(&root).contains("回收站"));
    assert!(all(&root, "a").is_empty());
}

#[wasm_bindgen_test]
async fn storage_usage_is_an_accessible_progress_bar() {
    let root = container();
    let capacity = RwSignal::new(None::<Capacity>);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(I18n::new(Locale::En));
        view! { <StorageUsage capacity/> }
    });
    leptos::task::tick().await;
    assert!(
        all(&root, "[role=progressbar]").is_empty(),
        "nothing while unknown"
    );
    capacity.set(Some(Capacity {
        total: 1024 * 1024,
        used: 256 * 1024,
        ..Capacity::default()
    }));
    leptos::task::tick().await;
    let bar = all(&root, "[role=progressbar]");
    assert_eq!(bar.len(), 1);
    assert_eq!(bar[0].get_attribute("aria-valuenow").as_deref(), Some("25"));
    assert_eq!(
        bar[0].get_attribute("aria-valuetext").as_deref(),
        Some("256 KB of 1 MB used")
    );
}

#[wasm_bindgen_test]
async fn error_view_translates_and_keeps_the_request_id() {
    let root = container();
    let i18n = I18n::new(Locale::En);
    let retried = RwSignal::new(0);
    let error = ApiError::Server {
        code: Code::ParentNotExist,
        msg: "Path not exist".into(),
        correlation_id: Some("c0ffee".into()),
    };
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(i18n);
        view! { <ErrorView error on_retry=Callback::new(move |_| retried.update(|n| *n += 1))/> }
    });
    leptos::task::tick().await;
    assert_eq!(all(&root, "[role=alert]").len(), 1);
    assert!(text(&root).contains("This folder does not exist."));
    assert!(text(&root).contains("Request ID: c0ffee"));
    i18n.set_locale(Locale::ZhCn);
    leptos::task::tick().await;
    assert!(text(&root).contains("此文件夹不存在。"));
    assert!(text(&root).contains("c0ffee"));
    let button = all(&root, "button")
        .pop()
        .expect("retry button")
        .unchecked_into::<web_sys::HtmlElement>();
    button.click();
    leptos::task::tick().await;
    assert_eq!(retried.get_untracked(), 1);
}

#[wasm_bindgen_test]
async fn language_choice_is_remembered_and_sets_html_lang() {
    cloudreve_web::browser::store("cr_locale", "zh-CN");
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let i18n = cloudreve_web::i18n::provide_i18n();
        view! { <span>{move || i18n.locale().tag()}</span> }
    });
    leptos::task::tick().await;
    assert_eq!(
        text(&root),
        "zh-CN",
        "the saved choice wins over the browser language"
    );
    let lang = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"));
    assert_eq!(lang.as_deref(), Some("zh-CN"));
    I18n::new(Locale::ZhCn).set_locale(Locale::En);
    assert_eq!(
        cloudreve_web::browser::load("cr_locale").as_deref(),
        Some("en-US")
    );
}

#[wasm_bindgen_test]
async fn file_list_renders_only_what_is_on_screen() {
    // The app's stylesheet is not loaded here; give the viewport the geometry it has in the app.
    add_style(".cr-files-viewport{height:400px;overflow-y:auto}.cr-files__row{height:40px;display:block}.cr-files__head{height:36px}");
    let root = container();
    let asked = RwSignal::new(0);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(I18n::new(Locale::En));
        let ex = Explorer::provide(Signal::derive(CrUri::my));
        ex.files.set(
            (0..10_000)
                .map(|i| file(&format!("f{i:05}"), false, i))
                .collect(),
        );
        ex.on_command(Callback::new(move |c| {
            if c == Command::NearEnd {
                asked.update(|n| *n += 1);
            }
        }));
        view! { <FileList/> }
    });
    leptos::task::tick().await;
    let rows = all(&root, ".cr-files__row").len();
    assert!(
        rows > 5 && rows < 60,
        "10,000 items, {rows} rows in the DOM"
    );
    assert_eq!(asked.get_untracked(), 0, "no next page needed at the top");
    let viewport = root
        .query_selector(".cr-files-viewport")
        .expect("query")
        .expect("viewport")
        .unchecked_into::<web_sys::HtmlElement>();
    viewport.set_scroll_top(40 * 5_000);
    viewport
        .dispatch_event(&web_sys::Event::new("scroll").expect("event"))
        .expect("dispatch");
    leptos::task::tick().await;
    assert!(
        text(&root).contains("f05000"),
        "the middle renders after a jump"
    );
    assert!(!text(&root).contains("f00000"), "the top is gone");
    assert!(all(&root, ".cr-files__row").len() < 60);
    viewport.set_scroll_top(40 * 10_000);
    viewport
        .dispatch_event(&web_sys::Event::new("scroll").expect("event"))
        .expect("dispatch");
    leptos::task::tick().await;
    assert!(text(&root).contains("f09999"));
    assert!(asked.get_untracked() > 0, "the end asks for the next page");
}

#[wasm_bindgen_test]
async fn tiles_render_only_the_rows_on_screen_and_clicks_select() {
    add_style(".cr-tiles-viewport{height:400px;width:800px;overflow-y:auto}.cr-tiles__row{display:grid;height:var(--cr-tile-row)}");
    let root = container();
    let selected = RwSignal::new(0usize);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(I18n::new(Locale::En));
        let session = cloudreve_web::state::session::provide_session(
            cloudreve_web::api::Transport::new("/api/v4"),
        );
        Thumbs::provide(session);
        let ex = Explorer::provide(Signal::derive(CrUri::my));
        ex.files.set(
            (0..10_000)
                .map(|i| file(&format!("t{i:05}.bin"), false, i))
                .collect(),
        );
        Effect::new(move |_| selected.set(ex.selection.with(|s| s.len())));
        view! { <FileTiles style=TileStyle::Grid/> }
    });
    leptos::task::tick().await;
    let tiles = all(&root, "[data-cr-item]");
    assert!(
        tiles.len() > 3 && tiles.len() < 120,
        "10,000 items, {} tiles in the DOM",
        tiles.len()
    );
    let click = |el: &web_sys::Element, ctrl: bool| {
        let init = web_sys::MouseEventInit::new();
        init.set_bubbles(true);
        init.set_ctrl_key(ctrl);
        let ev =
            web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).expect("event");
        el.dispatch_event(&ev).expect("dispatch");
    };
    click(&tiles[0], false);
    click(&tiles[2], true);
    leptos::task::tick().await;
    assert_eq!(
        selected.get_untracked(),
        2,
        "click then ctrl-click selects two"
    );
    assert_eq!(all(&root, "[data-cr-item][aria-selected=true]").len(), 2);
}

#[wasm_bindgen_test]
async fn deep_breadcrumbs_collapse_their_middle_until_asked() {
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(I18n::new(Locale::En));
        let uri = Signal::derive(|| CrUri::parse("cloudreve://my/a/b/c/d/e").expect("uri"));
        view! { <Breadcrumbs uri/> }
    });
    leptos::task::tick().await;
    let labels = |root: &web_sys::HtmlElement| {
        all(root, ".cr-crumbs__item")
            .iter()
            .map(|li| li.text_content().unwrap_or_default())
            .collect::<Vec<_>>()
    };
    assert_eq!(labels(&root), ["My files", "…", "c", "d", "e"]);
    let more = all(&root, ".cr-crumbs__more");
    assert_eq!(more.len(), 1);
    more[0].unchecked_ref::<web_sys::HtmlElement>().click();
    leptos::task::tick().await;
    assert_eq!(labels(&root), ["My files", "a", "b", "c", "d", "e"]);
}

/// A `fetch` stub for thumbnail requests: each call waits until `window.__releaseThumbs()`, and the
/// highest number of calls waiting at once is kept in `window.__thumbPeak`.
const THUMB_STUB: &str = r#"
window.__thumbCalls = 0; window.__thumbWaiting = []; window.__thumbPeak = 0;
window.fetch = function (input, init) {
    window.__thumbCalls += 1;
    return new Promise((resolve) => {
        window.__thumbWaiting.push(resolve);
        window.__thumbPeak = Math.max(window.__thumbPeak, window.__thumbWaiting.length);
    });
};
window.__releaseThumbs = function () {
    const body = JSON.stringify({ code: 0, msg: '', data: { url: 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', expires: null } });
    const waiting = window.__thumbWaiting; window.__thumbWaiting = [];
    waiting.forEach((resolve) => resolve(new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } })));
};
"#;

fn js_number(expr: &str) -> f64 {
    js_sys::eval(expr)
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(-1.0)
}

async fn settle() {
    for _ in 0..5 {
        let p = js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window()
                .expect("window")
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(p).await;
        leptos::task::tick().await;
    }
}

#[wasm_bindgen_test]
async fn thumbnails_are_asked_for_on_screen_tiles_only_a_few_at_a_time() {
    js_sys::eval(THUMB_STUB).expect("stub");
    add_style(".cr-tiles-viewport{height:400px;width:800px;overflow-y:auto}.cr-tiles__row{display:grid;height:var(--cr-tile-row)}");
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(I18n::new(Locale::En));
        let session = cloudreve_web::state::session::provide_session(
            cloudreve_web::api::Transport::new("/api/v4"),
        );
        Thumbs::provide(session);
        let ex = Explorer::provide(Signal::derive(CrUri::my));
        ex.files.set(
            (0..10_000)
                .map(|i| file(&format!("p{i:05}.png"), false, 1_000 + i))
                .collect(),
        );
        view! { <FileTiles style=TileStyle::Grid/> }
    });
    settle().await;
    let tiles = all(&root, "[data-cr-item]").len() as f64;
    assert!(tiles > 3.0 && tiles < 120.0, "{tiles} tiles rendered");
    assert_eq!(
        js_number("window.__thumbPeak"),
        4.0,
        "at most four requests in flight"
    );
    for _ in 0..40 {
        js_sys::eval("window.__releaseThumbs()").expect("release");
        settle().await;
    }
    let asked = js_number("window.__thumbCalls");
    assert!(
        asked >= tiles.min(8.0) && asked <= tiles,
        "{asked} requests for {tiles} rendered tiles of 10,000"
    );
    assert_eq!(js_number("window.__thumbPeak"), 4.0);
    assert!(
        !all(&root, "img.cr-tile__img").is_empty(),
        "answered thumbnails are shown"
    );
}

#[wasm_bindgen_test]
async fn the_upload_queue_renders_only_visible_rows_of_thousands() {
    use cloudreve_api::models::StoragePolicy;
    use cloudreve_web::components::uploads::upload_panel::UploadPanel;
    use cloudreve_web::state::uploads::Uploads;
    use cloudreve_web::uploads::sources::Picked;

    add_style(".cr-uploads__list{max-height:320px;overflow-y:auto}.cr-upload{height:64px;box-sizing:border-box}");
    let root = container();
    let service = RwSignal::new_local(None::<Uploads>);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let i18n = I18n::new(Locale::En);
        provide_context(i18n);
        let session = cloudreve_web::state::session::provide_session(
            cloudreve_web::api::Transport::new("/api/v4"),
        );
        cloudreve_web::state::toasts::provide_toasts();
        service.set(Some(Uploads::provide(session, i18n)));
        view! { <UploadPanel/> }
    });
    leptos::task::tick().await;
    // 5,000 files a 1-byte policy refuses: they fail at once, item by item, without any request.
    let files: js_sys::Array =
        js_sys::eval("Array.from({ length: 5000 }, (_, i) => new File(['ab'], 'f' + i + '.bin'))")
            .expect("files")
            .unchecked_into();
    let picked: Vec<Picked> = files
        .iter()
        .map(|f| {
            let file: web_sys::File = f.unchecked_into();
            Picked {
                rel_path: file.name(),
                file: Some(file),
                root: None,
            }
        })
        .collect();
    let policy = StoragePolicy {
        id: "p".into(),
        max_size: 1,
        ..StoragePolicy::default()
    };
    service
        .get_untracked()
        .expect("service")
        .add(picked, CrUri::my(), policy, |_| false);
    settle().await;
    let rows = all(&root, ".cr-upload");
    assert!(
        rows.len() > 3 && rows.len() < 20,
        "5,000 entries, {} rows in the DOM",
        rows.len()
    );
    assert!(text(&root).contains("0 of 5000 files"), "{}", text(&root));
    assert!(text(&root).contains("Larger than the storage policy allows"));
    let list = root
        .query_selector(".cr-uploads__list")
        .ok()
        .flatten()
        .expect("list")
        .unchecked_into::<web_sys::HtmlElement>();
    list.set_scroll_top(64 * 5000);
    list.dispatch_event(&web_sys::Event::new("scroll").expect("event"))
        .expect("scroll");
    settle().await;
    let rows = all(&root, ".cr-upload");
    assert!(rows.len() < 20, "{} rows after scrolling", rows.len());
    assert!(
        rows.iter()
            .any(|r| r.get_attribute("data-upload").as_deref() == Some("f4999.bin")),
        "the last entry is rendered at the end"
    );
}

/// Runs `script` (an expression giving a promise) and awaits it.
async fn js_promise(script: &str) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
    let promise: js_sys::Promise = js_sys::eval(script)?.unchecked_into();
    wasm_bindgen_futures::JsFuture::from(promise).await
}

#[wasm_bindgen_test]
async fn kept_handles_belong_to_their_account_and_a_newer_app_version_may_upgrade_the_store() {
    use cloudreve_web::uploads::resume_store;
    // Any structured-cloneable value stands in for a FileSystemHandle here.
    let handle = js_sys::eval("({ kind: 'file', name: 'a.bin' })").expect("value");
    resume_store::put_handles("alice", &[("upload-1".to_string(), handle)])
        .await
        .expect("stored");
    let alice = resume_store::handles("alice").await.expect("read");
    assert_eq!(alice.len(), 1);
    assert_eq!(alice[0].0, "upload-1");
    let name = js_sys::Reflect::get(&alice[0].1, &"name".into()).expect("name");
    assert_eq!(name.as_string().as_deref(), Some("a.bin"));
    assert!(resume_store::handles("bob").await.expect("read").is_empty());
    // Forgetting the upload forgets its handle.
    resume_store::delete("upload-1").await.expect("deleted");
    assert!(resume_store::handles("alice")
        .await
        .expect("read")
        .is_empty());
    // A newer version in another tab opens the database at a higher version: this page's open
    // connection steps aside instead of blocking it.
    let upgraded = js_promise(
        "new Promise((ok, bad) => { const r = indexedDB.open('cloudreve-web', 3);
            r.onsuccess = () => { r.result.close(); ok('upgraded'); };
            r.onblocked = () => ok('blocked'); r.onerror = () => bad(r.error); })",
    )
    .await
    .expect("open");
    assert_eq!(upgraded.as_string().as_deref(), Some("upgraded"));
    let _ = js_promise(
        "new Promise(ok => { const r = indexedDB.deleteDatabase('cloudreve-web'); r.onsuccess = ok; r.onerror = ok; r.onblocked = ok; })",
    )
    .await;
}
