//! The browser side of uploads: the engine of `domain::upload` driven with real requests. Bytes
//! leave as `File` slices through `XMLHttpRequest` (the only browser API that reports upload
//! progress), so a file is never read into memory; sources are pickers, drops and the clipboard;
//! unfinished uploads are remembered in IndexedDB, with the dropped items' handles where the
//! browser lets a reloaded page read them again.

pub mod file_access;
pub mod resume_store;
pub mod sources;
pub mod transfer;
pub mod xhr;
