//! `GET /file` with search conditions (file.md §2, §3): recursive below a `my` folder, flat over the
//! trash. Results are always cursor-paged, with tokens of the form `<level>|<last id>`.

use std::collections::BTreeMap;

use cloudreve_api::models::{FileResponse, ListResponse, NavigatorProps, PaginationResults};
use cloudreve_api::{Boolset, CrUri, FileSystem};

use super::file::{my_capability, to_wire, MAX_PAGE_SIZE, TRASH_CAPABILITY};
use super::file_ops::{path_not_exist, trashed_to_wire};
use super::view::{default_trash_view, default_view, Asked, Settled};
use crate::error::{ok, ApiResult, AppError};
use crate::ids::{IdCodec, Kind};
use crate::search::Conditions;
use crate::state::{now_millis, AppState};
use crate::store::files::{self, FileRow, FS_TRASH, TYPE_FOLDER};
use crate::store::search::{self, Position};
use crate::store::users::UserRow;
use crate::store::{metadata, policies, views};

/// Answers a search of `uri` (already checked: the caller's `my` tree, or the trash root).
pub(super) async fn list(
    s: &AppState,
    user: UserRow,
    uri: &CrUri,
    cond: Conditions,
    token: Option<String>,
    asked: Asked,
) -> ApiResult<ListResponse> {
    let from = match token.as_deref().filter(|t| !t.is_empty()) {
        Some(t) => decode_token(&s.ids, t)?,
        None => Position::default(),
    };
    if uri.fs == FileSystem::Trash {
        return trash(s, user, cond, from, asked).await;
    }
    let limit = s.config.search_folder_limit;
    let segments = uri.segments.clone();
    let (folder, page, used, mut meta, policy) =
        s.db.call(move |c| {
            let folder = files::resolve(c, user.id, &segments, now_millis())?
                .filter(|f| f.file_type == TYPE_FOLDER)
                .ok_or_else(path_not_exist)?;
            let used = asked.settle(views::nearest(c, folder.id)?, default_view());
            let page = search::tree(c, folder.id, &cond, from, used.page_size as usize, limit)?;
            let meta = with_metadata(c, page.hits.iter().map(|(f, _)| f))?;
            let policy = policies::effective(c, folder.id)?;
            Ok((folder, page, used, meta, policy))
        })
        .await?;
    let base = CrUri {
        query: Vec::new(),
        ..uri.clone()
    };
    let files = page
        .hits
        .into_iter()
        .map(|(f, dir)| {
            let mut path = base.clone();
            path.segments.extend(dir);
            let m = meta.remove(&f.id).unwrap_or_default();
            to_wire(&s.ids, &f, &path.join(&f.name), Some(m))
        })
        .collect();
    let next_token = page.next.map(|p| encode_token(&s.ids, p));
    ok(ListResponse {
        files,
        parent: to_wire(&s.ids, &folder, &base, None),
        storage_policy: Some(policy.to_wire(&s.ids)),
        recursion_limit_reached: page.limited,
        ..searched(
            used,
            next_token,
            NavigatorProps {
                capability: my_capability(),
                max_page_size: MAX_PAGE_SIZE,
                order_by_options: None,
                order_direction_options: None,
            },
        )
    })
}

/// A search over the whole (flat) trash. Stored names are UUIDs, so clients search the original
/// location with `meta_sys:restore_uri=`; only creation order (either direction) is offered.
async fn trash(
    s: &AppState,
    user: UserRow,
    cond: Conditions,
    from: Position,
    asked: Asked,
) -> ApiResult<ListResponse> {
    let (rows, more, used, mut meta) =
        s.db.call(move |c| {
            let root = files::root_of(c, user.id, FS_TRASH, now_millis())?;
            let used = asked.settle(
                views::of_root(c, user.id, FileSystem::Trash.as_str())?,
                default_trash_view(),
            );
            let (rows, more) = search::flat(
                c,
                root.id,
                &cond,
                used.desc,
                from.after,
                used.page_size as usize,
            )?;
            let meta = with_metadata(c, rows.iter())?;
            Ok((rows, more, used, meta))
        })
        .await?;
    let next_token = more.then(|| rows.last()).flatten().map(|last| {
        encode_token(
            &s.ids,
            Position {
                level: 0,
                after: Some(last.id),
            },
        )
    });
    let files: Vec<FileResponse> = rows
        .iter()
        .map(|f| trashed_to_wire(s, f, meta.remove(&f.id).unwrap_or_default()))
        .collect();
    ok(ListResponse {
        files,
        ..searched(used, next_token, flat_props(TRASH_CAPABILITY))
    })
}

/// Props of a search over a root without folders (trash, shared_with_me): only creation order.
pub(super) fn flat_props(capability: &str) -> NavigatorProps {
    NavigatorProps {
        capability: Boolset::decode(capability).unwrap_or_default(),
        max_page_size: MAX_PAGE_SIZE,
        order_by_options: Some(vec!["created_at".into()]),
        order_direction_options: Some(vec!["asc".into(), "desc".into()]),
    }
}

/// The shape every search answer shares: cursor pages, mixed types, no folder of its own (callers
/// of `my` searches fill in the folder).
pub(super) fn searched(
    used: Settled,
    next_token: Option<String>,
    props: NavigatorProps,
) -> ListResponse {
    ListResponse {
        pagination: PaginationResults {
            page_size: used.page_size,
            next_token,
            is_cursor: true,
            ..PaginationResults::default()
        },
        props,
        context_hint: uuid::Uuid::new_v4().to_string(),
        mixed_type: true,
        view: Some(used.view),
        ..ListResponse::default()
    }
}

fn with_metadata<'a>(
    c: &rusqlite::Connection,
    rows: impl Iterator<Item = &'a FileRow>,
) -> Result<std::collections::HashMap<i64, BTreeMap<String, String>>, AppError> {
    let ids: Vec<i64> = rows.map(|r| r.id).collect();
    metadata::for_files(c, &ids)
}

fn encode_token(ids: &IdCodec, p: Position) -> String {
    let after = p
        .after
        .map(|id| ids.encode(Kind::File, id))
        .unwrap_or_default();
    format!("{}|{after}", p.level)
}

fn decode_token(ids: &IdCodec, token: &str) -> Result<Position, AppError> {
    let bad = || AppError::Param("Invalid page token".into());
    let (level, after) = token.split_once('|').ok_or_else(bad)?;
    let level = level.parse().map_err(|_| bad())?;
    let after = match after {
        "" => None,
        id => Some(ids.decode(Kind::File, id).ok_or_else(bad)?),
    };
    Ok(Position { level, after })
}
