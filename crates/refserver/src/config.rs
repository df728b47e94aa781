//! Server configuration: where to listen, where data lives, and site settings tests can vary.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Everything the server needs to start.
#[derive(Debug, Clone)]
pub struct Config {
    /// Listen address (default `127.0.0.1:5212`).
    pub bind: SocketAddr,
    /// Directory holding the SQLite database and file blobs.
    pub data_dir: PathBuf,
    /// Built app to serve at `/` (`dist/`); `None` serves the API only.
    pub dist_dir: Option<PathBuf>,
    /// Seed a demo tree for the first user.
    pub demo: bool,
    /// Password of the first admin; generated when `None`.
    pub admin_password: Option<String>,
    /// Access token lifetime.
    pub access_ttl: Duration,
    /// Refresh token lifetime.
    pub refresh_ttl: Duration,
    /// Require a CAPTCHA for password sign-in.
    pub login_captcha: bool,
    /// Cursor pagination for listings (CE default); offset pagination otherwise.
    pub cursor_pagination: bool,
    /// Site title.
    pub title: String,
    /// Most folders one search visits (`max_recursive_searched_folder`); results past it are partial.
    pub search_folder_limit: usize,
    /// Serve the test-only routes under `/api/v4/test` (see `routes::test_hooks`); off by default.
    pub test_hooks: bool,
    /// Lifetime of an upload session (site setting `upload_session_timeout`).
    pub upload_session_ttl: Duration,
    /// How often expired upload sessions are cleaned up (also once at start).
    pub upload_sweep_interval: Duration,
    /// Percent of chunk requests that fail or drop on purpose, to test clients' retries (see
    /// `uploads::faults`); 0, the default, turns fault injection off.
    pub chunk_faults: u8,
    /// Largest file the editors save (`PUT /file/content`) or WOPI apps open: the site's
    /// `maxEditSize`, default 50 MiB.
    pub max_edit_size: i64,
    /// WOPI apps offered in `file_viewers` (`--wopi-viewer`).
    pub wopi_viewers: Vec<crate::viewers::WopiViewer>,
    /// Origins that may frame the embeddable share viewer (`/embed/...`), as CSP
    /// `frame-ancestors` sources (`--embed-origin`); empty allows any origin.
    pub embed_origins: Vec<String>,
    /// Whether visitors without an account may download shares as one zip: the anonymous group's
    /// `archive_download`, written at start (`--anonymous-zip on|off`); `None` keeps what the
    /// database says (off on a new site, as in CE).
    pub anonymous_zip: Option<bool>,
}

/// E-mail of the admin account created on first start.
pub const ADMIN_EMAIL: &str = "admin@cloudreve.local";

impl Config {
    /// Defaults matching a fresh Cloudreve CE install, with data in `data_dir`.
    pub fn new(data_dir: impl Into<PathBuf>) -> Self {
        Config {
            bind: SocketAddr::from(([127, 0, 0, 1], 5212)),
            data_dir: data_dir.into(),
            dist_dir: None,
            demo: false,
            admin_password: None,
            access_ttl: Duration::from_secs(3600),
            refresh_ttl: Duration::from_secs(1_209_600),
            login_captcha: false,
            cursor_pagination: true,
            title: "Cloudreve".into(),
            search_folder_limit: 65_535,
            test_hooks: false,
            upload_session_ttl: Duration::from_secs(86_400),
            upload_sweep_interval: Duration::from_secs(60),
            chunk_faults: 0,
            max_edit_size: 50 << 20,
            wopi_viewers: Vec::new(),
            embed_origins: Vec::new(),
            anonymous_zip: None,
        }
    }
}
