//! The upload UI: the queue panel and its rows, the file pickers, the drop zone and the conflict
//! question.

pub mod conflict_dialog;
pub mod drop_zone;
pub mod file_pickers;
pub mod upload_panel;
pub mod upload_row;
