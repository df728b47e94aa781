//! Every response type of every described endpoint survives truncated and mutated bodies: any
//! result is acceptable, a panic is not. The list is checked against `endpoints::all()`.

use cloudreve_api::endpoint::Endpoint;
use cloudreve_api::envelope::decode;
use cloudreve_api::{endpoints, models};

/// Decodes a body as one endpoint's response type.
type Decoder = fn(&str);

macro_rules! decoders {
    ($($t:ty),* $(,)?) => { &[$(|body: &str| { let _ = decode::<<$t as Endpoint>::Response>(body); }),*] };
}

/// Calls `$then!` with every endpoint request type, in `endpoints::all()` order.
macro_rules! endpoint_types {
    ($then:ident) => {
        $then![
            endpoints::callback::S3Callback,
            endpoints::callback::CosCallback,
            endpoints::callback::ObsCallback,
            endpoints::callback::OneDriveCallback,
            endpoints::callback::Ks3Callback,
            models::ListFilesRequest,
            models::CreateFileRequest,
            models::GetFileInfoRequest,
            models::RenameFileRequest,
            models::MoveFilesRequest,
            models::DeleteFilesRequest,
            models::RestoreFilesRequest,
            models::ForceUnlockRequest,
            models::PatchMetadataRequest,
            models::UpdateViewRequest,
            models::PinFileRequest,
            models::UnpinFileRequest,
            models::CreateDownloadUrlRequest,
            models::GetThumbRequest,
            models::CreateUploadSessionRequest,
            models::UploadChunk,
            models::DeleteUploadSessionRequest,
            models::UpdateContentRequest,
            models::CreateViewerSessionRequest,
            models::SetCurrentVersion,
            models::DeleteVersion,
            models::CreateDirectLinksRequest,
            models::DeleteDirectLink,
            models::ListArchiveRequest,
            models::ListActivitiesRequest,
            models::MountPolicyRequest,
            models::DeletePermissionRequest,
            models::SetPermissionRequest,
            models::ListGroupsRequest,
            endpoints::session::PrepareLogin,
            models::PasswordLoginRequest,
            models::TwoFaLoginRequest,
            models::RefreshTokenRequest,
            endpoints::session::SignOut,
            models::PrepareOpenIdRequest,
            models::FinishOpenIdRequest,
            models::UnlinkOpenId,
            models::PreparePasskeyLogin,
            models::FinishPasskeyLoginRequest,
            models::CreateShareRequest,
            models::EditShareRequest,
            models::GetShareInfoRequest,
            models::ListMySharesRequest,
            models::DeleteShareRequest,
            endpoints::site::Ping,
            endpoints::site::GetCaptcha,
            endpoints::site::GetSiteConfig,
            models::ReportAbuseRequest,
            endpoints::user::GetMe,
            endpoints::user::GetCapacity,
            endpoints::user::PreparePasskeyRegistration,
            models::FinishPasskeyRegistrationRequest,
            models::DeletePasskeyRequest,
            endpoints::user::ListUserStoragePolicies,
            endpoints::user::ListUserNodes,
            endpoints::user::GetUserSettings,
            endpoints::user::PrepareTwoFa,
            models::UpdateUserSettingsRequest,
            endpoints::user::UpdateAvatar,
            models::SignUpRequest,
            models::ActivateUserRequest,
            models::SendResetEmailRequest,
            models::ResetPasswordRequest,
            models::GetAvatarRequest,
            endpoints::user::GetUserInfo,
            models::ListUserSharesRequest,
            models::SearchUsersRequest,
            models::ListCreditChangesRequest,
            models::ListPaymentsRequest,
            models::CreatePaymentRequest,
            models::GetPaymentStatusRequest,
            models::GetGiftCodeRequest,
            models::RedeemGiftCodeRequest,
            models::ListDavAccountsRequest,
            models::CreateDavAccountRequest,
            models::UpdateDavAccountRequest,
            models::DeleteDavAccountRequest,
            models::CreateRemoteDownloadRequest,
            models::SelectDownloadFilesRequest,
            endpoints::workflow::CancelDownloadTask,
            models::ListTasksRequest,
            endpoints::workflow::GetTaskProgress,
            models::CreateArchiveRequest,
            models::ExtractArchiveRequest,
            models::RelocateRequest,
            models::ImportFilesRequest,
        ]
    };
}

/// One decoder per described endpoint, in `endpoints::all()` order.
const DECODERS: &[Decoder] = endpoint_types!(decoders);

/// `(type name, method, path)` of every endpoint.
macro_rules! names {
    ($($t:ty),* $(,)?) => { vec![$((stringify!($t), <$t as Endpoint>::METHOD.as_str(), <$t as Endpoint>::PATH)),*] };
}

/// The `///` lines right above `pub struct <name>` anywhere under `src/`.
fn doc_of(sources: &[String], name: &str) -> Option<String> {
    for text in sources {
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let decl = line.trim_start();
            let is_decl = ["pub struct ", "pub enum "].iter().any(|k| {
                decl.strip_prefix(k).is_some_and(|r| {
                    r.split(|c: char| !c.is_alphanumeric() && c != '_').next() == Some(name)
                })
            });
            if is_decl {
                let doc: Vec<&str> = lines[..i]
                    .iter()
                    .rev()
                    .skip_while(|l| l.trim_start().starts_with("#["))
                    .take_while(|l| l.trim_start().starts_with("///"))
                    .copied()
                    .collect();
                return Some(doc.into_iter().rev().collect::<Vec<_>>().join("\n"));
            }
        }
    }
    None
}

/// The crate's directory, read when the test runs: a target dir shared between clones may run a
/// binary compiled in another clone, whose compile-time path may be gone.
fn manifest_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| env!("CARGO_MANIFEST_DIR").into())
}

#[test]
fn every_endpoint_type_documents_its_method_and_path() {
    let src = manifest_dir().join("src");
    let mut sources = Vec::new();
    for dir in [src.join("models"), src.join("endpoints")] {
        for entry in std::fs::read_dir(dir)
            .expect("src dir")
            .filter_map(Result::ok)
        {
            sources.push(std::fs::read_to_string(entry.path()).expect("source"));
        }
    }
    let mut missing = Vec::new();
    for (ty, method, path) in endpoint_types!(names) {
        let name = ty.rsplit("::").next().unwrap_or(ty).trim();
        let wanted = format!("`{method} {path}");
        match doc_of(&sources, name) {
            Some(doc) if doc.contains(&wanted) => {}
            other => missing.push(format!("{name}: wants {wanted}`, has {other:?}")),
        }
    }
    assert!(
        missing.is_empty(),
        "{} endpoint docs do not name their METHOD /path:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

#[test]
fn one_decoder_per_endpoint() {
    assert_eq!(DECODERS.len(), endpoints::all().len());
}

/// Every fixture file, read at run time so new fixtures join the fuzzing without code changes.
fn fixtures() -> Vec<String> {
    let dir = manifest_dir().join("tests/fixtures");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("fixture"))
        .collect()
}

/// Wraps a fixture in a success envelope unless it already is one, so the data decoders run too.
fn as_envelope(text: &str) -> String {
    if text.contains("\"code\"") {
        text.to_string()
    } else {
        format!("{{\"code\":0,\"msg\":\"\",\"data\":{text}}}")
    }
}

#[test]
fn every_response_type_survives_truncation_and_mutation() {
    const NOISE: &[u8] = b"{}[]\",:0123456789-.eE+aZ\\ nulltruefalse";
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut rand = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let bodies = fixtures();
    assert!(
        bodies.len() >= 40,
        "fixtures went missing: {}",
        bodies.len()
    );
    for text in bodies.iter().map(|t| as_envelope(t)) {
        let step = (text.len() / 60).max(1);
        for cut in (0..text.len())
            .step_by(step)
            .filter(|&i| text.is_char_boundary(i))
        {
            for d in DECODERS {
                d(&text[..cut]);
            }
        }
        for _ in 0..40 {
            let mut bytes = text.as_bytes().to_vec();
            for _ in 0..1 + rand() % 3 {
                let i = (rand() % bytes.len() as u64) as usize;
                bytes[i] = NOISE[(rand() % NOISE.len() as u64) as usize];
            }
            let mutated = String::from_utf8_lossy(&bytes);
            for d in DECODERS {
                d(&mutated);
            }
        }
        for d in DECODERS {
            d(&text);
        }
    }
}
