//! Which app opens a file: the site's `file_viewers` (models.md §FileViewer) filtered by extension,
//! size and state, with the user's "open with" choice first. A server that sends no viewers gets our
//! built-in set, so previews work against any Cloudreve.

use cloudreve_api::models::{FileViewer, FileViewerGroup};

use crate::domain::file_kind::extension;

/// A viewer the app renders itself (`type: builtin`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Builtin {
    /// Lightbox for pictures (`image`).
    Image,
    /// The browser's video player (`video`).
    Video,
    /// The browser's audio player (`music`).
    Audio,
    /// PDF in the page (`pdf`).
    Pdf,
    /// Text and code, with an editor (`monaco`).
    Code,
    /// Rendered markdown, with an editor (`markdown`).
    Markdown,
    /// Entry list of a zip (`archive`, our own id).
    Archive,
}

impl Builtin {
    /// The built-in viewer a Cloudreve viewer id stands for. Ids we cannot render (`epub`, `drawio`,
    /// `photopea`, `excalidraw`) are left out, so the next candidate or the download card is used.
    pub fn from_id(id: &str) -> Option<Self> {
        Some(match id {
            "image" => Builtin::Image,
            "video" => Builtin::Video,
            "music" => Builtin::Audio,
            "pdf" => Builtin::Pdf,
            "monaco" => Builtin::Code,
            "markdown" => Builtin::Markdown,
            "archive" => Builtin::Archive,
            _ => return None,
        })
    }

    /// The Cloudreve id.
    pub fn id(self) -> &'static str {
        match self {
            Builtin::Image => "image",
            Builtin::Video => "video",
            Builtin::Audio => "music",
            Builtin::Pdf => "pdf",
            Builtin::Code => "monaco",
            Builtin::Markdown => "markdown",
            Builtin::Archive => "archive",
        }
    }

    /// Whether it opens `name` by its own extension list (a lightbox or playlist keeps to these,
    /// whatever the server's viewers say, since they are what the browser can render).
    pub fn shows(self, name: &str) -> bool {
        self.default_exts().contains(&extension(name).as_str())
    }

    /// Extensions it opens when the server names no viewers.
    fn default_exts(self) -> &'static [&'static str] {
        match self {
            Builtin::Image => &[
                "jpg", "jpeg", "png", "gif", "webp", "bmp", "svg", "avif", "ico",
            ],
            Builtin::Video => &["mp4", "webm", "mkv", "mov", "m4v", "ogv"],
            Builtin::Audio => &["mp3", "flac", "wav", "ogg", "m4a", "aac", "opus"],
            Builtin::Pdf => &["pdf"],
            Builtin::Markdown => &["md", "markdown"],
            Builtin::Code => &[
                "txt", "log", "csv", "srt", "vtt", "ini", "conf", "rs", "js", "ts", "py", "go",
                "c", "h", "cpp", "java", "json", "toml", "yaml", "yml", "html", "css", "sh", "xml",
                "sql",
            ],
            Builtin::Archive => &["zip"],
        }
    }

    const ALL: [Builtin; 7] = [
        Builtin::Image,
        Builtin::Video,
        Builtin::Audio,
        Builtin::Pdf,
        Builtin::Markdown,
        Builtin::Code,
        Builtin::Archive,
    ];
}

/// How a candidate app is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum App {
    /// Rendered by the app.
    Builtin(Builtin),
    /// A WOPI client, opened through a viewer session.
    Wopi,
    /// An iframe whose URL is the viewer's template with the placeholders filled.
    Custom(String),
}

/// One app that can open a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The viewer id (`viewer_id` of a viewer session, key of the "open with" choice).
    pub id: String,
    /// Label: a plain name, or one of Cloudreve's i18n keys (`fileManager.pdfViewer`).
    pub label: String,
    /// What to render.
    pub app: App,
}

fn candidate(v: &FileViewer) -> Option<Candidate> {
    let app = match v.viewer_type.as_str() {
        "builtin" => App::Builtin(Builtin::from_id(&v.id)?),
        "wopi" => App::Wopi,
        "custom" if !v.url.is_empty() => App::Custom(v.url.clone()),
        _ => return None,
    };
    Some(Candidate {
        id: v.id.clone(),
        label: v.display_name.clone(),
        app,
    })
}

/// Every app that can open a file named `name` of `size` bytes, best first: the server's order, or
/// our built-in set when the server lists no viewers at all.
pub fn candidates(name: &str, size: i64, groups: &[FileViewerGroup]) -> Vec<Candidate> {
    let ext = extension(name);
    if ext.is_empty() {
        return Vec::new();
    }
    let listed: Vec<&FileViewer> = groups.iter().flat_map(|g| g.viewers.iter()).collect();
    if listed.is_empty() {
        return Builtin::ALL
            .into_iter()
            .filter(|b| b.default_exts().contains(&ext.as_str()))
            .map(|b| Candidate {
                id: b.id().to_string(),
                label: String::new(),
                app: App::Builtin(b),
            })
            .collect();
    }
    listed
        .into_iter()
        .filter(|v| !v.disabled && v.platform != "mobile")
        .filter(|v| v.exts.iter().any(|e| e.eq_ignore_ascii_case(&ext)))
        .filter(|v| v.max_size <= 0 || size <= v.max_size)
        .filter_map(candidate)
        .collect()
}

/// The smallest `max_size` among the enabled viewers of this file's extension that `size` exceeds:
/// what to tell the user when no app opens the file only because it is too large.
pub fn size_limit(name: &str, size: i64, groups: &[FileViewerGroup]) -> Option<i64> {
    let ext = extension(name);
    groups
        .iter()
        .flat_map(|g| g.viewers.iter())
        .filter(|v| !v.disabled && v.platform != "mobile" && candidate(v).is_some())
        .filter(|v| v.exts.iter().any(|e| e.eq_ignore_ascii_case(&ext)))
        .filter(|v| v.max_size > 0 && size > v.max_size)
        .map(|v| v.max_size)
        .min()
}

/// The candidate to open: the one the user chose for this extension when it is still offered,
/// else the first.
pub fn pick<'a>(candidates: &'a [Candidate], preferred: Option<&str>) -> Option<&'a Candidate> {
    preferred
        .and_then(|p| candidates.iter().find(|c| c.id == p))
        .or_else(|| candidates.first())
}

/// What a custom viewer's URL template may name (models.md §FileViewer `url`).
#[derive(Debug, Clone, Default)]
pub struct TemplateValues<'a> {
    /// The content URL.
    pub src: &'a str,
    /// The file name.
    pub name: &'a str,
    /// The version (entity) id.
    pub version: &'a str,
    /// The file id.
    pub id: &'a str,
    /// The signed-in user's id.
    pub user_id: &'a str,
    /// The signed-in user's display name.
    pub user_display_name: &'a str,
    /// Whether the page is dark.
    pub dark: bool,
}

/// Fills a custom viewer's URL template. Values are URL-encoded except `{$src_raw}`, which the
/// template wants verbatim.
pub fn fill_template(template: &str, v: &TemplateValues) -> String {
    use cloudreve_api::uri::encode_component as enc;
    let raw_b64 = base64_standard(v.src.as_bytes());
    let theme = if v.dark { "dark" } else { "light" };
    let pairs: [(&str, String); 10] = [
        ("{$src_raw_base64}", enc(&raw_b64)),
        ("{$src_raw}", v.src.to_string()),
        ("{$src}", enc(v.src)),
        ("{$name}", enc(v.name)),
        ("{$version}", enc(v.version)),
        ("{$id}", enc(v.id)),
        ("{$user_id}", enc(v.user_id)),
        ("{$user_display_name}", enc(v.user_display_name)),
        ("{$theme}", theme.to_string()),
        ("{$dark}", v.dark.to_string()),
    ];
    let mut out = template.to_string();
    for (placeholder, value) in pairs {
        out = out.replace(placeholder, &value);
    }
    out
}

/// Standard base64 with padding (for `{$src_raw_base64}`); a dozen lines instead of a crate.
fn base64_standard(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn viewer(id: &str, kind: &str, exts: &[&str]) -> FileViewer {
        FileViewer {
            id: id.into(),
            viewer_type: kind.into(),
            display_name: id.into(),
            exts: exts.iter().map(|e| e.to_string()).collect(),
            ..FileViewer::default()
        }
    }

    fn group(viewers: Vec<FileViewer>) -> Vec<FileViewerGroup> {
        vec![FileViewerGroup { viewers }]
    }

    #[test]
    fn without_server_viewers_the_builtin_set_opens_common_files() {
        let ids = |name: &str| -> Vec<String> {
            candidates(name, 10, &[])
                .into_iter()
                .map(|c| c.id)
                .collect()
        };
        assert_eq!(ids("Trip.JPG"), ["image"]);
        assert_eq!(ids("notes.md"), ["markdown"]);
        assert_eq!(ids("main.rs"), ["monaco"]);
        assert_eq!(ids("song.flac"), ["music"]);
        assert_eq!(ids("a.zip"), ["archive"]);
        assert!(ids("README").is_empty(), "no extension, no viewer");
        assert!(ids("x.exe").is_empty());
    }

    #[test]
    fn a_file_too_large_for_every_editor_reports_the_limit() {
        let mut monaco = viewer("monaco", "builtin", &["log"]);
        monaco.max_size = 1_000;
        let mut md = viewer("markdown", "builtin", &["log"]);
        md.max_size = 500;
        let groups = group(vec![monaco, md]);
        assert!(candidates("a.log", 2_000, &groups).is_empty());
        assert_eq!(size_limit("a.log", 2_000, &groups), Some(500));
        assert_eq!(size_limit("a.log", 400, &groups), None);
        assert_eq!(size_limit("a.png", 2_000, &groups), None);
    }

    #[test]
    fn server_viewers_filter_by_extension_size_state_and_type() {
        let mut big_limit = viewer("monaco", "builtin", &["txt"]);
        big_limit.max_size = 100;
        let mut off = viewer("markdown", "builtin", &["txt"]);
        off.disabled = true;
        let mut custom = viewer("googledocs", "custom", &["TXT"]);
        custom.url = "https://v.example/?src={$src}".into();
        let unknown_builtin = viewer("drawio", "builtin", &["txt"]);
        let groups = group(vec![
            big_limit,
            off,
            unknown_builtin,
            custom,
            viewer("w1", "wopi", &["txt"]),
        ]);
        let ids: Vec<String> = candidates("a.txt", 50, &groups)
            .into_iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(ids, ["monaco", "googledocs", "w1"]);
        let ids: Vec<String> = candidates("a.txt", 500, &groups)
            .into_iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(ids, ["googledocs", "w1"], "too big for the editor");
    }

    #[test]
    fn the_users_choice_wins_while_it_is_offered() {
        let groups = group(vec![
            viewer("monaco", "builtin", &["md"]),
            viewer("markdown", "builtin", &["md"]),
        ]);
        let c = candidates("a.md", 1, &groups);
        assert_eq!(pick(&c, None).map(|c| c.id.as_str()), Some("monaco"));
        assert_eq!(
            pick(&c, Some("markdown")).map(|c| c.id.as_str()),
            Some("markdown")
        );
        assert_eq!(
            pick(&c, Some("gone")).map(|c| c.id.as_str()),
            Some("monaco")
        );
        assert_eq!(pick(&[], Some("monaco")), None);
    }

    #[test]
    fn templates_are_filled_and_encoded() {
        let v = TemplateValues {
            src: "http://h/a b?x=1&y=2",
            name: "a b.docx",
            dark: true,
            ..TemplateValues::default()
        };
        let url = fill_template("https://v/?u={$src}&r={$src_raw}&n={$name}&t={$theme}", &v);
        assert_eq!(
            url,
            "https://v/?u=http%3A%2F%2Fh%2Fa%20b%3Fx%3D1%26y%3D2&r=http://h/a b?x=1&y=2&n=a%20b.docx&t=dark"
        );
        assert_eq!(base64_standard(b"Man"), "TWFu");
        assert_eq!(base64_standard(b"Ma"), "TWE=");
        assert_eq!(base64_standard(b"M"), "TQ==");
    }
}
