//! Dialogs of the file manager, one per file; each is shown by the page for its `Dialog` variant.

pub mod delete_dialog;
pub mod direct_links_dialog;
pub mod edit_share_dialog;
pub mod failures_dialog;
pub mod folder_picker;
pub mod lock_dialog;
pub mod modal;
pub mod name_dialog;
pub mod share_dialog;
pub mod share_limits;
pub mod stale_dialog;
pub mod tags_dialog;
pub mod unsaved_dialog;
pub mod versions_dialog;
