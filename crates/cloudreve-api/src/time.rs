//! RFC 3339 timestamps as the server sends them, kept verbatim (offset and nanoseconds included).

use serde::{Deserialize, Deserializer, Serialize};

/// A wire timestamp such as `2025-05-24T11:02:43.086056909+08:00`. The original text is kept so that
/// re-encoding is lossless; [`Timestamp::unix_millis`] interprets it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Timestamp(pub String);

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Timestamp(
            Option::<String>::deserialize(d)?.unwrap_or_default(),
        ))
    }
}

/// Go's zero time, sent for "never" (e.g. the anonymous user's `created_at`).
pub const ZERO_TIME: &str = "0001-01-01T00:00:00Z";

impl Timestamp {
    /// Milliseconds since the Unix epoch, or `None` when the text is not RFC 3339.
    pub fn unix_millis(&self) -> Option<i64> {
        parse_rfc3339_millis(&self.0)
    }

    /// Whether this is Go's zero time or empty.
    pub fn is_zero(&self) -> bool {
        self.0.is_empty() || self.0 == ZERO_TIME
    }

    /// Formats Unix milliseconds as UTC RFC 3339 (`Z`), with milliseconds when non-zero.
    pub fn from_unix_millis(ms: i64) -> Self {
        let secs = ms.div_euclid(1000);
        let frac = ms.rem_euclid(1000);
        let (days, sod) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
        let (y, m, d) = civil_from_days(days);
        let (hh, mm, ss) = (sod / 3600, sod % 3600 / 60, sod % 60);
        let frac = if frac == 0 {
            String::new()
        } else {
            format!(".{frac:03}")
        };
        Timestamp(format!(
            "{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}{frac}Z"
        ))
    }
}

fn num(s: &str) -> Option<i64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Parses `YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|±HH:MM)` into Unix milliseconds.
fn parse_rfc3339_millis(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't' | b' ')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let (y, mo, d) = (num(s.get(0..4)?)?, num(s.get(5..7)?)?, num(s.get(8..10)?)?);
    let (h, mi, se) = (
        num(s.get(11..13)?)?,
        num(s.get(14..16)?)?,
        num(s.get(17..19)?)?,
    );
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || se > 60 {
        return None;
    }
    let mut rest = s.get(19..)?;
    let mut millis = 0;
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 9 {
            return None;
        }
        let first3 = format!("{:0<3}", &frac[..digits.min(3)]);
        millis = num(&first3)?;
        rest = &frac[digits..];
    }
    let offset_secs = match rest {
        "Z" | "z" => 0,
        _ if rest.len() == 6 && rest.as_bytes()[3] == b':' => {
            let sign = match rest.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            sign * (num(&rest[1..3])? * 3600 + num(&rest[4..6])? * 60)
        }
        _ => return None,
    };
    let days = days_from_civil(y, mo, d);
    Some(((days * 86_400 + h * 3600 + mi * 60 + se) - offset_secs) * 1000 + millis)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day count since 1970-01-01 (inverse of [`days_from_civil`]).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(s: &str) -> Option<i64> {
        Timestamp(s.into()).unix_millis()
    }

    #[test]
    fn parses_offsets_and_nanoseconds() {
        assert_eq!(ms("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(ms("2025-05-24T10:55:22+08:00"), Some(1_748_055_322_000));
        assert_eq!(
            ms("2025-05-24T11:02:43.086056909+08:00"),
            Some(1_748_055_763_086)
        );
        assert_eq!(
            ms("2025-04-26T15:58:28.456762+08:00"),
            Some(1_745_654_308_456)
        );
        assert_eq!(ms("0001-01-01T00:00:00Z"), Some(-62_135_596_800_000));
    }

    #[test]
    fn rejects_malformed_text() {
        for s in [
            "",
            "yesterday",
            "2025-13-01T00:00:00Z",
            "2025-05-24T10:55:22",
            "2025-05-24T10:55:22+0800",
            "2025-05-24T10:55:22.Z",
        ] {
            assert_eq!(ms(s), None, "{s}");
        }
    }

    #[test]
    fn formats_and_parses_back() {
        for t in [0, 1_748_055_763_086, 1_745_654_308_000, -1] {
            assert_eq!(Timestamp::from_unix_millis(t).unix_millis(), Some(t));
        }
        assert_eq!(Timestamp::from_unix_millis(0).0, "1970-01-01T00:00:00Z");
    }

    #[test]
    fn null_decodes_to_empty() {
        let t: Timestamp = serde_json::from_str("null").unwrap();
        assert!(t.is_zero());
    }
}
