//! The file manager's parts.

pub mod breadcrumbs;
pub mod context_menu;
pub mod explorer_keys;
pub mod file_list;
pub mod file_tiles;
pub mod folder_view;
pub mod info_links;
pub mod info_panel;
pub mod inline_rename;
pub mod item_events;
pub mod item_key;
pub mod page_dialogs;
pub mod thumbnail;
pub mod toolbar;
pub mod viewport;
