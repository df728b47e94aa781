//! The file apps the site offers (`file_viewers` of the `explorer` site config, models.md
//! §FileViewer): our built-in viewers, plus WOPI apps named on the command line.

use cloudreve_api::models::{FileViewer, FileViewerGroup, ViewerTemplate};
use cloudreve_api::uri::encode_component;
use sha2::{Digest, Sha256};

use crate::config::Config;

/// A WOPI app (`--wopi-viewer 'NAME|EXTS|ACTION_URL'`): its action URL is a template with
/// `WOPISrc` left for the server and the `lng`/`darkmode` placeholders left for the client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WopiViewer {
    /// Stable UUID, derived from the definition so it survives restarts.
    pub id: String,
    /// Label.
    pub name: String,
    /// Lower-case extensions without dot.
    pub exts: Vec<String>,
    /// Action URL, e.g. `https://office.example/hosting/word?WOPISrc=&lang=lng&thm=darkmode`.
    pub action: String,
}

impl WopiViewer {
    /// Parses `NAME|EXTS|ACTION_URL`, EXTS comma-separated.
    pub fn parse(spec: &str) -> Result<Self, String> {
        let mut parts = spec.splitn(3, '|');
        let (Some(name), Some(exts), Some(action)) = (parts.next(), parts.next(), parts.next())
        else {
            return Err("expected NAME|EXTS|ACTION_URL".into());
        };
        let exts: Vec<String> = exts
            .split(',')
            .map(|e| e.trim().trim_start_matches('.').to_ascii_lowercase())
            .filter(|e| !e.is_empty())
            .collect();
        if name.trim().is_empty() || exts.is_empty() {
            return Err("a WOPI viewer needs a name and at least one extension".into());
        }
        if !action.starts_with("http://") && !action.starts_with("https://") {
            return Err("the action URL must be http(s)".into());
        }
        let digest = Sha256::digest(spec.as_bytes());
        let h: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
        let id = format!(
            "{}-{}-{}-{}-{}",
            &h[..8],
            &h[8..12],
            &h[12..16],
            &h[16..20],
            &h[20..]
        );
        Ok(WopiViewer {
            id,
            name: name.trim().into(),
            exts,
            action: action.into(),
        })
    }

    /// Whether the app opens files with extension `ext` (lower case, no dot).
    pub fn handles(&self, ext: &str) -> bool {
        self.exts.iter().any(|e| e == ext)
    }

    /// The action URL with `WOPISrc=<wopi_src>` (URL-encoded) filled in or added; the `lng` and
    /// `darkmode` placeholders stay for the client.
    pub fn action_for(&self, wopi_src: &str) -> String {
        let (base, fragment) = match self.action.split_once('#') {
            Some((b, f)) => (b, Some(f)),
            None => (self.action.as_str(), None),
        };
        let (path, query) = base.split_once('?').unwrap_or((base, ""));
        let param = format!("WOPISrc={}", encode_component(wopi_src));
        let mut params: Vec<String> = query
            .split('&')
            .filter(|p| !p.is_empty())
            .filter(|p| {
                let key = p.split('=').next().unwrap_or_default();
                !key.eq_ignore_ascii_case("WOPISrc")
            })
            .map(str::to_string)
            .collect();
        params.insert(0, param);
        let mut url = format!("{path}?{}", params.join("&"));
        if let Some(f) = fragment {
            url.push('#');
            url.push_str(f);
        }
        url
    }

    /// The wire form (`wopi_actions` stays server-side, as CE strips it for users).
    fn to_wire(&self) -> FileViewer {
        FileViewer {
            id: self.id.clone(),
            viewer_type: "wopi".into(),
            display_name: self.name.clone(),
            exts: self.exts.clone(),
            ..FileViewer::default()
        }
    }
}

fn builtin(id: &str, display_name: &str, exts: &str) -> FileViewer {
    FileViewer {
        id: id.into(),
        viewer_type: "builtin".into(),
        display_name: display_name.into(),
        exts: exts.split_whitespace().map(String::from).collect(),
        ..FileViewer::default()
    }
}

/// An editor: it saves through `PUT /file/content`, so it takes files up to the edit limit, and it
/// can make new files of `template`.
fn editor(id: &str, display_name: &str, exts: &str, max_edit: i64, template: &str) -> FileViewer {
    FileViewer {
        max_size: max_edit,
        templates: vec![ViewerTemplate {
            ext: template.into(),
            display_name: template.into(),
        }],
        ..builtin(id, display_name, exts)
    }
}

/// The built-in viewers; `archive` is this project's own id (CE has none).
fn builtins(max_edit: i64) -> Vec<FileViewer> {
    vec![
        builtin(
            "image",
            "fileManager.imageViewer",
            "jpg jpeg png gif webp bmp svg avif ico",
        ),
        builtin(
            "video",
            "fileManager.videoPlayer",
            "mp4 webm mkv mov m4v ogv",
        ),
        builtin(
            "music",
            "fileManager.musicPlayer",
            "mp3 flac wav ogg m4a aac opus",
        ),
        builtin("pdf", "fileManager.pdfViewer", "pdf"),
        editor(
            "markdown",
            "fileManager.markdownEditor",
            "md markdown",
            max_edit,
            "md",
        ),
        editor(
            "monaco",
            "fileManager.monacoEditor",
            "txt log csv srt vtt ini conf rs js ts py go c h cpp java json toml yaml yml html css sh xml sql",
            max_edit,
            "txt",
        ),
        builtin("archive", "fileManager.archiveViewer", "zip"),
    ]
}

/// `file_viewers`: one group of built-in viewers, and one of WOPI apps when any are configured.
pub fn groups(config: &Config) -> Vec<FileViewerGroup> {
    let mut groups = vec![FileViewerGroup {
        viewers: builtins(config.max_edit_size),
    }];
    if !config.wopi_viewers.is_empty() {
        groups.push(FileViewerGroup {
            viewers: config
                .wopi_viewers
                .iter()
                .map(WopiViewer::to_wire)
                .collect(),
        });
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wopi_specs_parse_into_stable_uuids() {
        let spec = "Office|DOCX, .xlsx|https://office.example/x?WOPISrc=&lang=lng";
        let v = WopiViewer::parse(spec).expect("valid");
        assert_eq!(v.exts, ["docx", "xlsx"]);
        assert_eq!(v.id.len(), 36);
        assert_eq!(v.id, WopiViewer::parse(spec).expect("valid").id);
        for bad in [
            "Office|docx",
            "|docx|https://x",
            "O||https://x",
            "O|docx|ftp://x",
        ] {
            assert!(WopiViewer::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn wopi_src_is_filled_in_encoded_and_placeholders_stay() {
        let src = "http://127.0.0.1:5212/api/v4/file/wopi/N4yu";
        let want = "WOPISrc=http%3A%2F%2F127.0.0.1%3A5212%2Fapi%2Fv4%2Ffile%2Fwopi%2FN4yu";
        let with = |action: &str| {
            WopiViewer::parse(&format!("O|docx|{action}"))
                .expect("valid")
                .action_for(src)
        };
        assert_eq!(
            with("https://o.example/edit?WOPISrc=&lang=lng&thm=darkmode"),
            format!("https://o.example/edit?{want}&lang=lng&thm=darkmode")
        );
        assert_eq!(
            with("https://o.example/edit"),
            format!("https://o.example/edit?{want}")
        );
        assert_eq!(
            with("https://o.example/edit?ui=lng#top"),
            format!("https://o.example/edit?{want}&ui=lng#top")
        );
    }
}
