//! `GET /file` (listing with cursor or offset pages) and `POST /file/create` (file.md §3, §4).

use std::collections::BTreeMap;

use axum::extract::State;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use cloudreve_api::boolset::capability;
use cloudreve_api::models::{
    CreateFileRequest, CreateType, FileResponse, FileType, ListFilesRequest, ListResponse,
    NavigatorProps, PaginationResults,
};
use cloudreve_api::{Boolset, Code, CrUri, FileSystem, Timestamp};
use serde_json::json;

use super::lock::ensure_unlocked;
use super::search::{flat_props, searched};
use super::view::{default_trash_view, default_view, Asked};
use super::ApiRouter;
use crate::error::{ok, ApiResult, AppError};
use crate::extract::{ApiJson, ApiQuery, AuthUser, Viewer};
use crate::ids::{IdCodec, Kind};
use crate::search::Conditions;
use crate::state::{now_millis, AppState};
use crate::store::activities::{category, NewActivity};
use crate::store::files::{self, After, FileRow, OrderBy, Window, TYPE_FILE, TYPE_FOLDER};
use crate::store::locks::Scope;
use crate::store::users::UserRow;
use crate::store::{metadata, policies, versions, views};

/// Page size when neither the request nor a stored view names one.
pub(super) const DEFAULT_PAGE_SIZE: i64 = 100;
/// Larger page sizes are silently capped to this.
pub(super) const MAX_PAGE_SIZE: i64 = 2000;
/// Capability of the trash (models.md §File-system capability bits).
pub(super) const TRASH_CAPABILITY: &str = "AMIK";
/// Capability of the shared-with-me root.
pub(super) const SHARED_WITH_ME_CAPABILITY: &str = "gAKA";

pub(super) fn routes(r: ApiRouter) -> ApiRouter {
    r.serve::<ListFilesRequest, _, _>(list)
        .serve::<CreateFileRequest, _, _>(create)
}

pub(super) fn parse_uri(s: &str) -> Result<CrUri, AppError> {
    CrUri::parse(s).map_err(|_| AppError::Param("unknown uri".into()))
}

/// Checks that a `my` URI belongs to `user` (CE: only your own tree).
pub(super) fn check_owner(s: &AppState, uri: &CrUri, user: &UserRow) -> Result<(), AppError> {
    match &uri.id {
        None => Ok(()),
        Some(id) => match s.ids.decode(Kind::User, id) {
            Some(owner) if owner == user.id => Ok(()),
            Some(_) => Err(AppError::Forbidden("Not supported action")),
            None => Err(AppError::code(Code::ParentNotExist, "Path not exist")),
        },
    }
}

pub(super) fn my_capability() -> Boolset {
    Boolset::from_bits(capability::CE_MY.iter().copied())
}

/// The wire form of a row reached at `uri`.
pub(super) fn to_wire(
    ids: &IdCodec,
    f: &FileRow,
    uri: &CrUri,
    metadata: Option<BTreeMap<String, String>>,
) -> FileResponse {
    let path = if uri.is_root() {
        format!("{uri}/")
    } else {
        uri.to_string()
    };
    FileResponse {
        file_type: if f.file_type == TYPE_FOLDER {
            FileType::Folder
        } else {
            FileType::File
        },
        id: ids.encode(Kind::File, f.id),
        name: f.name.clone(),
        created_at: Timestamp::from_unix_millis(f.created_at),
        updated_at: Timestamp::from_unix_millis(f.updated_at),
        size: f.size,
        metadata,
        path,
        shared: false,
        capability: Some(my_capability()),
        owned: true,
        primary_entity: primary_entity(ids, f),
        ..FileResponse::default()
    }
}

/// The wire `primary_entity` of `f`: its current version, or the hash of 0 when it has none.
pub(super) fn primary_entity(ids: &IdCodec, f: &FileRow) -> String {
    match versions::current_entity(f) {
        Some(e) => e.encode(ids),
        None => ids.encode(Kind::Entity, 0),
    }
}

pub(super) fn encode_cursor(ids: &IdCodec, order: OrderBy, last: &FileRow) -> String {
    let key_field = if order == OrderBy::Name {
        "string"
    } else {
        "int"
    };
    let token = json!({ "id": ids.encode(Kind::File, last.id), key_field: order.key_of(last), "start_with_file": last.file_type == TYPE_FILE });
    STANDARD.encode(token.to_string())
}

pub(super) fn decode_cursor(ids: &IdCodec, token: &str) -> Result<After, AppError> {
    let bad = || AppError::Param("Invalid page token".into());
    let raw = STANDARD.decode(token).map_err(|_| bad())?;
    let v: serde_json::Value = serde_json::from_slice(&raw).map_err(|_| bad())?;
    let id = v["id"]
        .as_str()
        .and_then(|s| ids.decode(Kind::File, s))
        .ok_or_else(bad)?;
    let key = if v["string"].is_string() {
        v["string"].clone()
    } else if v["int"].is_i64() {
        v["int"].clone()
    } else {
        return Err(bad());
    };
    let file_type = if v["start_with_file"].as_bool().unwrap_or(false) {
        TYPE_FILE
    } else {
        TYPE_FOLDER
    };
    Ok(After { file_type, key, id })
}

pub(super) fn empty_listing(cap: &str) -> ListResponse {
    ListResponse {
        pagination: PaginationResults {
            page_size: DEFAULT_PAGE_SIZE,
            is_cursor: true,
            ..PaginationResults::default()
        },
        props: NavigatorProps {
            capability: Boolset::decode(cap).unwrap_or_default(),
            max_page_size: MAX_PAGE_SIZE,
            order_by_options: Some(vec![
                "name".into(),
                "size".into(),
                "updated_at".into(),
                "created_at".into(),
            ]),
            order_direction_options: Some(vec!["asc".into(), "desc".into()]),
        },
        context_hint: uuid::Uuid::new_v4().to_string(),
        ..ListResponse::default()
    }
}

async fn list(
    State(s): State<AppState>,
    viewer: Viewer,
    ApiQuery(q): ApiQuery<ListFilesRequest>,
) -> ApiResult<ListResponse> {
    let uri = parse_uri(&q.uri)?;
    let user = match uri.fs {
        FileSystem::Share => return super::share_listing::list(&s, viewer.0, uri, q).await,
        FileSystem::Other(_) => return Err(AppError::Param("unknown uri".into())),
        _ => viewer.0.ok_or(AppError::LoginRequired)?,
    };
    let search = Conditions::parse(&uri)?;
    let asked = Asked::parse(&q)?;
    match uri.fs {
        FileSystem::SharedWithMe if uri.is_root() => {
            // Every share shortcut the user saved, newest first, one flat page.
            let uid = user.id;
            let (stored, rows) =
                s.db.call(move |c| {
                    let stored = views::of_root(c, uid, FileSystem::SharedWithMe.as_str())?;
                    Ok((stored, metadata::shortcuts_of(c, uid)?))
                })
                .await?;
            let used = asked.settle(stored, default_view());
            if search.is_some() {
                return ok(searched(used, None, flat_props(SHARED_WITH_ME_CAPABILITY)));
            }
            let cap = Boolset::decode(SHARED_WITH_ME_CAPABILITY).unwrap_or_default();
            let files = rows
                .into_iter()
                .map(|(f, meta)| {
                    let id = s.ids.encode(Kind::File, f.id);
                    let at = CrUri::root(FileSystem::SharedWithMe).join(&id);
                    FileResponse {
                        capability: Some(cap.clone()),
                        ..to_wire(&s.ids, &f, &at, Some(meta))
                    }
                })
                .collect();
            return ok(ListResponse {
                files,
                view: Some(used.view),
                ..empty_listing(SHARED_WITH_ME_CAPABILITY)
            });
        }
        FileSystem::My => check_owner(&s, &uri, &user)?,
        FileSystem::Trash if uri.is_root() => {}
        _ => return Err(AppError::code(Code::ParentNotExist, "Path not exist")),
    }
    if let Some(cond) = search {
        return super::search::list(&s, user, &uri, cond, q.next_page_token, asked).await;
    }
    let in_trash = uri.fs == FileSystem::Trash;
    let cursor_mode = s.config.cursor_pagination;
    let window = if cursor_mode {
        Window::Cursor(
            q.next_page_token
                .as_deref()
                .filter(|t| !t.is_empty())
                .map(|t| decode_cursor(&s.ids, t))
                .transpose()?,
        )
    } else {
        Window::Page(q.page.unwrap_or(0).max(0))
    };
    let segments = uri.segments.clone();
    let (folder, rows, more, total, used, policy) =
        s.db.call(move |c| {
            let folder = if in_trash {
                Some(files::root_of(c, user.id, files::FS_TRASH, now_millis())?)
            } else {
                files::resolve(c, user.id, &segments, now_millis())?
            };
            let folder = folder
                .filter(|f| f.file_type == TYPE_FOLDER)
                .ok_or_else(|| AppError::code(Code::ParentNotExist, "Path not exist"))?;
            let used = if in_trash {
                let fs = FileSystem::Trash.as_str();
                asked.settle(views::of_root(c, user.id, fs)?, default_trash_view())
            } else {
                asked.settle(views::nearest(c, folder.id)?, default_view())
            };
            let (rows, more) =
                files::children(c, folder.id, used.order, used.desc, used.page_size, &window)?;
            let total = if cursor_mode {
                None
            } else {
                Some(files::count_children(c, folder.id)?)
            };
            let ids_of_page: Vec<i64> = rows.iter().map(|r| r.id).collect();
            let mut meta = metadata::for_files(c, &ids_of_page)?;
            let rows: Vec<_> = rows
                .into_iter()
                .map(|r| {
                    let m = meta.remove(&r.id).unwrap_or_default();
                    (r, m)
                })
                .collect();
            // The trash is no place to upload to, and its listing names no policy.
            let policy = if in_trash {
                None
            } else {
                Some(policies::effective(c, folder.id)?)
            };
            Ok((folder, rows, more, total, used, policy))
        })
        .await?;
    let ids = &s.ids;
    let next_token = (cursor_mode && more)
        .then(|| {
            rows.last()
                .map(|(last, _)| encode_cursor(ids, used.order, last))
        })
        .flatten();
    let page_size = used.page_size;
    if in_trash {
        // The trash root is a bare zero-valued parent, and its items show their original names.
        let files = rows
            .into_iter()
            .map(|(f, m)| super::file_ops::trashed_to_wire(&s, &f, m))
            .collect();
        let pagination = PaginationResults {
            page: if cursor_mode { 0 } else { q.page.unwrap_or(0) },
            page_size,
            total_items: total,
            next_token,
            is_cursor: cursor_mode,
        };
        return ok(ListResponse {
            files,
            pagination,
            view: Some(used.view),
            ..empty_listing(TRASH_CAPABILITY)
        });
    }
    let files = rows
        .into_iter()
        .map(|(f, m)| to_wire(ids, &f, &uri.join(&f.name), Some(m)))
        .collect();
    let base = empty_listing("w8edAQ==");
    ok(ListResponse {
        files,
        parent: to_wire(ids, &folder, &uri, None),
        pagination: PaginationResults {
            page: if cursor_mode { 0 } else { q.page.unwrap_or(0) },
            page_size,
            total_items: total,
            next_token,
            is_cursor: cursor_mode,
        },
        storage_policy: policy.map(|p| p.to_wire(ids)),
        view: Some(used.view),
        ..base
    })
}

/// The metadata a new item may start with: only a share shortcut's pair ("save to my files",
/// share.md step 5), checked as CE does (a well-formed share URI and user id, no existence check).
fn shortcut_metadata(
    s: &AppState,
    given: Option<&BTreeMap<String, String>>,
) -> Result<Vec<(String, String)>, AppError> {
    let Some(given) = given.filter(|m| !m.is_empty()) else {
        return Ok(Vec::new());
    };
    let bad = |why: &str| AppError::Param(why.to_string());
    let redirect = given
        .get(metadata::SHARED_REDIRECT)
        .ok_or_else(|| bad("only share shortcut metadata can be set on create"))?;
    let target = CrUri::parse(redirect).map_err(|_| bad("invalid shared_redirect"))?;
    if target.fs != FileSystem::Share || target.id.is_none() {
        return Err(bad("shared_redirect must be a share URI"));
    }
    let owner = given
        .get(metadata::SHARED_OWNER)
        .ok_or_else(|| bad("shared_owner is required"))?;
    if s.ids.decode(Kind::User, owner).is_none() {
        return Err(bad("invalid shared_owner"));
    }
    if given.len() > 2 {
        return Err(bad("only share shortcut metadata can be set on create"));
    }
    Ok(vec![
        (metadata::SHARED_REDIRECT.to_string(), redirect.clone()),
        (metadata::SHARED_OWNER.to_string(), owner.clone()),
    ])
}

/// The checks a path to create (a folder, a file, an upload) must pass before the database is
/// asked: not the root, and every name allowed.
pub(super) fn check_new_path(uri: &CrUri) -> Result<(), AppError> {
    if uri.is_root() {
        return Err(AppError::code(
            Code::RootProtected,
            "Operation not allowed on root folder",
        ));
    }
    if !uri.segments.iter().all(|n| valid_name(n)) {
        return Err(AppError::code(
            Code::IllegalObjectName,
            "Invalid object name",
        ));
    }
    Ok(())
}

/// Whether `name` is a legal object name (file.md §Create file).
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() < 256
        && name != "."
        && name != ".."
        && !name.contains(['\\', '/', ':', '*', '?', '"', '<', '>', '|'])
        && !name.chars().any(char::is_control)
}

async fn create(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    ApiJson(req): ApiJson<CreateFileRequest>,
) -> ApiResult<FileResponse> {
    let uri = parse_uri(&req.uri)?;
    if uri.fs != FileSystem::My || uri.is_search() {
        return Err(AppError::Forbidden("Not supported action"));
    }
    check_owner(&s, &uri, &user)?;
    check_new_path(&uri)?;
    let shortcut = shortcut_metadata(&s, req.metadata.as_ref())?;
    let want = if req.file_type == CreateType::Folder {
        TYPE_FOLDER
    } else {
        TYPE_FILE
    };
    let segments = uri.segments.clone();
    let row =
        s.db.call(move |c| {
            let now = now_millis();
            let tx = c.transaction()?;
            let mut cur = files::root(&tx, user.id, now)?;
            let (last, ancestors) = segments.split_last().ok_or_else(|| {
                AppError::code(Code::RootProtected, "Operation not allowed on root folder")
            })?;
            // Only what is created minds locks: an existing item is returned untouched, as in CE.
            // Each item made (the missing folders on the way too) enters its history.
            let make = |parent: &FileRow, at: &CrUri, kind: i64| {
                ensure_unlocked(&tx, user.id, &[Scope::Into(parent.id)])?;
                let made = files::create(&tx, parent, at.name(), kind, 0, None, now)?;
                NewActivity::new(
                    made.id,
                    Some(user.id),
                    category::FILE_CREATE,
                    &at.to_string(),
                )
                .record(&tx, now)?;
                Ok::<_, AppError>(made)
            };
            let mut at = CrUri::my();
            for seg in ancestors {
                at = at.join(seg);
                cur = match files::child(&tx, cur.id, seg)? {
                    Some(f) if f.file_type == TYPE_FOLDER => f,
                    Some(_) => return Err(AppError::code(Code::ObjectExist, "Object existed")),
                    None => make(&cur, &at, TYPE_FOLDER)?,
                };
            }
            let row = match files::child(&tx, cur.id, last)? {
                // A shortcut is always a new item: an existing one is no shortcut to reuse.
                Some(f) if f.file_type == want && !req.err_on_conflict && shortcut.is_empty() => f,
                Some(_) => return Err(AppError::code(Code::ObjectExist, "Object existed")),
                None => make(&cur, &at.join(last), want)?,
            };
            for (k, v) in &shortcut {
                metadata::set(&tx, row.id, k, v)?;
            }
            tx.commit()?;
            Ok(row)
        })
        .await?;
    ok(to_wire(&s.ids, &row, &uri, None))
}
