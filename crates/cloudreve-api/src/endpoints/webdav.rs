//! WebDAV account endpoints (webdav.md): list, create, update, delete.

use crate::endpoint;
use crate::endpoint::{Auth, Endpoint, Method, Payload};
use crate::models::{
    CreateDavAccountRequest, DavAccount, DeleteDavAccountRequest, ListDavAccountsRequest,
    ListDavAccountsResponse, UpdateDavAccountRequest,
};
use crate::uri::encode_component;

// GET /devices/dav: list the caller's WebDAV accounts.
endpoint!(ListDavAccountsRequest, Get "/devices/dav", Required, Query => ListDavAccountsResponse);
// PUT /devices/dav: create a WebDAV account.
endpoint!(CreateDavAccountRequest, Put "/devices/dav", Required, Json => DavAccount);

impl Endpoint for UpdateDavAccountRequest {
    const METHOD: Method = Method::Patch;
    const PATH: &'static str = "/devices/dav/{id}";
    const AUTH: Auth = Auth::Required;
    const PAYLOAD: Payload = Payload::Json;
    type Response = DavAccount;

    fn path(&self) -> String {
        format!("/devices/dav/{}", encode_component(&self.id))
    }
}

impl Endpoint for DeleteDavAccountRequest {
    const METHOD: Method = Method::Delete;
    const PATH: &'static str = "/devices/dav/{id}";
    const AUTH: Auth = Auth::Required;
    const PAYLOAD: Payload = Payload::None;
    type Response = ();

    fn path(&self) -> String {
        format!("/devices/dav/{}", encode_component(&self.id))
    }
}

/// The endpoints of this area.
pub(crate) fn infos() -> Vec<endpoint::EndpointInfo> {
    use endpoint::info;
    vec![
        info::<ListDavAccountsRequest>(),
        info::<CreateDavAccountRequest>(),
        info::<UpdateDavAccountRequest>(),
        info::<DeleteDavAccountRequest>(),
    ]
}
