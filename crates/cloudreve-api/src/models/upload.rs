//! Uploads, in-place content updates and viewer (WOPI) sessions (file.md §5, §6, §7).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{null_default, StoragePolicy};

/// `PUT /file/upload` body: start an upload session.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateUploadSessionRequest {
    /// Full URI of the file to create.
    pub uri: String,
    /// Exact size in bytes.
    pub size: i64,
    /// Storage policy id (the folder listing's `storage_policy.id`).
    pub policy_id: String,
    /// Modification time, Unix milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<i64>,
    /// Content type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mime_type: Option<String>,
    /// Metadata applied on completion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, String>>,
    /// `""` new file, `version` overwrite as a new version, `live_photo` attach a video.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_type: Option<String>,
    /// [Newer] client-side encryption algorithms the client supports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encryption_supported: Option<Vec<String>>,
}

/// [Newer] client-side encryption parameters of an upload.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EncryptMetadata {
    /// Cipher, e.g. `aes-256-ctr`.
    #[serde(deserialize_with = "null_default")]
    pub algorithm: String,
    /// Base64 key.
    #[serde(deserialize_with = "null_default")]
    pub key_plain_text: String,
    /// Base64 IV.
    #[serde(deserialize_with = "null_default")]
    pub iv: String,
}

/// `PUT /file/upload` answer: how to send the data.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UploadCredential {
    /// Session id, for chunk URLs, callbacks and cancelling.
    #[serde(deserialize_with = "null_default")]
    pub session_id: String,
    /// Provider multipart id (informational, may be empty).
    #[serde(deserialize_with = "null_default")]
    pub upload_id: String,
    /// Bytes per chunk; `0` = the whole file in one request.
    pub chunk_size: i64,
    /// Session deadline, Unix seconds.
    pub expires: i64,
    /// Where to send data (provider policies).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub upload_urls: Vec<String>,
    /// Extra credential (remote, qiniu, upyun).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub credential: String,
    /// Pre-signed "complete multipart upload" URL (camelCase on the wire).
    #[serde(
        rename = "completeURL",
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub complete_url: String,
    /// The policy actually used; its type decides the protocol.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub storage_policy: Option<StoragePolicy>,
    /// Target file URI.
    #[serde(deserialize_with = "null_default")]
    pub uri: String,
    /// The `{key}` of callback URLs.
    #[serde(deserialize_with = "null_default")]
    pub callback_secret: String,
    /// Content type to use (qiniu, upyun).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub mime_type: String,
    /// Upyun form policy.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub upload_policy: String,
    /// [Newer] client-side encryption parameters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encrypt_metadata: Option<EncryptMetadata>,
}

/// `POST /file/upload/{sid}/{index}`: one chunk of a local or relay upload. The body is the raw
/// chunk bytes, which the caller sends; this describes the path.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UploadChunk {
    /// Upload session id.
    #[serde(skip)]
    pub session_id: String,
    /// 0-based chunk number.
    #[serde(skip)]
    pub index: u64,
}

/// `DELETE /file/upload` body: cancel an upload.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteUploadSessionRequest {
    /// The session id.
    pub id: String,
    /// The session's target URI.
    pub uri: String,
}

/// `PUT /file/content`: overwrite or create a small file in one request. The body is the raw content,
/// which the caller sends; these are the query parameters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateContentRequest {
    /// The file.
    pub uri: String,
    /// The version the editor started from; a different current version answers 40076.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
}

/// `PUT /file/viewerSession` body: open a file in a WOPI app.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateViewerSessionRequest {
    /// The file.
    pub uri: String,
    /// Viewer id from the site's `file_viewers`.
    pub viewer_id: String,
    /// `view` or `edit`.
    pub preferred_action: String,
    /// Version (entity) id; default current.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// [Newer] folder the file was opened from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_uri: Option<String>,
}

/// The session part of a [`ViewerSessionResponse`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewerSession {
    /// Session id (UUID).
    #[serde(deserialize_with = "null_default")]
    pub id: String,
    /// Token for the WOPI client.
    #[serde(deserialize_with = "null_default")]
    pub access_token: String,
    /// Deadline, Unix **milliseconds**.
    pub expires: i64,
}

/// `PUT /file/viewerSession` answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewerSessionResponse {
    /// The session.
    pub session: ViewerSession,
    /// WOPI action URL (placeholders `lng` and `darkmode` left for the client).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub wopi_src: String,
}
