//! RFC 6238 TOTP (SHA-1, 6 digits, 30 s step, ±1 step tolerance) with base32 secrets.

use hmac::{Hmac, Mac};
use sha1::Sha1;

const B32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// Decodes an RFC 4648 base32 secret (padding and case ignored).
pub fn decode_base32(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut buf, mut bits) = (0u32, 0);
    for c in s.trim_end_matches('=').bytes() {
        let v = B32.iter().position(|&b| b == c.to_ascii_uppercase())? as u32;
        buf = (buf << 5) | v;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((buf >> bits) as u8);
            buf &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// Encodes bytes as unpadded base32.
pub fn encode_base32(data: &[u8]) -> String {
    let mut out = String::new();
    let (mut buf, mut bits) = (0u32, 0);
    for &b in data {
        buf = (buf << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(B32[((buf >> bits) & 31) as usize] as char);
        }
        buf &= (1 << bits) - 1;
    }
    if bits > 0 {
        out.push(B32[((buf << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// The 6-digit code for `secret` at time step `counter`.
pub fn hotp(secret: &[u8], counter: u64) -> String {
    let mut mac = Hmac::<Sha1>::new_from_slice(secret)
        .unwrap_or_else(|_| unreachable!("HMAC takes any key length"));
    mac.update(&counter.to_be_bytes());
    let h = mac.finalize().into_bytes();
    let o = usize::from(h[19] & 0xf);
    let n = u32::from_be_bytes([h[o] & 0x7f, h[o + 1], h[o + 2], h[o + 3]]) % 1_000_000;
    format!("{n:06}")
}

/// The current code at unix time `now`.
pub fn code_at(secret_b32: &str, now: u64) -> Option<String> {
    Some(hotp(&decode_base32(secret_b32)?, now / 30))
}

/// Whether `code` is valid at `now`, allowing one step of clock drift either way.
pub fn verify(secret_b32: &str, code: &str, now: u64) -> bool {
    let Some(secret) = decode_base32(secret_b32) else {
        return false;
    };
    let step = now / 30;
    [step.saturating_sub(1), step, step + 1]
        .iter()
        .any(|&s| hotp(&secret, s) == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc6238_sha1_vectors() {
        // RFC 6238 appendix B, truncated to 6 digits; secret "12345678901234567890".
        let secret = b"12345678901234567890";
        assert_eq!(hotp(secret, 59 / 30), "287082");
        assert_eq!(hotp(secret, 1_111_111_109 / 30), "081804");
        assert_eq!(hotp(secret, 2_000_000_000 / 30), "279037");
    }

    #[test]
    fn base32_round_trip_and_drift_window() {
        let b32 = encode_base32(b"12345678901234567890");
        assert_eq!(b32, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assert_eq!(decode_base32(&b32).unwrap(), b"12345678901234567890");
        let code = code_at(&b32, 1_000_000).unwrap();
        assert!(verify(&b32, &code, 1_000_029));
        assert!(verify(&b32, &code, 1_000_000 + 30));
        assert!(!verify(&b32, &code, 1_000_000 + 90));
        assert!(decode_base32("not base32!").is_none());
    }
}
