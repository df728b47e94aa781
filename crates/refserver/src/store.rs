//! Database queries, one module per table family.

pub mod activities;
pub mod archive_sessions;
pub mod direct_links;
pub mod files;
pub mod locks;
pub mod metadata;
pub mod pins;
pub mod policies;
pub mod search;
pub mod shares;
pub mod thumbnails;
pub mod uploads;
pub mod users;
pub mod versions;
pub mod viewer_sessions;
pub mod views;
pub mod wopi_locks;
