//! Thumbnails of videos: one frame taken by `ffmpeg` (when it is installed; Debian packages it),
//! then fitted and encoded like a picture's. Without `ffmpeg` videos simply get no thumbnail.

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::thumbs::{self, Source};

/// Extensions handed to `ffmpeg`.
const EXTENSIONS: &[&str] = &["mp4", "webm", "mkv", "mov", "m4v", "ogv", "avi"];
/// Longest a frame grab may take: a hostile file must not hold a generation slot for ever.
const TIMEOUT: Duration = Duration::from_secs(20);

/// Whether `name` is a video this module tries.
pub fn is_video(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, e)| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Whether `ffmpeg` can be run (checked once).
pub fn available() -> bool {
    static FOUND: OnceLock<bool> = OnceLock::new();
    *FOUND.get_or_init(|| {
        Command::new("ffmpeg")
            .arg("-version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })
}

/// Runs `ffmpeg` to write one frame of `video` at `at` seconds into `png`.
fn grab(video: &Path, at: &str, png: &Path) -> anyhow::Result<()> {
    let mut child = Command::new("ffmpeg")
        .args(["-v", "error", "-nostdin", "-y", "-ss", at, "-i"])
        .arg(video)
        .args(["-frames:v", "1", "-an", "-f", "image2", "-c:v", "png"])
        .arg(png)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            anyhow::ensure!(status.success(), "ffmpeg failed: {status}");
            anyhow::ensure!(png.is_file(), "ffmpeg wrote no frame");
            return Ok(());
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            anyhow::bail!("ffmpeg took too long");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Writes the thumbnail of `video` to `dest`: a frame one second in (the first frame of shorter
/// clips, which are often black), fitted like a picture. Blocking.
pub fn generate(video: &Path, dest: &Path) -> anyhow::Result<u64> {
    let png = dest.with_extension("frame.png");
    let grabbed = grab(video, "1", &png).or_else(|_| grab(video, "0", &png));
    let made = grabbed.and_then(|()| thumbs::generate(Source::File(png.clone()), dest));
    let _ = std::fs::remove_file(&png);
    made
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn videos_are_told_by_extension() {
        assert!(is_video("Trip.MP4") && is_video("a.webm"));
        assert!(!is_video("a.png") && !is_video("mp4"));
    }
}
