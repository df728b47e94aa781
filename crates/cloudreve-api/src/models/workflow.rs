//! Background tasks: list, progress, archives, remote downloads (models.md §TaskResponse, workflow.md).

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{is_zero, null_default, PaginationResults};
use crate::{Boolset, Timestamp};

/// Declares a string enum that keeps unknown values verbatim in `Other(String)`.
macro_rules! open_string_enum {
    (
        $(#[$meta:meta])*
        $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )* }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value this crate does not know (kept verbatim; `""` when absent).
            Other(String),
        }

        impl $name {
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )*
                    $name::Other(s) => s,
                }
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                match s {
                    $( $wire => $name::$variant, )*
                    other => $name::Other(other.to_string()),
                }
            }
        }

        impl Default for $name {
            fn default() -> Self {
                $name::Other(String::new())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                Ok($name::from(
                    Option::<String>::deserialize(d)?.unwrap_or_default().as_str(),
                ))
            }
        }
    };
}

open_string_enum! {
    /// `status` of a task; unknown values are kept.
    TaskStatus {
        /// Waiting for a worker.
        Queued = "queued",
        /// Running.
        Processing = "processing",
        /// Waiting for an asynchronous event; resumes at `resume_time`.
        Suspending = "suspending",
        /// Failed (see `error`).
        Error = "error",
        /// Cancelled by the user.
        Canceled = "canceled",
        /// Finished (possibly with partial failures in `summary.props.failed`).
        Completed = "completed",
    }
}

impl TaskStatus {
    /// Whether the task has ended (`completed`, `error` or `canceled`).
    pub fn is_terminal(&self) -> bool {
        matches!(
            self,
            TaskStatus::Completed | TaskStatus::Error | TaskStatus::Canceled
        )
    }
}

open_string_enum! {
    /// `type` of a task; unknown values (system and newer types) are kept.
    TaskType {
        /// Compress files into an archive.
        CreateArchive = "create_archive",
        /// Extract an archive into a folder.
        ExtractArchive = "extract_archive",
        /// Offline download by the server.
        RemoteDownload = "remote_download",
        /// \[Pro\] move blobs to another storage policy.
        Relocate = "relocate",
        /// Index external files (admin).
        Import = "import",
        /// System: media metadata extraction.
        MediaMeta = "media_meta",
        /// System: blob recycling routine.
        EntityRecycleRoutine = "entity_recycle_routine",
        /// System: explicit blob recycling.
        ExplicitEntityRecycle = "explicit_entity_recycle",
        /// System: expired upload session clean-up.
        UploadSentinelCheck = "upload_sentinel_check",
    }
}

open_string_enum! {
    /// `type` of a node; unknown values are kept.
    NodeType {
        /// The main node.
        Master = "master",
        /// A slave (storage/worker) node.
        Slave = "slave",
    }
}

open_string_enum! {
    /// `state` of a remote download as the downloader reports it; unknown values are kept.
    DownloadTaskState {
        /// Fetching data.
        Downloading = "downloading",
        /// BitTorrent seeding.
        Seeding = "seeding",
        /// All data fetched.
        Completed = "completed",
        /// The downloader failed.
        Error = "error",
        /// The downloader could not tell.
        Unknown = "unknown",
    }
}

/// A node that runs tasks (models.md §Node).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Node {
    /// Opaque node id (send as `preferred_node_id`).
    #[serde(deserialize_with = "null_default")]
    pub id: String,
    /// Node name (`Master` for the main node by default).
    #[serde(deserialize_with = "null_default")]
    pub name: String,
    /// `master` or `slave`.
    #[serde(rename = "type")]
    pub node_type: NodeType,
    /// Capability bits (see [`Node::CREATE_ARCHIVE`] and the following constants).
    pub capabilities: Boolset,
}

impl Node {
    /// Capability bit: create archives.
    pub const CREATE_ARCHIVE: usize = 1;
    /// Capability bit: extract archives.
    pub const EXTRACT_ARCHIVE: usize = 2;
    /// Capability bit: remote downloads.
    pub const REMOTE_DOWNLOAD: usize = 3;
    /// Capability bit: \[Pro\] relocate storage policy.
    pub const RELOCATE: usize = 4;

    /// Whether the node has capability bit `bit`.
    pub fn can(&self, bit: usize) -> bool {
        self.capabilities.get(bit)
    }
}

/// `summary` of a task: the phase and type-specific properties (workflow.md §Task summary).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TaskSummary {
    /// Current phase; empty before the task starts.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub phase: String,
    /// Heterogeneous properties (`src`, `src_str`, `src_multiple`, `dst`, `failed`, `download`, ...).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub props: BTreeMap<String, serde_json::Value>,
}

impl TaskSummary {
    /// A string property (`src`, `src_str`, `dst`, `dst_policy_id`), or `""`.
    pub fn prop_str(&self, key: &str) -> &str {
        self.props
            .get(key)
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
    }

    /// `src_multiple`: the sources of an archive or relocate task.
    pub fn src_multiple(&self) -> Vec<String> {
        self.props
            .get("src_multiple")
            .and_then(|v| Vec::<String>::deserialize(v).ok())
            .unwrap_or_default()
    }

    /// `failed`: items that could not be processed (0 when absent).
    pub fn failed(&self) -> i64 {
        self.props
            .get("failed")
            .and_then(serde_json::Value::as_i64)
            .unwrap_or_default()
    }

    /// `download`: the downloader's status of a remote download, when present and well-formed.
    pub fn download(&self) -> Option<DownloadTaskStatus> {
        self.props
            .get("download")
            .filter(|v| !v.is_null())
            .and_then(|v| DownloadTaskStatus::deserialize(v).ok())
    }
}

/// A background task (models.md §TaskResponse).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TaskResponse {
    /// Opaque task id.
    #[serde(deserialize_with = "null_default")]
    pub id: String,
    /// Creation time.
    pub created_at: Timestamp,
    /// Last update time.
    pub updated_at: Timestamp,
    /// Current status.
    pub status: TaskStatus,
    /// Task type.
    #[serde(rename = "type")]
    pub task_type: TaskType,
    /// Node executing it (node-distributed tasks in listings).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node: Option<Node>,
    /// Phase and type-specific properties.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<TaskSummary>,
    /// Last error (URL `sign` parameters redacted).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub error: String,
    /// Errors of earlier retries.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub error_history: Vec<String>,
    /// Executed duration in milliseconds.
    #[serde(skip_serializing_if = "is_zero")]
    pub duration: i64,
    /// Next resume time of a suspended task, Unix seconds.
    #[serde(skip_serializing_if = "is_zero")]
    pub resume_time: i64,
    /// Retries so far.
    #[serde(skip_serializing_if = "is_zero")]
    pub retry_count: i64,
}

/// `GET /workflow` answer: one page of tasks, cursor pagination (models.md §TaskListResponse).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TaskListResponse {
    /// This page's tasks, newest first.
    #[serde(deserialize_with = "null_default")]
    pub tasks: Vec<TaskResponse>,
    /// Paging state (always cursor mode).
    pub pagination: PaginationResults,
}

/// One progress entry of a running task (models.md §Progress).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TaskProgress {
    /// Total units (files or bytes, by key).
    pub total: i64,
    /// Units done.
    pub current: i64,
    /// E.g. the file name of a parallel worker; may be empty.
    #[serde(deserialize_with = "null_default")]
    pub identifier: String,
}

/// `GET /workflow/progress/{id}` answer: progress type (`archive_count`, `upload`, ...) to progress;
/// empty when the task is not running here.
pub type TaskProgressMap = BTreeMap<String, TaskProgress>;

/// One file of a BitTorrent remote download.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DownloadTaskFile {
    /// The downloader's own index (1-based for aria2); use it verbatim to select files.
    pub index: i64,
    /// Path inside the torrent.
    #[serde(deserialize_with = "null_default")]
    pub name: String,
    /// Bytes.
    pub size: i64,
    /// Fraction done, 0..1.
    pub progress: f64,
    /// Selected for download.
    pub selected: bool,
}

/// The downloader's status of a remote download: task summary `props.download`
/// (models.md §DownloadTaskStatus).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DownloadTaskStatus {
    /// Download name.
    #[serde(deserialize_with = "null_default")]
    pub name: String,
    /// Downloader state.
    pub state: DownloadTaskState,
    /// Total bytes.
    pub total: i64,
    /// Bytes downloaded.
    pub downloaded: i64,
    /// Download speed, bytes per second.
    pub download_speed: i64,
    /// Bytes uploaded (seeding).
    pub uploaded: i64,
    /// Upload speed, bytes per second.
    pub upload_speed: i64,
    /// BitTorrent info hash.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub hash: String,
    /// Files of a BitTorrent download.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub files: Vec<DownloadTaskFile>,
    /// Base64 bitfield of finished pieces (highest bit of byte 0 = piece 0).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub pieces: String,
    /// Number of pieces.
    #[serde(skip_serializing_if = "is_zero")]
    pub num_pieces: i64,
    /// The downloader's error text.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub error_message: String,
}
