//! The `{code, data, msg, ...}` envelope every JSON route answers with (errors.md §1).
//!
//! Success is `code == 0` whatever the HTTP status; `203` is a soft "continue" carrying a string.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::code::Code;
use crate::error::ApiError;

/// The response envelope, as the server writes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    /// `0` success, `203` continue, anything else an error code.
    pub code: i32,
    /// Payload; omitted when the handler has nothing to return.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<T>,
    /// Human-readable message (may be empty).
    #[serde(default)]
    pub msg: String,
    /// Internal error text (debug builds only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Request id for log correlation; present on most errors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correlation_id: Option<String>,
    /// Per-item failures of a batch (code 40081), keyed by resource.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aggregated_error: Option<BTreeMap<String, Envelope<serde_json::Value>>>,
}

impl<T> Envelope<T> {
    /// A success envelope carrying `data`.
    pub fn ok(data: T) -> Self {
        Envelope {
            code: 0,
            data: Some(data),
            msg: String::new(),
            error: None,
            correlation_id: None,
            aggregated_error: None,
        }
    }
}

impl Envelope<()> {
    /// A success envelope without `data`.
    pub fn empty() -> Self {
        Envelope {
            code: 0,
            data: None,
            msg: String::new(),
            error: None,
            correlation_id: None,
            aggregated_error: None,
        }
    }

    /// An error envelope.
    pub fn error(code: Code, msg: impl Into<String>, correlation_id: Option<String>) -> Self {
        Envelope {
            code: code.number(),
            data: None,
            msg: msg.into(),
            error: None,
            correlation_id,
            aggregated_error: None,
        }
    }
}

/// What a successful call produced.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome<T> {
    /// `code == 0`: the decoded payload.
    Done(T),
    /// `code == 203`: continue with the given value (e.g. the 2FA session id).
    Continue(String),
}

/// The envelope's head, with `data` left undecoded until the code is known.
#[derive(Deserialize)]
struct Head<'a> {
    code: i32,
    #[serde(default, borrow)]
    data: Option<&'a RawValue>,
    #[serde(default)]
    msg: Option<String>,
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    correlation_id: Option<String>,
    #[serde(default)]
    aggregated_error: Option<BTreeMap<String, Envelope<serde_json::Value>>>,
}

/// Decodes a response body into its outcome or a typed error. Never panics, whatever the input.
pub fn decode<T: DeserializeOwned>(body: &str) -> Result<Outcome<T>, ApiError> {
    let head: Head = serde_json::from_str(body).map_err(|e| ApiError::decode(e, body))?;
    let data = head.data.map(RawValue::get).unwrap_or("null");
    match head.code {
        0 => serde_json::from_str(data)
            .map(Outcome::Done)
            .map_err(|e| ApiError::decode(e, body)),
        203 => Ok(Outcome::Continue(
            serde_json::from_str::<Option<String>>(data)
                .ok()
                .flatten()
                .unwrap_or_default(),
        )),
        code => Err(ApiError::from_envelope(
            code,
            head.msg.unwrap_or_default(),
            head.error,
            head.correlation_id,
            head.aggregated_error,
            data,
        )),
    }
}

/// Decodes a response that must not answer 203: a `Continue` becomes an error.
pub fn decode_done<T: DeserializeOwned>(body: &str) -> Result<T, ApiError> {
    match decode(body)? {
        Outcome::Done(v) => Ok(v),
        Outcome::Continue(_) => Err(ApiError::Server {
            code: Code::Continue,
            msg: String::new(),
            correlation_id: None,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn success_without_data_decodes_as_unit() {
        assert_eq!(
            decode::<()>(r#"{"code":0,"msg":""}"#),
            Ok(Outcome::Done(()))
        );
    }

    #[test]
    fn continue_carries_the_session_id() {
        let out = decode::<serde_json::Value>(r#"{"code":203,"data":"1728791b","msg":""}"#);
        assert_eq!(out, Ok(Outcome::Continue("1728791b".into())));
    }

    #[test]
    fn error_codes_win_over_data_shape() {
        let err = decode::<u64>(r#"{"code":40016,"msg":"Path not exist","correlation_id":"c-1"}"#)
            .unwrap_err();
        assert_eq!(err.code(), Some(Code::ParentNotExist));
        assert_eq!(err.correlation_id(), Some("c-1"));
    }

    #[test]
    fn garbage_is_a_decode_error_not_a_panic() {
        for body in ["", "{", "null", "[]", r#"{"code":"x"}"#, "<html>502</html>"] {
            assert!(
                matches!(decode::<u64>(body), Err(ApiError::Decode { .. })),
                "{body}"
            );
        }
    }
}
