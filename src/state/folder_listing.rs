//! Loading a folder page by page: the first page when the folder or order changes (cancelling the
//! previous load), later pages as the views ask, or all of them for "select all". Works with cursor
//! and offset pagination, whichever the server chose; once everything is loaded, a name order
//! becomes natural ("file2" before "file10").

use cloudreve_api::models::{FileResponse, ListFilesRequest, ListResponse};
use cloudreve_api::pagination::NextPage;
use cloudreve_api::{ApiError, CrUri};
use leptos::prelude::*;

use crate::domain::natural_order;
use crate::domain::sort::{Sort, SortKey};
use crate::state::explorer::Explorer;
use crate::state::session::Session;

/// Items fetched per page.
pub const PAGE_SIZE: i64 = 500;

/// The request for one page of `uri` in `sort` order.
pub fn page_request(uri: &CrUri, sort: Sort, next: Option<&NextPage>) -> ListFilesRequest {
    let mut req = ListFilesRequest {
        uri: uri.to_string(),
        page_size: Some(PAGE_SIZE),
        order_by: (!uri.is_search()).then(|| sort.key.as_str().into()),
        order_direction: (!uri.is_search()).then(|| sort.direction().into()),
        ..ListFilesRequest::default()
    };
    req.set_page(next);
    req
}

/// The paging state of the folder on screen.
#[derive(Clone, Copy)]
pub struct FolderPages {
    session: Session,
    ex: Explorer,
    sort: Signal<Sort>,
    /// Where the next page starts, if there is one.
    pub next: RwSignal<Option<NextPage>>,
    /// A page is loading.
    pub loading: RwSignal<bool>,
    /// The last page load failed.
    pub error: RwSignal<Option<ApiError>>,
}

impl FolderPages {
    /// Paging for the explorer's folder in `sort` order.
    pub fn new(session: Session, ex: Explorer, sort: Signal<Sort>) -> Self {
        FolderPages {
            session,
            ex,
            sort,
            next: RwSignal::new(None),
            loading: RwSignal::new(false),
            error: RwSignal::new(None),
        }
    }

    /// Makes the paging available to the page's children (viewers step through the folder).
    pub fn provide(&self) {
        provide_context(*self);
    }

    /// Takes the first page of a listing.
    pub fn start(&self, l: &ListResponse) {
        self.ex.files.set(l.files.clone());
        self.ex.selection.update(|s| s.clear());
        self.ex.focused.set(None);
        self.ex.capability.set(l.props.capability.clone());
        self.ex
            .hint
            .set(Some(l.context_hint.clone()).filter(|h| !h.is_empty()));
        self.error.set(None);
        self.set_next(l.pagination.next_page());
    }

    /// Clears everything (the listing failed or is loading).
    pub fn reset(&self) {
        self.ex.files.set(Vec::new());
        self.next.set(None);
        self.ex.complete.set(false);
    }

    fn set_next(&self, next: Option<NextPage>) {
        let complete = next.is_none();
        self.next.set(next);
        self.ex.complete.set(complete);
        if complete
            && self.sort.get_untracked().key == SortKey::Name
            && !self.ex.folder.get_untracked().is_search()
        {
            let desc = self.sort.get_untracked().desc;
            self.ex.files.update(|f| natural_sort(f, desc));
        }
    }

    /// Loads the next page, unless one is loading or there is none.
    pub async fn load_next(&self) -> Result<(), ApiError> {
        let Some(next) = self.next.get_untracked() else {
            return Ok(());
        };
        if self.loading.get_untracked() {
            return Ok(());
        }
        let folder = self.ex.folder.get_untracked();
        let req = page_request(&folder, self.sort.get_untracked(), Some(&next));
        self.loading.set(true);
        let page = self.session.call(&req).await;
        self.loading.set(false);
        // The user may have moved to another folder while this page was loading.
        if self.ex.folder.get_untracked() != folder {
            return Ok(());
        }
        match page {
            Ok(page) => {
                self.ex.files.update(|v| v.extend(page.files));
                self.error.set(None);
                self.set_next(page.pagination.next_page());
                Ok(())
            }
            Err(e) => {
                self.error.set(Some(e.clone()));
                Err(e)
            }
        }
    }

    /// Loads every remaining page.
    pub async fn load_all(&self) -> Result<(), ApiError> {
        let folder = self.ex.folder.get_untracked();
        while self.next.with_untracked(Option::is_some) && self.ex.folder.get_untracked() == folder
        {
            if self.loading.get_untracked() {
                // Another load is in flight: let it finish.
                sleep_ms(50).await;
                continue;
            }
            self.load_next().await?;
        }
        Ok(())
    }
}

/// Folders first, then names in natural order.
pub fn natural_sort(files: &mut [FileResponse], desc: bool) {
    files.sort_by(|a, b| {
        b.is_folder().cmp(&a.is_folder()).then_with(|| {
            let o = natural_order::compare(&a.name, &b.name);
            if desc {
                o.reverse()
            } else {
                o
            }
        })
    });
}

/// Waits `ms` milliseconds.
async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The paging of the folder on screen, when there is one.
pub fn use_folder_pages() -> Option<FolderPages> {
    use_context::<FolderPages>()
}
