//! Name conflicts: what the user chose for a batch, and the "keep both" names.

/// What to do when a file of the same name already exists in the destination.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictChoice {
    /// Leave the existing file; do not upload this one.
    Skip,
    /// Upload as a new version of the existing file (`entity_type: "version"`).
    Overwrite,
    /// Upload under a new name: `name (1).ext`, `name (2).ext`, ...
    KeepBoth,
}

/// The `n`-th alternative of `name` (`n` ≥ 1): `report (n).pdf`; the number goes before the last
/// extension, and dotfiles keep their leading dot.
pub fn numbered(name: &str, n: u32) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => format!("{stem} ({n}).{ext}"),
        _ => format!("{name} ({n})"),
    }
}

/// The first alternative of `name` that `taken` does not report as used.
pub fn free_name(name: &str, taken: impl Fn(&str) -> bool) -> String {
    (1..)
        .map(|n| numbered(name, n))
        .find(|candidate| !taken(candidate))
        .unwrap_or_else(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_go_before_the_extension() {
        assert_eq!(numbered("report.pdf", 1), "report (1).pdf");
        assert_eq!(numbered("a.tar.gz", 2), "a.tar (2).gz");
        assert_eq!(numbered("README", 3), "README (3)");
        assert_eq!(numbered(".env", 1), ".env (1)");
    }

    #[test]
    fn free_name_skips_taken_ones() {
        let taken = ["a (1).txt", "a (2).txt"];
        assert_eq!(free_name("a.txt", |n| taken.contains(&n)), "a (3).txt");
    }
}
