//! A round trip over a real socket: the served router, a real HTTP client, the contract's types.

use cloudreve_api::envelope::decode_done;
use cloudreve_api::models::{Capacity, ListResponse, LoginResponse, Token};
use common::{spawn, ADMIN_PASSWORD as PASSWORD};
use serde_json::json;

mod common;

#[tokio::test]
async fn sign_in_refresh_list_create_sign_out() {
    let (server, _dir) = spawn(|c| c.demo = true).await;
    let base = format!("{}/api/v4", server.url());
    let http = reqwest::Client::new();

    let body = http
        .post(format!("{base}/session/token"))
        .json(&json!({"email": "admin@cloudreve.local", "password": PASSWORD}))
        .send()
        .await
        .expect("send");
    assert_eq!(body.status(), 200);
    assert!(body.headers().get("x-cr-correlation-id").is_some());
    assert_eq!(
        body.headers()
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("private, no-cache")
    );
    let login: LoginResponse = decode_done(&body.text().await.expect("text")).expect("login");
    assert!(login.token.access_expires.unix_millis().is_some());

    let text = http
        .post(format!("{base}/session/token/refresh"))
        .json(&json!({"refresh_token": login.token.refresh_token}))
        .send()
        .await
        .expect("send")
        .text()
        .await
        .expect("text");
    let token: Token = decode_done(&text).expect("refreshed");
    let auth = format!("Bearer {}", token.access_token);

    let text = http
        .get(format!("{base}/file"))
        .query(&[("uri", "cloudreve://my"), ("order_by", "name")])
        .header("Authorization", &auth)
        .send()
        .await
        .expect("send")
        .text()
        .await
        .expect("text");
    let listing: ListResponse = decode_done(&text).expect("listing");
    assert_eq!(
        listing
            .files
            .iter()
            .map(|f| f.name.as_str())
            .collect::<Vec<_>>(),
        ["Documents", "Pictures", "Numbers.csv", "Welcome.md"]
    );

    let text = http
        .post(format!("{base}/file/create"))
        .json(&json!({"uri": "cloudreve://my/New%20folder", "type": "folder"}))
        .header("Authorization", &auth)
        .send()
        .await
        .expect("send")
        .text()
        .await
        .expect("text");
    let created: cloudreve_api::models::FileResponse = decode_done(&text).expect("created");
    assert!(created.is_folder());
    assert_eq!(created.name, "New folder");

    let text = http
        .get(format!("{base}/user/capacity"))
        .header("Authorization", &auth)
        .send()
        .await
        .expect("send")
        .text()
        .await
        .expect("text");
    let cap: Capacity = decode_done(&text).expect("capacity");
    assert!(
        cap.used > 0 && cap.total > cap.used,
        "demo files count towards usage: {cap:?}"
    );

    let text = http
        .delete(format!("{base}/session/token"))
        .json(&json!({"refresh_token": token.refresh_token}))
        .send()
        .await
        .expect("send")
        .text()
        .await
        .expect("text");
    decode_done::<Option<String>>(&text).expect("signed out");
    let text = http
        .post(format!("{base}/session/token/refresh"))
        .json(&json!({"refresh_token": token.refresh_token}))
        .send()
        .await
        .expect("send")
        .text()
        .await
        .expect("text");
    let err = decode_done::<Token>(&text).expect_err("revoked");
    assert_eq!(err.code(), Some(cloudreve_api::Code::CredentialInvalid));

    let res = http
        .get(format!("{}/home", server.url()))
        .send()
        .await
        .expect("send");
    assert_eq!(
        res.status(),
        404,
        "no dist configured: a clear message, not a crash"
    );
}
