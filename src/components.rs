//! Reusable views, by feature.

pub mod activity;
pub mod common;
pub mod dialogs;
pub mod downloads;
pub mod explorer;
pub mod layout;
pub mod share;
pub mod uploads;
pub mod viewers;
