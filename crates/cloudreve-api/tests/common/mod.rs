//! Helpers shared by the decode tests.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Decodes `json` as `T`, re-encodes it, decodes again, and checks both decodes agree.
pub fn round_trip<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(json: &str) -> T {
    let first: T = serde_json::from_str(json).expect("fixture decodes");
    let again: T =
        serde_json::from_str(&serde_json::to_string(&first).expect("encodes")).expect("re-decodes");
    assert_eq!(first, again);
    first
}
