//! Cleanup of ended uploads: expired sessions go with their placeholders, locks and part files (and,
//! for S3 sessions, the provider's multipart upload and object), and part files without a session
//! (left by a crash) are removed. Runs at start and on an interval.

use std::collections::HashSet;
use std::time::Duration;

use tokio::task::JoinHandle;

use super::{direct, discard, parts};
use crate::error::AppError;
use crate::state::{now_secs, AppState};
use crate::store::uploads;

/// One cleanup pass; returns how many expired sessions it ended.
pub async fn sweep(s: &AppState) -> Result<usize, AppError> {
    // The directory is listed before the sessions are read: a session opened in between has its
    // part file created inside the same transaction that records it, so it is either in the listing
    // and then in the table, or in neither.
    let listed = list_parts(&s.upload_dir);
    let upload_dir = s.upload_dir.clone();
    let (ended, live) =
        s.db.call(move |c| {
            let expired = uploads::expired(c, now_secs())?;
            for session in &expired {
                discard(c, &upload_dir, session)?;
            }
            let live: HashSet<String> = uploads::all_ids(c)?.into_iter().collect();
            Ok((expired, live))
        })
        .await?;
    for session in &ended {
        s.upload_gates.forget(&session.id);
        // After the commit: the provider is only told once the session is surely gone.
        direct::abort(s, session).await;
        tracing::info!(session = %session.id, "expired upload session removed");
    }
    for id in listed.difference(&live) {
        if let Some(path) = parts::path(&s.upload_dir, id) {
            if std::fs::remove_file(&path).is_ok() {
                tracing::info!(session = %id, "part file without a session removed");
            }
        }
    }
    Ok(ended.len())
}

/// The part files in the upload dir (only names we could have made).
fn list_parts(dir: &std::path::Path) -> HashSet<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return HashSet::new();
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().to_str().and_then(parts::canonical_id))
        .collect()
}

/// Sweeps every `interval` until the task is aborted.
pub fn spawn_sweeper(s: AppState, interval: Duration) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(interval);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        // The first tick is immediate; the start-up pass has just run.
        ticks.tick().await;
        loop {
            ticks.tick().await;
            if let Err(e) = sweep(&s).await {
                tracing::warn!(error = %e, "upload cleanup failed");
            }
        }
    })
}
