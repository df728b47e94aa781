//! `GET /callback/s3/{session_id}/{key}` (callback.md): the browser says it completed an S3
//! multipart upload. Unlike every other route, failures change the HTTP status: 401 when there is
//! no such session (40011) or it is not an S3 one (40006), 400 when completion fails (40055...).

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cloudreve_api::endpoints::callback::S3Callback;
use cloudreve_api::Code;

use super::ApiRouter;
use crate::error::{ok, AppError};
use crate::state::AppState;
use crate::uploads::{direct, parts};

pub(super) fn routes(r: ApiRouter) -> ApiRouter {
    r.serve::<S3Callback, _, _>(s3)
}

/// The HTTP status of a failed client-called callback (callback.md's table).
fn status_of(e: &AppError) -> StatusCode {
    match e {
        AppError::Code(Code::UploadSessionExpired | Code::PolicyNotAllowed, _) => {
            StatusCode::UNAUTHORIZED
        }
        _ => StatusCode::BAD_REQUEST,
    }
}

async fn s3(
    State(s): State<AppState>,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Response {
    let gone = || {
        AppError::code(
            Code::UploadSessionExpired,
            "Upload session not exist or expired",
        )
    };
    // Only ids of the one form we make can name a session.
    let session = path
        .ok()
        .and_then(|Path((id, key))| parts::canonical_id(&id).map(|id| (id, key)));
    let done = match session {
        Some((id, key)) => direct::callback(&s, id, key).await,
        None => Err(gone()),
    };
    match done {
        Ok(()) => ok(()).into_response(),
        Err(e) => (status_of(&e), e).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_follow_the_callback_table() {
        let code = |c| AppError::code(c, "");
        assert_eq!(
            status_of(&code(Code::UploadSessionExpired)),
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            status_of(&code(Code::PolicyNotAllowed)),
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            status_of(&code(Code::MetaMismatch)),
            StatusCode::BAD_REQUEST
        );
        assert_eq!(
            status_of(&AppError::Internal(anyhow::anyhow!("x"))),
            StatusCode::BAD_REQUEST
        );
    }
}
