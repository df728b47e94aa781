//! `GET /s/{id}[/{password}]` (share.md §Short link): the public short link answers `302` to the
//! app's file browser on the share's URI, as Cloudreve does.

use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use cloudreve_api::uri::encode_component;
use cloudreve_api::CrUri;

fn to_share(id: &str, password: Option<&str>) -> impl IntoResponse {
    let uri = CrUri::share(id, password.filter(|p| !p.is_empty())).to_string();
    let location = format!("/home?path={}", encode_component(&uri));
    (StatusCode::FOUND, [(header::LOCATION, location)])
}

/// `/s/{id}`.
pub async fn redirect(Path(id): Path<String>) -> impl IntoResponse {
    to_share(&id, None)
}

/// `/s/{id}/{password}`.
pub async fn redirect_with_password(
    Path((id, password)): Path<(String, String)>,
) -> impl IntoResponse {
    to_share(&id, Some(&password))
}
