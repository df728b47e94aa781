//! Users, groups and storage capacity.

use serde::{Deserialize, Serialize};

use super::{is_false, null_default};
use crate::{Boolset, Timestamp};

/// A user: full for the caller, redacted for others (models.md §User).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct User {
    /// Opaque user id.
    #[serde(deserialize_with = "null_default")]
    pub id: String,
    /// E-mail (login name); absent for redacted users seen anonymously.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub email: String,
    /// Display name.
    #[serde(deserialize_with = "null_default")]
    pub nickname: String,
    /// `active`, `inactive`, `manual_banned`, `sys_banned`.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub status: String,
    /// `""`, `file` or `gravatar`.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub avatar: String,
    /// Creation time (zero for the anonymous user).
    pub created_at: Timestamp,
    /// Preferred theme colour.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub preferred_theme: String,
    /// True for the anonymous pseudo user.
    #[serde(
        deserialize_with = "super::lenient_bool",
        skip_serializing_if = "is_false"
    )]
    pub anonymous: bool,
    /// The user's group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<Group>,
    /// Sidebar pins (the wire name is misspelt by the server).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub pined: Vec<Pin>,
    /// Preferred language, e.g. `en-US`.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub language: String,
    /// View settings kept locally instead of on the server.
    #[serde(
        deserialize_with = "super::lenient_bool",
        skip_serializing_if = "is_false"
    )]
    pub disable_view_sync: bool,
    /// \[Pro\] points balance.
    #[serde(skip_serializing_if = "super::is_zero")]
    pub credit: i64,
    /// \[Newer\] `""` public shares only, `all_share`, `hide_share`.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub share_links_in_profile: String,
}

/// A user group with its permission bits.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Group {
    /// Opaque group id.
    #[serde(deserialize_with = "null_default")]
    pub id: String,
    /// Group name.
    #[serde(deserialize_with = "null_default")]
    pub name: String,
    /// Permission bits (see [`crate::boolset::group`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permission: Option<Boolset>,
    /// Max files per direct-link request.
    #[serde(skip_serializing_if = "super::is_zero")]
    pub direct_link_batch_size: i64,
    /// Seconds trashed files are kept.
    #[serde(skip_serializing_if = "super::is_zero")]
    pub trash_retention: i64,
}

/// A sidebar pin.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Pin {
    /// Pinned URI.
    #[serde(deserialize_with = "null_default")]
    pub uri: String,
    /// Optional label.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub name: String,
}

/// `GET /user/capacity`: bytes used and available.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Capacity {
    /// Quota in bytes.
    pub total: i64,
    /// Bytes used (may exceed `total`).
    pub used: i64,
    /// \[Pro\] the part of `total` that comes from storage packs.
    #[serde(skip_serializing_if = "super::is_zero")]
    pub storage_pack_total: i64,
}
