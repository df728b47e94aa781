//! Searching through `GET /file` with URI conditions (file.md §2, §3): every key, the breadth-first
//! walk and its cursor, the folder-visit cap, the trash, and other users' files.

mod common;

use common::seed::{put, set_meta, set_times};
use common::*;
use refserver::AppState;
use serde_json::{json, Value};

/// The admin's row id (the first user).
const ADMIN: i64 = 1;

/// Names of a search's hits, sorted (for checks that do not care about order).
async fn hits(s: &AppState, t: &str, uri: &str) -> Vec<String> {
    let page = list(s, t, uri, "").await;
    assert_eq!(page["code"], 0, "{uri}: {page}");
    let mut n = names(&page);
    n.sort();
    n
}

/// Every page of a search of `uri` with `page_size`, following `next_token`: (paths, pages).
async fn walk(s: &AppState, t: &str, uri: &str, page_size: usize) -> (Vec<String>, Vec<Value>) {
    let (mut paths, mut pages, mut token) = (Vec::new(), Vec::new(), String::new());
    loop {
        let extra = format!(
            "&page_size={page_size}&next_page_token={}",
            cloudreve_api::uri::encode_component(&token)
        );
        let page = list(s, t, uri, &extra).await;
        assert_eq!(page["code"], 0, "{page}");
        assert!(field(&page, "path").len() <= page_size);
        paths.extend(field(&page, "path"));
        let next = page["data"]["pagination"]["next_token"]
            .as_str()
            .map(str::to_string);
        pages.push(page);
        match next {
            Some(n) => token = n,
            None => return (paths, pages),
        }
        assert!(pages.len() < 100, "the cursor never ends");
    }
}

#[tokio::test]
async fn names_match_by_substring_quotes_wildcards_and_case_folding() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    for path in [
        "Report.TXT",
        "docs/annual report.md",
        "docs/IMG_0001.jpg",
        "docs/IMGx0001.jpg",
        "photos/Ärger.png",
        "photos/trip.JPG",
    ] {
        put(&s, ADMIN, path, Some(1));
    }
    let q = |query: &str| format!("cloudreve://my?{query}");
    assert_eq!(hits(&s, &t, &q("name=report")).await, ["annual report.md"]);
    assert_eq!(
        hits(&s, &t, &q("name=report&case_folding")).await,
        ["Report.TXT", "annual report.md"]
    );
    assert_eq!(hits(&s, &t, &q("name=%22Report%22")).await, ["Report.TXT"]);
    assert_eq!(
        hits(&s, &t, &q("name=%22report%22&case_folding")).await,
        ["annual report.md"],
        "quoted text stays case-sensitive"
    );
    assert_eq!(
        hits(&s, &t, &q("name=*.jpg")).await,
        ["IMG_0001.jpg", "IMGx0001.jpg", "trip.JPG"]
    );
    assert_eq!(
        hits(&s, &t, &q("name=IMG_*")).await,
        ["IMG_0001.jpg"],
        "only * is a wildcard"
    );
    assert_eq!(
        hits(&s, &t, &q("name=%C3%A4rger&case_folding")).await,
        ["Ärger.png"],
        "folding is not limited to ASCII"
    );
    assert_eq!(
        hits(&s, &t, &q("name=IMG&name=0001")).await,
        ["IMG_0001.jpg", "IMGx0001.jpg"]
    );
    assert!(
        hits(&s, &t, &q("name=IMG&name=trip")).await.is_empty(),
        "AND"
    );
    for or in ["name_op_or", "use_or"] {
        assert_eq!(
            hits(&s, &t, &q(&format!("name=IMG&name=trip&{or}"))).await,
            ["IMG_0001.jpg", "IMGx0001.jpg", "trip.JPG"],
            "{or}"
        );
    }
    let page = list(&s, &t, &q("name=p&case_folding"), "").await;
    assert_eq!(
        field(&page, "path"),
        [
            "cloudreve://my/Report.TXT",
            "cloudreve://my/photos",
            "cloudreve://my/docs/annual%20report.md",
            "cloudreve://my/docs/IMG_0001.jpg",
            "cloudreve://my/docs/IMGx0001.jpg",
            "cloudreve://my/photos/%C3%84rger.png",
            "cloudreve://my/photos/trip.JPG",
        ],
        "depth first, then creation order; paths are the items' real URIs"
    );
}

#[tokio::test]
async fn type_size_and_time_filters() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    let small = put(&s, ADMIN, "d/small.bin", Some(100));
    let mid = put(&s, ADMIN, "d/mid.bin", Some(150));
    let big = put(&s, ADMIN, "big.bin", Some(200));
    put(&s, ADMIN, "d/e", None);
    let q = |query: &str| format!("cloudreve://my?{query}");
    assert_eq!(hits(&s, &t, &q("type=folder")).await, ["d", "e"]);
    assert_eq!(
        hits(&s, &t, &q("type=file")).await,
        ["big.bin", "mid.bin", "small.bin"]
    );
    assert_eq!(
        hits(&s, &t, &q("size_gte=100&size_lte=150")).await,
        ["mid.bin", "small.bin"],
        "bounds are inclusive"
    );
    assert!(
        hits(&s, &t, &q("size_gte=120")).await.is_empty(),
        "CE quirk kept: a missing bound counts as 0"
    );
    assert_eq!(
        hits(&s, &t, &q("size_gte=120&size_lte=1099511627776")).await,
        ["big.bin", "mid.bin"]
    );
    let sec = 1_700_000_000_i64;
    set_times(&s, small, sec * 1000, (sec + 50) * 1000);
    set_times(&s, mid, (sec + 10) * 1000 + 500, (sec + 60) * 1000 + 999);
    set_times(&s, big, (sec + 20) * 1000, (sec + 70) * 1000);
    let window = |key: &str, from: i64, to: i64| {
        q(&format!(
            "{key}_gte={}&{key}_lte={}&type=file",
            sec + from,
            sec + to
        ))
    };
    assert_eq!(
        hits(&s, &t, &window("created", 10, 10)).await,
        ["mid.bin"],
        "a bound includes its whole second"
    );
    assert_eq!(
        hits(&s, &t, &window("created", 0, 10)).await,
        ["mid.bin", "small.bin"]
    );
    assert_eq!(
        hits(&s, &t, &window("updated", 60, 70)).await,
        ["big.bin", "mid.bin"]
    );
    assert_eq!(
        hits(&s, &t, &q(&format!("updated_lte={}", sec + 50))).await,
        ["small.bin"]
    );
}

#[tokio::test]
async fn categories_replace_the_whole_query() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    for path in ["a/p.PNG", "a/q.webp", "notes.md", "song.mp3", "clip.mkv"] {
        put(&s, ADMIN, path, Some(1));
    }
    put(&s, ADMIN, "album.png", None);
    assert_eq!(
        hits(
            &s,
            &t,
            "cloudreve://my?category=image&name=nothing-like-this"
        )
        .await,
        ["p.PNG", "q.webp"],
        "other keys are ignored and folders never match"
    );
    assert_eq!(
        hits(&s, &t, "cloudreve://my?category=document").await,
        ["notes.md"]
    );
    assert_eq!(
        hits(&s, &t, "cloudreve://my?category=audio").await,
        ["song.mp3"]
    );
    assert_eq!(
        hits(&s, &t, "cloudreve://my?category=video").await,
        ["clip.mkv"]
    );
    assert_eq!(
        list(&s, &t, "cloudreve://my?category=fonts", "").await["code"],
        -1
    );
}

#[tokio::test]
async fn metadata_filters_and_tag_search() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    let a = put(&s, ADMIN, "x/a.jpg", Some(1));
    let b = put(&s, ADMIN, "b.jpg", Some(1));
    put(&s, ADMIN, "c.jpg", Some(1));
    set_meta(&s, a, "tag:work", "");
    set_meta(&s, a, "exif:camera_model", "Canon EOS");
    set_meta(&s, b, "tag:home", "#FF0000");
    let q = |query: &str| format!("cloudreve://my?{query}");
    assert_eq!(hits(&s, &t, &q("meta_=tag%3Awork")).await, ["a.jpg"]);
    assert_eq!(
        hits(&s, &t, &q("meta_exif%3Acamera_model=canon")).await,
        ["a.jpg"],
        "contains, case-insensitive"
    );
    assert_eq!(hits(&s, &t, &q("meta_tag:home=ff00")).await, ["b.jpg"]);
    assert_eq!(
        hits(&s, &t, &q("exact_meta_exif:camera_model=Canon%20EOS")).await,
        ["a.jpg"]
    );
    assert!(hits(&s, &t, &q("exact_meta_exif:camera_model=canon%20eos"))
        .await
        .is_empty());
    let tagged = list(&s, &t, &q("meta_=tag:work"), "").await;
    assert_eq!(
        tagged["data"]["files"][0]["metadata"]["tag:work"], "",
        "hits carry their metadata"
    );
}

#[tokio::test]
async fn the_walk_is_breadth_first_and_the_cursor_returns_every_hit_once() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    for dir in ["", "a/", "a/b/", "a/b/c/", "x/"] {
        for i in 0..9 {
            put(&s, ADMIN, &format!("{dir}hit{i}.txt"), Some(1));
            put(&s, ADMIN, &format!("{dir}miss{i}.txt"), Some(1));
        }
    }
    let (paths, pages) = walk(&s, &t, "cloudreve://my?name=hit", 4).await;
    assert_eq!(paths.len(), 45);
    let mut unique = paths.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 45, "no hit twice");
    let depths: Vec<usize> = paths.iter().map(|p| p.matches('/').count()).collect();
    assert!(
        depths.windows(2).all(|w| w[0] <= w[1]),
        "shallow first: {paths:?}"
    );
    let first = &pages[0]["data"];
    assert_eq!(first["mixed_type"], true);
    assert_eq!(first["pagination"]["is_cursor"], true);
    assert_eq!(first["props"]["order_by_options"], Value::Null);
    assert_eq!(first["parent"]["path"], "cloudreve://my/");
    assert!(first["pagination"]["next_token"]
        .as_str()
        .is_some_and(|t| t.contains('|')));
    assert!(first.get("recursion_limit_reached").is_none());
    let (below, _) = walk(&s, &t, "cloudreve://my/a/b?name=hit", 100).await;
    assert_eq!(below.len(), 18, "only below the searched folder");
    assert!(below[0].starts_with("cloudreve://my/a/b/hit"));
    assert_eq!(
        list(
            &s,
            &t,
            "cloudreve://my?name=hit",
            "&next_page_token=2%7Cnot-an-id"
        )
        .await["code"],
        40001
    );
    assert_eq!(
        list(&s, &t, "cloudreve://my/missing?name=hit", "").await["code"],
        40016
    );
}

#[tokio::test]
async fn the_folder_cap_flags_partial_results() {
    let (s, _d) = state_with(|c| c.search_folder_limit = 3);
    let t = admin_token(&s).await;
    for path in [
        "f1/g1/hit",
        "f2/g2/hit",
        "f3/hit",
        "f1/hit",
        "f2/hit",
        "hit",
    ] {
        put(&s, ADMIN, &format!("{path}.txt"), Some(1));
    }
    let (paths, pages) = walk(&s, &t, "cloudreve://my?name=hit", 2).await;
    assert_eq!(
        paths,
        [
            "cloudreve://my/hit.txt",
            "cloudreve://my/f1/hit.txt",
            "cloudreve://my/f2/hit.txt"
        ],
        "the root and the first two folders are searched"
    );
    let last = pages.last().expect("a page");
    assert_eq!(last["data"]["recursion_limit_reached"], true, "{last}");
    let (s2, _d2) = state();
    let t2 = admin_token(&s2).await;
    for path in ["f1/g1/hit", "f2/g2/hit", "f3/hit"] {
        put(&s2, ADMIN, &format!("{path}.txt"), Some(1));
    }
    let (all, pages) = walk(&s2, &t2, "cloudreve://my?name=hit", 2).await;
    assert_eq!(all.len(), 3);
    assert!(pages
        .iter()
        .all(|p| p["data"].get("recursion_limit_reached").is_none()));
}

#[tokio::test]
async fn the_trash_is_searched_by_original_location() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    for path in ["Docs/my report.txt", "Docs/other.txt", "kept.txt"] {
        put(&s, ADMIN, path, Some(1));
    }
    let r = call(
        &s,
        "DELETE",
        "/api/v4/file",
        Some(&t),
        Some(json!({"uris": ["cloudreve://my/Docs/my%20report.txt", "cloudreve://my/Docs/other.txt"]})),
    )
    .await
    .1;
    assert_eq!(r["code"], 0, "{r}");
    // The frontend sends encodeURI(words), form-encoded once more inside the URI's query.
    let found = list(
        &s,
        &t,
        "cloudreve://trash?meta_sys%3Arestore_uri=my%2520report",
        "",
    )
    .await;
    assert_eq!(names(&found), ["my report.txt"], "{found}");
    let data = &found["data"];
    assert!(data["files"][0]["path"]
        .as_str()
        .is_some_and(|p| p.starts_with("cloudreve://trash/") && !p.contains("report")));
    assert_eq!(data["parent"]["id"], "");
    assert_eq!(data["props"]["order_by_options"], json!(["created_at"]));
    assert_eq!(data["props"]["capability"], "AMIK");
    assert_eq!(data["mixed_type"], true);
    assert!(
        names(&list(&s, &t, "cloudreve://trash?name=report", "").await).is_empty(),
        "stored names are UUIDs"
    );
    let (both, _) = walk(&s, &t, "cloudreve://trash?type=file", 1).await;
    assert_eq!(both.len(), 2, "the whole trash, a page at a time");
}

#[tokio::test]
async fn other_users_files_never_appear() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    let (bob, bob_t) = new_user(&s, "bob@example.org").await;
    put(&s, ADMIN, "secret/plan.txt", Some(1));
    put(&s, bob, "mine/plan.txt", Some(1));
    assert_eq!(
        field(&list(&s, &t, "cloudreve://my?name=plan", "").await, "path"),
        ["cloudreve://my/secret/plan.txt"]
    );
    assert_eq!(
        field(
            &list(&s, &bob_t, "cloudreve://my?name=plan", "").await,
            "path"
        ),
        ["cloudreve://my/mine/plan.txt"]
    );
    let admin_id = sign_in(&s, ADMIN_EMAIL, ADMIN_PASSWORD).await["user"]["id"]
        .as_str()
        .expect("id")
        .to_string();
    assert_eq!(
        list(
            &s,
            &bob_t,
            &format!("cloudreve://{admin_id}@my?name=plan"),
            ""
        )
        .await["code"],
        403
    );
    call(
        &s,
        "DELETE",
        "/api/v4/file",
        Some(&t),
        Some(json!({"uris": ["cloudreve://my/secret"]})),
    )
    .await;
    assert!(names(&list(&s, &bob_t, "cloudreve://trash?type=folder", "").await).is_empty());
    assert_eq!(
        names(&list(&s, &t, "cloudreve://trash?type=folder", "").await),
        ["secret"]
    );
    assert_eq!(
        list(&s, "", "cloudreve://my?name=plan", "").await["code"],
        401
    );
}

#[tokio::test]
async fn shared_with_me_and_unknown_keys() {
    let (s, _d) = state();
    let t = admin_token(&s).await;
    put(&s, ADMIN, "a.txt", Some(1));
    let shared = list(&s, &t, "cloudreve://shared_with_me?name=x", "").await;
    assert_eq!(shared["code"], 0, "{shared}");
    let data = &shared["data"];
    assert_eq!(data["files"], json!([]));
    assert_eq!(data["parent"]["id"], "");
    assert_eq!(data["mixed_type"], true);
    assert_eq!(data["pagination"]["is_cursor"], true);
    assert_eq!(data["props"]["order_by_options"], json!(["created_at"]));
    let plain = list(&s, &t, "cloudreve://my?utm=1", "").await;
    assert_eq!(names(&plain), ["a.txt"]);
    assert_eq!(
        plain["data"]["mixed_type"], false,
        "a query without search keys is a plain listing"
    );
}
