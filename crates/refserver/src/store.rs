//! Database queries, one module per table family.

pub mod files;
pub mod metadata;
pub mod pins;
pub mod search;
pub mod users;
pub mod views;
