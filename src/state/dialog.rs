//! Which dialog the files page shows. One at a time, as plain data: the dialog components read it
//! and the page renders the matching one.

use std::rc::Rc;

use cloudreve_api::models::{ConflictDetail, FileResponse};
use cloudreve_api::ApiError;
use leptos::prelude::*;

use crate::state::file_ops::Job;

/// A dialog with what it needs.
#[derive(Clone)]
pub enum Dialog {
    /// Rename one item.
    Rename(Box<FileResponse>),
    /// Confirm deleting items; `permanent` skips the trash.
    Delete {
        /// What to delete.
        items: Vec<FileResponse>,
        /// Delete for good.
        permanent: bool,
    },
    /// Pick a folder to move or copy items into.
    MoveCopy {
        /// What to move.
        items: Vec<FileResponse>,
        /// Copy instead of moving.
        copy: bool,
    },
    /// Name a new folder or empty file.
    NewItem {
        /// A folder rather than a file.
        folder: bool,
    },
    /// Edit the tags of items.
    Tags(Vec<FileResponse>),
    /// The versions of a file.
    Versions(Box<FileResponse>),
    /// Create a share link.
    Share(Box<FileResponse>),
    /// Direct links to files.
    DirectLinks(Vec<FileResponse>),
    /// Empty the trash.
    EmptyTrash,
    /// An operation hit locks; offer to force them open and retry.
    Locked {
        /// The locks.
        conflicts: Vec<ConflictDetail>,
        /// The operation to retry after unlocking.
        retry: Job,
    },
    /// Some items of a batch failed, each with its own error.
    Failures(Rc<Vec<(String, ApiError)>>),
}

/// The open dialog, if any.
#[derive(Clone, Copy)]
pub struct DialogState(pub RwSignal<Option<Dialog>, LocalStorage>);

impl DialogState {
    /// Creates the state and provides it to the page.
    pub fn provide() -> Self {
        let d = DialogState(RwSignal::new_local(None));
        provide_context(d);
        d
    }

    /// Opens `dialog` (replacing any other).
    pub fn open(&self, dialog: Dialog) {
        self.0.set(Some(dialog));
    }

    /// Closes the dialog.
    pub fn close(&self) {
        self.0.set(None);
    }
}

/// The page's dialog state.
pub fn use_dialog() -> DialogState {
    expect_context::<DialogState>()
}
