//! Small shared widgets.

pub mod error_view;
pub mod icons;
pub mod toast_list;
