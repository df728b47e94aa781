//! Who may show our pages in a frame. Only the embeddable share viewer (`/embed/...`) may be framed
//! by other sites (those `--embed-origin` names, or any); every other page refuses framing, and the
//! API's content routes may be framed only by our own pages and the embed hosts (a PDF in an
//! `<object>` of the viewer, which may itself sit in a host's iframe).

use axum::extract::{Request, State};
use axum::http::header::{HeaderValue, CONTENT_SECURITY_POLICY, X_FRAME_OPTIONS};
use axum::middleware::Next;
use axum::response::Response;

use crate::state::AppState;

/// Route prefix of the embeddable share viewer.
pub const EMBED_PREFIX: &str = "/embed/";

/// Whether `origin` is a bare `http(s)://host[:port]` (no path, no quotes, nothing a CSP header
/// could be tricked with).
pub fn valid_origin(origin: &str) -> bool {
    let rest = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"));
    rest.is_some_and(|host| {
        !host.is_empty()
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-.:[]*".contains(&b))
    })
}

/// The `frame-ancestors` sources of the embed hosts.
fn embed_sources(origins: &[String]) -> String {
    if origins.is_empty() {
        "*".into()
    } else {
        origins.join(" ")
    }
}

/// Adds the framing headers that fit the request's path.
pub async fn framing(State(s): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let mut res = next.run(req).await;
    let hosts = embed_sources(&s.config.embed_origins);
    let ancestors = if path.starts_with(EMBED_PREFIX) {
        format!("frame-ancestors {hosts}")
    } else if path.starts_with("/api/") {
        format!("frame-ancestors 'self' {hosts}")
    } else {
        "frame-ancestors 'none'".into()
    };
    let headers = res.headers_mut();
    if !path.starts_with(EMBED_PREFIX) && !path.starts_with("/api/") {
        headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    if !headers.contains_key(CONTENT_SECURITY_POLICY) {
        if let Ok(v) = HeaderValue::from_str(&ancestors) {
            headers.insert(CONTENT_SECURITY_POLICY, v);
        }
    }
    res
}
