//! Account settings: preferences, passkeys, 2FA set-up, sign-up and password reset, user search,
//! \[Pro\] credit changes and payments (user.md, models.md §Passkey, §Payment).

use serde::{Deserialize, Serialize};

use super::{is_zero, null_default};
use crate::Timestamp;

/// A registered passkey (models.md §Passkey).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Passkey {
    /// Credential id, standard base64 with padding (URL-encode it in queries).
    #[serde(deserialize_with = "null_default")]
    pub id: String,
    /// Display name.
    #[serde(deserialize_with = "null_default")]
    pub name: String,
    /// Last sign-in with it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub used_at: Option<Timestamp>,
    /// Registration time.
    pub created_at: Timestamp,
}

open_int_enum! {
    /// `provider` of a linked identity: `0` Logto, `1` QQ, `2` OIDC; unknown numbers are kept.
    pub enum UserOpenIdProvider {
        /// Logto (SSO).
        Logto = 0,
        /// Tencent QQ.
        Qq = 1,
        /// Generic OpenID Connect.
        Oidc = 2,
    }
}

/// \[Newer\] a third-party app authorised via OAuth.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserOAuthGrant {
    /// OAuth client id.
    #[serde(deserialize_with = "null_default")]
    pub client_id: String,
    /// App name.
    #[serde(deserialize_with = "null_default")]
    pub client_name: String,
    /// App logo URL.
    #[serde(deserialize_with = "null_default")]
    pub client_logo: String,
    /// Granted scopes.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub scopes: Vec<String>,
    /// Last use.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_used_at: Option<Timestamp>,
}

/// \[Pro\] a linked identity provider.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserOpenId {
    /// Which provider.
    pub provider: UserOpenIdProvider,
    /// When it was linked.
    pub linked_at: Timestamp,
}

/// \[Pro\] one recent sign-in (failed WebDAV logins included).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserLoginActivity {
    /// When.
    pub created_at: Timestamp,
    /// Client IP.
    #[serde(deserialize_with = "null_default")]
    pub ip: String,
    /// Browser name.
    #[serde(deserialize_with = "null_default")]
    pub browser: String,
    /// Device name.
    #[serde(deserialize_with = "null_default")]
    pub device: String,
    /// Operating system.
    #[serde(deserialize_with = "null_default")]
    pub os: String,
    /// `""` password, `passkey` or `openid`.
    #[serde(deserialize_with = "null_default")]
    pub login_with: String,
    /// Provider when `login_with` is `openid`.
    pub open_id_provider: UserOpenIdProvider,
    /// The sign-in succeeded.
    pub success: bool,
    /// A WebDAV sign-in.
    pub webdav: bool,
}

/// \[Pro\] an active storage pack.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserStoragePack {
    /// Pack name.
    #[serde(deserialize_with = "null_default")]
    pub name: String,
    /// Start of validity.
    pub active_since: Timestamp,
    /// End of validity.
    pub expire_at: Timestamp,
    /// Bytes added to the quota.
    pub size: i64,
}

/// `GET /user/setting` answer: the caller's preferences (user.md §Get preferences).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserSettings {
    /// Keep old versions when a file is overwritten.
    pub version_retention_enabled: bool,
    /// Only for these extensions; empty = all.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub version_retention_ext: Vec<String>,
    /// Max versions kept; 0 = unlimited.
    #[serde(skip_serializing_if = "is_zero")]
    pub version_retention_max: i64,
    /// The account has no password (hide the password change UI).
    pub passwordless: bool,
    /// TOTP 2FA active.
    pub two_fa_enabled: bool,
    /// Registered passkeys.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub passkeys: Vec<Passkey>,
    /// View settings are kept locally instead of on the server.
    pub disable_view_sync: bool,
    /// \[Newer/Pro\] `""`, `all_share` or `hide_share`.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "String::is_empty"
    )]
    pub share_links_in_profile: String,
    /// \[Newer\] apps authorised via OAuth.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub oauth_grants: Vec<UserOAuthGrant>,
    /// \[Pro\] end of the current paid membership.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_expires: Option<Timestamp>,
    /// \[Pro\] linked identity providers.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub open_id: Vec<UserOpenId>,
    /// \[Pro\] recent sign-ins.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub login_activity: Vec<UserLoginActivity>,
    /// \[Pro\] active storage packs.
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub storage_packs: Vec<UserStoragePack>,
    /// \[Pro\] points balance.
    #[serde(skip_serializing_if = "is_zero")]
    pub credit: i64,
}

/// `GET /user/setting/2fa` answer: a new base32 TOTP secret, valid for 600 s.
pub type TwoFaSecret = String;

/// `PATCH /user/setting` body: change preferences; only the fields given are applied.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateUserSettingsRequest {
    /// Display name (1..255).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nick: Option<String>,
    /// UI and e-mail language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Preferred theme colour (a key of the site's `themes`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_theme: Option<String>,
    /// Keep old versions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version_retention_enabled: Option<bool>,
    /// Extensions (without dot) whose versions are kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version_retention_ext: Option<Vec<String>>,
    /// Max versions kept (≥ 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version_retention_max: Option<i64>,
    /// Current password (with `new_password`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_password: Option<String>,
    /// New password (with `current_password`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_password: Option<String>,
    /// Enable (`true`, secret from `GET /user/setting/2fa`) or disable 2FA (with `two_fa_code`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub two_fa_enabled: Option<bool>,
    /// Current TOTP code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub two_fa_code: Option<String>,
    /// Keep view settings locally.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disable_view_sync: Option<bool>,
    /// \[Newer/Pro\] `""`, `all_share` or `hide_share`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_links_in_profile: Option<String>,
    /// \[Pro\] `true`: cancel the paid membership now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_expires: Option<bool>,
}

/// `POST /user` body: sign up.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SignUpRequest {
    /// E-mail (login name).
    pub email: String,
    /// Password, 6..128 characters.
    pub password: String,
    /// UI/e-mail language, e.g. `en-US`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub language: String,
    /// CAPTCHA answer, when the site asks for one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub captcha: String,
    /// CAPTCHA ticket, when the site asks for one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ticket: String,
}

/// `GET /user/activate/{id}`: activate an account from the e-mailed link.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ActivateUserRequest {
    /// User id (path).
    #[serde(skip)]
    pub id: String,
    /// `sign` from the activation link.
    pub sign: String,
}

/// `POST /user/reset` body: send a password reset e-mail.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SendResetEmailRequest {
    /// Account e-mail.
    pub email: String,
    /// E-mail language.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub language: String,
    /// CAPTCHA answer, when the site asks for one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub captcha: String,
    /// CAPTCHA ticket, when the site asks for one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub ticket: String,
}

/// `PATCH /user/reset/{id}`: set a new password with the secret from the reset link.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ResetPasswordRequest {
    /// User id from the link (path).
    #[serde(skip)]
    pub id: String,
    /// New password, 6..128 characters.
    pub password: String,
    /// `secret` from the link.
    pub secret: String,
}

/// `GET /user/avatar/{id}`: a user's picture (an image, not JSON).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetAvatarRequest {
    /// User id (path).
    #[serde(skip)]
    pub id: String,
    /// Bypass caches (right after changing the picture).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nocache: Option<bool>,
}

/// `GET /user/shares/{id}`: a user's public share links.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListUserSharesRequest {
    /// User id (path).
    #[serde(skip)]
    pub id: String,
    /// Page size, 10..100.
    pub page_size: i64,
    /// `id` (default), `views`, `downloads`, `remain_downloads`, \[Pro\] `price`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_by: Option<String>,
    /// `asc` (default) or `desc`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_direction: Option<String>,
    /// Cursor from the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page_token: Option<String>,
}

/// `GET /user/search` query: find active users by e-mail or nickname (at most 10).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchUsersRequest {
    /// At least 2 characters.
    pub keyword: String,
}
