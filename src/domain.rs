//! Pure logic with no browser in it, tested natively.

pub mod archive_tree;
pub mod file_actions;
pub mod file_kind;
pub mod gallery_step;
pub mod grid_layout;
pub mod highlight;
pub mod lightbox_geometry;
pub mod list_keys;
pub mod local_names;
pub mod markdown;
pub mod name_jump;
pub mod names;
pub mod natural_order;
pub mod resume_position;
pub mod safe_url;
pub mod search_query;
pub mod selection;
pub mod share_link;
pub mod single_flight;
pub mod size_format;
pub mod sort;
pub mod subtitles;
pub mod token_expiry;
pub mod upload;
pub mod viewer_choice;
pub mod visible_range;
