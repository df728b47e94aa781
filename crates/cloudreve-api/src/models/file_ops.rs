//! Bodies and answers of the file operations (file.md §4, §6): info, rename, move/copy, delete,
//! restore, unlock, metadata, view settings, pins, download URLs and thumbnails.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{is_false, null_default, ExplorerView, StoragePolicy};
use crate::Timestamp;

/// `GET /file/info` query.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetFileInfoRequest {
    /// The item's URI (or use `id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// The item's id (owner or admin only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Add `extended_info` (versions, policy, storage used).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extended: Option<bool>,
    /// Add `folder_summary` (recursive size and counts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folder_summary: Option<bool>,
}

/// Recursive statistics of a folder.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FolderSummary {
    /// Total bytes.
    pub size: i64,
    /// Number of files.
    pub files: i64,
    /// Number of folders.
    pub folders: i64,
    /// `false` when the walk stopped at the group's limit (values are partial).
    pub completed: bool,
    /// When it was computed.
    pub calculated_at: Timestamp,
}

/// A stored blob of a file: a version, a thumbnail or a live-photo video.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Entity {
    /// Blob id (used as `entity`/`version`).
    #[serde(deserialize_with = "null_default")]
    pub id: String,
    /// Bytes.
    pub size: i64,
    /// `0` version, `1` thumbnail, `2` live-photo video.
    #[serde(rename = "type")]
    pub entity_type: i32,
    /// Creation time.
    pub created_at: Timestamp,
    /// Policy storing this blob.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub storage_policy: Option<StoragePolicy>,
    /// Uploader (redacted).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_by: Option<super::User>,
}

/// `extended_info` of a file (only with `extended=true`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExtendedInfo {
    /// Policy of the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub storage_policy: Option<StoragePolicy>,
    /// Bytes of every blob (versions and thumbnails).
    pub storage_used: i64,
    /// Every blob, newest first.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub entities: Vec<Entity>,
    /// The folder's own view setting (owner only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub view: Option<ExplorerView>,
    /// Share links pointing at this file (owner only).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub shares: Vec<super::Share>,
    /// \[Pro\] the folder's policy is inherited rather than mounted here.
    #[serde(skip_serializing_if = "is_false")]
    pub storage_policy_inherited: bool,
    /// \[Pro\] this file's permission setting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permissions: Option<super::PermissionSetting>,
    /// \[Newer/Pro\] redirect-style direct links (owner or admin).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub direct_links: Vec<super::DirectLink>,
}

/// `POST /file/rename` body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RenameFileRequest {
    /// The item.
    pub uri: String,
    /// Its new name (1..255 bytes).
    pub new_name: String,
}

/// `POST /file/move` body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MoveFilesRequest {
    /// Items to move or copy.
    pub uris: Vec<String>,
    /// Destination folder.
    pub dst: String,
    /// Copy instead of move.
    #[serde(default)]
    pub copy: bool,
}

/// `DELETE /file` body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteFilesRequest {
    /// Items to delete.
    pub uris: Vec<String>,
    /// Remove records but keep blobs (needs `advance_delete`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub unlink: bool,
    /// Delete permanently instead of moving to the trash (required inside the trash).
    #[serde(default, skip_serializing_if = "is_false")]
    pub skip_soft_delete: bool,
}

/// `POST /file/restore` body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RestoreFilesRequest {
    /// Trash URIs (`cloudreve://trash/<uuid>`).
    pub uris: Vec<String>,
}

/// `DELETE /file/lock` body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ForceUnlockRequest {
    /// Lock tokens from a 40073 answer.
    pub tokens: Vec<String>,
}

/// One change of `PATCH /file/metadata`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MetadataPatch {
    /// Metadata key (`customize:`, `tag:`, ...).
    pub key: String,
    /// New value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Remove the key.
    #[serde(default, skip_serializing_if = "is_false")]
    pub remove: bool,
}

/// `PATCH /file/metadata` body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PatchMetadataRequest {
    /// Items to change.
    pub uris: Vec<String>,
    /// Changes applied to each.
    pub patches: Vec<MetadataPatch>,
}

/// `PATCH /file/view` body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateViewRequest {
    /// The folder.
    pub uri: String,
    /// The setting; `null` clears it (inherit from the parent).
    pub view: Option<ExplorerView>,
}

/// `PUT /file/pin` body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PinFileRequest {
    /// Folder or search URI.
    pub uri: String,
    /// Optional label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// `DELETE /file/pin` body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UnpinFileRequest {
    /// The pinned URI.
    pub uri: String,
}

/// `POST /file/url` body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateDownloadUrlRequest {
    /// Files (or anything, with `archive`).
    pub uris: Vec<String>,
    /// Force `Content-Disposition: attachment`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub download: bool,
    /// One URI only: answer 302 instead of JSON.
    #[serde(default, skip_serializing_if = "is_false")]
    pub redirect: bool,
    /// One URI only: a specific version blob id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// Use the primary site URL.
    #[serde(default, skip_serializing_if = "is_false")]
    pub use_primary_site_url: bool,
    /// Return partial results (failed slots get `url: ""`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub skip_error: bool,
    /// One zip URL for all `uris`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub archive: bool,
    /// Do not reuse a cached URL.
    #[serde(default, skip_serializing_if = "is_false")]
    pub no_cache: bool,
}

/// One URL of a [`FileUrlResponse`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FileUrl {
    /// The URL (empty for a failed slot with `skip_error`).
    #[serde(deserialize_with = "null_default")]
    pub url: String,
    /// Save the relayed stream under this name.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub stream_saver_display_name: String,
}

/// `POST /file/url` answer: URLs parallel to the request's `uris`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FileUrlResponse {
    /// One per URI (one in total with `archive`).
    #[serde(deserialize_with = "null_default")]
    pub urls: Vec<FileUrl>,
    /// Earliest expiry; `None` when none expire.
    pub expires: Option<Timestamp>,
}

/// `GET /file/thumb` query.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetThumbRequest {
    /// The file.
    pub uri: String,
}

/// `GET /file/thumb` answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FileThumbResponse {
    /// Thumbnail URL.
    #[serde(deserialize_with = "null_default")]
    pub url: String,
    /// When it stops working; `None` = never.
    pub expires: Option<Timestamp>,
    /// [Pro] the URL is scrambled.
    #[serde(skip_serializing_if = "is_false")]
    pub obfuscated: bool,
}

/// Who holds a conflicting lock (errors.md §3).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LockOwner {
    /// The application holding it.
    pub application: LockApplication,
}

/// The application part of a lock owner.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LockApplication {
    /// `create`, `rename`, `upload`, `dav`, `viewer`, ...
    #[serde(rename = "type", deserialize_with = "null_default")]
    pub app_type: String,
    /// WebDAV owner XML.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub inner_xml: String,
    /// File app id (for `viewer`).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub viewer_id: String,
}

/// One conflicting lock of a 40073 answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ConflictDetail {
    /// The locked resource (may be empty for other users).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub path: String,
    /// Token for `DELETE /file/lock` (owner only).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub token: String,
    /// Who holds it.
    pub owner: LockOwner,
    /// `0` file, `1` folder.
    #[serde(rename = "type")]
    pub lock_type: i32,
}

/// Metadata keys and values, as sent on files.
pub type Metadata = BTreeMap<String, String>;
