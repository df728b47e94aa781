//! One entry of the upload queue: a file (or an empty folder to create), where it goes, its state,
//! and the state of each of its chunks.

use super::chunk_plan::ChunkPlan;
use super::protocol::SessionInfo;

/// Identifies a task within one page's engine.
pub type TaskId = u64;
/// Identifies the files added together (one pick, one drop): a conflict choice covers a batch.
pub type BatchId = u64;

/// What a task makes on the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskKind {
    /// A file's content, sent in chunks.
    File,
    /// An empty folder of a folder upload (folders with files appear with their files).
    Folder,
}

/// Where a task is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskState {
    /// Waiting for a free slot.
    Queued,
    /// Remembered from an earlier page; waits until the user picks the file again.
    NeedsFile,
    /// The upload session (or the folder) is being created.
    Starting,
    /// Chunks are being sent.
    Uploading,
    /// All chunks are sent; the provider upload is being completed (S3-style policies).
    Completing,
    /// Paused by the user; the session is kept.
    Paused,
    /// The name exists; waiting for the user's choice for the batch.
    AwaitingChoice,
    /// Stopped by an error; may be retried.
    Failed,
    /// On the server.
    Done,
    /// Cancelled by the user; the session was deleted.
    Cancelled,
    /// Not uploaded because the user chose to skip existing names.
    Skipped,
}

impl TaskState {
    /// No more work will happen unless the user acts.
    pub fn is_finished(self) -> bool {
        matches!(
            self,
            TaskState::Done | TaskState::Cancelled | TaskState::Skipped
        )
    }

    /// Holds one of the engine's file slots.
    pub fn is_active(self) -> bool {
        matches!(
            self,
            TaskState::Starting | TaskState::Uploading | TaskState::Completing
        )
    }
}

/// How a failure should be handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// Network error, HTTP 5xx, or an envelope with code -1: try again after a while.
    Retryable,
    /// The session is gone or expired (40011): a retry must start a new session.
    SessionLost,
    /// The name exists (40004): ask the batch's conflict choice.
    NameExists,
    /// Anything else (quota, policy, lock...): stop and show it.
    Fatal,
}

/// An error as the engine sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// How to react.
    pub kind: FailureKind,
    /// What to show the user (already localised by the web layer).
    pub message: String,
}

impl Failure {
    /// A failure of `kind` with `message`.
    pub fn new(kind: FailureKind, message: impl Into<String>) -> Self {
        Failure {
            kind,
            message: message.into(),
        }
    }
}

/// State of one chunk.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ChunkState {
    /// Not sent yet (or aborted by a pause).
    Pending,
    /// Failed; to be retried at this time (ms).
    Waiting(i64),
    /// Being sent; bytes acknowledged by the browser so far.
    InFlight(u64),
    /// Accepted by the server or provider.
    Done,
}

/// One chunk: its state, failed attempts in a row, and (S3) the provider's ETag.
#[derive(Debug, Clone, PartialEq)]
pub struct Chunk {
    /// Where it is.
    pub state: ChunkState,
    /// Failures since it last succeeded.
    pub attempts: u32,
    /// `ETag` of an S3 part.
    pub etag: Option<String>,
}

impl Chunk {
    pub(crate) fn pending() -> Self {
        Chunk {
            state: ChunkState::Pending,
            attempts: 0,
            etag: None,
        }
    }
}

/// One entry of the queue.
#[derive(Debug, Clone)]
pub struct Task {
    /// Engine-local id.
    pub id: TaskId,
    /// Stable id for the resume store (survives reloads).
    pub uid: String,
    /// The batch it was added with.
    pub batch: BatchId,
    /// File or empty folder.
    pub kind: TaskKind,
    /// Destination folder URI (`cloudreve://my/...`).
    pub folder: String,
    /// Path shown to the user, relative to the drop or pick (`Photos/2024/a.jpg`).
    pub rel_path: String,
    /// Name to create (changes when "keep both" numbers it).
    pub name: String,
    /// Name as picked.
    pub original_name: String,
    /// Bytes.
    pub size: u64,
    /// Unix ms of the local file's modification, when known.
    pub last_modified: Option<i64>,
    /// Content type, when the browser knows it.
    pub mime: Option<String>,
    /// Storage policy id sent with `PUT /file/upload`.
    pub policy_id: String,
    /// Upload as a new version of an existing file.
    pub overwrite: bool,
    /// Where it is.
    pub state: TaskState,
    /// The session, once created.
    pub session: Option<SessionInfo>,
    /// Chunks, once the session is known.
    pub chunks: Vec<Chunk>,
    /// The last error.
    pub error: Option<Failure>,
    /// Whether the page holds the file's data (false after a reload until it is picked again).
    pub has_file: bool,
    pub(crate) keep_both: u32,
    pub(crate) attempts: u32,
    pub(crate) not_before: i64,
    pub(crate) request_in_flight: bool,
}

impl Task {
    /// The chunk plan of the current session.
    pub fn plan(&self) -> Option<ChunkPlan> {
        self.session
            .as_ref()
            .map(|s| ChunkPlan::new(self.size, s.chunk_size))
    }

    /// Bytes the server or provider has, plus what is in flight.
    pub fn sent_bytes(&self) -> u64 {
        if self.state == TaskState::Done {
            return self.size;
        }
        let Some(plan) = self.plan() else {
            return 0;
        };
        self.chunks
            .iter()
            .enumerate()
            .map(|(i, c)| match c.state {
                ChunkState::Done => plan.len(i),
                ChunkState::InFlight(loaded) => loaded.min(plan.len(i)),
                _ => 0,
            })
            .sum()
    }

    /// Indices of chunks being sent.
    pub fn in_flight(&self) -> impl Iterator<Item = usize> + '_ {
        self.chunks
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(c.state, ChunkState::InFlight(_)))
            .map(|(i, _)| i)
    }

    /// The destination URI (folder + name).
    pub fn uri(&self) -> String {
        let folder = self.folder.trim_end_matches('/');
        format!(
            "{folder}/{}",
            cloudreve_api::uri::encode_component(&self.name)
        )
    }
}

impl FailureKind {
    /// How the engine should treat an API error: transport trouble, server errors with code -1 and
    /// I/O failures are worth retrying (the official client does the same for -1); 40011 means the
    /// session is gone; 40004 asks the conflict choice; anything else stops the file.
    pub fn of(err: &cloudreve_api::ApiError) -> Self {
        use cloudreve_api::{ApiError, Code};
        match err {
            ApiError::Network(_) | ApiError::Decode { .. } => FailureKind::Retryable,
            other => match other.code() {
                Some(Code::NotSet | Code::IoFailed | Code::DbError) => FailureKind::Retryable,
                Some(Code::UploadSessionExpired) => FailureKind::SessionLost,
                Some(Code::ObjectExist) => FailureKind::NameExists,
                _ => FailureKind::Fatal,
            },
        }
    }
}
