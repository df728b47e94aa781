//! The file to upload: pseudo-random bytes (incompressible, and no two chunks alike), written once
//! into a temp dir; and the same bytes cut into one file per chunk for curl.

use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

/// Bytes generated and written at a time.
const BLOCK: usize = 8 << 20;

/// Writes `size` bytes of xorshift64 output to `path`.
pub fn generate(path: &Path, size: u64) -> anyhow::Result<()> {
    let file = File::create(path).with_context(|| format!("creating {}", path.display()))?;
    let mut out = BufWriter::with_capacity(BLOCK, file);
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut block = vec![0u8; BLOCK];
    let mut left = size;
    while left > 0 {
        for word in block.chunks_exact_mut(8) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            word.copy_from_slice(&state.to_le_bytes());
        }
        let n = left.min(BLOCK as u64) as usize;
        out.write_all(&block[..n])?;
        left -= n as u64;
    }
    out.flush()?;
    Ok(())
}

/// How many chunks of `chunk_size` a file of `size` bytes takes (one for an empty file).
pub fn chunk_count(size: u64, chunk_size: u64) -> usize {
    if chunk_size == 0 || size == 0 {
        1
    } else {
        size.div_ceil(chunk_size) as usize
    }
}

/// Cuts `source` into files `dir/0`, `dir/1`, … of `chunk_size` bytes (the last one shorter).
pub fn cut(source: &Path, chunk_size: u64, dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut src = File::open(source).with_context(|| format!("opening {}", source.display()))?;
    let size = src.metadata()?.len();
    let chunk_size = if chunk_size == 0 { size } else { chunk_size };
    (0..chunk_count(size, chunk_size))
        .map(|i| {
            let path = dir.join(i.to_string());
            let offset = i as u64 * chunk_size;
            src.seek(SeekFrom::Start(offset))?;
            let len = chunk_size.min(size - offset);
            let mut out = File::create(&path)?;
            let copied = std::io::copy(&mut (&mut src).take(len), &mut out)?;
            anyhow::ensure!(copied == len, "short read cutting chunk {i}");
            Ok(path)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_put_back_together_give_the_file() {
        let dir = tempfile::tempdir().expect("dir");
        let file = dir.path().join("f");
        generate(&file, 1000).expect("generate");
        let bytes = std::fs::read(&file).expect("read");
        assert_eq!(bytes.len(), 1000);
        assert!(bytes.windows(8).any(|w| w != [0; 8]), "not all zero");
        let parts = dir.path().join("parts");
        std::fs::create_dir(&parts).expect("mkdir");
        let paths = cut(&file, 300, &parts).expect("cut");
        assert_eq!(paths.len(), 4);
        let joined: Vec<u8> = paths
            .iter()
            .flat_map(|p| std::fs::read(p).expect("part"))
            .collect();
        assert_eq!(joined, bytes);
        assert_eq!(std::fs::metadata(&paths[3]).expect("meta").len(), 100);
    }

    #[test]
    fn counts_chunks_as_the_protocol_does() {
        assert_eq!(chunk_count(1 << 30, 25 << 20), 41);
        assert_eq!(chunk_count(100, 50), 2);
        assert_eq!(chunk_count(101, 50), 3);
        assert_eq!(chunk_count(0, 50), 1);
        assert_eq!(chunk_count(10, 0), 1);
    }
}
