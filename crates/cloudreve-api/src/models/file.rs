//! Files, folders and listings (models.md §FileResponse, §ListResponse).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{is_false, null_default};
use crate::{Boolset, Timestamp};

open_int_enum! {
    /// `type` of a file: `0` file, `1` folder; unknown numbers are kept.
    pub enum FileType {
        /// A regular file.
        File = 0,
        /// A folder.
        Folder = 1,
    }
}

/// A file or folder as the requester sees it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FileResponse {
    /// File or folder.
    #[serde(rename = "type")]
    pub file_type: FileType,
    /// Opaque file id.
    #[serde(deserialize_with = "null_default")]
    pub id: String,
    /// Display name.
    #[serde(deserialize_with = "null_default")]
    pub name: String,
    /// Creation time.
    pub created_at: Timestamp,
    /// Last modification time.
    pub updated_at: Timestamp,
    /// Size of the current version in bytes; `0` for folders.
    pub size: i64,
    /// Public metadata; `null` on listing parents.
    pub metadata: Option<BTreeMap<String, String>>,
    /// URI as seen by the requester; use it for every follow-up call.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub path: String,
    /// Has at least one share link.
    #[serde(skip_serializing_if = "is_false")]
    pub shared: bool,
    /// Capability bits of the file system it was reached through.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capability: Option<Boolset>,
    /// The requester owns it.
    #[serde(skip_serializing_if = "is_false")]
    pub owned: bool,
    /// Id of the current version blob.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub primary_entity: String,
    /// Recursive statistics (only with `folder_summary=true`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub folder_summary: Option<super::FolderSummary>,
    /// Versions, policy and more (only with `extended=true`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extended_info: Option<super::ExtendedInfo>,
    /// \[Pro\] the requester's effective permissions; `None` means all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permission: Option<Boolset>,
}

impl FileResponse {
    /// Whether this is a folder.
    pub fn is_folder(&self) -> bool {
        self.file_type == FileType::Folder
    }
}

/// Paging state of a listing, offset or cursor.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PaginationResults {
    /// Offset mode: 0-based page. Cursor mode: 0.
    pub page: i64,
    /// Page size actually used.
    pub page_size: i64,
    /// Offset mode: total items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_items: Option<i64>,
    /// Cursor mode: token for the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// True in cursor mode.
    #[serde(skip_serializing_if = "is_false")]
    pub is_cursor: bool,
}

/// What the listed file system allows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NavigatorProps {
    /// Capability bits.
    pub capability: Boolset,
    /// Largest accepted page size.
    pub max_page_size: i64,
    /// Accepted `order_by` values (`null` for searches).
    pub order_by_options: Option<Vec<String>>,
    /// Accepted `order_direction` values.
    pub order_direction_options: Option<Vec<String>>,
}

/// Public view of a storage policy.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StoragePolicy {
    /// Opaque policy id.
    #[serde(deserialize_with = "null_default")]
    pub id: String,
    /// Display name.
    #[serde(deserialize_with = "null_default")]
    pub name: String,
    /// Storage type (`local`, `s3`, ...); decides the upload protocol.
    #[serde(rename = "type", deserialize_with = "null_default")]
    pub policy_type: String,
    /// Max single-file size; `0` = unlimited.
    pub max_size: i64,
    /// Allowed extensions; empty = all.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub allowed_suffix: Vec<String>,
    /// Upload through the server.
    #[serde(skip_serializing_if = "is_false")]
    pub relay: bool,
    /// \[Pro/Newer\] forbidden extensions.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub denied_suffix: Vec<String>,
    /// \[Pro/Newer\] names must match (JavaScript regex).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub allowed_name_regexp: String,
    /// \[Pro/Newer\] names must not match (JavaScript regex).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub denied_name_regexp: String,
    /// \[Pro/Newer\] parallel chunk uploads allowed; absent means 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chunk_concurrency: Option<i64>,
    /// \[Pro\] weight inside a `load_balance` policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// \[Pro\] members of a `load_balance` policy.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub children: Vec<StoragePolicy>,
    /// \[Newer\] client-side encryption supported.
    #[serde(skip_serializing_if = "is_false")]
    pub encryption: bool,
    /// \[Newer\] chunk-streaming encryption supported.
    #[serde(skip_serializing_if = "is_false")]
    pub streaming_encryption: bool,
}

/// A folder's server-side view setting.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExplorerView {
    /// Items per page.
    #[serde(skip_serializing_if = "super::is_zero")]
    pub page_size: i64,
    /// Sort field.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub order: String,
    /// `asc` or `desc`.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub order_direction: String,
    /// `list`, `grid` or `gallery`.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub view: String,
    /// Show thumbnails.
    #[serde(skip_serializing_if = "is_false")]
    pub thumbnail: bool,
    /// Tile width in gallery layout (50..=500).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gallery_width: Option<i64>,
    /// Columns of the list layout.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub columns: Vec<ListViewColumn>,
}

/// Extra settings of a list column.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListViewColumnProps {
    /// Metadata key shown by a metadata column.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub metadata_key: String,
    /// \[Newer\] custom property shown by a custom-property column.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub custom_props_id: String,
}

/// A column of the list layout (models.md §ListViewColumn); the server stores them opaquely.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListViewColumn {
    /// Column kind: 0 name, 1 modified, 2 size, 3 metadata, 4 created, ... 32 country.
    #[serde(rename = "type")]
    pub column_type: i32,
    /// Width in pixels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<i64>,
    /// Extra settings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub props: Option<ListViewColumnProps>,
}

/// `GET /file`: one page of a folder listing or search.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListResponse {
    /// This page's items.
    #[serde(deserialize_with = "null_default")]
    pub files: Vec<FileResponse>,
    /// The listed folder (zero-valued for roots without a folder object).
    pub parent: FileResponse,
    /// Paging state.
    pub pagination: PaginationResults,
    /// What the file system allows.
    pub props: NavigatorProps,
    /// Hint to send back as `X-Cr-Context-Hint`.
    #[serde(deserialize_with = "null_default")]
    pub context_hint: String,
    /// A search stopped at its folder limit.
    #[serde(skip_serializing_if = "is_false")]
    pub recursion_limit_reached: bool,
    /// Folders and files interleave (searches).
    pub mixed_type: bool,
    /// The URI is a single-file share.
    #[serde(skip_serializing_if = "is_false")]
    pub single_file_view: bool,
    /// Policy for uploads into this folder.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub storage_policy: Option<StoragePolicy>,
    /// Effective view setting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub view: Option<ExplorerView>,
}

/// `type` of a new item in `POST /file/create`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CreateType {
    /// An empty file.
    #[default]
    File,
    /// A folder.
    Folder,
}

/// `POST /file/create` body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateFileRequest {
    /// Full URI of the new item.
    pub uri: String,
    /// File or folder.
    #[serde(rename = "type")]
    pub file_type: CreateType,
    /// Fail with 40004 when the name exists.
    #[serde(default, skip_serializing_if = "is_false")]
    pub err_on_conflict: bool,
    /// Initial metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, String>>,
}

/// `GET /file` query.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListFilesRequest {
    /// Folder URI, optionally with search conditions.
    pub uri: String,
    /// 0-based page (offset mode).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<i64>,
    /// Items per page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<i64>,
    /// `name`, `size`, `updated_at`, `created_at`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_by: Option<String>,
    /// `asc` or `desc`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_direction: Option<String>,
    /// Cursor from the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page_token: Option<String>,
}
