//! The app's transport: executes `cloudreve-api` endpoint descriptions with gloo-net.
//!
//! It knows HTTP, the bearer header and the `X-Cr-*` headers, and nothing about the UI: no toasts, no
//! navigation. The session service decides what an expired session means.

use cloudreve_api::endpoint::{json_body, query_pairs, Endpoint};
use cloudreve_api::envelope::decode;
use cloudreve_api::{ApiError, Method, Outcome, API_PREFIX};
use gloo_net::http::RequestBuilder;
use serde::de::DeserializeOwned;

/// Name of the `<meta>` that points the app at another API origin.
pub const API_META: &str = "cloudreve-api-base";

/// Where the API lives and which optional headers to send.
#[derive(Debug, Clone, PartialEq)]
pub struct Transport {
    base: String,
}

/// Aborts its request when dropped: a future that is dropped before its answer arrives (the page moved
/// on) cancels the fetch instead of leaving it running.
struct AbortOnDrop(Option<web_sys::AbortController>);

impl AbortOnDrop {
    /// The request finished: nothing left to abort.
    fn disarm(&mut self) {
        self.0 = None;
    }
}

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(controller) = self.0.take() {
            controller.abort();
        }
    }
}

/// Per-call extras.
#[derive(Debug, Clone, Default)]
pub struct CallOptions<'a> {
    /// Bearer access token.
    pub token: Option<&'a str>,
    /// `X-Cr-Context-Hint` from the listing the call follows.
    pub context_hint: Option<&'a str>,
    /// `X-Cr-Purchase-Ticket` for paid shares.
    pub purchase_ticket: Option<&'a str>,
    /// Aborts the request (e.g. on navigation). Without one, the request is still aborted when its
    /// future is dropped.
    pub abort: Option<&'a web_sys::AbortSignal>,
}

/// An endpoint call in plain HTTP terms. Only this conversion and the payload's decoding depend on the
/// endpoint type; the fetch itself is compiled once instead of once per endpoint (wasm size).
#[derive(Debug, Clone)]
pub struct HttpCall {
    /// HTTP method.
    pub method: Method,
    /// Path under the API base, placeholders filled.
    pub path: String,
    /// Query parameters.
    pub query: Vec<(String, String)>,
    /// Request body.
    pub body: Option<Body>,
}

/// A request body: JSON for the catalogue's endpoints, raw text for `PUT /file/content`.
#[derive(Debug, Clone)]
pub enum Body {
    /// A JSON document (`Content-Type: application/json`).
    Json(String),
    /// File content sent as is (`Content-Type: application/octet-stream`).
    Raw(String),
}

impl HttpCall {
    /// The HTTP form of `req`.
    pub fn of<E: Endpoint>(req: &E) -> Self {
        HttpCall {
            method: E::METHOD,
            path: req.path(),
            query: query_pairs(req),
            body: json_body(req).map(Body::Json),
        }
    }

    /// The same call carrying `content` as its raw body (file content, not JSON).
    pub fn with_raw_body(mut self, content: String) -> Self {
        self.body = Some(Body::Raw(content));
        self
    }
}

/// An answer as received: HTTP status and body text, not yet decoded.
#[derive(Debug, Clone)]
pub struct Reply {
    status: u16,
    text: String,
}

impl Reply {
    /// Decodes the envelope and its payload.
    pub fn decode<T: DeserializeOwned>(&self) -> Result<Outcome<T>, ApiError> {
        decode::<T>(&self.text).map_err(|err| self.decode_error(err))
    }

    fn decode_error(&self, err: ApiError) -> ApiError {
        match err {
            // A non-envelope body with an HTTP error status is a transport problem (proxy, 502...).
            ApiError::Decode { body, .. } if self.status != 200 => ApiError::Decode {
                message: format!("HTTP {}", self.status),
                body,
            },
            other => other,
        }
    }
}

impl Transport {
    /// A transport for the API at `base` (e.g. `/api/v4` or `https://drive.example.com/api/v4`).
    pub fn new(base: impl Into<String>) -> Self {
        Transport {
            base: base.into().trim_end_matches('/').to_string(),
        }
    }

    /// The API base configured in the page (`<meta name="cloudreve-api-base">`), else same origin.
    pub fn from_page() -> Self {
        Transport::new(crate::browser::meta(API_META).unwrap_or_else(|| API_PREFIX.to_string()))
    }

    /// The base URL.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// Sends `req` and decodes its envelope.
    pub async fn send<E: Endpoint>(
        &self,
        req: &E,
        opts: CallOptions<'_>,
    ) -> Result<Outcome<E::Response>, ApiError> {
        self.fetch(HttpCall::of(req), opts).await?.decode()
    }

    /// Sends `call` and returns the answer undecoded.
    pub async fn fetch(&self, call: HttpCall, opts: CallOptions<'_>) -> Result<Reply, ApiError> {
        let url = format!("{}{}", self.base, call.path);
        let method = match call.method {
            Method::Get => gloo_net::http::Method::GET,
            Method::Post => gloo_net::http::Method::POST,
            Method::Put => gloo_net::http::Method::PUT,
            Method::Patch => gloo_net::http::Method::PATCH,
            Method::Delete => gloo_net::http::Method::DELETE,
        };
        let mut guard = AbortOnDrop(if opts.abort.is_none() {
            web_sys::AbortController::new().ok()
        } else {
            None
        });
        let own_signal = guard.0.as_ref().map(web_sys::AbortController::signal);
        let signal = opts.abort.or(own_signal.as_ref());
        let mut builder = RequestBuilder::new(&url)
            .method(method)
            .query(call.query.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .abort_signal(signal);
        if let Some(token) = opts.token {
            builder = builder.header("Authorization", &format!("Bearer {token}"));
        }
        if let Some(hint) = opts.context_hint {
            builder = builder.header("X-Cr-Context-Hint", hint);
        }
        if let Some(ticket) = opts.purchase_ticket {
            builder = builder.header("X-Cr-Purchase-Ticket", ticket);
        }
        let request = match call.body {
            Some(Body::Json(body)) => builder
                .header("Content-Type", "application/json")
                .body(body),
            Some(Body::Raw(body)) => builder
                .header("Content-Type", "application/octet-stream")
                .body(body),
            None => builder.build(),
        }
        .map_err(|e| ApiError::Network(e.to_string()))?;
        let response = request
            .send()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))?;
        let status = response.status();
        let text = response
            .text()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))?;
        guard.disarm();
        Ok(Reply { status, text })
    }
}
