//! Every endpoint this crate describes, grouped by area, and the one list of them all.

pub mod callback;
pub mod file;
pub mod group;
pub mod session;
pub mod share;
pub mod site;
pub mod user;
pub mod vas;
pub mod webdav;
pub mod workflow;

use crate::endpoint::EndpointInfo;

/// Every described endpoint.
pub fn all() -> Vec<EndpointInfo> {
    [
        site::infos(),
        session::infos(),
        user::infos(),
        callback::infos(),
        workflow::infos(),
        file::infos(),
        share::infos(),
        vas::infos(),
        group::infos(),
        webdav::infos(),
    ]
    .concat()
}
