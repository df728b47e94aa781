//! Opaque, URL-safe object ids. The contract lets a compatible server use any stable scheme; ours
//! permutes `(row id, type tag)` with a per-installation mask and writes it in base62, so ids are short,
//! not guessable by counting, and an id of the wrong kind is rejected.

const ALPHABET: &[u8; 62] = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const BITS: u32 = 40;
const MASK: u64 = (1 << BITS) - 1;
/// Odd, so multiplication is a bijection modulo 2^40.
const MULTIPLIER: u64 = 0x5D_E3_9A_C1_7B;

/// What kind of object an id names (the contract's type tags).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u64)]
pub enum Kind {
    /// Share link.
    Share = 0,
    /// User.
    User = 1,
    /// File or folder.
    File = 2,
    /// Storage policy.
    Policy = 5,
    /// Direct link.
    SourceLink = 6,
    /// Group.
    Group = 7,
    /// Blob (entity).
    Entity = 8,
    /// Activity (file history entry).
    Activity = 9,
}

/// Encodes and decodes ids for one installation.
#[derive(Debug, Clone, Copy)]
pub struct IdCodec {
    mask: u64,
}

impl IdCodec {
    /// A codec whose ids are scrambled with `salt`.
    pub fn new(salt: u64) -> Self {
        IdCodec { mask: salt & MASK }
    }

    /// The id of row `id` of `kind`.
    pub fn encode(&self, kind: Kind, id: i64) -> String {
        let n = ((id as u64) << 4 | kind as u64) & MASK;
        let mut v = (n.wrapping_mul(MULTIPLIER) & MASK) ^ self.mask;
        let mut out = Vec::new();
        loop {
            out.push(ALPHABET[(v % 62) as usize]);
            v /= 62;
            if v == 0 {
                break;
            }
        }
        out.reverse();
        String::from_utf8(out).unwrap_or_default()
    }

    /// The row id behind `s`, if it is a well-formed id of `kind`.
    pub fn decode(&self, kind: Kind, s: &str) -> Option<i64> {
        if s.is_empty() || s.len() > 8 {
            return None;
        }
        let mut v: u64 = 0;
        for b in s.bytes() {
            v = v * 62 + ALPHABET.iter().position(|&a| a == b)? as u64;
        }
        if v > MASK {
            return None;
        }
        let n = ((v ^ self.mask).wrapping_mul(inverse(MULTIPLIER))) & MASK;
        (n & 15 == kind as u64).then_some((n >> 4) as i64)
    }
}

/// Multiplicative inverse of an odd number modulo 2^64 (Newton's iteration).
const fn inverse(a: u64) -> u64 {
    let mut x = a;
    let mut i = 0;
    while i < 6 {
        x = x.wrapping_mul(2u64.wrapping_sub(a.wrapping_mul(x)));
        i += 1;
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_checks_the_kind() {
        let c = IdCodec::new(0xDEAD_BEEF_1234);
        for id in [0, 1, 2, 77, 123_456, (1 << 35) - 1] {
            let s = c.encode(Kind::File, id);
            assert!(
                s.len() <= 7 && s.bytes().all(|b| b.is_ascii_alphanumeric()),
                "{s}"
            );
            assert_eq!(c.decode(Kind::File, &s), Some(id));
            assert_eq!(c.decode(Kind::User, &s), None);
        }
        assert_eq!(c.decode(Kind::File, "not-an-id"), None);
        assert_eq!(c.decode(Kind::File, ""), None);
    }
}
