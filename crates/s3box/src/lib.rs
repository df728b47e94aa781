//! s3box: a small S3-compatible server on a local directory, for tests and demos.
//!
//! It is the `s3s` protocol layer over `s3s-fs` storage (with s3box's own multipart uploads, see
//! `store.rs`), answering path-style requests (`http://host:port/<bucket>/<key>`) signed with
//! AWS Signature V4 — in an `Authorization` header or in a presigned URL's query — by one fixed
//! key pair, with CORS open to any origin so a browser page can PUT parts to presigned URLs and
//! read their `ETag`.
//!
//! ```no_run
//! # async fn demo() -> anyhow::Result<()> {
//! let cfg = s3box::S3BoxConfig::new("/tmp/s3", "AKIDEXAMPLE", "secret", "cloudreve");
//! let server = s3box::start(cfg).await?;
//! println!("S3 at {}", server.endpoint());
//! # Ok(()) }
//! ```

mod store;

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context as _;
use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use s3s::auth::SimpleAuth;
use s3s::service::{S3Service, S3ServiceBuilder};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tower_http::cors::{AllowHeaders, AllowOrigin, CorsLayer};

/// S3's smallest part size (for every part but the last), the default of
/// [`S3BoxConfig::min_part_size`].
pub const S3_MIN_PART_SIZE: u64 = 5 * 1024 * 1024;

/// How long browsers may cache a CORS preflight answer.
const CORS_MAX_AGE: Duration = Duration::from_secs(600);

/// What to serve, where, and with which credentials.
#[derive(Debug, Clone)]
pub struct S3BoxConfig {
    /// Directory holding the buckets (one sub-directory each); created if missing.
    pub root_dir: PathBuf,
    /// Address to listen on; the default `127.0.0.1:0` picks a free port.
    pub bind: SocketAddr,
    /// The one access key id requests must be signed with.
    pub access_key: String,
    /// The secret key matching [`Self::access_key`].
    pub secret_key: String,
    /// A bucket created at start if it does not exist (empty: none).
    pub bucket: String,
    /// Smallest size of a multipart upload's parts, except the last (S3: 5 MiB). Tests lower it
    /// to upload small files in several parts quickly.
    pub min_part_size: u64,
}

impl S3BoxConfig {
    /// A configuration with S3's part-size rule, listening on a free loopback port.
    pub fn new(
        root_dir: impl Into<PathBuf>,
        access_key: impl Into<String>,
        secret_key: impl Into<String>,
        bucket: impl Into<String>,
    ) -> Self {
        Self {
            root_dir: root_dir.into(),
            bind: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            access_key: access_key.into(),
            secret_key: secret_key.into(),
            bucket: bucket.into(),
            min_part_size: S3_MIN_PART_SIZE,
        }
    }
}

/// A running s3box; dropping it stops the server.
#[derive(Debug)]
pub struct S3Box {
    addr: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl S3Box {
    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The endpoint URL S3 clients use, such as `http://127.0.0.1:40123` (no trailing slash).
    pub fn endpoint(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops accepting connections and waits until the open ones are closed.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for S3Box {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// The whole HTTP service (S3 behind CORS), for serving or for calling without a socket.
pub fn router(config: &S3BoxConfig) -> anyhow::Result<Router> {
    std::fs::create_dir_all(&config.root_dir)
        .with_context(|| format!("cannot create {}", config.root_dir.display()))?;
    if !config.bucket.is_empty() {
        anyhow::ensure!(
            s3s::path::check_bucket_name(&config.bucket),
            "invalid bucket name {:?}",
            config.bucket
        );
        // s3s-fs keeps a bucket as a directory of the root.
        std::fs::create_dir_all(config.root_dir.join(&config.bucket))?;
    }
    let store = store::Store::new(&config.root_dir, config.min_part_size)?;
    let mut builder = S3ServiceBuilder::new(store);
    builder.set_auth(SimpleAuth::from_single(
        config.access_key.clone(),
        config.secret_key.clone(),
    ));
    let service = builder.build();

    // Browsers upload parts from the app's origin straight to presigned URLs: any origin may
    // call, with any request header, and must be able to read each part's ETag.
    let cors = CorsLayer::new()
        .allow_origin(AllowOrigin::any())
        .allow_methods([
            Method::GET,
            Method::PUT,
            Method::POST,
            Method::DELETE,
            Method::HEAD,
        ])
        .allow_headers(AllowHeaders::mirror_request())
        .expose_headers([header::ETAG, header::CONTENT_RANGE, header::CONTENT_LENGTH])
        .max_age(CORS_MAX_AGE);

    Ok(Router::new()
        .fallback(serve_s3)
        .with_state(service)
        .layer(cors))
}

/// Hands a request to s3s (which answers S3 errors itself as XML documents).
async fn serve_s3(State(service): State<S3Service>, req: Request) -> Response {
    let req = req.map(s3s::Body::http_body_unsync);
    match service.call(req).await {
        Ok(res) => res.map(axum::body::Body::new),
        Err(e) => {
            tracing::error!("s3s failed: {e:?}");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// Starts s3box on `config.bind` in a tokio task.
pub async fn start(config: S3BoxConfig) -> anyhow::Result<S3Box> {
    let app = router(&config)?;
    let listener = tokio::net::TcpListener::bind(config.bind)
        .await
        .with_context(|| format!("cannot listen on {}", config.bind))?;
    let addr = listener.local_addr()?;
    let (tx, rx) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let shutdown = async {
            let _ = rx.await;
        };
        if let Err(e) = axum::serve(listener, app)
            .with_graceful_shutdown(shutdown)
            .await
        {
            tracing::error!("s3box stopped: {e}");
        }
    });
    Ok(S3Box {
        addr,
        shutdown: Some(tx),
        task: Some(task),
    })
}
