//! File viewers: the host that frames whichever app opens a file, and the apps themselves.

pub mod archive_viewer;
pub mod code_view;
pub mod custom_frame;
pub mod image_viewer;
pub mod lightbox_stage;
pub mod markdown_view;
pub mod media_player;
pub mod no_preview;
pub mod pdf_viewer;
pub mod text_editor;
pub mod text_viewer;
pub mod viewer_host;
pub mod wopi_frame;
