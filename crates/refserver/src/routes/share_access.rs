//! The `share` file system in one place: who may open `cloudreve://{id}[:{password}]@share/...`, and
//! which row of the owner's tree a share path names (share.md §Browsing a share).
//!
//! Every route that accepts share URIs goes through [`open`] and [`resolve`], so the rules (expiry,
//! password, the visitor group's `share_download`, the source still in `my`) cannot drift apart.

use cloudreve_api::boolset::{self, capability};
use cloudreve_api::{Boolset, Code, CrUri, FileSystem};
use rusqlite::Connection;

use crate::error::AppError;
use crate::ids::{IdCodec, Kind};
use crate::store::files::{self, FileRow, TYPE_FOLDER};
use crate::store::shares::{self, ShareRow};
use crate::store::users::{self, UserRow};

/// An opened share: the link, its shared item and its owner.
#[derive(Debug, Clone)]
pub struct Opened {
    /// The link.
    pub share: ShareRow,
    /// The shared file or folder.
    pub root: FileRow,
    /// The owner.
    pub owner: UserRow,
}

impl Opened {
    /// A single-file share.
    pub fn is_file(&self) -> bool {
        self.root.file_type != TYPE_FOLDER
    }
}

/// 404 "Share not found".
pub fn not_found() -> AppError {
    AppError::NotFound("Share not found")
}

/// 404 "Share link expired".
pub fn expired() -> AppError {
    AppError::NotFound("Share link expired")
}

/// 40069: the password is missing or wrong.
pub fn wrong_password() -> AppError {
    AppError::code(Code::IncorrectPassword, "Incorrect share password")
}

/// The share capability set (models.md §File-system capability bits, CE `share`).
pub fn share_capability() -> Boolset {
    Boolset::from_bits(capability::CE_SHARE.iter().copied())
}

/// The share a link id names, with its item and owner, if it is still usable: not expired by time
/// or downloads, the owner active and the item still in the owner's `my` tree.
pub fn live(c: &Connection, ids: &IdCodec, raw_id: &str, now_ms: i64) -> Result<Opened, AppError> {
    let id = ids.decode(Kind::Share, raw_id).ok_or_else(not_found)?;
    let share = shares::by_id(c, id)?.ok_or_else(not_found)?;
    let owner = users::by_id(c, share.owner_id)?.ok_or_else(not_found)?;
    let root = files::by_id(c, share.file_id)?.ok_or_else(expired)?;
    if share.is_spent(now_ms)
        || owner.status != "active"
        || shares::path_in_my(c, root.id)?.is_none()
    {
        return Err(expired());
    }
    Ok(Opened { share, root, owner })
}

/// The share a link id names whatever its state (expired or not), for its owner, who may still
/// see and edit it; `None` when the id, the owner or the item is gone.
pub fn any_state(c: &Connection, ids: &IdCodec, raw_id: &str) -> Result<Option<Opened>, AppError> {
    let Some(id) = ids.decode(Kind::Share, raw_id) else {
        return Ok(None);
    };
    let Some(share) = shares::by_id(c, id)? else {
        return Ok(None);
    };
    let (Some(owner), Some(root)) = (
        users::by_id(c, share.owner_id)?,
        files::by_id(c, share.file_id)?,
    ) else {
        return Ok(None);
    };
    Ok(Some(Opened { share, root, owner }))
}

/// Whether `viewer` reaches the content of `share` with `password`: the owner always; others with
/// the right password (or none needed).
pub fn unlocked(share: &ShareRow, viewer: Option<&UserRow>, password: Option<&str>) -> bool {
    viewer.is_some_and(|u| u.id == share.owner_id)
        || share.password.is_empty()
        || password.is_some_and(|p| constant_time_eq(p.as_bytes(), share.password.as_bytes()))
}

/// Compares without an early exit, so timing tells nothing about a password's prefix.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Whether `viewer`'s group (the anonymous group for visitors) may open other users' shares.
fn may_visit(c: &Connection, viewer: Option<&UserRow>) -> Result<bool, AppError> {
    let permission = users::group_permission(c, viewer)?;
    Ok(Boolset::decode(&permission).is_ok_and(|b| b.get(boolset::group::SHARE_DOWNLOAD)))
}

/// Opens the share `uri` names for `viewer`: 404 when it is unknown or expired, 403 when the
/// viewer's group may not open shares, 40069 when the password is missing or wrong.
pub fn open(
    c: &Connection,
    ids: &IdCodec,
    viewer: Option<&UserRow>,
    uri: &CrUri,
    now_ms: i64,
) -> Result<Opened, AppError> {
    let raw = uri.id.as_deref().ok_or_else(not_found)?;
    let opened = live(c, ids, raw, now_ms)?;
    let owner = viewer.is_some_and(|u| u.id == opened.share.owner_id);
    if !owner && !may_visit(c, viewer)? {
        return Err(AppError::Forbidden("Your group may not access shares"));
    }
    if !unlocked(&opened.share, viewer, uri.password.as_deref()) {
        return Err(wrong_password());
    }
    Ok(opened)
}

/// The row `segments` name inside an opened share. A folder share walks below its folder; a file
/// share has the file as its only child, named as the file is.
pub fn resolve(c: &Connection, opened: &Opened, segments: &[String]) -> Result<Walked, AppError> {
    let missing = || AppError::code(Code::ParentNotExist, "Path not exist");
    if opened.is_file() {
        return match segments {
            [] => Ok(Walked::FileShareRoot),
            [name] if *name == opened.root.name => Ok(Walked::Row(opened.root.clone())),
            _ => Err(missing()),
        };
    }
    let mut cur = opened.root.clone();
    for seg in segments {
        if cur.file_type != TYPE_FOLDER {
            return Err(missing());
        }
        cur = files::child(c, cur.id, seg)?.ok_or_else(missing)?;
    }
    Ok(Walked::Row(cur))
}

/// Where a share path leads.
#[derive(Debug, Clone)]
pub enum Walked {
    /// The root of a single-file share: a virtual folder holding the file.
    FileShareRoot,
    /// A row of the owner's tree.
    Row(FileRow),
}

/// The row a read-only route (thumbnail, download URL, info) names: in the caller's own `my` tree,
/// or inside a share they may open (returned too, so downloads can be counted). A single-file
/// share's root is no file: 40016.
pub fn readable(
    c: &Connection,
    ids: &IdCodec,
    viewer: Option<&UserRow>,
    uri: &CrUri,
    now_ms: i64,
) -> Result<(FileRow, Option<Opened>), AppError> {
    let missing = || AppError::code(Code::ParentNotExist, "Path not exist");
    match uri.fs {
        FileSystem::Share => {
            let opened = open(c, ids, viewer, uri, now_ms)?;
            match resolve(c, &opened, &uri.segments)? {
                Walked::Row(row) => Ok((row, Some(opened))),
                Walked::FileShareRoot => Err(missing()),
            }
        }
        FileSystem::My if !uri.is_search() => {
            let user = viewer.ok_or(AppError::LoginRequired)?;
            if let Some(id) = &uri.id {
                match ids.decode(Kind::User, id) {
                    Some(owner) if owner == user.id => {}
                    Some(_) => return Err(AppError::Forbidden("Not supported action")),
                    None => return Err(missing()),
                }
            }
            let row = files::resolve(c, user.id, &uri.segments, now_ms)?.ok_or_else(missing)?;
            Ok((row, None))
        }
        _ => Err(AppError::Param("unknown uri".into())),
    }
}
