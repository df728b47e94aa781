//! Share links and their listings (models.md §Share, §ListShareResponse, §ShareCreateService), and
//! the request bodies and queries of the share endpoints (share.md).

use serde::{Deserialize, Serialize};

use super::{
    empty_as_null, is_false, is_zero, null_default, PaginationResults, PermissionSetting, User,
};
use crate::Timestamp;

open_int_enum! {
    /// `source_type` of a share: `0` file, `1` folder; unknown numbers are kept.
    pub enum ShareSourceType {
        /// A single file (render a single-file page).
        File = 0,
        /// A folder (render a folder browser).
        Folder = 1,
    }
}

/// A share link as the requester sees it (models.md §Share).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Share {
    /// Opaque share id (`/s/{id}`, `cloudreve://{id}@share`).
    #[serde(deserialize_with = "null_default")]
    pub id: String,
    /// Name of the shared file or folder (original name for trashed sources).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub name: String,
    /// View counter (raised by `count_views=true`).
    pub visited: i64,
    /// Download counter (single-file shares only); unlocked requesters only.
    #[serde(skip_serializing_if = "is_zero")]
    pub downloaded: i64,
    /// Downloads left before the link expires; `None` = unlimited. Unlocked requesters only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remain_downloads: Option<i64>,
    /// Expiry time; `None` = never. Unlocked requesters only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires: Option<Timestamp>,
    /// The requester may access the content (owner, right password, or no password).
    pub unlocked: bool,
    /// File or folder.
    pub source_type: ShareSourceType,
    /// The owner (redacted user).
    #[serde(deserialize_with = "null_default")]
    pub owner: User,
    /// Creation time.
    pub created_at: Timestamp,
    /// Expired by time or downloads, or (in list views) source/owner gone.
    pub expired: bool,
    /// Short link `{siteURL}/s/{id}[/{password}]`.
    #[serde(deserialize_with = "null_default")]
    pub url: String,
    /// Has a password (owner only).
    #[serde(skip_serializing_if = "is_false")]
    pub is_private: bool,
    /// The password (only for requesters who unlocked it).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub password: String,
    /// The owner's folder view settings are shared (owner only).
    #[serde(skip_serializing_if = "is_false")]
    pub share_view: bool,
    /// Source URI in the owner's `my` file system (owner with `owner_extended=true`).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub source_uri: String,
    /// \[Pro\] Price in points; `0` = free.
    #[serde(skip_serializing_if = "is_zero")]
    pub price: i64,
    /// \[Pro\] Access control of the share.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permission_setting: Option<PermissionSetting>,
    /// \[Pro/Newer\] Render `README.md` of a shared folder.
    #[serde(skip_serializing_if = "is_false")]
    pub show_readme: bool,
    /// \[Newer\] The link needs a password (visible to non-owners).
    #[serde(skip_serializing_if = "is_false")]
    pub password_protected: bool,
}

impl Share {
    /// Whether the shared item is a folder.
    pub fn is_folder(&self) -> bool {
        self.source_type == ShareSourceType::Folder
    }
}

/// `GET /share` answer: one page of the caller's share links (cursor pagination).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListShareResponse {
    /// This page's links (the CE server sends `null` for none).
    #[serde(deserialize_with = "null_default", serialize_with = "empty_as_null")]
    pub shares: Vec<Share>,
    /// Paging state.
    pub pagination: PaginationResults,
}

/// `PUT /share`: create a share link (body = models.md §ShareCreateService).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateShareRequest {
    /// Source file or folder in the caller's `my` file system (not the root, not a shortcut).
    pub uri: String,
    /// Protect with a password.
    #[serde(default, skip_serializing_if = "is_false")]
    pub is_private: bool,
    /// Custom password (≤ 32 letters/digits); empty with `is_private` = generated. Ignored on edit.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub password: String,
    /// Expire after this many downloads (single-file shares); `0` = unlimited.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub downloads: i64,
    /// Lifetime in seconds from now; `0` = permanent.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub expire: i64,
    /// Share the owner's folder view settings with visitors.
    #[serde(default, skip_serializing_if = "is_false")]
    pub share_view: bool,
    /// \[Pro/Newer\] Clients should render `README.md` of the shared folder.
    #[serde(default, skip_serializing_if = "is_false")]
    pub show_readme: bool,
    /// \[Pro\] Price in points.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub price: i64,
    /// \[Pro\] Access control of the share (required by Pro servers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions: Option<PermissionSetting>,
}

/// The contract's name for the body of `PUT /share` and `POST /share/{id}`.
pub type ShareCreateService = CreateShareRequest;

/// `POST /share/{id}`: edit a share link (same body as create; the password is not changed).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EditShareRequest {
    /// The share id (path).
    #[serde(skip)]
    pub id: String,
    /// The new settings; `uri` must still name the same file.
    #[serde(flatten)]
    pub body: CreateShareRequest,
}

/// `GET /share/info/{id}`: a share link's public facts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetShareInfoRequest {
    /// The share id (path).
    #[serde(skip)]
    pub id: String,
    /// The password, needed to see the protected fields (a wrong one is not an error).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    /// `true` raises the view counter (once per visit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count_views: Option<bool>,
    /// Owner only: add `source_uri`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_extended: Option<bool>,
}

/// `GET /share`: list the caller's share links.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListMySharesRequest {
    /// Items per page (10..100, required).
    pub page_size: i64,
    /// `id` (default, creation order; the only one that pages reliably on CE), `views`, `downloads`,
    /// `remain_downloads`, \[Pro\] `price`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_by: Option<String>,
    /// `asc` (default) or `desc`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_direction: Option<String>,
    /// Cursor from the previous page's `pagination.next_token`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page_token: Option<String>,
}

/// `DELETE /share/{id}`: delete a share link (owner or admin).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteShareRequest {
    /// The share id (path).
    #[serde(skip)]
    pub id: String,
}
