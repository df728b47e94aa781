//! Versions, direct links, archive listing, activities, permissions and policy mounts (file.md §6, §8).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::null_default;
use crate::Timestamp;

/// `POST /file/version/current` and `DELETE /file/version` body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FileVersionRequest {
    /// The file.
    pub uri: String,
    /// Version (entity) id.
    pub version: String,
}

/// `POST /file/version/current`: make a version current.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SetCurrentVersion(pub FileVersionRequest);

/// `DELETE /file/version`: delete a non-current version (the body is JSON, not a query: doc-bug).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DeleteVersion(pub FileVersionRequest);

/// `PUT /file/source` body: create direct links.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateDirectLinksRequest {
    /// Files (not folders).
    pub uris: Vec<String>,
}

/// One created direct link.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DirectLinkResponse {
    /// Public URL.
    #[serde(deserialize_with = "null_default")]
    pub link: String,
    /// The file's URI.
    #[serde(deserialize_with = "null_default")]
    pub file_url: String,
}

/// `DELETE /file/source/{id}`: [Newer] delete a redirect-style direct link.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteDirectLink {
    /// Link id (`extended_info.direct_links[].id`).
    #[serde(skip)]
    pub id: String,
}

/// `GET /file/archive` query: [Newer] list an archive's entries.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListArchiveRequest {
    /// The zip or 7z file.
    pub uri: String,
    /// Version (entity) id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// Charset of entry names in legacy zips, e.g. `gb18030`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_encoding: Option<String>,
}

/// One entry of an archive.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ArchivedFile {
    /// Path inside the archive, `/`-separated.
    #[serde(deserialize_with = "null_default")]
    pub name: String,
    /// Uncompressed bytes.
    pub size: i64,
    /// Modification time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<Timestamp>,
    /// Is a directory.
    pub is_directory: bool,
}

/// `GET /file/archive` answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ArchiveListResponse {
    /// The entries.
    #[serde(deserialize_with = "null_default")]
    pub files: Vec<ArchivedFile>,
}

/// `GET /file/activities` query: [Pro] a file's audit trail.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListActivitiesRequest {
    /// The file or folder.
    pub uri: String,
    /// Items per page (≥ 10).
    pub page_size: i64,
    /// `asc` or `desc`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_direction: Option<String>,
    /// Cursor of the next page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page_token: Option<String>,
    /// `""` all, `my`, `updates`, `reads`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<String>,
}

/// [Pro] what an activity recorded.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LogEntry {
    /// Event category (file.md §Activity categories).
    pub category: i32,
    /// Extra key/values.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub exts: BTreeMap<String, serde_json::Value>,
    /// Old name (renames).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub original_name: String,
    /// New name (renames).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub new_name: String,
    /// Source URI.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub from: String,
    /// Destination URI.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub to: String,
    /// Blob creation time (version events).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity_create_time: Option<Timestamp>,
    /// Policy id (upload/relocate events).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub storage_policy_id: String,
    /// Policy name (upload/relocate events).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub storage_policy: String,
}

/// [Pro] one event of a file's history.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Activity {
    /// Activity id.
    #[serde(deserialize_with = "null_default")]
    pub id: String,
    /// What happened.
    pub content: LogEntry,
    /// When.
    pub created_at: Timestamp,
    /// Who (redacted); `None` for the system or anonymous visitors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<super::User>,
    /// Related version blob.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub version_id: String,
}

/// `GET /file/activities` answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FileActivitiesResponse {
    /// This page's events.
    #[serde(deserialize_with = "null_default")]
    pub activities: Vec<Activity>,
    /// Cursor paging.
    pub pagination: super::PaginationResults,
}

/// `PATCH /file/policy` body: [Pro] mount a storage policy on a folder.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MountPolicyRequest {
    /// The folder.
    pub uri: String,
    /// Policy id.
    pub policy_id: String,
}

/// `DELETE /file/permission` body: [Pro] drop explicit permissions so items inherit again.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeletePermissionRequest {
    /// The items.
    pub uris: Vec<String>,
}

/// `POST /file/permission` body: [Pro] set per-file permissions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SetPermissionRequest {
    /// The items.
    pub uris: Vec<String>,
    /// The permissions.
    pub setting: super::PermissionSetting,
}
