//! One function from any [`ApiError`] to a localized message, keeping the server's request id.

use cloudreve_api::{ApiError, Code};

use super::{fill, Key, Locale};

/// The translated text for a response code, if we have one.
fn code_key(code: Code) -> Option<Key> {
    Some(match code {
        Code::CheckLogin => Key::ErrLogin,
        Code::NoPermission | Code::GroupNotAllowed | Code::OwnerOnly => Key::ErrForbidden,
        Code::NotFound | Code::FileNotFound | Code::ShareLinkNotFound => Key::ErrNotFound,
        Code::ParamErr => Key::ErrParam,
        Code::ParentNotExist => Key::ErrPathNotExist,
        Code::ObjectExist => Key::ErrObjectExist,
        Code::IllegalObjectName => Key::ErrIllegalName,
        Code::CredentialInvalid | Code::SessionExpired => Key::ErrCredential,
        Code::TwoFaCodeErr => Key::ErrTwoFa,
        Code::CaptchaError | Code::CaptchaRefreshNeeded => Key::ErrCaptcha,
        Code::InvalidPassword => Key::ErrBadPassword,
        Code::UserBaned => Key::ErrBanned,
        Code::UserNotActivated => Key::ErrNotActivated,
        Code::LoginSessionNotExist => Key::ErrSessionGone,
        Code::InsufficientCapacity => Key::ErrCapacity,
        Code::FileTooLarge => Key::ErrTooLarge,
        Code::NotSet
        | Code::DbError
        | Code::IoFailed
        | Code::InternalSetting
        | Code::EncryptError => Key::ErrInternal,
        _ => return None,
    })
}

/// A message for `err` in `locale`: our translation when we have one, else the server's own message,
/// else the bare code. Never empty.
pub fn error_message(err: &ApiError, locale: Locale) -> String {
    match err {
        ApiError::Network(_) => Key::ErrNetwork.text(locale).into(),
        ApiError::Decode { .. } => Key::ErrDecode.text(locale).into(),
        other => {
            let code = other.code().unwrap_or(Code::NotSet);
            match (
                code_key(code),
                other.server_message().filter(|m| !m.is_empty()),
            ) {
                (Some(k), _) => k.text(locale).into(),
                (None, Some(msg)) => msg.to_string(),
                (None, None) => fill(
                    Key::ErrCode.text(locale),
                    &[("code", &code.number().to_string())],
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(code: i32, msg: &str) -> ApiError {
        ApiError::Server {
            code: Code::from(code),
            msg: msg.into(),
            correlation_id: Some("c".into()),
        }
    }

    #[test]
    fn translated_codes_server_text_and_fallbacks() {
        assert_eq!(
            error_message(&server(40080, "x"), Locale::En),
            "Incorrect email or password."
        );
        assert_eq!(
            error_message(&server(40080, "x"), Locale::ZhCn),
            "电子邮箱或密码错误。"
        );
        assert_eq!(
            error_message(&server(49999, "Custom failure"), Locale::En),
            "Custom failure"
        );
        assert_eq!(
            error_message(&server(49999, ""), Locale::En),
            "The server reported an error (code 49999)."
        );
        assert_eq!(
            error_message(&ApiError::Network("offline".into()), Locale::En),
            Key::ErrNetwork.text(Locale::En)
        );
    }
}
