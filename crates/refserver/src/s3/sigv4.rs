//! AWS Signature Version 4 for S3: presigned URLs (query signing) and `Authorization` headers.
//!
//! Only what S3 needs: the payload of a presigned request is `UNSIGNED-PAYLOAD`, paths are
//! encoded once (S3 does not double-encode), and keys keep their `/` separators.

use std::time::{SystemTime, UNIX_EPOCH};

use cloudreve_api::Timestamp;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

/// The signing algorithm's name, as it appears in URLs and headers.
pub const ALGORITHM: &str = "AWS4-HMAC-SHA256";
/// The payload hash of a request whose body is not signed (every presigned URL).
pub const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";
/// The longest lifetime S3 accepts for a presigned URL: 7 days.
pub const MAX_EXPIRES: u64 = 7 * 24 * 3600;

/// The key that signs, and the region it signs for.
#[derive(Clone, Copy)]
pub struct Credentials<'a> {
    /// Access key id.
    pub access_key: &'a str,
    /// Secret access key.
    pub secret_key: &'a str,
    /// Region, such as `us-east-1`.
    pub region: &'a str,
}

/// A request's signing time, in the two forms SigV4 uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmzTime {
    /// `YYYYMMDD`, the credential scope's date.
    pub date: String,
    /// `YYYYMMDDTHHMMSSZ`, the `X-Amz-Date`.
    pub stamp: String,
}

impl AmzTime {
    /// The signing time for `t` (UTC, whole seconds).
    pub fn at(t: SystemTime) -> Self {
        let secs = match t.duration_since(UNIX_EPOCH) {
            Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX / 1000),
            Err(_) => 0,
        };
        // "2013-05-24T00:00:00Z" -> "20130524T000000Z"
        let stamp = Timestamp::from_unix_millis(secs * 1000)
            .0
            .replace(['-', ':'], "");
        Self {
            date: stamp[..8].to_string(),
            stamp,
        }
    }
}

/// What a request looks like to the signer: everything SigV4 covers except the headers.
pub struct Target<'a> {
    /// `GET`, `PUT`, ...
    pub method: &'a str,
    /// The `Host` header value: `host` or `host:port` (no port when it is the scheme's default).
    pub host: &'a str,
    /// The path, already encoded with [`encode_path`].
    pub path: &'a str,
    /// Query parameters, not encoded (`("uploads", "")` for a bare `?uploads`).
    pub query: &'a [(&'a str, &'a str)],
}

/// Percent-encodes `s` the SigV4 way: everything but `A-Z a-z 0-9 - _ . ~` becomes `%XX` (upper
/// hex, on UTF-8 bytes), and `/` too unless `keep_slash`.
pub fn uri_encode(s: &str, keep_slash: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'_' | b'.' | b'~')
            || (keep_slash && b == b'/')
        {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The encoded path of an object: `/` + each segment of `parts` joined by `/`, slashes inside
/// a key kept (`uploads/x/a b` -> `/bucket/uploads/x/a%20b`).
pub fn encode_path(parts: &[&str]) -> String {
    let mut path = String::new();
    for part in parts {
        path.push('/');
        path.push_str(&uri_encode(part, true));
    }
    if path.is_empty() {
        path.push('/');
    }
    path
}

/// The canonical query string: names and values encoded, sorted by name then value.
pub fn canonical_query(params: &[(&str, &str)]) -> String {
    let mut pairs: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| (uri_encode(k, false), uri_encode(v, false)))
        .collect();
    pairs.sort();
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// Lower-case hex SHA-256 of `data` (the payload hash of a signed body).
pub fn sha256_hex(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn hmac(key: &[u8], data: &str) -> Vec<u8> {
    // HMAC accepts keys of any length, so this never fails.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(data.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

fn scope(cred: &Credentials<'_>, time: &AmzTime) -> String {
    format!("{}/{}/s3/aws4_request", time.date, cred.region)
}

/// The hex signature of `canonical_request`.
fn signature(cred: &Credentials<'_>, time: &AmzTime, canonical_request: &str) -> String {
    let to_sign = format!(
        "{ALGORITHM}\n{}\n{}\n{}",
        time.stamp,
        scope(cred, time),
        sha256_hex(canonical_request.as_bytes())
    );
    let key = hmac(format!("AWS4{}", cred.secret_key).as_bytes(), &time.date);
    let key = hmac(&key, cred.region);
    let key = hmac(&key, "s3");
    let key = hmac(&key, "aws4_request");
    hex(&hmac(&key, &to_sign))
}

/// The canonical request; `headers` are `(lower-case name, value)` sorted by name.
fn canonical_request(
    target: &Target<'_>,
    query: &str,
    headers: &[(&str, &str)],
    payload: &str,
) -> String {
    let canonical_headers: String = headers
        .iter()
        .map(|(k, v)| format!("{k}:{}\n", v.trim()))
        .collect();
    let signed: Vec<&str> = headers.iter().map(|(k, _)| *k).collect();
    format!(
        "{}\n{}\n{query}\n{canonical_headers}\n{}\n{payload}",
        target.method,
        target.path,
        signed.join(";")
    )
}

/// The query string of a presigned URL for `target` (the target's own parameters plus the
/// `X-Amz-*` ones and the signature), valid `expires_secs` after `time` (at most 7 days).
pub fn presign_query(
    cred: &Credentials<'_>,
    target: &Target<'_>,
    time: &AmzTime,
    expires_secs: u64,
) -> String {
    let credential = format!("{}/{}", cred.access_key, scope(cred, time));
    let expires = expires_secs.clamp(1, MAX_EXPIRES).to_string();
    let mut params: Vec<(&str, &str)> = target.query.to_vec();
    params.extend([
        ("X-Amz-Algorithm", ALGORITHM),
        ("X-Amz-Credential", credential.as_str()),
        ("X-Amz-Date", time.stamp.as_str()),
        ("X-Amz-Expires", expires.as_str()),
        ("X-Amz-SignedHeaders", "host"),
    ]);
    let query = canonical_query(&params);
    let request = canonical_request(target, &query, &[("host", target.host)], UNSIGNED_PAYLOAD);
    format!(
        "{query}&X-Amz-Signature={}",
        signature(cred, time, &request)
    )
}

/// The `Authorization` header for `target`. The request must carry exactly the signed headers:
/// `host`, `x-amz-content-sha256: <payload_hash>`, `x-amz-date: <time.stamp>`, and `extra`
/// (lower-case names, such as `range`).
pub fn authorization(
    cred: &Credentials<'_>,
    target: &Target<'_>,
    time: &AmzTime,
    payload_hash: &str,
    extra: &[(&str, &str)],
) -> String {
    let mut headers: Vec<(&str, &str)> = vec![
        ("host", target.host),
        ("x-amz-content-sha256", payload_hash),
        ("x-amz-date", time.stamp.as_str()),
    ];
    headers.extend_from_slice(extra);
    headers.sort();
    let query = canonical_query(target.query);
    let request = canonical_request(target, &query, &headers, payload_hash);
    let signed: Vec<&str> = headers.iter().map(|(k, _)| *k).collect();
    format!(
        "{ALGORITHM} Credential={}/{},SignedHeaders={},Signature={}",
        cred.access_key,
        scope(cred, time),
        signed.join(";"),
        signature(cred, time, &request)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// The key pair of the AWS SigV4 documentation's S3 examples.
    const DOC_CRED: Credentials<'static> = Credentials {
        access_key: "AKIAIOSFODNN7EXAMPLE",
        secret_key: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        region: "us-east-1",
    };

    fn doc_time() -> AmzTime {
        // 2013-05-24T00:00:00Z
        AmzTime::at(UNIX_EPOCH + Duration::from_secs(1_369_353_600))
    }

    #[test]
    fn signing_time_formats() {
        let t = doc_time();
        assert_eq!(t.date, "20130524");
        assert_eq!(t.stamp, "20130524T000000Z");
        let t = AmzTime::at(UNIX_EPOCH + Duration::from_secs(1_700_000_000));
        assert_eq!(t.stamp, "20231114T221320Z");
    }

    /// AWS's documented presigned-URL example ("GET /test.txt" from examplebucket, 24 hours).
    #[test]
    fn presigned_url_matches_the_aws_example() {
        let target = Target {
            method: "GET",
            host: "examplebucket.s3.amazonaws.com",
            path: "/test.txt",
            query: &[],
        };
        let query = presign_query(&DOC_CRED, &target, &doc_time(), 86_400);
        assert_eq!(
            query,
            "X-Amz-Algorithm=AWS4-HMAC-SHA256\
             &X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request\
             &X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host\
             &X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"
        );
    }

    /// AWS's documented header-signed example ("GET Object" with `Range: bytes=0-9`).
    #[test]
    fn authorization_matches_the_aws_example() {
        let target = Target {
            method: "GET",
            host: "examplebucket.s3.amazonaws.com",
            path: "/test.txt",
            query: &[],
        };
        let empty = sha256_hex(b"");
        assert_eq!(
            empty,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        let auth = authorization(
            &DOC_CRED,
            &target,
            &doc_time(),
            &empty,
            &[("range", "bytes=0-9")],
        );
        assert_eq!(
            auth,
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,\
             SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,\
             Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"
        );
    }

    #[test]
    fn encoding_follows_the_sigv4_rules() {
        assert_eq!(uri_encode("AZaz09-_.~", false), "AZaz09-_.~");
        assert_eq!(uri_encode("a b+c%d=e&f", false), "a%20b%2Bc%25d%3De%26f");
        assert_eq!(uri_encode("a/b", false), "a%2Fb");
        assert_eq!(uri_encode("a/b", true), "a/b");
        assert_eq!(uri_encode("é中", true), "%C3%A9%E4%B8%AD");
        assert_eq!(
            encode_path(&["bucket", "uploads/1f/My File (1)+%.txt"]),
            "/bucket/uploads/1f/My%20File%20%281%29%2B%25.txt"
        );
        assert_eq!(encode_path(&[]), "/");
    }

    #[test]
    fn canonical_query_sorts_encoded_pairs() {
        assert_eq!(
            canonical_query(&[("uploadId", "a+b"), ("partNumber", "2"), ("uploads", "")]),
            "partNumber=2&uploadId=a%2Bb&uploads="
        );
        // Sorting is by encoded bytes: upper case before lower case.
        assert_eq!(
            canonical_query(&[("b", "1"), ("X-Amz-Date", "2")]),
            "X-Amz-Date=2&b=1"
        );
    }

    #[test]
    fn expiry_is_clamped_to_what_s3_accepts() {
        let target = Target {
            method: "GET",
            host: "h",
            path: "/b/k",
            query: &[],
        };
        let q = presign_query(&DOC_CRED, &target, &doc_time(), 30 * 24 * 3600);
        assert!(q.contains("X-Amz-Expires=604800&"), "{q}");
        let q = presign_query(&DOC_CRED, &target, &doc_time(), 0);
        assert!(q.contains("X-Amz-Expires=1&"), "{q}");
    }
}
