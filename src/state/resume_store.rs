//! Playback positions in localStorage, one bounded list for every file version (the rules are in
//! [`crate::domain::resume_position`]).

use cloudreve_api::models::FileResponse;

use crate::browser;
use crate::domain::resume_position as rp;

/// localStorage key of the list.
const STORE_KEY: &str = "cr_media_resume";

fn file_key(file: &FileResponse) -> String {
    rp::key(&file.id, &file.primary_entity)
}

/// Where to start `file` of `duration` seconds, if a saved position is worth resuming.
pub fn resume_at(file: &FileResponse, duration: f64) -> Option<f64> {
    let saved = rp::lookup(
        &browser::load(STORE_KEY).unwrap_or_default(),
        &file_key(file),
    );
    rp::restore_at(saved, duration)
}

/// Remembers `at` seconds for `file`, or forgets it (`None`, played to the end).
pub fn remember(file: &FileResponse, at: Option<f64>) {
    let stored = browser::load(STORE_KEY).unwrap_or_default();
    let updated = rp::update(&stored, &file_key(file), at);
    if updated.is_empty() {
        browser::remove(STORE_KEY);
    } else {
        browser::store(STORE_KEY, &updated);
    }
}
