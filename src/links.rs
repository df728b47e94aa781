//! The app's own URLs, as the server links to them (`/home?path=<cloudreve URI>`, `/session`).

use cloudreve_api::uri::encode_component;
use cloudreve_api::CrUri;

/// The file manager at `uri`.
pub fn home(uri: &CrUri) -> String {
    format!("/home?path={}", encode_component(&uri.to_string()))
}

/// The file manager at `uri` in `sort` order (the default order is left out of the URL).
pub fn home_sorted(uri: &CrUri, sort: crate::domain::sort::Sort) -> String {
    if sort == crate::domain::sort::Sort::default() {
        return home(uri);
    }
    format!(
        "{}&order_by={}&order_direction={}",
        home(uri),
        sort.key.as_str(),
        sort.direction()
    )
}

/// The sign-in page, returning to `back` afterwards.
pub fn sign_in(back: &str) -> String {
    format!("/session?redirect={}", encode_component(back))
}

/// The value of `name` in a raw query string, decoded exactly once (form rules: `+` is a space).
///
/// leptos_router 0.8's query map decodes values twice, which corrupts Cloudreve URIs (whose path
/// segments are themselves percent-encoded), so the app reads its own parameters with this.
pub fn query_param(search: &str, name: &str) -> Option<String> {
    search.trim_start_matches('?').split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let k = cloudreve_api::uri::decode(&k.replace('+', " ")).ok()?;
        (k == name)
            .then(|| cloudreve_api::uri::decode(&v.replace('+', " ")).ok())
            .flatten()
    })
}

/// Joins a pathname and a query string; the router's `search` may come with or without its `?`.
pub fn path_and_query(path: &str, search: &str) -> String {
    let search = search.trim_start_matches('?');
    if search.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{search}")
    }
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
    fn query_params_are_decoded_once() {
        let uri = CrUri::my().join("Tom & Jerry's #1 100% 🎉");
        let href = home(&uri);
        let search = href.split_once('?').map(|(_, q)| q).unwrap_or_default();
        let value = query_param(search, "path").expect("path");
        assert_eq!(CrUri::parse(&value).expect("uri"), uri);
        assert_eq!(
            query_param("?a=1&redirect=%2Fhome%3Fx%3D1", "redirect").as_deref(),
            Some("/home?x=1")
        );
        assert_eq!(query_param("q=a+b", "q").as_deref(), Some("a b"));
        assert_eq!(query_param("a=1", "b"), None);
        assert_eq!(
            query_param("path=%E4", "path"),
            None,
            "malformed escapes are not guessed at"
        );
    }

    #[test]
    fn path_and_query_has_one_question_mark() {
        assert_eq!(path_and_query("/home", "path=x"), "/home?path=x");
        assert_eq!(path_and_query("/home", "?path=x"), "/home?path=x");
        assert_eq!(path_and_query("/home", ""), "/home");
    }

    #[test]
    fn sorted_links_carry_the_order() {
        use crate::domain::sort::{Sort, SortKey};
        assert_eq!(
            home_sorted(&CrUri::my(), Sort::default()),
            "/home?path=cloudreve%3A%2F%2Fmy"
        );
        let size_desc = Sort {
            key: SortKey::Size,
            desc: true,
        };
        assert_eq!(
            home_sorted(&CrUri::my(), size_desc),
            "/home?path=cloudreve%3A%2F%2Fmy&order_by=size&order_direction=desc"
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
