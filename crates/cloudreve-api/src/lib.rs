//! The Cloudreve v4 wire contract, shared by the app and the reference server.
//!
//! Everything here is plain data: models with the exact JSON field names, endpoints as typed request
//! descriptions, the `cloudreve://` URI type, boolsets and error codes. There is no transport and no UI;
//! callers execute [`Endpoint`] descriptions with whatever HTTP client suits them.

#![warn(missing_docs)]

pub mod boolset;
pub mod code;
pub mod endpoint;
pub mod endpoints;
pub mod envelope;
pub mod error;
pub mod models;
pub mod pagination;
pub mod time;
pub mod uri;

pub use boolset::Boolset;
pub use code::Code;
pub use endpoint::{Auth, Endpoint, Method};
pub use envelope::{Envelope, Outcome};
pub use error::ApiError;
pub use time::Timestamp;
pub use uri::{CrUri, FileSystem};

/// Path prefix of every JSON route, relative to the site origin.
pub const API_PREFIX: &str = "/api/v4";
