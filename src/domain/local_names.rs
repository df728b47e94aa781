//! Names for files written to the user's disk. Server names are hostile input here: a name such as
//! `..`, `a/b` or `con:x` must not escape the chosen folder or be refused by the file system, so
//! every name goes through [`local_name`] before it reaches the File System Access API.

/// Characters Windows, macOS or the File System Access API refuse in a name.
const FORBIDDEN: &[char] = &['/', '\\', ':', '*', '?', '"', '<', '>', '|'];

/// The longest name most file systems accept, in bytes.
const MAX_BYTES: usize = 255;

/// A safe local name for the server name `name`: forbidden and control characters become `_`,
/// trailing dots and spaces (dropped by Windows) are removed, `.`/`..`/empty become `_`, and long
/// names are cut at a character boundary.
pub fn local_name(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|c| {
            if c.is_control() || FORBIDDEN.contains(&c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    while out.ends_with(['.', ' ']) {
        out.pop();
    }
    if out.is_empty() {
        return "_".to_string();
    }
    if out.len() > MAX_BYTES {
        let mut cut = MAX_BYTES;
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out.truncate(cut);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_names_stay_inside_the_folder() {
        assert_eq!(local_name(".."), "_");
        assert_eq!(local_name("."), "_");
        assert_eq!(local_name(""), "_");
        assert_eq!(local_name("../etc/passwd"), ".._etc_passwd");
        assert_eq!(local_name("a\\b:c*?\"<>|"), "a_b_c______");
        assert_eq!(local_name("tab\there\n"), "tab_here_");
        assert_eq!(local_name("name. . "), "name");
    }

    #[test]
    fn ordinary_names_are_kept() {
        assert_eq!(
            local_name("Report 2024 (final).pdf"),
            "Report 2024 (final).pdf"
        );
        assert_eq!(local_name("照片.jpg"), "照片.jpg");
        assert_eq!(local_name(".bashrc"), ".bashrc");
    }

    #[test]
    fn long_names_are_cut_at_a_character_boundary() {
        let long = "照".repeat(100);
        let cut = local_name(&long);
        assert!(
            cut.len() <= 255 && cut.chars().all(|c| c == '照'),
            "{}",
            cut.len()
        );
    }
}
