//! Subtitles for a video: which files of its folder belong to it (`movie.srt`, `movie.en.vtt`),
//! and SubRip (`.srt`) turned into WebVTT, the only format `<track>` reads.

use crate::domain::file_kind::extension;

/// A subtitle file offered for a video.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubtitleFile {
    /// Index of the file in the list given to [`for_video`].
    pub index: usize,
    /// The track label: the language part of the name (`en` of `movie.en.srt`), else the name.
    pub label: String,
    /// Whether it needs converting from SubRip.
    pub srt: bool,
}

/// The subtitles among `names` whose stem is the video's (`movie.mp4` takes `movie.srt`,
/// `movie.en.srt`, `movie.zh-CN.vtt`), in the order given.
pub fn for_video(video: &str, names: &[&str]) -> Vec<SubtitleFile> {
    let Some((stem, _)) = video.rsplit_once('.') else {
        return Vec::new();
    };
    names
        .iter()
        .enumerate()
        .filter_map(|(index, name)| {
            let ext = extension(name);
            if ext != "srt" && ext != "vtt" {
                return None;
            }
            let base = &name[..name.len() - ext.len() - 1];
            let label = if base == stem {
                (*name).to_string()
            } else {
                let lang = base.strip_prefix(stem)?.strip_prefix('.')?;
                if lang.is_empty() || lang.contains('.') {
                    return None;
                }
                lang.to_string()
            };
            Some(SubtitleFile {
                index,
                label,
                srt: ext == "srt",
            })
        })
        .collect()
}

/// Whether `label` looks like a language tag (`en`, `zh-CN`), to put in `srclang`.
pub fn is_language_tag(label: &str) -> bool {
    let mut parts = label.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    first_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// SubRip text as WebVTT: the header added, a BOM and CR line ends dropped, `00:00:01,500`
/// written `00:00:01.500` on timing lines only, and cue numbers kept as identifiers. Text lines,
/// multi-line cues included, pass unchanged.
pub fn srt_to_vtt(srt: &str) -> String {
    let text = srt.strip_prefix('\u{feff}').unwrap_or(srt);
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str("WEBVTT\n\n");
    // A blank line ends a cue; runs of them (and trailing ones) collapse into one separator.
    let mut after_blank = false;
    let mut first = true;
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            after_blank = true;
            continue;
        }
        if after_blank && !first {
            out.push('\n');
        }
        after_blank = false;
        first = false;
        if line.contains("-->") {
            out.push_str(&timing_line(line));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// A SubRip timing line with dots for decimal commas (`00:00:01,500 --> 00:00:02,000 X1:..`).
fn timing_line(line: &str) -> String {
    let mut parts = line.splitn(2, "-->");
    let start = parts.next().unwrap_or_default().trim().replace(',', ".");
    let rest = parts.next().unwrap_or_default().trim();
    let (end, settings) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let end = end.replace(',', ".");
    // SubRip's `X1: Y1:` box coordinates mean nothing to WebVTT; drop them.
    let settings = if settings.contains("X1:") {
        ""
    } else {
        settings.trim()
    };
    if settings.is_empty() {
        format!("{start} --> {end}")
    } else {
        format!("{start} --> {end} {settings}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subtitles_match_the_video_stem_with_an_optional_language() {
        let names = [
            "movie.srt",
            "movie.en.srt",
            "movie.zh-CN.vtt",
            "movie2.srt",
            "other.srt",
            "movie.mp4",
            "movie.en.x.srt",
            "notes.txt",
        ];
        let subs = for_video("movie.mp4", &names);
        let got: Vec<(usize, &str, bool)> = subs
            .iter()
            .map(|s| (s.index, s.label.as_str(), s.srt))
            .collect();
        assert_eq!(
            got,
            vec![(0, "movie.srt", true), (1, "en", true), (2, "zh-CN", false)]
        );
        assert!(for_video("noext", &names).is_empty());
        assert!(is_language_tag("en") && is_language_tag("zh-CN"));
        assert!(!is_language_tag("movie.srt") && !is_language_tag("english"));
    }

    #[test]
    fn srt_becomes_vtt_with_dots_and_a_header() {
        let srt =
            "1\n00:00:01,000 --> 00:00:02,500\nHello\n\n2\n00:00:03,000 --> 00:00:04,000\nWorld\n";
        assert_eq!(
            srt_to_vtt(srt),
            "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.500\nHello\n\n2\n00:00:03.000 --> 00:00:04.000\nWorld\n"
        );
    }

    #[test]
    fn crlf_bom_and_multi_line_cues() {
        let srt = "\u{feff}1\r\n00:00:01,000 --> 00:00:02,000\r\nLine one, with a comma\r\nLine two\r\n\r\n\r\n2\r\n00:01:00,250 --> 00:01:02,000\r\n<i>Bye</i>\r\n";
        let vtt = srt_to_vtt(srt);
        assert_eq!(
            vtt,
            "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nLine one, with a comma\nLine two\n\n2\n00:01:00.250 --> 00:01:02.000\n<i>Bye</i>\n"
        );
        assert!(!vtt.contains('\r') && !vtt.contains('\u{feff}'));
    }

    #[test]
    fn box_coordinates_are_dropped_and_settings_kept() {
        assert_eq!(
            timing_line("00:00:01,000 --> 00:00:02,000 X1:10 X2:20 Y1:1 Y2:2"),
            "00:00:01.000 --> 00:00:02.000"
        );
        assert_eq!(
            timing_line("00:00:01,000-->00:00:02,000"),
            "00:00:01.000 --> 00:00:02.000"
        );
    }
}
