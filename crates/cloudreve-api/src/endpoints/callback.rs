//! Upload-completion callbacks (callback.md): finish a direct-to-storage upload session.
//!
//! `{sid}` is the upload session id and `{key}` its `callback_secret`. Clients call the S3, COS, KS3
//! and OneDrive routes; the OBS route is called by Huawei OBS itself. Failures may come with HTTP 400
//! or 401 (not 200) but still carry the JSON envelope.

use serde::{Deserialize, Serialize};

use crate::endpoint::{Auth, Endpoint, EndpointInfo, Method, Payload};
use crate::uri::encode_component;

/// Implements [`Endpoint`] for a callback type with `session_id`/`key` path fields.
macro_rules! callback_endpoint {
    ($req:ty, $method:ident, $provider:literal, $payload:ident) => {
        impl Endpoint for $req {
            const METHOD: Method = Method::$method;
            const PATH: &'static str = concat!("/callback/", $provider, "/{sid}/{key}");
            const AUTH: Auth = Auth::None;
            const PAYLOAD: Payload = Payload::$payload;
            type Response = ();

            fn path(&self) -> String {
                format!(
                    concat!("/callback/", $provider, "/{}/{}"),
                    encode_component(&self.session_id),
                    encode_component(&self.key)
                )
            }
        }
    };
}

/// `GET /callback/s3/{sid}/{key}`: the client completed an S3 multipart upload.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct S3Callback {
    /// Upload session id (`{sid}`).
    #[serde(skip)]
    pub session_id: String,
    /// The session's `callback_secret` (`{key}`).
    #[serde(skip)]
    pub key: String,
}
callback_endpoint!(S3Callback, Get, "s3", None);

/// `GET /callback/cos/{sid}/{key}`: the client completed a Tencent COS multipart upload.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CosCallback {
    /// Upload session id (`{sid}`).
    #[serde(skip)]
    pub session_id: String,
    /// The session's `callback_secret` (`{key}`).
    #[serde(skip)]
    pub key: String,
}
callback_endpoint!(CosCallback, Get, "cos", None);

/// `POST /callback/obs/{sid}/{key}`: Huawei OBS reports a completed upload (server to server).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ObsCallback {
    /// Upload session id (`{sid}`).
    #[serde(skip)]
    pub session_id: String,
    /// The session's `callback_secret` (`{key}`).
    #[serde(skip)]
    pub key: String,
    /// Object key in the bucket.
    #[serde(default)]
    pub name: String,
    /// The file's original name.
    #[serde(default)]
    pub source_name: String,
    /// Object size in bytes.
    #[serde(default)]
    pub size: i64,
}
callback_endpoint!(ObsCallback, Post, "obs", Json);

/// `POST /callback/onedrive/{sid}/{key}` (empty body): the last byte range was accepted by OneDrive.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OneDriveCallback {
    /// Upload session id (`{sid}`).
    #[serde(skip)]
    pub session_id: String,
    /// The session's `callback_secret` (`{key}`).
    #[serde(skip)]
    pub key: String,
}
callback_endpoint!(OneDriveCallback, Post, "onedrive", None);

/// `GET /callback/ks3/{sid}/{key}`: \[Newer\] the client completed a Kingsoft KS3 multipart upload.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Ks3Callback {
    /// Upload session id (`{sid}`).
    #[serde(skip)]
    pub session_id: String,
    /// The session's `callback_secret` (`{key}`).
    #[serde(skip)]
    pub key: String,
}
callback_endpoint!(Ks3Callback, Get, "ks3", None);

/// The endpoints of this area.
pub(crate) fn infos() -> Vec<EndpointInfo> {
    use crate::endpoint::info;
    vec![
        info::<S3Callback>(),
        info::<CosCallback>(),
        info::<ObsCallback>(),
        info::<OneDriveCallback>(),
        info::<Ks3Callback>(),
    ]
}
