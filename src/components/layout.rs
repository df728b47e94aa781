//! The page frame: top bar, sidebar drawer, storage usage.

pub mod advanced_search;
pub mod folder_tree;
pub mod shell;
pub mod sidebar;
pub mod storage_usage;
pub mod top_bar;
