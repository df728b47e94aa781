//! Reusable views, by feature.

pub mod common;
pub mod explorer;
pub mod layout;
