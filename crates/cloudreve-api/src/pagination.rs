//! One way to page through any listing, whichever mode (offset or cursor) the server chose.

use std::future::Future;

use crate::models::{ListFilesRequest, PaginationResults};

/// Where the next page starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextPage {
    /// Cursor mode: send as `next_page_token`.
    Cursor(String),
    /// Offset mode: send as `page` (0-based).
    Offset(i64),
}

impl PaginationResults {
    /// The next page after this one, or `None` on the last page.
    ///
    /// Cursor pages continue while `next_token` is present, even after a short or empty page (the
    /// server may filter a page down); offset pages continue while items remain by `total_items`.
    pub fn next_page(&self) -> Option<NextPage> {
        if self.is_cursor || self.next_token.is_some() {
            return self
                .next_token
                .clone()
                .filter(|t| !t.is_empty())
                .map(NextPage::Cursor);
        }
        let total = self.total_items?;
        ((self.page + 1).saturating_mul(self.page_size.max(1)) < total)
            .then_some(NextPage::Offset(self.page + 1))
    }
}

impl ListFilesRequest {
    /// Points the request at page `next` (the first page when `None`), in whichever mode the
    /// server chose: a cursor goes in `next_page_token`, an offset in `page`.
    pub fn set_page(&mut self, next: Option<&NextPage>) {
        self.next_page_token = None;
        self.page = None;
        match next {
            Some(NextPage::Cursor(t)) => self.next_page_token = Some(t.clone()),
            Some(NextPage::Offset(p)) => self.page = Some(*p),
            None => {}
        }
    }
}

/// Fetches every page: `fetch(None)` first, then `fetch(Some(next))` until the last page, collecting
/// items. Stops at the first error, and after `max_pages` pages (a guard against a server that never
/// ends its cursor).
pub async fn walk_all<T, E, F, Fut>(mut fetch: F, max_pages: usize) -> Result<Vec<T>, E>
where
    F: FnMut(Option<NextPage>) -> Fut,
    Fut: Future<Output = Result<(Vec<T>, PaginationResults), E>>,
{
    let mut items = Vec::new();
    let mut next = None;
    for _ in 0..max_pages {
        let (page, pagination) = fetch(next).await?;
        items.extend(page);
        next = pagination.next_page();
        if next.is_none() {
            break;
        }
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use std::future::Future;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    use super::*;

    fn block_on<F: Future>(f: F) -> F::Output {
        let mut f = pin!(f);
        let mut cx = Context::from_waker(Waker::noop());
        loop {
            if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
                return v;
            }
        }
    }

    #[test]
    fn a_listing_request_follows_either_mode() {
        let mut req = ListFilesRequest::default();
        req.set_page(Some(&NextPage::Cursor("c1".into())));
        assert_eq!(
            (req.next_page_token.as_deref(), req.page),
            (Some("c1"), None)
        );
        req.set_page(Some(&NextPage::Offset(3)));
        assert_eq!((req.next_page_token.as_deref(), req.page), (None, Some(3)));
        req.set_page(None);
        assert_eq!((req.next_page_token.as_deref(), req.page), (None, None));
    }

    fn cursor(next: Option<&str>) -> PaginationResults {
        PaginationResults {
            page_size: 2,
            is_cursor: true,
            next_token: next.map(Into::into),
            ..PaginationResults::default()
        }
    }

    #[test]
    fn next_page_in_both_modes() {
        assert_eq!(
            cursor(Some("abc")).next_page(),
            Some(NextPage::Cursor("abc".into()))
        );
        assert_eq!(cursor(None).next_page(), None);
        let offset = |page, total| PaginationResults {
            page,
            page_size: 10,
            total_items: Some(total),
            ..PaginationResults::default()
        };
        assert_eq!(offset(0, 25).next_page(), Some(NextPage::Offset(1)));
        assert_eq!(offset(2, 25).next_page(), None);
        assert_eq!(offset(0, 10).next_page(), None);
        assert_eq!(
            PaginationResults::default().next_page(),
            None,
            "a single-file share has neither"
        );
    }

    #[test]
    fn walk_all_follows_cursors_through_short_pages() {
        let pages = [
            (vec![1, 2], Some("a")),
            (vec![], Some("b")),
            (vec![3], None),
        ];
        let mut calls = Vec::new();
        let items = block_on(walk_all(
            |next| {
                calls.push(next.clone());
                let i = calls.len() - 1;
                let (items, token) = pages[i].clone();
                async move { Ok::<_, ()>((items, cursor(token))) }
            },
            10,
        ));
        assert_eq!(items, Ok(vec![1, 2, 3]));
        assert_eq!(
            calls,
            [
                None,
                Some(NextPage::Cursor("a".into())),
                Some(NextPage::Cursor("b".into()))
            ]
        );
    }

    #[test]
    fn walk_all_stops_on_errors_and_endless_cursors() {
        let failed = block_on(walk_all(
            |_| async { Err::<(Vec<u8>, PaginationResults), _>("boom") },
            10,
        ));
        assert_eq!(failed, Err("boom"));
        let endless = block_on(walk_all(
            |_| async { Ok::<_, ()>((vec![0u8], cursor(Some("again")))) },
            5,
        ));
        assert_eq!(endless.map(|v| v.len()), Ok(5));
    }
}
