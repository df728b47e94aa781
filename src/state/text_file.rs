//! A text file's content for the text and markdown viewers: fetched through a signed content URL
//! (no token in it) and saved with `PUT /file/content` and the version the editor started from.

use cloudreve_api::models::{FileResponse, GetFileInfoRequest, UpdateContentRequest};
use cloudreve_api::{ApiError, Code, Outcome};

use crate::api::HttpCall;
use crate::state::content_url::{content_url, UrlRequest};
use crate::state::session::{CallExtras, Session};

/// Content as loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The text, invalid UTF-8 replaced by U+FFFD.
    pub text: String,
    /// Whether bytes had to be replaced (saving would write the replacements).
    pub lossy: bool,
}

/// The current content of `file`.
pub async fn load_text(session: Session, file: &FileResponse) -> Result<Loaded, ApiError> {
    let url = content_url(
        session,
        UrlRequest {
            uri: file.path.clone(),
            entity: (!file.primary_entity.is_empty()).then(|| file.primary_entity.clone()),
            ..UrlRequest::default()
        },
    )
    .await?;
    let network = |e: gloo_net::Error| ApiError::Network(e.to_string());
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(network)?;
    if !response.ok() {
        return Err(ApiError::Network(format!("HTTP {}", response.status())));
    }
    let bytes = response.binary().await.map_err(network)?;
    Ok(decode(bytes))
}

/// `bytes` as text, with invalid sequences replaced.
pub fn decode(bytes: Vec<u8>) -> Loaded {
    match String::from_utf8(bytes) {
        Ok(text) => Loaded { text, lossy: false },
        Err(e) => Loaded {
            text: String::from_utf8_lossy(e.as_bytes()).into_owned(),
            lossy: true,
        },
    }
}

/// Writes `text` to the file at `uri` (creating it when missing). With `previous`, the server
/// refuses with 40076 when the file's current version is another one.
pub async fn save_text(
    session: Session,
    uri: String,
    previous: Option<String>,
    text: String,
) -> Result<FileResponse, ApiError> {
    let req = UpdateContentRequest { uri, previous };
    let call = HttpCall::of(&req).with_raw_body(text);
    match session
        .call_prepared::<UpdateContentRequest>(call, &CallExtras::default())
        .await?
    {
        Outcome::Done(file) => Ok(file),
        Outcome::Continue(_) => Err(ApiError::Server {
            code: Code::Continue,
            msg: String::new(),
            correlation_id: None,
        }),
    }
}

/// Saves `text` as a new file at `uri`, refusing (40004) when something already has that name:
/// `PUT /file/content` without `previous` would silently overwrite it.
pub async fn save_new_text(
    session: Session,
    uri: String,
    text: String,
) -> Result<FileResponse, ApiError> {
    let probe = GetFileInfoRequest {
        uri: Some(uri.clone()),
        ..GetFileInfoRequest::default()
    };
    match session.call(&probe).await {
        Ok(_) => Err(ApiError::Server {
            code: Code::ObjectExist,
            msg: String::new(),
            correlation_id: None,
        }),
        Err(e) if e.code() == Some(Code::ParentNotExist) => {
            save_text(session, uri, None, text).await
        }
        Err(e) => Err(e),
    }
}

/// Whether `err` says the file changed on the server since the editor loaded it.
pub fn is_stale(err: &ApiError) -> bool {
    err.code() == Some(Code::StaleVersion)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_replaced_and_reported() {
        assert_eq!(
            decode(b"ok".to_vec()),
            Loaded {
                text: "ok".into(),
                lossy: false
            }
        );
        let bad = decode(vec![b'a', 0xff, b'b']);
        assert_eq!(bad.text, "a\u{fffd}b");
        assert!(bad.lossy);
    }
}
