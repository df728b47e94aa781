//! The state one folder view shares between its parts (views, toolbar, menus, dialogs): the loaded
//! items, the selection, the focused item, the view mode and what the folder allows. Provided as a
//! context by the files page; the views only read it and send [`Command`]s back.

use cloudreve_api::models::{FileResponse, StoragePolicy};
use cloudreve_api::{Boolset, CrUri};
use leptos::prelude::*;

use crate::domain::file_actions;
use crate::domain::selection::{Modifiers, Selection};

/// How a folder is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ViewMode {
    /// Rows with columns.
    #[default]
    List,
    /// Tiles with a thumbnail and the name under it.
    Grid,
    /// Square thumbnails of an adjustable size.
    Gallery,
}

impl ViewMode {
    /// Every mode, in switcher order.
    pub const ALL: [ViewMode; 3] = [ViewMode::List, ViewMode::Grid, ViewMode::Gallery];

    /// The wire name (`ExplorerView.view`).
    pub fn as_str(self) -> &'static str {
        match self {
            ViewMode::List => "list",
            ViewMode::Grid => "grid",
            ViewMode::Gallery => "gallery",
        }
    }

    /// Reads a wire name.
    pub fn parse(s: &str) -> Option<Self> {
        ViewMode::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// Something a view asks the page to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Open the item at this index (enter a folder, show a file).
    Open(usize),
    /// Go to the parent folder.
    Parent,
    /// Delete the selection.
    Delete,
    /// Rename the focused or selected item.
    Rename,
    /// Give item `id` the name `name` (an inline rename was confirmed).
    RenameTo { id: String, name: String },
    /// Select every item of the folder, loading the pages not yet loaded.
    SelectAll,
    /// Show the context menu at viewport coordinates, for the selection or (`on_item` false) the folder.
    Menu { x: f64, y: f64, on_item: bool },
    /// Move (or copy) these item URIs into a folder.
    Drop {
        uris: Vec<String>,
        dst: String,
        copy: bool,
    },
    /// The view scrolled near the end of what is loaded.
    NearEnd,
}

/// The shared state of the folder on screen.
#[derive(Clone, Copy)]
pub struct Explorer {
    /// The folder (or search) shown.
    pub folder: Signal<CrUri>,
    /// The loaded items, in display order.
    pub files: RwSignal<Vec<FileResponse>>,
    /// Whether every page is loaded.
    pub complete: RwSignal<bool>,
    /// The selected items.
    pub selection: RwSignal<Selection>,
    /// The item with keyboard focus.
    pub focused: RwSignal<Option<usize>>,
    /// How the folder is shown.
    pub view: RwSignal<ViewMode>,
    /// Gallery tile size in px (`ExplorerView.gallery_width`).
    pub gallery_size: RwSignal<u32>,
    /// What the folder's file system allows (listing `props.capability`).
    pub capability: RwSignal<Boolset>,
    /// The item being renamed in place.
    pub renaming: RwSignal<Option<String>>,
    /// The listing's context hint, sent with thumbnail and URL requests for its items.
    pub hint: RwSignal<Option<String>>,
    /// The folder's storage policy (uploads are checked against it and name it).
    pub policy: RwSignal<Option<StoragePolicy>>,
    /// Where views' commands go (set by the page once its handlers exist).
    handler: StoredValue<Option<Callback<Command>>>,
}

impl Explorer {
    /// Creates the state for a page and provides it to the page's children.
    pub fn provide(folder: Signal<CrUri>) -> Self {
        let ex = Explorer {
            folder,
            files: RwSignal::new(Vec::new()),
            complete: RwSignal::new(false),
            selection: RwSignal::new(Selection::default()),
            focused: RwSignal::new(None),
            view: RwSignal::new(ViewMode::List),
            gallery_size: RwSignal::new(160),
            capability: RwSignal::new(Boolset::default()),
            hint: RwSignal::new(None),
            policy: RwSignal::new(None),
            renaming: RwSignal::new(None),
            handler: StoredValue::new(None),
        };
        provide_context(ex);
        ex
    }

    /// Sets where commands go.
    pub fn on_command(&self, handler: Callback<Command>) {
        self.handler.set_value(Some(handler));
    }

    /// Sends a command to the page.
    pub fn send(&self, c: Command) {
        if let Some(h) = self.handler.get_value() {
            h.run(c);
        }
    }

    /// Applies a click with modifiers on item `index`.
    pub fn click(&self, index: usize, mods: Modifiers) {
        self.files.with_untracked(|f| {
            let ids: Vec<&str> = f.iter().map(|x| x.id.as_str()).collect();
            self.selection.update(|s| s.click(index, &ids, mods));
        });
        self.focused.set(Some(index));
    }

    /// Makes sure the item at `index` is part of the selection (a right click or a drag on an
    /// unselected item acts on that item alone).
    pub fn ensure_selected(&self, index: usize) {
        let id = self
            .files
            .with_untracked(|f| f.get(index).map(|x| x.id.clone()));
        if let Some(id) = id {
            if !self.selection.with_untracked(|s| s.contains(&id)) {
                self.selection.update(|s| s.select_only(index, &id));
            }
            self.focused.set(Some(index));
        }
    }

    /// The selected items in display order; the focused item when nothing is selected.
    pub fn targets(&self) -> Vec<FileResponse> {
        let picked: Vec<FileResponse> = self.files.with_untracked(|f| {
            self.selection
                .with_untracked(|s| s.pick(f, |x| x.id.as_str()).into_iter().cloned().collect())
        });
        if !picked.is_empty() {
            return picked;
        }
        self.focused
            .get_untracked()
            .and_then(|i| self.files.with_untracked(|f| f.get(i).cloned()))
            .into_iter()
            .collect()
    }

    /// Whether the folder's file system has capability `bit`.
    pub fn can(&self, bit: usize) -> bool {
        self.capability.with(|c| c.get(bit))
    }

    /// Whether items here can be dragged into another folder (the same rule as the menus').
    pub fn can_move(&self) -> bool {
        self.folder.with(|u| {
            self.capability
                .with(|c| file_actions::can_move(Some(&u.fs), c))
        })
    }

    /// Gives keyboard focus back to the focused item (after an inline edit), or the view.
    pub fn focus_view(&self) {
        let index = self.focused.get_untracked();
        request_animation_frame(move || {
            use wasm_bindgen::JsCast;
            let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            let selector = match index {
                Some(i) => format!("[data-cr-index=\"{i}\"]"),
                None => "[data-cr-scroll]".to_string(),
            };
            if let Some(el) = doc
                .query_selector(&selector)
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        });
    }

    /// Removes items (deleted or moved away) from the view, keeping the scroll position.
    pub fn remove_ids(&self, ids: &[String]) {
        self.files.update(|f| f.retain(|x| !ids.contains(&x.id)));
        self.files.with_untracked(|f| {
            let listed: Vec<&str> = f.iter().map(|x| x.id.as_str()).collect();
            self.selection.update(|s| s.retain_listed(&listed));
        });
        let len = self.files.with_untracked(Vec::len);
        if self.focused.get_untracked().is_some_and(|i| i >= len) {
            self.focused.set(len.checked_sub(1));
        }
    }

    /// Replaces an item in place (after a rename or a metadata change).
    pub fn replace(&self, id: &str, item: FileResponse) {
        self.files.update(|f| {
            if let Some(slot) = f.iter_mut().find(|x| x.id == id) {
                *slot = item;
            }
        });
    }
}

/// The explorer of the page this component is in.
pub fn use_explorer() -> Explorer {
    expect_context::<Explorer>()
}
