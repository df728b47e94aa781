//! `file_viewers` in the `explorer` site config (models.md §FileViewer): the built-in viewers, the
//! editors' size limit, and WOPI apps from the configuration.

mod common;

use common::*;
use serde_json::Value;

fn viewer<'a>(groups: &'a Value, id: &str) -> &'a Value {
    groups
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|g| g["viewers"].as_array().into_iter().flatten())
        .find(|v| v["id"] == id)
        .unwrap_or_else(|| panic!("no viewer {id} in {groups}"))
}

#[tokio::test]
async fn explorer_config_lists_the_builtin_viewers() {
    let (s, _d) = state();
    let (_, r) = call(&s, "GET", "/api/v4/site/config/explorer", None, None).await;
    let groups = &r["data"]["file_viewers"];
    assert_eq!(groups.as_array().map(Vec::len), Some(1), "{groups}");
    for (id, ext) in [
        ("image", "avif"),
        ("video", "mkv"),
        ("music", "opus"),
        ("pdf", "pdf"),
        ("markdown", "md"),
        ("monaco", "rs"),
        ("archive", "zip"),
    ] {
        let v = viewer(groups, id);
        assert_eq!(v["type"], "builtin", "{v}");
        assert!(
            v["exts"]
                .as_array()
                .is_some_and(|e| e.contains(&ext.into())),
            "{v}"
        );
    }
    assert_eq!(viewer(groups, "monaco")["max_size"], 50 << 20);
    assert_eq!(viewer(groups, "markdown")["max_size"], 50 << 20);
    assert!(viewer(groups, "image").get("max_size").is_none());
}

#[tokio::test]
async fn configured_limits_and_wopi_apps_show_up() {
    let (s, _d) = state_with(|c| {
        c.max_edit_size = 1000;
        c.wopi_viewers.push(
            refserver::viewers::WopiViewer::parse("Office|docx,xlsx|https://office.example/x?a=1")
                .expect("spec"),
        );
    });
    let (_, r) = call(&s, "GET", "/api/v4/site/config/explorer", None, None).await;
    let groups = &r["data"]["file_viewers"];
    assert_eq!(viewer(groups, "monaco")["max_size"], 1000);
    let wopi = &groups[1]["viewers"][0];
    assert_eq!(wopi["type"], "wopi");
    assert_eq!(wopi["display_name"], "Office");
    assert_eq!(wopi["exts"], serde_json::json!(["docx", "xlsx"]));
    assert!(
        uuid::Uuid::parse_str(wopi["id"].as_str().unwrap_or("")).is_ok(),
        "{wopi}"
    );
    assert!(
        wopi.get("wopi_actions").is_none(),
        "actions stay on the server"
    );
}
