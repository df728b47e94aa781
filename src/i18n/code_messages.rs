//! A message for every response code in the contract (errors.md §5), in English and Simplified Chinese.
//!
//! Our own wording; the server's `msg` is shown only for codes this table does not know.

use cloudreve_api::Code;

use super::Locale;

macro_rules! messages {
    ($( $code:ident => $en:literal, $zh:literal; )*) => {
        /// The message for `code` in `locale`, or `None` for success codes and unknown numbers.
        pub fn code_message(code: Code, locale: Locale) -> Option<&'static str> {
            Some(match (code, locale) {
                $( (Code::$code, Locale::En) => $en, (Code::$code, Locale::ZhCn) => $zh, )*
                _ => return None,
            })
        }
    };
}

messages! {
    NotSet => "The server had an unexpected problem. Try again.", "服务器出现意外问题，请重试。";
    CheckLogin => "Please sign in again.", "请重新登录。";
    NoPermission => "You are not allowed to do this.", "你没有执行此操作的权限。";
    NotFound => "It does not exist or is no longer available.", "资源不存在或已失效。";
    Conflict => "Someone else changed this at the same time. Try again.", "此内容已被同时修改，请重试。";
    ParamErr => "The request was not valid.", "请求参数无效。";
    UploadFailed => "The upload failed.", "上传失败。";
    CreateFolderFailed => "The folder could not be created.", "无法创建文件夹。";
    ObjectExist => "An item with this name already exists.", "已存在同名项目。";
    SignExpired => "This link has expired.", "此链接已过期。";
    PolicyNotAllowed => "The storage policy does not allow this.", "存储策略不允许此操作。";
    GroupNotAllowed => "Your user group does not allow this.", "你所在的用户组不允许此操作。";
    AdminRequired => "Only administrators can do this.", "只有管理员可以执行此操作。";
    MasterNotFound => "The main node is not registered.", "主节点未注册。";
    PhoneRequired => "A phone number must be linked first.", "需要先绑定手机号。";
    UploadSessionExpired => "The upload session has expired. Start the upload again.", "上传会话已过期，请重新上传。";
    InvalidChunkIndex => "The upload sent a part out of range.", "上传的分片序号超出范围。";
    InvalidContentLength => "An upload part had the wrong size.", "上传分片的大小不正确。";
    BatchSourceSize => "Too many files for one direct-link request.", "单次创建直链的文件过多。";
    BatchAria2Size => "Too many links in one remote download.", "单次离线下载的链接过多。";
    ParentNotExist => "This folder does not exist.", "此文件夹不存在。";
    UserBaned => "This account has been blocked.", "此账户已被封禁。";
    UserNotActivated => "This account is not activated yet.", "此账户尚未激活。";
    FeatureNotEnabled => "This feature is turned off on this site.", "本站未启用此功能。";
    CredentialInvalid => "Your session has expired. Please sign in again.", "登录已过期，请重新登录。";
    UserNotFound => "The user was not found.", "找不到该用户。";
    TwoFaCodeErr => "The one-time code is not correct.", "一次性验证码不正确。";
    LoginSessionNotExist => "This sign-in attempt has expired. Start again.", "本次登录已失效，请重新开始。";
    InitializeAuthn => "Passkeys cannot be used right now.", "暂时无法使用通行密钥。";
    WebAuthnCredentialError => "The passkey could not be verified.", "无法验证此通行密钥。";
    CaptchaError => "The verification code is not correct.", "验证码不正确。";
    CaptchaRefreshNeeded => "Refresh the verification code and try again.", "请刷新验证码后重试。";
    FailedSendEmail => "The email could not be sent.", "邮件发送失败。";
    InvalidTempLink => "This link is not valid.", "此链接无效。";
    TempLinkExpired => "This link has expired.", "此链接已过期。";
    EmailProviderBaned => "Email addresses from this provider are not accepted.", "不接受该邮箱服务商的地址。";
    EmailExisted => "This email is already registered.", "此电子邮箱已被注册。";
    EmailSent => "The account is not activated; we sent the activation email again.", "账户尚未激活，已重新发送激活邮件。";
    UserCannotActivate => "This account cannot be activated.", "此账户无法激活。";
    PolicyNotExist => "The storage policy does not exist.", "存储策略不存在。";
    DeleteDefaultPolicy => "The default storage policy cannot be deleted.", "无法删除默认存储策略。";
    PolicyUsedByFiles => "The storage policy still holds files.", "该存储策略下仍有文件。";
    PolicyUsedByGroups => "The storage policy is still used by user groups.", "该存储策略仍被用户组使用。";
    GroupNotFound => "The user group was not found.", "找不到该用户组。";
    InvalidActionOnSystemGroup => "Built-in user groups cannot be changed this way.", "无法对系统用户组执行此操作。";
    GroupUsedByUser => "The user group still has members.", "该用户组仍有成员。";
    ChangeGroupForDefaultUser => "The first user's group cannot be changed.", "无法更改初始用户的用户组。";
    InvalidActionOnDefaultUser => "The first user cannot be changed this way.", "无法对初始用户执行此操作。";
    FileNotFound => "The file was not found.", "找不到该文件。";
    ListFilesError => "The folder could not be listed.", "无法列出文件夹内容。";
    InvalidActionOnSystemNode => "The main node cannot be changed this way.", "无法对主节点执行此操作。";
    CreateFsError => "The file system could not be opened.", "无法初始化文件系统。";
    CreateTaskError => "The background task could not be created.", "无法创建后台任务。";
    FileTooLarge => "The file is too large.", "文件过大。";
    FileTypeNotAllowed => "This file type is not allowed.", "不允许此文件类型。";
    InsufficientCapacity => "Not enough storage space.", "存储空间不足。";
    IllegalObjectName => "This name is not allowed.", "此名称不可用。";
    RootProtected => "The root folder cannot be changed.", "无法对根目录执行此操作。";
    ConflictUploadOngoing => "A file with this name is being uploaded already.", "同名文件正在上传中。";
    MetaMismatch => "The uploaded file does not match what was announced.", "上传的文件与预期不符。";
    UnsupportedArchiveType => "This archive format is not supported.", "不支持此压缩格式。";
    PolicyChanged => "The storage policy changed. Try the upload again.", "存储策略已变更，请重新上传。";
    ShareLinkNotFound => "The share link does not exist or has expired.", "分享链接不存在或已过期。";
    SaveOwnShare => "You cannot save your own share.", "不能保存自己的分享。";
    SlavePingMaster => "A storage node cannot reach the main node.", "存储节点无法连接主节点。";
    VersionMismatch => "The nodes run different Cloudreve versions.", "节点之间的 Cloudreve 版本不一致。";
    InsufficientCredit => "Not enough points.", "积分不足。";
    GroupConflict => "This conflicts with your current membership.", "与你当前的会员组冲突。";
    GroupInvalid => "You are already in this group.", "你已在此用户组中。";
    InvalidGiftCode => "The gift code is not valid.", "兑换码无效。";
    OpenIdBindConflict => "This sign-in provider is already linked.", "已绑定此登录方式。";
    OpenIdBindOtherAccount => "This external account is linked to another user.", "该外部账户已绑定其他用户。";
    OpenIdNotLinked => "This external account is not linked to any user.", "该外部账户未绑定任何用户。";
    IncorrectPassword => "The password is not correct.", "密码不正确。";
    DisabledSharePreview => "Previews are turned off for this share.", "此分享已禁用预览。";
    InvalidSign => "The link's signature is not valid.", "链接签名无效。";
    FulfillAdminGroup => "Administrators cannot buy user groups.", "管理员无法购买用户组。";
    LockConflict => "This item is locked by another operation.", "此项目已被其他操作锁定。";
    TooManyUris => "Too many items at once. Select fewer and try again.", "一次选择的项目过多，请减少后重试。";
    LockExpired => "The lock has expired.", "锁已过期。";
    StaleVersion => "The file changed since you opened it.", "文件在你打开后已被修改。";
    EntityNotExist => "This version or preview does not exist.", "此版本或预览不存在。";
    FileDeleted => "This file is in the trash.", "此文件已在回收站中。";
    FileCountLimitedReached => "Too many files to process at once.", "需要处理的文件过多。";
    InvalidPassword => "Incorrect email or password.", "电子邮箱或密码错误。";
    BatchOperationNotFullyCompleted => "Some items could not be processed.", "部分项目处理失败。";
    OwnerOnly => "Only the owner can do this.", "只有所有者可以执行此操作。";
    PurchaseRequired => "This share must be purchased first.", "需要先购买此分享。";
    ManagedAccountMinimumOpenId => "The last sign-in method of this account cannot be removed.", "无法解绑此账户的最后一种登录方式。";
    AmountTooSmall => "The amount is too small.", "金额过小。";
    NodeUsedByStoragePolicy => "The node is still used by a storage policy.", "该节点仍被存储策略使用。";
    DomainNotLicensed => "This domain is not licensed.", "此域名未获授权。";
    AnonymousAccessDenied => "Sign in to open this.", "请登录后访问。";
    SessionExpired => "Your session has expired. Please sign in again.", "登录已过期，请重新登录。";
    DbError => "The server's database failed.", "服务器数据库操作失败。";
    EncryptError => "The server could not sign or encrypt data.", "服务器签名或加密失败。";
    IoFailed => "The server could not read or write the file.", "服务器文件读写失败。";
    InternalSetting => "The server is misconfigured.", "服务器配置错误。";
    CacheOperation => "The server's cache failed.", "服务器缓存操作失败。";
    CallbackError => "The storage callback failed.", "存储回调失败。";
    UpdateSetting => "The settings could not be saved.", "无法保存设置。";
    AddCors => "The CORS policy could not be added.", "无法添加跨域策略。";
    NodeOffline => "The storage node is offline.", "存储节点离线。";
    QueryMetaFailed => "The file's details could not be read.", "无法读取文件信息。";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_code_in_the_contract_has_both_languages() {
        for &code in Code::ALL {
            if matches!(code, Code::Success | Code::Continue) {
                assert!(code_message(code, Locale::En).is_none());
                continue;
            }
            for locale in Locale::ALL {
                let text = code_message(code, locale)
                    .unwrap_or_else(|| panic!("no {locale:?} message for {code:?}"));
                assert!(!text.trim().is_empty());
            }
            assert_ne!(
                code_message(code, Locale::En),
                code_message(code, Locale::ZhCn),
                "{code:?}"
            );
        }
        assert_eq!(code_message(Code::Other(49999), Locale::En), None);
    }
}
