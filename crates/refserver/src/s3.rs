//! The reference server's S3 client, for S3-compatible storage policies: presigned URLs the browser
//! uploads parts to and downloads from, and the few calls the server makes itself.
//!
//! Pure Rust over `reqwest` with a hand-written SigV4 ([`sigv4`]); the AWS SDK would add hundreds
//! of crates for six requests. Tested against a real S3 server (the `s3box` crate) in
//! `tests/s3.rs`.

mod client;
mod presign;
pub mod sigv4;
mod xml;

use serde::{Deserialize, Serialize};

pub use client::{ObjectInfo, S3Client};
pub use presign::GetOverrides;

/// Where an S3-compatible bucket is and how to sign for it: the JSON of an S3 policy's settings.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct S3Settings {
    /// Scheme, host and port of the S3 API, such as `http://127.0.0.1:9000` (no path).
    pub endpoint: String,
    /// The bucket objects go to.
    pub bucket: String,
    /// The region requests are signed for.
    #[serde(default = "default_region")]
    pub region: String,
    /// Access key id.
    pub access_key: String,
    /// Secret access key.
    pub secret_key: String,
    /// `true`: `endpoint/bucket/key` (what local servers and MinIO want); `false`: virtual-hosted
    /// `bucket.endpoint-host/key` (AWS's default).
    #[serde(default = "default_path_style")]
    pub path_style: bool,
}

fn default_region() -> String {
    "us-east-1".to_string()
}

fn default_path_style() -> bool {
    true
}

// The secret must not reach logs through `{:?}`.
impl std::fmt::Debug for S3Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("S3Settings")
            .field("endpoint", &self.endpoint)
            .field("bucket", &self.bucket)
            .field("region", &self.region)
            .field("access_key", &self.access_key)
            .field("secret_key", &"<hidden>")
            .field("path_style", &self.path_style)
            .finish()
    }
}

/// A failed S3 operation.
#[derive(Debug, thiserror::Error)]
pub enum S3Error {
    /// The provider refused the request: its HTTP status and the `Code` and `Message` of its
    /// `<Error>` document (for a body-less answer such as HEAD's, a code made from the status,
    /// e.g. `NotFound`).
    #[error("S3 answered {status} {code}: {message}")]
    Provider {
        /// HTTP status.
        status: u16,
        /// S3 error code, such as `NoSuchUpload`.
        code: String,
        /// The provider's message.
        message: String,
    },
    /// The provider could not be reached or the exchange broke off.
    #[error("S3 request failed: {0}")]
    Network(#[from] reqwest::Error),
    /// A success answer the client could not read.
    #[error("unexpected S3 answer: {0}")]
    Decode(String),
    /// The settings cannot work (such as an endpoint that is not a URL).
    #[error("invalid S3 settings: {0}")]
    Config(String),
}

impl S3Error {
    /// The provider's error code, if the provider answered with one.
    pub fn code(&self) -> Option<&str> {
        match self {
            S3Error::Provider { code, .. } => Some(code),
            _ => None,
        }
    }
}

/// The bucket and keys of the AWS documentation's SigV4 examples, for the tests' known vectors.
#[cfg(test)]
pub(crate) fn aws_example(endpoint: &str, path_style: bool) -> S3Settings {
    S3Settings {
        endpoint: endpoint.into(),
        bucket: "examplebucket".into(),
        region: "us-east-1".into(),
        access_key: "AKIAIOSFODNN7EXAMPLE".into(),
        secret_key: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".into(),
        path_style,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_read_from_policy_json_with_defaults() {
        let s: S3Settings = serde_json::from_str(
            r#"{"endpoint":"http://127.0.0.1:9000","bucket":"b","access_key":"ak","secret_key":"sk"}"#,
        )
        .expect("valid settings");
        assert_eq!(s.region, "us-east-1");
        assert!(s.path_style);
        let back: S3Settings =
            serde_json::from_value(serde_json::to_value(&s).expect("serialises"))
                .expect("reads back");
        assert_eq!(back, s);
        assert!(
            !format!("{s:?}").contains("sk\""),
            "the secret stays out of Debug"
        );
    }
}
