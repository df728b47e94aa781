//! Routed pages, one per file.

pub mod activity_page;
pub mod embed_page;
pub mod files_page;
pub mod my_shares_page;
pub mod not_found_page;
pub mod profile_page;
pub mod share_page;
pub mod sign_in_page;
