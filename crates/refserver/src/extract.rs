//! Request extractors: JSON and query bodies whose rejections use the envelope, and the caller's
//! identity from the bearer token (session.md §How the server treats the Authorization header).

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Query};
use axum::http::header::{HeaderName, AUTHORIZATION, HOST};
use axum::http::request::Parts;
use cloudreve_api::Code;

use crate::auth::jwt::{self, Claims};
use crate::error::AppError;
use crate::ids::Kind;
use crate::state::{now_secs, AppState};
use crate::store::users::{self, UserRow};

/// A JSON body; malformed input answers code 40001.
#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(AppError))]
pub struct ApiJson<T>(pub T);

impl From<JsonRejection> for AppError {
    fn from(r: JsonRejection) -> Self {
        AppError::Param(match r {
            JsonRejection::JsonDataError(e) => format!("Parameter error: {}", e.body_text()),
            _ => "JSON marshall error".into(),
        })
    }
}

/// Query parameters; malformed input answers code 40001.
pub struct ApiQuery<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiQuery<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(q)| ApiQuery(q))
            .map_err(|e: QueryRejection| {
                AppError::Param(format!("Parameter error: {}", e.body_text()))
            })
    }
}

/// The caller: a signed-in user, or anonymous (no token, or an expired/invalid one).
pub struct Viewer(pub Option<UserRow>);

impl FromRequestParts<AppState> for Viewer {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Some(token) = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
        else {
            return Ok(Viewer(None));
        };
        // Expired, malformed or badly signed tokens are silently anonymous, as in Cloudreve.
        let Ok(claims) = jwt::verify::<Claims>(token.trim(), &state.secret, now_secs()) else {
            return Ok(Viewer(None));
        };
        if claims.token_type != "access" {
            return Err(AppError::code(
                Code::CredentialInvalid,
                "Invalid token type",
            ));
        }
        let Some(id) = state.ids.decode(Kind::User, &claims.sub) else {
            return Err(AppError::NotFound("User not found"));
        };
        match state.db.call(move |c| users::by_id(c, id)).await? {
            Some(user) if user.status == "active" => Ok(Viewer(Some(user))),
            _ => Err(AppError::code(Code::DbError, "failed to get login user")),
        }
    }
}

/// A signed-in caller; anonymous callers get code 401.
pub struct AuthUser(pub UserRow);

impl FromRequestParts<AppState> for AuthUser {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Viewer::from_request_parts(parts, state)
            .await?
            .0
            .map(AuthUser)
            .ok_or(AppError::LoginRequired)
    }
}

/// The site's URL as the caller reached it (`http[s]://host[:port]`, no trailing slash), for URLs
/// other programs must call back (a WOPI client's `WOPISrc`). `X-Forwarded-Proto: https` from a
/// TLS proxy makes it `https`; without a `Host` header it is the listen address.
pub struct SiteUrl(pub String);

impl FromRequestParts<AppState> for SiteUrl {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let header = |name: HeaderName| {
            parts
                .headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::trim)
                .filter(|v| !v.is_empty())
        };
        let scheme = match header(HeaderName::from_static("x-forwarded-proto")) {
            Some(p) if p.eq_ignore_ascii_case("https") => "https",
            _ => "http",
        };
        // Only host characters: nothing a caller sends can add a path or a query.
        let host = header(HOST)
            .filter(|h| {
                h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b))
            })
            .map_or_else(|| state.config.bind.to_string(), str::to_string);
        Ok(SiteUrl(format!("{scheme}://{host}")))
    }
}
