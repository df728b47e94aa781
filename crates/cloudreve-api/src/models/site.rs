//! Site configuration sections and the CAPTCHA challenge.

use serde::{Deserialize, Serialize};

use super::{is_false, null_default};
use crate::models::User;

/// `GET /site/config/{section}`: only the requested section's keys are present.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SiteConfig {
    /// Installation id (basic).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub instance_id: String,
    /// Site name (basic).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub title: String,
    /// JSON-encoded theme map (basic).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub themes: String,
    /// Default theme key (basic).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub default_theme: String,
    /// The requesting user, anonymous when signed out (basic).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<User>,
    /// Logo for light mode (basic).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub logo: String,
    /// Logo for dark mode (basic).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub logo_light: String,
    /// `normal`, `recaptcha`, `turnstile`, `cap` (basic).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub captcha_type: String,
    /// CAPTCHA required for password sign-in (login).
    #[serde(skip_serializing_if = "is_false")]
    pub login_captcha: bool,
    /// CAPTCHA required for sign-up (login).
    #[serde(skip_serializing_if = "is_false")]
    pub reg_captcha: bool,
    /// CAPTCHA required for the reset e-mail (login).
    #[serde(skip_serializing_if = "is_false")]
    pub forget_captcha: bool,
    /// Passkeys enabled (login).
    #[serde(skip_serializing_if = "is_false")]
    pub authn: bool,
    /// Self sign-up allowed (login).
    #[serde(skip_serializing_if = "is_false")]
    pub register_enabled: bool,
    /// Terms of service URL (login).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub tos_url: String,
    /// Privacy policy URL (login).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub privacy_policy_url: String,
    /// Max URIs per batch request (explorer).
    #[serde(skip_serializing_if = "super::is_zero")]
    pub max_batch_size: i64,
    /// Max thumbnail width (explorer).
    #[serde(skip_serializing_if = "super::is_zero")]
    pub thumbnail_width: i64,
    /// Max thumbnail height (explorer).
    #[serde(skip_serializing_if = "super::is_zero")]
    pub thumbnail_height: i64,
}

/// `GET /site/captcha`: an image challenge.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CaptchaResponse {
    /// `data:image/png;base64,...` URI.
    #[serde(deserialize_with = "null_default")]
    pub image: String,
    /// Challenge id to send back as `ticket`.
    #[serde(deserialize_with = "null_default")]
    pub ticket: String,
}
