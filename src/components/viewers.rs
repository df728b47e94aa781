//! File viewers: the host that frames whichever app opens a file, and the apps themselves.

pub mod code_view;
pub mod custom_frame;
pub mod markdown_view;
pub mod no_preview;
pub mod text_editor;
pub mod text_viewer;
pub mod viewer_host;
