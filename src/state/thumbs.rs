//! Thumbnails: requested only for tiles on screen, a few at a time, cached until they expire.
//!
//! A tile asks for its file's thumbnail when it mounts and withdraws the request when it unmounts
//! before the request started, so fast scrolling through 100,000 items sends requests only for
//! the tiles the user actually stopped on.

use std::collections::{HashMap, VecDeque};

use cloudreve_api::models::{FileThumbResponse, GetThumbRequest};
use leptos::prelude::*;

use crate::browser;
use crate::state::session::{CallExtras, Session};

/// Requests in flight at once.
const MAX_IN_FLIGHT: usize = 4;
/// Cached URLs are dropped this long before they expire.
const EXPIRY_MARGIN_MS: i64 = 30_000;

/// The state of one file's thumbnail.
#[derive(Debug, Clone, PartialEq)]
pub enum Thumb {
    /// Not loaded (queued or in flight).
    Pending,
    /// The image URL.
    Ready(String),
    /// No thumbnail: show the icon.
    Unavailable,
}

struct Entry {
    state: ArcRwSignal<Thumb>,
    expires_ms: Option<i64>,
}

#[derive(Default)]
struct Inner {
    cache: HashMap<String, Entry>,
    queue: VecDeque<(String, String, Option<String>)>,
    in_flight: usize,
}

/// The thumbnail loader, one per app.
#[derive(Clone, Copy)]
pub struct Thumbs {
    session: Session,
    inner: StoredValue<Inner, LocalStorage>,
}

impl Thumbs {
    /// Creates the loader and provides it as context.
    pub fn provide(session: Session) -> Self {
        let t = Thumbs {
            session,
            inner: StoredValue::new_local(Inner::default()),
        };
        provide_context(t);
        t
    }

    /// The thumbnail signal of file `id` at `uri`, queueing a request when there is no fresh one.
    /// `hint` is the listing's context hint.
    pub fn want(&self, id: &str, uri: &str, hint: Option<String>) -> ArcRwSignal<Thumb> {
        let now = browser::now_ms();
        let state = self
            .inner
            .try_update_value(|inner| {
                let fresh = inner
                    .cache
                    .get(id)
                    .filter(|e| e.expires_ms.is_none_or(|t| t - EXPIRY_MARGIN_MS > now));
                if let Some(e) = fresh {
                    return e.state.clone();
                }
                let state = ArcRwSignal::new(Thumb::Pending);
                inner.cache.insert(
                    id.to_string(),
                    Entry {
                        state: state.clone(),
                        expires_ms: Some(now + 60_000),
                    },
                );
                inner
                    .queue
                    .push_back((id.to_string(), uri.to_string(), hint));
                state
            })
            .unwrap_or_else(|| ArcRwSignal::new(Thumb::Unavailable));
        self.pump();
        state
    }

    /// The tile of file `id` left the screen: drop its request if it has not started.
    pub fn withdraw(&self, id: &str) {
        self.inner.update_value(|inner| {
            let before = inner.queue.len();
            inner.queue.retain(|(q, _, _)| q != id);
            if inner.queue.len() != before {
                inner.cache.remove(id);
            }
        });
    }

    /// Starts queued requests while there is room.
    fn pump(&self) {
        loop {
            let job = self
                .inner
                .try_update_value(|inner| {
                    if inner.in_flight >= MAX_IN_FLIGHT {
                        return None;
                    }
                    let job = inner.queue.pop_front()?;
                    inner.in_flight += 1;
                    Some(job)
                })
                .flatten();
            let Some((id, uri, hint)) = job else {
                return;
            };
            let this = *self;
            leptos::task::spawn_local(async move {
                let extras = CallExtras {
                    context_hint: hint,
                    ..CallExtras::default()
                };
                let answer: Result<FileThumbResponse, _> = this
                    .session
                    .call_with(&GetThumbRequest { uri }, &extras)
                    .await;
                this.inner.update_value(|inner| {
                    inner.in_flight = inner.in_flight.saturating_sub(1);
                    if let Some(entry) = inner.cache.get_mut(&id) {
                        match answer {
                            Ok(t) if !t.url.is_empty() => {
                                entry.expires_ms = t.expires.as_ref().and_then(|e| e.unix_millis());
                                entry.state.set(Thumb::Ready(t.url));
                            }
                            // Any error means "no thumbnail": the icon stays (file.md §thumb).
                            _ => {
                                entry.expires_ms = None;
                                entry.state.set(Thumb::Unavailable);
                            }
                        }
                    }
                });
                this.pump();
            });
        }
    }
}

/// The app's thumbnail loader.
pub fn use_thumbs() -> Thumbs {
    expect_context::<Thumbs>()
}
