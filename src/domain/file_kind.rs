//! What kind of file a name is, by its extension: picks the icon and decides whether asking the
//! server for a thumbnail is worthwhile.

/// A broad file kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Pictures.
    Image,
    /// Films and clips.
    Video,
    /// Music and recordings.
    Audio,
    /// Text documents, spreadsheets, slides, PDF.
    Document,
    /// Zip and friends.
    Archive,
    /// Source code and markup.
    Code,
    /// Anything else.
    Other,
}

/// The lower-case extension of `name`, without the dot ("" when there is none).
pub fn extension(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_lowercase(),
        _ => String::new(),
    }
}

/// The kind of a file called `name`.
pub fn kind_of(name: &str) -> FileKind {
    match extension(name).as_str() {
        "jpg" | "jpeg" | "png" | "gif" | "webp" | "bmp" | "svg" | "heic" | "avif" | "tif"
        | "tiff" | "ico" => FileKind::Image,
        "mp4" | "mkv" | "webm" | "mov" | "avi" | "m4v" | "flv" | "wmv" => FileKind::Video,
        "mp3" | "flac" | "wav" | "ogg" | "m4a" | "aac" | "opus" => FileKind::Audio,
        "pdf" | "doc" | "docx" | "xls" | "xlsx" | "ppt" | "pptx" | "odt" | "ods" | "odp"
        | "txt" | "md" | "csv" | "rtf" | "epub" => FileKind::Document,
        "zip" | "rar" | "7z" | "tar" | "gz" | "bz2" | "xz" | "tgz" | "zst" => FileKind::Archive,
        "rs" | "js" | "ts" | "py" | "go" | "c" | "h" | "cpp" | "java" | "json" | "toml"
        | "yaml" | "yml" | "html" | "css" | "sh" | "xml" | "sql" => FileKind::Code,
        _ => FileKind::Other,
    }
}

/// Whether the server can plausibly make a thumbnail: raster images it decodes, and videos (a
/// server with ffmpeg takes a frame). Asking for others only earns a 40077 per file.
pub fn thumbnail_likely(name: &str) -> bool {
    matches!(
        extension(name).as_str(),
        "jpg" | "jpeg" | "png" | "gif" | "webp" | "bmp" | "mp4" | "webm" | "mkv" | "mov" | "m4v"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_extension() {
        assert_eq!(kind_of("Trip.JPG"), FileKind::Image);
        assert_eq!(kind_of("notes.md"), FileKind::Document);
        assert_eq!(kind_of("backup.tar.gz"), FileKind::Archive);
        assert_eq!(
            kind_of(".bashrc"),
            FileKind::Other,
            "a dotfile has no extension"
        );
        assert_eq!(kind_of("README"), FileKind::Other);
        assert!(thumbnail_likely("a.webp") && !thumbnail_likely("a.svg"));
        assert!(
            thumbnail_likely("clip.MP4"),
            "servers with ffmpeg make video thumbnails"
        );
    }
}
