//! The storage policy's limits, checked before anything is sent (file.md §5 "Client-side
//! pre-validation"): maximum size, allowed and denied extensions (case-insensitive), and the name
//! patterns. Patterns are JavaScript regular expressions, so the matcher is passed in: the browser
//! uses `RegExp`, tests a plain function.

use cloudreve_api::models::StoragePolicy;

/// Why a file may not be uploaded with this policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Violation {
    /// Larger than the policy's `max_size` (bytes).
    TooLarge(u64),
    /// The extension is not in `allowed_suffix` (which lists the allowed ones).
    ExtensionNotAllowed(Vec<String>),
    /// The extension is in `denied_suffix`.
    ExtensionDenied(String),
    /// The name does not match `allowed_name_regexp`.
    NameNotAllowed,
    /// The name matches `denied_name_regexp`.
    NameDenied,
}

/// `matches(pattern, name)`: whether `name` matches the pattern; `None` when the pattern is invalid
/// (then the server alone judges the name).
pub type Matcher<'a> = &'a dyn Fn(&str, &str) -> Option<bool>;

/// The extension of `name` without the dot, lower-cased; empty when there is none.
pub fn extension(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_lowercase(),
        _ => String::new(),
    }
}

/// Checks one file against `policy`.
pub fn check(
    policy: &StoragePolicy,
    name: &str,
    size: u64,
    matches: Matcher<'_>,
) -> Result<(), Violation> {
    if policy.max_size > 0 && size > policy.max_size as u64 {
        return Err(Violation::TooLarge(policy.max_size as u64));
    }
    let ext = extension(name);
    let listed = |list: &[String]| {
        list.iter()
            .any(|s| s.trim_start_matches('.').eq_ignore_ascii_case(&ext))
    };
    if !policy.allowed_suffix.is_empty() && !listed(&policy.allowed_suffix) {
        return Err(Violation::ExtensionNotAllowed(
            policy.allowed_suffix.clone(),
        ));
    }
    if !ext.is_empty() && listed(&policy.denied_suffix) {
        return Err(Violation::ExtensionDenied(ext));
    }
    if !policy.allowed_name_regexp.is_empty()
        && matches(&policy.allowed_name_regexp, name) == Some(false)
    {
        return Err(Violation::NameNotAllowed);
    }
    if !policy.denied_name_regexp.is_empty()
        && matches(&policy.denied_name_regexp, name) == Some(true)
    {
        return Err(Violation::NameDenied);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contains(pattern: &str, name: &str) -> Option<bool> {
        if pattern == "(" {
            None
        } else {
            Some(name.contains(pattern))
        }
    }

    fn policy() -> StoragePolicy {
        StoragePolicy {
            id: "p".into(),
            ..StoragePolicy::default()
        }
    }

    #[test]
    fn no_limits_allow_everything() {
        assert_eq!(check(&policy(), "a.exe", u64::MAX / 2, &contains), Ok(()));
    }

    #[test]
    fn max_size_is_inclusive() {
        let p = StoragePolicy {
            max_size: 10,
            ..policy()
        };
        assert_eq!(check(&p, "a", 10, &contains), Ok(()));
        assert_eq!(check(&p, "a", 11, &contains), Err(Violation::TooLarge(10)));
    }

    #[test]
    fn extensions_compare_without_case() {
        let p = StoragePolicy {
            allowed_suffix: vec!["jpg".into(), "png".into()],
            ..policy()
        };
        assert_eq!(check(&p, "A.JPG", 1, &contains), Ok(()));
        assert!(matches!(
            check(&p, "a.gif", 1, &contains),
            Err(Violation::ExtensionNotAllowed(_))
        ));
        assert!(check(&p, "noext", 1, &contains).is_err());
        let p = StoragePolicy {
            denied_suffix: vec!["exe".into()],
            ..policy()
        };
        assert_eq!(
            check(&p, "setup.EXE", 1, &contains),
            Err(Violation::ExtensionDenied("exe".into()))
        );
        assert_eq!(check(&p, "exe", 1, &contains), Ok(()));
    }

    #[test]
    fn dotfiles_have_no_extension() {
        assert_eq!(extension(".bashrc"), "");
        assert_eq!(extension("a.tar.GZ"), "gz");
    }

    #[test]
    fn name_patterns_use_the_matcher_and_ignore_invalid_ones() {
        let p = StoragePolicy {
            allowed_name_regexp: "report".into(),
            denied_name_regexp: "secret".into(),
            ..policy()
        };
        assert_eq!(check(&p, "report.pdf", 1, &contains), Ok(()));
        assert_eq!(
            check(&p, "x.pdf", 1, &contains),
            Err(Violation::NameNotAllowed)
        );
        assert_eq!(
            check(&p, "report-secret.pdf", 1, &contains),
            Err(Violation::NameDenied)
        );
        let p = StoragePolicy {
            allowed_name_regexp: "(".into(),
            ..policy()
        };
        assert_eq!(check(&p, "x", 1, &contains), Ok(()));
    }
}
