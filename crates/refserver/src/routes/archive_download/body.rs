//! The body of an archive download. A task writes the zip front to back into a small bounded
//! channel the response reads from, so memory holds a few chunks whatever the archive's size, and
//! a client that goes away stops the work (the next send fails).

use std::io;

use axum::body::{Body, Bytes};
use futures_util::stream;
use tokio::io::AsyncReadExt;
use tokio::sync::mpsc;

use super::plan::{Content, Entry};
use crate::blobs::{self, BlobRef};
use crate::routes::content::blob_path;
use crate::state::AppState;
use crate::zip_stream::{descriptor, end_record};

/// Bytes read from disk, and central directory bytes gathered, per send.
const CHUNK: usize = 64 * 1024;
/// Bytes asked of S3 per ranged GET.
const S3_CHUNK: u64 = 1 << 20;
/// Chunks waiting for the client at most.
const QUEUE: usize = 4;

type Chunk = Result<Bytes, io::Error>;

/// Why writing stopped early.
enum Stop {
    /// The client is gone; nobody to tell.
    Gone,
    /// Reading content failed; the body ends with this error, so the client sees a broken
    /// download rather than a zip with wrong bytes.
    Failed(io::Error),
}

fn failed(e: impl std::fmt::Display) -> Stop {
    Stop::Failed(io::Error::other(e.to_string()))
}

/// The zip of `entries`, streamed.
pub fn stream(s: AppState, entries: Vec<Entry>) -> Body {
    let (tx, rx) = mpsc::channel::<Chunk>(QUEUE);
    tokio::spawn(async move {
        let mut out = Out {
            tx: &tx,
            written: 0,
        };
        if let Err(Stop::Failed(e)) = write(&s, &entries, &mut out).await {
            tracing::warn!(error = %e, "archive download cut short");
            let _ = tx.send(Err(e)).await;
        }
    });
    Body::from_stream(stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|chunk| (chunk, rx))
    }))
}

/// The channel, and how many bytes went into it.
struct Out<'a> {
    tx: &'a mpsc::Sender<Chunk>,
    written: u64,
}

impl Out<'_> {
    async fn send(&mut self, bytes: impl Into<Bytes>) -> Result<(), Stop> {
        let bytes = bytes.into();
        self.written += bytes.len() as u64;
        self.tx.send(Ok(bytes)).await.map_err(|_| Stop::Gone)
    }

    /// Where the next byte goes, as the 32-bit offset zip records (the plan keeps archives small
    /// enough).
    fn offset(&self) -> Result<u32, Stop> {
        u32::try_from(self.written).map_err(failed)
    }
}

async fn write(s: &AppState, entries: &[Entry], out: &mut Out<'_>) -> Result<(), Stop> {
    let mut records = Vec::with_capacity(entries.len());
    for entry in entries {
        let offset = out.offset()?;
        out.send(entry.header().local()).await?;
        let (crc, size) = match &entry.content {
            Content::Dir => (0, 0),
            Content::File { blob, size } => {
                let crc = copy(s, blob.as_deref(), *size, out).await?;
                let size = u32::try_from(*size).map_err(failed)?;
                out.send(descriptor(crc, size)).await?;
                (crc, size)
            }
        };
        records.push((offset, crc, size));
    }
    let start = out.offset()?;
    let mut buf = Vec::with_capacity(CHUNK);
    for (entry, (offset, crc, size)) in entries.iter().zip(records) {
        buf.extend(entry.header().central(offset, crc, size));
        if buf.len() >= CHUNK {
            out.send(std::mem::take(&mut buf)).await?;
        }
    }
    let directory =
        u32::try_from(out.written - u64::from(start) + buf.len() as u64).map_err(failed)?;
    let count = u16::try_from(entries.len()).map_err(failed)?;
    buf.extend(end_record(count, directory, start));
    out.send(buf).await
}

/// Sends the `size` bytes of `blob` and returns their CRC-32; content that is not exactly `size`
/// bytes long fails the download.
async fn copy(s: &AppState, blob: Option<&str>, size: u64, out: &mut Out<'_>) -> Result<u32, Stop> {
    let mut crc = crc32fast::Hasher::new();
    let mut seen = 0u64;
    match blob.map(BlobRef::parse) {
        None => {}
        Some(Some(BlobRef::Local(name))) => {
            let path = blob_path(&s.blob_dir, name).ok_or_else(|| failed("bad blob name"))?;
            let mut file = tokio::fs::File::open(path).await.map_err(Stop::Failed)?;
            loop {
                let mut buf = vec![0; CHUNK];
                let n = file.read(&mut buf).await.map_err(Stop::Failed)?;
                if n == 0 {
                    break;
                }
                buf.truncate(n);
                seen += n as u64;
                if seen > size {
                    break;
                }
                crc.update(&buf);
                out.send(buf).await?;
            }
        }
        Some(Some(BlobRef::S3 { policy, key })) => {
            let client = blobs::s3_client(s, policy).await.map_err(failed)?;
            while seen < size {
                let end = (seen + S3_CHUNK).min(size);
                let bytes = client
                    .get_object(key, Some(seen..end))
                    .await
                    .map_err(failed)?;
                if bytes.is_empty() {
                    break;
                }
                seen += bytes.len() as u64;
                crc.update(&bytes);
                out.send(bytes).await?;
            }
        }
        Some(None) => return Err(failed("unreadable blob name")),
    }
    if seen != size {
        return Err(failed(format!("content is not the recorded {size} bytes")));
    }
    Ok(crc.finalize())
}
