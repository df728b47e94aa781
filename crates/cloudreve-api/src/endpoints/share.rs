//! Share links (share.md).

/// The endpoints of this area.
pub(crate) fn infos() -> Vec<crate::endpoint::EndpointInfo> {
    Vec::new()
}
