//! The requests of each storage protocol (file.md §5): where a chunk goes, with which headers, and
//! what its answer means; the S3 completion request. The service performs them with [`super::xhr`].

use cloudreve_api::envelope::decode_done;
use cloudreve_api::uri::encode_component;
use cloudreve_api::ApiError;
use web_sys::Blob;

use super::xhr::{XhrBody, XhrError, XhrReply, XhrRequest};
use crate::domain::upload::protocol::{Protocol, S3Flavor, SessionInfo};
use crate::domain::upload::s3_xml;
use crate::domain::upload::task::FailureKind;

/// Why a chunk or completion request failed.
#[derive(Debug, Clone, PartialEq)]
pub enum SendError {
    /// The Cloudreve API (or the transport) said no.
    Api(ApiError),
    /// The storage provider said no (S3 error document or status).
    Provider {
        /// HTTP status.
        status: u16,
        /// The provider's message.
        message: String,
    },
    /// Aborted by a pause or cancel.
    Aborted,
}

impl SendError {
    /// How the engine should react.
    pub fn kind(&self) -> FailureKind {
        match self {
            SendError::Api(e) => FailureKind::of(e),
            // Throttling and server trouble pass; a refused signature or a missing upload does not.
            SendError::Provider { status, .. }
                if *status >= 500 || *status == 408 || *status == 429 =>
            {
                FailureKind::Retryable
            }
            SendError::Provider { .. } => FailureKind::Fatal,
            SendError::Aborted => FailureKind::Retryable,
        }
    }
}

impl From<XhrError> for SendError {
    fn from(e: XhrError) -> Self {
        match e {
            XhrError::Aborted => SendError::Aborted,
            XhrError::Network => SendError::Api(ApiError::Network("connection failed".into())),
        }
    }
}

/// The request sending chunk `index` (`body` is the slice) of session `s`.
pub fn chunk_request(
    api_base: &str,
    token: Option<&str>,
    s: &SessionInfo,
    index: usize,
    body: Blob,
) -> XhrRequest {
    let octets = (
        "Content-Type".to_string(),
        "application/octet-stream".to_string(),
    );
    match &s.protocol {
        Protocol::Local => XhrRequest {
            method: "POST",
            url: format!("{api_base}/file/upload/{}/{index}", encode_component(&s.id)),
            headers: token
                .map(|t| ("Authorization".to_string(), format!("Bearer {t}")))
                .into_iter()
                .chain([octets])
                .collect(),
            body: XhrBody::Blob(body),
        },
        // The node's signature covers X-Cr-* headers, so nothing but these two may be added.
        Protocol::Remote { url, credential } => XhrRequest {
            method: "POST",
            url: format!(
                "{url}{}chunk={index}",
                if url.contains('?') { '&' } else { '?' }
            ),
            headers: vec![("Authorization".to_string(), credential.clone()), octets],
            body: XhrBody::Blob(body),
        },
        Protocol::S3 { part_urls, .. } => XhrRequest {
            method: "PUT",
            url: part_urls.get(index).cloned().unwrap_or_default(),
            headers: vec![octets],
            body: XhrBody::Blob(body),
        },
    }
}

/// What a chunk's answer means: `Ok(etag)` when accepted.
pub fn chunk_result(
    s: &SessionInfo,
    reply: Result<XhrReply, XhrError>,
) -> Result<Option<String>, SendError> {
    let reply = reply?;
    match s.protocol {
        Protocol::Local | Protocol::Remote { .. } => envelope_result(&reply).map(|()| None),
        Protocol::S3 { .. } => {
            provider_result(&reply)?;
            match reply.etag {
                Some(etag) if !etag.is_empty() => Ok(Some(etag)),
                // Without the ETag the part cannot be completed: the bucket's CORS rules must
                // expose it. Retrying will not help.
                _ => Err(SendError::Provider {
                    status: reply.status,
                    message: "the storage did not expose the part's ETag (check its CORS rules)"
                        .into(),
                }),
            }
        }
    }
}

fn envelope_result(reply: &XhrReply) -> Result<(), SendError> {
    match decode_done::<serde_json::Value>(&reply.text) {
        Ok(_) => Ok(()),
        // A proxy or a crashed handler: no envelope, an HTTP error status. Worth a retry.
        Err(ApiError::Decode { body, .. }) => Err(SendError::Api(ApiError::Decode {
            message: format!("HTTP {}", reply.status),
            body,
        })),
        Err(e) => Err(SendError::Api(e)),
    }
}

fn provider_result(reply: &XhrReply) -> Result<(), SendError> {
    if let Some((code, message)) = s3_xml::error_of(&reply.text) {
        let status = if reply.status == 200 {
            500
        } else {
            reply.status
        };
        // An InternalError inside a 200 is worth a retry; treat it like a 500.
        let status = if code == "InternalError" || code == "SlowDown" {
            500
        } else {
            status.max(400)
        };
        return Err(SendError::Provider { status, message });
    }
    if (200..300).contains(&reply.status) {
        Ok(())
    } else {
        Err(SendError::Provider {
            status: reply.status,
            message: format!("HTTP {}", reply.status),
        })
    }
}

/// The request completing an S3-style multipart upload, given the parts' ETags in order.
pub fn complete_request(s: &SessionInfo, etags: &[&str]) -> Option<XhrRequest> {
    let Protocol::S3 {
        flavor,
        complete_url,
        ..
    } = &s.protocol
    else {
        return None;
    };
    let octets = (
        "Content-Type".to_string(),
        "application/octet-stream".to_string(),
    );
    let (headers, body) = match flavor {
        S3Flavor::Oss => (
            vec![
                ("x-oss-forbid-overwrite".to_string(), "true".to_string()),
                ("x-oss-complete-all".to_string(), "yes".to_string()),
            ],
            XhrBody::Empty,
        ),
        S3Flavor::Cos => (
            vec![
                octets,
                ("x-cos-forbid-overwrite".to_string(), "true".to_string()),
            ],
            XhrBody::Text(s3_xml::complete_body(etags.iter().copied())),
        ),
        S3Flavor::S3 | S3Flavor::Obs => (
            vec![octets],
            XhrBody::Text(s3_xml::complete_body(etags.iter().copied())),
        ),
    };
    Some(XhrRequest {
        method: "POST",
        url: complete_url.clone(),
        headers,
        body,
    })
}

/// What the completion's answer means.
pub fn complete_result(reply: Result<XhrReply, XhrError>) -> Result<(), SendError> {
    provider_result(&reply?)
}
