//! Endpoints as typed request descriptions: method, path, auth level, payload and response type.
//!
//! A request struct implements [`Endpoint`]; a transport turns it into an HTTP call with
//! [`Endpoint::path`], [`query_pairs`] and [`json_body`], then decodes the answer as `Response`.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// HTTP method of an endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// GET
    Get,
    /// POST
    Post,
    /// PUT
    Put,
    /// PATCH
    Patch,
    /// DELETE
    Delete,
}

impl Method {
    /// The method's name as sent on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

/// Whether an endpoint needs a signed-in user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Auth {
    /// No token is sent.
    None,
    /// Anonymous when no (or an invalid) token is sent.
    Optional,
    /// Answers code 401 to anonymous callers.
    Required,
}

/// Where the request struct's fields travel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Payload {
    /// Nothing beyond the path.
    None,
    /// As query parameters.
    Query,
    /// As a JSON body.
    Json,
}

/// A typed description of one API call.
pub trait Endpoint: Serialize {
    /// HTTP method.
    const METHOD: Method;
    /// Path template under `/api/v4`, with `{param}` placeholders.
    const PATH: &'static str;
    /// Auth level.
    const AUTH: Auth;
    /// Where the fields go.
    const PAYLOAD: Payload;
    /// The decoded `data` of a success.
    type Response: DeserializeOwned;

    /// The concrete path (placeholders filled); defaults to [`Endpoint::PATH`].
    fn path(&self) -> String {
        Self::PATH.to_string()
    }
}

/// The static facts of an endpoint, for listings and route checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EndpointInfo {
    /// HTTP method.
    pub method: Method,
    /// Path template.
    pub path: &'static str,
    /// Auth level.
    pub auth: Auth,
}

/// The [`EndpointInfo`] of `E`.
pub fn info<E: Endpoint>() -> EndpointInfo {
    EndpointInfo {
        method: E::METHOD,
        path: E::PATH,
        auth: E::AUTH,
    }
}

/// Query parameters of a [`Payload::Query`] request: each non-null scalar field as text.
pub fn query_pairs<E: Endpoint>(req: &E) -> Vec<(String, String)> {
    if E::PAYLOAD != Payload::Query {
        return Vec::new();
    }
    let Ok(serde_json::Value::Object(map)) = serde_json::to_value(req) else {
        return Vec::new();
    };
    map.into_iter()
        .filter_map(|(k, v)| match v {
            serde_json::Value::Null => None,
            serde_json::Value::String(s) => Some((k, s)),
            other => Some((k, other.to_string())),
        })
        .collect()
}

/// The JSON body of a [`Payload::Json`] request.
pub fn json_body<E: Endpoint>(req: &E) -> Option<String> {
    (E::PAYLOAD == Payload::Json)
        .then(|| serde_json::to_string(req).unwrap_or_else(|_| "{}".into()))
}

/// Implements [`Endpoint`] for a request type in one line.
#[macro_export]
macro_rules! endpoint {
    ($req:ty, $method:ident $path:literal, $auth:ident, $payload:ident => $resp:ty) => {
        impl $crate::endpoint::Endpoint for $req {
            const METHOD: $crate::endpoint::Method = $crate::endpoint::Method::$method;
            const PATH: &'static str = $path;
            const AUTH: $crate::endpoint::Auth = $crate::endpoint::Auth::$auth;
            const PAYLOAD: $crate::endpoint::Payload = $crate::endpoint::Payload::$payload;
            type Response = $resp;
        }
    };
}
