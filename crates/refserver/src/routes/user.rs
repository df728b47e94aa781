//! `GET /user/me`, `GET /user/capacity`.

use axum::extract::State;
use cloudreve_api::endpoints::user::{GetCapacity, GetMe};
use cloudreve_api::models::{Capacity, User};

use super::ApiRouter;
use crate::error::{ok, ApiResult};
use crate::extract::AuthUser;
use crate::state::AppState;
use crate::store::users;

pub(super) fn routes(r: ApiRouter) -> ApiRouter {
    r.serve::<GetMe, _, _>(me)
        .serve::<GetCapacity, _, _>(capacity)
}

async fn me(State(s): State<AppState>, AuthUser(user): AuthUser) -> ApiResult<User> {
    ok(user.to_wire(&s.ids))
}

async fn capacity(State(s): State<AppState>, AuthUser(user): AuthUser) -> ApiResult<Capacity> {
    let total = user.max_storage;
    let used = s.db.call(move |c| users::used_storage(c, user.id)).await?;
    ok(Capacity {
        total,
        used,
        ..Capacity::default()
    })
}
