//! The baseline: the same chunks sent by `curl`, one process per chunk, with the app's schedule
//! (up to the policy's `chunk_concurrency` requests at once, in index order, the last chunk alone
//! after every other has been answered).

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context};
use tokio::task::JoinSet;

use super::api::{data_of, Api, UploadSession};
use super::timing::{Span, Timing};

/// Sends `chunks` (the chunk files, in order) into `session`; returns the timeline. The clock
/// starts as the first request starts: opening the session is not timed.
pub async fn send(
    api: &Api,
    session: &UploadSession,
    chunks: &[PathBuf],
) -> anyhow::Result<Timing> {
    let Some((_, others)) = chunks.split_last() else {
        bail!("no chunks");
    };
    let started = Instant::now();
    let mut running = JoinSet::new();
    let mut spans = Vec::with_capacity(chunks.len());
    let mut next = 0;
    loop {
        while next < others.len() && running.len() < session.concurrency {
            running.spawn(one(api, session, next, chunks, started));
            next += 1;
        }
        match running.join_next().await {
            Some(done) => spans.push(done.context("a chunk task failed")??),
            None => break,
        }
    }
    // Every other chunk is answered: the last one completes the upload.
    spans.push(one(api, session, others.len(), chunks, started).await?);
    spans.sort_by_key(|s| s.index);
    Ok(Timing {
        total: started.elapsed().as_secs_f64(),
        chunks: spans,
    })
}

/// Starts the request of chunk `index` (as a future that owns what it needs).
fn one(
    api: &Api,
    session: &UploadSession,
    index: usize,
    chunks: &[PathBuf],
    started: Instant,
) -> impl std::future::Future<Output = anyhow::Result<Span>> + Send + 'static {
    let mut command = api.chunk_command(session, index, &chunks[index]);
    async move {
        let start = started.elapsed().as_secs_f64();
        let out = command
            .output()
            .await
            .with_context(|| format!("starting curl for chunk {index}"))?;
        let end = started.elapsed().as_secs_f64();
        if !out.status.success() {
            bail!(
                "curl for chunk {index} failed with {}: {}",
                out.status,
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        data_of(&format!("chunk {index}"), &out.stdout)?;
        Ok(Span { index, start, end })
    }
}
