//! Search queries: conditions as SQL, the breadth-first walk below a folder, and the flat trash.

use std::collections::HashMap;

use rusqlite::functions::FunctionFlags;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};

use super::files::{from_row, FileRow, COLUMNS};
use super::metadata::SHARED_REDIRECT;
use crate::error::AppError;
use crate::search::{fold, Conditions, MetaMatch, NameMatch};

/// Registers `cr_fold(text)`, the SQL side of [`fold`]: SQLite's own `lower()` folds ASCII only.
pub fn register_functions(c: &Connection) -> rusqlite::Result<()> {
    c.create_scalar_function(
        "cr_fold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| Ok(fold(&ctx.get::<String>(0)?)),
    )
}

/// A `WHERE` fragment over `files` with its positional parameters.
struct Predicate {
    sql: String,
    params: Vec<Value>,
}

impl Predicate {
    fn of(cond: &Conditions) -> Self {
        let mut parts: Vec<String> = Vec::new();
        let mut params: Vec<Value> = Vec::new();
        if !cond.names.is_empty() {
            let names: Vec<&str> = cond
                .names
                .iter()
                .map(|n| {
                    let (sql, text) = match n {
                        NameMatch::Quoted(t) => ("instr(name, ?) > 0", t),
                        NameMatch::Pattern(p) => ("name LIKE ? ESCAPE '\\'", p),
                        NameMatch::Contains { text, folded: true } => {
                            ("instr(cr_fold(name), ?) > 0", text)
                        }
                        NameMatch::Contains { text, .. } => ("instr(name, ?) > 0", text),
                    };
                    params.push(text.clone().into());
                    sql
                })
                .collect();
            let op = if cond.names_or { " OR " } else { " AND " };
            parts.push(format!("({})", names.join(op)));
        }
        if let Some(t) = cond.file_type {
            parts.push("type = ?".into());
            params.push(t.into());
        }
        for m in &cond.meta {
            let test = match m {
                MetaMatch::Contains { key, text } => {
                    params.extend([key.clone().into(), text.clone().into()]);
                    "m.key = ? AND instr(cr_fold(m.value), ?) > 0"
                }
                MetaMatch::HasKey(key) => {
                    params.push(key.clone().into());
                    "m.key = ?"
                }
                MetaMatch::Exact { key, value } => {
                    params.extend([key.clone().into(), value.clone().into()]);
                    "m.key = ? AND m.value = ?"
                }
            };
            parts.push(format!(
                "EXISTS (SELECT 1 FROM metadata m WHERE m.file_id = files.id AND {test})"
            ));
        }
        if let Some((gte, lte)) = cond.size {
            parts.push("size >= ? AND size <= ?".into());
            params.extend([gte.into(), lte.into()]);
        }
        // Times are stored in ms; a bound in seconds includes that whole second.
        for (column, (gte, lte)) in [("created_at", cond.created), ("updated_at", cond.updated)] {
            if let Some(s) = gte {
                parts.push(format!("{column} >= ?"));
                params.push(s.saturating_mul(1000).into());
            }
            if let Some(s) = lte {
                parts.push(format!("{column} < ?"));
                params.push(s.saturating_add(1).saturating_mul(1000).into());
            }
        }
        let sql = if parts.is_empty() {
            "1".into()
        } else {
            parts.join(" AND ")
        };
        Predicate { sql, params }
    }
}

/// Where a search page starts: a level below the searched folder (0 = its children) and the last
/// id already returned on that level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Position {
    /// Depth below the searched folder.
    pub level: usize,
    /// Last id returned on that level.
    pub after: Option<i64>,
}

/// One page of a tree search.
#[derive(Debug, Default)]
pub struct TreePage {
    /// Hits with their folder's path relative to the searched folder.
    pub hits: Vec<(FileRow, Vec<String>)>,
    /// Where the next page starts; `None` when the search is complete.
    pub next: Option<Position>,
    /// The folder-visit cap cut the walk short: results are partial.
    pub limited: bool,
}

/// The walk's state: folders of the current level, their paths below the searched folder, and how
/// many folders were visited so far.
struct Walk {
    level: Vec<i64>,
    paths: HashMap<i64, Vec<String>>,
    visited: usize,
    limit: usize,
    limited: bool,
}

impl Walk {
    /// Moves to the next level: the (non-symbolic) subfolders of the current one, at most as many
    /// as the visit cap still allows.
    fn descend(&mut self, c: &Connection) -> Result<(), AppError> {
        let mut st = c.prepare_cached(
            "SELECT id, parent_id, name FROM files WHERE parent_id IN (SELECT value FROM json_each(?1))
               AND type = 1
               AND NOT EXISTS (SELECT 1 FROM metadata m WHERE m.file_id = files.id AND m.key = ?2)
             ORDER BY id",
        )?;
        let mut next: Vec<(i64, i64, String)> = st
            .query_map((id_list(&self.level), SHARED_REDIRECT), |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?
            .collect::<Result<_, _>>()?;
        let room = self.limit.saturating_sub(self.visited);
        if next.len() > room {
            next.truncate(room);
            self.limited = true;
        }
        self.visited += next.len();
        self.level = next.iter().map(|(id, _, _)| *id).collect();
        // Hits only ever need the paths of the level being searched.
        let mut paths = HashMap::with_capacity(next.len());
        for (id, parent, name) in next {
            let mut path = self.paths.get(&parent).cloned().unwrap_or_default();
            path.push(name);
            paths.insert(id, path);
        }
        self.paths = paths;
        Ok(())
    }
}

fn id_list(ids: &[i64]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())
}

/// Searches below `root` breadth-first: hits ordered by depth, then id, `size` per page, visiting
/// at most `folder_limit` folders (the searched one included).
pub fn tree(
    c: &Connection,
    root: i64,
    cond: &Conditions,
    from: Position,
    size: usize,
    folder_limit: usize,
) -> Result<TreePage, AppError> {
    let pred = Predicate::of(cond);
    let mut walk = Walk {
        level: vec![root],
        paths: HashMap::from([(root, Vec::new())]),
        visited: 1,
        limit: folder_limit.max(1),
        limited: false,
    };
    // Every page walks down from the top again: tokens stay small and survive tree changes.
    for _ in 0..from.level {
        walk.descend(c)?;
        if walk.level.is_empty() {
            return Ok(TreePage {
                limited: walk.limited,
                ..TreePage::default()
            });
        }
    }
    let sql = format!(
        "SELECT {COLUMNS} FROM files WHERE parent_id IN (SELECT value FROM json_each(?)) AND id > ?
           AND ({}) ORDER BY id LIMIT ?",
        pred.sql
    );
    let mut st = c.prepare(&sql)?;
    let (mut level, mut after) = (from.level, from.after.unwrap_or(0));
    let mut hits = Vec::new();
    loop {
        let need = size - hits.len();
        let mut args: Vec<Value> = vec![id_list(&walk.level).into(), after.into()];
        args.extend(pred.params.iter().cloned());
        args.push((need as i64 + 1).into());
        let mut rows: Vec<FileRow> = st
            .query_map(params_from_iter(args), from_row)?
            .collect::<Result<_, _>>()?;
        let more_here = rows.len() > need;
        rows.truncate(need);
        let last = rows.last().map(|r| r.id);
        hits.extend(rows.into_iter().map(|r| {
            let dir = r
                .parent_id
                .and_then(|p| walk.paths.get(&p).cloned())
                .unwrap_or_default();
            (r, dir)
        }));
        if more_here {
            return Ok(TreePage {
                hits,
                next: Some(Position { level, after: last }),
                limited: walk.limited,
            });
        }
        walk.descend(c)?;
        level += 1;
        after = 0;
        let next = (!walk.level.is_empty()).then_some(Position { level, after: None });
        if next.is_none() || hits.len() == size {
            return Ok(TreePage {
                hits,
                next,
                limited: walk.limited,
            });
        }
    }
}

/// One page of the items directly in `trash` (the trash is flat) matching `cond`, by id in the
/// given direction, after id `after`. Returns the rows and whether more follow.
pub fn flat(
    c: &Connection,
    trash: i64,
    cond: &Conditions,
    desc: bool,
    after: Option<i64>,
    size: usize,
) -> Result<(Vec<FileRow>, bool), AppError> {
    let pred = Predicate::of(cond);
    let (cmp, dir) = if desc { ("<", "DESC") } else { (">", "ASC") };
    let sql = format!(
        "SELECT {COLUMNS} FROM files WHERE parent_id = ? AND (? IS NULL OR id {cmp} ?) AND ({})
         ORDER BY id {dir} LIMIT ?",
        pred.sql
    );
    let mut args: Vec<Value> = vec![trash.into(), after.into(), after.into()];
    args.extend(pred.params);
    args.push((size as i64 + 1).into());
    let mut rows: Vec<FileRow> = c
        .prepare(&sql)?
        .query_map(params_from_iter(args), from_row)?
        .collect::<Result<_, _>>()?;
    let more = rows.len() > size;
    rows.truncate(size);
    Ok((rows, more))
}
