//! Session endpoints (session.md).

use serde::{Deserialize, Serialize};

use crate::endpoint;
use crate::models::{
    FinishOpenIdRequest, FinishPasskeyLoginRequest, PasskeyLoginOptions, PrepareOpenIdRequest,
    PreparePasskeyLogin, UnlinkOpenId,
};
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

// PUT /session/openid: start an OpenID sign-in; answers the provider's authorization URL.
endpoint!(PrepareOpenIdRequest, Put "/session/openid", Optional, Json => String);
// POST /session/openid: finish an OpenID sign-in (no data when linking).
endpoint!(FinishOpenIdRequest, Post "/session/openid", None, Json => Option<LoginResponse>);
// PUT /session/authn: start a passkey sign-in.
endpoint!(PreparePasskeyLogin, Put "/session/authn", None, None => PasskeyLoginOptions);
// POST /session/authn: finish a passkey sign-in.
endpoint!(FinishPasskeyLoginRequest, Post "/session/authn", None, Json => LoginResponse);

impl crate::endpoint::Endpoint for UnlinkOpenId {
    const METHOD: crate::Method = crate::Method::Delete;
    const PATH: &'static str = "/session/openid/{provider_id}";
    const AUTH: crate::Auth = crate::Auth::Required;
    const PAYLOAD: crate::endpoint::Payload = crate::endpoint::Payload::None;
    type Response = ();

    fn path(&self) -> String {
        format!("/session/openid/{}", self.provider_id)
    }
}

/// The endpoints of this area.
pub(crate) fn infos() -> Vec<crate::endpoint::EndpointInfo> {
    use crate::endpoint::info;
    vec![
        info::<PrepareLogin>(),
        info::<PasswordLoginRequest>(),
        info::<TwoFaLoginRequest>(),
        info::<RefreshTokenRequest>(),
        info::<SignOut>(),
        info::<PrepareOpenIdRequest>(),
        info::<FinishOpenIdRequest>(),
        info::<UnlinkOpenId>(),
        info::<PreparePasskeyLogin>(),
        info::<FinishPasskeyLoginRequest>(),
    ]
}
