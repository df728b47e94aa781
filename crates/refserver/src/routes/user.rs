//! `GET /user/me`, `GET /user/capacity`.

use axum::extract::State;
use cloudreve_api::endpoints::user::{GetCapacity, GetMe};
use cloudreve_api::models::{Capacity, User};

use super::ApiRouter;
use crate::error::{ok, ApiResult, AppError};
use crate::extract::AuthUser;
use crate::state::AppState;
use crate::store::pins;
use crate::store::users::{self, UserRow};

pub(super) fn routes(r: ApiRouter) -> ApiRouter {
    r.serve::<GetMe, _, _>(me)
        .serve::<GetCapacity, _, _>(capacity)
}

/// The full user object for the signed-in user themself, with what lives in their settings
/// (`pined`): `GET /user/me`, sign-in answers and the site config all return this.
pub(super) async fn own_profile(s: &AppState, user: &UserRow) -> Result<User, AppError> {
    let id = user.id;
    let pined = s.db.call(move |c| pins::list(c, id)).await?;
    Ok(User {
        pined,
        ..user.to_wire(&s.ids)
    })
}

async fn me(State(s): State<AppState>, AuthUser(user): AuthUser) -> ApiResult<User> {
    ok(own_profile(&s, &user).await?)
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
