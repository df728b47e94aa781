//! Share links (share.md): `PUT /share`, `POST /share/{id}`, `GET /share/info/{id}`, `GET /share`,
//! `DELETE /share/{id}`, and a user's public shares `GET /user/shares/{id}`.

use axum::extract::{Path, State};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use cloudreve_api::boolset;
use cloudreve_api::endpoints::user::GetUserInfo;
use cloudreve_api::models::{
    CreateShareRequest, DeleteShareRequest, EditShareRequest, GetShareInfoRequest,
    ListMySharesRequest, ListShareResponse, ListUserSharesRequest, PaginationResults, Share,
    ShareSourceType, User,
};
use cloudreve_api::{Boolset, Code, CrUri, FileSystem, Timestamp};
use rand::Rng;
use rusqlite::Connection;
use serde_json::json;

use super::file::{check_owner, parse_uri};
use super::share_access::{self, not_found};
use super::ApiRouter;
use crate::error::{ok, ApiResult, AppError};
use crate::extract::{ApiJson, ApiQuery, AuthUser, SiteUrl, Viewer};
use crate::ids::{IdCodec, Kind};
use crate::state::{now_millis, AppState};
use crate::store::activities::{category, NewActivity};
use crate::store::files::{self, TYPE_FOLDER};
use crate::store::shares::{self, Order, Settings, ShareRow, Which};
use crate::store::users::{self, UserRow, ADMIN_GROUP};

pub(super) fn routes(r: ApiRouter) -> ApiRouter {
    r.serve::<CreateShareRequest, _, _>(create)
        .serve::<EditShareRequest, _, _>(edit)
        .serve::<GetShareInfoRequest, _, _>(info)
        .serve::<ListMySharesRequest, _, _>(list_mine)
        .serve::<DeleteShareRequest, _, _>(delete)
        .serve::<ListUserSharesRequest, _, _>(list_public)
        .serve::<GetUserInfo, _, _>(user_info)
}

/// The short link of a share, with the password when the caller may see it.
pub fn short_link(site: &str, ids: &IdCodec, share: &ShareRow, with_password: bool) -> String {
    let id = ids.encode(Kind::Share, share.id);
    if with_password && !share.password.is_empty() {
        format!("{site}/s/{id}/{}", share.password)
    } else {
        format!("{site}/s/{id}")
    }
}

/// The `my` URI of the item `file` as it is now (`""` once it left `my`).
pub fn item_uri(c: &Connection, file: i64) -> Result<String, AppError> {
    Ok(shares::path_in_my(c, file)?
        .map(|segments| {
            segments
                .iter()
                .fold(CrUri::my(), |u, s| u.join(s))
                .to_string()
        })
        .unwrap_or_default())
}

/// A user as other people see them (models.md §User, redacted).
pub fn redacted(ids: &IdCodec, u: &UserRow) -> User {
    User {
        id: ids.encode(Kind::User, u.id),
        nickname: u.nickname.clone(),
        created_at: Timestamp::from_unix_millis(u.created_at),
        group: Some(cloudreve_api::models::Group {
            id: ids.encode(Kind::Group, u.group_id),
            name: u.group_name.clone(),
            ..Default::default()
        }),
        ..User::default()
    }
}

/// How much of a share the caller sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Audience {
    /// The owner: everything.
    Owner,
    /// A visitor who gave the password (or none was needed).
    Unlocked,
    /// A visitor without the password, or a public profile listing.
    Locked,
}

/// Everything the wire form of one share needs.
struct Wire<'a> {
    share: &'a ShareRow,
    name: String,
    folder: bool,
    owner: &'a UserRow,
    /// Expired by time, downloads, or a source that left `my`.
    expired: bool,
    source_uri: Option<String>,
}

fn to_wire(ids: &IdCodec, site: &str, w: Wire<'_>, audience: Audience) -> Share {
    let share = w.share;
    let open = audience != Audience::Locked;
    let owner = audience == Audience::Owner;
    Share {
        id: ids.encode(Kind::Share, share.id),
        name: w.name,
        visited: share.visited,
        downloaded: if open { share.downloaded } else { 0 },
        remain_downloads: share.remain_downloads.filter(|_| open),
        expires: share
            .expires_at
            .filter(|_| open)
            .map(Timestamp::from_unix_millis),
        unlocked: open,
        source_type: if w.folder {
            ShareSourceType::Folder
        } else {
            ShareSourceType::File
        },
        owner: redacted(ids, w.owner),
        created_at: Timestamp::from_unix_millis(share.created_at),
        expired: w.expired,
        url: short_link(site, ids, share, open),
        is_private: owner && !share.password.is_empty(),
        password: if open {
            share.password.clone()
        } else {
            String::new()
        },
        share_view: owner && share.share_view,
        source_uri: w.source_uri.unwrap_or_default(),
        show_readme: share.show_readme,
        password_protected: !share.password.is_empty(),
        ..Share::default()
    }
}

/// A share row with its item and owner looked up, for lists.
fn wire_of(
    c: &Connection,
    share: &ShareRow,
    now_ms: i64,
) -> Result<Option<(String, bool, UserRow, bool)>, AppError> {
    let Some(owner) = users::by_id(c, share.owner_id)? else {
        return Ok(None);
    };
    let Some(item) = files::by_id(c, share.file_id)? else {
        return Ok(None);
    };
    let in_my = shares::path_in_my(c, item.id)?.is_some();
    let expired = share.is_spent(now_ms) || !in_my || owner.status != "active";
    Ok(Some((
        item.name,
        item.file_type == TYPE_FOLDER,
        owner,
        expired,
    )))
}

/// A password for a new private share: the caller's (letters and digits, at most 32) or 8 random
/// lower-case letters.
fn choose_password(req: &CreateShareRequest) -> Result<String, AppError> {
    if !req.is_private {
        return Ok(String::new());
    }
    if req.password.is_empty() {
        let mut rng = rand::thread_rng();
        return Ok((0..8).map(|_| rng.gen_range(b'a'..=b'z') as char).collect());
    }
    if req.password.len() > 32 || !req.password.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(AppError::Param(
            "Password must be letters and digits, at most 32".into(),
        ));
    }
    Ok(req.password.clone())
}

fn settings_of(req: &CreateShareRequest, now_ms: i64) -> Result<Settings, AppError> {
    if req.expire < 0 || req.downloads < 0 {
        return Err(AppError::Param(
            "expire and downloads must not be negative".into(),
        ));
    }
    Ok(Settings {
        expires_at: (req.expire > 0)
            .then(|| now_ms.saturating_add(req.expire.saturating_mul(1000))),
        remain_downloads: (req.downloads > 0).then_some(req.downloads),
        share_view: req.share_view,
        show_readme: req.show_readme,
    })
}

/// The item of the caller's `my` tree a create or edit names: 403 for the root or another tree,
/// 404 when missing.
fn source_uri(s: &AppState, raw: &str, user: &UserRow) -> Result<CrUri, AppError> {
    let uri = parse_uri(raw)?;
    if uri.fs != FileSystem::My || uri.is_search() {
        return Err(AppError::NotFound("src file not found"));
    }
    check_owner(s, &uri, user)?;
    if uri.is_root() {
        return Err(AppError::Forbidden("Cannot share the root folder"));
    }
    Ok(uri)
}

fn may_share(user: &UserRow) -> Result<(), AppError> {
    let allowed =
        Boolset::decode(&user.group_permission).is_ok_and(|b| b.get(boolset::group::SHARE));
    if allowed {
        Ok(())
    } else {
        Err(AppError::code(
            Code::GroupNotAllowed,
            "Group not allowed to share",
        ))
    }
}

async fn create(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    SiteUrl(site): SiteUrl,
    ApiJson(req): ApiJson<CreateShareRequest>,
) -> ApiResult<String> {
    may_share(&user)?;
    let uri = source_uri(&s, &req.uri, &user)?;
    let now = now_millis();
    let password = choose_password(&req)?;
    let settings = settings_of(&req, now)?;
    let ids = s.ids;
    let link =
        s.db.call(move |c| {
            let item = files::resolve(c, user.id, &uri.segments, now)?
                .ok_or(AppError::NotFound("src file not found"))?;
            let id = shares::insert(c, user.id, item.id, &password, &settings, now)?;
            let share = shares::by_id(c, id)?.ok_or_else(not_found)?;
            NewActivity::new(item.id, Some(user.id), category::SHARE, &uri.to_string())
                .ext("share_id", &ids.encode(Kind::Share, id))
                .record(c, now)?;
            Ok(short_link(&site, &ids, &share, true))
        })
        .await?;
    ok(link)
}

async fn edit(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    SiteUrl(site): SiteUrl,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<EditShareRequest>,
) -> ApiResult<String> {
    may_share(&user)?;
    let uri = source_uri(&s, &req.body.uri, &user)?;
    let share_id = s.ids.decode(Kind::Share, &id).ok_or_else(not_found)?;
    let now = now_millis();
    let settings = settings_of(&req.body, now)?;
    let ids = s.ids;
    let link =
        s.db.call(move |c| {
            let share = shares::by_id(c, share_id)?
                .filter(|sh| sh.owner_id == user.id)
                .ok_or(AppError::NotFound("share link not found"))?;
            let item = files::resolve(c, user.id, &uri.segments, now)?;
            if item.map(|f| f.id) != Some(share.file_id) {
                return Err(AppError::NotFound("share link not found"));
            }
            shares::update(c, share.id, &settings)?;
            let share = shares::by_id(c, share.id)?.ok_or_else(not_found)?;
            NewActivity::new(
                share.file_id,
                Some(user.id),
                category::EDIT_SHARE,
                &uri.to_string(),
            )
            .ext("share_id", &ids.encode(Kind::Share, share.id))
            .record(c, now)?;
            Ok(short_link(&site, &ids, &share, true))
        })
        .await?;
    ok(link)
}

async fn info(
    State(s): State<AppState>,
    viewer: Viewer,
    SiteUrl(site): SiteUrl,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<GetShareInfoRequest>,
) -> ApiResult<Share> {
    let ids = s.ids;
    let now = now_millis();
    let share =
        s.db.call(move |c| {
            let viewer = viewer.0.as_ref();
            // Visitors meet 404 on an expired link; its owner still sees it (to edit it back).
            let (opened, expired) = match share_access::live(c, &ids, &id, now) {
                Ok(o) => (o, false),
                Err(e) => match share_access::any_state(c, &ids, &id)? {
                    Some(o) if viewer.is_some_and(|u| u.id == o.share.owner_id) => (o, true),
                    _ => return Err(e),
                },
            };
            let is_owner = viewer.is_some_and(|u| u.id == opened.share.owner_id);
            let audience = if is_owner {
                Audience::Owner
            } else if share_access::unlocked(&opened.share, viewer, q.password.as_deref()) {
                Audience::Unlocked
            } else {
                Audience::Locked
            };
            if q.count_views == Some(true) {
                shares::count_view(c, opened.share.id)?;
                // The owner's history shows the visit (anonymous visitors as nobody).
                let root = opened.root.id;
                NewActivity::new(
                    root,
                    viewer.map(|u| u.id),
                    category::SHARE_LINK_VIEWED,
                    &item_uri(c, root)?,
                )
                .ext("share_id", &ids.encode(Kind::Share, opened.share.id))
                .record(c, now_millis())?;
            }
            let share = shares::by_id(c, opened.share.id)?.ok_or_else(not_found)?;
            let source_uri = (is_owner && q.owner_extended == Some(true))
                .then(|| my_uri_of(c, &ids, &opened.owner, opened.root.id))
                .transpose()?
                .flatten();
            let wire = Wire {
                share: &share,
                name: opened.root.name.clone(),
                folder: !opened.is_file(),
                owner: &opened.owner,
                expired,
                source_uri,
            };
            Ok(to_wire(&ids, &site, wire, audience))
        })
        .await?;
    ok(share)
}

/// The owner's view of the shares of file `file` (for `extended_info.shares`).
pub(super) fn of_file(
    c: &Connection,
    ids: &IdCodec,
    site: &str,
    file: i64,
) -> Result<Vec<Share>, AppError> {
    let now = now_millis();
    let mut out = Vec::new();
    for share in shares::of_file(c, file)? {
        if let Some((name, folder, owner, expired)) = wire_of(c, &share, now)? {
            let wire = Wire {
                share: &share,
                name,
                folder,
                owner: &owner,
                expired,
                source_uri: None,
            };
            out.push(to_wire(ids, site, wire, Audience::Owner));
        }
    }
    Ok(out)
}

/// `cloudreve://{owner}@my/path` of a file still in `my`.
fn my_uri_of(
    c: &Connection,
    _ids: &IdCodec,
    _owner: &UserRow,
    file: i64,
) -> Result<Option<String>, AppError> {
    Ok(shares::path_in_my(c, file)?.map(|segments| {
        let mut uri = CrUri::my();
        for seg in &segments {
            uri = uri.join(seg);
        }
        uri.to_string()
    }))
}

/// Parses a share page token: standard base64 of `{"k": key, "i": id}`.
fn decode_token(raw: Option<&str>) -> Result<Option<(i64, i64)>, AppError> {
    let Some(raw) = raw.filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    let bad = || AppError::Param("Invalid page token".into());
    let bytes = STANDARD.decode(raw).map_err(|_| bad())?;
    let v: serde_json::Value = serde_json::from_slice(&bytes).map_err(|_| bad())?;
    match (v["k"].as_i64(), v["i"].as_i64()) {
        (Some(k), Some(i)) => Ok(Some((k, i))),
        _ => Err(bad()),
    }
}

/// The query of both share lists.
struct PageQuery {
    size: i64,
    order: Order,
    desc: bool,
    after: Option<(i64, i64)>,
}

fn page_query(
    size: i64,
    order_by: Option<&str>,
    direction: Option<&str>,
    token: Option<&str>,
) -> Result<PageQuery, AppError> {
    if !(10..=100).contains(&size) {
        return Err(AppError::Param(
            "page_size must be between 10 and 100".into(),
        ));
    }
    let order = Order::parse(order_by).ok_or_else(|| AppError::Param("unknown order_by".into()))?;
    let desc = match direction.unwrap_or("asc") {
        "" | "asc" => false,
        "desc" => true,
        _ => return Err(AppError::Param("unknown order_direction".into())),
    };
    Ok(PageQuery {
        size,
        order,
        desc,
        after: decode_token(token)?,
    })
}

/// One page of `owner`'s shares in wire form.
fn listed(
    c: &Connection,
    ids: &IdCodec,
    site: &str,
    owner: i64,
    which: Which,
    q: &PageQuery,
) -> Result<ListShareResponse, AppError> {
    let now = now_millis();
    let (rows, more) = shares::page(c, owner, which, q.order, q.desc, q.size, q.after)?;
    let audience = if which == Which::All {
        Audience::Owner
    } else {
        Audience::Locked
    };
    let mut out = Vec::with_capacity(rows.len());
    for share in &rows {
        let Some((name, folder, owner_row, expired)) = wire_of(c, share, now)? else {
            continue;
        };
        // A profile shows what visitors can still open.
        if which == Which::Public && expired {
            continue;
        }
        let wire = Wire {
            share,
            name,
            folder,
            owner: &owner_row,
            expired,
            source_uri: None,
        };
        out.push(to_wire(ids, site, wire, audience));
    }
    let next_token = more
        .then(|| rows.last())
        .flatten()
        .map(|last| STANDARD.encode(json!({"k": q.order.key_of(last), "i": last.id}).to_string()));
    Ok(ListShareResponse {
        shares: out,
        pagination: PaginationResults {
            page: 0,
            page_size: q.size,
            total_items: None,
            next_token,
            is_cursor: true,
        },
    })
}

async fn list_mine(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    SiteUrl(site): SiteUrl,
    ApiQuery(q): ApiQuery<ListMySharesRequest>,
) -> ApiResult<ListShareResponse> {
    let pq = page_query(
        q.page_size,
        q.order_by.as_deref(),
        q.order_direction.as_deref(),
        q.next_page_token.as_deref(),
    )?;
    let ids = s.ids;
    ok(s.db
        .call(move |c| listed(c, &ids, &site, user.id, Which::All, &pq))
        .await?)
}

async fn list_public(
    State(s): State<AppState>,
    SiteUrl(site): SiteUrl,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<ListUserSharesRequest>,
) -> ApiResult<ListShareResponse> {
    let pq = page_query(
        q.page_size,
        q.order_by.as_deref(),
        q.order_direction.as_deref(),
        q.next_page_token.as_deref(),
    )?;
    let owner = s
        .ids
        .decode(Kind::User, &id)
        .ok_or(AppError::NotFound("User not found"))?;
    let ids = s.ids;
    ok(s.db
        .call(move |c| listed(c, &ids, &site, owner, Which::Public, &pq))
        .await?)
}

async fn delete(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    Path(id): Path<String>,
) -> ApiResult<()> {
    let share_id = s.ids.decode(Kind::Share, &id).ok_or_else(not_found)?;
    s.db.call(move |c| {
        let share = shares::by_id(c, share_id)?
            .filter(|sh| sh.owner_id == user.id || user.group_id == ADMIN_GROUP)
            .ok_or_else(not_found)?;
        shares::delete(c, share.id)?;
        NewActivity::new(
            share.file_id,
            Some(user.id),
            category::DELETE_SHARE,
            &item_uri(c, share.file_id)?,
        )
        .ext("share_id", &id)
        .record(c, now_millis())
    })
    .await?;
    ok(())
}

async fn user_info(State(s): State<AppState>, Path(id): Path<String>) -> ApiResult<User> {
    let missing = || AppError::NotFound("User not found");
    let uid = s.ids.decode(Kind::User, &id).ok_or_else(missing)?;
    let ids = s.ids;
    let user =
        s.db.call(move |c| users::by_id(c, uid)?.ok_or_else(missing))
            .await?;
    ok(redacted(&ids, &user))
}
