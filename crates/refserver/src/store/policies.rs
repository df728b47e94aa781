//! Storage policies: their rows, folder mounts, and which policy a folder uses.

use cloudreve_api::models::StoragePolicy;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::AppError;
use crate::ids::{IdCodec, Kind};
use crate::s3::{S3Client, S3Settings};

/// `policies.type` of the local-disk policy.
pub const TYPE_LOCAL: &str = "local";
/// `policies.type` of an S3-compatible bucket (`settings` holds [`S3Settings`]).
pub const TYPE_S3: &str = "s3";
/// A storage node (a Cloudreve slave): browsers send chunks to the node, which this server also
/// plays (`POST /api/v4/slave/upload/{session}`).
pub const TYPE_REMOTE: &str = "remote";
/// The policy the first migration seeds and every group starts with.
pub const DEFAULT_POLICY: i64 = 1;

/// One storage policy.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyRow {
    /// Row id.
    pub id: i64,
    /// Display name.
    pub name: String,
    /// Storage type (`local`, ...); with `relay`, decides the upload protocol.
    pub policy_type: String,
    /// Bytes per chunk; 0 = the whole file in one request.
    pub chunk_size: i64,
    /// Largest file in bytes; 0 = unlimited.
    pub max_size: i64,
    /// Extensions allowed (without dot); empty = all.
    pub allowed_suffix: Vec<String>,
    /// Extensions refused (without dot).
    pub denied_suffix: Vec<String>,
    /// Names must match this (empty = no rule).
    pub allowed_name_regexp: String,
    /// Names must not match this (empty = no rule).
    pub denied_name_regexp: String,
    /// Chunks a client may send at once.
    pub chunk_concurrency: i64,
    /// Data goes through this server whatever the type.
    pub relay: bool,
    /// Type-specific settings (a JSON object).
    pub settings: serde_json::Value,
}

impl Default for PolicyRow {
    /// The migration's column defaults: a local policy with 25 MiB chunks and no rules.
    fn default() -> Self {
        PolicyRow {
            id: 0,
            name: String::new(),
            policy_type: TYPE_LOCAL.into(),
            chunk_size: 25 << 20,
            max_size: 0,
            allowed_suffix: Vec::new(),
            denied_suffix: Vec::new(),
            allowed_name_regexp: String::new(),
            denied_name_regexp: String::new(),
            chunk_concurrency: 3,
            relay: false,
            settings: serde_json::json!({}),
        }
    }
}

const COLUMNS: &str = "id, name, type, chunk_size, max_size, allowed_suffix, denied_suffix, \
    allowed_name_regexp, denied_name_regexp, chunk_concurrency, relay, settings";

fn from_row(r: &Row) -> rusqlite::Result<PolicyRow> {
    let list = |i: usize| -> rusqlite::Result<Vec<String>> {
        Ok(serde_json::from_str(&r.get::<_, String>(i)?).unwrap_or_default())
    };
    Ok(PolicyRow {
        id: r.get(0)?,
        name: r.get(1)?,
        policy_type: r.get(2)?,
        chunk_size: r.get(3)?,
        max_size: r.get(4)?,
        allowed_suffix: list(5)?,
        denied_suffix: list(6)?,
        allowed_name_regexp: r.get(7)?,
        denied_name_regexp: r.get(8)?,
        chunk_concurrency: r.get(9)?,
        relay: r.get(10)?,
        settings: serde_json::from_str(&r.get::<_, String>(11)?).unwrap_or_default(),
    })
}

/// The policy with row id `id`.
pub fn by_id(c: &Connection, id: i64) -> Result<Option<PolicyRow>, AppError> {
    Ok(c.query_row(
        &format!("SELECT {COLUMNS} FROM policies WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?)
}

/// Writes `p` (a new row when `p.id` is 0); returns its row id.
pub fn save(c: &Connection, p: &PolicyRow) -> Result<i64, AppError> {
    let json = |v: &Vec<String>| serde_json::to_string(v).unwrap_or_else(|_| "[]".into());
    let values = params![
        p.name,
        p.policy_type,
        p.chunk_size,
        p.max_size,
        json(&p.allowed_suffix),
        json(&p.denied_suffix),
        p.allowed_name_regexp,
        p.denied_name_regexp,
        p.chunk_concurrency,
        p.relay,
        p.settings.to_string(),
        (p.id != 0).then_some(p.id),
    ];
    c.execute(
        "INSERT INTO policies (name, type, chunk_size, max_size, allowed_suffix, denied_suffix,
           allowed_name_regexp, denied_name_regexp, chunk_concurrency, relay, settings, id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type,
           chunk_size = excluded.chunk_size, max_size = excluded.max_size,
           allowed_suffix = excluded.allowed_suffix, denied_suffix = excluded.denied_suffix,
           allowed_name_regexp = excluded.allowed_name_regexp,
           denied_name_regexp = excluded.denied_name_regexp,
           chunk_concurrency = excluded.chunk_concurrency, relay = excluded.relay,
           settings = excluded.settings",
        values,
    )?;
    Ok(if p.id != 0 {
        p.id
    } else {
        c.last_insert_rowid()
    })
}

/// Mounts `policy` on `folder` (`None` unmounts).
pub fn mount(c: &Connection, folder: i64, policy: Option<i64>) -> Result<(), AppError> {
    c.execute(
        "UPDATE files SET policy_id = ?2 WHERE id = ?1",
        params![folder, policy],
    )?;
    Ok(())
}

/// Makes `policy` the default of group `group`.
pub fn assign_to_group(c: &Connection, group: i64, policy: i64) -> Result<(), AppError> {
    c.execute(
        "UPDATE groups SET policy_id = ?2 WHERE id = ?1",
        params![group, policy],
    )?;
    Ok(())
}

/// The policy new content in `folder` goes to: the nearest mount on the folder or above it, else
/// the default of its owner's group.
pub fn effective(c: &Connection, folder: i64) -> Result<PolicyRow, AppError> {
    let id: Option<i64> = c
        .query_row(
            "WITH RECURSIVE up(id, parent_id, policy_id, depth) AS (
               SELECT id, parent_id, policy_id, 0 FROM files WHERE id = ?1
               UNION ALL SELECT f.id, f.parent_id, f.policy_id, up.depth + 1
               FROM files f JOIN up ON f.id = up.parent_id)
             SELECT COALESCE(
               (SELECT policy_id FROM up WHERE policy_id IS NOT NULL ORDER BY depth LIMIT 1),
               (SELECT g.policy_id FROM files f JOIN users u ON u.id = f.owner_id
                  JOIN groups g ON g.id = u.group_id WHERE f.id = ?1))",
            [folder],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    // A dangling group policy falls back to the seeded one rather than failing every listing.
    match by_id(c, id.unwrap_or(DEFAULT_POLICY))? {
        Some(p) => Ok(p),
        None => by_id(c, DEFAULT_POLICY)?
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("the default policy is missing"))),
    }
}

impl PolicyRow {
    /// Whether chunks of this policy are sent to this server (`local`, or any type relayed).
    pub fn takes_chunks(&self) -> bool {
        self.relay || self.policy_type == TYPE_LOCAL
    }

    /// Whether browsers upload this policy's content straight to its S3 bucket (a relayed S3
    /// policy is handled like a local one, file.md §5).
    pub fn is_s3_direct(&self) -> bool {
        !self.relay && self.policy_type == TYPE_S3
    }

    /// Whether browsers send this policy's chunks to its storage node (`remote`, not relayed).
    pub fn is_remote_node(&self) -> bool {
        !self.relay && self.policy_type == TYPE_REMOTE
    }

    /// The bucket settings of an S3 policy.
    pub fn s3_settings(&self) -> Result<S3Settings, String> {
        serde_json::from_value(self.settings.clone()).map_err(|e| e.to_string())
    }

    /// A client for this S3 policy's bucket; bad settings are the operator's mistake, logged.
    pub fn s3_client(&self) -> Result<S3Client, AppError> {
        let settings = self.s3_settings().map_err(|e| {
            AppError::Internal(anyhow::anyhow!("policy {}: bad S3 settings: {e}", self.id))
        })?;
        S3Client::new(settings)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("policy {}: {e}", self.id)))
    }

    /// The public wire form (file.md `storage_policy`).
    pub fn to_wire(&self, ids: &IdCodec) -> StoragePolicy {
        StoragePolicy {
            id: ids.encode(Kind::Policy, self.id),
            name: self.name.clone(),
            policy_type: self.policy_type.clone(),
            max_size: self.max_size,
            allowed_suffix: self.allowed_suffix.clone(),
            denied_suffix: self.denied_suffix.clone(),
            allowed_name_regexp: self.allowed_name_regexp.clone(),
            denied_name_regexp: self.denied_name_regexp.clone(),
            chunk_concurrency: Some(self.chunk_concurrency),
            relay: self.relay,
            ..StoragePolicy::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::files;

    #[test]
    fn the_nearest_mount_wins_over_the_group_policy() {
        let (db, _dir) = crate::db::scratch(1);
        db.with(|c| {
            let root = files::root(c, 1, 0).expect("root");
            let a = files::create(c, &root, "a", files::TYPE_FOLDER, 0, None, 0).expect("a");
            let b = files::create(c, &a, "b", files::TYPE_FOLDER, 0, None, 0).expect("b");
            assert_eq!(effective(c, b.id).expect("policy").id, DEFAULT_POLICY);
            let group = save(
                c,
                &PolicyRow {
                    name: "g".into(),
                    ..PolicyRow::default()
                },
            )
            .expect("g");
            assign_to_group(c, 2, group).expect("assign");
            assert_eq!(effective(c, b.id).expect("policy").id, group);
            let far = save(
                c,
                &PolicyRow {
                    name: "far".into(),
                    ..PolicyRow::default()
                },
            )
            .expect("f");
            let near = save(
                c,
                &PolicyRow {
                    name: "near".into(),
                    ..PolicyRow::default()
                },
            )
            .expect("n");
            mount(c, root.id, Some(far)).expect("mount");
            mount(c, a.id, Some(near)).expect("mount");
            assert_eq!(effective(c, b.id).expect("policy").id, near);
            assert_eq!(effective(c, root.id).expect("policy").id, far);
            mount(c, a.id, None).expect("unmount");
            assert_eq!(effective(c, b.id).expect("policy").id, far);
        });
    }
}
