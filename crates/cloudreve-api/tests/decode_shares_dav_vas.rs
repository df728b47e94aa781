//! Share links, WebDAV accounts, [Pro] payments/gift codes and [Pro] groups: the contract's JSON
//! examples decode, re-encode and decode again to the same value; decoding is lenient; and every
//! endpoint of these areas fills its path placeholders and carries the contract's method and auth.

mod common;

use common::round_trip;

use cloudreve_api::endpoint::{info, json_body, query_pairs, Auth, Endpoint, Method, Payload};
use cloudreve_api::models::{
    CreateDavAccountRequest, CreatePaymentRequest, CreatePaymentResponse, CreateShareRequest,
    DavAccount, DeleteDavAccountRequest, DeleteShareRequest, EditShareRequest, GetGiftCodeRequest,
    GetPaymentStatusRequest, GetShareInfoRequest, GiftCodeInfo, Group, GroupSku,
    ListDavAccountsRequest, ListDavAccountsResponse, ListGroupsRequest, ListGroupsResponse,
    ListMySharesRequest, ListShareResponse, Payment, PaymentProductType, PaymentSetting,
    PermissionSetting, RedeemGiftCodeRequest, Share, ShareSourceType, StorageProduct,
    UpdateDavAccountRequest,
};
use cloudreve_api::uri::encode_component;
use cloudreve_api::Boolset;

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("fixtures/", $name))
    };
}

fn bits(b: &Boolset) -> Vec<usize> {
    b.bits().collect()
}

#[test]
fn share_info_example() {
    let s: Share = round_trip(fixture!("share_info.json"));
    assert_eq!(s.id, "VoMFL");
    assert!(s.unlocked && !s.expired);
    assert_eq!(s.source_type, ShareSourceType::Folder);
    assert!(s.is_folder());
    assert_eq!(s.owner.nickname, "Aaron");
    assert_eq!(
        s.owner.group.as_ref().map(|g| g.name.as_str()),
        Some("Admin")
    );
    assert_eq!(s.password, "abc123");
    assert_eq!(s.remain_downloads, None);
    assert_eq!(s.expires, None);
    assert_eq!(
        s.created_at.unix_millis(),
        Some(1_748_055_322_000),
        "2025-05-24T10:55:22+08:00"
    );
}

#[test]
fn share_list_examples() {
    let l: ListShareResponse = round_trip(fixture!("share_list.json"));
    assert_eq!(l.shares.len(), 1);
    let s = &l.shares[0];
    assert_eq!(s.source_type, ShareSourceType::File);
    assert_eq!(s.remain_downloads, Some(2));
    assert!(s.expires.as_ref().and_then(|t| t.unix_millis()).is_some());
    assert_eq!(s.source_uri, "cloudreve://my/Holiday/a.pdf");
    assert!(s.is_private && s.share_view && s.show_readme && s.password_protected);
    let p = s.permission_setting.as_ref().expect("permission_setting");
    assert_eq!(
        p.user_explicit.get("lpua").map(bits),
        Some(vec![0, 1, 2, 3])
    );
    assert_eq!(p.group_explicit.get("1AI8").map(bits), Some(vec![0, 1]));
    assert_eq!(p.other, None);
    assert_eq!(l.pagination.next_token.as_deref(), Some("opaque-cursor"));

    let empty: ListShareResponse = round_trip(fixture!("share_list_empty.json"));
    assert!(empty.shares.is_empty());
    assert!(empty.pagination.is_cursor);
}

#[test]
fn share_request_bodies() {
    let p: PermissionSetting = round_trip(fixture!("share_permissions.json"));
    assert_eq!(p.anonymous.as_ref().map(bits), Some(vec![0]));
    assert_eq!(p.everyone.as_ref().map(bits), Some(vec![0]));
    assert_eq!(p.same_group, None);
    assert!(p.user_explicit.is_empty());

    let c: CreateShareRequest = round_trip(fixture!("share_create_request.json"));
    assert_eq!(c.uri, "cloudreve://my/Holiday");
    assert_eq!((c.downloads, c.expire, c.price), (5, 604_800, 10));
    assert_eq!(c.permissions.as_ref(), Some(&p));

    // Edit sends the same body; the id travels in the path only.
    let mut e: EditShareRequest = round_trip(fixture!("share_create_request.json"));
    assert_eq!(e.body, c);
    e.id = "VoMFL".into();
    assert_eq!(json_body(&e), json_body(&c));
    assert!(!json_body(&e).unwrap_or_default().contains("VoMFL"));

    // Defaults are omitted like Go's omitempty.
    let minimal = CreateShareRequest {
        uri: "cloudreve://my/a.txt".into(),
        ..Default::default()
    };
    assert_eq!(
        json_body(&minimal).as_deref(),
        Some(r#"{"uri":"cloudreve://my/a.txt"}"#)
    );
}

#[test]
fn dav_examples() {
    let l: ListDavAccountsResponse = round_trip(fixture!("dav_list_accounts.json"));
    assert_eq!(l.accounts.len(), 2);
    assert_eq!(l.accounts[0].options, Some(Boolset::default()));
    assert_eq!(
        l.accounts[1]
            .options
            .as_ref()
            .map(Boolset::encode)
            .as_deref(),
        Some("AA==")
    );
    assert!(!l.accounts[1].is_readonly());
    assert_eq!(l.accounts[1].uri, "cloudreve://Y8bCn@share");
    assert_eq!(l.pagination.page_size, 50);
    // "AA==" survives re-encoding verbatim.
    assert!(serde_json::to_string(&l)
        .unwrap_or_default()
        .contains(r#""options":"AA==""#));

    let a: DavAccount = round_trip(fixture!("dav_account.json"));
    assert!(a.is_readonly() && a.is_proxy());

    let c: CreateDavAccountRequest = round_trip(fixture!("dav_create_request.json"));
    assert!(c.readonly && c.proxy && c.disable_sys_files);
    let u: UpdateDavAccountRequest = round_trip(fixture!("dav_create_request.json"));
    assert_eq!(u.body, c);
    assert_eq!(json_body(&u), json_body(&c));
}

#[test]
fn vas_examples() {
    let r: CreatePaymentResponse = round_trip(fixture!("vas_create_payment.json"));
    assert_eq!(r.payment.status, "created");
    assert_eq!(r.payment.qyt, 4);
    assert_eq!(r.payment.price_mark, "¥");
    assert_eq!(r.payment.product_type, PaymentProductType::StoragePack);
    assert!(r.payment.ticket.is_empty());
    assert!(r.request.payment_needed && !r.request.qr_code_preferred);

    let req: CreatePaymentRequest = round_trip(fixture!("vas_create_payment_request.json"));
    assert_eq!(req.product.product_type, PaymentProductType::ShareLink);
    assert_eq!(req.product.share_link_id, "VoMFL");
    assert!(req.product.sku_id.is_empty());
    assert_eq!(req.quantity, 1);

    let p: Payment = round_trip(fixture!("vas_payment_fulfilled.json"));
    assert_eq!(p.status, "fulfilled");
    assert_eq!(p.ticket, "0b8f7a7e-3c55-4d1a-8f2e-6a1d2c3b4e5f");

    let g: GiftCodeInfo = round_trip(fixture!("vas_giftcode.json"));
    assert_eq!((g.qyt, g.duration), (2, Some(864_000)));
    let points: GiftCodeInfo = round_trip(r#"{ "name": "Points", "qyt": 100 }"#);
    assert_eq!(points.duration, None);

    let s: PaymentSetting = round_trip(fixture!("vas_payment_setting.json"));
    assert_eq!(s.currency_unit, 100);
    assert_eq!(s.providers[0].provider_type, "stripe");
    assert_eq!(s.providers[1].provider_type, "");

    let products: Vec<StorageProduct> = round_trip(fixture!("vas_storage_products.json"));
    assert_eq!(products[0].points, Some(1000));
    assert_eq!(products[1].points, None);
    assert_eq!(products[1].size, 1_099_511_627_776);

    let skus: Vec<GroupSku> = round_trip(fixture!("vas_group_skus.json"));
    assert_eq!(skus[0].des.len(), 2);
    assert_eq!(skus[1].chip, "");
}

#[test]
fn group_examples() {
    let l: ListGroupsResponse = round_trip(fixture!("group_list.json"));
    assert_eq!(
        l.iter()
            .map(|g| (g.id.as_str(), g.name.as_str()))
            .collect::<Vec<_>>(),
        [("z4u4", "Admin"), ("1AI8", "User")]
    );
    assert!(l.iter().all(|g| g.permission.is_none()));
    let g: Group = round_trip(fixture!("group_user_group.json"));
    assert_eq!(g.permission.as_ref().map(bits), Some(vec![2, 7, 11]));
    assert_eq!((g.direct_link_batch_size, g.trash_retention), (10, 604_800));
}

#[test]
fn lenient_decoding() {
    // Unknown field, missing optional fields, null list/map/object, unknown integer enum value.
    let s: Share = serde_json::from_str(
        r#"{"id":"x","source_type":7,"brand_new":{"a":[1]},"owner":null,"url":null,
            "permission_setting":{"user_explicit":null,"everyone":null,"future":"AQ=="}}"#,
    )
    .expect("lenient share");
    assert_eq!(s.source_type, ShareSourceType::Other(7));
    assert_eq!(s.owner, Default::default());
    assert_eq!(s.name, "");
    assert_eq!(s.url, "");
    assert_eq!(s.remain_downloads, None);
    let p = s.permission_setting.expect("permission_setting");
    assert!(p.user_explicit.is_empty());
    assert_eq!(p.everyone, None);
    // Unknown numbers survive a round trip.
    let again: Share = round_trip(r#"{"source_type":7}"#);
    assert_eq!(again.source_type, ShareSourceType::Other(7));

    let l: ListShareResponse =
        serde_json::from_str(r#"{"shares":null,"extra":1}"#).expect("lenient list");
    assert!(l.shares.is_empty());
    let d: ListDavAccountsResponse =
        serde_json::from_str(r#"{"accounts":null,"pagination":{}}"#).expect("lenient dav");
    assert!(d.accounts.is_empty());
    let a: DavAccount =
        serde_json::from_str(r#"{"id":"4ycW","options":null,"new":true}"#).expect("lenient dav");
    assert_eq!(a.options, None);
    assert!(!a.is_readonly());

    let p: Payment = serde_json::from_str(r#"{"id":"1XbTb","product_type":9,"status":"refunded"}"#)
        .expect("lenient payment");
    assert_eq!(p.product_type, PaymentProductType::Other(9));
    assert_eq!(p.status, "refunded");
    let p: Payment = serde_json::from_str(r#"{"product_type":null}"#).expect("null enum");
    assert_eq!(p.product_type, PaymentProductType::Other(0));
    let r: CreatePaymentResponse =
        serde_json::from_str(r#"{"payment":null,"request":null}"#).expect("lenient payment");
    assert_eq!(r, CreatePaymentResponse::default());
    let sku: GroupSku = serde_json::from_str(r#"{"des":null,"points":null}"#).expect("sku");
    assert!(sku.des.is_empty() && sku.points.is_none());
    let s: PaymentSetting = serde_json::from_str(r#"{"providers":null}"#).expect("setting");
    assert!(s.providers.is_empty());
}

#[test]
fn paths_fill_placeholders() {
    let odd = "a b/c?d";
    let enc = encode_component(odd);
    assert_eq!(enc, "a%20b%2Fc%3Fd");

    let info_req = GetShareInfoRequest {
        id: "abc".into(),
        ..Default::default()
    };
    assert_eq!(info_req.path(), "/share/info/abc");
    let info_odd = GetShareInfoRequest {
        id: odd.into(),
        ..Default::default()
    };
    assert_eq!(info_odd.path(), format!("/share/info/{enc}"));
    let edit = EditShareRequest {
        id: odd.into(),
        ..Default::default()
    };
    assert_eq!(edit.path(), format!("/share/{enc}"));
    let del = DeleteShareRequest { id: "VoMFL".into() };
    assert_eq!(del.path(), "/share/VoMFL");
    assert_eq!(CreateShareRequest::default().path(), "/share");
    assert_eq!(ListMySharesRequest::default().path(), "/share");

    assert_eq!(ListDavAccountsRequest::default().path(), "/devices/dav");
    assert_eq!(CreateDavAccountRequest::default().path(), "/devices/dav");
    let upd = UpdateDavAccountRequest {
        id: odd.into(),
        ..Default::default()
    };
    assert_eq!(upd.path(), format!("/devices/dav/{enc}"));
    let deld = DeleteDavAccountRequest { id: "4ycW".into() };
    assert_eq!(deld.path(), "/devices/dav/4ycW");

    assert_eq!(CreatePaymentRequest::default().path(), "/vas/payment");
    let status = GetPaymentStatusRequest {
        id: "1XbTb".into(),
        trade_no: odd.into(),
    };
    assert_eq!(status.path(), format!("/vas/payment/status/1XbTb/{enc}"));
    let code = "0b8f7a7e-3c55-4d1a-8f2e-6a1d2c3b4e5f";
    let check = GetGiftCodeRequest { code: code.into() };
    assert_eq!(check.path(), format!("/vas/giftcode/{code}"));
    let redeem = RedeemGiftCodeRequest { code: odd.into() };
    assert_eq!(redeem.path(), format!("/vas/giftcode/{enc}/redeem"));

    assert_eq!(ListGroupsRequest.path(), "/group/list");
}

#[test]
fn queries_and_bodies_leave_path_fields_out() {
    let q = GetShareInfoRequest {
        id: "VoMFL".into(),
        password: Some("abc 123".into()),
        count_views: Some(true),
        owner_extended: None,
    };
    let mut pairs = query_pairs(&q);
    pairs.sort();
    assert_eq!(
        pairs,
        [
            ("count_views".to_string(), "true".to_string()),
            ("password".to_string(), "abc 123".to_string())
        ]
    );
    let l = ListMySharesRequest {
        page_size: 50,
        order_by: Some("views".into()),
        ..Default::default()
    };
    let mut pairs = query_pairs(&l);
    pairs.sort();
    assert_eq!(
        pairs,
        [
            ("order_by".to_string(), "views".to_string()),
            ("page_size".to_string(), "50".to_string())
        ]
    );
    let d = ListDavAccountsRequest {
        page_size: 10,
        next_page_token: Some("tok".into()),
    };
    assert_eq!(query_pairs(&d).len(), 2);
    // Path-only endpoints send nothing else.
    assert_eq!(json_body(&DeleteShareRequest { id: "x".into() }), None);
    assert!(query_pairs(&GetPaymentStatusRequest::default()).is_empty());
    assert_eq!(json_body(&RedeemGiftCodeRequest::default()), None);
    let p = CreatePaymentRequest {
        quantity: 100,
        product: cloudreve_api::models::PaymentProduct {
            product_type: PaymentProductType::Points,
            ..Default::default()
        },
        ..Default::default()
    };
    assert_eq!(
        json_body(&p).as_deref(),
        Some(r#"{"product":{"type":4},"quantity":100}"#)
    );
}

#[test]
fn methods_and_auth_follow_the_contract_index() {
    use Auth::{Optional, Required};
    use Method::{Delete, Get, Patch, Post, Put};
    let expected = [
        (info::<CreateShareRequest>(), Put, "/share", Required),
        (info::<EditShareRequest>(), Post, "/share/{id}", Required),
        (
            info::<GetShareInfoRequest>(),
            Get,
            "/share/info/{id}",
            Optional,
        ),
        (info::<ListMySharesRequest>(), Get, "/share", Required),
        (
            info::<DeleteShareRequest>(),
            Delete,
            "/share/{id}",
            Required,
        ),
        (
            info::<CreatePaymentRequest>(),
            Put,
            "/vas/payment",
            Optional,
        ),
        (
            info::<GetPaymentStatusRequest>(),
            Get,
            "/vas/payment/status/{id}/{trade_no}",
            Optional,
        ),
        (
            info::<GetGiftCodeRequest>(),
            Get,
            "/vas/giftcode/{code}",
            Required,
        ),
        (
            info::<RedeemGiftCodeRequest>(),
            Post,
            "/vas/giftcode/{code}/redeem",
            Required,
        ),
        (info::<ListGroupsRequest>(), Get, "/group/list", Required),
        (
            info::<ListDavAccountsRequest>(),
            Get,
            "/devices/dav",
            Required,
        ),
        (
            info::<CreateDavAccountRequest>(),
            Put,
            "/devices/dav",
            Required,
        ),
        (
            info::<UpdateDavAccountRequest>(),
            Patch,
            "/devices/dav/{id}",
            Required,
        ),
        (
            info::<DeleteDavAccountRequest>(),
            Delete,
            "/devices/dav/{id}",
            Required,
        ),
    ];
    let all = cloudreve_api::endpoints::all();
    for (i, method, path, auth) in expected {
        assert_eq!((i.method, i.path, i.auth), (method, path, auth));
        assert!(all.contains(&i), "{path} is not listed");
    }
    assert_eq!(GetShareInfoRequest::PAYLOAD, Payload::Query);
    assert_eq!(ListMySharesRequest::PAYLOAD, Payload::Query);
    assert_eq!(ListDavAccountsRequest::PAYLOAD, Payload::Query);
    assert_eq!(EditShareRequest::PAYLOAD, Payload::Json);
    assert_eq!(UpdateDavAccountRequest::PAYLOAD, Payload::Json);
    assert_eq!(GetGiftCodeRequest::PAYLOAD, Payload::None);
}

#[test]
fn truncated_bodies_never_panic() {
    for text in [
        fixture!("share_info.json"),
        fixture!("share_list.json"),
        fixture!("dav_list_accounts.json"),
        fixture!("vas_create_payment.json"),
        fixture!("vas_group_skus.json"),
    ] {
        for cut in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            let t = &text[..cut];
            let _ = serde_json::from_str::<Share>(t);
            let _ = serde_json::from_str::<ListShareResponse>(t);
            let _ = serde_json::from_str::<ListDavAccountsResponse>(t);
            let _ = serde_json::from_str::<CreatePaymentResponse>(t);
            let _ = serde_json::from_str::<Vec<GroupSku>>(t);
        }
    }
}
