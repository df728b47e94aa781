//! The activity feed of a file or folder: who did what, as an endless list.

pub mod activity_list;
pub mod activity_row;
