//! Zip archives: listing the entries of a stored zip from its central directory (`list`), without
//! reading or decompressing any entry.

use std::collections::BTreeSet;
use std::io::BufReader;
use std::path::Path;

use cloudreve_api::models::ArchivedFile;
use cloudreve_api::{Code, Timestamp};

use crate::error::AppError;

/// Most entries listed; larger archives answer 40079.
pub const MAX_ENTRIES: usize = 100_000;

fn unreadable() -> AppError {
    AppError::code(
        Code::UnsupportedArchiveType,
        "The file is not a readable zip archive",
    )
}

/// The entries of the zip at `path`: files and directories by full `/`-separated path, plus the
/// directories that nested entries imply but the archive does not list (many zips omit them, and a
/// client building a tree needs every level), sorted by name.
pub fn list(path: &Path) -> Result<Vec<ArchivedFile>, AppError> {
    let file = std::fs::File::open(path).map_err(|e| AppError::Internal(e.into()))?;
    let mut zip = zip::ZipArchive::new(BufReader::new(file)).map_err(|_| unreadable())?;
    if zip.len() > MAX_ENTRIES {
        return Err(AppError::code(
            Code::FileCountLimitedReached,
            format!("The archive has more than {MAX_ENTRIES} entries"),
        ));
    }
    let mut out = Vec::with_capacity(zip.len());
    let mut dirs = BTreeSet::new();
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|_| unreadable())?;
        let name = entry.name().replace('\\', "/");
        let is_directory = entry.is_dir() || name.ends_with('/');
        let name = name.trim_matches('/').to_string();
        if name.is_empty() {
            continue;
        }
        if is_directory {
            dirs.insert(name.clone());
        }
        out.push(ArchivedFile {
            size: if is_directory { 0 } else { entry.size() as i64 },
            updated_at: entry
                .last_modified()
                .and_then(unix_millis)
                .map(Timestamp::from_unix_millis),
            is_directory,
            name,
        });
    }
    let implied: BTreeSet<String> = out
        .iter()
        .flat_map(|f| {
            let parts: Vec<&str> = f.name.split('/').collect();
            (1..parts.len()).map(move |n| parts[..n].join("/"))
        })
        .filter(|d| !dirs.contains(d))
        .collect();
    out.extend(implied.into_iter().map(|name| ArchivedFile {
        name,
        is_directory: true,
        ..ArchivedFile::default()
    }));
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// A zip (MS-DOS, local time taken as UTC) time in Unix ms; `None` for impossible dates.
fn unix_millis(t: zip::DateTime) -> Option<i64> {
    let (y, m, d) = (
        i64::from(t.year()),
        i64::from(t.month()),
        i64::from(t.day()),
    );
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let secs = days * 86_400
        + i64::from(t.hour()) * 3600
        + i64::from(t.minute()) * 60
        + i64::from(t.second());
    Some(secs * 1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zip_times_convert_to_unix() {
        let t = zip::DateTime::from_date_and_time(2024, 2, 29, 12, 30, 10).expect("valid");
        assert_eq!(unix_millis(t), Some(1_709_209_810_000));
        let t = zip::DateTime::from_date_and_time(1980, 1, 1, 0, 0, 0).expect("valid");
        assert_eq!(unix_millis(t), Some(315_532_800_000));
    }
}
