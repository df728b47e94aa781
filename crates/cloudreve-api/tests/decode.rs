//! Wire fixtures (the contract's own JSON examples) decode, re-encode and decode again to the same
//! value; lenient decoding holds; and no truncated or mutated body makes a decoder panic.

mod common;

use common::round_trip;

use cloudreve_api::envelope::{decode, Outcome};
use cloudreve_api::models::{
    Capacity, FileActivitiesResponse, FileType, FileUrlResponse, FinishPasskeyLoginRequest,
    ListResponse, LoginConfig, LoginResponse, PasskeyLoginOptions, SiteConfig, SiteUser, Token,
    UploadCredential, ViewerSessionResponse,
};
use cloudreve_api::{ApiError, Code};

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("fixtures/", $name))
    };
}

/// Every fixture, for the fuzz pass.
const ALL: &[&str] = &[
    fixture!("list_response.json"),
    fixture!("file_url_response.json"),
    fixture!("token.json"),
    fixture!("envelope_continue_2fa.json"),
    fixture!("envelope_lock_conflict.json"),
    fixture!("envelope_ping.json"),
    fixture!("envelope_site_config_basic.json"),
    fixture!("envelope_capacity.json"),
    fixture!("envelope_empty_success.json"),
    fixture!("envelope_path_not_exist.json"),
    fixture!("envelope_batch_error.json"),
    fixture!("upload_credential.json"),
    fixture!("viewer_session.json"),
    fixture!("passkey_login_options.json"),
];

#[test]
fn the_seed_pages_examples() {
    let l: ListResponse = round_trip(fixture!("seed_list_response.json"));
    assert!(!l.files.is_empty());
    assert!(
        l.files[0].extended_info.is_some(),
        "extended info of the seed example decodes"
    );
    let Ok(Outcome::Done(a)) =
        decode::<FileActivitiesResponse>(fixture!("seed_file_activities.json"))
    else {
        panic!("activities")
    };
    assert_eq!(a.activities.len(), 2);
    assert_eq!(a.activities[0].content.category, 8);
    assert_eq!(
        a.activities[0].content.original_name,
        "202206供水检测报告s.docx"
    );
    assert_eq!(
        a.pagination.next_token.as_deref(),
        Some("eyJpZCI6IjFibFdJTyJ9")
    );
    let again: FileActivitiesResponse = round_trip(&serde_json::to_string(&a).expect("encodes"));
    assert_eq!(again, a);
}

#[test]
fn listing_example() {
    let l: ListResponse = round_trip(fixture!("list_response.json"));
    assert_eq!(l.files.len(), 1);
    assert_eq!(l.files[0].file_type, FileType::Folder);
    assert_eq!(l.files[0].metadata, None);
    assert!(l.pagination.is_cursor);
    assert_eq!(l.props.max_page_size, 2000);
    assert_eq!(
        l.storage_policy.as_ref().map(|p| p.policy_type.as_str()),
        Some("local")
    );
    assert_eq!(l.view.as_ref().map(|v| v.view.as_str()), Some("grid"));
}

#[test]
fn token_and_url_examples() {
    let t: Token = round_trip(fixture!("token.json"));
    assert_eq!(t.access_expires.unix_millis(), Some(1_745_654_308_456));
    let u: FileUrlResponse = round_trip(fixture!("file_url_response.json"));
    assert_eq!(u.urls.len(), 1);
    assert!(u.expires.is_some());
}

#[test]
fn upload_viewer_and_passkey_examples() {
    let u: UploadCredential = round_trip(fixture!("upload_credential.json"));
    assert_eq!((u.chunk_size, u.expires), (26_214_400, 1_749_620_903));
    assert_eq!(
        u.storage_policy.map(|p| p.policy_type),
        Some("local".into())
    );
    let v: ViewerSessionResponse = round_trip(fixture!("viewer_session.json"));
    assert_eq!(
        v.session.expires, 1_749_576_616_773,
        "viewer expiry is in milliseconds"
    );
    assert!(v.wopi_src.contains("WOPISrc="));
    let p: PasskeyLoginOptions = round_trip(fixture!("passkey_login_options.json"));
    assert_eq!(p.options["publicKey"]["timeout"], 300_000);
    let f: FinishPasskeyLoginRequest = round_trip(fixture!("passkey_finish_body.json"));
    let inner: serde_json::Value =
        serde_json::from_str(&f.response).expect("the assertion is a JSON string");
    assert_eq!(inner["type"], "public-key");
}

#[test]
fn envelope_examples() {
    assert_eq!(
        decode::<String>(fixture!("envelope_ping.json")),
        Ok(Outcome::Done("4.1.2-pro".into()))
    );
    assert_eq!(
        decode::<LoginResponse>(fixture!("envelope_continue_2fa.json")),
        Ok(Outcome::Continue(
            "1728791b-4e6a-4ac5-adf5-fa717a6b0919".into()
        ))
    );
    assert_eq!(
        decode::<Capacity>(fixture!("envelope_capacity.json")),
        Ok(Outcome::Done(Capacity {
            total: 3_702_272_294_912,
            used: 7_946_323_095,
            ..Capacity::default()
        }))
    );
    assert_eq!(
        decode::<()>(fixture!("envelope_empty_success.json")),
        Ok(Outcome::Done(()))
    );
    let Ok(Outcome::Done(site)) = decode::<SiteConfig>(fixture!("envelope_site_config_basic.json"))
    else {
        panic!("site config")
    };
    assert_eq!(site.user.as_ref().map(|u| u.anonymous), Some(true));
    let err = decode::<ListResponse>(fixture!("envelope_path_not_exist.json")).expect_err("error");
    assert_eq!(
        (err.code(), err.correlation_id()),
        (
            Some(Code::ParentNotExist),
            Some("5b0f5f05-451e-4dcd-9c65-474315dd7d20")
        )
    );
    let Err(ApiError::Batch { items, .. }) = decode::<()>(fixture!("envelope_batch_error.json"))
    else {
        panic!("batch")
    };
    assert_eq!(
        items.iter().map(|(_, e)| e.code()).collect::<Vec<_>>(),
        [Some(Code::ParentNotExist), Some(Code::LockConflict)]
    );
    let Err(ApiError::Locked { conflicts, .. }) =
        decode::<()>(fixture!("envelope_lock_conflict.json"))
    else {
        panic!("lock")
    };
    assert_eq!(conflicts[0].owner.application.app_type, "viewer");
}

#[test]
fn lenient_decoding() {
    // Unknown fields, missing optional fields, null lists and unknown enum numbers all decode.
    let body = r#"{"files":null,"parent":{"type":7,"id":"x","brand_new_field":{"a":1}},"pagination":{},"props":{"capability":null},"mixed_type":false}"#;
    let l: ListResponse = serde_json::from_str(body).expect("lenient");
    assert!(l.files.is_empty());
    assert_eq!(l.parent.file_type, FileType::Other(7));
    assert_eq!(l.parent.name, "");
    assert_eq!(l.context_hint, "");
    let t: Token = serde_json::from_str(r#"{"access_token":null}"#).expect("lenient");
    for (flag, want) in [
        ("true", true),
        ("\"string\"", false),
        ("\"true\"", true),
        ("1", true),
        ("null", false),
    ] {
        let u: cloudreve_api::models::User =
            serde_json::from_str(&format!(r#"{{"disable_view_sync":{flag}}}"#))
                .expect("lenient flag");
        assert_eq!(u.disable_view_sync, want, "{flag}");
    }
    assert!(t.access_expires.unix_millis().is_none());
    assert!(matches!(
        decode::<ListResponse>(r#"{"code":12345,"msg":"new"}"#),
        Err(ApiError::Server {
            code: Code::Other(12345),
            ..
        })
    ));
}

/// Bytes that upset JSON decoders the most.
const NOISE: &[u8] = b"{}[]\",:0123456789-aZ\\ nule";

/// Decodes `body` as every response type; any outcome is fine, a panic is not.
fn decode_everything(body: &str) {
    let _ = decode::<ListResponse>(body);
    let _ = decode::<LoginResponse>(body);
    let _ = decode::<Token>(body);
    let _ = decode::<SiteConfig>(body);
    let _ = decode::<Capacity>(body);
    let _ = decode::<FileUrlResponse>(body);
    let _ = decode::<String>(body);
    let _ = decode::<UploadCredential>(body);
    let _ = decode::<ViewerSessionResponse>(body);
    let _ = decode::<PasskeyLoginOptions>(body);
    let _ = decode::<()>(body);
    let _ = serde_json::from_str::<ListResponse>(body);
    let _ = serde_json::from_str::<Token>(body);
}

#[test]
fn truncated_and_mutated_bodies_never_panic() {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut rand = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for text in ALL {
        for cut in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            decode_everything(&text[..cut]);
        }
        for _ in 0..300 {
            let mut bytes = text.as_bytes().to_vec();
            for _ in 0..1 + rand() % 4 {
                let i = (rand() % bytes.len() as u64) as usize;
                bytes[i] = NOISE[(rand() % NOISE.len() as u64) as usize];
            }
            decode_everything(&String::from_utf8_lossy(&bytes));
        }
    }
}

#[test]
fn login_config_reads_the_login_section_as_site_config_does() {
    let body = r#"{"code":0,"msg":"","data":{"login_captcha":true,"reg_captcha":false,"forget_captcha":true,"authn":true,"register_enabled":false,"tos_url":"https://example.com/tos","captcha_type":"normal"}}"#;
    let Ok(Outcome::Done(full)) = decode::<SiteConfig>(body) else {
        panic!("site config")
    };
    let Ok(Outcome::Done(login)) = decode::<LoginConfig>(body) else {
        panic!("login config")
    };
    assert_eq!(
        login,
        LoginConfig {
            login_captcha: full.login_captcha,
            reg_captcha: full.reg_captcha,
            forget_captcha: full.forget_captcha,
            authn: full.authn,
            register_enabled: full.register_enabled,
        }
    );
    assert!(login.login_captcha && login.forget_captcha && !login.reg_captcha);
}

#[test]
fn site_user_reads_the_anonymous_user_of_the_basic_section() {
    let body = r#"{"code":0,"msg":"","data":{"instance_id":"x","title":"Cloudreve","user":{"id":"lpua","nickname":"","created_at":"0001-01-01T00:00:00Z","anonymous":true,"group":{"id":"ZXIO","name":"Anonymous","permission":"kg=="}},"captcha_type":"normal"}}"#;
    let Ok(Outcome::Done(full)) = decode::<SiteConfig>(body) else {
        panic!("site config")
    };
    let Ok(Outcome::Done(lean)) = decode::<SiteUser>(body) else {
        panic!("site user")
    };
    assert_eq!(lean.user, full.user);
    let user = lean.user.expect("the anonymous user");
    assert!(user.anonymous);
    let bits = user.group.and_then(|g| g.permission).expect("permission");
    assert!(bits.get(cloudreve_api::boolset::group::ARCHIVE_DOWNLOAD));
}
