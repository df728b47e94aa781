//! Listing and folder creation through `app().oneshot(..)`: pagination, ordering, ownership.

mod common;

use common::*;
use serde_json::{json, Value};

async fn mkdir(s: &refserver::AppState, token: &str, uri: &str, err_on_conflict: bool) -> Value {
    call(
        s,
        "POST",
        "/api/v4/file/create",
        Some(token),
        Some(json!({"uri": uri, "type": "folder", "err_on_conflict": err_on_conflict})),
    )
    .await
    .1
}

fn names(listing: &Value) -> Vec<String> {
    listing["data"]["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["name"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[tokio::test]
async fn listing_shape_matches_the_contract() {
    let (s, _d) = state_with(|c| c.demo = true);
    let t = admin_token(&s).await;
    let root = list(&s, &t, "cloudreve://my", "&order_by=name").await;
    assert_eq!(root["code"], 0, "{root}");
    let data = &root["data"];
    assert_eq!(
        names(&root),
        ["Documents", "Pictures", "Numbers.csv", "Welcome.md"],
        "folders first, then by name"
    );
    assert_eq!(data["parent"]["path"], "cloudreve://my/");
    assert_eq!(data["parent"]["metadata"], Value::Null);
    assert_eq!(data["files"][0]["metadata"], json!({}));
    assert_eq!(data["files"][0]["type"], 1);
    assert_eq!(data["files"][0]["path"], "cloudreve://my/Documents");
    assert_eq!(data["props"]["capability"], "w8edAQ==");
    assert_eq!(data["pagination"]["is_cursor"], true);
    assert_eq!(data["mixed_type"], false);
    assert!(data["context_hint"].as_str().is_some_and(|h| h.len() == 36));
    let nested = list(&s, &t, "cloudreve://my/Documents/Archive", "").await;
    assert_eq!(names(&nested), ["2024 report.txt"]);
    assert_eq!(
        nested["data"]["files"][0]["path"],
        "cloudreve://my/Documents/Archive/2024%20report.txt"
    );
    let desc = list(
        &s,
        &t,
        "cloudreve://my",
        "&order_by=size&order_direction=desc",
    )
    .await;
    assert_eq!(names(&desc)[2..], ["Welcome.md", "Numbers.csv"]);
}

#[tokio::test]
async fn listing_errors() {
    let (s, _d) = state_with(|c| c.demo = true);
    let t = admin_token(&s).await;
    assert_eq!(
        list(&s, &t, "cloudreve://my/missing", "").await["code"],
        40016
    );
    assert_eq!(
        list(&s, &t, "cloudreve://my/Welcome.md", "").await["code"],
        40016,
        "a file is not a folder"
    );
    assert_eq!(list(&s, &t, "http://my", "").await["code"], 40001);
    assert_eq!(
        list(&s, &t, "cloudreve://my", "&order_by=colour").await["code"],
        40001
    );
    assert_eq!(
        list(&s, &t, "cloudreve://my", "&next_page_token=%21%21").await["code"],
        40001
    );
    assert_eq!(list(&s, "", "cloudreve://my", "").await["code"], 401);
    assert_eq!(
        list(&s, &t, "cloudreve://trash", "").await["data"]["props"]["capability"],
        "AMIK"
    );
    assert_eq!(list(&s, &t, "cloudreve://abc@share", "").await["code"], 404);
}

#[tokio::test]
async fn cursor_pages_walk_every_item_exactly_once() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    for i in 0..37 {
        assert_eq!(
            mkdir(&s, &t, &format!("cloudreve://my/big/d{i:02}"), false).await["code"],
            0
        );
        let r = call(
            &s,
            "POST",
            "/api/v4/file/create",
            Some(&t),
            Some(json!({"uri": format!("cloudreve://my/big/f{i:02}.txt"), "type": "file"})),
        )
        .await
        .1;
        assert_eq!(r["code"], 0);
    }
    for (order, dir) in [
        ("name", "asc"),
        ("name", "desc"),
        ("created_at", "asc"),
        ("size", "desc"),
        ("updated_at", "asc"),
    ] {
        let (mut seen, mut token) = (Vec::new(), String::new());
        loop {
            let extra = format!(
                "&page_size=10&order_by={order}&order_direction={dir}&next_page_token={}",
                cloudreve_api::uri::encode_component(&token)
            );
            let page = list(&s, &t, "cloudreve://my/big", &extra).await;
            assert_eq!(page["code"], 0, "{page}");
            seen.extend(names(&page));
            match page["data"]["pagination"]["next_token"].as_str() {
                Some(next) => token = next.to_string(),
                None => break,
            }
        }
        assert_eq!(seen.len(), 74, "{order} {dir}");
        let mut unique = seen.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 74, "no repeats for {order} {dir}");
        assert!(
            seen[..37].iter().all(|n| n.starts_with('d')),
            "folders first for {order} {dir}"
        );
        if order == "name" {
            let mut sorted = seen[..37].to_vec();
            sorted.sort();
            if dir == "desc" {
                sorted.reverse();
            }
            assert_eq!(seen[..37], sorted[..]);
        }
    }
}

#[tokio::test]
async fn offset_pages_and_page_size_limits() {
    let (s, _d) = state_with(|c| c.cursor_pagination = false);
    let t = admin_token(&s).await;
    for i in 0..5 {
        mkdir(&s, &t, &format!("cloudreve://my/p/{i}"), false).await;
    }
    let page = list(
        &s,
        &t,
        "cloudreve://my/p",
        "&page_size=2&page=2&order_by=name",
    )
    .await;
    assert_eq!(names(&page), ["4"]);
    assert_eq!(
        page["data"]["pagination"],
        json!({"page": 2, "page_size": 2, "total_items": 5})
    );
    let capped = list(&s, &t, "cloudreve://my/p", "&page_size=999999").await;
    assert_eq!(
        capped["data"]["pagination"]["page_size"], 2000,
        "sizes above max_page_size are capped"
    );
    assert_eq!(
        list(&s, &t, "cloudreve://my/p", "&page_size=0").await["data"]["pagination"]["page_size"],
        100
    );
}

#[tokio::test]
async fn create_folders_like_mkdir_p() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    let made = mkdir(&s, &t, "cloudreve://my/a/b%20c/d", false).await;
    assert_eq!(made["code"], 0, "{made}");
    assert_eq!(made["data"]["path"], "cloudreve://my/a/b%20c/d");
    assert_eq!(made["data"]["metadata"], Value::Null);
    assert_eq!(
        names(&list(&s, &t, "cloudreve://my/a", "").await),
        ["b c"],
        "missing ancestors are created"
    );
    let again = mkdir(&s, &t, "cloudreve://my/a/b%20c/d", false).await;
    assert_eq!(
        again["data"]["id"], made["data"]["id"],
        "existing folder is returned unchanged"
    );
    assert_eq!(
        mkdir(&s, &t, "cloudreve://my/a/b%20c/d", true).await["code"],
        40004
    );
    for bad in [
        "cloudreve://my/a%3Ab",
        "cloudreve://my/x%7Cy",
        &format!("cloudreve://my/{}", "n".repeat(256)),
    ] {
        assert_eq!(mkdir(&s, &t, bad, false).await["code"], 40052, "{bad}");
    }
    assert_eq!(mkdir(&s, &t, "cloudreve://my", false).await["code"], 40053);
    assert_eq!(
        mkdir(&s, &t, "cloudreve://trash/x", false).await["code"],
        403
    );
    assert_eq!(
        call(
            &s,
            "POST",
            "/api/v4/file/create",
            None,
            Some(json!({"uri": "cloudreve://my/x", "type": "folder"}))
        )
        .await
        .1["code"],
        401
    );
}

#[tokio::test]
async fn users_only_see_their_own_tree() {
    let (s, _d) = state_with(|c| c.demo = true);
    refserver::seed::add_user(&s, "bob@example.org", "bob-password", None).expect("bob");
    let admin = sign_in(&s, ADMIN_EMAIL, ADMIN_PASSWORD).await;
    let admin_id = admin["user"]["id"].as_str().expect("id").to_string();
    let bob = sign_in(&s, "bob@example.org", "bob-password").await["token"]["access_token"]
        .as_str()
        .expect("t")
        .to_string();
    assert!(
        names(&list(&s, &bob, "cloudreve://my", "").await).is_empty(),
        "bob's tree is his own"
    );
    let theirs = format!("cloudreve://{admin_id}@my");
    assert_eq!(list(&s, &bob, &theirs, "").await["code"], 403);
    assert_eq!(
        mkdir(&s, &bob, &format!("{theirs}/intrusion"), false).await["code"],
        403
    );
    let admin_token = admin["token"]["access_token"].as_str().expect("t");
    assert_eq!(
        list(&s, admin_token, &theirs, "").await["code"],
        0,
        "the owner may name themself"
    );
    assert_eq!(
        names(&list(&s, admin_token, "cloudreve://my", "").await).len(),
        4,
        "nothing was created"
    );
}
