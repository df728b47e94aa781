//! Fixtures of the user, workflow and callback areas (the contract's JSON examples, or faithful bodies
//! built from its field tables) decode, re-encode and decode again to the same value; lenient decoding
//! holds; path placeholders are filled; truncated bodies never make a decoder panic.

mod common;

use common::round_trip;

use std::collections::BTreeMap;

use cloudreve_api::endpoint::{json_body, query_pairs, Payload};
use cloudreve_api::endpoints::callback::{
    CosCallback, Ks3Callback, ObsCallback, OneDriveCallback, S3Callback,
};
use cloudreve_api::endpoints::user::{GetUserInfo, PrepareTwoFa};
use cloudreve_api::endpoints::workflow::{CancelDownloadTask, GetTaskProgress};
use cloudreve_api::envelope::{decode, Outcome};
use cloudreve_api::models::{
    ActivateUserRequest, CreateArchiveRequest, CreateRemoteDownloadRequest, DeletePasskeyRequest,
    DownloadTaskState, ExtractArchiveRequest, FinishPasskeyRegistrationRequest, GetAvatarRequest,
    ImportFilesRequest, ListCreditChangesRequest, ListShareResponse, ListTasksRequest,
    ListUserSharesRequest, Node, NodeType, Passkey, PasskeyRegistrationOptions, PaymentProductType,
    RelocateRequest, ResetPasswordRequest, SelectDownloadFilesRequest, SendResetEmailRequest,
    SignUpRequest, StoragePolicy, TaskCategory, TaskListResponse, TaskProgressMap, TaskResponse,
    TaskStatus, TaskType, UpdateUserSettingsRequest, User, UserCreditChangesResponse,
    UserLedgerQuery, UserOpenIdProvider, UserPaymentsResponse, UserSettings,
};
use cloudreve_api::{ApiError, Code, Endpoint};

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!("fixtures/", $name))
    };
}

#[test]
fn task_examples() {
    let t: TaskResponse = round_trip(fixture!("task_response.json"));
    assert_eq!(t.id, "qlboH4");
    assert_eq!(t.task_type, TaskType::CreateArchive);
    assert_eq!(t.status, TaskStatus::Processing);
    assert!(!t.status.is_terminal());
    assert_eq!(t.duration, 1908);
    let node = t.node.as_ref().expect("node");
    assert_eq!(node.node_type, NodeType::Master);
    assert!(node.can(Node::CREATE_ARCHIVE) && node.can(Node::RELOCATE) && !node.can(0));
    let summary = t.summary.as_ref().expect("summary");
    assert_eq!(summary.phase, "compress_files");
    assert_eq!(summary.src_multiple(), ["cloudreve://my/a.png"]);
    assert_eq!(summary.prop_str("dst"), "cloudreve://my/archive.zip");
    assert_eq!(summary.failed(), 0);
    assert!(summary.download().is_none());

    let list: TaskListResponse = round_trip(fixture!("task_list_response.json"));
    assert_eq!(list.tasks.len(), 2);
    assert!(list.pagination.is_cursor);
    let dl = &list.tasks[0];
    assert_eq!(
        (&dl.task_type, &dl.status),
        (&TaskType::RemoteDownload, &TaskStatus::Suspending)
    );
    assert_eq!(dl.resume_time, 1_748_055_352);
    let status = dl
        .summary
        .as_ref()
        .and_then(|s| s.download())
        .expect("download status");
    assert_eq!(status.state, DownloadTaskState::Downloading);
    assert_eq!(status.files.len(), 2);
    assert_eq!(status.files[0].index, 1);
    assert!(status.files[0].selected && !status.files[1].selected);
    assert_eq!(status.num_pieces, 11663);
    let failed = &list.tasks[1];
    assert!(failed.status.is_terminal());
    assert!(failed.node.is_none());
    assert_eq!(failed.error_history.len(), 1);
    assert_eq!(failed.retry_count, 1);

    let progress: TaskProgressMap = round_trip(fixture!("task_progress.json"));
    assert_eq!(progress["archive_count"].current, 5);
    assert_eq!(progress["archive_size"].total, 73_400_320);
    let empty: TaskProgressMap = round_trip("{}");
    assert!(empty.is_empty());

    let nodes: Vec<Node> = round_trip(fixture!("user_nodes.json"));
    assert_eq!(nodes[1].node_type, NodeType::Slave);
    assert!(nodes[1].can(Node::REMOTE_DOWNLOAD) && !nodes[1].can(Node::RELOCATE));
}

#[test]
fn workflow_request_bodies() {
    let sel: SelectDownloadFilesRequest = round_trip(fixture!("task_select_files_request.json"));
    assert_eq!(sel.files.len(), 2);
    assert!(!sel.files[0].download && sel.files[1].download);
    let sel = SelectDownloadFilesRequest {
        id: "Wd2hX".into(),
        ..sel
    };
    let body = json_body(&sel).expect("json body");
    assert!(!body.contains("Wd2hX"), "the path id stays out of the body");

    let archive: CreateArchiveRequest = round_trip(fixture!("task_archive_request.json"));
    assert_eq!(archive.0.src.len(), 2);
    assert_eq!(archive.0.preferred_node_id, "xmhb");
    assert_eq!(
        json_body(&archive).map(|b| b.contains("encoding")),
        Some(false)
    );
    let extract: ExtractArchiveRequest = round_trip(fixture!("task_extract_request.json"));
    assert_eq!(extract.0.encoding, "gb18030");
    assert_eq!(extract.0.file_mask, ["docs/", "readme.txt"]);

    let dl: CreateRemoteDownloadRequest = round_trip(fixture!("task_remote_download_request.json"));
    assert_eq!(dl.src.len(), 2);
    assert!(dl.src_file.is_empty());
    let relocate: RelocateRequest = round_trip(fixture!("task_relocate_request.json"));
    assert_eq!(relocate.dst_policy_id, "lpua");
    let import: ImportFilesRequest = round_trip(fixture!("task_import_request.json"));
    assert_eq!(import.policy_id, 1);
    assert!(import.recursive && import.extract_media_meta);

    let list = ListTasksRequest {
        page_size: 25,
        category: TaskCategory::Downloading,
        next_page_token: Some("a+b/c=".into()),
    };
    let mut pairs = query_pairs(&list);
    pairs.sort();
    assert_eq!(
        pairs,
        [
            ("category".to_string(), "downloading".to_string()),
            ("next_page_token".into(), "a+b/c=".into()),
            ("page_size".into(), "25".into()),
        ]
    );
}

#[test]
fn callback_examples() {
    assert_eq!(
        decode::<()>(fixture!("callback_success.json")),
        Ok(Outcome::Done(()))
    );
    let err = decode::<()>(fixture!("callback_session_expired.json")).expect_err("expired");
    assert_eq!(err.code(), Some(Code::UploadSessionExpired));
    let obs: ObsCallback = round_trip(fixture!("callback_obs_body.json"));
    assert_eq!(
        (obs.source_name.as_str(), obs.size),
        ("photo.jpg", 2_097_152)
    );
    assert_eq!(ObsCallback::PAYLOAD, Payload::Json);
    assert_eq!(OneDriveCallback::PAYLOAD, Payload::None);
}

#[test]
fn user_settings_examples() {
    let s: UserSettings = round_trip(fixture!("user_settings.json"));
    assert!(s.version_retention_enabled && s.two_fa_enabled && !s.passwordless);
    assert_eq!(s.version_retention_ext, ["docx", "xlsx"]);
    assert_eq!(s.passkeys.len(), 1);
    assert!(s.passkeys[0].used_at.is_some());
    assert_eq!(s.oauth_grants[0].scopes.len(), 2);
    assert_eq!(s.open_id[0].provider, UserOpenIdProvider::Oidc);
    assert_eq!(s.login_activity.len(), 2);
    assert!(s.login_activity[1].webdav && !s.login_activity[1].success);
    assert_eq!(s.storage_packs[0].size, 10_737_418_240);
    assert_eq!(s.credit, 120);
    assert!(s.group_expires.is_some());

    let ce: UserSettings = round_trip(fixture!("user_settings_ce.json"));
    assert_eq!(ce, UserSettings::default());

    let enable: UpdateUserSettingsRequest =
        round_trip(fixture!("user_setting_enable_2fa_request.json"));
    assert_eq!(enable.two_fa_enabled, Some(true));
    assert_eq!(enable.two_fa_code.as_deref(), Some("123456"));
    assert_eq!(
        json_body(&enable).as_deref(),
        Some(r#"{"two_fa_enabled":true,"two_fa_code":"123456"}"#)
    );
    let pw: UpdateUserSettingsRequest =
        round_trip(fixture!("user_setting_change_password_request.json"));
    assert!(pw.current_password.is_some() && pw.new_password.is_some() && pw.nick.is_none());
    let off = UpdateUserSettingsRequest {
        disable_view_sync: Some(false),
        ..Default::default()
    };
    assert_eq!(
        json_body(&off).as_deref(),
        Some(r#"{"disable_view_sync":false}"#),
        "false is sent, absent is not"
    );

    assert_eq!(
        decode::<<PrepareTwoFa as Endpoint>::Response>(fixture!("user_2fa_secret.json")),
        Ok(Outcome::Done("JBSWY3DPEHPK3PXP".to_string()))
    );
}

#[test]
fn passkey_examples() {
    let opts: PasskeyRegistrationOptions = round_trip(fixture!("user_passkey_registration.json"));
    let pk = &opts.public_key;
    assert_eq!(pk.rp.id, "drive.example.com");
    assert_eq!(pk.user.display_name, "Luke");
    assert_eq!(
        pk.pub_key_cred_params
            .iter()
            .map(|p| p.alg)
            .collect::<Vec<_>>(),
        [-7, -257]
    );
    assert_eq!(pk.timeout, 300_000);
    assert_eq!(pk.exclude_credentials[0].id, "-l161nXQn7juNPvQ8dlkbQ");
    let sel = pk.authenticator_selection.as_ref().expect("selection");
    assert!(sel.require_resident_key);
    assert_eq!(sel.user_verification, "preferred");
    assert!(pk.extra.is_empty());
    // Members this crate does not name are kept for the browser call.
    let with_more: PasskeyRegistrationOptions = round_trip(
        r#"{"publicKey":{"challenge":"abc","attestation":"none","extensions":{"credProps":true}}}"#,
    );
    assert_eq!(
        with_more.public_key.extra.get("attestation"),
        Some(&serde_json::json!("none"))
    );

    let p: Passkey = round_trip(fixture!("user_passkey.json"));
    assert_eq!(p.id, "7urNE/WTQSGqA06D0w+1Xw==");
    assert!(p.used_at.is_none());
    let fin: FinishPasskeyRegistrationRequest =
        round_trip(fixture!("user_passkey_finish_request.json"));
    assert!(fin.response.starts_with("{\"id\""));
    assert_eq!(fin.name, "{browser} on {os}");

    let del = DeletePasskeyRequest {
        id: "7urNE/WTQSGqA06D0w+1Xw==".into(),
    };
    assert_eq!(
        query_pairs(&del),
        [("id".to_string(), "7urNE/WTQSGqA06D0w+1Xw==".to_string())]
    );
}

#[test]
fn account_examples() {
    let up: SignUpRequest = round_trip(fixture!("user_sign_up_request.json"));
    assert_eq!(up.language, "en-US");
    assert_eq!(
        decode::<User>(fixture!("user_sign_up_activation.json")),
        Ok(Outcome::Continue(String::new())),
        "activation mail sent: code 203 without data"
    );
    let reset: SendResetEmailRequest = round_trip(fixture!("user_reset_email_request.json"));
    assert!(reset.captcha.is_empty());
    let pw: ResetPasswordRequest = round_trip(fixture!("user_reset_password_request.json"));
    assert_eq!(pw.secret.len(), 32);
    let Ok(Outcome::Done(active)) = decode::<User>(fixture!("user_activated.json")) else {
        panic!("activated user")
    };
    assert_eq!(active.status, "active");

    let found: Vec<User> = round_trip(fixture!("user_search.json"));
    assert_eq!(found.len(), 2);
    assert_eq!(found[1].email, "lucy@example.com");
    let info: User = round_trip(fixture!("user_info.json"));
    assert_eq!(info.group.as_ref().map(|g| g.name.as_str()), Some("User"));

    let shares: ListShareResponse = round_trip(fixture!("user_shares.json"));
    assert_eq!(shares.shares.len(), 1);
    assert!(shares.shares[0].expires.is_none());
    let none: ListShareResponse = round_trip(fixture!("user_shares_empty.json"));
    assert!(none.shares.is_empty());

    let policies: Vec<StoragePolicy> = round_trip(fixture!("user_policies.json"));
    assert_eq!(policies[1].allowed_suffix, ["jpg", "png"]);

    let credit: UserCreditChangesResponse = round_trip(fixture!("user_credit_changes.json"));
    assert_eq!(credit.changes[1].diff, -100);
    assert_eq!(
        credit.pagination.next_token.as_deref(),
        Some("eyJpZCI6OX0=")
    );
    let payments: UserPaymentsResponse = round_trip(fixture!("user_payments.json"));
    assert_eq!(
        payments.payments[0].product_type,
        PaymentProductType::StoragePack
    );
    assert_eq!(payments.payments[0].qyt, 4);
}

#[test]
fn lenient_decoding() {
    // Unknown fields, missing optional fields, null lists and unknown enum values all decode.
    let task: TaskResponse = serde_json::from_str(
        r#"{"id":"x","status":"paused","type":"full_text_index","error_history":null,
            "summary":{"phase":null,"props":null},"node":{"type":"edge","capabilities":null},
            "brand_new_field":{"a":1}}"#,
    )
    .expect("lenient task");
    assert_eq!(task.status, TaskStatus::Other("paused".into()));
    assert_eq!(task.task_type, TaskType::Other("full_text_index".into()));
    assert!(task.error_history.is_empty());
    assert!(task.created_at.is_zero());
    assert_eq!(
        task.node.map(|n| n.node_type),
        Some(NodeType::Other("edge".into()))
    );
    let summary = task.summary.unwrap_or_default();
    assert!(summary.props.is_empty() && summary.download().is_none());
    // Unknown values survive re-encoding.
    let again: TaskResponse = round_trip(r#"{"status":"paused","type":"full_text_index"}"#);
    assert_eq!(again.status.as_str(), "paused");

    let list: TaskListResponse =
        serde_json::from_str(r#"{"tasks":null,"pagination":{}}"#).expect("lenient list");
    assert!(list.tasks.is_empty());
    let status: cloudreve_api::models::DownloadTaskStatus =
        serde_json::from_str(r#"{"state":"paused","files":null,"hash":null}"#).expect("status");
    assert_eq!(status.state, DownloadTaskState::Other("paused".into()));

    let s: UserSettings = serde_json::from_str(
        r#"{"passkeys":null,"open_id":[{"provider":9}],"login_activity":[{"open_id_provider":null}],
            "version_retention_ext":null,"future":true}"#,
    )
    .expect("lenient settings");
    assert!(s.passkeys.is_empty() && s.version_retention_ext.is_empty());
    assert_eq!(s.open_id[0].provider, UserOpenIdProvider::Other(9));
    assert!(s.open_id[0].linked_at.is_zero());
    assert_eq!(
        s.login_activity[0].open_id_provider,
        UserOpenIdProvider::Logto
    );
    let round: UserSettings = round_trip(r#"{"open_id":[{"provider":9}]}"#);
    assert_eq!(round.open_id[0].provider, UserOpenIdProvider::Other(9));

    let credit: UserCreditChangesResponse =
        serde_json::from_str(r#"{"changes":null}"#).expect("lenient credit");
    assert!(credit.changes.is_empty());
    let pay: UserPaymentsResponse =
        serde_json::from_str(r#"{"payments":null,"pagination":null}"#).unwrap_or_default();
    assert!(pay.payments.is_empty());
    let passkey: Passkey =
        serde_json::from_str(r#"{"id":"a","used_at":null,"x":1}"#).expect("passkey");
    assert!(passkey.used_at.is_none());
}

#[test]
fn placeholders_are_filled() {
    let id = "a/b c";
    assert_eq!(
        SelectDownloadFilesRequest {
            id: id.into(),
            ..Default::default()
        }
        .path(),
        "/workflow/download/a%2Fb%20c"
    );
    assert_eq!(
        CancelDownloadTask { id: "Wd2hX".into() }.path(),
        "/workflow/download/Wd2hX"
    );
    assert_eq!(
        GetTaskProgress {
            id: "qlboH4".into()
        }
        .path(),
        "/workflow/progress/qlboH4"
    );
    assert_eq!(GetTaskProgress::PATH, "/workflow/progress/{id}");
    assert_eq!(RelocateRequest::PATH, "/workflow/reloacte");

    let sid = "47c10dd3-7e10-4950-95d5-483dbc9508e6";
    let key = "Xo3kVb9LqP2mN7rT5sW1yZ4cF6hJ8dGa";
    macro_rules! callback_path {
        ($ty:ident, $provider:literal) => {
            let c = $ty {
                session_id: sid.into(),
                key: key.into(),
            };
            assert_eq!($ty::PATH, concat!("/callback/", $provider, "/{sid}/{key}"));
            assert_eq!(c.path(), format!("/callback/{}/{sid}/{key}", $provider));
        };
    }
    callback_path!(S3Callback, "s3");
    callback_path!(CosCallback, "cos");
    callback_path!(OneDriveCallback, "onedrive");
    callback_path!(Ks3Callback, "ks3");
    let obs = ObsCallback {
        session_id: sid.into(),
        key: key.into(),
        size: 1,
        ..Default::default()
    };
    assert_eq!(obs.path(), format!("/callback/obs/{sid}/{key}"));
    assert!(!json_body(&obs).unwrap_or_default().contains(sid));

    let activate = ActivateUserRequest {
        id: "lpua".into(),
        sign: "c2ln:1748055322".into(),
    };
    assert_eq!(activate.path(), "/user/activate/lpua");
    assert_eq!(
        query_pairs(&activate),
        [("sign".to_string(), "c2ln:1748055322".to_string())]
    );
    let reset = ResetPasswordRequest {
        id: "lpua".into(),
        password: "p".into(),
        secret: "s".into(),
    };
    assert_eq!(reset.path(), "/user/reset/lpua");
    assert_eq!(
        json_body(&reset).as_deref(),
        Some(r#"{"password":"p","secret":"s"}"#)
    );
    let avatar = GetAvatarRequest {
        id: "lpua".into(),
        nocache: Some(true),
    };
    assert_eq!(avatar.path(), "/user/avatar/lpua");
    assert_eq!(
        query_pairs(&avatar),
        [("nocache".to_string(), "true".to_string())]
    );
    assert_eq!(GetUserInfo { id: "lpua".into() }.path(), "/user/info/lpua");
    let shares = ListUserSharesRequest {
        id: "lpua".into(),
        page_size: 10,
        ..Default::default()
    };
    assert_eq!(shares.path(), "/user/shares/lpua");
    assert_eq!(
        query_pairs(&shares),
        [("page_size".to_string(), "10".to_string())]
    );
    let credit = ListCreditChangesRequest(UserLedgerQuery {
        page_size: 10,
        order_direction: Some("desc".into()),
        next_page_token: None,
    });
    let mut pairs = query_pairs(&credit);
    pairs.sort();
    assert_eq!(
        pairs,
        [
            ("order_direction".to_string(), "desc".to_string()),
            ("page_size".into(), "10".into())
        ]
    );
}

/// Every fixture of this file, for the truncation pass.
const ALL: &[&str] = &[
    fixture!("task_response.json"),
    fixture!("task_list_response.json"),
    fixture!("task_progress.json"),
    fixture!("user_settings.json"),
    fixture!("user_passkey_registration.json"),
    fixture!("user_credit_changes.json"),
    fixture!("user_payments.json"),
    fixture!("user_nodes.json"),
    fixture!("callback_session_expired.json"),
];

#[test]
fn truncated_bodies_never_panic() {
    for text in ALL {
        for cut in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            let body = &text[..cut];
            let _ = serde_json::from_str::<TaskResponse>(body);
            let _ = serde_json::from_str::<TaskListResponse>(body);
            let _ = serde_json::from_str::<TaskProgressMap>(body);
            let _ = serde_json::from_str::<UserSettings>(body);
            let _ = serde_json::from_str::<PasskeyRegistrationOptions>(body);
            let _ = serde_json::from_str::<UserCreditChangesResponse>(body);
            let _ = serde_json::from_str::<UserPaymentsResponse>(body);
            let _ = serde_json::from_str::<Vec<Node>>(body);
            let _ = serde_json::from_str::<BTreeMap<String, serde_json::Value>>(body);
            let _: Result<_, ApiError> = decode::<TaskResponse>(body);
        }
    }
}
