//! CheckFileInfo (`GET /file/wopi/{file_id}`): what the WOPI client shows and may do.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;
use cloudreve_api::uri::encode_component;
use cloudreve_api::Timestamp;
use serde::Serialize;

use super::access::Access;
use super::error::WopiError;
use super::opened;
use crate::extract::SiteUrl;
use crate::ids::Kind;
use crate::state::AppState;

/// The CheckFileInfo answer (file.md §7; field names as MS-WOPI spells them).
#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
struct FileInfo {
    base_file_name: String,
    version: String,
    size: i64,
    owner_id: String,
    user_id: String,
    user_friendly_name: String,
    read_only: bool,
    user_can_write: bool,
    user_can_review: bool,
    user_can_not_write_relative: bool,
    supports_locks: bool,
    supports_get_lock: bool,
    supports_extended_lock_length: bool,
    supports_update: bool,
    supports_rename: bool,
    supports_reviewing: bool,
    last_modified_time: String,
    is_anonymous_user: bool,
    breadcrumb_brand_name: String,
    breadcrumb_brand_url: String,
    breadcrumb_folder_name: String,
    breadcrumb_folder_url: String,
    file_sharing_post_message: bool,
    enable_share: bool,
    file_version_post_message: bool,
    close_post_message: bool,
    post_message_origin: &'static str,
    file_name_max_length: u32,
}

/// CheckFileInfo.
pub async fn check_file_info(
    State(s): State<AppState>,
    SiteUrl(site): SiteUrl,
    access: Access,
) -> Result<Response, WopiError> {
    let (content, ids) = (opened(&s, &access).await?, s.ids);
    let writable = access.writable();
    let folder = access.uri.as_ref().and_then(|u| u.parent());
    let folder_name = folder
        .as_ref()
        .and_then(|f| f.segments.last().cloned())
        .unwrap_or_default();
    let folder_url = folder.map_or_else(String::new, |f| {
        format!("{site}/home?path={}", encode_component(&f.to_string()))
    });
    let user = ids.encode(Kind::User, access.user.id);
    let info = FileInfo {
        base_file_name: access.file.name.clone(),
        version: content.version,
        size: content.size,
        owner_id: user.clone(),
        user_id: user,
        user_friendly_name: access.user.nickname.clone(),
        read_only: !writable,
        user_can_write: writable,
        user_can_review: writable,
        // PUT_RELATIVE (save as) is not offered.
        user_can_not_write_relative: true,
        supports_locks: true,
        supports_get_lock: true,
        supports_extended_lock_length: true,
        supports_update: true,
        supports_rename: false,
        supports_reviewing: false,
        last_modified_time: Timestamp::from_unix_millis(content.modified_ms).0,
        is_anonymous_user: false,
        breadcrumb_brand_name: s.config.title.clone(),
        breadcrumb_brand_url: site,
        breadcrumb_folder_name: folder_name,
        breadcrumb_folder_url: folder_url,
        // This server has no shares yet.
        file_sharing_post_message: false,
        enable_share: false,
        file_version_post_message: true,
        close_post_message: true,
        post_message_origin: "*",
        file_name_max_length: 256,
    };
    Ok(Json(info).into_response())
}
