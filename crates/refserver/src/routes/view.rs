//! Server-side explorer views (file.md §4 "Update view setting"): `PATCH /file/view`, and how a
//! listing's page size and order fall back to the stored view it reports.

use axum::extract::State;
use cloudreve_api::models::{ExplorerView, ListFilesRequest, ListViewColumn, UpdateViewRequest};
use cloudreve_api::FileSystem;

use super::file::{check_owner, parse_uri, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE};
use super::file_ops::{not_supported, path_not_exist};
use super::ApiRouter;
use crate::error::{ok, ApiResult, AppError};
use crate::extract::{ApiJson, AuthUser};
use crate::state::{now_millis, AppState};
use crate::store::activities::{category, NewActivity};
use crate::store::files::{self, OrderBy, TYPE_FOLDER};
use crate::store::views;

/// Column types of the trash's default list layout: name, size, expiry, original location.
const TRASH_COLUMNS: [i32; 4] = [0, 2, 8, 7];

pub(super) fn routes(r: ApiRouter) -> ApiRouter {
    r.serve::<UpdateViewRequest, _, _>(update)
}

/// The view of a folder that has none stored, nor any ancestor.
pub(super) fn default_view() -> ExplorerView {
    ExplorerView {
        page_size: DEFAULT_PAGE_SIZE,
        view: "grid".into(),
        thumbnail: true,
        ..ExplorerView::default()
    }
}

/// The trash root's view until the user stores one: a list with trash-specific columns.
pub(super) fn default_trash_view() -> ExplorerView {
    ExplorerView {
        view: "list".into(),
        columns: TRASH_COLUMNS
            .iter()
            .map(|&t| ListViewColumn {
                column_type: t,
                ..ListViewColumn::default()
            })
            .collect(),
        ..ExplorerView::default()
    }
}

/// What a listing request asked for; gaps are filled from the stored view by [`Asked::settle`].
#[derive(Debug, Clone, Copy)]
pub(super) struct Asked {
    page_size: Option<i64>,
    order: Option<OrderBy>,
    desc: Option<bool>,
}

/// The values a listing uses, and the view it reports with those values written in.
#[derive(Debug, Clone)]
pub(super) struct Settled {
    /// Items per page, capped.
    pub page_size: i64,
    /// Sort column.
    pub order: OrderBy,
    /// Descending order.
    pub desc: bool,
    /// The effective view.
    pub view: ExplorerView,
}

impl Asked {
    /// Reads and validates `page_size`, `order_by` and `order_direction` (40001 when malformed);
    /// absent, empty and zero values ask for nothing.
    pub(super) fn parse(q: &ListFilesRequest) -> Result<Self, AppError> {
        let order = match q.order_by.as_deref() {
            None | Some("") => None,
            Some(o) => {
                Some(OrderBy::parse(o).ok_or_else(|| AppError::Param("Invalid order_by".into()))?)
            }
        };
        let desc = match q.order_direction.as_deref() {
            None | Some("") => None,
            Some(d) => Some(
                direction(d).ok_or_else(|| AppError::Param("Invalid order_direction".into()))?,
            ),
        };
        let page_size = match q.page_size {
            None | Some(0) => None,
            Some(n) if n < 0 => return Err(AppError::Param("Invalid page_size".into())),
            Some(n) => Some(n),
        };
        Ok(Asked {
            page_size,
            order,
            desc,
        })
    }

    /// The request's values, else the stored view's, else the defaults (100, creation order,
    /// ascending). A stored order this server cannot sort by is skipped rather than failing.
    pub(super) fn settle(&self, stored: Option<ExplorerView>, fallback: ExplorerView) -> Settled {
        let mut view = stored.unwrap_or(fallback);
        let page_size = self
            .page_size
            .or((view.page_size > 0).then_some(view.page_size))
            .unwrap_or(DEFAULT_PAGE_SIZE)
            .min(MAX_PAGE_SIZE);
        let order = self
            .order
            .or_else(|| OrderBy::parse(&view.order))
            .unwrap_or(OrderBy::CreatedAt);
        let desc = self
            .desc
            .or_else(|| direction(&view.order_direction))
            .unwrap_or(false);
        view.page_size = page_size;
        view.order = order.as_str().into();
        view.order_direction = if desc { "desc" } else { "asc" }.into();
        Settled {
            page_size,
            order,
            desc,
            view,
        }
    }
}

fn direction(s: &str) -> Option<bool> {
    match s {
        "asc" => Some(false),
        "desc" => Some(true),
        _ => None,
    }
}

/// The constraints of models.md §ExplorerView on a view sent to the server.
fn validate(v: &ExplorerView) -> Result<(), AppError> {
    let bad = |what: &str| Err(AppError::Param(format!("Invalid view setting: {what}")));
    if v.page_size < 50 {
        return bad("page_size must be at least 50");
    }
    if v.order.chars().count() > 255 {
        return bad("order is too long");
    }
    if direction(&v.order_direction).is_none() {
        return bad("order_direction must be asc or desc");
    }
    if !["list", "grid", "gallery"].contains(&v.view.as_str()) {
        return bad("view must be list, grid or gallery");
    }
    // Go's `omitempty` binding skips a zero width, so 0 counts as not given.
    if v.gallery_width
        .is_some_and(|w| w != 0 && !(50..=500).contains(&w))
    {
        return bad("gallery_width must be between 50 and 500");
    }
    if v.columns.len() > 1000 {
        return bad("too many columns");
    }
    Ok(())
}

async fn update(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    ApiJson(req): ApiJson<UpdateViewRequest>,
) -> ApiResult<()> {
    if let Some(v) = &req.view {
        validate(v)?;
    }
    let uri = parse_uri(&req.uri)?;
    let view = req.view;
    match uri.fs {
        FileSystem::My => {
            check_owner(&s, &uri, &user)?;
            let segments = uri.segments;
            s.db.call(move |c| {
                let folder = files::resolve(c, user.id, &segments, now_millis())?
                    .filter(|f| f.file_type == TYPE_FOLDER)
                    .ok_or_else(path_not_exist)?;
                views::set_folder(c, folder.id, view.as_ref())?;
                let at = super::share::item_uri(c, folder.id)?;
                NewActivity::new(folder.id, Some(user.id), category::UPDATE_VIEW, &at)
                    .only_here()
                    .record(c, now_millis())
            })
            .await?;
        }
        FileSystem::Trash | FileSystem::SharedWithMe if uri.is_root() => {
            let fs = uri.fs.as_str().to_string();
            s.db.call(move |c| views::set_root(c, user.id, &fs, view.as_ref()))
                .await?;
        }
        FileSystem::Other(_) => return Err(AppError::Param("unknown uri".into())),
        _ => return Err(not_supported()),
    }
    ok(())
}
