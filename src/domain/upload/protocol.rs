//! Which wire protocol an upload session uses (file.md §5 "Per-storage-type protocols"), decided
//! from the credential's storage policy, and everything the engine keeps about a session.

use cloudreve_api::models::UploadCredential;
use serde::{Deserialize, Serialize};

/// How S3-style providers finish a multipart upload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum S3Flavor {
    /// S3, KS3: XML part list, then the client calls `/callback/{type}/...`.
    S3,
    /// Tencent COS: like S3 plus `x-cos-forbid-overwrite`.
    Cos,
    /// Huawei OBS: XML part list; the provider calls Cloudreve itself.
    Obs,
    /// Aliyun OSS: empty body with `x-oss-complete-all`; the provider calls Cloudreve itself.
    Oss,
}

/// Where the chunks go and how the upload is finished.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Protocol {
    /// `local` or any relay policy: chunks to `POST /file/upload/{session}/{index}`; the last chunk
    /// completes the upload.
    Local,
    /// A storage node: chunks to `{url}?chunk={index}` with `Authorization: {credential}`; the last
    /// chunk completes the upload.
    Remote {
        /// The node's upload URL.
        url: String,
        /// The complete `Authorization` value.
        credential: String,
    },
    /// S3-style multipart: chunk `i` to `part_urls[i]` (read its `ETag`), then the complete URL,
    /// then (S3, COS, KS3) the callback.
    S3 {
        /// The provider.
        flavor: S3Flavor,
        /// Callback path segment (`s3`, `ks3`, `cos`), empty when the provider calls Cloudreve.
        callback: String,
        /// One pre-signed URL per part.
        part_urls: Vec<String>,
        /// Pre-signed complete-multipart URL.
        complete_url: String,
    },
}

impl Protocol {
    /// Whether the last chunk finishes the upload (so it must go last, after all others succeeded).
    pub fn last_chunk_completes(&self) -> bool {
        matches!(self, Protocol::Local | Protocol::Remote { .. })
    }
}

/// A live upload session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    /// `session_id`.
    pub id: String,
    /// The file URI the server assigned.
    pub uri: String,
    /// Bytes per chunk (0 = one request).
    pub chunk_size: u64,
    /// Deadline, Unix milliseconds.
    pub expires_ms: i64,
    /// Chunks of this file that may be in flight together.
    pub chunk_concurrency: usize,
    /// The `{key}` of callback URLs.
    pub callback_secret: String,
    /// How to send.
    pub protocol: Protocol,
}

/// The credential names a storage type this client cannot upload to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsupportedPolicy(pub String);

impl SessionInfo {
    /// Reads a `PUT /file/upload` answer.
    pub fn from_credential(cred: &UploadCredential) -> Result<Self, UnsupportedPolicy> {
        let policy = cred.storage_policy.clone().unwrap_or_default();
        let kind = policy.policy_type.as_str();
        let s3 = |flavor, callback: &str| Protocol::S3 {
            flavor,
            callback: callback.to_string(),
            part_urls: cred.upload_urls.clone(),
            complete_url: cred.complete_url.clone(),
        };
        let protocol = if policy.relay || kind == "local" || kind.is_empty() {
            Protocol::Local
        } else {
            match kind {
                "remote" => Protocol::Remote {
                    url: cred.upload_urls.first().cloned().unwrap_or_default(),
                    credential: cred.credential.clone(),
                },
                "s3" => s3(S3Flavor::S3, "s3"),
                "ks3" => s3(S3Flavor::S3, "ks3"),
                "cos" => s3(S3Flavor::Cos, "cos"),
                "obs" => s3(S3Flavor::Obs, ""),
                "oss" => s3(S3Flavor::Oss, ""),
                other => return Err(UnsupportedPolicy(other.to_string())),
            }
        };
        // Local chunks carry the completion in their last index, so more than one in flight is only
        // safe because the engine holds the last chunk back until all others are done.
        let chunk_concurrency = policy.chunk_concurrency.unwrap_or(1).clamp(1, 16) as usize;
        Ok(SessionInfo {
            id: cred.session_id.clone(),
            uri: cred.uri.clone(),
            chunk_size: cred.chunk_size.max(0) as u64,
            expires_ms: cred.expires.saturating_mul(1000),
            chunk_concurrency,
            callback_secret: cred.callback_secret.clone(),
            protocol,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cloudreve_api::models::StoragePolicy;

    fn cred(kind: &str, relay: bool) -> UploadCredential {
        UploadCredential {
            session_id: "s1".into(),
            chunk_size: 100,
            expires: 1_700_000_000,
            upload_urls: vec!["u0".into(), "u1".into()],
            credential: "Bearer Cr x:1".into(),
            complete_url: "done".into(),
            uri: "cloudreve://my/a".into(),
            callback_secret: "k".into(),
            storage_policy: Some(StoragePolicy {
                policy_type: kind.into(),
                relay,
                chunk_concurrency: Some(3),
                ..StoragePolicy::default()
            }),
            ..UploadCredential::default()
        }
    }

    #[test]
    fn local_and_relay_policies_send_to_the_api() {
        let s = SessionInfo::from_credential(&cred("local", false)).unwrap();
        assert_eq!(s.protocol, Protocol::Local);
        assert_eq!(s.expires_ms, 1_700_000_000_000);
        assert_eq!(s.chunk_concurrency, 3);
        let relay = SessionInfo::from_credential(&cred("onedrive", true)).unwrap();
        assert_eq!(relay.protocol, Protocol::Local);
    }

    #[test]
    fn provider_types_pick_their_protocol() {
        let s = SessionInfo::from_credential(&cred("s3", false)).unwrap();
        assert!(
            matches!(s.protocol, Protocol::S3 { flavor: S3Flavor::S3, ref callback, .. } if callback == "s3")
        );
        assert!(!s.protocol.last_chunk_completes());
        let r = SessionInfo::from_credential(&cred("remote", false)).unwrap();
        assert!(matches!(r.protocol, Protocol::Remote { ref url, .. } if url == "u0"));
        assert!(r.protocol.last_chunk_completes());
        assert_eq!(
            SessionInfo::from_credential(&cred("qiniu", false)),
            Err(UnsupportedPolicy("qiniu".into()))
        );
    }

    #[test]
    fn absent_concurrency_means_one() {
        let mut c = cred("local", false);
        if let Some(p) = c.storage_policy.as_mut() {
            p.chunk_concurrency = None;
        }
        assert_eq!(
            SessionInfo::from_credential(&c).unwrap().chunk_concurrency,
            1
        );
    }
}
