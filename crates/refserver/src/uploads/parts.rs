//! Part files: where a session's bytes wait, and how one chunk is streamed into its range.

use std::io::SeekFrom;
use std::path::{Path, PathBuf};

use axum::body::Body;
use futures_util::StreamExt;
use tokio::io::{AsyncSeekExt, AsyncWriteExt, BufWriter};

/// Bytes of a chunk gathered before they go to the disk. A browser's body arrives in frames of
/// some 30 KiB (curl's in some 360 KiB); each write to a tokio `File` is a trip to the blocking
/// pool, so writing frame by frame cost the server twice the CPU time per GiB from a browser
/// than from curl (`cargo xtask bench --upload`).
const WRITE_BUFFER: usize = 1 << 20;

/// The session id `s` in the one form we generate (a lower-case hyphenated UUID), or `None`: only
/// such names ever become paths, so no request can reach outside the upload dir.
pub fn canonical_id(s: &str) -> Option<String> {
    let id = uuid::Uuid::try_parse(s).ok()?.hyphenated().to_string();
    (id == s).then_some(id)
}

/// The part file of session `id` (which must be canonical).
pub fn path(upload_dir: &Path, id: &str) -> Option<PathBuf> {
    canonical_id(id).map(|id| upload_dir.join(id))
}

/// Creates the part file at its final `size` (sparse: unwritten ranges take no disk).
pub fn create(path: &Path, size: u64) -> std::io::Result<()> {
    std::fs::File::create_new(path)?.set_len(size)
}

/// How a chunk write ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Written {
    /// All `len` bytes are on disk.
    Whole,
    /// Stopped on purpose after `cut` bytes (fault injection).
    Cut,
}

/// Why a chunk write failed.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The part file is gone: the session ended meanwhile.
    #[error("the upload session has ended")]
    Gone,
    /// The body carried more bytes than the chunk holds.
    #[error("the body is longer than the chunk")]
    TooLong,
    /// The body ended (or broke off) before the chunk was complete.
    #[error("the body is shorter than announced")]
    Short,
    /// The disk failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Streams `body` into `path` at `offset`, expecting exactly `len` bytes; with `cut`, stops after
/// that many bytes. Holds at most [`WRITE_BUFFER`] bytes and one frame of the body in memory, and
/// never writes past `offset + len` (the next chunk's range).
pub async fn write(
    path: &Path,
    offset: u64,
    len: u64,
    body: Body,
    cut: Option<u64>,
) -> Result<Written, WriteError> {
    // Opened without `create`: a cancelled session's part file must not come back.
    let mut file = match tokio::fs::OpenOptions::new().write(true).open(path).await {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(WriteError::Gone),
        Err(e) => return Err(e.into()),
    };
    file.seek(SeekFrom::Start(offset)).await?;
    let mut file = BufWriter::with_capacity(WRITE_BUFFER, file);
    let mut stream = body.into_data_stream();
    let mut done: u64 = 0;
    while let Some(frame) = stream.next().await {
        let mut frame = frame.map_err(|_| WriteError::Short)?;
        if done + frame.len() as u64 > len {
            return Err(WriteError::TooLong);
        }
        let cut_here = cut.filter(|c| done + frame.len() as u64 >= *c);
        if let Some(c) = cut_here {
            frame.truncate((c - done) as usize);
        }
        file.write_all(&frame).await?;
        done += frame.len() as u64;
        if cut_here.is_some() {
            file.flush().await?;
            return Ok(Written::Cut);
        }
    }
    // Writes what is buffered; tokio's File finishes a write in the background, and flushing
    // waits for that too.
    file.flush().await?;
    if done < len {
        return Err(WriteError::Short);
    }
    Ok(Written::Whole)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_canonical_uuids_name_part_files() {
        let id = uuid::Uuid::new_v4().to_string();
        assert_eq!(canonical_id(&id), Some(id.clone()));
        for bad in [
            "",
            "..",
            "../etc/passwd",
            "a/b",
            &id.to_uppercase(),
            &id.replace('-', ""),
            &format!("{{{id}}}"),
            &format!("urn:uuid:{id}"),
            &format!("{id}/.."),
        ] {
            assert_eq!(canonical_id(bad), None, "{bad:?}");
        }
        let dir = Path::new("/data/uploads");
        assert_eq!(path(dir, &id), Some(dir.join(&id)));
        assert_eq!(path(dir, "../x"), None);
    }

    #[tokio::test]
    async fn chunks_land_in_their_range_and_lengths_are_enforced() {
        let dir = tempfile::tempdir().expect("dir");
        let p = dir.path().join("part");
        create(&p, 6).expect("create");
        let w = write(&p, 3, 3, Body::from("def"), None)
            .await
            .expect("write");
        assert_eq!(w, Written::Whole);
        write(&p, 0, 3, Body::from("abc"), None)
            .await
            .expect("write");
        assert_eq!(std::fs::read(&p).expect("read"), b"abcdef");
        assert!(matches!(
            write(&p, 0, 3, Body::from("abcd"), None).await,
            Err(WriteError::TooLong)
        ));
        assert!(matches!(
            write(&p, 0, 3, Body::from("ab"), None).await,
            Err(WriteError::Short)
        ));
        let w = write(&p, 0, 3, Body::from("xyz"), Some(1))
            .await
            .expect("cut");
        assert_eq!(w, Written::Cut);
        assert_eq!(std::fs::read(&p).expect("read"), b"xbcdef");
        std::fs::remove_file(&p).expect("rm");
        assert!(matches!(
            write(&p, 0, 3, Body::from("abc"), None).await,
            Err(WriteError::Gone)
        ));
        assert!(!p.exists(), "a gone part file is not recreated");
    }
}
