//! Downloading folders without a server-side zip: the browser's File System Access API writes the
//! tree into a folder the user picks, file by file, each streamed from its signed URL to disk in
//! the chunks the network delivers. Nothing is buffered beyond one chunk; progress is counted in
//! bytes written; cancel stops the transfer and removes the partial file.

use std::cell::Cell;
use std::rc::Rc;

use cloudreve_api::models::{CreateDownloadUrlRequest, FileResponse, ListFilesRequest};
use cloudreve_api::pagination::NextPage;
use cloudreve_api::ApiError;
use js_sys::{Object, Reflect, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    FileSystemDirectoryHandle, FileSystemFileHandle, FileSystemGetDirectoryOptions,
    FileSystemGetFileOptions, FileSystemWritableFileStream, ReadableStreamDefaultReader,
};

use crate::browser;
use crate::domain::local_names::local_name;
use crate::i18n::errors::error_message;
use crate::i18n::I18n;
use crate::state::session::{CallExtras, Session};

/// Items listed per folder page while walking the tree.
const PAGE_SIZE: i64 = 1000;
/// URLs asked for in one `POST /file/url`.
const URL_BATCH: usize = 100;
/// Progress is published at most this often (a 1 GiB file arrives in ~16,000 chunks).
const PUBLISH_MS: i64 = 150;

/// How far a tree download is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TreeProgress {
    /// Files found so far (the walk runs ahead of the transfer).
    pub files_found: usize,
    /// Files written.
    pub files_done: usize,
    /// Bytes of the files found.
    pub bytes_found: i64,
    /// Bytes written.
    pub bytes_done: i64,
    /// The file being written, relative to the chosen folder.
    pub current: String,
    /// Items that failed, with the reason.
    pub failures: Vec<(String, String)>,
    /// Nothing more will happen.
    pub finished: bool,
    /// The user cancelled.
    pub cancelled: bool,
}

/// Why a tree download could not start.
#[derive(Debug, Clone, PartialEq)]
pub enum StartError {
    /// The browser has no `showDirectoryPicker`.
    Unsupported,
    /// The user closed the folder picker.
    Dismissed,
    /// The picker or the folder refused (permission, storage).
    Refused(String),
}

/// The tree download service (one at a time per app).
#[derive(Clone, Copy)]
pub struct TreeDownloads {
    session: Session,
    i18n: I18n,
    cancel: StoredValue<Rc<Cell<bool>>, LocalStorage>,
    /// The download in progress or just finished.
    pub progress: RwSignal<Option<TreeProgress>, LocalStorage>,
}

/// Whether this browser can write a folder tree to disk.
pub fn supported() -> bool {
    web_sys::window()
        .and_then(|w| Reflect::get(&w, &JsValue::from_str("showDirectoryPicker")).ok())
        .is_some_and(|f| f.is_function())
}

fn js_message(e: &JsValue) -> String {
    Reflect::get(e, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "error".to_string())
}

fn is_abort(e: &JsValue) -> bool {
    Reflect::get(e, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .is_some_and(|n| n == "AbortError")
}

/// Asks the user for a folder to write into (read-write).
async fn pick_directory() -> Result<FileSystemDirectoryHandle, StartError> {
    let window = web_sys::window().ok_or(StartError::Unsupported)?;
    let picker = Reflect::get(&window, &JsValue::from_str("showDirectoryPicker"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or(StartError::Unsupported)?;
    let options = Object::new();
    let _ = Reflect::set(&options, &"mode".into(), &"readwrite".into());
    let promise = picker
        .call1(&window, &options)
        .map_err(|e| StartError::Refused(js_message(&e)))?;
    let handle = JsFuture::from(js_sys::Promise::resolve(&promise))
        .await
        .map_err(|e| {
            if is_abort(&e) {
                StartError::Dismissed
            } else {
                StartError::Refused(js_message(&e))
            }
        })?;
    handle
        .dyn_into::<FileSystemDirectoryHandle>()
        .map_err(|_| StartError::Refused("not a folder".into()))
}

async fn subfolder(
    parent: &FileSystemDirectoryHandle,
    name: &str,
) -> Result<FileSystemDirectoryHandle, String> {
    let options = FileSystemGetDirectoryOptions::new();
    options.set_create(true);
    let dir = JsFuture::from(parent.get_directory_handle_with_options(name, &options))
        .await
        .map_err(|e| js_message(&e))?;
    dir.dyn_into().map_err(|_| "not a folder".to_string())
}

/// A file of the tree with where it goes.
struct Pending {
    file: FileResponse,
    dir: FileSystemDirectoryHandle,
    path: String,
}

impl TreeDownloads {
    /// Creates the service and provides it as context.
    pub fn provide(session: Session, i18n: I18n) -> Self {
        let t = TreeDownloads {
            session,
            i18n,
            cancel: StoredValue::new_local(Rc::new(Cell::new(false))),
            progress: RwSignal::new_local(None),
        };
        provide_context(t);
        t
    }

    /// Whether a download is running.
    pub fn busy(&self) -> bool {
        self.progress
            .with_untracked(|p| p.as_ref().is_some_and(|p| !p.finished))
    }

    /// Stops the running download.
    pub fn cancel(&self) {
        self.cancel.get_value().set(true);
    }

    /// Hides a finished download's summary.
    pub fn dismiss(&self) {
        if !self.busy() {
            self.progress.set(None);
        }
    }

    /// Asks for a folder, then writes `items` (files and folder trees) into it.
    pub async fn start(
        &self,
        items: Vec<FileResponse>,
        hint: Option<String>,
    ) -> Result<(), StartError> {
        if self.busy() {
            return Err(StartError::Refused("busy".into()));
        }
        let root = pick_directory().await?;
        let cancel = Rc::new(Cell::new(false));
        self.cancel.set_value(cancel.clone());
        self.progress.set(Some(TreeProgress::default()));
        let mut run = Run {
            session: self.session,
            i18n: self.i18n,
            progress: self.progress,
            state: TreeProgress::default(),
            cancel,
            hint,
            published_at: 0,
        };
        run.all(items, root).await;
        run.state.finished = true;
        run.state.current.clear();
        run.publish(true);
        Ok(())
    }
}

/// One download's working state.
struct Run {
    session: Session,
    i18n: I18n,
    progress: RwSignal<Option<TreeProgress>, LocalStorage>,
    state: TreeProgress,
    cancel: Rc<Cell<bool>>,
    hint: Option<String>,
    published_at: i64,
}

impl Run {
    fn publish(&mut self, force: bool) {
        let now = browser::now_ms();
        if force || now - self.published_at >= PUBLISH_MS {
            self.published_at = now;
            self.progress.set(Some(self.state.clone()));
        }
    }

    fn cancelled(&mut self) -> bool {
        if self.cancel.get() {
            self.state.cancelled = true;
        }
        self.state.cancelled
    }

    fn api_message(&self, e: &ApiError) -> String {
        error_message(e, self.i18n.locale_untracked())
    }

    fn fail(&mut self, path: &str, why: String) {
        self.state.failures.push((path.to_string(), why));
        self.publish(true);
    }

    /// Walks folders depth first, writing each listed page of files before listing further, so
    /// the transfer starts at once and memory holds one page, not the whole tree.
    async fn all(&mut self, items: Vec<FileResponse>, root: FileSystemDirectoryHandle) {
        let mut folders: Vec<(FileResponse, FileSystemDirectoryHandle, String)> = Vec::new();
        let mut files = Vec::new();
        for item in items {
            let name = local_name(&item.name);
            if item.is_folder() {
                folders.push((item, root.clone(), name));
            } else {
                files.push(Pending {
                    file: item,
                    dir: root.clone(),
                    path: name,
                });
            }
        }
        self.files(files).await;
        while let Some((folder, parent, path)) = folders.pop() {
            if self.cancelled() {
                return;
            }
            let dir = match subfolder(&parent, &local_name(&folder.name)).await {
                Ok(d) => d,
                Err(e) => {
                    self.fail(&path, e);
                    continue;
                }
            };
            let mut next: Option<NextPage> = None;
            loop {
                let mut req = ListFilesRequest {
                    uri: folder.path.clone(),
                    page_size: Some(PAGE_SIZE),
                    ..ListFilesRequest::default()
                };
                req.set_page(next.as_ref());
                let page = match self.session.call(&req).await {
                    Ok(p) => p,
                    Err(e) => {
                        self.fail(&path, self.api_message(&e));
                        break;
                    }
                };
                let mut files = Vec::new();
                for child in page.files {
                    let child_path = format!("{path}/{}", local_name(&child.name));
                    if child.is_folder() {
                        folders.push((child, dir.clone(), child_path));
                    } else {
                        files.push(Pending {
                            file: child,
                            dir: dir.clone(),
                            path: child_path,
                        });
                    }
                }
                self.files(files).await;
                next = page.pagination.next_page();
                if next.is_none() || self.cancelled() {
                    break;
                }
            }
        }
    }

    /// Writes a page of files, asking for their URLs in batches.
    async fn files(&mut self, files: Vec<Pending>) {
        self.state.files_found += files.len();
        self.state.bytes_found += files.iter().map(|p| p.file.size).sum::<i64>();
        self.publish(false);
        let mut files = files.into_iter().peekable();
        while files.peek().is_some() {
            let batch: Vec<Pending> = files.by_ref().take(URL_BATCH).collect();
            let req = CreateDownloadUrlRequest {
                uris: batch.iter().map(|p| p.file.path.clone()).collect(),
                download: true,
                skip_error: true,
                ..CreateDownloadUrlRequest::default()
            };
            let extras = CallExtras {
                context_hint: self.hint.clone(),
                ..CallExtras::default()
            };
            let urls = match self.session.call_with(&req, &extras).await {
                Ok(answer) => answer.urls,
                Err(e) => {
                    let why = self.api_message(&e);
                    for p in &batch {
                        self.fail(&p.path, why.clone());
                    }
                    continue;
                }
            };
            for (i, p) in batch.into_iter().enumerate() {
                if self.cancelled() {
                    return;
                }
                match urls
                    .get(i)
                    .map(|u| u.url.as_str())
                    .filter(|u| !u.is_empty())
                {
                    Some(url) => self.write(&p, url).await,
                    None => self.fail(&p.path, "no download URL".into()),
                }
            }
        }
    }

    /// Streams one file from `url` into its folder.
    async fn write(&mut self, p: &Pending, url: &str) {
        self.state.current = p.path.clone();
        self.publish(true);
        let name = local_name(&p.file.name);
        let before = self.state.bytes_done;
        match self.stream(&p.dir, &name, url).await {
            Ok(()) => self.state.files_done += 1,
            Err(why) => {
                // A partial file is worse than none: remove it, and take its bytes back.
                let _ = JsFuture::from(p.dir.remove_entry(&name)).await;
                self.state.bytes_done = before;
                if !self.cancelled() {
                    self.fail(&p.path, why);
                }
            }
        }
        self.publish(false);
    }

    async fn stream(
        &mut self,
        dir: &FileSystemDirectoryHandle,
        name: &str,
        url: &str,
    ) -> Result<(), String> {
        let window = web_sys::window().ok_or("no window")?;
        let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
            .await
            .map_err(|e| js_message(&e))?
            .dyn_into()
            .map_err(|_| "no response")?;
        if !response.ok() {
            return Err(format!("HTTP {}", response.status()));
        }
        let options = FileSystemGetFileOptions::new();
        options.set_create(true);
        let handle: FileSystemFileHandle =
            JsFuture::from(dir.get_file_handle_with_options(name, &options))
                .await
                .map_err(|e| js_message(&e))?
                .dyn_into()
                .map_err(|_| "not a file")?;
        let writable: FileSystemWritableFileStream = JsFuture::from(handle.create_writable())
            .await
            .map_err(|e| js_message(&e))?
            .dyn_into()
            .map_err(|_| "not writable")?;
        let result = self.pump(&response, &writable).await;
        match &result {
            Ok(()) => JsFuture::from(writable.close())
                .await
                .map(drop)
                .map_err(|e| js_message(&e))?,
            Err(_) => {
                let _ = JsFuture::from(writable.abort()).await;
            }
        }
        result
    }

    /// Copies the response body to `writable` chunk by chunk (the chunks stay JS objects).
    async fn pump(
        &mut self,
        response: &web_sys::Response,
        writable: &FileSystemWritableFileStream,
    ) -> Result<(), String> {
        let Some(body) = response.body() else {
            return Ok(());
        };
        let reader: ReadableStreamDefaultReader =
            body.get_reader().dyn_into().map_err(|_| "no reader")?;
        loop {
            if self.cancelled() {
                let _ = JsFuture::from(reader.cancel()).await;
                return Err("cancelled".into());
            }
            let step = JsFuture::from(reader.read())
                .await
                .map_err(|e| js_message(&e))?;
            let done = Reflect::get(&step, &"done".into())
                .ok()
                .and_then(|d| d.as_bool())
                .unwrap_or(true);
            if done {
                return Ok(());
            }
            let chunk: Uint8Array = Reflect::get(&step, &"value".into())
                .map_err(|e| js_message(&e))?
                .dyn_into()
                .map_err(|_| "not bytes")?;
            let promise = writable
                .write_with_buffer_source(&chunk)
                .map_err(|e| js_message(&e))?;
            JsFuture::from(promise).await.map_err(|e| js_message(&e))?;
            self.state.bytes_done += i64::from(chunk.length());
            self.publish(false);
        }
    }
}

/// The app's tree download service.
pub fn use_tree_downloads() -> TreeDownloads {
    expect_context::<TreeDownloads>()
}
