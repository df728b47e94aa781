//! Sign-in, 2FA, token refresh and sign-out (session.md).

use std::time::{Duration, Instant};

use axum::extract::State;
use axum::Json;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use cloudreve_api::endpoints::session::{PrepareLogin, SignOut};
use cloudreve_api::models::{
    LoginResponse, PasswordLoginRequest, PrepareLoginResponse, RefreshTokenRequest, Token,
    TwoFaLoginRequest,
};
use cloudreve_api::{Code, Envelope, Timestamp};
use rusqlite::params;
use sha2::{Digest, Sha256};

use super::ApiRouter;
use crate::auth::jwt::{self, Claims};
use crate::auth::{password, totp};
use crate::error::{ok, ApiResult, AppError};
use crate::extract::{ApiJson, ApiQuery};
use crate::ids::Kind;
use crate::state::{now_secs, AppState};
use crate::store::users::{self, UserRow};

/// How long a password-verified sign-in waits for its TOTP code.
const TWO_FA_WINDOW: Duration = Duration::from_secs(600);

pub(super) fn routes(r: ApiRouter) -> ApiRouter {
    r.serve::<PrepareLogin, _, _>(prepare)
        .serve::<PasswordLoginRequest, _, _>(sign_in)
        .serve::<TwoFaLoginRequest, _, _>(sign_in_2fa)
        .serve::<RefreshTokenRequest, _, _>(refresh)
        .serve::<SignOut, _, _>(sign_out)
}

/// A loose syntactic e-mail check, as form validation does.
pub fn valid_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.contains(char::is_whitespace)
        && s.len() <= 254
}

async fn prepare(
    State(s): State<AppState>,
    ApiQuery(q): ApiQuery<PrepareLogin>,
) -> ApiResult<PrepareLoginResponse> {
    if !valid_email(&q.email) {
        return Err(AppError::Param("Email format error".into()));
    }
    let user =
        s.db.call(move |c| users::by_email(c, &q.email))
            .await?
            .ok_or(AppError::NotFound("User not found"))?;
    ok(PrepareLoginResponse {
        webauthn_enabled: false,
        password_enabled: user.password_hash.is_some(),
        ..PrepareLoginResponse::default()
    })
}

async fn sign_in(
    State(s): State<AppState>,
    ApiJson(req): ApiJson<PasswordLoginRequest>,
) -> Result<Json<Envelope<serde_json::Value>>, AppError> {
    // The CAPTCHA is checked before anything else, as in Cloudreve, and consumed either way.
    if s.config.login_captcha && !s.captchas.verify(&req.ticket, &req.captcha) {
        return Err(AppError::code(Code::CaptchaError, "CAPTCHA not match."));
    }
    if !valid_email(&req.email) {
        return Err(AppError::Param("Email format error".into()));
    }
    let len = req.password.chars().count();
    if !(4..=128).contains(&len) {
        return Err(AppError::Param(
            if len < 4 {
                "Password too short"
            } else {
                "Password too long"
            }
            .into(),
        ));
    }
    let email = req.email.clone();
    let user = s.db.call(move |c| users::by_email(c, &email)).await?;
    let password = req.password;
    // Verify on the blocking pool: argon2 is deliberately slow.
    let user = tokio::task::spawn_blocking(move || {
        user.filter(|u| {
            u.password_hash
                .as_deref()
                .is_some_and(|h| password::verify(&password, h))
        })
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))?
    .ok_or_else(|| AppError::code(Code::InvalidPassword, "Incorrect password or email address"))?;
    check_status(&user)?;
    if user.totp_secret.is_some() {
        let session_id = uuid::Uuid::new_v4().to_string();
        let mut pending = s.two_fa.lock().unwrap_or_else(|p| p.into_inner());
        pending.retain(|_, (_, exp)| *exp > Instant::now());
        pending.insert(
            session_id.clone(),
            (user.id, Instant::now() + TWO_FA_WINDOW),
        );
        return Ok(Json(Envelope {
            code: Code::Continue.number(),
            data: Some(session_id.into()),
            ..Envelope::ok(serde_json::Value::Null)
        }));
    }
    let login = login_response(&s, &user, None).await?;
    Ok(Json(Envelope::ok(
        serde_json::to_value(login).map_err(|e| AppError::Internal(e.into()))?,
    )))
}

async fn sign_in_2fa(
    State(s): State<AppState>,
    ApiJson(req): ApiJson<TwoFaLoginRequest>,
) -> ApiResult<LoginResponse> {
    let user_id = {
        let pending = s.two_fa.lock().unwrap_or_else(|p| p.into_inner());
        match pending.get(&req.session_id) {
            Some((id, exp)) if *exp > Instant::now() => *id,
            _ => return Err(AppError::NotFound("Login session not exist")),
        }
    };
    let user =
        s.db.call(move |c| users::by_id(c, user_id))
            .await?
            .ok_or(AppError::NotFound("User not found"))?;
    let secret = user.totp_secret.clone().unwrap_or_default();
    // A wrong code does not consume the session, so the user may retry.
    if !totp::verify(&secret, req.otp.trim(), now_secs() as u64) {
        return Err(AppError::code(Code::TwoFaCodeErr, "Incorrect 2FA code"));
    }
    s.two_fa
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .remove(&req.session_id);
    check_status(&user)?;
    ok(login_response(&s, &user, None).await?)
}

async fn refresh(
    State(s): State<AppState>,
    ApiJson(req): ApiJson<RefreshTokenRequest>,
) -> ApiResult<Token> {
    let invalid = || AppError::code(Code::CredentialInvalid, "Failed to issue token pair");
    let claims =
        jwt::verify::<Claims>(&req.refresh_token, &s.secret, now_secs()).map_err(|_| invalid())?;
    if claims.token_type != "refresh" {
        return Err(invalid());
    }
    let id = s.ids.decode(Kind::User, &claims.sub).ok_or_else(invalid)?;
    let root = claims.root_token_id.clone();
    let (user, revoked) =
        s.db.call(move |c| {
            let revoked: bool = c.query_row(
                "SELECT EXISTS (SELECT 1 FROM revoked_logins WHERE root_token_id = ?1)",
                [&root],
                |r| r.get(0),
            )?;
            Ok((users::by_id(c, id)?, revoked))
        })
        .await?;
    let user = user
        .filter(|u| u.status == "active" && !revoked)
        .ok_or_else(invalid)?;
    if claims.state_hash != state_hash(&s, &user) {
        return Err(invalid());
    }
    ok(issue_tokens(&s, &user, Some(claims.root_token_id))?)
}

async fn sign_out(State(s): State<AppState>, ApiJson(req): ApiJson<SignOut>) -> ApiResult<String> {
    // Any well-signed refresh token ends its login, even an expired one.
    let claims = jwt::decode::<Claims>(&req.refresh_token, &s.secret)
        .map_err(|_| AppError::code(Code::CredentialInvalid, "Invalid refresh token"))?;
    if claims.token_type != "refresh" || claims.root_token_id.is_empty() {
        return Err(AppError::code(
            Code::CredentialInvalid,
            "Invalid token type",
        ));
    }
    s.db.call(move |c| {
        c.execute(
            "INSERT OR IGNORE INTO revoked_logins (root_token_id, expires_at) VALUES (?1, ?2)",
            params![claims.root_token_id, claims.exp],
        )?;
        c.execute(
            "DELETE FROM revoked_logins WHERE expires_at < ?1",
            [now_secs()],
        )?;
        Ok(())
    })
    .await?;
    ok(String::new())
}

fn check_status(user: &UserRow) -> Result<(), AppError> {
    match user.status.as_str() {
        "active" => Ok(()),
        "inactive" => Err(AppError::code(
            Code::UserNotActivated,
            "This account is not activated",
        )),
        _ => Err(AppError::code(
            Code::UserBaned,
            "This account has been blocked",
        )),
    }
}

/// Hash of the account state a refresh token is bound to; changes with e-mail or password.
fn state_hash(s: &AppState, user: &UserRow) -> String {
    let mut h = Sha256::new();
    h.update(format!(
        "{}/{}/{}",
        user.email,
        user.password_hash.as_deref().unwrap_or(""),
        s.site_id
    ));
    STANDARD.encode(h.finalize())
}

async fn login_response(
    s: &AppState,
    user: &UserRow,
    root: Option<String>,
) -> Result<LoginResponse, AppError> {
    Ok(LoginResponse {
        user: super::user::own_profile(s, user).await?,
        token: issue_tokens(s, user, root)?,
    })
}

/// A new access/refresh pair; `root` keeps the login's id across refreshes.
pub fn issue_tokens(s: &AppState, user: &UserRow, root: Option<String>) -> Result<Token, AppError> {
    let now = now_secs();
    let sub = s.ids.encode(Kind::User, user.id);
    let access_exp = now + s.config.access_ttl.as_secs() as i64;
    let refresh_exp = now + s.config.refresh_ttl.as_secs() as i64;
    let access = Claims {
        token_type: "access".into(),
        sub: sub.clone(),
        nbf: now,
        exp: access_exp,
        state_hash: String::new(),
        root_token_id: String::new(),
    };
    let refresh = Claims {
        token_type: "refresh".into(),
        sub,
        nbf: now,
        exp: refresh_exp,
        state_hash: state_hash(s, user),
        root_token_id: root.unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
    };
    Ok(Token {
        access_token: jwt::sign(&access, &s.secret),
        refresh_token: jwt::sign(&refresh, &s.secret),
        access_expires: Timestamp::from_unix_millis(access_exp * 1000),
        refresh_expires: Timestamp::from_unix_millis(refresh_exp * 1000),
    })
}
