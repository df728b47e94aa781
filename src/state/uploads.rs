//! The upload queue service: one engine per page load (it lives above the router, so uploads go on
//! while the user browses), driven with real requests. Every engine action becomes a request; every
//! answer becomes an engine event; then the engine is asked again. Views read the queue through
//! [`Uploads::with`] and re-render on a throttled version signal, so thousands of progress events
//! cost a few renders per second.

use std::collections::HashMap;

use cloudreve_api::endpoint::Endpoint;
use cloudreve_api::models::{
    CreateFileRequest, CreateType, CreateUploadSessionRequest, DeleteUploadSessionRequest,
    StoragePolicy,
};
use cloudreve_api::uri::encode_component;
use cloudreve_api::{ApiError, Auth, Code, CrUri, Method};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::api::HttpCall;
use crate::browser;
use crate::domain::upload::conflict_names::ConflictChoice;
use crate::domain::upload::engine::{Action, Engine, NewUpload, Totals, DEFAULT_FILE_LIMIT};
use crate::domain::upload::policy_check::{self, Violation};
use crate::domain::upload::protocol::{Protocol, SessionInfo};
use crate::domain::upload::resume::{match_picked, PickedFile};
use crate::domain::upload::speed::SpeedMeter;
use crate::domain::upload::task::{
    BatchId, Failure, FailureKind, Task, TaskId, TaskKind, TaskState,
};
use crate::i18n::errors::error_message;
use crate::i18n::{fill, I18n, Key};
use crate::state::session::Session;
use crate::uploads::sources::Picked;
use crate::uploads::transfer::{self, SendError};
use crate::uploads::xhr::{self, XhrHandle};
use crate::uploads::{file_access, resume_store};

/// localStorage key of the user's "files at once" choice.
const LIMIT_KEY: &str = "cr_upload_concurrency";
/// At most this often the views re-render while bytes flow (ms).
const RENDER_EVERY_MS: u32 = 200;

/// A batch whose names clash with the folder's, waiting for the user's choice before anything is
/// sent.
struct PendingBatch {
    picked: Vec<Picked>,
    dest: CrUri,
    policy: StoragePolicy,
}

/// What the conflict dialog is asking about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asking {
    /// This many picked names were found in the folder listing; nothing is sent yet.
    Before(usize),
    /// The server answered 40004 for files of a running batch.
    During(BatchId),
}

#[derive(Default)]
struct Inner {
    engine: Option<Engine>,
    files: HashMap<TaskId, web_sys::File>,
    running: HashMap<(TaskId, usize), XhrHandle>,
    meter: SpeedMeter,
    /// The queue's sums as of the last render (computed once per render, not once per reader).
    totals: Totals,
    wake: Option<Timeout>,
    wake_at: i64,
    render_pending: Option<Timeout>,
    pumping: bool,
    again: bool,
    user: String,
    done_folders: Vec<String>,
    pending: Option<PendingBatch>,
    /// Kept handles the browser asks about before the page may read the files again.
    waiting_access: Vec<file_access::Waiting>,
}

/// The upload queue.
#[derive(Clone, Copy)]
pub struct Uploads {
    inner: StoredValue<Inner, LocalStorage>,
    session: Session,
    i18n: I18n,
    version: RwSignal<u64>,
    /// How many kept handles wait for the user to allow access.
    access: RwSignal<usize>,
    /// The panel is expanded.
    pub open: RwSignal<bool>,
    /// The conflict question on screen, if any.
    pub asking: RwSignal<Option<Asking>>,
    /// Bumped when files finished; carries the folders they are in.
    pub finished: RwSignal<(u64, Vec<String>)>,
}

impl Uploads {
    /// Creates the service and provides it.
    pub fn provide(session: Session, i18n: I18n) -> Self {
        let seed = (js_sys::Math::random() * u64::MAX as f64) as u64;
        let mut engine = Engine::new(format!("{}", browser::now_ms()), seed);
        let limit = browser::load(LIMIT_KEY)
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_FILE_LIMIT);
        engine.set_file_limit(limit);
        let up = Uploads {
            inner: StoredValue::new_local(Inner {
                engine: Some(engine),
                ..Inner::default()
            }),
            session,
            i18n,
            version: RwSignal::new(0),
            access: RwSignal::new(0),
            open: RwSignal::new(false),
            asking: RwSignal::new(None),
            finished: RwSignal::new((0, Vec::new())),
        };
        provide_context(up);
        up.warn_before_leaving();
        // Remembered uploads belong to an account: load them once someone is signed in, and take
        // them off the page when that account signs out (or another signs in).
        Effect::new(move |loaded: Option<String>| {
            let user = session.user().map(|u| u.id).unwrap_or_default();
            if loaded
                .as_deref()
                .is_some_and(|was| !was.is_empty() && was != user)
            {
                up.forget_account();
            }
            if !user.is_empty() && loaded.as_deref() != Some(user.as_str()) {
                up.restore(user.clone());
            }
            user
        });
        up
    }

    /// Reads the engine (tracked: re-runs on the throttled version).
    pub fn with<R>(&self, f: impl FnOnce(&Engine) -> R) -> Option<R> {
        self.version.track();
        self.with_untracked(f)
    }

    fn with_untracked<R>(&self, f: impl FnOnce(&Engine) -> R) -> Option<R> {
        self.inner
            .try_with_value(|i| i.engine.as_ref().map(f))
            .flatten()
    }

    fn engine<R>(&self, f: impl FnOnce(&mut Engine) -> R) -> Option<R> {
        self.inner
            .try_update_value(|i| i.engine.as_mut().map(f))
            .flatten()
    }

    /// Sums, and the speed in bytes per second (tracked).
    pub fn summary(&self) -> (Totals, Option<f64>) {
        self.version.track();
        self.inner
            .try_with_value(|i| (i.totals, i.meter.bytes_per_sec()))
            .unwrap_or_default()
    }

    // ---- adding files ----

    /// Uploads `picked` into `dest`, whose storage policy is `policy`. `existing` tells whether a
    /// name exists in `dest` (from its listing): clashing top-level files are asked about once, before
    /// anything is sent.
    pub fn add(
        &self,
        picked: Vec<Picked>,
        dest: CrUri,
        policy: StoragePolicy,
        existing: impl Fn(&str) -> bool,
    ) {
        if picked.is_empty() {
            return;
        }
        let clashes = picked
            .iter()
            .filter(|p| p.file.is_some() && p.parents().is_empty() && existing(p.name()))
            .count();
        if clashes > 0 {
            self.inner.update_value(|i| {
                i.pending = Some(PendingBatch {
                    picked,
                    dest,
                    policy,
                })
            });
            self.asking.set(Some(Asking::Before(clashes)));
            return;
        }
        self.enqueue(picked, &dest, &policy, None);
    }

    /// The user's answer to the conflict question.
    pub fn choose(&self, choice: Option<ConflictChoice>) {
        match self.asking.get_untracked() {
            Some(Asking::Before(_)) => {
                let pending = self.inner.try_update_value(|i| i.pending.take()).flatten();
                if let (Some(batch), Some(choice)) = (pending, choice) {
                    self.enqueue(batch.picked, &batch.dest, &batch.policy, Some(choice));
                }
            }
            Some(Asking::During(batch)) => {
                // Closing the question without an answer skips the clashing files.
                let choice = choice.unwrap_or(ConflictChoice::Skip);
                self.engine(|e| e.choose(batch, choice));
                self.pump();
            }
            None => {}
        }
        self.asking.set(None);
    }

    fn enqueue(
        &self,
        picked: Vec<Picked>,
        dest: &CrUri,
        policy: &StoragePolicy,
        choice: Option<ConflictChoice>,
    ) {
        let locale = self.i18n.locale_untracked();
        let mut items = Vec::with_capacity(picked.len());
        let mut files = Vec::with_capacity(picked.len());
        let mut roots = Vec::with_capacity(picked.len());
        for p in picked {
            let mut folder = dest.clone();
            for part in p.parents() {
                folder = folder.join(part);
            }
            let (kind, size, last_modified, mime) = match &p.file {
                Some(f) => (
                    TaskKind::File,
                    f.size() as u64,
                    Some(f.last_modified() as i64),
                    Some(f.type_()).filter(|t| !t.is_empty()),
                ),
                None => (TaskKind::Folder, 0, None, None),
            };
            roots.push(p.root.clone());
            items.push(NewUpload {
                kind,
                folder: folder.to_string(),
                rel_path: p.rel_path.clone(),
                name: p.name().to_string(),
                size,
                last_modified,
                mime,
                policy_id: policy.id.clone(),
            });
            files.push(p.file);
        }
        let violations: Vec<Option<String>> = items
            .iter()
            .map(|item| {
                (item.kind == TaskKind::File)
                    .then(|| {
                        policy_check::check(policy, &item.name, item.size, &regex_matches).err()
                    })
                    .flatten()
                    .map(|v| violation_text(&v, locale))
            })
            .collect();
        let duplicate = Key::UploadAlreadyQueued.text(locale).to_string();
        let mut keep_handles = Vec::new();
        self.inner.update_value(|inner| {
            let Some(engine) = inner.engine.as_mut() else {
                return;
            };
            let (_, ids) = engine.add_batch(items, choice);
            for (((id, file), violation), root) in
                ids.into_iter().zip(files).zip(violations).zip(roots)
            {
                let task = engine.task(id).cloned();
                if let (Some(t), Some(root)) = (&task, root) {
                    keep_handles.push((t.uid.clone(), root));
                }
                if let Some(message) = violation {
                    engine.reject(id, Failure::new(FailureKind::Fatal, message));
                } else if let Some(t) = task {
                    if engine.queued_to(&t.folder, &t.name, id) {
                        engine.reject(id, Failure::new(FailureKind::Fatal, duplicate.clone()));
                    }
                }
                if let Some(f) = file {
                    inner.files.insert(id, f);
                }
            }
        });
        self.keep_handles(keep_handles);
        self.open.set(true);
        self.pump();
        self.render_now();
    }

    /// Remembers the dropped items' handles of new uploads (by upload uid), so that a reloaded page
    /// can read their files again by itself ([`file_access::reopen_kept`]).
    fn keep_handles(&self, handles: Vec<(String, wasm_bindgen::JsValue)>) {
        let user = self.inner.with_value(|i| i.user.clone());
        if handles.is_empty() || user.is_empty() {
            return;
        }
        spawn_local(async move {
            let _ = resume_store::put_handles(&user, &handles).await;
        });
    }

    /// Gives the uploads waiting for their files (after a reload) the files the user picked
    /// again; all matching uploads resume together. Returns how many matched.
    pub fn attach(&self, picked: Vec<Picked>) -> usize {
        let metas: Vec<PickedFile> = picked
            .iter()
            .filter_map(|p| {
                let f = p.file.as_ref()?;
                Some(PickedFile {
                    rel_path: p.rel_path.clone(),
                    name: p.name().to_string(),
                    size: f.size() as u64,
                    last_modified: Some(f.last_modified() as i64),
                })
            })
            .collect();
        let files: Vec<Option<web_sys::File>> = picked
            .into_iter()
            .map(|p| p.file)
            .filter(Option::is_some)
            .collect();
        let matched = self
            .inner
            .try_update_value(|inner| {
                let engine = inner.engine.as_mut()?;
                let pairs = match_picked(
                    engine
                        .tasks()
                        .filter(|t| !t.has_file && t.kind == TaskKind::File),
                    &metas,
                );
                for (id, index) in &pairs {
                    if let Some(Some(f)) = files.get(*index) {
                        inner.files.insert(*id, f.clone());
                        engine.attach_file(*id);
                    }
                }
                Some(pairs.len())
            })
            .flatten()
            .unwrap_or(0);
        self.pump();
        self.render_now();
        matched
    }

    /// Kept handles of dropped files that wait for the user to allow access (tracked).
    pub fn waiting_for_access(&self) -> usize {
        self.access.get()
    }

    /// Asks the browser for access to the dropped files that uploads wait for, then resumes those
    /// it allows; resolves to how many resumed, or `None` when nothing was allowed. Call it from a
    /// click: the question is asked at once, since browsers only ask during a user gesture.
    pub fn give_access(&self) -> impl std::future::Future<Output = Option<usize>> + 'static {
        let waiting = self
            .inner
            .try_update_value(|i| std::mem::take(&mut i.waiting_access))
            .unwrap_or_default();
        self.access.set(0);
        let asked = file_access::ask(&waiting);
        let this = *self;
        async move {
            let picked = file_access::after_asking(waiting, asked).await;
            (!picked.is_empty()).then(|| this.attach(picked))
        }
    }

    /// Uploads remembered from an earlier page that wait for their files.
    pub fn waiting_for_files(&self) -> usize {
        self.with(|e| {
            e.tasks()
                .filter(|t| t.state == TaskState::NeedsFile)
                .count()
        })
        .unwrap_or(0)
    }

    // ---- user commands ----

    /// Runs a command on one task.
    pub fn command(&self, id: TaskId, command: fn(&mut Engine, TaskId)) {
        self.engine(|e| command(e, id));
        self.pump();
        self.render_now();
    }

    /// Runs a command on every task.
    pub fn command_all(&self, command: fn(&mut Engine, TaskId)) {
        self.engine(|e| e.for_all(command));
        self.pump();
        self.render_now();
    }

    /// Empties the queue of an account that signed out: transfers stop where they are, their
    /// sessions stay on the server and their records in the browser, for that account's return.
    fn forget_account(&self) {
        let running = self
            .inner
            .try_update_value(|i| {
                if let Some(e) = i.engine.as_mut() {
                    e.forget_all();
                }
                i.files.clear();
                i.pending = None;
                i.done_folders.clear();
                i.waiting_access.clear();
                i.user.clear();
                std::mem::take(&mut i.running)
            })
            .unwrap_or_default();
        for handle in running.into_values() {
            handle.abort();
        }
        self.asking.set(None);
        self.access.set(0);
        self.open.set(false);
        self.render_now();
    }

    /// Removes finished entries from the list.
    pub fn clear_finished(&self) {
        self.engine(Engine::clear_finished);
        self.render_now();
    }

    /// Files uploading together.
    pub fn file_limit(&self) -> usize {
        self.with(Engine::file_limit).unwrap_or(DEFAULT_FILE_LIMIT)
    }

    /// Sets (and remembers) the files uploading together.
    pub fn set_file_limit(&self, n: usize) {
        self.engine(|e| e.set_file_limit(n));
        if let Some(n) = self.with_untracked(Engine::file_limit) {
            browser::store(LIMIT_KEY, &n.to_string());
        }
        self.pump();
    }

    // ---- the driver ----

    /// Asks the engine for work and starts it; repeats while starting work changed the engine.
    fn pump(&self) {
        let reentrant = self
            .inner
            .try_update_value(|i| {
                let busy = i.pumping;
                if busy {
                    i.again = true;
                } else {
                    i.pumping = true;
                }
                busy
            })
            .unwrap_or(true);
        if reentrant {
            return;
        }
        loop {
            let now = browser::now_ms();
            let actions = self.engine(|e| e.next_actions(now)).unwrap_or_default();
            for action in actions {
                self.perform(action);
            }
            let again = self
                .inner
                .try_update_value(|i| std::mem::take(&mut i.again))
                .unwrap_or(false);
            if !again {
                break;
            }
        }
        self.inner.update_value(|i| i.pumping = false);
        self.persist();
        self.schedule_wake();
        self.render_soon();
    }

    fn perform(&self, action: Action) {
        let this = *self;
        match action {
            Action::CreateFolder { task } => {
                let Some(uri) = self
                    .with_untracked(|e| e.task(task).map(Task::uri))
                    .flatten()
                else {
                    return;
                };
                spawn_local(async move {
                    let req = CreateFileRequest {
                        uri,
                        file_type: CreateType::Folder,
                        err_on_conflict: false,
                        metadata: None,
                    };
                    match this
                        .session
                        .call_ignoring_data(CreateFileRequest::AUTH, HttpCall::of(&req))
                        .await
                    {
                        Ok(()) => {
                            this.engine(|e| e.folder_created(task));
                            this.note_finished(task);
                        }
                        Err(err) => {
                            let f = this.failure(&err);
                            this.engine(|e| e.start_failed(task, f, browser::now_ms()));
                        }
                    }
                    this.pump();
                });
            }
            Action::CreateSession { task } => {
                let Some(req) = self
                    .with_untracked(|e| e.task(task).map(session_request))
                    .flatten()
                else {
                    return;
                };
                spawn_local(async move {
                    let result = this.session.call(&req).await;
                    let now = browser::now_ms();
                    match result.map(|c| SessionInfo::from_credential(&c)) {
                        Ok(Ok(info)) => {
                            this.engine(|e| e.session_created(task, info));
                            this.refresh_folder_of(task);
                        }
                        Ok(Err(unsupported)) => {
                            let text = fill(
                                Key::UploadUnsupportedPolicy.text(this.i18n.locale_untracked()),
                                &[("type", &unsupported.0)],
                            );
                            this.engine(|e| {
                                e.start_failed(task, Failure::new(FailureKind::Fatal, text), now)
                            });
                        }
                        Err(err) => {
                            let f = this.failure(&err);
                            this.engine(|e| e.start_failed(task, f, now));
                        }
                    }
                    this.pump();
                });
            }
            Action::SendChunk {
                task,
                index,
                start,
                end,
            } => self.send_chunk(task, index, start, end),
            Action::Complete { task } => {
                spawn_local(async move {
                    let outcome = this.complete(task).await;
                    let now = browser::now_ms();
                    match outcome {
                        Ok(()) => {
                            this.engine(|e| e.completed(task));
                            this.note_finished(task);
                        }
                        Err(err) => {
                            let f = this.send_failure(&err);
                            this.engine(|e| e.complete_failed(task, f, now));
                        }
                    }
                    this.pump();
                });
            }
            Action::AbortChunk { task, index } => {
                let handle = self
                    .inner
                    .try_update_value(|i| i.running.remove(&(task, index)))
                    .flatten();
                if let Some(h) = handle {
                    h.abort();
                }
            }
            Action::DeleteSession { id, uri } => {
                spawn_local(async move {
                    // Best effort, as the official client: the server also expires sessions.
                    let req = DeleteUploadSessionRequest { id, uri };
                    let _ = this
                        .session
                        .call_ignoring_data(DeleteUploadSessionRequest::AUTH, HttpCall::of(&req))
                        .await;
                });
            }
            Action::AskConflict { batch } => {
                if self.asking.get_untracked().is_none() {
                    self.asking.set(Some(Asking::During(batch)));
                }
            }
        }
    }

    fn send_chunk(&self, task: TaskId, index: usize, start: u64, end: u64) {
        let this = *self;
        let found = self
            .inner
            .try_with_value(|i| {
                let t = i.engine.as_ref()?.task(task)?;
                Some((t.session.clone()?, i.files.get(&task)?.clone()))
            })
            .flatten();
        let Some((s, file)) = found else {
            let text = Key::UploadFileMissing.text(self.i18n.locale_untracked());
            self.engine(|e| {
                e.chunk_failed(
                    task,
                    index,
                    Failure::new(FailureKind::Fatal, text),
                    browser::now_ms(),
                )
            });
            self.inner.update_value(|i| i.again = true);
            return;
        };
        spawn_local(async move {
            let token = match s.protocol {
                Protocol::Local => this.session.fresh_token().await,
                _ => None,
            };
            let blob = match file.slice_with_f64_and_f64(start as f64, end as f64) {
                Ok(b) => b,
                Err(_) => {
                    let text = Key::UploadFileMissing.text(this.i18n.locale_untracked());
                    this.engine(|e| {
                        e.chunk_failed(
                            task,
                            index,
                            Failure::new(FailureKind::Fatal, text),
                            browser::now_ms(),
                        )
                    });
                    this.pump();
                    return;
                }
            };
            let base = this.session.transport().base().to_string();
            let request = transfer::chunk_request(&base, token.as_deref(), &s, index, blob);
            let progress = move |loaded: u64| {
                this.engine(|e| e.chunk_progress(task, index, loaded));
                this.render_soon();
            };
            let outcome = match xhr::send(request, progress) {
                Ok((handle, answer)) => {
                    this.inner.update_value(|i| {
                        i.running.insert((task, index), handle);
                    });
                    let reply = answer.await;
                    this.inner.update_value(|i| {
                        i.running.remove(&(task, index));
                    });
                    transfer::chunk_result(&s, reply)
                }
                Err(e) => Err(SendError::from(e)),
            };
            match outcome {
                Ok(etag) => {
                    let done = this
                        .engine(|e| {
                            e.chunk_done(task, index, etag);
                            e.task(task).map(|t| t.state == TaskState::Done)
                        })
                        .flatten()
                        .unwrap_or(false);
                    if done {
                        this.note_finished(task);
                    }
                }
                Err(SendError::Aborted) => {}
                Err(err) => {
                    if let SendError::Api(api) = &err {
                        if api.ends_session() {
                            this.session.expire();
                        }
                    }
                    let f = this.send_failure(&err);
                    this.engine(|e| e.chunk_failed(task, index, f, browser::now_ms()));
                }
            }
            this.pump();
        });
    }

    /// Completes an S3-style upload: the multipart completion at the provider, then the callback
    /// that makes the file appear (S3, KS3, COS).
    async fn complete(&self, task: TaskId) -> Result<(), SendError> {
        let Some((s, etags, retry)) = self
            .with_untracked(|e| {
                let t = e.task(task)?;
                let etags: Vec<String> = t
                    .chunks
                    .iter()
                    .map(|c| c.etag.clone().unwrap_or_default())
                    .collect();
                Some((t.session.clone()?, etags, t.error.is_some()))
            })
            .flatten()
        else {
            return Ok(());
        };
        let Protocol::S3 { callback, .. } = &s.protocol else {
            return Ok(());
        };
        let refs: Vec<&str> = etags.iter().map(String::as_str).collect();
        if let Some(request) = transfer::complete_request(&s, &refs) {
            let (_, answer) = xhr::send(request, |_| {})?;
            let reply = answer.await;
            // A retry after a lost answer may find the upload already completed.
            match transfer::complete_result(reply) {
                Err(SendError::Provider { status: 404, .. }) if retry => {}
                other => other?,
            }
        }
        // `GET /callback/{s3|ks3|cos}/{session}/{key}` (callback.md); OSS and OBS call Cloudreve
        // themselves.
        let result = if callback.is_empty() {
            Ok(())
        } else {
            let call = HttpCall {
                method: Method::Get,
                path: format!(
                    "/callback/{callback}/{}/{}",
                    encode_component(&s.id),
                    encode_component(&s.callback_secret)
                ),
                query: Vec::new(),
                body: None,
            };
            self.session.call_ignoring_data(Auth::None, call).await
        };
        match result {
            // callback.md: a second call finds no session; after a retry that means it is done.
            Err(e) if retry && e.code() == Some(Code::UploadSessionExpired) => Ok(()),
            other => other.map_err(SendError::Api),
        }
    }

    fn failure(&self, err: &ApiError) -> Failure {
        Failure::new(
            FailureKind::of(err),
            error_message(err, self.i18n.locale_untracked()),
        )
    }

    fn send_failure(&self, err: &SendError) -> Failure {
        match err {
            SendError::Api(api) => self.failure(api),
            SendError::Provider { message, .. } => Failure::new(err.kind(), message.clone()),
            SendError::Aborted => Failure::new(FailureKind::Retryable, "aborted"),
        }
    }

    // ---- bookkeeping ----

    /// Writes the changed resume records.
    fn persist(&self) {
        let Some((keep, forget)) = self.engine(Engine::take_dirty) else {
            return;
        };
        if keep.is_empty() && forget.is_empty() {
            return;
        }
        let user = self.inner.with_value(|i| i.user.clone());
        if user.is_empty() {
            return;
        }
        spawn_local(async move {
            for record in keep {
                let _ = resume_store::put(&user, &record).await;
            }
            for uid in forget {
                let _ = resume_store::delete(&uid).await;
            }
        });
    }

    /// Loads the uploads `user` left unfinished.
    fn restore(&self, user: String) {
        let this = *self;
        self.inner.update_value(|i| i.user = user.clone());
        spawn_local(async move {
            let Ok(records) = resume_store::load(&user).await else {
                return;
            };
            if records.is_empty() {
                return;
            }
            let wanted: Vec<(String, String)> = records
                .iter()
                .map(|r| (r.uid.clone(), r.rel_path.clone()))
                .collect();
            this.engine(|e| {
                for r in records {
                    e.restore(r);
                }
            });
            this.open.set(true);
            this.render_now();
            // Where the browser still lets the page read the dropped files, nothing is asked;
            // where it would ask, the panel offers to (see `give_access`).
            let (reopened, waiting) = file_access::reopen_kept(&user, &wanted).await;
            if !waiting.is_empty() {
                this.access.set(waiting.len());
                this.inner.update_value(|i| i.waiting_access = waiting);
            }
            if !reopened.is_empty() {
                this.attach(reopened);
            }
        });
    }

    fn schedule_wake(&self) {
        let Some(at) = self.with_untracked(Engine::next_wakeup).flatten() else {
            return;
        };
        let this = *self;
        self.inner.update_value(|i| {
            if i.wake.is_some() && i.wake_at <= at {
                return;
            }
            let delay = (at - browser::now_ms()).clamp(0, i64::from(u32::MAX >> 1)) as u32;
            i.wake_at = at;
            i.wake = Some(Timeout::new(delay, move || {
                this.inner.update_value(|i| i.wake = None);
                this.pump();
            }));
        });
    }

    /// Re-renders within [`RENDER_EVERY_MS`], sampling the speed at the same pace.
    fn render_soon(&self) {
        let this = *self;
        self.inner.update_value(|i| {
            if i.render_pending.is_none() {
                i.render_pending = Some(Timeout::new(RENDER_EVERY_MS, move || {
                    this.inner.update_value(|i| i.render_pending = None);
                    this.render_now();
                }));
            }
        });
    }

    fn render_now(&self) {
        let totals = self.with_untracked(Engine::totals).unwrap_or_default();
        self.inner.update_value(|i| {
            i.totals = totals;
            if totals.active == 0 {
                i.meter.reset();
            } else {
                i.meter.sample(browser::now_ms(), totals.sent);
            }
        });
        self.version.update(|v| *v += 1);
        let folders = self
            .inner
            .try_update_value(|i| std::mem::take(&mut i.done_folders))
            .unwrap_or_default();
        if !folders.is_empty() {
            self.finished.update(|(n, f)| {
                *n += 1;
                *f = folders;
            });
        }
    }

    fn note_finished(&self, task: TaskId) {
        self.inner.update_value(|i| {
            i.files.remove(&task);
        });
        self.refresh_folder_of(task);
    }

    /// Tells the explorer that `task`'s folder changed (a placeholder appeared or a file finished).
    fn refresh_folder_of(&self, task: TaskId) {
        let folder = self
            .with_untracked(|e| e.task(task).map(|t| t.folder.clone()))
            .flatten();
        if let Some(folder) = folder {
            self.inner.update_value(|i| {
                if !i.done_folders.contains(&folder) {
                    i.done_folders.push(folder);
                }
            });
        }
    }

    /// Asks the browser to confirm leaving the page while uploads run.
    fn warn_before_leaving(&self) {
        let this = *self;
        let Some(window) = web_sys::window() else {
            return;
        };
        let handler = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::BeforeUnloadEvent)>::new(
            move |ev: web_sys::BeforeUnloadEvent| {
                if this.with_untracked(Engine::busy).unwrap_or(false) {
                    ev.prevent_default();
                    ev.set_return_value("");
                }
            },
        );
        let _ = window
            .add_event_listener_with_callback("beforeunload", handler.as_ref().unchecked_ref());
        // The service lives as long as the page.
        handler.forget();
    }
}

/// The `PUT /file/upload` request of a task.
fn session_request(t: &Task) -> CreateUploadSessionRequest {
    CreateUploadSessionRequest {
        uri: t.uri(),
        size: t.size as i64,
        policy_id: t.policy_id.clone(),
        last_modified: t.last_modified,
        mime_type: t.mime.clone(),
        metadata: None,
        entity_type: t.overwrite.then(|| "version".to_string()),
        encryption_supported: None,
    }
}

/// Matches `name` against a policy's JavaScript pattern with the browser's own `RegExp`.
fn regex_matches(pattern: &str, name: &str) -> Option<bool> {
    // `RegExp` throws on an invalid pattern; js_sys turns that into a panic-free Err only via
    // Reflect, so construct it through `Reflect::construct`.
    let ctor = js_sys::Reflect::get(&js_sys::global(), &"RegExp".into()).ok()?;
    let args = js_sys::Array::of1(&pattern.into());
    let re: js_sys::RegExp =
        js_sys::Reflect::construct(&ctor.unchecked_into::<js_sys::Function>(), &args)
            .ok()?
            .unchecked_into();
    Some(re.test(name))
}

/// A policy violation in words.
fn violation_text(v: &Violation, locale: crate::i18n::Locale) -> String {
    match v {
        Violation::TooLarge(max) => fill(
            Key::UploadTooLarge.text(locale),
            &[("max", &crate::domain::size_format::format_size(*max as i64))],
        ),
        Violation::ExtensionNotAllowed(allowed) => fill(
            Key::UploadExtensionNotAllowed.text(locale),
            &[("allowed", &allowed.join(", "))],
        ),
        Violation::ExtensionDenied(ext) => {
            fill(Key::UploadExtensionDenied.text(locale), &[("ext", ext)])
        }
        Violation::NameNotAllowed | Violation::NameDenied => {
            Key::UploadNameNotAllowed.text(locale).to_string()
        }
    }
}

/// The [`Uploads`] service of this app.
pub fn use_uploads() -> Uploads {
    expect_context::<Uploads>()
}
