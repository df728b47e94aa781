//! `GET /file/activities` (file.md §List file activities): the history of one of the caller's
//! files or folders (a folder's holds everything that happened inside it), in keyset pages of
//! event ids, filtered to all / mine / updates / reads. Only the owner sees a file's history.

use std::collections::HashMap;

use axum::extract::State;
use cloudreve_api::models::PaginationResults;
use cloudreve_api::models::{Activity, FileActivitiesResponse, ListActivitiesRequest, User};
use cloudreve_api::Timestamp;

use super::file_ops::{my_uri, resolve};
use super::share::redacted;
use super::ApiRouter;
use crate::error::{ok, ApiResult, AppError};
use crate::extract::{ApiQuery, AuthUser};
use crate::ids::Kind;
use crate::signing::EntityRef;
use crate::state::AppState;
use crate::store::activities::{self, Which};
use crate::store::users;

/// Largest page.
const MAX_PAGE: i64 = 200;

pub(super) fn routes(r: ApiRouter) -> ApiRouter {
    r.serve::<ListActivitiesRequest, _, _>(list)
}

async fn list(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    ApiQuery(q): ApiQuery<ListActivitiesRequest>,
) -> ApiResult<FileActivitiesResponse> {
    if !(10..=MAX_PAGE).contains(&q.page_size) {
        return Err(AppError::Param(format!(
            "page_size must be between 10 and {MAX_PAGE}"
        )));
    }
    let desc = match q.order_direction.as_deref().unwrap_or("asc") {
        "" | "asc" => false,
        "desc" => true,
        _ => return Err(AppError::Param("unknown order_direction".into())),
    };
    let which = match q.filter.as_deref().unwrap_or("") {
        "" => Which::All,
        "my" => Which::By(user.id),
        "updates" => Which::Updates,
        "reads" => Which::Reads,
        _ => return Err(AppError::Param("unknown filter".into())),
    };
    let after = match q.next_page_token.as_deref().filter(|t| !t.is_empty()) {
        None => None,
        Some(t) => Some(
            s.ids
                .decode(Kind::Activity, t)
                .ok_or_else(|| AppError::Param("Invalid page token".into()))?,
        ),
    };
    let uri = my_uri(&s, &q.uri, &user)?;
    let size = q.page_size;
    let ids = s.ids;
    s.db.call(move |c| {
        let file = resolve(c, user.id, &uri)?;
        // One more than asked tells whether another page follows.
        let mut rows = activities::page(c, file.id, which, desc, after, size + 1)?;
        let more = rows.len() as i64 > size;
        rows.truncate(size as usize);
        let mut people: HashMap<i64, Option<User>> = HashMap::new();
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            // Each person is looked up once per page.
            let actor = match row.actor_id {
                None => None,
                Some(id) => match people.entry(id) {
                    std::collections::hash_map::Entry::Occupied(e) => e.get().clone(),
                    std::collections::hash_map::Entry::Vacant(e) => e
                        .insert(users::by_id(c, id)?.map(|u| redacted(&ids, &u)))
                        .clone(),
                },
            };
            out.push(Activity {
                id: ids.encode(Kind::Activity, row.id),
                content: row.entry.clone(),
                created_at: Timestamp::from_unix_millis(row.created_at),
                user: actor,
                version_id: row
                    .entity_id
                    .map(|v| EntityRef::Version(v).encode(&ids))
                    .unwrap_or_default(),
            });
        }
        let next_token = more
            .then(|| rows.last())
            .flatten()
            .map(|last| ids.encode(Kind::Activity, last.id));
        ok(FileActivitiesResponse {
            activities: out,
            pagination: PaginationResults {
                page: 0,
                page_size: size,
                total_items: None,
                next_token,
                is_cursor: true,
            },
        })
    })
    .await
}
