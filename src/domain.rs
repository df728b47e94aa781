//! Pure logic with no browser in it, tested natively.

pub mod list_keys;
pub mod single_flight;
pub mod size_format;
pub mod sort;
pub mod token_expiry;
pub mod visible_range;
