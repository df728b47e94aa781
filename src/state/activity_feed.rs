//! One activity feed (`GET /file/activities`): the loaded entries in cursor pages, the filter and
//! order, and newer entries found since the feed opened, held until the user asks to see them.

use std::collections::HashSet;

use cloudreve_api::models::{Activity, FileActivitiesResponse, ListActivitiesRequest};
use cloudreve_api::ApiError;
use leptos::prelude::*;

use crate::domain::activity::Filter;
use crate::state::session::Session;

/// Entries per page (the server wants at least 10).
pub const PAGE_SIZE: i64 = 50;
/// Pages looked through for newer entries before giving up (then the feed restarts instead).
const NEWER_PAGES: usize = 4;

/// The state of one feed. Cheap to copy: every field is a handle.
#[derive(Clone, Copy)]
pub struct ActivityFeed {
    session: Session,
    uri: StoredValue<String>,
    /// Loaded entries, in the feed's order.
    pub items: RwSignal<Vec<Activity>>,
    /// Where the next page starts; `None` once the last page is in.
    next: RwSignal<Option<String>>,
    /// The last page has been loaded.
    pub finished: RwSignal<bool>,
    /// A page is on its way.
    pub loading: RwSignal<bool>,
    /// Why the last page failed.
    pub error: RwSignal<Option<ApiError>>,
    /// Which entries.
    pub filter: RwSignal<Filter>,
    /// Newest first (else oldest first).
    pub newest_first: RwSignal<bool>,
    /// Entries newer than any the feed had, waiting for "show newer" (newest first).
    pub newer: RwSignal<Vec<Activity>>,
    /// The newest entry known: where the search for newer ones stops.
    mark: RwSignal<Option<String>>,
    /// Bumped on every restart, so answers for an older filter or order are dropped.
    generation: RwSignal<u32>,
}

impl ActivityFeed {
    /// A feed of `uri`'s activity, newest first, not loaded yet.
    pub fn new(session: Session, uri: String) -> Self {
        ActivityFeed {
            session,
            uri: StoredValue::new(uri),
            items: RwSignal::new(Vec::new()),
            next: RwSignal::new(None),
            finished: RwSignal::new(false),
            loading: RwSignal::new(false),
            error: RwSignal::new(None),
            filter: RwSignal::new(Filter::All),
            newest_first: RwSignal::new(true),
            newer: RwSignal::new(Vec::new()),
            mark: RwSignal::new(None),
            generation: RwSignal::new(0),
        }
    }

    fn request(&self, desc: bool, token: Option<String>) -> ListActivitiesRequest {
        ListActivitiesRequest {
            uri: self.uri.get_value(),
            page_size: PAGE_SIZE,
            order_direction: Some(if desc { "desc" } else { "asc" }.into()),
            next_page_token: token,
            filter: self.filter.get_untracked().query().map(str::to_string),
        }
    }

    /// Drops what is loaded and loads the first page for the current filter and order.
    pub fn restart(self) {
        self.generation.update(|g| *g += 1);
        self.items.set(Vec::new());
        self.newer.set(Vec::new());
        self.mark.set(None);
        self.next.set(None);
        self.finished.set(false);
        self.loading.set(false);
        self.error.set(None);
        self.load(true);
    }

    /// Loads the next page, unless one is on its way or none is left.
    pub fn load_next(self) {
        if self.loading.get_untracked()
            || self.finished.get_untracked()
            || self.error.with_untracked(Option::is_some)
        {
            return;
        }
        self.load(false);
    }

    /// Tries the failed page again.
    pub fn retry(self) {
        self.error.set(None);
        if self.items.with_untracked(Vec::is_empty) {
            self.restart();
        } else {
            self.load(false);
        }
    }

    fn load(self, first: bool) {
        let generation = self.generation.get_untracked();
        let desc = self.newest_first.get_untracked();
        let req = self.request(
            desc,
            if first {
                None
            } else {
                self.next.get_untracked()
            },
        );
        self.loading.set(true);
        leptos::task::spawn_local(async move {
            let result: Result<FileActivitiesResponse, ApiError> = self.session.call(&req).await;
            // The newest entry is where "newer" starts: the first of a newest-first feed, else one
            // more request.
            let mark = if first && !desc {
                self.newest_id().await
            } else {
                None
            };
            if self.generation.get_untracked() != generation {
                return;
            }
            match result {
                Ok(page) => {
                    if first {
                        let head = if desc {
                            page.activities.first().map(|a| a.id.clone())
                        } else {
                            mark
                        };
                        self.mark.set(head);
                    }
                    let token = page.pagination.next_token.filter(|t| !t.is_empty());
                    self.finished.set(token.is_none());
                    self.next.set(token);
                    self.items.update(|v| v.extend(page.activities));
                }
                Err(e) => self.error.set(Some(e)),
            }
            self.loading.set(false);
        });
    }

    /// The id of the newest entry for the current filter.
    async fn newest_id(self) -> Option<String> {
        let mut req = self.request(true, None);
        req.page_size = 10;
        let page: FileActivitiesResponse = self.session.call(&req).await.ok()?;
        page.activities.into_iter().next().map(|a| a.id)
    }

    /// Looks for entries newer than the newest one known; they wait in [`Self::newer`].
    pub async fn check_newer(self) {
        let generation = self.generation.get_untracked();
        if self.loading.get_untracked() {
            return;
        }
        // No mark: the feed opened empty, so everything there is now is newer.
        let mark = self.mark.get_untracked();
        let mut found = Vec::new();
        let mut token = None;
        for _ in 0..NEWER_PAGES {
            let req = self.request(true, token.take());
            let Ok(page) = self.session.call(&req).await else {
                return;
            };
            let page: FileActivitiesResponse = page;
            let before = page
                .activities
                .iter()
                .position(|a| mark.as_deref() == Some(a.id.as_str()));
            let reached = before.is_some();
            found.extend(
                page.activities
                    .into_iter()
                    .take(before.unwrap_or(usize::MAX)),
            );
            token = page.pagination.next_token.filter(|t| !t.is_empty());
            if reached || token.is_none() {
                break;
            }
        }
        if self.generation.get_untracked() == generation {
            self.newer.set(found);
        }
    }

    /// Moves the waiting newer entries into the feed. Answers how many went to the top (a
    /// newest-first feed), so the view can keep what the user was reading in place.
    pub fn show_newer(self) -> usize {
        let newer = self.newer.try_update(std::mem::take).unwrap_or_default();
        let Some(head) = newer.first().map(|a| a.id.clone()) else {
            return 0;
        };
        self.mark.set(Some(head));
        let known: HashSet<String> = self
            .items
            .with_untracked(|v| v.iter().map(|a| a.id.clone()).collect());
        let fresh: Vec<Activity> = newer
            .into_iter()
            .filter(|a| !known.contains(&a.id))
            .collect();
        let count = fresh.len();
        if self.newest_first.get_untracked() {
            self.items.update(|v| {
                v.splice(0..0, fresh);
            });
            count
        } else {
            // Oldest first: they belong at the end, which the next pages reach anyway.
            if self.finished.get_untracked() {
                self.items.update(|v| v.extend(fresh.into_iter().rev()));
            }
            0
        }
    }
}
