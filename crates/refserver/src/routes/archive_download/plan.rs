//! What an archive download holds: the chosen items and everything below them, as zip entries
//! whose paths start at each item's own name, checked against the limits of a zip without zip64.

use std::collections::HashSet;

use cloudreve_api::Code;
use rusqlite::{params, Connection};

use crate::error::AppError;
use crate::store::files::{self, FileRow, COLUMNS, TYPE_FOLDER};
use crate::zip_stream::{self, EntryHeader, MAX_ENTRIES, MAX_SIZE};

/// One entry of the archive.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Path in the archive; directories end with `/`.
    pub path: String,
    /// Directory, or a file's blob (`None` for empty content) and size.
    pub content: Content,
    /// Unix ms.
    pub modified_ms: i64,
}

/// What an entry carries.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// A directory entry (no data).
    Dir,
    /// A file's current content.
    File {
        /// Blob name; `None` when there are no bytes.
        blob: Option<String>,
        /// Bytes.
        size: u64,
    },
}

impl Entry {
    /// The entry's headers.
    pub fn header(&self) -> EntryHeader<'_> {
        EntryHeader {
            name: &self.path,
            is_dir: self.content == Content::Dir,
            modified_ms: self.modified_ms,
        }
    }

    fn data_size(&self) -> Option<u64> {
        match self.content {
            Content::Dir => None,
            Content::File { size, .. } => Some(size),
        }
    }
}

/// 40049: the archive would be more than a zip without zip64 can hold.
fn too_large(what: &str) -> AppError {
    AppError::code(
        Code::FileTooLarge,
        format!("The archive would have too many entries or bytes ({what})"),
    )
}

/// The entries of an archive of `roots` (rows of one owner's tree). Two roots with the same name
/// (from different folders) get distinct top-level names, as unzip would otherwise merge them.
pub fn plan(c: &Connection, roots: &[FileRow]) -> Result<Vec<Entry>, AppError> {
    let mut taken = HashSet::new();
    let mut entries = Vec::new();
    for root in roots {
        let top = unique_name(&mut taken, root);
        // One more row than allowed tells an overflow apart from an exact fit.
        let room = (MAX_ENTRIES + 1).saturating_sub(entries.len()) + 1;
        entries.extend(subtree(c, root.id, &top, room)?);
        if entries.len() > MAX_ENTRIES {
            return Err(too_large(&format!("more than {MAX_ENTRIES} entries")));
        }
    }
    if entries.iter().any(|e| !e.header().fits()) {
        return Err(too_large("a path is too long"));
    }
    if size(&entries) > MAX_SIZE {
        return Err(too_large("more than 4 GiB"));
    }
    Ok(entries)
}

/// The exact size of the zip of `entries`.
pub fn size(entries: &[Entry]) -> u64 {
    zip_stream::archive_size(entries.iter().map(|e| (e.path.len(), e.data_size())))
}

/// `root` (named `top`; the user's root folder has no name and no entry) and everything below
/// it, at most `limit` rows.
fn subtree(c: &Connection, root: i64, top: &str, limit: usize) -> Result<Vec<Entry>, AppError> {
    let mut st = c.prepare_cached(&format!(
        "WITH RECURSIVE t(tid, tpath) AS (
           SELECT ?1, ?2
           UNION ALL
           SELECT f.id, CASE WHEN t.tpath = '' THEN f.name ELSE t.tpath || '/' || f.name END
           FROM files f JOIN t ON f.parent_id = t.tid)
         SELECT {COLUMNS}, tpath FROM files JOIN t ON files.id = t.tid ORDER BY tpath LIMIT ?3"
    ))?;
    let rows = st.query_map(params![root, top, limit as i64], |r| {
        Ok((files::from_row(r)?, r.get::<_, String>(10)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (row, path) = row?;
        if path.is_empty() {
            continue;
        }
        let (path, content) = if row.file_type == TYPE_FOLDER {
            (format!("{path}/"), Content::Dir)
        } else {
            // A file still waiting for its first upload has no bytes yet, whatever it announced.
            let size = if row.blob.is_some() {
                row.size.max(0) as u64
            } else {
                0
            };
            (
                path,
                Content::File {
                    blob: row.blob,
                    size,
                },
            )
        };
        out.push(Entry {
            path,
            content,
            modified_ms: row.updated_at,
        });
    }
    Ok(out)
}

/// `root`'s name, or `name (n).ext` when an earlier root already took it.
fn unique_name(taken: &mut HashSet<String>, root: &FileRow) -> String {
    if root.parent_id.is_none() {
        return String::new();
    }
    let (stem, ext) = match root.name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && root.file_type != TYPE_FOLDER => {
            (stem, format!(".{ext}"))
        }
        _ => (root.name.as_str(), String::new()),
    };
    let mut name = root.name.clone();
    let mut n = 1;
    while !taken.insert(name.clone()) {
        name = format!("{stem} ({n}){ext}");
        n += 1;
    }
    name
}
