//! A compact Cloudreve-v4-compatible reference server: the demo backend and the one our tests drive.
//!
//! [`app`] builds the whole router (API under `/api/v4`, the built app with SPA fallback at `/`), so
//! tests can call it without a socket; [`start`] binds and serves it.

pub mod app_assets;
pub mod archive;
pub mod auth;
pub mod blobs;
pub mod captcha;
pub mod config;
pub mod db;
pub mod error;
pub mod extract;
pub mod framing;
pub mod ids;
pub mod routes;
pub mod s3;
pub mod search;
pub mod seed;
pub mod signing;
pub mod state;
pub mod store;
pub mod thumbs;
pub mod uploads;
pub mod video_thumbs;
pub mod viewers;
pub mod zip_stream;

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tower_http::trace::TraceLayer;

pub use config::Config;
pub use seed::InitialAdmin;
pub use state::AppState;

use crate::error::WantsCorrelationId;

/// Largest error body the correlation layer will rewrite (error envelopes are tiny).
const MAX_ERROR_BODY: usize = 1 << 20;

/// The full router for `state`.
pub fn app(state: AppState) -> Router {
    let (api, _) = routes::api();
    let api = routes::unlisted(api, &state.config)
        .fallback(|| async { (StatusCode::NOT_FOUND, "404 page not found") })
        .layer(middleware::from_fn(correlate))
        .layer(app_assets::json_compression())
        .with_state(state.clone());
    let router = Router::new()
        .nest("/api/v4", api)
        .route("/s/{id}", get(routes::share_link::redirect))
        .route(
            "/s/{id}/{password}",
            get(routes::share_link::redirect_with_password),
        )
        .route(
            "/f/{id}/{name}",
            get(routes::direct_links::follow).with_state(state.clone()),
        );
    let router = match &state.config.dist_dir {
        Some(dist) => router.fallback_service(app_assets::service(dist)),
        None => router.fallback(|| async {
            (
                StatusCode::NOT_FOUND,
                "The app is not built: run `cargo xtask serve`.",
            )
        }),
    };
    let router = router
        .layer(middleware::from_fn(app_assets::cache_headers))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            framing::framing,
        ));
    // Spans name the path only: queries carry signatures and WOPI access tokens, which are never
    // logged.
    router.layer(TraceLayer::new_for_http().make_span_with(|req: &Request| {
        tracing::debug_span!("request", method = %req.method(), path = %req.uri().path())
    }))
}

/// Stamps a correlation id on every API response (header) and on error envelopes (body), and marks
/// API responses uncacheable unless they say otherwise, as Cloudreve does.
async fn correlate(req: Request, next: Next) -> Response {
    let id = req
        .headers()
        .get("X-Cr-Correlation-Id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| uuid::Uuid::parse_str(v).ok())
        .unwrap_or_else(uuid::Uuid::new_v4)
        .to_string();
    let mut res = next.run(req).await;
    if res.extensions().get::<WantsCorrelationId>().is_some() {
        let (mut parts, body) = res.into_parts();
        let bytes = axum::body::to_bytes(body, MAX_ERROR_BODY)
            .await
            .unwrap_or_default();
        let mut envelope: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
        if let Some(obj) = envelope.as_object_mut() {
            obj.insert("correlation_id".into(), id.clone().into());
            // Each failed item of a batch carries the request's id too, as Cloudreve's do.
            if let Some(items) = obj
                .get_mut("aggregated_error")
                .and_then(serde_json::Value::as_object_mut)
            {
                for item in items
                    .values_mut()
                    .filter_map(serde_json::Value::as_object_mut)
                {
                    item.insert("correlation_id".into(), id.clone().into());
                }
            }
        }
        parts.headers.remove(header::CONTENT_LENGTH);
        res = Response::from_parts(parts, Body::from(envelope.to_string()));
    }
    if let Ok(v) = HeaderValue::from_str(&id) {
        res.headers_mut().insert("X-Cr-Correlation-Id", v);
    }
    // Signed content sets its own (public) caching.
    if !res.headers().contains_key(header::CACHE_CONTROL) {
        res.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-cache"),
        );
    }
    res.into_response()
}

/// A server bound to a socket and serving in the background.
pub struct Running {
    /// The bound address (useful with port 0).
    pub addr: SocketAddr,
    /// The state it serves (tests use it to add users).
    pub state: AppState,
    /// The admin created on this start, if this was the first start.
    pub initial_admin: Option<InitialAdmin>,
    task: Option<tokio::task::JoinHandle<()>>,
    sweeper: tokio::task::JoinHandle<()>,
}

impl Running {
    /// `http://<addr>`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Waits until the server stops (it only stops on error).
    pub async fn wait(mut self) -> anyhow::Result<()> {
        match self.task.take() {
            Some(task) => Ok(task.await?),
            None => Ok(()),
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(task) = &self.task {
            task.abort();
        }
        self.sweeper.abort();
    }
}

/// Prepares the data dir (ending upload sessions that expired while the server was down) and
/// binds `config.bind`, then serves in a background task, sweeping expired uploads periodically.
pub async fn start(config: Config) -> anyhow::Result<Running> {
    let (state, initial_admin) = seed::prepare(config)?;
    uploads::sweep(&state).await?;
    let sweeper = uploads::spawn_sweeper(state.clone(), state.config.upload_sweep_interval);
    let listener = tokio::net::TcpListener::bind(state.config.bind).await?;
    let addr = listener.local_addr()?;
    let router = app(state.clone());
    let task = tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, router).await {
            tracing::error!(error = %e, "server stopped");
        }
    });
    Ok(Running {
        addr,
        state,
        initial_admin,
        task: Some(task),
        sweeper,
    })
}
