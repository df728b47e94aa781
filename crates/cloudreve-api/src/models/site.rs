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
    /// reCAPTCHA site key (basic).
    #[serde(
        rename = "captcha_ReCaptchaKey",
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub captcha_recaptcha_key: String,
    /// Cloudflare Turnstile site key (basic).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub turnstile_site_id: String,
    /// Cap captcha instance URL (basic).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub captcha_cap_instance_url: String,
    /// Cap key id (basic, CE June 2025 name).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub captcha_cap_key_id: String,
    /// Cap site key (basic, \[Newer\] name).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub captcha_cap_site_key: String,
    /// Cap asset server (basic, \[Newer\]).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub captcha_cap_asset_server: String,
    /// Show the mobile-app promotion (basic, app).
    #[serde(skip_serializing_if = "is_false")]
    pub app_promotion: bool,
    /// Global announcement (basic, \[Pro\]).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub site_notice: String,
    /// Show shop entries (basic, \[Pro\]).
    #[serde(skip_serializing_if = "is_false")]
    pub shop_nav_enabled: bool,
    /// Extra sidebar links (basic, \[Pro/Newer\]).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub custom_nav_items: Vec<super::CustomNavItem>,
    /// HTML snippets (basic, \[Pro/Newer\]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_html: Option<super::CustomHtml>,
    /// CAPTCHA required for abuse reports (login, \[Pro\]).
    #[serde(skip_serializing_if = "is_false")]
    pub abuse_report_captcha: bool,
    /// QQ sign-in (login, \[Pro\]).
    #[serde(skip_serializing_if = "is_false")]
    pub qq_enabled: bool,
    /// Logto sign-in (login, \[Pro\]).
    #[serde(skip_serializing_if = "is_false")]
    pub sso_enabled: bool,
    /// Logto button label (login, \[Pro\]).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub sso_display_name: String,
    /// Logto button icon (login, \[Pro\]).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub sso_icon: String,
    /// Generic OIDC sign-in (login, \[Pro\]).
    #[serde(skip_serializing_if = "is_false")]
    pub oidc_enabled: bool,
    /// OIDC button label (login, \[Pro\]).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub oidc_display_name: String,
    /// OIDC button icon (login, \[Pro\]).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub oidc_icon: String,
    /// File apps (explorer).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub file_viewers: Vec<super::FileViewerGroup>,
    /// JSON-encoded extension → icon rules (explorer).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub icons: String,
    /// `openstreetmap` or `google` (explorer).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub map_provider: String,
    /// Google tile type (explorer).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub google_map_tile_type: String,
    /// Custom property definitions (explorer, \[Pro/Newer\]).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub custom_props: Vec<super::CustomProps>,
    /// Show encryption status (explorer, \[Newer\]).
    #[serde(skip_serializing_if = "is_false")]
    pub show_encryption_status: bool,
    /// Full-text search available (explorer, \[Newer\]).
    #[serde(skip_serializing_if = "is_false")]
    pub full_text_search: bool,
    /// Extensions with thumbnails (thumb, \[Newer\]).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub thumb_exts: Vec<String>,
    /// JSON-encoded emoji presets (emojis).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub emoji_preset: String,
    /// Mobile app feedback link (app, \[Pro\]).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub app_feedback: String,
    /// Mobile app forum link (app, \[Pro\]).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub app_forum: String,
    /// Currency and providers (vas, \[Pro\]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment: Option<super::PaymentSetting>,
    /// Anonymous users may buy paid shares (vas, \[Pro\]).
    #[serde(skip_serializing_if = "is_false")]
    pub anonymous_purchase: bool,
    /// Points enabled (vas, \[Pro\]).
    #[serde(skip_serializing_if = "is_false")]
    pub point_enabled: bool,
    /// Price of one point in minor units (vas, \[Pro\]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub point_price: Option<f64>,
    /// Share owner's cut of paid shares, percent (vas, \[Pro\]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_point_gain_rate: Option<f64>,
    /// Storage pack SKUs (vas, \[Pro\]).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub storage_products: Vec<super::StorageProduct>,
    /// Membership SKUs (vas, \[Pro\]).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub group_skus: Vec<super::GroupSku>,
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

/// The `login` section of the site configuration (`GET /site/config/login`), without the rest of
/// [`SiteConfig`]: decoding the full config costs the web app tens of KiB of wasm for one flag.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LoginConfig {
    /// CAPTCHA required for password sign-in.
    #[serde(skip_serializing_if = "is_false")]
    pub login_captcha: bool,
    /// CAPTCHA required for sign-up.
    #[serde(skip_serializing_if = "is_false")]
    pub reg_captcha: bool,
    /// CAPTCHA required for the reset e-mail.
    #[serde(skip_serializing_if = "is_false")]
    pub forget_captcha: bool,
    /// Passkeys enabled.
    #[serde(skip_serializing_if = "is_false")]
    pub authn: bool,
    /// Self sign-up allowed.
    #[serde(skip_serializing_if = "is_false")]
    pub register_enabled: bool,
}

/// The parts of the `explorer` section (`GET /site/config/explorer`) the file viewers need, without
/// the rest of [`SiteConfig`] (same reason as [`LoginConfig`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExplorerConfig {
    /// File apps.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub file_viewers: Vec<super::FileViewerGroup>,
    /// Most URIs in one batch request (`POST /file/url`, moves, deletes).
    #[serde(skip_serializing_if = "super::is_zero")]
    pub max_batch_size: i64,
}

/// The requesting user from the `basic` section (`GET /site/config/basic`), without the rest of
/// [`SiteConfig`] (same reason as [`LoginConfig`]). For a visitor who is not signed in this is the
/// anonymous user, whose group says what visitors may do (e.g. zip a share).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SiteUser {
    /// The requesting user (the anonymous pseudo user when not signed in).
    pub user: Option<User>,
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

/// `POST /site/abuse` body: [Pro] report a share link or a user.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportAbuseRequest {
    /// `0` copyright, `1` harmful, `2` spam/fraud, `3` other.
    pub category: i32,
    /// Free text (≤ 512 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Reported share (or `user_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_id: Option<String>,
    /// Reported user (or `share_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Share URI the visitor was looking at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_uri: Option<String>,
    /// CAPTCHA answer.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub captcha: String,
    /// CAPTCHA ticket.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ticket: String,
}
