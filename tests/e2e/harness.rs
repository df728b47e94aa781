//! The e2e harness: a reference server serving the release build, chromedriver, one Chromium session.
//!
//! Every scenario runs in its own server (fresh data dir) and browser. Scenarios run one at a time, and
//! the browser session is closed and chromedriver killed on every path, a failing one included, so no
//! Chromium is left behind.

use std::future::Future;
use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use refserver::{AppState, Config};
use serde_json::json;
use tokio::process::{Child, Command};

pub const ADMIN_EMAIL: &str = "admin@cloudreve.local";
pub const ADMIN_PASSWORD: &str = "e2e-admin-pass";
const DEADLINE: Duration = Duration::from_secs(15);

static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// What a scenario gets.
#[derive(Clone)]
pub struct Ctx {
    /// The browser.
    pub c: Client,
    /// `http://127.0.0.1:<port>`.
    pub base: String,
    /// The server's state (to add users).
    pub state: AppState,
    /// chromedriver's port, for more browser sessions.
    driver_port: u16,
    /// Sessions opened with [`Ctx::fresh_browser`] (closed by `run` on every path) and their profiles.
    extra: std::sync::Arc<std::sync::Mutex<Vec<(Client, tempfile::TempDir)>>>,
}

/// Browser viewport.
#[derive(Clone, Copy)]
pub enum Window {
    /// A desktop window of this size.
    Desktop(u32, u32),
    /// An emulated phone viewport of this CSS size (headless Chromium will not make windows narrower
    /// than 500 px, so phones need device emulation).
    Phone(u32, u32),
}

/// A desktop window.
pub const DESKTOP: Window = Window::Desktop(1280, 800);
/// A 390-px-wide phone.
pub const PHONE: Window = Window::Phone(390, 844);

fn dist_dir() -> PathBuf {
    // Read at run time: a target dir shared between clones may run a binary compiled in another clone.
    let root = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| env!("CARGO_MANIFEST_DIR").into());
    let dist = root.join("dist");
    assert!(
        dist.join("index.html").exists(),
        "{} has no built app: run `cargo xtask test` (it builds the release app first)",
        dist.display()
    );
    dist
}

async fn free_port() -> u16 {
    let l = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    l.local_addr().expect("addr").port()
}

async fn spawn_driver() -> (Child, u16) {
    let port = free_port().await;
    let child = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("chromedriver must be installed (cargo xtask test installs it)");
    let start = Instant::now();
    while tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .is_err()
    {
        assert!(start.elapsed() < DEADLINE, "chromedriver did not start");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    (child, port)
}

/// Runs `scenario` against a fresh server configured by `configure`.
pub async fn run<F, Fut>(window: Window, configure: impl FnOnce(&mut Config), scenario: F)
where
    F: FnOnce(Ctx) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let _turn = ONE_AT_A_TIME.lock().await;
    let dir = tempfile::tempdir().expect("tmp");
    let mut config = Config::new(dir.path());
    config.bind = "127.0.0.1:0".parse().expect("addr");
    config.admin_password = Some(ADMIN_PASSWORD.into());
    config.demo = true;
    config.dist_dir = Some(dist_dir());
    configure(&mut config);
    let server = refserver::start(config).await.expect("server");
    let (mut driver, port) = spawn_driver().await;
    let profile = tempfile::tempdir().expect("profile dir");
    let client = new_session(port, window, &profile, json!({}), &[]).await;
    let extra = std::sync::Arc::default();
    let ctx = Ctx {
        c: client.clone(),
        base: server.url(),
        state: server.state.clone(),
        driver_port: port,
        extra: std::sync::Arc::clone(&extra),
    };
    let outcome = tokio::spawn(scenario(ctx)).await;
    let others = std::mem::take(&mut *extra.lock().unwrap_or_else(|e| e.into_inner()));
    for (other, _profile) in others {
        let _ = other.close().await;
    }
    let _ = client.close().await;
    let _ = driver.kill().await;
    drop(server);
    if let Err(e) = outcome {
        if e.is_panic() {
            std::panic::resume_unwind(e.into_panic());
        }
        panic!("scenario failed: {e}");
    }
}

/// A new Chromium session with its own empty profile (no storage, no cookies).
async fn new_session(
    port: u16,
    window: Window,
    profile: &tempfile::TempDir,
    prefs: serde_json::Value,
    extra_args: &[&str],
) -> Client {
    let mut options = json!({
        "binary": "/usr/bin/chromium",
        "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 format!("--user-data-dir={}", profile.path().display())],
        "prefs": prefs
    });
    if let Some(args) = options["args"].as_array_mut() {
        args.extend(extra_args.iter().map(|a| json!(a)));
    }
    match window {
        Window::Desktop(w, h) => options["args"]
            .as_array_mut()
            .expect("args")
            .push(format!("--window-size={w},{h}").into()),
        Window::Phone(w, h) => {
            options["mobileEmulation"] = json!({"deviceMetrics": {"width": w, "height": h, "pixelRatio": 2.0, "touch": true}})
        }
    }
    let caps = json!({ "browserName": "chrome", "goog:chromeOptions": options });
    let caps = caps.as_object().cloned().unwrap_or_default();
    ClientBuilder::native()
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("webdriver session")
}

impl Ctx {
    /// A second visitor: a new browser session on the same server, with an empty profile, as
    /// someone else's computer would be. `run` closes it with the first.
    pub async fn fresh_browser(&self, window: Window) -> Ctx {
        self.fresh_browser_with(window, json!({}), &[]).await
    }

    /// A second visitor whose Chromium answers every permission question with "no" at once (it
    /// cannot be answered through WebDriver otherwise).
    pub async fn fresh_browser_refusing_prompts(&self, window: Window) -> Ctx {
        self.fresh_browser_with(window, json!({}), &["--deny-permission-prompts"])
            .await
    }

    /// A second visitor whose Chromium keeps file access between visits: what choosing "Allow on
    /// every visit" in its file-access prompt sets (a dropped file's handle stays readable after a
    /// reload). Chromium's prompt itself cannot be answered through WebDriver.
    pub async fn fresh_browser_keeping_file_access(&self, window: Window) -> Ctx {
        let prefs = json!({ "profile.default_content_setting_values.file_system_access_extended_permission": 1 });
        self.fresh_browser_with(window, prefs, &[]).await
    }

    async fn fresh_browser_with(
        &self,
        window: Window,
        prefs: serde_json::Value,
        extra_args: &[&str],
    ) -> Ctx {
        let profile = tempfile::tempdir().expect("profile dir");
        let client = new_session(self.driver_port, window, &profile, prefs, extra_args).await;
        self.extra
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((client.clone(), profile));
        Ctx {
            c: client,
            ..self.clone()
        }
    }

    /// Opens `path` on the server.
    pub async fn open(&self, path: &str) {
        self.c
            .goto(&format!("{}{path}", self.base))
            .await
            .expect("goto");
    }

    /// The element matching `css`, waiting for it to appear.
    pub async fn find(&self, css: &str) -> Element {
        let start = Instant::now();
        loop {
            let locator = match css.strip_prefix("xpath:") {
                Some(x) => Locator::XPath(x),
                None => Locator::Css(css),
            };
            if let Ok(e) = self.c.find(locator).await {
                return e;
            }
            if start.elapsed() > DEADLINE {
                self.shot("timeout").await;
                panic!(
                    "no element matches {css:?}; page text: {}",
                    self.body_text().await
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The visible text of the page.
    pub async fn body_text(&self) -> String {
        match self.c.find(Locator::Css("body")).await {
            Ok(b) => b.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    /// Waits until the page shows `text`.
    pub async fn see(&self, text: &str) {
        let start = Instant::now();
        while !self.body_text().await.contains(text) {
            if start.elapsed() > DEADLINE {
                self.shot("timeout").await;
                panic!(
                    "page never showed {text:?}; it shows: {}",
                    self.body_text().await
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the current URL contains `part`.
    pub async fn url_contains(&self, part: &str) -> String {
        let start = Instant::now();
        loop {
            let url = self
                .c
                .current_url()
                .await
                .map(|u| u.to_string())
                .unwrap_or_default();
            if url.contains(part) {
                return url;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "URL {url} never contained {part}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Types `text` into the field matching `css` (after clearing it).
    pub async fn fill(&self, css: &str, text: &str) {
        let field = self.find(css).await;
        field.clear().await.expect("clear");
        field.send_keys(text).await.expect("type");
    }

    /// Clicks the element matching `css`.
    pub async fn click(&self, css: &str) {
        self.find(css).await.click().await.expect("click");
    }

    /// Clicks the link whose text is `text`, preferring one in the page content over the
    /// navigation (a folder called "Documents" beside the "Documents" category).
    pub async fn click_link(&self, text: &str) {
        let start = Instant::now();
        let any =
            format!("//a[normalize-space(.)={text:?}] | //a[.//span[normalize-space(.)={text:?}]]");
        let in_main = format!("//main//a[normalize-space(.)={text:?}] | //main//a[.//span[normalize-space(.)={text:?}]]");
        loop {
            let found = match self.c.find(Locator::XPath(&in_main)).await {
                Ok(link) => Ok(link),
                Err(_) => self.c.find(Locator::XPath(&any)).await,
            };
            if let Ok(link) = found {
                link.click().await.expect("click link");
                return;
            }
            assert!(start.elapsed() < DEADLINE, "no link {text:?}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Goes through the sign-in form (e-mail, then password).
    pub async fn sign_in_with(&self, email: &str, password: &str) {
        self.fill("input[name=email]", email).await;
        self.click("button[type=submit]").await;
        self.fill("input[name=password]", password).await;
        self.click("button[type=submit]").await;
    }

    /// Opens the app signed out and signs in as the admin.
    pub async fn sign_in(&self) {
        self.open("/session").await;
        self.sign_in_with(ADMIN_EMAIL, ADMIN_PASSWORD).await;
        self.see("Documents").await;
    }

    /// Runs JavaScript and returns its value.
    pub async fn js(&self, script: &str) -> serde_json::Value {
        self.c.execute(script, vec![]).await.expect("script")
    }

    /// Saves a screenshot under the cargo target tmp dir, for people to look at.
    pub async fn shot(&self, name: &str) {
        if let Ok(png) = self.c.screenshot().await {
            let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
            let _ = std::fs::create_dir_all(&dir);
            let _ = std::fs::write(dir.join(format!("{name}.png")), png);
        }
    }
}

impl Ctx {
    /// Clicks the button whose text is `text`.
    pub async fn click_button(&self, text: &str) {
        let start = Instant::now();
        loop {
            if let Ok(b) = self
                .c
                .find(Locator::XPath(&format!(
                    "//button[normalize-space(.)={text:?}]"
                )))
                .await
            {
                b.click().await.expect("click button");
                return;
            }
            assert!(start.elapsed() < DEADLINE, "no button {text:?}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Ctx {
    /// Runs asynchronous JavaScript (the script calls `arguments[0]` with its result).
    pub async fn js_async(&self, script: &str) -> serde_json::Value {
        self.c
            .execute_async(script, vec![])
            .await
            .expect("async script")
    }

    /// Calls the API from the page as the signed-in user and returns the envelope.
    pub async fn api(
        &self,
        method: &str,
        path: &str,
        body: serde_json::Value,
    ) -> serde_json::Value {
        let script = format!(
            r#"const done = arguments[0];
            const s = JSON.parse(localStorage.getItem('cr_session'));
            const init = {{ method: {method:?}, headers: {{ 'Authorization': 'Bearer ' + s.token.access_token, 'Content-Type': 'application/json' }} }};
            if ({method:?} !== 'GET') init.body = JSON.stringify({body});
            fetch('/api/v4' + {path:?}, init).then(r => r.json()).then(done).catch(e => done({{ code: -99, msg: String(e) }}));"#
        );
        self.js_async(&script).await
    }

    /// Switches the folder view (list, grid, gallery) with the view switcher and waits until the
    /// server has stored it, so folders opened next inherit it.
    pub async fn view_mode(&self, mode: &str) {
        self.click(&format!("[data-view={mode}]")).await;
        // The folder on screen: its own setting is the one saved.
        let folder = self
            .js("return encodeURIComponent(new URLSearchParams(location.search).get('path') || 'cloudreve://my')")
            .await;
        let folder = folder
            .as_str()
            .unwrap_or("cloudreve%3A%2F%2Fmy")
            .to_string();
        let start = Instant::now();
        loop {
            let listing = self
                .api(
                    "GET",
                    &format!("/file?uri={folder}&page_size=50"),
                    json!(null),
                )
                .await;
            if listing["data"]["view"]["view"] == mode {
                return;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "the server never stored view {mode}: {listing}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until `script` returns `want`. A script that throws counts as "not yet": the page may
    /// be between two states (a track whose cues are still parsing, a row being replaced).
    pub async fn wait_js(&self, script: &str, want: serde_json::Value) {
        let start = Instant::now();
        loop {
            let got = match self.c.execute(script, vec![]).await {
                Ok(v) => v,
                Err(e) => json!(format!("script threw: {e}")),
            };
            if got == want {
                return;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "{script} gave {got}, wanted {want}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Presses keys on the focused element.
    pub async fn keys(&self, keys: &str) {
        self.c
            .active_element()
            .await
            .expect("focused element")
            .send_keys(keys)
            .await
            .expect("send keys");
    }
}

impl Ctx {
    /// Clicks the context-menu entry whose text is `text`.
    pub async fn click_menu(&self, text: &str) {
        self.click(&format!(
            "xpath://button[@role='menuitem' and normalize-space(.)={text:?}]"
        ))
        .await;
    }
}

/// One Chrome DevTools Protocol command, through chromedriver (`goog/cdp/execute`).
#[derive(Debug)]
struct Cdp {
    cmd: String,
    params: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

impl Ctx {
    /// Sends a DevTools command to the page.
    pub async fn cdp(&self, cmd: &str, params: serde_json::Value) -> serde_json::Value {
        self.c
            .issue_cmd(Cdp {
                cmd: cmd.into(),
                params,
            })
            .await
            .unwrap_or_else(|e| panic!("CDP {cmd}: {e}"))
    }

    /// Chooses `paths` in the file input named `name` (the page's hidden pickers).
    pub async fn choose_files(&self, name: &str, paths: &[&std::path::Path]) {
        let list: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        self.c
            .find(fantoccini::Locator::Css(&format!("input[name={name}]")))
            .await
            .unwrap_or_else(|e| panic!("input {name}: {e}"))
            .send_keys(&list.join("\n"))
            .await
            .unwrap_or_else(|e| panic!("choose files in {name}: {e}"));
    }

    /// The bytes of the admin's file at `path` (`Docs/a.txt`) as the server stores them, or `None`
    /// while it is missing or still a placeholder.
    pub fn server_file(&self, path: &str) -> Option<Vec<u8>> {
        let segments: Vec<String> = path.split('/').map(str::to_string).collect();
        let row = self.state.db.with(|c| {
            refserver::store::files::resolve(c, 1, &segments, 0)
                .ok()
                .flatten()
        })?;
        let uploading = self.state.db.with(|c| {
            c.query_row(
                "SELECT COUNT(*) FROM metadata WHERE file_id = ?1 AND key = 'sys:upload_session_id'",
                [row.id],
                |r| r.get::<_, i64>(0),
            )
            .unwrap_or(0)
        });
        if uploading > 0 {
            return None;
        }
        match row.blob {
            Some(blob) => std::fs::read(self.state.blob_dir.join(blob)).ok(),
            None => (row.size == 0).then(Vec::new),
        }
    }

    /// Waits until the server has `path` with exactly `content`.
    pub async fn server_has(&self, path: &str, content: &[u8]) {
        let start = Instant::now();
        loop {
            if let Some(got) = self.server_file(path) {
                if got == content {
                    return;
                }
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "the server never had {path} byte-identical (has {:?} bytes)",
                self.server_file(path).map(|b| b.len())
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}
