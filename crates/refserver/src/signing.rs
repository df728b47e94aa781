//! Signed content URLs (file.md §The signed content route): which blob an entity id names, how a
//! URL is built and signed, and how a signature is checked.

use base64::engine::general_purpose::URL_SAFE;
use base64::Engine;
use cloudreve_api::uri::encode_component;
use cloudreve_api::Code;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::error::AppError;
use crate::ids::{IdCodec, Kind};

/// Where the content route is mounted.
pub const CONTENT_PREFIX: &str = "/api/v4/file/content";
/// Lifetime of a content URL (the contract's `entity_url_default_ttl`).
pub const URL_TTL: i64 = 3600;
/// A cached URL is handed out again until this close to its expiry (`entity_url_cache_margin`).
pub const URL_CACHE_MARGIN: i64 = 600;

/// Entity ids of thumbnails carry this bit, so they never name a file's own blob: dropping the
/// unsigned `thumb=true` flag from a thumbnail URL must not reveal the original.
const THUMB_BIT: i64 = 1 << 35;
/// Entity ids of kept versions carry this bit (ids hold 36 bits; row ids stay far below 2^34).
const VERSION_BIT: i64 = 1 << 34;

/// The blob an entity id stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityRef {
    /// The current blob of the file row with this id (what `primary_entity` names).
    File(i64),
    /// The thumbnail row with this id.
    Thumb(i64),
    /// The `versions` row with this id (a file's current or an earlier content).
    Version(i64),
}

impl EntityRef {
    /// The opaque entity id.
    pub fn encode(self, ids: &IdCodec) -> String {
        match self {
            EntityRef::File(id) => ids.encode(Kind::Entity, id),
            EntityRef::Thumb(id) => ids.encode(Kind::Entity, id | THUMB_BIT),
            EntityRef::Version(id) => ids.encode(Kind::Entity, id | VERSION_BIT),
        }
    }

    /// Reads an entity id back.
    pub fn decode(ids: &IdCodec, s: &str) -> Option<Self> {
        let n = ids.decode(Kind::Entity, s)?;
        Some(if n & THUMB_BIT != 0 {
            EntityRef::Thumb(n & !THUMB_BIT)
        } else if n & VERSION_BIT != 0 {
            EntityRef::Version(n & !VERSION_BIT)
        } else {
            EntityRef::File(n)
        })
    }
}

/// `<base64url(HMAC-SHA256(secret, "<path>:<expires>"))>:<expires>`.
pub fn sign(secret: &[u8], path: &str, expires: i64) -> String {
    let mac = keyed(secret, path, expires).finalize().into_bytes();
    format!("{}:{expires}", URL_SAFE.encode(mac))
}

/// The MAC state after reading `"<path>:<expires>"`.
fn keyed(secret: &[u8], path: &str, expires: i64) -> Hmac<Sha256> {
    let mut m = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes keys of any length");
    m.update(format!("{path}:{expires}").as_bytes());
    m
}

/// Checks `sign` for the decoded URL `path` at `now`: code 40020 when forged, malformed or expired.
pub fn check(secret: &[u8], path: &str, sign: &str, now: i64) -> Result<(), AppError> {
    let invalid = |msg: &str| AppError::code(Code::CredentialInvalid, msg);
    let (sig, expires) = sign
        .rsplit_once(':')
        .ok_or_else(|| invalid("invalid sign"))?;
    let expires: i64 = expires.parse().map_err(|_| invalid("invalid sign"))?;
    let sig = URL_SAFE.decode(sig).map_err(|_| invalid("invalid sign"))?;
    keyed(secret, path, expires)
        .verify_slice(&sig)
        .map_err(|_| invalid("invalid sign"))?;
    if expires != 0 && expires < now {
        return Err(invalid("signature expired"));
    }
    Ok(())
}

/// The expiry of URLs made at `now`. Expiries fall on multiples of [`URL_TTL`], so every URL made
/// for the same blob in one window is identical (the contract's URL cache) and still has at least
/// [`URL_CACHE_MARGIN`] seconds to live.
pub fn expiry_for(now: i64) -> i64 {
    let next = (now.div_euclid(URL_TTL) + 1) * URL_TTL;
    if next - now < URL_CACHE_MARGIN {
        next + URL_TTL
    } else {
        next
    }
}

/// What a content URL serves.
#[derive(Debug, Clone)]
pub struct ContentUrl<'a> {
    /// The blob.
    pub entity: EntityRef,
    /// Display name (for `Content-Disposition` and the content type).
    pub name: &'a str,
    /// `Content-Disposition: attachment`.
    pub download: bool,
    /// Unix seconds (0 = never).
    pub expires: i64,
}

impl ContentUrl<'_> {
    /// The signed, server-relative URL.
    pub fn build(&self, ids: &IdCodec, secret: &[u8]) -> String {
        let entity = self.entity.encode(ids);
        let signed_path = format!("{CONTENT_PREFIX}/{entity}/0/{}", self.name);
        let sign = sign(secret, &signed_path, self.expires);
        let mut url = format!(
            "{CONTENT_PREFIX}/{entity}/0/{}?sign={}",
            encode_component(self.name),
            encode_component(&sign)
        );
        if self.download {
            url.push_str("&download=true");
        }
        if matches!(self.entity, EntityRef::Thumb(_)) {
            url.push_str("&thumb=true");
        }
        url
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_check_path_and_expiry() {
        let s = sign(b"k", "/a/b c", 100);
        assert!(s.ends_with(":100"));
        assert!(check(b"k", "/a/b c", &s, 50).is_ok());
        assert!(check(b"k", "/a/b c", &s, 101).is_err(), "expired");
        assert!(check(b"k", "/a/b d", &s, 50).is_err(), "other path");
        assert!(check(b"other", "/a/b c", &s, 50).is_err(), "other key");
        let never = sign(b"k", "/x", 0);
        assert!(
            check(b"k", "/x", &never, i64::MAX).is_ok(),
            "0 never expires"
        );
        let moved = s.replace(":100", ":200");
        assert!(
            check(b"k", "/a/b c", &moved, 50).is_err(),
            "expiry is signed"
        );
        for bad in ["", ":", "abc", "abc:", "!!:100"] {
            assert!(check(b"k", "/a/b c", bad, 50).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn expiries_are_shared_within_a_window_and_keep_a_margin() {
        assert_eq!(expiry_for(0), URL_TTL);
        assert_eq!(expiry_for(10), expiry_for(URL_TTL - URL_CACHE_MARGIN));
        let late = URL_TTL - URL_CACHE_MARGIN + 1;
        assert_eq!(expiry_for(late), 2 * URL_TTL);
        for now in [0, 1, 2999, 3000, 3001, 3599, 3600, 123_456] {
            let e = expiry_for(now);
            assert!(e - now >= URL_CACHE_MARGIN && e - now <= URL_TTL + URL_CACHE_MARGIN);
        }
    }

    #[test]
    fn thumbnail_entities_never_name_a_file() {
        let ids = IdCodec::new(42);
        for e in [
            EntityRef::File(7),
            EntityRef::Thumb(7),
            EntityRef::Thumb(1),
            EntityRef::Version(7),
        ] {
            assert_eq!(EntityRef::decode(&ids, &e.encode(&ids)), Some(e));
        }
        assert_ne!(
            EntityRef::File(7).encode(&ids),
            EntityRef::Thumb(7).encode(&ids)
        );
        assert_eq!(
            EntityRef::decode(&ids, &ids.encode(Kind::File, 7)),
            None,
            "a file id is not an entity id"
        );
    }
}
