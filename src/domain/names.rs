//! Cloudreve's name rules (file.md §Create file), checked before a request so the user sees the
//! problem while typing.

/// Why a name is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameProblem {
    /// Empty or only spaces.
    Empty,
    /// More than 255 bytes of UTF-8.
    TooLong,
    /// Contains one of `\ / : * ? " < > |` or a control character.
    BadCharacter,
    /// `.` or `..`.
    Reserved,
}

/// Checks `name` as the server will.
pub fn check(name: &str) -> Result<(), NameProblem> {
    if name.trim().is_empty() {
        Err(NameProblem::Empty)
    } else if name.len() > 255 {
        Err(NameProblem::TooLong)
    } else if name == "." || name == ".." {
        Err(NameProblem::Reserved)
    } else if name.contains(['\\', '/', ':', '*', '?', '"', '<', '>', '|'])
        || name.chars().any(char::is_control)
    {
        Err(NameProblem::BadCharacter)
    } else {
        Ok(())
    }
}

/// The part of a file name to preselect when renaming: the stem, so typing keeps the extension.
pub fn stem_len(name: &str, is_folder: bool) -> usize {
    match name.rfind('.') {
        Some(i) if i > 0 && !is_folder => name[..i].encode_utf16().count(),
        _ => name.encode_utf16().count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_match_the_server() {
        assert_eq!(check("report 2024.pdf"), Ok(()));
        assert_eq!(check("中文 名字 😀"), Ok(()));
        assert_eq!(check("  "), Err(NameProblem::Empty));
        assert_eq!(check("a/b"), Err(NameProblem::BadCharacter));
        assert_eq!(check("what?"), Err(NameProblem::BadCharacter));
        assert_eq!(check("tab\there"), Err(NameProblem::BadCharacter));
        assert_eq!(check(".."), Err(NameProblem::Reserved));
        assert_eq!(
            check(&"é".repeat(128)),
            Err(NameProblem::TooLong),
            "bytes, not characters"
        );
        assert_eq!(check(&"a".repeat(255)), Ok(()));
    }

    #[test]
    fn the_stem_is_preselected() {
        assert_eq!(stem_len("photo.final.jpg", false), 11);
        assert_eq!(stem_len(".bashrc", false), 7);
        assert_eq!(stem_len("v1.2", true), 4, "folders keep their dots");
        assert_eq!(
            stem_len("中文.txt", false),
            2,
            "UTF-16 units, as the input counts"
        );
    }
}
