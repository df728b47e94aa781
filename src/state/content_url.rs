//! Temporary content URLs (`POST /file/url`): what viewers put in `src` and downloads follow.
//! The URL carries its own signature, so no token ever goes into it.

use cloudreve_api::models::CreateDownloadUrlRequest;
use cloudreve_api::{ApiError, Code};

use crate::state::session::{CallExtras, Session};

/// What to ask a URL for.
#[derive(Debug, Clone, Default)]
pub struct UrlRequest {
    /// The file URI.
    pub uri: String,
    /// A specific version (entity id); the current one when `None`.
    pub entity: Option<String>,
    /// Ask for `Content-Disposition: attachment`.
    pub download: bool,
    /// The listing's context hint.
    pub hint: Option<String>,
}

/// One temporary URL for `req`.
pub async fn content_url(session: Session, req: UrlRequest) -> Result<String, ApiError> {
    let call = CreateDownloadUrlRequest {
        uris: vec![req.uri],
        download: req.download,
        entity: req.entity,
        ..CreateDownloadUrlRequest::default()
    };
    first_url(session, &call, req.hint).await
}

/// The first URL `POST /file/url` answers for `call` (an empty one counts as missing: 40077).
pub async fn first_url(
    session: Session,
    call: &CreateDownloadUrlRequest,
    hint: Option<String>,
) -> Result<String, ApiError> {
    let extras = CallExtras {
        context_hint: hint,
        ..CallExtras::default()
    };
    let answer = session.call_with(call, &extras).await?;
    answer
        .urls
        .into_iter()
        .next()
        .map(|u| u.url)
        .filter(|u| !u.is_empty())
        .ok_or(ApiError::Server {
            code: Code::EntityNotExist,
            msg: String::new(),
            correlation_id: None,
        })
}
