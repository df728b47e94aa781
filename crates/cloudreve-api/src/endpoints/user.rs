//! User endpoints (user.md).

use serde::{Deserialize, Serialize};

use crate::endpoint;
use crate::models::{Capacity, User};

/// `GET /user/me`: the signed-in user.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct GetMe;
endpoint!(GetMe, Get "/user/me", Required, None => User);

/// `GET /user/capacity`: storage used and available.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct GetCapacity;
endpoint!(GetCapacity, Get "/user/capacity", Required, None => Capacity);

/// The endpoints of this area.
pub(crate) fn infos() -> Vec<crate::endpoint::EndpointInfo> {
    use crate::endpoint::info;
    vec![info::<GetMe>(), info::<GetCapacity>()]
}
