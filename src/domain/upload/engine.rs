//! The upload scheduler. It owns the queue and decides, each time it is asked, which requests to
//! make: at most `file_limit` files at once, at most the policy's `chunk_concurrency` chunks per
//! file, chunks in order, and for local/relay/remote policies the last chunk only after every other
//! succeeded (it completes the upload, file.md §5). Failed chunks come back after an exponential,
//! jittered delay; a file fails alone after `max_attempts` failures of one chunk in a row.
//!
//! It never touches the network or the clock: the web layer calls [`Engine::next_actions`] with
//! the time, performs the actions, and reports what happened through the event methods.

use super::backoff::{delay_ms, Jitter};
use super::chunk_plan::ChunkPlan;
use super::conflict_names::{numbered, ConflictChoice};
use super::protocol::SessionInfo;
use super::resume::ResumeRecord;
use super::task::{
    BatchId, Chunk, ChunkState, Failure, FailureKind, Task, TaskId, TaskKind, TaskState,
};
use super::task_list::{IdSet, TaskList};

/// Default number of files uploading together.
pub const DEFAULT_FILE_LIMIT: usize = 5;
/// The user may choose between these.
pub const FILE_LIMIT_RANGE: (usize, usize) = (1, 20);
/// Failures of one chunk (or one session request) in a row before the file fails.
pub const MAX_ATTEMPTS: u32 = 6;
/// A session this close to its deadline is not reused (ms).
const EXPIRY_MARGIN_MS: i64 = 60_000;
/// "Keep both" gives up after this many taken names.
const MAX_KEEP_BOTH: u32 = 999;

/// A request the web layer must make.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// `POST /file/create` a folder (empty folders of a folder upload).
    CreateFolder {
        /// The task.
        task: TaskId,
    },
    /// `PUT /file/upload` for the task (its `uri()`, size, `overwrite`).
    CreateSession {
        /// The task.
        task: TaskId,
    },
    /// Send bytes `[start, end)` as chunk `index`.
    SendChunk {
        /// The task.
        task: TaskId,
        /// Chunk number.
        index: usize,
        /// First byte.
        start: u64,
        /// One past the last byte.
        end: u64,
    },
    /// Finish an S3-style upload (complete multipart, then the callback where needed).
    Complete {
        /// The task.
        task: TaskId,
    },
    /// Stop sending chunk `index` (pause, cancel, failure of the file).
    AbortChunk {
        /// The task.
        task: TaskId,
        /// Chunk number.
        index: usize,
    },
    /// `DELETE /file/upload` (errors ignored).
    DeleteSession {
        /// Session id.
        id: String,
        /// Session URI.
        uri: String,
    },
    /// Ask the user what to do with existing names for this batch.
    AskConflict {
        /// The batch.
        batch: BatchId,
    },
}

/// A file or folder to add.
#[derive(Debug, Clone, PartialEq)]
pub struct NewUpload {
    /// File or empty folder.
    pub kind: TaskKind,
    /// Destination folder URI.
    pub folder: String,
    /// Shown path.
    pub rel_path: String,
    /// Name to create.
    pub name: String,
    /// Bytes (0 for folders).
    pub size: u64,
    /// Local modification time, Unix ms.
    pub last_modified: Option<i64>,
    /// Content type.
    pub mime: Option<String>,
    /// Storage policy id of the destination (`PUT /file/upload` wants one).
    pub policy_id: String,
}

/// Sums over the queue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    /// Bytes sent of files not cancelled or skipped.
    pub sent: u64,
    /// Bytes of files not cancelled or skipped.
    pub total: u64,
    /// Files done.
    pub done: usize,
    /// Files failed.
    pub failed: usize,
    /// Files still to finish (queued, running, paused, waiting).
    pub pending: usize,
    /// Files running now.
    pub active: usize,
    /// Files paused.
    pub paused: usize,
}

/// The queue and its scheduler.
#[derive(Debug)]
pub struct Engine {
    tasks: TaskList,
    next_id: TaskId,
    next_batch: BatchId,
    uid_prefix: String,
    file_limit: usize,
    /// Failures in a row before a file fails.
    pub max_attempts: u32,
    choices: Vec<(BatchId, ConflictChoice)>,
    asked: IdSet,
    outbox: Vec<Action>,
    jitter: Jitter,
    dirty: IdSet,
    forgotten: Vec<String>,
}

impl Engine {
    /// An empty queue; `uid_prefix` makes resume-store keys unique per page load, `seed` feeds the
    /// retry jitter.
    pub fn new(uid_prefix: impl Into<String>, seed: u64) -> Self {
        Engine {
            tasks: TaskList::default(),
            next_id: 1,
            next_batch: 1,
            uid_prefix: uid_prefix.into(),
            file_limit: DEFAULT_FILE_LIMIT,
            max_attempts: MAX_ATTEMPTS,
            choices: Vec::new(),
            asked: IdSet::default(),
            outbox: Vec::new(),
            jitter: Jitter::new(seed),
            dirty: IdSet::default(),
            forgotten: Vec::new(),
        }
    }

    /// Files uploading together.
    pub fn file_limit(&self) -> usize {
        self.file_limit
    }

    /// Sets the files uploading together (clamped to [`FILE_LIMIT_RANGE`]); running files beyond a
    /// lowered limit finish, new ones wait.
    pub fn set_file_limit(&mut self, n: usize) {
        self.file_limit = n.clamp(FILE_LIMIT_RANGE.0, FILE_LIMIT_RANGE.1);
    }

    /// Adds files and folders as one batch; `choice` is the batch's conflict choice when the user
    /// already made it.
    pub fn add_batch(
        &mut self,
        items: Vec<NewUpload>,
        choice: Option<ConflictChoice>,
    ) -> (BatchId, Vec<TaskId>) {
        let batch = self.next_batch;
        self.next_batch += 1;
        if let Some(choice) = choice {
            self.set_choice(batch, choice);
        }
        let ids = items
            .into_iter()
            .map(|item| {
                let id = self.new_id();
                let task = Task {
                    id,
                    uid: format!("{}-{id}", self.uid_prefix),
                    batch,
                    kind: item.kind,
                    folder: item.folder,
                    rel_path: item.rel_path,
                    name: item.name.clone(),
                    original_name: item.name,
                    size: item.size,
                    last_modified: item.last_modified,
                    mime: item.mime,
                    policy_id: item.policy_id,
                    overwrite: choice == Some(ConflictChoice::Overwrite),
                    state: TaskState::Queued,
                    session: None,
                    chunks: Vec::new(),
                    error: None,
                    has_file: true,
                    keep_both: 0,
                    attempts: 0,
                    not_before: 0,
                    request_in_flight: false,
                };
                self.tasks.push(task);
                id
            })
            .collect();
        (batch, ids)
    }

    fn new_id(&mut self) -> TaskId {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// Marks a task as failed before anything was sent (the policy refuses it, or the same
    /// destination is already queued).
    pub fn reject(&mut self, id: TaskId, failure: Failure) {
        if let Some(t) = self.tasks.get_mut(&id) {
            t.state = TaskState::Failed;
            t.error = Some(failure);
        }
    }

    /// Whether an unfinished task other than `except` already uploads to `folder`/`name`.
    pub fn queued_to(&self, folder: &str, name: &str, except: TaskId) -> bool {
        self.tasks.values().any(|t| {
            t.id != except
                && !t.state.is_finished()
                && t.state != TaskState::Failed
                && t.folder == folder
                && t.name == name
        })
    }

    /// A task.
    pub fn task(&self, id: TaskId) -> Option<&Task> {
        self.tasks.get(&id)
    }

    /// All tasks in the order they were added.
    pub fn tasks(&self) -> impl Iterator<Item = &Task> {
        self.tasks.values()
    }

    /// Number of tasks.
    pub fn len(&self) -> usize {
        self.tasks.len()
    }

    /// Whether the queue is empty.
    pub fn is_empty(&self) -> bool {
        self.tasks.is_empty()
    }

    /// The `n`-th task in order (for a virtualised list).
    pub fn nth(&self, n: usize) -> Option<&Task> {
        self.tasks.nth(n)
    }

    /// Whether any work is unfinished (the page should warn before closing).
    pub fn busy(&self) -> bool {
        self.tasks.values().any(|t| {
            matches!(
                t.state,
                TaskState::Queued
                    | TaskState::Starting
                    | TaskState::Uploading
                    | TaskState::Completing
                    | TaskState::AwaitingChoice
            )
        })
    }

    /// Sums over the queue.
    pub fn totals(&self) -> Totals {
        let mut t = Totals::default();
        for task in self.tasks.values() {
            if matches!(task.state, TaskState::Cancelled | TaskState::Skipped) {
                continue;
            }
            t.total += task.size;
            t.sent += task.sent_bytes();
            match task.state {
                TaskState::Done => t.done += 1,
                TaskState::Failed => t.failed += 1,
                TaskState::Paused => {
                    t.paused += 1;
                    t.pending += 1
                }
                s if s.is_active() => {
                    t.active += 1;
                    t.pending += 1
                }
                _ => t.pending += 1,
            }
        }
        t
    }

    // ---- scheduling ----

    /// The requests to make now. Call again after every event and when [`Engine::next_wakeup`]
    /// comes.
    pub fn next_actions(&mut self, now: i64) -> Vec<Action> {
        let mut actions = std::mem::take(&mut self.outbox);
        let active = self.tasks.values().filter(|t| t.state.is_active()).count();
        let ids: Vec<TaskId> = self
            .tasks
            .values()
            .filter(|t| matches!(t.state, TaskState::Uploading | TaskState::Completing))
            .map(|t| t.id)
            .collect();
        for id in ids {
            self.schedule_running(id, now, &mut actions);
        }
        if active >= self.file_limit {
            return actions;
        }
        let queued: Vec<TaskId> = self
            .tasks
            .values()
            .filter(|t| t.state == TaskState::Queued && !t.request_in_flight && t.not_before <= now)
            .map(|t| t.id)
            .take(self.file_limit - active)
            .collect();
        for id in queued {
            self.start(id, now, &mut actions);
        }
        actions
    }

    /// When the next retry is due (ms), if any is waiting.
    pub fn next_wakeup(&self) -> Option<i64> {
        self.tasks
            .values()
            .flat_map(|t| {
                let task_wait = (matches!(t.state, TaskState::Queued | TaskState::Completing)
                    && t.not_before > 0)
                    .then_some(t.not_before);
                let chunk_waits = t.chunks.iter().filter_map(|c| match c.state {
                    ChunkState::Waiting(at) if t.state == TaskState::Uploading => Some(at),
                    _ => None,
                });
                task_wait.into_iter().chain(chunk_waits)
            })
            .min()
    }

    fn start(&mut self, id: TaskId, now: i64, actions: &mut Vec<Action>) {
        let Some(t) = self.tasks.get_mut(&id) else {
            return;
        };
        if t.kind == TaskKind::Folder {
            t.state = TaskState::Starting;
            t.request_in_flight = true;
            actions.push(Action::CreateFolder { task: id });
            return;
        }
        match &t.session {
            Some(s) if s.expires_ms > now + EXPIRY_MARGIN_MS => {
                t.state = TaskState::Uploading;
                self.schedule_running(id, now, actions);
            }
            _ => {
                if let Some(old) = t.session.take() {
                    // Expired: make sure the server lets go of its placeholder before a new one.
                    actions.push(Action::DeleteSession {
                        id: old.id,
                        uri: old.uri,
                    });
                    t.chunks.clear();
                    self.dirty.insert(id);
                }
                t.state = TaskState::Starting;
                t.request_in_flight = true;
                actions.push(Action::CreateSession { task: id });
            }
        }
    }

    fn schedule_running(&mut self, id: TaskId, now: i64, actions: &mut Vec<Action>) {
        let Some(t) = self.tasks.get_mut(&id) else {
            return;
        };
        let Some(session) = t.session.as_ref() else {
            return;
        };
        if t.state == TaskState::Completing {
            if !t.request_in_flight && t.not_before <= now {
                t.request_in_flight = true;
                actions.push(Action::Complete { task: id });
            }
            return;
        }
        let plan = ChunkPlan::new(t.size, session.chunk_size);
        let holds_last = session.protocol.last_chunk_completes() && plan.count() > 1;
        let limit = session.chunk_concurrency.max(1);
        let mut in_flight = t.in_flight().count();
        let last = plan.last();
        let others_done = t.chunks[..last].iter().all(|c| c.state == ChunkState::Done);
        for (index, chunk) in t.chunks.iter_mut().enumerate() {
            if in_flight >= limit {
                break;
            }
            let ready = match chunk.state {
                ChunkState::Pending => true,
                ChunkState::Waiting(at) => at <= now,
                _ => false,
            };
            if !ready || (holds_last && index == last && !others_done) {
                continue;
            }
            chunk.state = ChunkState::InFlight(0);
            in_flight += 1;
            let (start, end) = plan.range(index);
            actions.push(Action::SendChunk {
                task: id,
                index,
                start,
                end,
            });
        }
    }

    // ---- events from the web layer ----

    /// `PUT /file/upload` succeeded.
    pub fn session_created(&mut self, id: TaskId, session: SessionInfo) {
        let Some(t) = self.tasks.get_mut(&id) else {
            return;
        };
        t.request_in_flight = false;
        if t.state == TaskState::Cancelled {
            self.outbox.push(Action::DeleteSession {
                id: session.id,
                uri: session.uri,
            });
            return;
        }
        let count = ChunkPlan::new(t.size, session.chunk_size).count();
        t.chunks = vec![Chunk::pending(); count];
        t.session = Some(session);
        t.attempts = 0;
        t.error = None;
        if t.state == TaskState::Starting {
            t.state = TaskState::Uploading;
        }
        self.dirty.insert(id);
    }

    /// `PUT /file/upload` (or the folder's creation) failed.
    pub fn start_failed(&mut self, id: TaskId, failure: Failure, now: i64) {
        let Some(t) = self.tasks.get_mut(&id) else {
            return;
        };
        t.request_in_flight = false;
        if t.state != TaskState::Starting {
            return;
        }
        match failure.kind {
            FailureKind::NameExists if t.kind == TaskKind::File => {
                self.name_exists(id);
            }
            FailureKind::Retryable | FailureKind::SessionLost
                if t.attempts + 1 < self.max_attempts =>
            {
                t.attempts += 1;
                t.not_before = now + delay_ms(t.attempts, self.jitter.next_unit());
                t.state = TaskState::Queued;
                t.error = Some(failure);
            }
            _ => {
                t.state = TaskState::Failed;
                t.error = Some(failure);
            }
        }
    }

    /// An empty folder was created.
    pub fn folder_created(&mut self, id: TaskId) {
        if let Some(t) = self.tasks.get_mut(&id) {
            t.request_in_flight = false;
            if t.state == TaskState::Starting {
                t.state = TaskState::Done;
            }
        }
    }

    /// The browser sent `loaded` bytes of chunk `index` so far.
    pub fn chunk_progress(&mut self, id: TaskId, index: usize, loaded: u64) {
        if let Some(c) = self
            .tasks
            .get_mut(&id)
            .and_then(|t| t.chunks.get_mut(index))
        {
            if let ChunkState::InFlight(_) = c.state {
                c.state = ChunkState::InFlight(loaded);
            }
        }
    }

    /// Chunk `index` was accepted (`etag` for S3 parts).
    pub fn chunk_done(&mut self, id: TaskId, index: usize, etag: Option<String>) {
        let Some(t) = self.tasks.get_mut(&id) else {
            return;
        };
        let Some(session) = t.session.as_ref() else {
            return;
        };
        let completes = session.protocol.last_chunk_completes();
        let Some(c) = t.chunks.get_mut(index) else {
            return;
        };
        c.state = ChunkState::Done;
        c.attempts = 0;
        c.etag = etag;
        self.dirty.insert(id);
        let all_done = t.chunks.iter().all(|c| c.state == ChunkState::Done);
        if !all_done || t.state.is_finished() {
            return;
        }
        if completes {
            // The last chunk is only ever sent after the others, so the server has finished.
            t.state = TaskState::Done;
            t.session = None;
            t.error = None;
        } else if t.state == TaskState::Uploading {
            t.state = TaskState::Completing;
            t.attempts = 0;
            t.not_before = 0;
        }
    }

    /// Chunk `index` failed. Reports for chunks no longer in flight (aborted) are ignored.
    pub fn chunk_failed(&mut self, id: TaskId, index: usize, failure: Failure, now: i64) {
        let unit = self.jitter.next_unit();
        let max = self.max_attempts;
        let Some(t) = self.tasks.get_mut(&id) else {
            return;
        };
        let Some(c) = t.chunks.get_mut(index) else {
            return;
        };
        if !matches!(c.state, ChunkState::InFlight(_)) {
            return;
        }
        c.attempts += 1;
        if failure.kind == FailureKind::Retryable && c.attempts < max {
            c.state = ChunkState::Waiting(now + delay_ms(c.attempts, unit));
            t.error = Some(failure);
            return;
        }
        c.state = ChunkState::Pending;
        self.fail(id, failure);
    }

    /// The S3-style completion (and callback) succeeded.
    pub fn completed(&mut self, id: TaskId) {
        if let Some(t) = self.tasks.get_mut(&id) {
            t.request_in_flight = false;
            if t.state == TaskState::Completing {
                t.state = TaskState::Done;
                t.session = None;
                t.error = None;
                self.dirty.insert(id);
            }
        }
    }

    /// The S3-style completion failed.
    pub fn complete_failed(&mut self, id: TaskId, failure: Failure, now: i64) {
        let unit = self.jitter.next_unit();
        let max = self.max_attempts;
        let Some(t) = self.tasks.get_mut(&id) else {
            return;
        };
        t.request_in_flight = false;
        if t.state != TaskState::Completing {
            return;
        }
        if failure.kind == FailureKind::Retryable && t.attempts + 1 < max {
            t.attempts += 1;
            t.not_before = now + delay_ms(t.attempts, unit);
            t.error = Some(failure);
            return;
        }
        self.fail(id, failure);
    }

    /// Stops a file with `failure`, aborting its other chunks.
    fn fail(&mut self, id: TaskId, failure: Failure) {
        let Some(t) = self.tasks.get_mut(&id) else {
            return;
        };
        t.state = TaskState::Failed;
        t.error = Some(failure);
        Self::abort_chunks(t, &mut self.outbox);
        self.dirty.insert(id);
    }

    fn abort_chunks(t: &mut Task, outbox: &mut Vec<Action>) {
        for (index, c) in t.chunks.iter_mut().enumerate() {
            match c.state {
                ChunkState::InFlight(_) => {
                    c.state = ChunkState::Pending;
                    outbox.push(Action::AbortChunk { task: t.id, index });
                }
                ChunkState::Waiting(_) => c.state = ChunkState::Pending,
                _ => {}
            }
        }
    }

    // ---- name conflicts ----

    fn name_exists(&mut self, id: TaskId) {
        let Some(t) = self.tasks.get(&id) else {
            return;
        };
        let batch = t.batch;
        match self.choice(batch) {
            Some(choice) => self.apply_choice(id, choice),
            None => {
                if let Some(t) = self.tasks.get_mut(&id) {
                    t.state = TaskState::AwaitingChoice;
                }
                if self.asked.insert(batch) {
                    self.outbox.push(Action::AskConflict { batch });
                }
            }
        }
    }

    /// The user's choice for existing names in `batch`: applies to the files waiting for it and to
    /// any later conflict of the batch.
    pub fn choose(&mut self, batch: BatchId, choice: ConflictChoice) {
        self.set_choice(batch, choice);
        let waiting: Vec<TaskId> = self
            .tasks
            .values()
            .filter(|t| t.batch == batch && t.state == TaskState::AwaitingChoice)
            .map(|t| t.id)
            .collect();
        for id in waiting {
            self.apply_choice(id, choice);
        }
    }

    /// The choice made for `batch`, if any.
    pub fn choice(&self, batch: BatchId) -> Option<ConflictChoice> {
        self.choices
            .iter()
            .find(|(b, _)| *b == batch)
            .map(|(_, c)| *c)
    }

    fn set_choice(&mut self, batch: BatchId, choice: ConflictChoice) {
        self.choices.retain(|(b, _)| *b != batch);
        self.choices.push((batch, choice));
    }

    fn apply_choice(&mut self, id: TaskId, choice: ConflictChoice) {
        let Some(t) = self.tasks.get_mut(&id) else {
            return;
        };
        match choice {
            ConflictChoice::Skip => t.state = TaskState::Skipped,
            ConflictChoice::Overwrite if !t.overwrite => {
                t.overwrite = true;
                t.state = TaskState::Queued;
            }
            ConflictChoice::KeepBoth if t.keep_both < MAX_KEEP_BOTH => {
                t.keep_both += 1;
                t.name = numbered(&t.original_name, t.keep_both);
                t.state = TaskState::Queued;
            }
            // Overwriting still conflicts (a folder of that name), or no free name was found.
            _ => {
                t.state = TaskState::Failed;
                t.error = Some(Failure::new(FailureKind::Fatal, "name exists"));
            }
        }
    }

    // ---- user commands ----

    /// Pauses a file: its chunks in flight are aborted; its session is kept.
    pub fn pause(&mut self, id: TaskId) {
        let Some(t) = self.tasks.get_mut(&id) else {
            return;
        };
        if matches!(
            t.state,
            TaskState::Queued
                | TaskState::Starting
                | TaskState::Uploading
                | TaskState::Completing
                | TaskState::Failed
        ) {
            t.state = TaskState::Paused;
            Self::abort_chunks(t, &mut self.outbox);
            self.dirty.insert(id);
        }
    }

    /// Resumes a paused file.
    pub fn resume(&mut self, id: TaskId) {
        if let Some(t) = self.tasks.get_mut(&id) {
            if t.state == TaskState::Paused {
                t.state = if t.has_file {
                    TaskState::Queued
                } else {
                    TaskState::NeedsFile
                };
                t.not_before = 0;
                self.dirty.insert(id);
            }
        }
    }

    /// Cancels a file: aborts its chunks and deletes its session on the server.
    pub fn cancel(&mut self, id: TaskId) {
        let Some(t) = self.tasks.get_mut(&id) else {
            return;
        };
        if t.state.is_finished() {
            return;
        }
        t.state = TaskState::Cancelled;
        Self::abort_chunks(t, &mut self.outbox);
        if let Some(s) = t.session.take() {
            self.outbox.push(Action::DeleteSession {
                id: s.id,
                uri: s.uri,
            });
        }
        self.dirty.insert(id);
    }

    /// Tries a failed file again; chunks already accepted are not sent again while its session is
    /// valid.
    pub fn retry(&mut self, id: TaskId) {
        let Some(t) = self.tasks.get_mut(&id) else {
            return;
        };
        if t.state != TaskState::Failed {
            return;
        }
        if matches!(&t.error, Some(f) if f.kind == FailureKind::SessionLost) {
            if let Some(s) = t.session.take() {
                self.outbox.push(Action::DeleteSession {
                    id: s.id,
                    uri: s.uri,
                });
            }
            t.chunks.clear();
        }
        for c in &mut t.chunks {
            c.attempts = 0;
        }
        t.attempts = 0;
        t.not_before = 0;
        t.error = None;
        t.state = if t.has_file {
            TaskState::Queued
        } else {
            TaskState::NeedsFile
        };
        self.dirty.insert(id);
    }

    /// Applies `command` to every task.
    pub fn for_all(&mut self, command: fn(&mut Engine, TaskId)) {
        let ids: Vec<TaskId> = self.tasks.keys().copied().collect();
        for id in ids {
            command(self, id);
        }
    }

    /// Drops finished tasks from the list.
    pub fn clear_finished(&mut self) {
        self.tasks.retain(|t| !t.state.is_finished());
    }

    /// Drops every task, as when their account signs out: nothing is cancelled on the server and
    /// no resume record is touched (the account finds its uploads again when it signs back in).
    /// Task ids keep counting, so late answers for the dropped tasks match nothing.
    pub fn forget_all(&mut self) {
        self.tasks.retain(|_| false);
        self.outbox.clear();
        self.choices.clear();
        self.asked = IdSet::default();
        self.dirty = IdSet::default();
        self.forgotten.clear();
    }

    // ---- resuming after a reload ----

    /// Tasks whose resume record changed since the last call, and the store keys to delete.
    pub fn take_dirty(&mut self) -> (Vec<ResumeRecord>, Vec<String>) {
        let mut forget = std::mem::take(&mut self.forgotten);
        let mut keep = Vec::new();
        for id in self.dirty.take() {
            let Some(t) = self.tasks.get(&id) else {
                continue;
            };
            match ResumeRecord::of(t) {
                Some(record) => keep.push(record),
                None => forget.push(t.uid.clone()),
            }
        }
        (keep, forget)
    }

    /// Adds a task remembered by an earlier page; it waits for its file
    /// ([`TaskState::NeedsFile`]).
    pub fn restore(&mut self, record: ResumeRecord) -> TaskId {
        let id = self.new_id();
        let batch = self.next_batch;
        self.next_batch += 1;
        let task = record.into_task(id, batch);
        self.tasks.push(task);
        id
    }

    /// The file of a restored task is available again.
    pub fn attach_file(&mut self, id: TaskId) {
        if let Some(t) = self.tasks.get_mut(&id) {
            t.has_file = true;
            if t.state == TaskState::NeedsFile {
                t.state = TaskState::Queued;
            }
        }
    }

    /// Removes a restored task the user no longer wants (its session is deleted).
    pub fn forget(&mut self, id: TaskId) {
        self.cancel(id);
        if let Some(t) = self.tasks.remove(&id) {
            self.dirty.remove(&id);
            self.forgotten.push(t.uid);
        }
    }
}

#[cfg(test)]
#[path = "engine_tests.rs"]
mod tests;
