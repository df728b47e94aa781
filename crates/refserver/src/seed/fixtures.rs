//! Fixtures for tests and benchmarks: single files, huge folders, folders of pictures.

use super::pictures;
use crate::state::{now_millis, AppState};
use crate::store::files::{self, TYPE_FILE, TYPE_FOLDER};

/// Creates folder `name` in `owner`'s root holding `count` empty files `item-00000.txt`, ... in one
/// transaction (tests and benchmarks of huge folders).
pub fn add_big_folder(
    state: &AppState,
    owner: i64,
    name: &str,
    count: usize,
) -> anyhow::Result<()> {
    state.db.with(|c| -> anyhow::Result<()> {
        let now = now_millis();
        let tx = c.transaction()?;
        let root = files::root(&tx, owner, now).map_err(|e| anyhow::anyhow!("{e}"))?;
        let folder = files::create(&tx, &root, name, TYPE_FOLDER, 0, None, now)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        for i in 0..count {
            files::create(
                &tx,
                &folder,
                &format!("item-{i:05}.txt"),
                TYPE_FILE,
                0,
                None,
                now,
            )
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        }
        tx.commit()?;
        Ok(())
    })
}

/// Stores `content` as the file at `path` (`a/b/c.png`, folders created as needed) in `owner`'s
/// tree; returns the file's row id (tests).
pub fn add_file(state: &AppState, owner: i64, path: &str, content: &[u8]) -> anyhow::Result<i64> {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let (name, folders) = segments
        .split_last()
        .ok_or_else(|| anyhow::anyhow!("empty path"))?;
    // An empty file has no blob, like one made by `POST /file/create`.
    let blob = if content.is_empty() {
        None
    } else {
        let blob = uuid::Uuid::new_v4().to_string();
        std::fs::write(state.blob_dir.join(&blob), content)?;
        Some(blob)
    };
    state.db.with(|c| -> anyhow::Result<i64> {
        let now = now_millis();
        let tx = c.transaction()?;
        let mut cur = files::root(&tx, owner, now).map_err(|e| anyhow::anyhow!("{e}"))?;
        for folder in folders {
            cur = match files::child(&tx, cur.id, folder).map_err(|e| anyhow::anyhow!("{e}"))? {
                Some(f) => f,
                None => files::create(&tx, &cur, folder, TYPE_FOLDER, 0, None, now)
                    .map_err(|e| anyhow::anyhow!("{e}"))?,
            };
        }
        let size = content.len() as i64;
        let row = files::create(&tx, &cur, name, TYPE_FILE, size, blob.as_deref(), now)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        tx.commit()?;
        Ok(row.id)
    })
}

/// Creates folder `name` in `owner`'s root holding `count` generated pictures of `width`×`height`,
/// alternately PNG and JPEG: `picture-00000.png`, `picture-00001.jpg`, ... (tests and thumbnail
/// benchmarks).
pub fn add_picture_folder(
    state: &AppState,
    owner: i64,
    name: &str,
    count: usize,
    (width, height): (u32, u32),
) -> anyhow::Result<()> {
    for i in 0..count {
        let img = pictures::picture(width, height, i as u32);
        let (bytes, ext) = if i % 2 == 0 {
            (pictures::png(&img)?, "png")
        } else {
            (pictures::jpeg(&img)?, "jpg")
        };
        add_file(
            state,
            owner,
            &format!("{name}/picture-{i:05}.{ext}"),
            &bytes,
        )?;
    }
    Ok(())
}

/// Shares `owner`'s item at `path` (it must exist) with `password` ("" = public); returns the
/// share's wire id, as in `/s/{id}` and `cloudreve://{id}@share`.
pub fn add_share(
    state: &AppState,
    owner: i64,
    path: &str,
    password: &str,
    settings: &crate::store::shares::Settings,
) -> anyhow::Result<String> {
    let segments: Vec<String> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    let id = state.db.with(|c| -> anyhow::Result<i64> {
        let now = now_millis();
        let item = files::resolve(c, owner, &segments, now)
            .map_err(|e| anyhow::anyhow!("{e}"))?
            .ok_or_else(|| anyhow::anyhow!("no {path} to share"))?;
        crate::store::shares::insert(c, owner, item.id, password, settings, now)
            .map_err(|e| anyhow::anyhow!("{e}"))
    })?;
    Ok(state.ids.encode(crate::ids::Kind::Share, id))
}

/// Adds `count` history entries to `owner`'s item at `path`, oldest first, one minute apart and
/// ending now: renames, downloads and tag changes in turn, all by `owner` (for feeds to scroll).
pub fn add_activities(
    state: &AppState,
    owner: i64,
    path: &str,
    count: usize,
) -> anyhow::Result<()> {
    use crate::store::activities::{category, NewActivity};
    let segments: Vec<String> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    let uri = segments
        .iter()
        .fold(cloudreve_api::CrUri::my(), |u, s| u.join(s))
        .to_string();
    state.db.with(|c| -> anyhow::Result<()> {
        let now = now_millis();
        let tx = c.transaction()?;
        let item = files::resolve(&tx, owner, &segments, now)
            .map_err(|e| anyhow::anyhow!("{e}"))?
            .ok_or_else(|| anyhow::anyhow!("no {path}"))?;
        for i in 0..count {
            let at = now - (count - 1 - i) as i64 * 60_000;
            let entry = match i % 3 {
                0 => NewActivity::new(item.id, Some(owner), category::FILE_RENAME, &uri)
                    .names(&format!("draft-{i}"), &format!("draft-{}", i + 1)),
                1 => NewActivity::new(item.id, Some(owner), category::ENTITY_DOWNLOADED, &uri),
                _ => NewActivity::new(item.id, Some(owner), category::UPDATE_METADATA, &uri),
            };
            entry.record(&tx, at).map_err(|e| anyhow::anyhow!("{e}"))?;
        }
        tx.commit()?;
        Ok(())
    })
}
