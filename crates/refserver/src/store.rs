//! Database queries, one module per table family.

pub mod files;
pub mod locks;
pub mod metadata;
pub mod thumbnails;
pub mod users;
