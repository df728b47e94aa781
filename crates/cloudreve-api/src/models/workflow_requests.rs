//! Request bodies and queries of the workflow endpoints (workflow.md).

use serde::{Deserialize, Serialize};

use super::is_false;

/// `category` of `GET /workflow`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TaskCategory {
    /// Archive, extract, relocate and import tasks.
    #[default]
    General,
    /// Remote downloads still running (all in one page).
    Downloading,
    /// Remote downloads that ended.
    Downloaded,
}

/// `GET /workflow` query: list tasks.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListTasksRequest {
    /// Page size, 10..100.
    pub page_size: i64,
    /// Which tasks.
    pub category: TaskCategory,
    /// Cursor from the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page_token: Option<String>,
}

/// Body of `POST /workflow/archive` and `POST /workflow/extract` (models.md §ArchiveWorkflowService).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArchiveWorkflowService {
    /// Sources (extract: exactly one archive file).
    pub src: Vec<String>,
    /// Archive file to create, or folder to extract into.
    pub dst: String,
    /// Extract: character set of entry names in legacy zips, e.g. `gb18030`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub encoding: String,
    /// \[Newer\] archive password.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub password: String,
    /// \[Newer\] extract only entries equal to or under these paths.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub file_mask: Vec<String>,
    /// \[Pro\] node to run on.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub preferred_node_id: String,
}

/// `POST /workflow/archive` body: compress files into a new archive.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CreateArchiveRequest(pub ArchiveWorkflowService);

/// `POST /workflow/extract` body: extract an archive into a folder.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ExtractArchiveRequest(pub ArchiveWorkflowService);

/// `POST /workflow/download` body: create remote downloads (give `src` or `src_file`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateRemoteDownloadRequest {
    /// Destination folder URI.
    pub dst: String,
    /// URLs or magnets; one task per entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub src: Vec<String>,
    /// URI of a `.torrent` file in Cloudreve.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub src_file: String,
    /// \[Pro\] node to run on.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub preferred_node_id: String,
}

/// One file choice of [`SelectDownloadFilesRequest`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DownloadFileSelection {
    /// `summary.props.download.files[].index`, verbatim.
    pub index: i64,
    /// Download it or not.
    pub download: bool,
}

/// `PATCH /workflow/download/{id}`: choose which files of a BitTorrent task are downloaded.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SelectDownloadFilesRequest {
    /// Task id (path).
    #[serde(skip)]
    pub id: String,
    /// Files to change; others keep their state.
    pub files: Vec<DownloadFileSelection>,
}

/// `POST /workflow/reloacte` (sic) body: \[Pro\] move blobs to another storage policy.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RelocateRequest {
    /// Files/folders to relocate (at least one).
    pub src: Vec<String>,
    /// Target policy id (from `GET /user/setting/policies`).
    pub dst_policy_id: String,
}

/// `POST /workflow/import` body: index external files into a user's file system (admin).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportFilesRequest {
    /// Physical folder path inside the storage policy.
    pub src: String,
    /// Plain path (not a URI) inside the target user's `my` file system.
    pub dst: String,
    /// Target user's id.
    pub user_id: String,
    /// Numeric (database) storage policy id.
    pub policy_id: i64,
    /// Import sub-folders too.
    #[serde(default, skip_serializing_if = "is_false")]
    pub recursive: bool,
    /// Queue media-metadata extraction for imported files.
    #[serde(default, skip_serializing_if = "is_false")]
    pub extract_media_meta: bool,
}
