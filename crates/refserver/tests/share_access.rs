//! The `share` file system (share.md §Browsing a share): anonymous listing, passwords, single-file
//! shares, downloads and their limit, thumbnails, and what visitors may not do.

mod common;

use common::*;
use refserver::store::shares::Settings;
use refserver::AppState;
use serde_json::{json, Value};

async fn anon_list(s: &AppState, uri: &str) -> Value {
    let q = format!(
        "/api/v4/file?uri={}",
        cloudreve_api::uri::encode_component(uri)
    );
    call(s, "GET", &q, None, None).await.1
}

async fn anon_url(s: &AppState, uri: &str) -> Value {
    call(
        s,
        "POST",
        "/api/v4/file/url",
        None,
        Some(json!({"uris": [uri], "download": true})),
    )
    .await
    .1
}

fn setup() -> (AppState, tempfile::TempDir) {
    let (s, d) = state();
    refserver::seed::add_file(&s, ADMIN_ID, "Holiday/a.txt", b"alpha").expect("file");
    refserver::seed::add_file(&s, ADMIN_ID, "Holiday/Sub/b.txt", b"beta").expect("file");
    refserver::seed::add_file(&s, ADMIN_ID, "Private/secret.txt", b"secret").expect("file");
    refserver::seed::add_file(&s, ADMIN_ID, "Report.pdf", b"%PDF-1.4 tiny").expect("file");
    (s, d)
}

#[tokio::test]
async fn an_anonymous_visitor_lists_a_folder_share_and_its_subfolders() {
    let (s, _d) = setup();
    let id = refserver::seed::add_share(&s, ADMIN_ID, "Holiday", "", &Settings::default())
        .expect("share");
    let root = format!("cloudreve://{id}@share");
    let r = anon_list(&s, &root).await;
    assert_eq!(r["code"], 0, "{r}");
    assert_eq!(names(&r), ["Sub", "a.txt"]);
    assert_eq!(
        field(&r, "path"),
        [format!("{root}/Sub"), format!("{root}/a.txt")],
        "paths keep the share prefix"
    );
    assert_eq!(
        r["data"]["props"]["capability"], "gIaYAQ==",
        "the share capability set"
    );
    assert_ne!(
        r["data"]["files"][0]["owned"], true,
        "a visitor owns nothing"
    );
    assert!(
        r["data"]["view"].is_null(),
        "no owner view without share_view"
    );
    let sub = anon_list(&s, &format!("{root}/Sub")).await;
    assert_eq!(names(&sub), ["b.txt"]);
    let escape = anon_list(&s, &format!("{root}/../Private")).await;
    assert_ne!(escape["code"], 0, "no way out of the share: {escape}");
    assert!(!escape.to_string().contains("secret.txt"));
    let missing = anon_list(&s, &format!("{root}/Nope")).await;
    assert_eq!(missing["code"], 40016, "{missing}");
}

#[tokio::test]
async fn a_password_share_needs_the_right_password_on_every_route() {
    let (s, _d) = setup();
    let id = refserver::seed::add_share(&s, ADMIN_ID, "Holiday", "pw42", &Settings::default())
        .expect("share");
    for uri in [
        format!("cloudreve://{id}@share"),
        format!("cloudreve://{id}:wrong@share"),
    ] {
        assert_eq!(anon_list(&s, &uri).await["code"], 40069, "{uri}");
        assert_eq!(anon_url(&s, &format!("{uri}/a.txt")).await["code"], 40069);
    }
    let ok = anon_list(&s, &format!("cloudreve://{id}:pw42@share")).await;
    assert_eq!(names(&ok), ["Sub", "a.txt"]);
    let t = admin_token(&s).await;
    let owner = list(&s, &t, &format!("cloudreve://{id}@share"), "").await;
    assert_eq!(
        names(&owner),
        ["Sub", "a.txt"],
        "the owner needs no password"
    );
    assert_eq!(owner["data"]["files"][0]["owned"], true);
}

#[tokio::test]
async fn a_visitor_downloads_the_bytes_and_sees_thumbnails_and_info() {
    let (s, _d) = setup();
    let png = refserver::seed::pictures::png(&refserver::seed::pictures::picture(40, 30, 1))
        .expect("png");
    refserver::seed::add_file(&s, ADMIN_ID, "Holiday/p.png", &png).expect("file");
    let id = refserver::seed::add_share(&s, ADMIN_ID, "Holiday", "", &Settings::default())
        .expect("share");
    let r = anon_url(&s, &format!("cloudreve://{id}@share/Sub/b.txt")).await;
    assert_eq!(r["code"], 0, "{r}");
    let url = r["data"]["urls"][0]["url"].as_str().expect("url");
    let (status, _, body) = fetch(&s, "GET", url, &[]).await;
    assert_eq!((status.as_u16(), body.as_slice()), (200, &b"beta"[..]));

    let q = format!(
        "/api/v4/file/thumb?uri={}",
        cloudreve_api::uri::encode_component(&format!("cloudreve://{id}@share/p.png"))
    );
    let r = call(&s, "GET", &q, None, None).await.1;
    assert_eq!(r["code"], 0, "{r}");

    let q = format!(
        "/api/v4/file/info?uri={}",
        cloudreve_api::uri::encode_component(&format!("cloudreve://{id}@share/a.txt"))
    );
    let r = call(&s, "GET", &q, None, None).await.1;
    assert_eq!(
        (r["data"]["name"].as_str(), r["data"]["size"].as_i64()),
        (Some("a.txt"), Some(5)),
        "{r}"
    );
}

#[tokio::test]
async fn a_single_file_share_lists_its_file_and_its_download_limit_expires_it() {
    let (s, _d) = setup();
    let id = refserver::seed::add_share(
        &s,
        ADMIN_ID,
        "Report.pdf",
        "",
        &Settings {
            remain_downloads: Some(2),
            ..Default::default()
        },
    )
    .expect("share");
    let root = format!("cloudreve://{id}@share");
    let r = anon_list(&s, &root).await;
    assert_eq!(r["data"]["single_file_view"], true, "{r}");
    assert_eq!(field(&r, "path"), [format!("{root}/Report.pdf")]);
    let file = format!("{root}/Report.pdf");
    for _ in 0..2 {
        assert_eq!(anon_url(&s, &file).await["code"], 0);
    }
    let t = admin_token(&s).await;
    let d = call(
        &s,
        "GET",
        &format!("/api/v4/share/info/{id}"),
        Some(&t),
        None,
    )
    .await
    .1;
    assert_eq!(
        (
            d["data"]["expired"].as_bool(),
            d["data"]["downloaded"].as_i64(),
            d["data"]["remain_downloads"].as_i64()
        ),
        (Some(true), Some(2), Some(0)),
        "two downloads spent it (its owner still sees it): {d}"
    );
    let visitor = call(&s, "GET", &format!("/api/v4/share/info/{id}"), None, None)
        .await
        .1;
    assert_eq!(
        (visitor["code"].as_i64(), visitor["msg"].as_str()),
        (Some(404), Some("Share link expired")),
        "{visitor}"
    );
    assert_eq!(anon_url(&s, &file).await["code"], 404, "no third download");
}

#[tokio::test]
async fn visitors_cannot_change_anything_in_a_share() {
    let (s, _d) = setup();
    let id = refserver::seed::add_share(&s, ADMIN_ID, "Holiday", "", &Settings::default())
        .expect("share");
    let (_, t) = new_user(&s, "visitor@example.com").await;
    let a = format!("cloudreve://{id}@share/a.txt");
    let tries = [
        (
            "POST",
            "/api/v4/file/create",
            json!({"uri": format!("cloudreve://{id}@share/new.txt"), "type": "file"}),
        ),
        (
            "POST",
            "/api/v4/file/rename",
            json!({"uri": a, "new_name": "b.txt"}),
        ),
        ("DELETE", "/api/v4/file", json!({"uris": [a]})),
        (
            "PUT",
            "/api/v4/file/upload",
            json!({"uri": format!("cloudreve://{id}@share/up.txt"), "size": 1}),
        ),
    ];
    for (method, path, body) in tries {
        let r = call(&s, method, path, Some(&t), Some(body)).await.1;
        assert_ne!(r["code"], 0, "{method} {path}: {r}");
    }
    let r = call(
        &s,
        "PUT",
        &format!(
            "/api/v4/file/content?uri={}",
            cloudreve_api::uri::encode_component(&a)
        ),
        Some(&t),
        None,
    )
    .await
    .1;
    assert_ne!(r["code"], 0, "{r}");
    let listing = anon_list(&s, &format!("cloudreve://{id}@share")).await;
    assert_eq!(names(&listing), ["Sub", "a.txt"], "nothing changed");
}

#[tokio::test]
async fn a_group_without_share_download_is_refused() {
    let (s, _d) = setup();
    let id = refserver::seed::add_share(&s, ADMIN_ID, "Holiday", "", &Settings::default())
        .expect("share");
    s.db.with(|c| c.execute("UPDATE groups SET permission = 'Ag==' WHERE id = 3", []))
        .expect("anonymous group without bit 7");
    let r = anon_list(&s, &format!("cloudreve://{id}@share")).await;
    assert_eq!(r["code"], 403, "{r}");
}

#[tokio::test]
async fn framing_is_allowed_on_the_embed_route_only() {
    let (s, _d) = state_with(|c| c.embed_origins = vec!["http://127.0.0.1:9999".into()]);
    let (_, h, _) = fetch(&s, "GET", "/embed/s/abc", &[]).await;
    let csp = |h: &axum::http::HeaderMap| {
        h.get("content-security-policy")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(csp(&h), "frame-ancestors http://127.0.0.1:9999");
    assert!(h.get("x-frame-options").is_none());
    let (_, h, _) = fetch(&s, "GET", "/home", &[]).await;
    assert_eq!(csp(&h), "frame-ancestors 'none'");
    assert_eq!(
        h.get("x-frame-options").and_then(|v| v.to_str().ok()),
        Some("DENY")
    );
    let (_, h, _) = fetch(&s, "GET", "/api/v4/site/ping", &[]).await;
    assert_eq!(csp(&h), "frame-ancestors 'self' http://127.0.0.1:9999");
    let (open, _d2) = state();
    let (_, h, _) = fetch(&open, "GET", "/embed/s/abc", &[]).await;
    assert_eq!(
        csp(&h),
        "frame-ancestors *",
        "without --embed-origin any site may embed"
    );
}

#[tokio::test]
async fn a_saved_shortcut_shows_in_shared_with_me_and_bad_ones_are_refused() {
    let (s, _d) = setup();
    let id = refserver::seed::add_share(&s, ADMIN_ID, "Holiday", "pw1", &Settings::default())
        .expect("share");
    let (_, t) = new_user(&s, "visitor@example.com").await;
    let info = call(
        &s,
        "GET",
        &format!("/api/v4/share/info/{id}?password=pw1"),
        Some(&t),
        None,
    )
    .await
    .1;
    let owner = info["data"]["owner"]["id"]
        .as_str()
        .expect("owner")
        .to_string();
    let redirect = format!("cloudreve://{id}:pw1@share");
    let body = json!({"uri": "cloudreve://my/Holiday", "type": "folder",
        "metadata": {"sys:shared_redirect": redirect, "sys:shared_owner": owner}});
    let r = call(&s, "POST", "/api/v4/file/create", Some(&t), Some(body))
        .await
        .1;
    assert_eq!(r["code"], 0, "{r}");
    let shared = list(&s, &t, "cloudreve://shared_with_me", "").await;
    assert_eq!(names(&shared), ["Holiday"], "{shared}");
    let item = &shared["data"]["files"][0];
    assert_eq!(item["metadata"]["sys:shared_redirect"], json!(redirect));
    assert!(
        item["path"]
            .as_str()
            .unwrap_or_default()
            .starts_with("cloudreve://shared_with_me/"),
        "{item}"
    );
    // Opening it is following the redirect: the share lists for this visitor.
    let inside = list(&s, &t, &redirect, "").await;
    assert_eq!(names(&inside), ["Sub", "a.txt"]);

    for bad in [
        json!({"sys:shared_redirect": "cloudreve://my/x", "sys:shared_owner": owner}),
        json!({"sys:shared_redirect": redirect}),
        json!({"sys:shared_redirect": redirect, "sys:shared_owner": owner, "sys:other": "1"}),
    ] {
        let body = json!({"uri": "cloudreve://my/Other", "type": "file", "metadata": bad});
        let r = call(&s, "POST", "/api/v4/file/create", Some(&t), Some(body))
            .await
            .1;
        assert_eq!(r["code"], 40001, "{r}");
    }
}
