//! The `/api/v4` router. Routes are registered from the contract's endpoint descriptions, so the
//! server cannot serve a path or method the `cloudreve-api` crate does not describe.

pub mod activities;
pub mod archive_download;
pub mod archive_list;
pub mod callback;
pub mod content;
pub mod content_update;
pub mod direct_links;
pub mod file;
pub mod file_info;
pub mod file_ops;
pub mod file_url;
pub mod lock;
pub mod metadata;
pub mod pin;
pub mod search;
pub mod session;
pub mod share;
pub mod share_access;
pub mod share_link;
pub mod share_listing;
pub mod site;
pub mod test_hooks;
pub mod thumb;
pub mod upload;
pub mod user;
pub mod versions;
pub mod view;
pub mod viewer_session;
pub mod wopi;

use axum::handler::Handler;
use axum::routing::{get, on, MethodFilter};
use axum::Router;
use cloudreve_api::endpoint::{info, Endpoint, EndpointInfo};
use cloudreve_api::Method;

use crate::config::Config;
use crate::state::AppState;

/// A router that remembers which endpoint descriptions it serves.
pub struct ApiRouter {
    router: Router<AppState>,
    routed: Vec<EndpointInfo>,
}

impl ApiRouter {
    fn new() -> Self {
        ApiRouter {
            router: Router::new(),
            routed: Vec::new(),
        }
    }

    /// Serves endpoint `E` with `handler`.
    fn serve<E: Endpoint, H: Handler<T, AppState>, T: 'static>(mut self, handler: H) -> Self {
        let filter = match E::METHOD {
            Method::Get => MethodFilter::GET,
            Method::Post => MethodFilter::POST,
            Method::Put => MethodFilter::PUT,
            Method::Patch => MethodFilter::PATCH,
            Method::Delete => MethodFilter::DELETE,
        };
        self.router = self.router.route(E::PATH, on(filter, handler));
        self.routed.push(info::<E>());
        self
    }
}

/// Every API route, with the list of endpoints served.
pub fn api() -> (Router<AppState>, Vec<EndpointInfo>) {
    let r = ApiRouter::new();
    let r = site::routes(r);
    let r = session::routes(r);
    let r = user::routes(r);
    let r = file::routes(r);
    let r = file_ops::routes(r);
    let r = file_info::routes(r);
    let r = view::routes(r);
    let r = pin::routes(r);
    let r = lock::routes(r);
    let r = metadata::routes(r);
    let r = thumb::routes(r);
    let r = file_url::routes(r);
    let r = content_update::routes(r);
    let r = versions::routes(r);
    let r = archive_list::routes(r);
    let r = viewer_session::routes(r);
    let r = upload::routes(r);
    let r = callback::routes(r);
    let r = share::routes(r);
    let r = direct_links::routes(r);
    let r = activities::routes(r);
    (r.router, r.routed)
}

/// Adds the routes that are not JSON endpoints of the catalogue: the signed content and archive
/// routes, the WOPI host, and the test hooks when `config` enables them.
pub fn unlisted(api: Router<AppState>, config: &Config) -> Router<AppState> {
    let api = api
        .route(content::PATH, get(content::serve))
        .route(archive_download::PATH, get(archive_download::serve))
        .merge(wopi::router())
        .merge(upload::node_router());
    if config.test_hooks {
        api.merge(test_hooks::router())
    } else {
        api
    }
}

/// The endpoints this server serves.
pub fn routed() -> Vec<EndpointInfo> {
    api().1
}
