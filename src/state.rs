//! App-wide services provided through context.

pub mod content_url;
pub mod dialog;
pub mod downloads;
pub mod explorer;
pub mod file_ops;
pub mod folder_listing;
pub mod preview;
pub mod session;
pub mod text_file;
pub mod theme;
pub mod thumbs;
pub mod toasts;
pub mod uploads;
pub mod view_settings;
