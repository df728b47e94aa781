//! Every endpoint this crate describes, grouped by area, and the one list of them all.

pub mod file;
pub mod session;
pub mod site;
pub mod user;

use crate::endpoint::{info, EndpointInfo};

/// Every described endpoint.
pub fn all() -> Vec<EndpointInfo> {
    vec![
        info::<site::Ping>(),
        info::<site::GetCaptcha>(),
        info::<site::GetSiteConfig>(),
        info::<session::PrepareLogin>(),
        info::<crate::models::PasswordLoginRequest>(),
        info::<crate::models::TwoFaLoginRequest>(),
        info::<crate::models::RefreshTokenRequest>(),
        info::<session::SignOut>(),
        info::<user::GetMe>(),
        info::<user::GetCapacity>(),
        info::<crate::models::ListFilesRequest>(),
        info::<crate::models::CreateFileRequest>(),
        info::<crate::models::GetFileInfoRequest>(),
        info::<crate::models::RenameFileRequest>(),
        info::<crate::models::MoveFilesRequest>(),
        info::<crate::models::DeleteFilesRequest>(),
        info::<crate::models::RestoreFilesRequest>(),
        info::<crate::models::ForceUnlockRequest>(),
        info::<crate::models::PatchMetadataRequest>(),
        info::<crate::models::UpdateViewRequest>(),
        info::<crate::models::PinFileRequest>(),
        info::<crate::models::UnpinFileRequest>(),
        info::<crate::models::CreateDownloadUrlRequest>(),
        info::<crate::models::GetThumbRequest>(),
    ]
}
