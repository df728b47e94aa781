//! Shared server state handed to every handler.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use crate::captcha::CaptchaStore;
use crate::config::Config;
use crate::db::Db;
use crate::ids::IdCodec;

/// A pending second sign-in step: which user, until when.
pub type TwoFaSessions = Mutex<HashMap<String, (i64, Instant)>>;

/// Everything a handler may need; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub db: Db,
    /// Start-up configuration.
    pub config: Arc<Config>,
    /// Opaque id codec of this installation.
    pub ids: IdCodec,
    /// JWT signing secret of this installation.
    pub secret: Arc<Vec<u8>>,
    /// Installation id (`instance_id`, part of refresh-token state hashes).
    pub site_id: Arc<String>,
    /// Live CAPTCHA challenges.
    pub captchas: Arc<CaptchaStore>,
    /// Sign-ins waiting for a TOTP code (600 s).
    pub two_fa: Arc<TwoFaSessions>,
    /// Where file contents live.
    pub blob_dir: PathBuf,
    /// HMAC key of signed content URLs (`signing`).
    pub url_secret: Arc<Vec<u8>>,
    /// Thumbnail generations allowed to run at once (`thumbs`).
    pub thumb_slots: Arc<tokio::sync::Semaphore>,
    /// Where upload sessions keep their part files (`uploads::parts`).
    pub upload_dir: PathBuf,
    /// Keeps chunk writes and completion of one session apart (`uploads::Gates`).
    pub upload_gates: Arc<crate::uploads::Gates>,
}

/// Current Unix time in seconds.
pub fn now_secs() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Current Unix time in milliseconds.
pub fn now_millis() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}
