//! chromedriver and headless Chromium sessions for the browser benchmark, cleaned up on every path.
//!
//! chromedriver runs in its own process group, so a Ctrl-C reaches only xtask, which then closes the
//! open session itself. Each session gets a fresh profile dir; after closing it, any process still
//! running with that profile (a Chromium that outlived its driver) is killed by its id.
//!
//! The e2e harness (`tests/e2e/harness.rs`) starts chromedriver the same way; it panics where this
//! returns errors and lives in another package, so the few lines are not shared.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use fantoccini::wd::TimeoutConfiguration;
use fantoccini::{Client, ClientBuilder};
use serde_json::json;
use tokio::process::{Child, Command};

/// Browser window size (CSS px), as in the desktop e2e tests.
const WINDOW: (u32, u32) = (1280, 800);
/// How long a script may run: the scroll through 10,000 items at 4x throttling takes tens of seconds.
const SCRIPT_TIMEOUT: Duration = Duration::from_secs(180);
/// How long closing a session may take before its processes are killed instead.
const CLOSE_LIMIT: Duration = Duration::from_secs(5);

/// A running chromedriver.
pub struct Driver {
    child: Child,
    port: u16,
}

/// One Chromium session with its own profile dir.
pub struct Session {
    /// The WebDriver client.
    pub client: Client,
    profile: tempfile::TempDir,
}

/// A free loopback port (bound, then released for the child to take).
pub fn free_port() -> anyhow::Result<u16> {
    let l = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok(l.local_addr()?.port())
}

/// Waits until something listens on loopback `port`, or fails after `limit`.
pub async fn wait_for_port(port: u16, what: &str, limit: Duration) -> anyhow::Result<()> {
    let start = Instant::now();
    while tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .is_err()
    {
        if start.elapsed() > limit {
            bail!("{what} did not listen on port {port} within {limit:?}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
}

impl Driver {
    /// Starts chromedriver on a free port.
    pub async fn start() -> anyhow::Result<Driver> {
        let port = free_port()?;
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .kill_on_drop(true)
            .spawn()
            .context("starting chromedriver (cargo xtask bootstrap installs it)")?;
        let driver = Driver { child, port };
        wait_for_port(port, "chromedriver", Duration::from_secs(15)).await?;
        Ok(driver)
    }

    /// Opens a headless Chromium with a fresh profile.
    pub async fn session(&self) -> anyhow::Result<Session> {
        let profile = tempfile::Builder::new()
            .prefix("cr-bench-chrome-")
            .tempdir()?;
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--disable-background-timer-throttling",
            "--disable-renderer-backgrounding",
            &format!("--window-size={},{}", WINDOW.0, WINDOW.1),
            &format!("--user-data-dir={}", profile.path().display()),
        ];
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": "/usr/bin/chromium", "args": args },
        });
        let caps = caps.as_object().cloned().unwrap_or_default();
        let connected = ClientBuilder::native()
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await;
        let client = match connected {
            Ok(c) => c,
            Err(e) => {
                kill_strays(profile.path());
                bail!("opening a Chromium session: {e}");
            }
        };
        let session = Session { client, profile };
        let timeouts = TimeoutConfiguration::new(
            Some(SCRIPT_TIMEOUT),
            Some(Duration::from_secs(60)),
            Some(Duration::ZERO),
        );
        if let Err(e) = session.client.update_timeouts(timeouts).await {
            session.close().await;
            bail!("setting WebDriver timeouts: {e}");
        }
        Ok(session)
    }

    /// Stops chromedriver.
    pub async fn stop(mut self) {
        let _ = self.child.kill().await;
    }
}

impl Session {
    /// The session's profile dir: every Chromium process of the session names it.
    pub fn profile(&self) -> &Path {
        self.profile.path()
    }

    /// Closes the browser, then kills whatever still runs with this session's profile. chromedriver
    /// only closes a session after its running command, so an interrupted scroll is not waited for.
    pub async fn close(self) {
        let _ = tokio::time::timeout(CLOSE_LIMIT, self.client.close()).await;
        kill_strays(self.profile.path());
    }
}

/// Kills (by id) every process whose command line mentions `profile`: Chromium processes that
/// outlived their session.
fn kill_strays(profile: &Path) {
    let marker = profile.to_string_lossy().into_owned();
    let Ok(procs) = std::fs::read_dir("/proc") else {
        return;
    };
    for entry in procs.filter_map(Result::ok) {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let cmdline = std::fs::read(entry.path().join("cmdline")).unwrap_or_default();
        if String::from_utf8_lossy(&cmdline).contains(&marker) {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .stderr(Stdio::null())
                .status();
        }
    }
}
