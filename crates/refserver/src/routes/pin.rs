//! Sidebar pins (file.md §4 "Pins"): `PUT /file/pin` and `DELETE /file/pin`. The list itself is
//! read back as `pined` on the user.

use axum::extract::State;
use cloudreve_api::models::{PinFileRequest, UnpinFileRequest};

use super::file::parse_uri;
use super::ApiRouter;
use crate::error::{ok, ApiResult, AppError};
use crate::extract::{ApiJson, AuthUser};
use crate::state::AppState;
use crate::store::pins;

pub(super) fn routes(r: ApiRouter) -> ApiRouter {
    r.serve::<PinFileRequest, _, _>(pin)
        .serve::<UnpinFileRequest, _, _>(unpin)
}

/// The stored form of a pinned URI: checked to be a `cloudreve://` URI, then kept as sent except
/// for trailing slashes on its path, so a search URI keeps the query the client wrote. Whether it
/// exists is not checked.
fn normalise(raw: &str) -> Result<String, AppError> {
    parse_uri(raw)?;
    Ok(match raw.split_once('?') {
        Some((path, query)) => format!("{}?{query}", path.trim_end_matches('/')),
        None => raw.trim_end_matches('/').to_string(),
    })
}

async fn pin(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    ApiJson(req): ApiJson<PinFileRequest>,
) -> ApiResult<()> {
    let uri = normalise(&req.uri)?;
    let name = req.name.unwrap_or_default();
    s.db.call(move |c| pins::add(c, user.id, &uri, &name))
        .await?;
    ok(())
}

async fn unpin(
    State(s): State<AppState>,
    AuthUser(user): AuthUser,
    ApiJson(req): ApiJson<UnpinFileRequest>,
) -> ApiResult<()> {
    let uri = normalise(&req.uri)?;
    s.db.call(move |c| pins::remove(c, user.id, &uri)).await?;
    ok(())
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn trailing_slashes_go_and_the_rest_stays() {
        assert_eq!(
            normalise("cloudreve://my/a/").ok().as_deref(),
            Some("cloudreve://my/a")
        );
        assert_eq!(
            normalise("cloudreve://my/").ok().as_deref(),
            Some("cloudreve://my")
        );
        assert_eq!(
            normalise("cloudreve://my/a/?name=x%20y&case_folding")
                .ok()
                .as_deref(),
            Some("cloudreve://my/a?name=x%20y&case_folding")
        );
        assert!(normalise("http://my/a").is_err());
    }
}
