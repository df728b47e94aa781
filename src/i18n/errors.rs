//! One function from any [`ApiError`] to a localized message; callers show the request id beside it.

use cloudreve_api::{ApiError, Code};

use super::code_messages::code_message;
use super::{fill, Key, Locale};

/// A message for `err` in `locale`: our translation when we have one, else the server's own message,
/// else the bare code. Never empty.
pub fn error_message(err: &ApiError, locale: Locale) -> String {
    match err {
        ApiError::Network(_) => Key::ErrNetwork.text(locale).into(),
        ApiError::Decode { .. } => Key::ErrDecode.text(locale).into(),
        other => {
            let code = other.code().unwrap_or(Code::NotSet);
            match (
                code_message(code, locale),
                other.server_message().filter(|m| !m.is_empty()),
            ) {
                (Some(text), _) => text.into(),
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
