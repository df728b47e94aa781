//! Folder navigation inside an archive: the server lists every entry with its full path
//! (`web/cmaps/a.bcmap`); this turns that flat list into the children of one folder, with folders
//! that exist only as path prefixes made explicit.

use std::collections::HashMap;

use cloudreve_api::models::ArchivedFile;

use crate::domain::natural_order;

/// One item of an archive folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveItem {
    /// The last path segment.
    pub name: String,
    /// The full path inside the archive, without a trailing `/`.
    pub path: String,
    /// A folder (listed or implied by a deeper entry).
    pub is_dir: bool,
    /// Uncompressed size (0 for folders).
    pub size: i64,
    /// Modification time in Unix ms, if the archive records one.
    pub updated_ms: Option<i64>,
}

/// The path of an entry with `\`, leading `/` and `./`, and trailing `/` normalised away, and empty
/// segments dropped (archives written on Windows or by hand carry all of these).
fn clean(name: &str) -> String {
    name.replace('\\', "/")
        .split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .collect::<Vec<_>>()
        .join("/")
}

/// The children of the folder at `dir` ("" for the top), folders first, then files, each in
/// natural name order.
pub fn children(entries: &[ArchivedFile], dir: &str) -> Vec<ArchiveItem> {
    let dir = clean(dir);
    let mut found: HashMap<String, ArchiveItem> = HashMap::new();
    for e in entries {
        let path = clean(&e.name);
        let rest = if dir.is_empty() {
            path.as_str()
        } else {
            match path
                .strip_prefix(dir.as_str())
                .and_then(|r| r.strip_prefix('/'))
            {
                Some(r) => r,
                None => continue,
            }
        };
        if rest.is_empty() {
            continue;
        }
        let (name, deeper) = match rest.split_once('/') {
            Some((first, _)) => (first, true),
            None => (rest, false),
        };
        let child_path = if dir.is_empty() {
            name.to_string()
        } else {
            format!("{dir}/{name}")
        };
        let item = if deeper || e.is_directory {
            ArchiveItem {
                name: name.to_string(),
                path: child_path,
                is_dir: true,
                size: 0,
                updated_ms: if deeper {
                    None
                } else {
                    e.updated_at.as_ref().and_then(|t| t.unix_millis())
                },
            }
        } else {
            ArchiveItem {
                name: name.to_string(),
                path: child_path,
                is_dir: false,
                size: e.size,
                updated_ms: e.updated_at.as_ref().and_then(|t| t.unix_millis()),
            }
        };
        // A folder wins over a file of the same name; a listed folder keeps its time.
        match found.get(name) {
            Some(existing)
                if existing.is_dir && (!item.is_dir || existing.updated_ms.is_some()) => {}
            _ => {
                found.insert(name.to_string(), item);
            }
        }
    }
    let mut out: Vec<ArchiveItem> = found.into_values().collect();
    out.sort_by(|a, b| {
        b.is_dir
            .cmp(&a.is_dir)
            .then_with(|| natural_order::compare(&a.name, &b.name))
    });
    out
}

/// The folders from the top down to `dir`: `("", "a", "a/b")` for `a/b`, as (name, path) pairs.
pub fn crumbs(dir: &str) -> Vec<(String, String)> {
    let dir = clean(dir);
    let mut out = Vec::new();
    let mut path = String::new();
    for segment in dir.split('/').filter(|s| !s.is_empty()) {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str(segment);
        out.push((segment.to_string(), path.clone()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, size: i64, dir: bool) -> ArchivedFile {
        ArchivedFile {
            name: name.into(),
            size,
            updated_at: None,
            is_directory: dir,
        }
    }

    fn names(items: &[ArchiveItem]) -> Vec<String> {
        items
            .iter()
            .map(|i| format!("{}{}", i.name, if i.is_dir { "/" } else { "" }))
            .collect()
    }

    #[test]
    fn folders_come_from_listed_entries_and_from_deeper_paths() {
        let entries = [
            entry("readme.txt", 5, false),
            entry("web/", 0, true),
            entry("web/cmaps/b.bcmap", 10, false),
            entry("web/cmaps/a10.bcmap", 10, false),
            entry("web/cmaps/a9.bcmap", 10, false),
            entry("src/main.rs", 7, false),
            entry("Zeta.txt", 1, false),
        ];
        assert_eq!(
            names(&children(&entries, "")),
            ["src/", "web/", "readme.txt", "Zeta.txt"]
        );
        assert_eq!(names(&children(&entries, "web")), ["cmaps/"]);
        let cmaps = children(&entries, "web/cmaps/");
        assert_eq!(names(&cmaps), ["a9.bcmap", "a10.bcmap", "b.bcmap"]);
        assert_eq!(cmaps[0].path, "web/cmaps/a9.bcmap");
        assert_eq!(cmaps[0].size, 10);
    }

    #[test]
    fn odd_paths_are_normalised() {
        let entries = [
            entry("./docs\\guide.md", 3, false),
            entry("/abs//x.txt", 1, false),
            entry("docs/", 0, true),
        ];
        assert_eq!(names(&children(&entries, "")), ["abs/", "docs/"]);
        assert_eq!(names(&children(&entries, "docs")), ["guide.md"]);
        assert!(children(&entries, "nope").is_empty());
    }

    #[test]
    fn crumbs_lead_down_to_the_folder() {
        assert!(crumbs("").is_empty());
        assert_eq!(
            crumbs("a/b/"),
            [
                ("a".to_string(), "a".to_string()),
                ("b".to_string(), "a/b".to_string())
            ]
        );
    }
}
