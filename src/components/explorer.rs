//! The file manager's parts.

pub mod breadcrumbs;
pub mod file_list;
