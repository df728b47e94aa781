//! Users and groups.

use cloudreve_api::models::{Group, User};
use cloudreve_api::{Boolset, Timestamp};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::error::AppError;
use crate::ids::{IdCodec, Kind};

/// Group ids created by the first migration's seed.
pub const ADMIN_GROUP: i64 = 1;
/// The default group of new users.
pub const USER_GROUP: i64 = 2;
/// The anonymous pseudo group.
pub const ANONYMOUS_GROUP: i64 = 3;

/// A user joined with their group.
#[derive(Debug, Clone)]
pub struct UserRow {
    /// Row id.
    pub id: i64,
    /// Login e-mail.
    pub email: String,
    /// Display name.
    pub nickname: String,
    /// Argon2 PHC hash, if the account has a password.
    pub password_hash: Option<String>,
    /// `active`, `inactive`, `manual_banned`, `sys_banned`.
    pub status: String,
    /// Base32 TOTP secret when 2FA is on.
    pub totp_secret: Option<String>,
    /// Preferred language.
    pub language: String,
    /// Creation time, unix ms.
    pub created_at: i64,
    /// Group row id.
    pub group_id: i64,
    /// Group name.
    pub group_name: String,
    /// Group permission boolset (wire form).
    pub group_permission: String,
    /// Quota in bytes.
    pub max_storage: i64,
    /// Files one direct-link request may name; 0 = direct links are off.
    pub direct_link_batch_size: i64,
}

const SELECT: &str = "SELECT u.id, u.email, u.nickname, u.password_hash, u.status, u.totp_secret, u.language, u.created_at,
    g.id, g.name, g.permission, g.max_storage, g.direct_link_batch_size FROM users u JOIN groups g ON g.id = u.group_id";

fn from_row(r: &Row) -> rusqlite::Result<UserRow> {
    Ok(UserRow {
        id: r.get(0)?,
        email: r.get(1)?,
        nickname: r.get(2)?,
        password_hash: r.get(3)?,
        status: r.get(4)?,
        totp_secret: r.get(5)?,
        language: r.get(6)?,
        created_at: r.get(7)?,
        group_id: r.get(8)?,
        group_name: r.get(9)?,
        group_permission: r.get(10)?,
        max_storage: r.get(11)?,
        direct_link_batch_size: r.get(12)?,
    })
}

/// The user with row id `id`.
pub fn by_id(c: &Connection, id: i64) -> Result<Option<UserRow>, AppError> {
    Ok(
        c.query_row(&format!("{SELECT} WHERE u.id = ?1"), [id], from_row)
            .optional()?,
    )
}

/// The user with e-mail `email` (case-insensitive).
pub fn by_email(c: &Connection, email: &str) -> Result<Option<UserRow>, AppError> {
    Ok(
        c.query_row(&format!("{SELECT} WHERE u.email = ?1"), [email], from_row)
            .optional()?,
    )
}

/// How many users exist.
pub fn count(c: &Connection) -> Result<i64, AppError> {
    Ok(c.query_row("SELECT COUNT(*) FROM users", [], |r| r.get(0))?)
}

/// A new active user; returns the row id. `password_hash` is an argon2 PHC string.
pub fn create(
    c: &Connection,
    email: &str,
    nickname: &str,
    password_hash: Option<&str>,
    group: i64,
    totp_secret: Option<&str>,
    now_ms: i64,
) -> Result<i64, AppError> {
    c.execute(
        "INSERT INTO users (email, nickname, password_hash, group_id, totp_secret, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![email, nickname, password_hash, group, totp_secret, now_ms],
    )?;
    Ok(c.last_insert_rowid())
}

/// Bytes charged to a user: their files (an upload's placeholder counts with its announced size),
/// their kept versions, plus the announced new content of uploads replacing existing files.
pub fn used_storage(c: &Connection, user: i64) -> Result<i64, AppError> {
    let files: i64 = c.query_row(
        "SELECT COALESCE(SUM(size), 0) FROM files WHERE owner_id = ?1 AND type = 0",
        [user],
        |r| r.get(0),
    )?;
    Ok(files
        .saturating_add(super::versions::kept_bytes(c, user)?)
        .saturating_add(super::uploads::pending_version_bytes(c, user)?))
}

impl UserRow {
    /// The full wire form, for the user themself.
    pub fn to_wire(&self, ids: &IdCodec) -> User {
        User {
            id: ids.encode(Kind::User, self.id),
            email: self.email.clone(),
            nickname: self.nickname.clone(),
            status: self.status.clone(),
            created_at: Timestamp::from_unix_millis(self.created_at),
            group: Some(Group {
                id: ids.encode(Kind::Group, self.group_id),
                name: self.group_name.clone(),
                permission: Boolset::decode(&self.group_permission).ok(),
                direct_link_batch_size: self.direct_link_batch_size,
                ..Group::default()
            }),
            language: self.language.clone(),
            ..User::default()
        }
    }
}

/// The group permission boolset (wire form) of `viewer`, or of the anonymous group for a visitor
/// who is not signed in.
pub fn group_permission(c: &Connection, viewer: Option<&UserRow>) -> Result<String, AppError> {
    match viewer {
        Some(u) => Ok(u.group_permission.clone()),
        None => Ok(c.query_row(
            "SELECT permission FROM groups WHERE id = ?1",
            [ANONYMOUS_GROUP],
            |r| r.get(0),
        )?),
    }
}

/// Turns permission `bit` of group row `group` on or off.
pub fn set_group_bit(c: &Connection, group: i64, bit: usize, on: bool) -> Result<(), AppError> {
    let wire: String = c.query_row(
        "SELECT permission FROM groups WHERE id = ?1",
        [group],
        |r| r.get(0),
    )?;
    let mut bits = Boolset::decode(&wire).unwrap_or_default();
    bits.set(bit, on);
    c.execute(
        "UPDATE groups SET permission = ?1 WHERE id = ?2",
        rusqlite::params![bits.encode(), group],
    )?;
    Ok(())
}

/// The anonymous pseudo user (id 0, anonymous group).
pub fn anonymous(c: &Connection, ids: &IdCodec) -> Result<User, AppError> {
    let (name, permission): (String, String) = c.query_row(
        "SELECT name, permission FROM groups WHERE id = ?1",
        [ANONYMOUS_GROUP],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(User {
        id: ids.encode(Kind::User, 0),
        created_at: Timestamp(cloudreve_api::time::ZERO_TIME.into()),
        anonymous: true,
        group: Some(Group {
            id: ids.encode(Kind::Group, ANONYMOUS_GROUP),
            name,
            permission: Boolset::decode(&permission).ok(),
            ..Group::default()
        }),
        ..User::default()
    })
}
