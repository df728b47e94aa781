//! The file on view: which file, in which app, and the site's viewer list (fetched once, on the
//! first open). The page renders the viewer host; any part of the page opens files through here.

use std::rc::Rc;

use cloudreve_api::endpoints::site::GetExplorerConfig;
use cloudreve_api::models::{FileResponse, FileViewerGroup};
use leptos::prelude::*;

use crate::browser;
use crate::domain::file_kind::extension;
use crate::domain::viewer_choice::{self, Candidate};
use crate::state::session::Session;

/// localStorage key of the "open with" choices: `ext=viewer-id` pairs joined by `;`.
const OPEN_WITH_KEY: &str = "cr_open_with";

/// A file on view.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    /// The file.
    pub file: FileResponse,
    /// The app showing it; `None` shows the download card.
    pub app: Option<Candidate>,
    /// Every app that can open it (for "Open with").
    pub apps: Vec<Candidate>,
    /// Which opening this is: each [`Preview::open`] counts one. The app's view is rebuilt when it
    /// changes (or the app does), and kept when the app moves to another file by itself.
    pub opening: u32,
    /// When no app opens it only because it is too large: the smallest limit it exceeds (bytes).
    pub too_large: Option<i64>,
}

/// The preview service of the app.
#[derive(Clone, Copy)]
pub struct Preview {
    session: Session,
    viewers: StoredValue<Option<Rc<Vec<FileViewerGroup>>>, LocalStorage>,
    openings: StoredValue<u32>,
    /// The file on view.
    pub opened: RwSignal<Option<Opened>, LocalStorage>,
    /// Set by an editor while it holds unsaved changes: closing the viewer asks first.
    pub unsaved: RwSignal<bool>,
}

impl Preview {
    /// Creates the service and provides it as context.
    pub fn provide(session: Session) -> Self {
        let p = Preview {
            session,
            viewers: StoredValue::new_local(None),
            openings: StoredValue::new(0),
            opened: RwSignal::new_local(None),
            unsaved: RwSignal::new(false),
        };
        provide_context(p);
        p
    }

    /// The site's viewers, fetched on first use. A server that cannot say gets the built-in set
    /// (an empty list), so a failed config request never stops a preview.
    async fn viewers(&self) -> Rc<Vec<FileViewerGroup>> {
        if let Some(v) = self.viewers.get_value() {
            return v;
        }
        let groups = match self.session.call(&GetExplorerConfig).await {
            Ok(cfg) => Rc::new(cfg.file_viewers),
            Err(_) => return Rc::new(Vec::new()),
        };
        self.viewers.set_value(Some(groups.clone()));
        groups
    }

    /// Opens `file` in the app the user chose for its extension, else the first that can.
    pub fn open(&self, file: FileResponse) {
        let this = *self;
        leptos::task::spawn_local(async move {
            let viewers = this.viewers().await;
            let apps = viewer_choice::candidates(&file.name, file.size, &viewers);
            let preferred = preferred_app(&extension(&file.name));
            let app = viewer_choice::pick(&apps, preferred.as_deref()).cloned();
            this.openings.update_value(|n| *n = n.wrapping_add(1));
            let opening = this.openings.get_value();
            let too_large = app
                .is_none()
                .then(|| viewer_choice::size_limit(&file.name, file.size, &viewers))
                .flatten();
            this.opened.set(Some(Opened {
                file,
                app,
                apps,
                opening,
                too_large,
            }));
        });
    }

    /// Switches the file on view to app `id` and remembers the choice for its extension.
    pub fn open_with(&self, id: &str) {
        self.opened.update(|o| {
            if let Some(o) = o {
                if let Some(app) = o.apps.iter().find(|a| a.id == id) {
                    remember_app(&extension(&o.file.name), id);
                    o.app = Some(app.clone());
                }
            }
        });
    }

    /// Replaces the file on view, keeping the app and its view: the app moved to `file` by itself
    /// (the next picture, another track) or saved a newer version. The bar names and downloads it.
    pub fn update_file(&self, file: FileResponse) {
        self.opened.update(|o| {
            if let Some(o) = o {
                o.file = file;
            }
        });
    }

    /// Closes the viewer (unsaved changes are the caller's to ask about).
    pub fn close(&self) {
        self.unsaved.set(false);
        self.opened.set(None);
    }
}

fn choices() -> Vec<(String, String)> {
    browser::load(OPEN_WITH_KEY)
        .unwrap_or_default()
        .split(';')
        .filter_map(|p| p.split_once('='))
        .map(|(e, id)| (e.to_string(), id.to_string()))
        .collect()
}

fn preferred_app(ext: &str) -> Option<String> {
    choices()
        .into_iter()
        .find(|(e, _)| e == ext)
        .map(|(_, id)| id)
}

fn remember_app(ext: &str, id: &str) {
    if ext.is_empty() || id.contains([';', '=']) {
        return;
    }
    let mut all = choices();
    all.retain(|(e, _)| e != ext);
    all.push((ext.to_string(), id.to_string()));
    let joined: Vec<String> = all.iter().map(|(e, id)| format!("{e}={id}")).collect();
    browser::store(OPEN_WITH_KEY, &joined.join(";"));
}

/// The app's preview service.
pub fn use_preview() -> Preview {
    expect_context::<Preview>()
}
