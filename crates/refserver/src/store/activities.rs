//! The file history behind `GET /file/activities`: recording an event for an item (scoped to the
//! item and every folder above it) and reading a feed in id order, one keyset page at a time.

use cloudreve_api::models::LogEntry;
use rusqlite::{params, Connection};

use crate::error::AppError;

/// Event categories the server records (file.md §Activity categories).
pub mod category {
    /// A file or folder was created (also a finished upload of a new file).
    pub const FILE_CREATE: i32 = 7;
    /// Renamed (`original_name`, `new_name`).
    pub const FILE_RENAME: i32 = 8;
    /// New content: an upload into an existing file, a saved edit.
    pub const ENTITY_UPLOADED: i32 = 10;
    /// Downloaded or opened for reading.
    pub const ENTITY_DOWNLOADED: i32 = 11;
    /// Recorded on the source of a copy (`from`, `to`).
    pub const COPY_FROM: i32 = 12;
    /// Recorded on the new copy (`from`, `to`).
    pub const COPY_TO: i32 = 13;
    /// Moved, or restored from the trash (`from`, `to`).
    pub const MOVE_TO: i32 = 14;
    /// Deleted for good.
    pub const DELETE_FILE: i32 = 15;
    /// Moved to the trash.
    pub const MOVE_TO_TRASH: i32 = 16;
    /// A share link was made.
    pub const SHARE: i32 = 17;
    /// A share was opened (views counted).
    pub const SHARE_LINK_VIEWED: i32 = 18;
    /// An earlier version became current.
    pub const SET_CURRENT_VERSION: i32 = 19;
    /// A version was deleted.
    pub const DELETE_VERSION: i32 = 20;
    /// Tags or other metadata changed.
    pub const UPDATE_METADATA: i32 = 23;
    /// A share link was edited.
    pub const EDIT_SHARE: i32 = 24;
    /// A share link was deleted.
    pub const DELETE_SHARE: i32 = 25;
    /// A direct link was made.
    pub const GET_DIRECT_LINK: i32 = 43;
    /// A folder's stored view (layout, order) changed; in that folder's own feed only.
    pub const UPDATE_VIEW: i32 = 56;
    /// A direct link was deleted.
    pub const DELETE_DIRECT_LINK: i32 = 57;
    /// Categories that only read (the `reads` filter; everything else is an update).
    pub const READS: [i32; 3] = [ENTITY_DOWNLOADED, SHARE_LINK_VIEWED, 21];
}

/// One stored event.
#[derive(Debug, Clone)]
pub struct ActivityRow {
    /// Row id (hashed on the wire).
    pub id: i64,
    /// Who, if anyone signed in.
    pub actor_id: Option<i64>,
    /// What happened (category and fields).
    pub entry: LogEntry,
    /// The version (row of `versions`) concerned.
    pub entity_id: Option<i64>,
    /// When, unix ms.
    pub created_at: i64,
}

/// An event to record.
#[derive(Debug, Clone, Default)]
pub struct NewActivity {
    /// The item it happened to.
    pub file_id: i64,
    /// Who did it (`None`: an anonymous visitor).
    pub actor_id: Option<i64>,
    /// What happened; `exts.uri` names the item as it was then.
    pub entry: LogEntry,
    /// The version concerned.
    pub entity_id: Option<i64>,
    /// A folder the item has just left (a move): its feed, and those above it, show the event too.
    pub also_under: Option<i64>,
    /// Shown in the item's own feed only, not in those of the folders above it (a change that says
    /// nothing about their contents, such as a view setting).
    pub only_here: bool,
}

impl NewActivity {
    /// `category` happened to the item `file_id` at `uri`, by `actor`.
    pub fn new(file_id: i64, actor: Option<i64>, category: i32, uri: &str) -> Self {
        let mut entry = LogEntry {
            category,
            ..LogEntry::default()
        };
        entry.exts.insert("uri".into(), uri.into());
        NewActivity {
            file_id,
            actor_id: actor,
            entry,
            entity_id: None,
            also_under: None,
            only_here: false,
        }
    }

    /// Shown in the item's own feed only (see [`NewActivity::only_here`]).
    pub fn only_here(mut self) -> Self {
        self.only_here = true;
        self
    }

    /// Also shown in the feeds of `folder` and the folders above it (where a moved item was).
    pub fn also_under(mut self, folder: i64) -> Self {
        self.also_under = Some(folder);
        self
    }

    /// About the version (blob row) `entity`.
    pub fn entity(mut self, entity: i64) -> Self {
        self.entity_id = Some(entity);
        self
    }

    /// With the source and destination of a move or copy.
    pub fn from_to(mut self, from: &str, to: &str) -> Self {
        self.entry.from = from.to_string();
        self.entry.to = to.to_string();
        self
    }

    /// With the names before and after a rename.
    pub fn names(mut self, old: &str, new: &str) -> Self {
        self.entry.original_name = old.to_string();
        self.entry.new_name = new.to_string();
        self
    }

    /// With one more `exts` field (the share's wire id, ...).
    pub fn ext(mut self, key: &str, value: &str) -> Self {
        self.entry.exts.insert(key.into(), value.into());
        self
    }

    /// Records it (see [`record`]).
    pub fn record(&self, c: &Connection, now_ms: i64) -> Result<(), AppError> {
        record(c, self, now_ms)
    }
}

/// Records `a` at `now_ms`, visible in the feeds of its item and (unless `only_here`) of every
/// folder above it.
pub fn record(c: &Connection, a: &NewActivity, now_ms: i64) -> Result<(), AppError> {
    let content = serde_json::to_string(&a.entry).map_err(anyhow::Error::from)?;
    c.execute(
        "INSERT INTO activities (file_id, actor_id, category, content, entity_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![a.file_id, a.actor_id, a.entry.category, content, a.entity_id, now_ms],
    )?;
    let id = c.last_insert_rowid();
    if a.only_here {
        c.execute(
            "INSERT INTO activity_scopes (file_id, activity_id) VALUES (?1, ?2)",
            params![a.file_id, id],
        )?;
        return Ok(());
    }
    for start in std::iter::once(a.file_id).chain(a.also_under) {
        c.execute(
            "WITH RECURSIVE up(id) AS (
                 SELECT ?1
                 UNION ALL SELECT f.parent_id FROM files f JOIN up ON f.id = up.id WHERE f.parent_id IS NOT NULL
             )
             INSERT OR IGNORE INTO activity_scopes (file_id, activity_id) SELECT id, ?2 FROM up",
            params![start, id],
        )?;
    }
    Ok(())
}

/// Which events a feed shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// All of them.
    All,
    /// Those `actor` caused.
    By(i64),
    /// Those that changed something.
    Updates,
    /// Views and downloads.
    Reads,
}

/// One page of the feed of `file`: up to `limit` events after the event `after` (exclusive, in
/// the page's direction), in id order (`desc`: newest first).
pub fn page(
    c: &Connection,
    file: i64,
    which: Which,
    desc: bool,
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<ActivityRow>, AppError> {
    let reads = category::READS
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let filter = match which {
        Which::All => String::new(),
        Which::By(_) => " AND a.actor_id = ?4".into(),
        Which::Updates => format!(" AND a.category NOT IN ({reads})"),
        Which::Reads => format!(" AND a.category IN ({reads})"),
    };
    let (cmp, dir) = if desc { ("<", "DESC") } else { (">", "ASC") };
    let sql = format!(
        "SELECT a.id, a.actor_id, a.content, a.entity_id, a.created_at, a.category
         FROM activity_scopes s JOIN activities a ON a.id = s.activity_id
         WHERE s.file_id = ?1 AND (?2 IS NULL OR s.activity_id {cmp} ?2){filter}
         ORDER BY s.activity_id {dir} LIMIT ?3"
    );
    let actor = match which {
        Which::By(id) => Some(id),
        _ => None,
    };
    let mut st = c.prepare_cached(&sql)?;
    let map = |r: &rusqlite::Row| {
        let content: String = r.get(2)?;
        let mut entry: LogEntry = serde_json::from_str(&content).unwrap_or_default();
        entry.category = r.get(5)?;
        Ok(ActivityRow {
            id: r.get(0)?,
            actor_id: r.get(1)?,
            entry,
            entity_id: r.get(3)?,
            created_at: r.get(4)?,
        })
    };
    let rows = if actor.is_some() {
        st.query_map(params![file, after, limit, actor], map)?
            .collect::<Result<Vec<_>, _>>()?
    } else {
        st.query_map(params![file, after, limit], map)?
            .collect::<Result<Vec<_>, _>>()?
    };
    Ok(rows)
}
