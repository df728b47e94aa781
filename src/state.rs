//! App-wide services provided through context.

pub mod activity_feed;
pub mod content_url;
pub mod dialog;
pub mod downloads;
pub mod explorer;
pub mod file_ops;
pub mod folder_listing;
pub mod folder_walk;
pub mod preview;
pub mod resume_store;
pub mod session;
pub mod subtitle_tracks;
pub mod text_file;
pub mod theme;
pub mod thumbs;
pub mod toasts;
pub mod tree_download;
pub mod uploads;
pub mod url_cache;
pub mod view_settings;
