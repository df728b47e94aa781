//! Rows written straight through the store, for tests that need chosen sizes, times or metadata.

use refserver::state::now_millis;
use refserver::store::{files, metadata};
use refserver::AppState;

/// Creates `path` (`/`-separated below the root) in `owner`'s tree, making missing folders on the
/// way. The last segment is a file of `size` bytes (no blob), or a folder when `size` is `None`.
/// Returns its row id.
pub fn put(s: &AppState, owner: i64, path: &str, size: Option<i64>) -> i64 {
    s.db.with(|c| {
        let now = now_millis();
        let mut cur = files::root(c, owner, now).expect("root");
        let segments: Vec<&str> = path.split('/').collect();
        for (i, seg) in segments.iter().enumerate() {
            let last = i + 1 == segments.len();
            cur = match files::child(c, cur.id, seg).expect("child") {
                Some(existing) => existing,
                None => {
                    let (kind, bytes) = match (last, size) {
                        (true, Some(n)) => (files::TYPE_FILE, n),
                        _ => (files::TYPE_FOLDER, 0),
                    };
                    files::create(c, &cur, seg, kind, bytes, None, now).expect("create")
                }
            };
        }
        cur.id
    })
}

/// Sets metadata `key` of row `id`.
pub fn set_meta(s: &AppState, id: i64, key: &str, value: &str) {
    s.db.with(|c| metadata::set(c, id, key, value))
        .expect("metadata");
}

/// Sets the creation and modification times (Unix ms) of row `id`.
pub fn set_times(s: &AppState, id: i64, created_ms: i64, updated_ms: i64) {
    s.db.with(|c| {
        c.execute(
            "UPDATE files SET created_at = ?2, updated_at = ?3 WHERE id = ?1",
            (id, created_ms, updated_ms),
        )
    })
    .expect("times");
}
