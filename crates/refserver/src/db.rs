//! SQLite on disk with numbered migrations; blocking calls run off the async runtime.

use std::path::Path;
use std::sync::{Arc, Mutex};

use anyhow::Context;
use rusqlite::Connection;

use crate::error::AppError;

/// Schema migrations by number. Each runs once, in order of number; the numbers applied are recorded
/// in `schema_migrations`, so a migration merged in later with a lower number than one already
/// applied (branches own disjoint numbers) still runs.
const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../migrations/0001_init.sql")),
    (2, include_str!("../migrations/0002_trash_and_metadata.sql")),
    (3, include_str!("../migrations/0003_views_and_pins.sql")),
    (
        4,
        include_str!("../migrations/0004_thumbnails_and_locks.sql"),
    ),
    (
        5,
        include_str!("../migrations/0005_policies_and_uploads.sql"),
    ),
    (6, include_str!("../migrations/0006_s3_uploads.sql")),
    (7, include_str!("../migrations/0007_versions.sql")),
    (8, include_str!("../migrations/0008_archive_sessions.sql")),
    (9, include_str!("../migrations/0009_viewer_sessions.sql")),
    (10, include_str!("../migrations/0010_shares.sql")),
    (11, include_str!("../migrations/0011_direct_links.sql")),
    (12, include_str!("../migrations/0012_activities.sql")),
    (
        13,
        include_str!("../migrations/0013_anonymous_archives.sql"),
    ),
];

/// A shared SQLite connection.
#[derive(Clone)]
pub struct Db(Arc<Mutex<Connection>>);

impl Db {
    /// Opens (creating if needed) `path` and applies pending migrations.
    pub fn open(path: &Path) -> anyhow::Result<Self> {
        let mut conn =
            Connection::open(path).with_context(|| format!("opening {}", path.display()))?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;",
        )?;
        migrate(&mut conn)?;
        crate::store::search::register_functions(&conn)?;
        Ok(Db(Arc::new(Mutex::new(conn))))
    }

    /// Runs `f` with the connection on the blocking pool.
    pub async fn call<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, AppError> + Send + 'static,
    {
        let db = self.0.clone();
        tokio::task::spawn_blocking(move || {
            // A panic while holding the lock poisons it; the connection itself is still consistent
            // because every multi-statement change runs in a transaction.
            let mut conn = db.lock().unwrap_or_else(|p| p.into_inner());
            f(&mut conn)
        })
        .await
        .map_err(|e| AppError::Internal(e.into()))?
    }

    /// Runs `f` synchronously (start-up and seeding only).
    pub fn with<T>(&self, f: impl FnOnce(&mut Connection) -> T) -> T {
        let mut conn = self.0.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut conn)
    }
}

fn migrate(conn: &mut Connection) -> anyhow::Result<()> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (number INTEGER PRIMARY KEY)",
    )?;
    // Databases from before the table counted their migrations in `user_version` (always 1..=n);
    // it is no longer written, so this only ever records what those databases already have.
    let legacy: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    conn.execute(
        "INSERT OR IGNORE INTO schema_migrations (number)
         WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ?1)
         SELECT x FROM n WHERE ?1 > 0",
        [legacy],
    )?;
    for (number, sql) in MIGRATIONS {
        let done: bool = conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM schema_migrations WHERE number = ?1)",
            [number],
            |r| r.get(0),
        )?;
        if done {
            continue;
        }
        let tx = conn.transaction()?;
        tx.execute_batch(sql)
            .with_context(|| format!("migration {number:04}"))?;
        tx.execute(
            "INSERT INTO schema_migrations (number) VALUES (?1)",
            [number],
        )?;
        tx.commit()?;
    }
    Ok(())
}

/// A database in a fresh temporary directory with users `1..=users` (e-mails `u1@x`, ...) in the
/// default group, for unit tests of queries; the directory lives as long as the guard.
#[cfg(test)]
pub(crate) fn scratch(users: i64) -> (Db, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = Db::open(&dir.path().join("t.db")).expect("db");
    db.with(|c| {
        for id in 1..=users {
            c.execute(
                "INSERT INTO users (id, email, nickname, group_id, created_at) VALUES (?1, ?2, ?3, 2, 0)",
                rusqlite::params![id, format!("u{id}@x"), format!("u{id}")],
            )
            .expect("user");
        }
    });
    (db, dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_counted_in_user_version_only_gets_the_missing_migrations() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("legacy.db");
        {
            let conn = Connection::open(&path).expect("open");
            for (_, sql) in &MIGRATIONS[..2] {
                conn.execute_batch(sql).expect("old migration");
            }
            conn.pragma_update(None, "user_version", 2)
                .expect("version");
        }
        let db = Db::open(&path).expect("migrates");
        let applied: Vec<i64> = db.with(|c| {
            let mut st = c
                .prepare("SELECT number FROM schema_migrations ORDER BY number")
                .expect("query");
            st.query_map([], |r| r.get(0))
                .expect("rows")
                .collect::<Result<_, _>>()
                .expect("numbers")
        });
        let all: Vec<i64> = MIGRATIONS.iter().map(|(n, _)| *n).collect();
        assert_eq!(applied, all);
        // Opening again runs nothing twice (a second CREATE TABLE would fail).
        drop(db);
        Db::open(&path).expect("reopens");
    }
}
