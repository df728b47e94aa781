//! The one error type of every API call: transport, decoding, server codes and batch failures.

use std::collections::BTreeMap;

use crate::code::Code;
use crate::envelope::Envelope;

/// A failed API call. `Clone` so results can live in reactive signals.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ApiError {
    /// The request never got a response (offline, DNS, aborted, CORS).
    Network(String),
    /// The response was not a valid envelope or its data had the wrong shape.
    Decode {
        /// What the decoder said.
        message: String,
        /// The start of the body, for diagnosis.
        body: String,
    },
    /// The server answered with a non-zero code.
    Server {
        /// The response code.
        code: Code,
        /// The server's message.
        msg: String,
        /// Request id for the server logs.
        correlation_id: Option<String>,
    },
    /// A batch partly failed (40081): one entry per failed resource.
    Batch {
        /// The overall message.
        msg: String,
        /// Request id of the batch.
        correlation_id: Option<String>,
        /// Failed resources with their own errors.
        items: Vec<(String, ApiError)>,
    },
    /// A resource is locked (40073): the conflicting locks.
    Locked {
        /// The server's message.
        msg: String,
        /// Request id.
        correlation_id: Option<String>,
        /// The conflicting locks; an item the crate cannot read is skipped, not fatal.
        conflicts: Vec<crate::models::ConflictDetail>,
    },
}

/// How much of a bad body is kept in a decode error.
const BODY_EXCERPT: usize = 200;

impl ApiError {
    /// A decode error keeping an excerpt of the offending body.
    pub fn decode(err: impl std::fmt::Display, body: &str) -> Self {
        let mut end = body.len().min(BODY_EXCERPT);
        while !body.is_char_boundary(end) {
            end -= 1;
        }
        ApiError::Decode {
            message: err.to_string(),
            body: body[..end].to_string(),
        }
    }

    pub(crate) fn from_envelope(
        code: i32,
        msg: String,
        _error: Option<String>,
        correlation_id: Option<String>,
        aggregated: Option<BTreeMap<String, Envelope<serde_json::Value>>>,
        data: &str,
    ) -> Self {
        match Code::from(code) {
            Code::BatchOperationNotFullyCompleted => {
                let items = aggregated
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(resource, inner)| {
                        let err = ApiError::Server {
                            code: Code::from(inner.code),
                            msg: inner.msg,
                            correlation_id: inner.correlation_id,
                        };
                        (resource, err)
                    })
                    .collect();
                ApiError::Batch {
                    msg,
                    correlation_id,
                    items,
                }
            }
            Code::LockConflict => {
                let items = serde_json::from_str::<Option<Vec<serde_json::Value>>>(data)
                    .ok()
                    .flatten()
                    .unwrap_or_default();
                let conflicts = items
                    .into_iter()
                    .filter_map(|v| serde_json::from_value(v).ok())
                    .collect();
                ApiError::Locked {
                    msg,
                    correlation_id,
                    conflicts,
                }
            }
            code => ApiError::Server {
                code,
                msg,
                correlation_id,
            },
        }
    }

    /// The response code, when the server answered.
    pub fn code(&self) -> Option<Code> {
        match self {
            ApiError::Server { code, .. } => Some(*code),
            ApiError::Batch { .. } => Some(Code::BatchOperationNotFullyCompleted),
            ApiError::Locked { .. } => Some(Code::LockConflict),
            ApiError::Network(_) | ApiError::Decode { .. } => None,
        }
    }

    /// The request id to quote when reporting the problem.
    pub fn correlation_id(&self) -> Option<&str> {
        match self {
            ApiError::Server { correlation_id, .. }
            | ApiError::Batch { correlation_id, .. }
            | ApiError::Locked { correlation_id, .. } => correlation_id.as_deref(),
            ApiError::Network(_) | ApiError::Decode { .. } => None,
        }
    }

    /// The server's own message, if any.
    pub fn server_message(&self) -> Option<&str> {
        match self {
            ApiError::Server { msg, .. }
            | ApiError::Batch { msg, .. }
            | ApiError::Locked { msg, .. } => Some(msg),
            ApiError::Network(_) | ApiError::Decode { .. } => None,
        }
    }

    /// Whether the error means the signed-in session is gone.
    pub fn ends_session(&self) -> bool {
        self.code().is_some_and(Code::ends_session)
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApiError::Network(m) => write!(f, "network error: {m}"),
            ApiError::Decode { message, .. } => write!(f, "unexpected response: {message}"),
            ApiError::Server { code, msg, .. } => write!(f, "{msg} (code {})", code.number()),
            ApiError::Batch { msg, items, .. } => write!(f, "{msg} ({} items failed)", items.len()),
            ApiError::Locked { msg, .. } => write!(f, "{msg}"),
        }
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use crate::envelope::decode;

    use super::*;

    #[test]
    fn batch_errors_decode_item_by_item() {
        let body = r#"{"code":40081,"msg":"x","aggregated_error":{"cloudreve://my/x.docx":{"code":40016,"msg":"Path not exist","correlation_id":"c2"}},"correlation_id":"c1"}"#;
        let ApiError::Batch {
            items,
            correlation_id,
            ..
        } = decode::<()>(body).unwrap_err()
        else {
            panic!("not a batch")
        };
        assert_eq!(correlation_id.as_deref(), Some("c1"));
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].0, "cloudreve://my/x.docx");
        assert_eq!(items[0].1.code(), Some(Code::ParentNotExist));
    }

    #[test]
    fn lock_conflicts_keep_their_details() {
        let body = r#"{"code":40073,"msg":"Lock conflict","data":[{"path":"cloudreve://my/a","token":"t","type":0}]}"#;
        let ApiError::Locked { conflicts, .. } = decode::<()>(body).unwrap_err() else {
            panic!("not a lock")
        };
        assert_eq!(conflicts.len(), 1);
    }

    #[test]
    fn decode_excerpt_never_splits_a_character() {
        let body = "é".repeat(300);
        let ApiError::Decode { body, .. } = ApiError::decode("x", &body) else {
            unreachable!()
        };
        assert!(body.len() <= BODY_EXCERPT);
    }
}
