//! File operations as the user triggers them: each sends its request, updates the view in place
//! (so a 10,000-item folder keeps its scroll position), and turns failures into the right answer:
//! locks open the force-unlock dialog, partial batch failures list each failed item, anything else
//! becomes a notice with the localized message.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use cloudreve_api::models::{
    CreateFileRequest, CreateType, DeleteFilesRequest, FileResponse, ForceUnlockRequest,
    ListFilesRequest, MetadataPatch, MoveFilesRequest, PatchMetadataRequest, PinFileRequest,
    RenameFileRequest, RestoreFilesRequest,
};
use cloudreve_api::ApiError;
use leptos::prelude::*;

use crate::i18n::errors::error_message;
use crate::i18n::{use_i18n, I18n, Key};
use crate::state::dialog::{Dialog, DialogState};
use crate::state::explorer::Explorer;
use crate::state::session::Session;
use crate::state::toasts::Toasts;

/// An operation that can be run again (after unlocking).
pub type Job = Rc<dyn Fn() -> Pin<Box<dyn Future<Output = Result<(), ApiError>>>>>;

/// The most URIs sent in one request (the server refuses more than 3,000 with 40074).
pub const BATCH: usize = 1_000;

/// Runs file operations for the files page.
#[derive(Clone, Copy)]
pub struct FileOps {
    session: Session,
    ex: Explorer,
    dialog: DialogState,
    toasts: Toasts,
    i18n: I18n,
    /// Reloads the listing (after changes that add items to it).
    reload: Callback<()>,
    /// Bumped when storage usage may have changed.
    usage: RwSignal<u32>,
}

/// The URIs of the items of a batch that failed.
fn failed_uris(r: &Result<(), ApiError>) -> Vec<String> {
    match r {
        Err(ApiError::Batch { items, .. }) => items.iter().map(|(u, _)| u.clone()).collect(),
        _ => Vec::new(),
    }
}

/// Whether the batch did something (fully or in part).
fn some_done(r: &Result<(), ApiError>) -> bool {
    matches!(r, Ok(()) | Err(ApiError::Batch { .. }))
}

impl FileOps {
    /// Creates the runner.
    pub fn new(
        session: Session,
        ex: Explorer,
        dialog: DialogState,
        toasts: Toasts,
        reload: Callback<()>,
        usage: RwSignal<u32>,
    ) -> Self {
        FileOps {
            session,
            ex,
            dialog,
            toasts,
            i18n: use_i18n(),
            reload,
            usage,
        }
    }

    /// Runs `job`, routing its failure to the right dialog or notice.
    pub fn run(&self, job: Job) {
        let this = *self;
        leptos::task::spawn_local(async move {
            match job().await {
                Ok(()) => {}
                Err(ApiError::Locked { conflicts, .. }) => this.dialog.open(Dialog::Locked {
                    conflicts,
                    retry: job,
                }),
                Err(ApiError::Batch { items, .. }) => {
                    this.dialog.open(Dialog::Failures(Rc::new(items)))
                }
                Err(e) => this.toasts.error(error_message(&e, this.i18n.locale())),
            }
        });
    }

    /// Shows a confirmation notice.
    fn done(&self, key: Key, count: usize) {
        self.toasts
            .info(self.i18n.tf(key, &[("count", &count.to_string())]));
    }

    /// Renames `item` to `new_name`.
    pub fn rename(&self, item: FileResponse, new_name: String) {
        let this = *self;
        self.run(Rc::new(move || {
            let req = RenameFileRequest {
                uri: item.path.clone(),
                new_name: new_name.clone(),
            };
            let id = item.id.clone();
            Box::pin(async move {
                let renamed = this.session.call(&req).await?;
                this.ex.replace(&id, renamed);
                this.done(Key::RenamedOne, 1);
                Ok(())
            })
        }));
    }

    /// Deletes `items`: into the trash, or for good when `permanent` (always for trash items).
    pub fn delete(&self, items: Vec<FileResponse>, permanent: bool) {
        let this = *self;
        self.run(Rc::new(move || {
            let items = items.clone();
            Box::pin(async move {
                let mut result = Ok(());
                for chunk in items.chunks(BATCH) {
                    let req = DeleteFilesRequest {
                        uris: chunk.iter().map(|f| f.path.clone()).collect(),
                        unlink: false,
                        skip_soft_delete: permanent,
                    };
                    let r = this.session.call(&req).await;
                    this.remove_done(chunk, &r);
                    if r.is_err() {
                        result = r;
                        break;
                    }
                }
                if some_done(&result) {
                    this.usage.update(|v| *v += 1);
                }
                if result.is_ok() {
                    this.done(
                        if permanent {
                            Key::DeletedForGood
                        } else {
                            Key::MovedToTrash
                        },
                        items.len(),
                    );
                }
                result
            })
        }));
    }

    /// Removes from the view the items of `chunk` that the request handled.
    fn remove_done(&self, chunk: &[FileResponse], r: &Result<(), ApiError>) {
        if !some_done(r) {
            return;
        }
        let failed = failed_uris(r);
        let gone: Vec<String> = chunk
            .iter()
            .filter(|f| !failed.contains(&f.path))
            .map(|f| f.id.clone())
            .collect();
        self.ex.remove_ids(&gone);
    }

    /// Moves or copies items (by URI) into folder `dst`.
    pub fn move_copy(&self, items: Vec<FileResponse>, dst: String, copy: bool) {
        let this = *self;
        self.run(Rc::new(move || {
            let items = items.clone();
            let dst = dst.clone();
            Box::pin(async move {
                let here = this.ex.folder.get_untracked().to_string();
                let mut result = Ok(());
                for chunk in items.chunks(BATCH) {
                    let req = MoveFilesRequest {
                        uris: chunk.iter().map(|f| f.path.clone()).collect(),
                        dst: dst.clone(),
                        copy,
                    };
                    let r = this.session.call(&req).await;
                    if !copy && dst != here {
                        this.remove_done(chunk, &r);
                    }
                    if r.is_err() {
                        result = r;
                        break;
                    }
                }
                if some_done(&result) && (dst == here) {
                    this.reload.run(());
                }
                if copy && some_done(&result) {
                    this.usage.update(|v| *v += 1);
                }
                if result.is_ok() {
                    this.done(
                        if copy {
                            Key::CopiedCount
                        } else {
                            Key::MovedCount
                        },
                        items.len(),
                    );
                }
                result
            })
        }));
    }

    /// Moves dragged items (URIs only) into `dst`.
    pub fn drop_into(&self, uris: Vec<String>, dst: String, copy: bool) {
        let items: Vec<FileResponse> = self.ex.files.with_untracked(|f| {
            f.iter()
                .filter(|x| uris.contains(&x.path))
                .cloned()
                .collect()
        });
        if !items.is_empty() {
            self.move_copy(items, dst, copy);
        }
    }

    /// Puts trash items back where they came from.
    pub fn restore(&self, items: Vec<FileResponse>) {
        let this = *self;
        self.run(Rc::new(move || {
            let items = items.clone();
            Box::pin(async move {
                let req = RestoreFilesRequest {
                    uris: items.iter().map(|f| f.path.clone()).collect(),
                };
                let r = this.session.call(&req).await;
                this.remove_done(&items, &r);
                if r.is_ok() {
                    this.done(Key::RestoredCount, items.len());
                }
                r
            })
        }));
    }

    /// Creates an empty file or a folder called `name` in the current folder.
    pub fn create(&self, name: String, folder: bool) {
        let this = *self;
        self.run(Rc::new(move || {
            let req = CreateFileRequest {
                uri: this.ex.folder.get_untracked().join(name.trim()).to_string(),
                file_type: if folder {
                    CreateType::Folder
                } else {
                    CreateType::File
                },
                err_on_conflict: true,
                metadata: None,
            };
            Box::pin(async move {
                this.session.call(&req).await?;
                this.reload.run(());
                Ok(())
            })
        }));
    }

    /// Adds and removes tags (`tag:<name>` metadata) on items.
    pub fn set_tags(&self, items: Vec<FileResponse>, add: Vec<String>, remove: Vec<String>) {
        let this = *self;
        self.run(Rc::new(move || {
            let mut patches: Vec<MetadataPatch> = add
                .iter()
                .map(|t| MetadataPatch {
                    key: format!("tag:{t}"),
                    value: Some(String::new()),
                    remove: false,
                })
                .collect();
            patches.extend(remove.iter().map(|t| MetadataPatch {
                key: format!("tag:{t}"),
                value: None,
                remove: true,
            }));
            let req = PatchMetadataRequest {
                uris: items.iter().map(|f| f.path.clone()).collect(),
                patches,
            };
            let (items, add, remove) = (items.clone(), add.clone(), remove.clone());
            Box::pin(async move {
                let r = this.session.call(&req).await;
                let failed = failed_uris(&r);
                if some_done(&r) {
                    for f in items.iter().filter(|f| !failed.contains(&f.path)) {
                        let mut f = f.clone();
                        let meta = f.metadata.get_or_insert_with(Default::default);
                        for t in &remove {
                            meta.remove(&format!("tag:{t}"));
                        }
                        for t in &add {
                            meta.insert(format!("tag:{t}"), String::new());
                        }
                        this.ex.replace(&f.id.clone(), f);
                    }
                }
                r
            })
        }));
    }

    /// Pins a folder to the sidebar under its name.
    pub fn pin(&self, item: FileResponse) {
        let this = *self;
        self.run(Rc::new(move || {
            let req = PinFileRequest {
                uri: item.path.clone(),
                name: Some(item.name.clone()),
            };
            Box::pin(async move {
                this.session.call(&req).await?;
                this.session.reload_user().await?;
                this.toasts.info(this.i18n.t(Key::Pinned));
                Ok(())
            })
        }));
    }

    /// Deletes everything in the trash for good: every page, in batches the server accepts.
    pub fn empty_trash(&self) {
        let this = *self;
        self.run(Rc::new(move || {
            Box::pin(async move {
                let trash = cloudreve_api::CrUri::root(cloudreve_api::FileSystem::Trash);
                let mut req = ListFilesRequest {
                    uri: trash.to_string(),
                    page_size: Some(2_000),
                    ..ListFilesRequest::default()
                };
                let mut uris = Vec::new();
                loop {
                    let page = this.session.call(&req).await?;
                    uris.extend(page.files.into_iter().map(|f| f.path));
                    match page.pagination.next_page() {
                        Some(next) => req.set_page(Some(&next)),
                        None => break,
                    }
                }
                let count = uris.len();
                for chunk in uris.chunks(BATCH) {
                    let req = DeleteFilesRequest {
                        uris: chunk.to_vec(),
                        unlink: false,
                        skip_soft_delete: true,
                    };
                    this.session.call(&req).await?;
                }
                this.usage.update(|v| *v += 1);
                this.reload.run(());
                this.done(Key::DeletedForGood, count);
                Ok(())
            })
        }));
    }

    /// Releases locks, then runs the operation that hit them again.
    pub fn unlock_and_retry(&self, tokens: Vec<String>, retry: Job) {
        let this = *self;
        leptos::task::spawn_local(async move {
            match this.session.call(&ForceUnlockRequest { tokens }).await {
                Ok(()) => this.run(retry),
                Err(e) => this.toasts.error(error_message(&e, this.i18n.locale())),
            }
        });
    }
}
