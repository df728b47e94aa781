//! `GET /file` on the `share` file system: a visitor browses below the shared folder, or sees the
//! one file of a single-file share (share.md §Browsing a share).

use cloudreve_api::models::{FileResponse, ListFilesRequest, ListResponse, PaginationResults};
use cloudreve_api::{Code, CrUri};

use super::file::{decode_cursor, empty_listing, encode_cursor, to_wire};
use super::share_access::{self, share_capability, Opened, Walked};
use super::view::{default_view, Asked};
use crate::error::{ok, ApiResult, AppError};
use crate::ids::IdCodec;
use crate::state::{now_millis, AppState};
use crate::store::files::{self, FileRow, Window, TYPE_FOLDER};
use crate::store::users::UserRow;
use crate::store::views;

/// The wire form of `row`, reached at `uri` inside a share: the share's capability, and owned
/// only for the owner. Visitors get no metadata (tags and system keys stay the owner's).
pub(super) fn share_wire(
    ids: &IdCodec,
    row: &FileRow,
    uri: &CrUri,
    opened: &Opened,
    viewer: Option<&UserRow>,
) -> FileResponse {
    let is_owner = viewer.is_some_and(|u| u.id == opened.share.owner_id);
    FileResponse {
        capability: Some(share_capability()),
        owned: is_owner,
        ..to_wire(ids, row, uri, None)
    }
}

/// Lists `uri` (a `share` URI) for `viewer`.
pub(super) async fn list(
    s: &AppState,
    viewer: Option<UserRow>,
    uri: CrUri,
    q: ListFilesRequest,
) -> ApiResult<ListResponse> {
    if uri.is_search() {
        return Err(AppError::Param("search is not supported in shares".into()));
    }
    let asked = Asked::parse(&q)?;
    let after = q
        .next_page_token
        .as_deref()
        .filter(|t| !t.is_empty())
        .map(|t| decode_cursor(&s.ids, t))
        .transpose()?;
    let ids = s.ids;
    let cursor_mode = s.config.cursor_pagination;
    let window = if cursor_mode {
        Window::Cursor(after)
    } else {
        Window::Page(q.page.unwrap_or(0).max(0))
    };
    let page = q.page.unwrap_or(0);
    let now = now_millis();
    s.db.call(move |c| {
        let v = viewer.as_ref();
        let opened = share_access::open(c, &ids, v, &uri, now)?;
        let base = empty_listing("");
        let props = cloudreve_api::models::NavigatorProps {
            capability: share_capability(),
            ..base.props.clone()
        };
        let folder = match share_access::resolve(c, &opened, &uri.segments)? {
            Walked::FileShareRoot => {
                // A single-file share lists exactly its file (file.md §Listing).
                let file = share_wire(&ids, &opened.root, &uri.join(&opened.root.name), &opened, v);
                return Ok(ListResponse {
                    files: vec![file],
                    single_file_view: true,
                    pagination: PaginationResults::default(),
                    props,
                    ..base
                });
            }
            Walked::Row(row) => row,
        };
        if folder.file_type != TYPE_FOLDER {
            return Err(AppError::code(Code::ParentNotExist, "Path not exist"));
        }
        // The owner's stored views show only when the share says so.
        let stored = if opened.share.share_view {
            views::nearest(c, folder.id)?
        } else {
            None
        };
        let used = asked.settle(stored, default_view());
        let (rows, more) =
            files::children(c, folder.id, used.order, used.desc, used.page_size, &window)?;
        let total = if cursor_mode {
            None
        } else {
            Some(files::count_children(c, folder.id)?)
        };
        let next_token = (cursor_mode && more)
            .then(|| {
                rows.last()
                    .map(|last| encode_cursor(&ids, used.order, last))
            })
            .flatten();
        let files = rows
            .iter()
            .map(|r| share_wire(&ids, r, &uri.join(&r.name), &opened, v))
            .collect();
        Ok(ListResponse {
            files,
            parent: share_wire(&ids, &folder, &uri, &opened, v),
            pagination: PaginationResults {
                page: if cursor_mode { 0 } else { page },
                page_size: used.page_size,
                total_items: total,
                next_token,
                is_cursor: cursor_mode,
            },
            props,
            view: opened.share.share_view.then_some(used.view),
            ..base
        })
    })
    .await
    .and_then(ok)
}
