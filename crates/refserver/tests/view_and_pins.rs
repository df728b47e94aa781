//! Server-side view settings (`PATCH /file/view`, the `view` of listings) and sidebar pins
//! (`PUT`/`DELETE /file/pin`, `pined` on the user), file.md §4.

mod common;

use common::seed::put;
use common::*;
use refserver::AppState;
use serde_json::{json, Value};

const ADMIN: i64 = 1;

async fn send(s: &AppState, t: Option<&str>, method: &str, path: &str, body: Value) -> Value {
    call(s, method, &format!("/api/v4{path}"), t, Some(body))
        .await
        .1
}

async fn set_view(s: &AppState, t: &str, uri: &str, view: Value) -> Value {
    send(
        s,
        Some(t),
        "PATCH",
        "/file/view",
        json!({"uri": uri, "view": view}),
    )
    .await
}

async fn bob(s: &AppState) -> String {
    new_user(s, "bob@example.org").await.1
}

fn list_view(page_size: i64) -> Value {
    json!({"page_size": page_size, "order": "name", "order_direction": "desc", "view": "list"})
}

#[tokio::test]
async fn view_settings_are_validated() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    put(&s, ADMIN, "a/file.txt", Some(1));
    for (bad, why) in [
        (
            json!({"page_size": 49, "order_direction": "asc", "view": "grid"}),
            "page_size",
        ),
        (
            json!({"page_size": 50, "view": "grid"}),
            "order_direction required",
        ),
        (
            json!({"page_size": 50, "order_direction": "up", "view": "grid"}),
            "direction",
        ),
        (
            json!({"page_size": 50, "order_direction": "asc"}),
            "view required",
        ),
        (
            json!({"page_size": 50, "order_direction": "asc", "view": "table"}),
            "view",
        ),
        (
            json!({"page_size": 50, "order_direction": "asc", "view": "gallery", "gallery_width": 20}),
            "gallery_width",
        ),
        (
            json!({"page_size": 50, "order_direction": "asc", "view": "list", "order": "x".repeat(256)}),
            "order length",
        ),
        (
            json!({"page_size": 50, "order_direction": "asc", "view": "list", "columns": vec![json!({"type": 0}); 1001]}),
            "columns",
        ),
    ] {
        assert_eq!(
            set_view(&s, &t, "cloudreve://my/a", bad).await["code"],
            40001,
            "{why}"
        );
    }
    let good = json!({"page_size": 50, "order_direction": "asc", "view": "gallery", "gallery_width": 200,
                      "columns": [{"type": 0, "width": 120}, {"type": 3, "props": {"metadata_key": "tag:x"}}]});
    assert_eq!(
        set_view(&s, &t, "cloudreve://my/a", good.clone()).await["code"],
        0
    );
    let stored = list(&s, &t, "cloudreve://my/a", "").await["data"]["view"].clone();
    assert_eq!(stored["columns"], good["columns"], "kept as sent");
    assert_eq!(stored["gallery_width"], 200);
    assert_eq!(
        set_view(&s, &t, "cloudreve://my", list_view(50)).await["code"],
        0,
        "the root is a folder too"
    );
    assert_eq!(
        set_view(&s, &t, "cloudreve://my/a/file.txt", list_view(50)).await["code"],
        40016
    );
    assert_eq!(
        set_view(&s, &t, "cloudreve://my/missing", list_view(50)).await["code"],
        40016
    );
    assert_eq!(
        set_view(&s, &t, "cloudreve://abc@share", list_view(50)).await["code"],
        403
    );
    assert_eq!(
        set_view(&s, &t, "cloudreve://trash/x", list_view(50)).await["code"],
        403
    );
    assert_eq!(
        send(
            &s,
            None,
            "PATCH",
            "/file/view",
            json!({"uri": "cloudreve://my/a", "view": null})
        )
        .await["code"],
        401
    );
    let admin_id = sign_in(&s, ADMIN_EMAIL, ADMIN_PASSWORD).await["user"]["id"]
        .as_str()
        .expect("id")
        .to_string();
    let b = bob(&s).await;
    assert_eq!(
        set_view(
            &s,
            &b,
            &format!("cloudreve://{admin_id}@my/a"),
            list_view(50)
        )
        .await["code"],
        403,
        "owner only"
    );
}

#[tokio::test]
async fn descendants_inherit_the_nearest_view_until_it_is_cleared() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    for n in ["b", "c", "a"] {
        put(&s, ADMIN, &format!("a/b/c/{n}.txt"), Some(1));
    }
    let view_of = |l: &Value| l["data"]["view"].clone();
    let root = list(&s, &t, "cloudreve://my", "").await;
    assert_eq!(
        view_of(&root),
        json!({"page_size": 100, "order": "created_at", "order_direction": "asc", "view": "grid", "thumbnail": true}),
        "the default view, with the values used"
    );
    assert_eq!(
        set_view(&s, &t, "cloudreve://my/a", list_view(50)).await["code"],
        0
    );
    let deep = list(&s, &t, "cloudreve://my/a/b/c", "").await;
    assert_eq!(view_of(&deep)["view"], "list");
    assert_eq!(
        deep["data"]["pagination"]["page_size"], 50,
        "stored page_size used"
    );
    assert_eq!(
        names(&deep),
        ["c.txt", "b.txt", "a.txt"],
        "stored order used"
    );
    let nearer =
        json!({"page_size": 60, "order": "name", "order_direction": "asc", "view": "gallery"});
    assert_eq!(
        set_view(&s, &t, "cloudreve://my/a/b", nearer).await["code"],
        0
    );
    let deep = list(&s, &t, "cloudreve://my/a/b/c", "").await;
    assert_eq!(
        (
            view_of(&deep)["view"].as_str(),
            view_of(&deep)["page_size"].as_i64()
        ),
        (Some("gallery"), Some(60)),
        "the nearest ancestor wins"
    );
    assert_eq!(names(&deep), ["a.txt", "b.txt", "c.txt"]);
    assert_eq!(
        set_view(&s, &t, "cloudreve://my/a/b", Value::Null).await["code"],
        0
    );
    assert_eq!(
        view_of(&list(&s, &t, "cloudreve://my/a/b/c", "").await)["view"],
        "list"
    );
    assert_eq!(
        set_view(&s, &t, "cloudreve://my/a", Value::Null).await["code"],
        0
    );
    assert_eq!(
        view_of(&list(&s, &t, "cloudreve://my/a/b/c", "").await),
        view_of(&root),
        "back to the default"
    );
    assert_eq!(
        view_of(&list(&s, &t, "cloudreve://my", "").await)["view"],
        "grid"
    );
}

#[tokio::test]
async fn request_values_override_the_stored_view() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    put(&s, ADMIN, "a/small.txt", Some(1));
    put(&s, ADMIN, "a/big.txt", Some(9));
    put(&s, ADMIN, "a/mid.txt", Some(5));
    assert_eq!(
        set_view(&s, &t, "cloudreve://my/a", list_view(50)).await["code"],
        0
    );
    let asked = list(
        &s,
        &t,
        "cloudreve://my/a",
        "&page_size=2&order_by=size&order_direction=asc",
    )
    .await;
    assert_eq!(names(&asked), ["small.txt", "mid.txt"]);
    let view = &asked["data"]["view"];
    assert_eq!(
        (
            view["page_size"].as_i64(),
            view["order"].as_str(),
            view["order_direction"].as_str()
        ),
        (Some(2), Some("size"), Some("asc")),
        "the view reports the values actually used"
    );
    assert_eq!(view["view"], "list", "the rest comes from the stored view");
    let partly = list(&s, &t, "cloudreve://my/a", "&order_by=size").await;
    assert_eq!(
        names(&partly),
        ["big.txt", "mid.txt", "small.txt"],
        "the stored direction fills the gap"
    );
}

#[tokio::test]
async fn trash_and_shared_with_me_views_are_per_user() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    let b = bob(&s).await;
    let trash = list(&s, &t, "cloudreve://trash", "").await;
    assert_eq!(trash["data"]["view"]["view"], "list", "{trash}");
    assert_eq!(
        trash["data"]["view"]["columns"],
        json!([{"type": 0}, {"type": 2}, {"type": 8}, {"type": 7}])
    );
    let grid = json!({"page_size": 60, "order_direction": "desc", "view": "grid"});
    assert_eq!(set_view(&s, &t, "cloudreve://trash", grid).await["code"], 0);
    let mine = list(&s, &t, "cloudreve://trash", "").await["data"]["view"].clone();
    assert_eq!(
        (
            mine["view"].as_str(),
            mine["page_size"].as_i64(),
            mine["order_direction"].as_str()
        ),
        (Some("grid"), Some(60), Some("desc"))
    );
    assert_eq!(
        list(&s, &b, "cloudreve://trash", "").await["data"]["view"]["view"],
        "list",
        "bob's trash keeps its default"
    );
    assert_eq!(
        set_view(&s, &b, "cloudreve://shared_with_me", list_view(70)).await["code"],
        0
    );
    let shared = list(&s, &b, "cloudreve://shared_with_me", "").await;
    assert_eq!(shared["data"]["view"]["page_size"], 70, "{shared}");
    assert_eq!(
        list(&s, &t, "cloudreve://shared_with_me", "").await["data"]["view"]["view"],
        "grid"
    );
}

/// `PUT /file/pin` as `t`; the answer's code.
async fn pin(s: &AppState, t: Option<&str>, uri: &str, name: Option<&str>) -> Value {
    let mut body = json!({"uri": uri});
    if let Some(n) = name {
        body["name"] = n.into();
    }
    send(s, t, "PUT", "/file/pin", body).await["code"].clone()
}

/// `pined` of `GET /user/me` as `t`.
async fn pined(s: &AppState, t: &str) -> Value {
    call(s, "GET", "/api/v4/user/me", Some(t), None).await.1["data"]["pined"].clone()
}

#[tokio::test]
async fn pins_are_idempotent_conflict_on_a_new_name_and_show_on_the_user() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    let me = Some(t.as_str());
    assert_eq!(pin(&s, me, "cloudreve://my/a/", Some("A")).await, 0);
    assert_eq!(
        pin(&s, me, "cloudreve://my/a", Some("A")).await,
        0,
        "same URI (after normalising) and name: nothing to do"
    );
    assert_eq!(pin(&s, me, "cloudreve://my/a", Some("B")).await, 40004);
    let search = "cloudreve://my?name=x&case_folding";
    assert_eq!(pin(&s, me, search, None).await, 0, "searches, unchecked");
    assert_eq!(pin(&s, me, "nope://x", None).await, 40001);
    assert_eq!(pin(&s, None, "cloudreve://my", None).await, 401);
    let expected = json!([{"uri": "cloudreve://my/a", "name": "A"}, {"uri": search}]);
    assert_eq!(pined(&s, &t).await, expected);
    let site = call(&s, "GET", "/api/v4/site/config/basic", me, None)
        .await
        .1;
    assert_eq!(site["data"]["user"]["pined"], expected);
    assert_eq!(
        sign_in(&s, ADMIN_EMAIL, ADMIN_PASSWORD).await["user"]["pined"],
        expected
    );
    let b = bob(&s).await;
    assert_eq!(pined(&s, &b).await, Value::Null, "pins are per user");
    let unpin = json!({"uri": "cloudreve://my/a/"});
    assert_eq!(send(&s, me, "DELETE", "/file/pin", unpin).await["code"], 0);
    assert_eq!(pined(&s, &t).await, json!([{"uri": search}]));
    assert_eq!(
        pin(&s, me, "cloudreve://my/a", Some("B")).await,
        0,
        "after removal the URI is free again"
    );
}
