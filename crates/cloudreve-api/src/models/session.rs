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
}
