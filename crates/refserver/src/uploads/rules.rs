//! A storage policy's rules on what may be uploaded to it: size, extension and name patterns.
//!
//! Codes: a file over `max_size` answers 40049; an extension outside `allowed_suffix` or inside
//! `denied_suffix` answers 40050, and a name refused by the patterns 40052. CE answers a plain `-1`
//! for both of the latter (file.md §Create upload session); the contract lets a compatible server
//! prefer the specific codes, which the official frontend translates too.

use cloudreve_api::Code;

use crate::error::AppError;
use crate::store::policies::PolicyRow;

/// Checks an upload of `name` with `size` bytes against `policy`.
pub fn check(policy: &PolicyRow, name: &str, size: i64) -> Result<(), AppError> {
    if policy.max_size > 0 && size > policy.max_size {
        return Err(AppError::code(
            Code::FileTooLarge,
            "File size exceeds the storage policy's limit",
        ));
    }
    let ext = extension(name);
    let listed = |list: &[String]| {
        list.iter()
            .any(|s| s.trim_start_matches('.').eq_ignore_ascii_case(ext))
    };
    if (!policy.allowed_suffix.is_empty() && !listed(&policy.allowed_suffix))
        || listed(&policy.denied_suffix)
    {
        return Err(AppError::code(
            Code::FileTypeNotAllowed,
            "File type not allowed by the storage policy",
        ));
    }
    let refused = || {
        AppError::code(
            Code::IllegalObjectName,
            "File name not allowed by the storage policy",
        )
    };
    if matches(&policy.allowed_name_regexp, name) == Some(false) {
        return Err(refused());
    }
    if matches(&policy.denied_name_regexp, name) == Some(true) {
        return Err(refused());
    }
    Ok(())
}

/// The extension of `name` (after the last dot; empty when there is none).
fn extension(name: &str) -> &str {
    name.rsplit_once('.').map_or("", |(_, e)| e)
}

/// Whether `name` matches `pattern` anywhere, as JavaScript's `RegExp.test` does; `None` when there
/// is no pattern, or when it is JavaScript that the `regex` crate cannot parse (look-arounds,
/// back-references): such a rule is skipped here and left to the client, which checks it too.
fn matches(pattern: &str, name: &str) -> Option<bool> {
    if pattern.is_empty() {
        return None;
    }
    match regex::Regex::new(pattern) {
        Ok(re) => Some(re.is_match(name)),
        Err(e) => {
            tracing::warn!(%pattern, error = %e, "skipping a name pattern this server cannot run");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(r: Result<(), AppError>) -> i32 {
        match r {
            Ok(()) => 0,
            Err(AppError::Code(c, _)) => c.number(),
            Err(other) => panic!("{other:?}"),
        }
    }

    #[test]
    fn size_extension_and_patterns() {
        let p = PolicyRow {
            max_size: 10,
            allowed_suffix: vec!["txt".into(), ".MD".into()],
            ..PolicyRow::default()
        };
        assert_eq!(code(check(&p, "a.txt", 10)), 0);
        assert_eq!(code(check(&p, "a.txt", 11)), 40049);
        assert_eq!(code(check(&p, "A.TXT", 1)), 0);
        assert_eq!(code(check(&p, "notes.md", 1)), 0);
        assert_eq!(code(check(&p, "a.png", 1)), 40050);
        assert_eq!(code(check(&p, "txt", 1)), 40050, "no extension");
        let p = PolicyRow {
            denied_suffix: vec!["exe".into()],
            allowed_name_regexp: "^[a-z]".into(),
            denied_name_regexp: "secret".into(),
            ..PolicyRow::default()
        };
        assert_eq!(code(check(&p, "setup.EXE", 1)), 40050);
        assert_eq!(code(check(&p, "report.pdf", 1)), 0);
        assert_eq!(code(check(&p, "Report.pdf", 1)), 40052);
        assert_eq!(code(check(&p, "my secret.pdf", 1)), 40052);
        let js_only = PolicyRow {
            denied_name_regexp: "^(?!ok)".into(),
            ..PolicyRow::default()
        };
        assert_eq!(code(check(&js_only, "anything", 1)), 0, "skipped");
    }
}
