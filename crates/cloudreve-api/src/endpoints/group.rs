//! \[Pro\] user group endpoints (group.md).

use crate::endpoint;
use crate::models::{ListGroupsRequest, ListGroupsResponse};

// GET /group/list: list user groups for the permission editor.
endpoint!(ListGroupsRequest, Get "/group/list", Required, None => ListGroupsResponse);

/// The endpoints of this area.
pub(crate) fn infos() -> Vec<endpoint::EndpointInfo> {
    use endpoint::info;
    vec![info::<ListGroupsRequest>()]
}
