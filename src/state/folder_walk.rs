//! The folder a viewer steps through: the explorer's loaded items, in the order on screen, and the
//! pages still to load. Outside a folder page there is nothing to step through but the file.

use cloudreve_api::models::FileResponse;
use leptos::prelude::*;

use crate::domain::gallery_step::{self, Step};
use crate::state::explorer::Explorer;
use crate::state::folder_listing::{use_folder_pages, FolderPages};

/// Where a viewer finds the files beside the one it shows.
#[derive(Clone, Copy)]
pub struct FolderWalk {
    ex: Option<Explorer>,
    pages: Option<FolderPages>,
}

/// The folder around the viewer, if the viewer sits in a folder page.
pub fn use_folder_walk() -> FolderWalk {
    FolderWalk {
        ex: use_context::<Explorer>(),
        pages: use_folder_pages(),
    }
}

impl FolderWalk {
    /// The listing's context hint (sent with URL requests for its items).
    pub fn hint(&self) -> Option<String> {
        self.ex.and_then(|ex| ex.hint.get_untracked())
    }

    /// Runs `f` on the loaded items (tracked; an empty list outside a folder page).
    pub fn with_files<R>(&self, f: impl FnOnce(&[FileResponse]) -> R) -> R {
        match self.ex {
            Some(ex) => ex.files.with(|files| f(files)),
            None => f(&[]),
        }
    }

    /// The loaded items `matches` keeps, in order (tracked).
    pub fn matching(&self, matches: impl Fn(&FileResponse) -> bool) -> Vec<FileResponse> {
        self.with_files(|f| f.iter().filter(|x| matches(x)).cloned().collect())
    }

    /// The 1-based position of file `id` among the loaded matches, their count, and whether more
    /// pages may hold others (tracked). `None` when `id` is not among the loaded items.
    pub fn position(
        &self,
        id: &str,
        matches: impl Fn(&FileResponse) -> bool,
    ) -> Option<(usize, usize, bool)> {
        let more = self.pages.is_some_and(|p| p.next.with(Option::is_some));
        self.with_files(|f| {
            let current = f.iter().position(|x| x.id == id)?;
            let (at, total) = gallery_step::position(f.len(), current, |i| matches(&f[i]));
            Some((at, total, more))
        })
    }

    /// The loaded matches just before and after file `id` (what to preload).
    pub fn neighbours(
        &self,
        id: &str,
        matches: impl Fn(&FileResponse) -> bool,
    ) -> Vec<FileResponse> {
        [false, true]
            .into_iter()
            .filter_map(|forward| {
                self.loaded_step(id, forward, false, &matches)
                    .ok()
                    .flatten()
            })
            .collect()
    }

    /// The next (or previous) match after file `id`, loading further pages of the folder while
    /// the loaded ones hold none. `None` at either end, or when the folder changed meanwhile.
    pub async fn step(
        &self,
        id: &str,
        forward: bool,
        matches: impl Fn(&FileResponse) -> bool,
    ) -> Option<FileResponse> {
        loop {
            // The page may be gone by now (the user left): `try_` reads end the walk then.
            let has_more = self
                .pages
                .and_then(|p| p.next.try_with_untracked(Option::is_some))
                .unwrap_or(false);
            match self.loaded_step(id, forward, has_more, &matches) {
                Ok(found) => return found,
                Err(()) => {
                    let pages = self.pages?;
                    if pages.loading.try_get_untracked().unwrap_or(false) {
                        // The explorer is loading that page already: wait for it.
                        gloo_timers::future::TimeoutFuture::new(50).await;
                    } else if pages.load_next().await.is_err() {
                        return None;
                    }
                }
            }
        }
    }

    /// One step among the loaded items: `Ok(found)`, or `Err(())` for "load the next page".
    fn loaded_step(
        &self,
        id: &str,
        forward: bool,
        has_more: bool,
        matches: &impl Fn(&FileResponse) -> bool,
    ) -> Result<Option<FileResponse>, ()> {
        let Some(ex) = self.ex else {
            return Ok(None);
        };
        ex.files
            .try_with_untracked(|f| {
                let Some(current) = f.iter().position(|x| x.id == id) else {
                    return Ok(None);
                };
                match gallery_step::step(f.len(), current, forward, has_more, |i| matches(&f[i])) {
                    Step::To(i) => Ok(f.get(i).cloned()),
                    Step::LoadMore => Err(()),
                    Step::Stay => Ok(None),
                }
            })
            .unwrap_or(Ok(None))
    }
}
