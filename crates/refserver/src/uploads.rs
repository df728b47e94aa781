//! Upload sessions (file.md §5): part files, the policy's rules, completion, cancellation, expiry,
//! the fault injection that tests clients' retries, and uploads straight to S3 (`direct`).
//!
//! For local (and relayed) policies a session's bytes go to `data/uploads/<session id>`, created at
//! its full size when the session opens; each chunk is written at `index * chunk_size`. The last
//! chunk completes the upload: the part file is renamed into `data/blobs` and the placeholder
//! becomes the file. For S3 policies the browser sends the parts to the bucket and the callback
//! completes the upload; the object becomes the blob where it is.

pub mod direct;
pub mod faults;
mod finish;
pub mod parts;
pub mod rules;
mod sweep;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tokio::sync::RwLock;

pub use finish::{complete, discard, live_session, settle};
pub use sweep::{spawn_sweeper, sweep};

/// One gate per session with chunks in flight: chunk writes hold it shared, completion holds it
/// alone, so no write can land in a part file after it has become a blob.
#[derive(Debug, Default)]
pub struct Gates(Mutex<HashMap<String, Arc<RwLock<()>>>>);

impl Gates {
    /// The gate of session `id`.
    pub fn of(&self, id: &str) -> Arc<RwLock<()>> {
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        map.entry(id.to_string()).or_default().clone()
    }

    /// Forgets the gate of a session that has ended.
    pub fn forget(&self, id: &str) {
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        map.remove(id);
    }
}
