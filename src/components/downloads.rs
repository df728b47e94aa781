//! Download progress shown outside any one page.

pub mod tree_download_panel;
