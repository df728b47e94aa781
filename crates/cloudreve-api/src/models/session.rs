//! Sign-in, tokens and 2FA bodies.

use serde::{Deserialize, Serialize};

use super::null_default;
use crate::models::User;
use crate::Timestamp;

/// An access/refresh token pair.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Token {
    /// Bearer token for API calls.
    #[serde(deserialize_with = "null_default")]
    pub access_token: String,
    /// Token to exchange for a new pair.
    #[serde(deserialize_with = "null_default")]
    pub refresh_token: String,
    /// When the access token expires.
    pub access_expires: Timestamp,
    /// When the refresh token expires.
    pub refresh_expires: Timestamp,
}

/// A successful sign-in.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LoginResponse {
    /// The signed-in user (full form).
    pub user: User,
    /// The new token pair.
    pub token: Token,
}

/// `POST /session/token` body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PasswordLoginRequest {
    /// Account e-mail.
    pub email: String,
    /// Password (4..128 characters).
    pub password: String,
    /// CAPTCHA answer, when the site asks for one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub captcha: String,
    /// CAPTCHA ticket, when the site asks for one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ticket: String,
}

/// `POST /session/token/2fa` body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TwoFaLoginRequest {
    /// The TOTP code (the docs call it `opt`; servers read `otp`).
    pub otp: String,
    /// The session id from the 203 answer.
    pub session_id: String,
}

/// Body of `POST /session/token/refresh` and `DELETE /session/token`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RefreshTokenRequest {
    /// The refresh token.
    pub refresh_token: String,
}

/// `GET /session/prepare`: which sign-in methods an account has.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PrepareLoginResponse {
    /// Has at least one passkey.
    pub webauthn_enabled: bool,
    /// Has a password.
    pub password_enabled: bool,
    /// \[Pro\] linked to Logto.
    #[serde(skip_serializing_if = "super::is_false")]
    pub sso_enabled: bool,
    /// \[Pro\] linked to QQ.
    #[serde(skip_serializing_if = "super::is_false")]
    pub qq_enabled: bool,
}

/// CAPTCHA answer fields mixed into protected request bodies (models.md §CaptchaFields).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CaptchaFields {
    /// `normal`: the typed text; `recaptcha`: the response token.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub captcha: String,
    /// `normal`: the challenge ticket; `turnstile`/`cap`: the widget token.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub ticket: String,
}

/// `PUT /session/openid` body: [Pro] start an OpenID sign-in or account link.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PrepareOpenIdRequest {
    /// `0` Logto, `1` QQ, `2` generic OIDC.
    pub provider: i32,
    /// Link to the signed-in account instead of signing in.
    #[serde(default, skip_serializing_if = "super::is_false")]
    pub linking: bool,
    /// Preferred account e-mail (Logto only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

/// `POST /session/openid` body: [Pro] finish an OpenID sign-in from the provider's callback.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FinishOpenIdRequest {
    /// `code` from the callback query.
    pub code: String,
    /// `state` from the callback query.
    pub session_id: String,
    /// The provider.
    pub provider_id: i32,
}

/// `DELETE /session/openid/{provider_id}`: [Pro] unlink a provider.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UnlinkOpenId {
    /// The provider.
    #[serde(skip)]
    pub provider_id: i32,
}

/// `PUT /session/authn`: start a username-less passkey sign-in.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PreparePasskeyLogin;

/// `PUT /session/authn` answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PasskeyLoginOptions {
    /// WebAuthn `PublicKeyCredentialRequestOptions` wrapper (`{publicKey: {...}}`), passed to the browser.
    pub options: serde_json::Value,
    /// Session id for the finish call (valid 300 s).
    #[serde(deserialize_with = "null_default")]
    pub session_id: String,
}

/// `POST /session/authn` body: finish a passkey sign-in.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FinishPasskeyLoginRequest {
    /// From the prepare call.
    pub session_id: String,
    /// The assertion as a JSON document serialised into a string (not a nested object).
    pub response: String,
}
