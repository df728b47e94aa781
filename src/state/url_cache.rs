//! Content URLs of the files one viewer shows, asked once per file version for the viewer's life:
//! a preloaded neighbour and a revisited picture reuse the URL, so the browser's cache serves them.

use std::collections::HashMap;

use cloudreve_api::models::FileResponse;
use cloudreve_api::ApiError;
use leptos::prelude::*;

use crate::state::content_url::{content_url, UrlRequest};
use crate::state::session::Session;

/// The URLs a viewer has asked for, by file id and version.
#[derive(Clone, Copy)]
pub struct UrlCache {
    session: Session,
    hint: Option<StoredValue<String>>,
    urls: StoredValue<HashMap<String, String>>,
}

impl UrlCache {
    /// An empty cache; `hint` is the listing's context hint.
    pub fn new(session: Session, hint: Option<String>) -> Self {
        UrlCache {
            session,
            hint: hint.map(StoredValue::new),
            urls: StoredValue::new(HashMap::new()),
        }
    }

    /// The content URL of `file`'s current version (asked for once).
    pub async fn get(&self, file: &FileResponse) -> Result<String, ApiError> {
        let key = format!("{}/{}", file.id, file.primary_entity);
        if let Some(url) = self.urls.try_with_value(|m| m.get(&key).cloned()).flatten() {
            return Ok(url);
        }
        let req = UrlRequest {
            uri: file.path.clone(),
            hint: self.hint.and_then(|h| h.try_get_value()),
            ..UrlRequest::default()
        };
        let url = content_url(self.session, req).await?;
        self.urls.update_value(|m| drop(m.insert(key, url.clone())));
        Ok(url)
    }
}
