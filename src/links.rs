//! The app's own URLs, as the server links to them (`/home?path=<cloudreve URI>`, `/session`).

use cloudreve_api::uri::encode_component;
use cloudreve_api::CrUri;

/// The file manager at `uri`.
pub fn home(uri: &CrUri) -> String {
    format!("/home?path={}", encode_component(&uri.to_string()))
}

/// The sign-in page, returning to `back` afterwards.
pub fn sign_in(back: &str) -> String {
    format!("/session?redirect={}", encode_component(back))
}

/// Where to go after sign-in: `redirect` when it is a path on this site, else the file manager.
/// Rejects absolute and protocol-relative URLs so the parameter cannot send users elsewhere.
pub fn safe_redirect(redirect: Option<&str>) -> String {
    match redirect {
        Some(r)
            if r.starts_with('/')
                && !r.starts_with("//")
                && !r.starts_with("/\\")
                && !r.starts_with("/session") =>
        {
            r.to_string()
        }
        _ => "/home".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_encode_the_uri_once_more() {
        assert_eq!(
            home(&CrUri::my().join("a b")),
            "/home?path=cloudreve%3A%2F%2Fmy%2Fa%2520b"
        );
        assert_eq!(
            sign_in("/home?path=x"),
            "/session?redirect=%2Fhome%3Fpath%3Dx"
        );
    }

    #[test]
    fn redirects_stay_on_this_site() {
        assert_eq!(
            safe_redirect(Some("/home?path=cloudreve%3A%2F%2Fmy")),
            "/home?path=cloudreve%3A%2F%2Fmy"
        );
        for evil in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "javascript:alert(1)",
            "/session?redirect=/x",
        ] {
            assert_eq!(safe_redirect(Some(evil)), "/home", "{evil}");
        }
        assert_eq!(safe_redirect(None), "/home");
    }
}
