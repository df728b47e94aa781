//! File viewers: the host that frames whichever app opens a file, and the apps themselves.

pub mod archive_viewer;
pub mod custom_frame;
pub mod no_preview;
pub mod viewer_host;
pub mod wopi_frame;
