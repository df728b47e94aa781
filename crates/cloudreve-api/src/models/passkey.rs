//! Passkey (WebAuthn) registration and management (user.md §Passkey).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{is_false, is_zero, null_default};

/// `POST /user/authn` body: finish passkey registration.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FinishPasskeyRegistrationRequest {
    /// The browser's attestation as a JSON string (binaries base64url, no padding).
    pub response: String,
    /// Display name; `{os}` and `{browser}` are filled from `ua` (the docs call it `u`).
    pub name: String,
    /// The browser's user agent.
    pub ua: String,
}

/// `DELETE /user/authn` query: delete a passkey.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeletePasskeyRequest {
    /// The passkey's id as listed.
    pub id: String,
}

/// `PUT /user/authn` answer: WebAuthn creation options wrapped in `publicKey`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PasskeyRegistrationOptions {
    /// Options for `navigator.credentials.create`.
    #[serde(rename = "publicKey")]
    pub public_key: PasskeyCreationOptions,
}

/// WebAuthn `PublicKeyCredentialCreationOptions` (binary members base64url without padding).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PasskeyCreationOptions {
    /// Relying party (the site).
    pub rp: PasskeyRelyingParty,
    /// The account.
    pub user: PasskeyUserEntity,
    /// Challenge, base64url.
    #[serde(deserialize_with = "null_default")]
    pub challenge: String,
    /// Accepted key algorithms.
    #[serde(rename = "pubKeyCredParams", deserialize_with = "null_default")]
    pub pub_key_cred_params: Vec<PasskeyCredentialParameter>,
    /// Milliseconds.
    #[serde(skip_serializing_if = "is_zero")]
    pub timeout: i64,
    /// Existing passkeys.
    #[serde(
        rename = "excludeCredentials",
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub exclude_credentials: Vec<PasskeyCredentialDescriptor>,
    /// Authenticator requirements.
    #[serde(
        rename = "authenticatorSelection",
        skip_serializing_if = "Option::is_none"
    )]
    pub authenticator_selection: Option<PasskeyAuthenticatorSelection>,
    /// Other WebAuthn members (`attestation`, `extensions`, ...), kept for the browser call.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// WebAuthn relying party.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PasskeyRelyingParty {
    /// Site title.
    #[serde(deserialize_with = "null_default")]
    pub name: String,
    /// Site host name.
    #[serde(deserialize_with = "null_default")]
    pub id: String,
}

/// WebAuthn user entity.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PasskeyUserEntity {
    /// E-mail.
    #[serde(deserialize_with = "null_default")]
    pub name: String,
    /// Nickname.
    #[serde(rename = "displayName", deserialize_with = "null_default")]
    pub display_name: String,
    /// base64url of the user id's UTF-8 bytes (comes back as `userHandle`).
    #[serde(deserialize_with = "null_default")]
    pub id: String,
}

/// WebAuthn key type and algorithm.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PasskeyCredentialParameter {
    /// `public-key`.
    #[serde(rename = "type", deserialize_with = "null_default")]
    pub cred_type: String,
    /// COSE algorithm, e.g. `-7` (ES256).
    pub alg: i64,
}

/// WebAuthn credential descriptor.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PasskeyCredentialDescriptor {
    /// `public-key`.
    #[serde(rename = "type", deserialize_with = "null_default")]
    pub cred_type: String,
    /// Credential id, base64url.
    #[serde(deserialize_with = "null_default")]
    pub id: String,
    /// Transports hint.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub transports: Vec<String>,
}

/// WebAuthn authenticator selection criteria.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PasskeyAuthenticatorSelection {
    /// `platform` or `cross-platform`.
    #[serde(
        rename = "authenticatorAttachment",
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub authenticator_attachment: String,
    /// Discoverable credential required (legacy member).
    #[serde(rename = "requireResidentKey", skip_serializing_if = "is_false")]
    pub require_resident_key: bool,
    /// `discouraged`, `preferred` or `required`.
    #[serde(
        rename = "residentKey",
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub resident_key: String,
    /// `discouraged`, `preferred` or `required`.
    #[serde(
        rename = "userVerification",
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub user_verification: String,
}
