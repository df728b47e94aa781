//! Handler tests through `app().oneshot(..)`: envelopes, codes and auth rules as the contract says.

mod common;

use cloudreve_api::endpoints;
use common::*;
use refserver::auth::{jwt, totp};
use serde_json::json;

#[tokio::test]
async fn errors_are_http_200_envelopes_with_correlation_ids() {
    let (s, _d) = state();
    let (status, body) = call(&s, "GET", "/api/v4/user/me", None, None).await;
    assert_eq!(status, 200);
    assert_eq!(body["code"], 401);
    assert!(
        body["correlation_id"]
            .as_str()
            .is_some_and(|c| c.len() == 36),
        "{body}"
    );
    // Binding errors carry no correlation id, as in Cloudreve.
    let (status, body) = call(
        &s,
        "POST",
        "/api/v4/session/token",
        None,
        Some(json!({"email": 5})),
    )
    .await;
    assert_eq!((status.as_u16(), body["code"].as_i64()), (200, Some(40001)));
    assert!(body.get("correlation_id").is_none());
    let (status, body) = call(&s, "GET", "/api/v4/no/such/route", None, None).await;
    assert_eq!(
        (status.as_u16(), body.as_str()),
        (404, Some("404 page not found"))
    );
}

#[tokio::test]
async fn site_routes() {
    let (s, _d) = state();
    let (_, ping) = call(&s, "GET", "/api/v4/site/ping", None, None).await;
    assert!(ping["data"]
        .as_str()
        .is_some_and(|v| v.starts_with("4.") && !v.ends_with("-pro")));
    let (_, basic) = call(&s, "GET", "/api/v4/site/config/basic", None, None).await;
    assert_eq!(basic["data"]["user"]["anonymous"], true);
    assert_eq!(basic["data"]["user"]["group"]["permission"], "gg==");
    assert!(
        basic["data"].get("login_captcha").is_none(),
        "sections only carry their own keys"
    );
    let (_, unknown) = call(&s, "GET", "/api/v4/site/config/vas", None, None).await;
    assert_eq!(
        unknown["data"]["title"], basic["data"]["title"],
        "unknown sections answer like basic"
    );
    let token = admin_token(&s).await;
    let (_, mine) = call(&s, "GET", "/api/v4/site/config/basic", Some(&token), None).await;
    assert_eq!(mine["data"]["user"]["email"], ADMIN_EMAIL);
    let (_, captcha) = call(&s, "GET", "/api/v4/site/captcha", None, None).await;
    assert!(captcha["data"]["image"]
        .as_str()
        .is_some_and(|i| i.starts_with("data:image/png;base64,")));
    assert!(captcha["data"]["ticket"]
        .as_str()
        .is_some_and(|t| !t.is_empty()));
}

#[tokio::test]
async fn password_sign_in_validates_and_rejects() {
    let (s, _d) = state();
    let bad = |email: &str, pw: &str| json!({"email": email, "password": pw});
    for (body, code) in [
        (bad("not-an-email", "whatever"), 40001),
        (bad(ADMIN_EMAIL, "abc"), 40001),
        (bad(ADMIN_EMAIL, "wrong-password"), 40080),
        (bad("nobody@x.org", "whatever"), 40080),
    ] {
        let (_, res) = call(&s, "POST", "/api/v4/session/token", None, Some(body)).await;
        assert_eq!(res["code"], code, "{res}");
    }
    let login = sign_in(&s, ADMIN_EMAIL, ADMIN_PASSWORD).await;
    assert_eq!(login["user"]["email"], ADMIN_EMAIL);
    assert!(login["token"]["access_expires"]
        .as_str()
        .is_some_and(|t| t.ends_with('Z')));
    let (_, prep) = call(
        &s,
        "GET",
        "/api/v4/session/prepare?email=admin%40cloudreve.local",
        None,
        None,
    )
    .await;
    assert_eq!(
        prep["data"],
        json!({"webauthn_enabled": false, "password_enabled": true})
    );
    let (_, prep) = call(
        &s,
        "GET",
        "/api/v4/session/prepare?email=ghost%40cloudreve.local",
        None,
        None,
    )
    .await;
    assert_eq!(prep["code"], 404);
}

#[tokio::test]
async fn captcha_is_required_when_enabled_and_single_use() {
    let (s, _d) = state_with(|c| c.login_captcha = true);
    let (_, login_cfg) = call(&s, "GET", "/api/v4/site/config/login", None, None).await;
    assert_eq!(login_cfg["data"]["login_captcha"], true);
    let body = |captcha: &str, ticket: &str| json!({"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD, "captcha": captcha, "ticket": ticket});
    let (_, res) = call(
        &s,
        "POST",
        "/api/v4/session/token",
        None,
        Some(body("", "")),
    )
    .await;
    assert_eq!(res["code"], 40026);
    let challenge = s.captchas.issue().expect("challenge");
    let (_, res) = call(
        &s,
        "POST",
        "/api/v4/session/token",
        None,
        Some(body(&challenge.answer, &challenge.ticket)),
    )
    .await;
    assert_eq!(res["code"], 0, "{res}");
    let (_, res) = call(
        &s,
        "POST",
        "/api/v4/session/token",
        None,
        Some(body(&challenge.answer, &challenge.ticket)),
    )
    .await;
    assert_eq!(res["code"], 40026, "a challenge is consumed");
}

#[tokio::test]
async fn two_factor_sign_in() {
    let (s, _d) = state();
    let secret = totp::encode_base32(b"0123456789abcdefghij");
    refserver::seed::add_user(&s, "two@fa.org", "two-fa-pass", Some(&secret)).expect("user");
    let (_, first) = call(
        &s,
        "POST",
        "/api/v4/session/token",
        None,
        Some(json!({"email": "two@fa.org", "password": "two-fa-pass"})),
    )
    .await;
    assert_eq!(first["code"], 203);
    let session = first["data"].as_str().expect("2fa session id").to_string();
    let (_, wrong) = call(
        &s,
        "POST",
        "/api/v4/session/token/2fa",
        None,
        Some(json!({"otp": "000000x", "session_id": session})),
    )
    .await;
    assert_eq!(wrong["code"], 40022);
    let code = totp::code_at(&secret, refserver::state::now_secs() as u64).expect("code");
    let (_, done) = call(
        &s,
        "POST",
        "/api/v4/session/token/2fa",
        None,
        Some(json!({"otp": code, "session_id": session})),
    )
    .await;
    assert_eq!(
        done["code"], 0,
        "a wrong code does not consume the session: {done}"
    );
    assert_eq!(done["data"]["user"]["email"], "two@fa.org");
    let (_, again) = call(
        &s,
        "POST",
        "/api/v4/session/token/2fa",
        None,
        Some(json!({"otp": code, "session_id": session})),
    )
    .await;
    assert_eq!(again["code"], 404, "a finished session is gone");
}

#[tokio::test]
async fn expired_forged_and_refresh_tokens_are_not_access() {
    let (s, _d) = state();
    let login = sign_in(&s, ADMIN_EMAIL, ADMIN_PASSWORD).await;
    let sub = login["user"]["id"].as_str().expect("id").to_string();
    let now = refserver::state::now_secs();
    let claims = |exp: i64| jwt::Claims {
        token_type: "access".into(),
        sub: sub.clone(),
        nbf: now - 100,
        exp,
        state_hash: String::new(),
        root_token_id: String::new(),
    };
    let expired = jwt::sign(&claims(now - 1), &s.secret);
    let forged = jwt::sign(&claims(now + 100), b"not the secret");
    for t in [expired.as_str(), forged.as_str(), "garbage"] {
        let (_, me) = call(&s, "GET", "/api/v4/user/me", Some(t), None).await;
        assert_eq!(me["code"], 401, "invalid tokens are anonymous");
        let (_, cfg) = call(&s, "GET", "/api/v4/site/config/basic", Some(t), None).await;
        assert_eq!(
            cfg["code"], 0,
            "public routes keep working with a stale token"
        );
    }
    let refresh = login["token"]["refresh_token"].as_str().expect("refresh");
    let (_, me) = call(&s, "GET", "/api/v4/user/me", Some(refresh), None).await;
    assert_eq!(me["code"], 40020, "a refresh token is the wrong type");
    let access = login["token"]["access_token"].as_str().expect("access");
    let (_, cap) = call(&s, "GET", "/api/v4/user/capacity", Some(access), None).await;
    assert_eq!(
        cap["data"],
        json!({"total": 1_099_511_627_776_i64, "used": 0})
    );
}

#[tokio::test]
async fn refresh_rotates_and_sign_out_revokes_the_login() {
    let (s, _d) = state();
    let login = sign_in(&s, ADMIN_EMAIL, ADMIN_PASSWORD).await;
    let r1 = login["token"]["refresh_token"]
        .as_str()
        .expect("refresh")
        .to_string();
    let (_, fresh) = call(
        &s,
        "POST",
        "/api/v4/session/token/refresh",
        None,
        Some(json!({"refresh_token": r1})),
    )
    .await;
    assert_eq!(fresh["code"], 0, "{fresh}");
    let r2 = fresh["data"]["refresh_token"]
        .as_str()
        .expect("new refresh")
        .to_string();
    let (_, me) = call(
        &s,
        "GET",
        "/api/v4/user/me",
        fresh["data"]["access_token"].as_str(),
        None,
    )
    .await;
    assert_eq!(me["data"]["email"], ADMIN_EMAIL);
    let (_, bad) = call(
        &s,
        "POST",
        "/api/v4/session/token/refresh",
        None,
        Some(json!({"refresh_token": "nope"})),
    )
    .await;
    assert_eq!(bad["code"], 40020);
    let access = login["token"]["access_token"].as_str().expect("access");
    let (_, wrong_type) = call(
        &s,
        "POST",
        "/api/v4/session/token/refresh",
        None,
        Some(json!({"refresh_token": access})),
    )
    .await;
    assert_eq!(wrong_type["code"], 40020);
    let (_, out) = call(
        &s,
        "DELETE",
        "/api/v4/session/token",
        None,
        Some(json!({"refresh_token": r2})),
    )
    .await;
    assert_eq!(out["code"], 0);
    for r in [&r1, &r2] {
        let (_, after) = call(
            &s,
            "POST",
            "/api/v4/session/token/refresh",
            None,
            Some(json!({"refresh_token": r})),
        )
        .await;
        assert_eq!(
            after["code"], 40020,
            "sign-out revokes every token of the login"
        );
    }
    let other = sign_in(&s, ADMIN_EMAIL, ADMIN_PASSWORD).await;
    let (_, still) = call(
        &s,
        "POST",
        "/api/v4/session/token/refresh",
        None,
        Some(json!({"refresh_token": other["token"]["refresh_token"]})),
    )
    .await;
    assert_eq!(still["code"], 0, "other logins are untouched");
}

#[tokio::test]
async fn every_routed_endpoint_is_described_by_the_contract() {
    let described = endpoints::all();
    let routed = refserver::routes::routed();
    assert!(!routed.is_empty());
    for r in &routed {
        assert!(
            described.contains(r),
            "{} {} is routed but not described",
            r.method.as_str(),
            r.path
        );
    }
}
