//! Share link endpoints (share.md): create, edit, info, list, delete.

use crate::endpoint;
use crate::endpoint::{Auth, Endpoint, Method, Payload};
use crate::models::{
    CreateShareRequest, DeleteShareRequest, EditShareRequest, GetShareInfoRequest,
    ListMySharesRequest, ListShareResponse, Share,
};
use crate::uri::encode_component;

// PUT /share: create a share link; answers the short URL.
endpoint!(CreateShareRequest, Put "/share", Required, Json => String);
// GET /share: list the caller's share links.
endpoint!(ListMySharesRequest, Get "/share", Required, Query => ListShareResponse);

impl Endpoint for EditShareRequest {
    const METHOD: Method = Method::Post;
    const PATH: &'static str = "/share/{id}";
    const AUTH: Auth = Auth::Required;
    const PAYLOAD: Payload = Payload::Json;
    type Response = String;

    fn path(&self) -> String {
        format!("/share/{}", encode_component(&self.id))
    }
}

impl Endpoint for GetShareInfoRequest {
    const METHOD: Method = Method::Get;
    const PATH: &'static str = "/share/info/{id}";
    const AUTH: Auth = Auth::Optional;
    const PAYLOAD: Payload = Payload::Query;
    type Response = Share;

    fn path(&self) -> String {
        format!("/share/info/{}", encode_component(&self.id))
    }
}

impl Endpoint for DeleteShareRequest {
    const METHOD: Method = Method::Delete;
    const PATH: &'static str = "/share/{id}";
    const AUTH: Auth = Auth::Required;
    const PAYLOAD: Payload = Payload::None;
    type Response = ();

    fn path(&self) -> String {
        format!("/share/{}", encode_component(&self.id))
    }
}

/// The endpoints of this area.
pub(crate) fn infos() -> Vec<endpoint::EndpointInfo> {
    use endpoint::info;
    vec![
        info::<CreateShareRequest>(),
        info::<EditShareRequest>(),
        info::<GetShareInfoRequest>(),
        info::<ListMySharesRequest>(),
        info::<DeleteShareRequest>(),
    ]
}
