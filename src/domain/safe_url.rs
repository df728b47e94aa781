//! The rule for links and images in rendered markdown: an `href` or `src` is kept only when it is
//! `http:`, `https:`, `mailto:`, a relative path or a `#anchor`; anything else (`javascript:`,
//! `data:`, `vbscript:`, `file:`...) is dropped.
//!
//! The scheme is compared case-insensitively after removing ASCII control characters and
//! whitespace everywhere in the value, because browsers ignore them while parsing a URL:
//! `jav\tascript:` and ` JAVASCRIPT:` both run script if left in an `href`.

/// Schemes a rendered link or image may use.
const ALLOWED: [&str; 3] = ["http", "https", "mailto"];

/// `url` when it is safe to put in an `href` or `src` (with surrounding spaces trimmed), else `None`.
pub fn safe_url(url: &str) -> Option<&str> {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_control() && !c.is_ascii_whitespace())
        .collect();
    // The scheme is what comes before the first `:`, if nothing before it ends a scheme (`/`, `?`,
    // `#` make it a relative path such as `a/b:c` or `#x:y`).
    let scheme = match cleaned.find([':', '/', '?', '#']) {
        Some(i) if cleaned[i..].starts_with(':') => Some(&cleaned[..i]),
        _ => None,
    };
    match scheme {
        Some(s) if !ALLOWED.iter().any(|a| a.eq_ignore_ascii_case(s)) => None,
        _ => Some(url.trim()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_mail_relative_and_anchors_are_kept() {
        for ok in [
            "https://example.com/a?b#c",
            "http://x",
            "HTTPS://X",
            "mailto:a@b.c",
            "notes/other.md",
            "../up.png",
            "/root/path",
            "#section-2",
            "?q=1",
            "a/b:c",
            "//cdn.example.com/x.png",
            "",
        ] {
            assert!(safe_url(ok).is_some(), "{ok:?} should be kept");
        }
        assert_eq!(safe_url("  https://x  "), Some("https://x"));
    }

    #[test]
    fn script_and_other_schemes_are_dropped_however_written() {
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            " JavaScript:alert(1)",
            "jav\tascript:alert(1)",
            "java\nscript:alert(1)",
            "java\rscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "\u{0}\u{1f}javascript:alert(1)",
            "javascript\t:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "file:///etc/passwd",
            "blob:https://x/1",
            "x-custom:thing",
        ] {
            assert_eq!(safe_url(bad), None, "{bad:?} should be dropped");
        }
    }
}
