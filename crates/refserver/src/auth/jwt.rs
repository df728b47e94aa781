//! HS256 JSON Web Tokens, the format Cloudreve uses for access and refresh tokens.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

const HEADER: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

/// The claims of our tokens (session.md §Token pair).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claims {
    /// `access` or `refresh`.
    pub token_type: String,
    /// User id (opaque form).
    pub sub: String,
    /// Not before, unix seconds.
    pub nbf: i64,
    /// Expiry, unix seconds.
    pub exp: i64,
    /// Refresh only: hash of the account state; changes when e-mail or password change.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub state_hash: String,
    /// Refresh only: id shared by every refresh of one login.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub root_token_id: String,
}

/// Why a token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JwtError {
    /// Not three base64url parts of JSON.
    Malformed,
    /// Signature does not match.
    BadSignature,
    /// Outside its `nbf`..`exp` window.
    Expired,
}

fn mac(secret: &[u8]) -> HmacSha256 {
    // HMAC accepts keys of any length, so this cannot fail.
    HmacSha256::new_from_slice(secret).unwrap_or_else(|_| unreachable!("HMAC takes any key length"))
}

/// Signs `claims` with `secret`.
pub fn sign<C: Serialize>(claims: &C, secret: &[u8]) -> String {
    let payload = serde_json::to_vec(claims).unwrap_or_default();
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(HEADER),
        URL_SAFE_NO_PAD.encode(payload)
    );
    let mut m = mac(secret);
    m.update(signing_input.as_bytes());
    format!(
        "{signing_input}.{}",
        URL_SAFE_NO_PAD.encode(m.finalize().into_bytes())
    )
}

/// Verifies `token` and returns its claims if signed by `secret` and valid at `now` (unix seconds).
pub fn verify<C: DeserializeOwned + HasWindow>(
    token: &str,
    secret: &[u8],
    now: i64,
) -> Result<C, JwtError> {
    let claims: C = decode(token, secret)?;
    let (nbf, exp) = claims.window();
    if now < nbf || now >= exp {
        return Err(JwtError::Expired);
    }
    Ok(claims)
}

/// Checks `token`'s signature and returns its claims, whatever their validity window.
pub fn decode<C: DeserializeOwned>(token: &str, secret: &[u8]) -> Result<C, JwtError> {
    let mut parts = token.split('.');
    let (Some(h), Some(p), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(JwtError::Malformed);
    };
    let sig = URL_SAFE_NO_PAD.decode(s).map_err(|_| JwtError::Malformed)?;
    let mut m = mac(secret);
    m.update(format!("{h}.{p}").as_bytes());
    m.verify_slice(&sig).map_err(|_| JwtError::BadSignature)?;
    let header: serde_json::Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(h).map_err(|_| JwtError::Malformed)?)
            .map_err(|_| JwtError::Malformed)?;
    if header.get("alg").and_then(|a| a.as_str()) != Some("HS256") {
        return Err(JwtError::Malformed);
    }
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(p).map_err(|_| JwtError::Malformed)?)
        .map_err(|_| JwtError::Malformed)
}

/// Claims that carry a validity window.
pub trait HasWindow {
    /// `(nbf, exp)` in unix seconds.
    fn window(&self) -> (i64, i64);
}

impl HasWindow for Claims {
    fn window(&self) -> (i64, i64) {
        (self.nbf, self.exp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(exp: i64) -> Claims {
        Claims {
            token_type: "access".into(),
            sub: "u1".into(),
            nbf: 100,
            exp,
            state_hash: String::new(),
            root_token_id: String::new(),
        }
    }

    #[test]
    fn signed_tokens_verify_within_their_window() {
        let t = sign(&claims(200), b"secret");
        assert_eq!(verify::<Claims>(&t, b"secret", 150), Ok(claims(200)));
        assert_eq!(verify::<Claims>(&t, b"secret", 200), Err(JwtError::Expired));
        assert_eq!(verify::<Claims>(&t, b"secret", 99), Err(JwtError::Expired));
        assert_eq!(
            verify::<Claims>(&t, b"other", 150),
            Err(JwtError::BadSignature)
        );
    }

    #[test]
    fn tampering_and_garbage_are_refused() {
        let t = sign(&claims(200), b"secret");
        let forged = sign(
            &Claims {
                sub: "admin".into(),
                ..claims(200)
            },
            b"guess",
        );
        let mixed = format!(
            "{}.{}",
            &t[..t.rfind('.').unwrap()],
            &forged[forged.rfind('.').unwrap() + 1..]
        );
        assert_eq!(
            verify::<Claims>(&mixed, b"secret", 150),
            Err(JwtError::BadSignature)
        );
        for junk in ["", "a.b", "a.b.c.d", "!!.??.**"] {
            assert!(verify::<Claims>(junk, b"secret", 150).is_err());
        }
    }
}
