//! Session endpoints (session.md).

use serde::{Deserialize, Serialize};

use crate::endpoint;
use crate::models::{
    LoginResponse, PasswordLoginRequest, PrepareLoginResponse, RefreshTokenRequest, Token,
    TwoFaLoginRequest,
};

/// `GET /session/prepare`: which sign-in methods an account has.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PrepareLogin {
    /// Account e-mail.
    pub email: String,
}
endpoint!(PrepareLogin, Get "/session/prepare", None, Query => PrepareLoginResponse);

// POST /session/token: password sign-in; answers 203 with a 2FA session id when TOTP is on.
endpoint!(PasswordLoginRequest, Post "/session/token", None, Json => LoginResponse);
// POST /session/token/2fa: finish a sign-in with a TOTP code.
endpoint!(TwoFaLoginRequest, Post "/session/token/2fa", None, Json => LoginResponse);
// POST /session/token/refresh: exchange a refresh token for a new pair.
endpoint!(RefreshTokenRequest, Post "/session/token/refresh", None, Json => Token);

/// `DELETE /session/token`: sign out (revokes the login's refresh tokens).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SignOut {
    /// The refresh token of the login to end.
    pub refresh_token: String,
}
endpoint!(SignOut, Delete "/session/token", None, Json => Option<String>);

/// The endpoints of this area.
pub(crate) fn infos() -> Vec<crate::endpoint::EndpointInfo> {
    use crate::endpoint::info;
    vec![
        info::<PrepareLogin>(),
        info::<PasswordLoginRequest>(),
        info::<TwoFaLoginRequest>(),
        info::<RefreshTokenRequest>(),
        info::<SignOut>(),
    ]
}
