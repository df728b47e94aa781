//! Public metadata of files (`metadata` on the wire).

use std::collections::{BTreeMap, HashMap};

use rusqlite::{params, Connection};

use crate::error::AppError;

/// Key of a trashed item's original URI.
pub const RESTORE_URI: &str = "sys:restore_uri";
/// Key of the Unix time after which a trashed item may be purged.
pub const EXPECTED_COLLECT_TIME: &str = "sys:expected_collect_time";
/// Key marking a share shortcut (a symbolic folder searches do not descend into).
pub const SHARED_REDIRECT: &str = "sys:shared_redirect";
/// Metadata key of a share shortcut's owner (the share's owner).
pub const SHARED_OWNER: &str = "sys:shared_owner";
/// Key of files no thumbnail can be made of (clients must not ask for one).
pub const THUMB_DISABLED: &str = "thumb:disabled";

/// Every key of `file`.
pub fn all(c: &Connection, file: i64) -> Result<BTreeMap<String, String>, AppError> {
    let mut st = c.prepare_cached("SELECT key, value FROM metadata WHERE file_id = ?1")?;
    let rows = st
        .query_map([file], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// Sets `key` of `file`.
pub fn set(c: &Connection, file: i64, key: &str, value: &str) -> Result<(), AppError> {
    c.execute("INSERT INTO metadata (file_id, key, value) VALUES (?1, ?2, ?3) ON CONFLICT (file_id, key) DO UPDATE SET value = excluded.value", params![file, key, value])?;
    Ok(())
}

/// Removes `key` from `file`.
pub fn remove(c: &Connection, file: i64, key: &str) -> Result<(), AppError> {
    c.execute(
        "DELETE FROM metadata WHERE file_id = ?1 AND key = ?2",
        params![file, key],
    )?;
    Ok(())
}

/// The metadata of `files`, by file id (one query for a whole listing page).
pub fn for_files(
    c: &Connection,
    files: &[i64],
) -> Result<HashMap<i64, BTreeMap<String, String>>, AppError> {
    let mut out: HashMap<i64, BTreeMap<String, String>> = HashMap::new();
    // SQLite allows 32766 parameters; pages are at most 2000 items, chunk anyway.
    for chunk in files.chunks(1000) {
        let marks = vec!["?"; chunk.len()].join(",");
        let mut st = c.prepare(&format!(
            "SELECT file_id, key, value FROM metadata WHERE file_id IN ({marks})"
        ))?;
        let rows = st.query_map(rusqlite::params_from_iter(chunk), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        for row in rows {
            let (id, k, v) = row?;
            out.entry(id).or_default().insert(k, v);
        }
    }
    Ok(out)
}

/// A file with its metadata.
pub type WithMetadata = (crate::store::files::FileRow, BTreeMap<String, String>);

/// The share shortcuts `owner` saved in their `my` tree (not in the trash), newest first, each
/// with its metadata.
pub fn shortcuts_of(c: &Connection, owner: i64) -> Result<Vec<WithMetadata>, AppError> {
    let mut st = c.prepare_cached(
        "SELECT f.id FROM files f JOIN metadata m ON m.file_id = f.id
         WHERE f.owner_id = ?1 AND m.key = ?2 ORDER BY f.id DESC",
    )?;
    let ids: Vec<i64> = st
        .query_map(params![owner, SHARED_REDIRECT], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut out = Vec::new();
    for id in ids {
        if crate::store::shares::path_in_my(c, id)?.is_none() {
            continue;
        }
        if let Some(row) = crate::store::files::by_id(c, id)? {
            let meta = all(c, id)?;
            out.push((row, meta));
        }
    }
    Ok(out)
}
