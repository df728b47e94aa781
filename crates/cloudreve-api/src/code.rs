//! Cloudreve response codes (errors.md §5) as an enum that keeps unknown numbers.

macro_rules! codes {
    ($( $(#[$doc:meta])* $name:ident = $num:expr, )*) => {
        /// A response `code`. Unknown numbers survive as [`Code::Other`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code {
            $( $(#[$doc])* $name, )*
            /// A code this crate does not know.
            Other(i32),
        }

        impl From<i32> for Code {
            fn from(n: i32) -> Self {
                match n { $( $num => Code::$name, )* other => Code::Other(other) }
            }
        }

        impl From<Code> for i32 {
            fn from(c: Code) -> i32 {
                match c { $( Code::$name => $num, )* Code::Other(n) => n }
            }
        }

        impl Code {
            /// Every named code, in catalogue order.
            pub const ALL: &'static [Code] = &[ $( Code::$name, )* ];
        }
    };
}

codes! {
    /// 0: success.
    Success = 0,
    /// -1: unclassified server error; the official uploader retries it.
    NotSet = -1,
    /// 203: continue (2FA required, activation mail sent).
    Continue = 203,
    /// 401: login required.
    CheckLogin = 401,
    /// 403: not allowed.
    NoPermission = 403,
    /// 404: resource missing.
    NotFound = 404,
    /// 409: object modified concurrently.
    Conflict = 409,
    /// 40001: invalid parameters.
    ParamErr = 40001,
    /// 40002: upload failed.
    UploadFailed = 40002,
    /// 40003: folder creation failed.
    CreateFolderFailed = 40003,
    /// 40004: an object with the same name exists.
    ObjectExist = 40004,
    /// 40005: signed URL expired.
    SignExpired = 40005,
    /// 40006: storage policy does not allow this.
    PolicyNotAllowed = 40006,
    /// 40007: the user group lacks the permission.
    GroupNotAllowed = 40007,
    /// 40008: admin group required.
    AdminRequired = 40008,
    /// 40009: master node not registered.
    MasterNotFound = 40009,
    /// 40010: phone binding required.
    PhoneRequired = 40010,
    /// 40011: upload session missing or expired.
    UploadSessionExpired = 40011,
    /// 40012: chunk index out of range.
    InvalidChunkIndex = 40012,
    /// 40013: chunk length differs from the session.
    InvalidContentLength = 40013,
    /// 40014: too many files in one direct-link request.
    BatchSourceSize = 40014,
    /// 40015: too many URLs in one remote download.
    BatchAria2Size = 40015,
    /// 40016: path does not exist.
    ParentNotExist = 40016,
    /// 40017: account banned.
    UserBaned = 40017,
    /// 40018: account not activated.
    UserNotActivated = 40018,
    /// 40019: feature disabled site-wide.
    FeatureNotEnabled = 40019,
    /// 40020: invalid or expired credential.
    CredentialInvalid = 40020,
    /// 40021: user not found.
    UserNotFound = 40021,
    /// 40022: wrong one-time code.
    TwoFaCodeErr = 40022,
    /// 40023: login session does not exist.
    LoginSessionNotExist = 40023,
    /// 40024: cannot initialise WebAuthn.
    InitializeAuthn = 40024,
    /// 40025: passkey assertion invalid.
    WebAuthnCredentialError = 40025,
    /// 40026: CAPTCHA wrong.
    CaptchaError = 40026,
    /// 40027: CAPTCHA must be refreshed.
    CaptchaRefreshNeeded = 40027,
    /// 40028: e-mail delivery failed.
    FailedSendEmail = 40028,
    /// 40029: temporary link invalid.
    InvalidTempLink = 40029,
    /// 40030: temporary link expired.
    TempLinkExpired = 40030,
    /// 40031: e-mail domain not allowed.
    EmailProviderBaned = 40031,
    /// 40032: e-mail already registered.
    EmailExisted = 40032,
    /// 40033: activation e-mail re-sent.
    EmailSent = 40033,
    /// 40034: user cannot be activated.
    UserCannotActivate = 40034,
    /// 40035: storage policy not found.
    PolicyNotExist = 40035,
    /// 40036: cannot delete the default policy.
    DeleteDefaultPolicy = 40036,
    /// 40037: policy still has files.
    PolicyUsedByFiles = 40037,
    /// 40038: policy bound to groups.
    PolicyUsedByGroups = 40038,
    /// 40039: group not found.
    GroupNotFound = 40039,
    /// 40040: invalid action on a system group.
    InvalidActionOnSystemGroup = 40040,
    /// 40041: group in use.
    GroupUsedByUser = 40041,
    /// 40042: cannot change the initial user's group.
    ChangeGroupForDefaultUser = 40042,
    /// 40043: invalid action on the initial user.
    InvalidActionOnDefaultUser = 40043,
    /// 40044: file not found.
    FileNotFound = 40044,
    /// 40045: listing failed.
    ListFilesError = 40045,
    /// 40046: invalid action on the master node.
    InvalidActionOnSystemNode = 40046,
    /// 40047: file system initialisation failed.
    CreateFsError = 40047,
    /// 40048: task creation failed.
    CreateTaskError = 40048,
    /// 40049: file too large.
    FileTooLarge = 40049,
    /// 40050: extension not allowed.
    FileTypeNotAllowed = 40050,
    /// 40051: not enough storage quota.
    InsufficientCapacity = 40051,
    /// 40052: invalid file name.
    IllegalObjectName = 40052,
    /// 40053: operation not allowed on the root folder.
    RootProtected = 40053,
    /// 40054: same-name upload in progress.
    ConflictUploadOngoing = 40054,
    /// 40055: uploaded object differs from the session.
    MetaMismatch = 40055,
    /// 40056: unsupported archive format.
    UnsupportedArchiveType = 40056,
    /// 40057: available storage policy changed.
    PolicyChanged = 40057,
    /// 40058: share link not found or expired.
    ShareLinkNotFound = 40058,
    /// 40059: cannot save your own share.
    SaveOwnShare = 40059,
    /// 40060: node cannot reach master.
    SlavePingMaster = 40060,
    /// 40061: version mismatch between nodes.
    VersionMismatch = 40061,
    /// 40062: not enough points.
    InsufficientCredit = 40062,
    /// 40063: membership group conflict.
    GroupConflict = 40063,
    /// 40064: already in this group.
    GroupInvalid = 40064,
    /// 40065: gift code invalid.
    InvalidGiftCode = 40065,
    /// 40066: provider already linked.
    OpenIdBindConflict = 40066,
    /// 40067: external account linked to another user.
    OpenIdBindOtherAccount = 40067,
    /// 40068: external account not linked.
    OpenIdNotLinked = 40068,
    /// 40069: wrong share password or current password.
    IncorrectPassword = 40069,
    /// 40070: share preview disabled.
    DisabledSharePreview = 40070,
    /// 40071: invalid signature.
    InvalidSign = 40071,
    /// 40072: admins cannot buy groups.
    FulfillAdminGroup = 40072,
    /// 40073: resource locked.
    LockConflict = 40073,
    /// 40074: batch larger than the site limit.
    TooManyUris = 40074,
    /// 40075: lock token expired.
    LockExpired = 40075,
    /// 40076: stale version on content update.
    StaleVersion = 40076,
    /// 40077: blob or version does not exist.
    EntityNotExist = 40077,
    /// 40078: file is in the trash.
    FileDeleted = 40078,
    /// 40079: walked-file limit exceeded.
    FileCountLimitedReached = 40079,
    /// 40080: wrong e-mail or password.
    InvalidPassword = 40080,
    /// 40081: batch partially failed.
    BatchOperationNotFullyCompleted = 40081,
    /// 40082: only the owner may do this.
    OwnerOnly = 40082,
    /// 40083: paid share must be purchased.
    PurchaseRequired = 40083,
    /// 40084: cannot unlink the last login method.
    ManagedAccountMinimumOpenId = 40084,
    /// 40085: payment amount too small.
    AmountTooSmall = 40085,
    /// 40086: node in use.
    NodeUsedByStoragePolicy = 40086,
    /// 40087: domain not licensed.
    DomainNotLicensed = 40087,
    /// 40088: anonymous access denied.
    AnonymousAccessDenied = 40088,
    /// 40089: session expired.
    SessionExpired = 40089,
    /// 50001: database operation failed.
    DbError = 50001,
    /// 50002: signing or encryption failed.
    EncryptError = 50002,
    /// 50004: I/O failed.
    IoFailed = 50004,
    /// 50005: internal configuration error.
    InternalSetting = 50005,
    /// 50006: cache operation failed.
    CacheOperation = 50006,
    /// 50007: callback failed.
    CallbackError = 50007,
    /// 50008: failed to update settings.
    UpdateSetting = 50008,
    /// 50009: failed to add a CORS policy.
    AddCors = 50009,
    /// 50010: node unavailable.
    NodeOffline = 50010,
    /// 50011: failed to query file metadata.
    QueryMetaFailed = 50011,
}

impl Code {
    /// The numeric wire value.
    pub fn number(self) -> i32 {
        self.into()
    }

    /// Whether this code means the session is no longer valid (sign in again).
    pub fn ends_session(self) -> bool {
        matches!(
            self,
            Code::CheckLogin | Code::CredentialInvalid | Code::SessionExpired
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_code_round_trips_and_unknown_codes_survive() {
        for &c in Code::ALL {
            assert_eq!(Code::from(c.number()), c);
        }
        assert_eq!(Code::from(12345), Code::Other(12345));
        assert_eq!(Code::Other(12345).number(), 12345);
        assert_eq!(Code::from(40016), Code::ParentNotExist);
    }
}
