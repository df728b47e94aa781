//! What is remembered about an unfinished upload so that a reloaded page can continue it: the
//! session, the chunks the server already has, and enough about the file to recognise it when the
//! user picks it again.

use serde::{Deserialize, Serialize};

use super::protocol::SessionInfo;
use super::task::{BatchId, Chunk, ChunkState, Task, TaskId, TaskKind, TaskState};

/// One unfinished upload, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResumeRecord {
    /// Store key.
    pub uid: String,
    /// Destination folder URI.
    pub folder: String,
    /// Shown path (relative to the pick or drop).
    pub rel_path: String,
    /// Name being created.
    pub name: String,
    /// Name as picked.
    pub original_name: String,
    /// Bytes.
    pub size: u64,
    /// Local modification time, Unix ms.
    pub last_modified: Option<i64>,
    /// Content type.
    pub mime: Option<String>,
    /// Storage policy id.
    #[serde(default)]
    pub policy_id: String,
    /// Uploading as a new version.
    pub overwrite: bool,
    /// Paused by the user (stays paused after the reload).
    pub paused: bool,
    /// The session.
    pub session: SessionInfo,
    /// Chunks the server has, with their ETags (S3).
    pub done: Vec<(usize, Option<String>)>,
}

impl ResumeRecord {
    /// The record of `t`, when it is an unfinished file upload with a session.
    pub fn of(t: &Task) -> Option<Self> {
        if t.kind != TaskKind::File || t.state.is_finished() {
            return None;
        }
        let session = t.session.clone()?;
        let done = t
            .chunks
            .iter()
            .enumerate()
            .filter(|(_, c)| c.state == ChunkState::Done)
            .map(|(i, c)| (i, c.etag.clone()))
            .collect();
        Some(ResumeRecord {
            uid: t.uid.clone(),
            folder: t.folder.clone(),
            rel_path: t.rel_path.clone(),
            name: t.name.clone(),
            original_name: t.original_name.clone(),
            size: t.size,
            last_modified: t.last_modified,
            mime: t.mime.clone(),
            policy_id: t.policy_id.clone(),
            overwrite: t.overwrite,
            paused: t.state == TaskState::Paused,
            session,
            done,
        })
    }

    /// The task this record describes, waiting for its file.
    pub(crate) fn into_task(self, id: TaskId, batch: BatchId) -> Task {
        let count = super::chunk_plan::ChunkPlan::new(self.size, self.session.chunk_size).count();
        let mut chunks = vec![Chunk::pending(); count];
        for (index, etag) in self.done {
            if let Some(c) = chunks.get_mut(index) {
                c.state = ChunkState::Done;
                c.etag = etag;
            }
        }
        Task {
            id,
            uid: self.uid,
            batch,
            kind: TaskKind::File,
            folder: self.folder,
            rel_path: self.rel_path,
            name: self.name,
            original_name: self.original_name,
            size: self.size,
            last_modified: self.last_modified,
            mime: self.mime,
            policy_id: self.policy_id,
            overwrite: self.overwrite,
            state: if self.paused {
                TaskState::Paused
            } else {
                TaskState::NeedsFile
            },
            session: Some(self.session),
            chunks,
            error: None,
            has_file: false,
            keep_both: 0,
            attempts: 0,
            not_before: 0,
            request_in_flight: false,
        }
    }
}

/// What the page knows about a file the user picked again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickedFile {
    /// Path relative to the pick (`Photos/a.jpg`) or just the name.
    pub rel_path: String,
    /// File name.
    pub name: String,
    /// Bytes.
    pub size: u64,
    /// Unix ms.
    pub last_modified: Option<i64>,
}

/// Pairs each waiting task with a picked file: same name, size and modification time (when both
/// know it). When several picked files qualify, the one whose path ends like the task's wins, so
/// re-picking a whole folder matches every file in it. Each picked file serves one task.
pub fn match_picked<'a>(
    waiting: impl IntoIterator<Item = &'a Task>,
    picked: &[PickedFile],
) -> Vec<(TaskId, usize)> {
    let mut used = vec![false; picked.len()];
    let mut pairs = Vec::new();
    for t in waiting {
        let fits = |p: &PickedFile| {
            p.name == t.original_name
                && p.size == t.size
                && match (p.last_modified, t.last_modified) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                }
        };
        let score = |p: &PickedFile| {
            if p.rel_path == t.rel_path {
                2
            } else if t.rel_path.ends_with(&p.rel_path) || p.rel_path.ends_with(&t.rel_path) {
                1
            } else {
                0
            }
        };
        let best = picked
            .iter()
            .enumerate()
            .filter(|(i, p)| !used[*i] && fits(p))
            .max_by_key(|(i, p)| (score(p), std::cmp::Reverse(*i)))
            .map(|(i, _)| i);
        if let Some(i) = best {
            used[i] = true;
            pairs.push((t.id, i));
        }
    }
    pairs
}
