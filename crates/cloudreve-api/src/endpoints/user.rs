//! User endpoints (user.md): profile, capacity, sign-up, activation, password reset, avatar,
//! preferences, 2FA, passkeys, user search and \[Pro\] policies, nodes, credit changes and payments.

use serde::{Deserialize, Serialize};

use crate::endpoint;
use crate::endpoint::{Auth, Endpoint, Method, Payload};
use crate::models::{
    ActivateUserRequest, Capacity, DeletePasskeyRequest, FinishPasskeyRegistrationRequest,
    GetAvatarRequest, ListCreditChangesRequest, ListPaymentsRequest, ListShareResponse,
    ListUserSharesRequest, Node, Passkey, PasskeyRegistrationOptions, ResetPasswordRequest,
    SearchUsersRequest, SendResetEmailRequest, SignUpRequest, StoragePolicy, TwoFaSecret,
    UpdateUserSettingsRequest, User, UserCreditChangesResponse, UserPaymentsResponse, UserSettings,
};
use crate::uri::encode_component;

/// `GET /user/me`: the signed-in user.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct GetMe;
endpoint!(GetMe, Get "/user/me", Required, None => User);

/// `GET /user/capacity`: storage used and available.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct GetCapacity;
endpoint!(GetCapacity, Get "/user/capacity", Required, None => Capacity);

/// `PUT /user/authn`: start a passkey registration (WebAuthn creation options).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PreparePasskeyRegistration;
endpoint!(PreparePasskeyRegistration, Put "/user/authn", Required, None => PasskeyRegistrationOptions);

// POST /user/authn: finish a passkey registration.
endpoint!(FinishPasskeyRegistrationRequest, Post "/user/authn", Required, Json => Passkey);
// DELETE /user/authn?id=: delete a passkey.
endpoint!(DeletePasskeyRequest, Delete "/user/authn", Required, Query => ());

/// `GET /user/setting/policies`: \[Pro\] storage policies the caller's group may use.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListUserStoragePolicies;
endpoint!(ListUserStoragePolicies, Get "/user/setting/policies", Required, None => Vec<StoragePolicy>);

/// `GET /user/setting/nodes`: \[Pro\] nodes the caller may pick as `preferred_node_id`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListUserNodes;
endpoint!(ListUserNodes, Get "/user/setting/nodes", Required, None => Vec<Node>);

/// `GET /user/setting`: the caller's preferences.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetUserSettings;
endpoint!(GetUserSettings, Get "/user/setting", Required, None => UserSettings);

/// `GET /user/setting/2fa`: a new TOTP secret to confirm with `PATCH /user/setting`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PrepareTwoFa;
endpoint!(PrepareTwoFa, Get "/user/setting/2fa", Required, None => TwoFaSecret);

// PATCH /user/setting: change preferences, password or 2FA.
endpoint!(UpdateUserSettingsRequest, Patch "/user/setting", Required, Json => ());

/// `PUT /user/setting/avatar`: upload a profile picture. The caller sends the raw image bytes as the
/// body (`Content-Type` `image/jpeg`, `image/png` or `image/gif`, known `Content-Length`, at most
/// `avatar_size`); an empty body switches to Gravatar.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateAvatar;
endpoint!(UpdateAvatar, Put "/user/setting/avatar", Required, None => ());

// POST /user: sign up (code 203 without data when an activation mail was sent).
endpoint!(SignUpRequest, Post "/user", None, Json => User);
// POST /user/reset: send a password reset e-mail.
endpoint!(SendResetEmailRequest, Post "/user/reset", None, Json => ());
// GET /user/search?keyword=: redacted users with e-mail, at most 10.
endpoint!(SearchUsersRequest, Get "/user/search", Required, Query => Vec<User>);
// GET /user/creditChanges: [Pro] one page of the points ledger.
endpoint!(ListCreditChangesRequest, Get "/user/creditChanges", Required, Query => UserCreditChangesResponse);
// GET /user/payments: [Pro] one page of the payment history.
endpoint!(ListPaymentsRequest, Get "/user/payments", Required, Query => UserPaymentsResponse);

impl Endpoint for ActivateUserRequest {
    const METHOD: Method = Method::Get;
    const PATH: &'static str = "/user/activate/{id}";
    const AUTH: Auth = Auth::None;
    const PAYLOAD: Payload = Payload::Query;
    type Response = User;

    fn path(&self) -> String {
        format!("/user/activate/{}", encode_component(&self.id))
    }
}

impl Endpoint for ResetPasswordRequest {
    const METHOD: Method = Method::Patch;
    const PATH: &'static str = "/user/reset/{id}";
    const AUTH: Auth = Auth::None;
    const PAYLOAD: Payload = Payload::Json;
    type Response = User;

    fn path(&self) -> String {
        format!("/user/reset/{}", encode_component(&self.id))
    }
}

/// The answer is an image (200 PNG, 302 to Gravatar, or 404 with an empty body), not JSON: the
/// response type is `()`; use [`Endpoint::path`] as an `<img src>` under the API prefix.
impl Endpoint for GetAvatarRequest {
    const METHOD: Method = Method::Get;
    const PATH: &'static str = "/user/avatar/{id}";
    const AUTH: Auth = Auth::None;
    const PAYLOAD: Payload = Payload::Query;
    type Response = ();

    fn path(&self) -> String {
        format!("/user/avatar/{}", encode_component(&self.id))
    }
}

/// `GET /user/info/{id}`: another user's redacted profile.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GetUserInfo {
    /// User id.
    #[serde(skip)]
    pub id: String,
}

impl Endpoint for GetUserInfo {
    const METHOD: Method = Method::Get;
    const PATH: &'static str = "/user/info/{id}";
    const AUTH: Auth = Auth::Optional;
    const PAYLOAD: Payload = Payload::None;
    type Response = User;

    fn path(&self) -> String {
        format!("/user/info/{}", encode_component(&self.id))
    }
}

impl Endpoint for ListUserSharesRequest {
    const METHOD: Method = Method::Get;
    const PATH: &'static str = "/user/shares/{id}";
    const AUTH: Auth = Auth::Optional;
    const PAYLOAD: Payload = Payload::Query;
    type Response = ListShareResponse;

    fn path(&self) -> String {
        format!("/user/shares/{}", encode_component(&self.id))
    }
}

/// The endpoints of this area.
pub(crate) fn infos() -> Vec<endpoint::EndpointInfo> {
    use crate::endpoint::info;
    vec![
        info::<GetMe>(),
        info::<GetCapacity>(),
        info::<PreparePasskeyRegistration>(),
        info::<FinishPasskeyRegistrationRequest>(),
        info::<DeletePasskeyRequest>(),
        info::<ListUserStoragePolicies>(),
        info::<ListUserNodes>(),
        info::<GetUserSettings>(),
        info::<PrepareTwoFa>(),
        info::<UpdateUserSettingsRequest>(),
        info::<UpdateAvatar>(),
        info::<SignUpRequest>(),
        info::<ActivateUserRequest>(),
        info::<SendResetEmailRequest>(),
        info::<ResetPasswordRequest>(),
        info::<GetAvatarRequest>(),
        info::<GetUserInfo>(),
        info::<ListUserSharesRequest>(),
        info::<SearchUsersRequest>(),
        info::<ListCreditChangesRequest>(),
        info::<ListPaymentsRequest>(),
    ]
}
