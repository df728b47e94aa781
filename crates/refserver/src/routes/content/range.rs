//! The one `Range: bytes=...` form the content route honours: a single range (RFC 9110 §14.2).

/// What to send for a `Range` header on a body of `len` bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    /// The whole body (no header, or one we may ignore: malformed or several ranges).
    Full,
    /// Bytes `start..=end`.
    Part {
        /// First byte.
        start: u64,
        /// Last byte (inclusive).
        end: u64,
    },
    /// No byte of the body is in the range: answer 416.
    Unsatisfiable,
}

/// Reads `header` against a body of `len` bytes.
pub fn parse(header: Option<&str>, len: u64) -> Span {
    let Some(spec) = header.and_then(|h| h.trim().strip_prefix("bytes=")) else {
        return Span::Full;
    };
    // Multipart answers are optional (RFC 9110 §14.2): several ranges get the whole body.
    if spec.contains(',') {
        return Span::Full;
    }
    let Some((first, last)) = spec.trim().split_once('-') else {
        return Span::Full;
    };
    let number = |s: &str| s.trim().parse::<u64>().ok();
    match (first.trim().is_empty(), number(first), number(last)) {
        // `-n`: the last n bytes.
        (true, _, Some(n)) => {
            if n == 0 || len == 0 {
                Span::Unsatisfiable
            } else {
                Span::Part {
                    start: len.saturating_sub(n),
                    end: len - 1,
                }
            }
        }
        (false, Some(start), end) if last.trim().is_empty() || end.is_some_and(|e| e >= start) => {
            if start >= len {
                return Span::Unsatisfiable;
            }
            let end = end.map_or(len - 1, |e| e.min(len - 1));
            Span::Part { start, end }
        }
        _ => Span::Full,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_ranges() {
        let part = |start, end| Span::Part { start, end };
        assert_eq!(parse(None, 10), Span::Full);
        assert_eq!(parse(Some("bytes=0-3"), 10), part(0, 3));
        assert_eq!(parse(Some("bytes=4-"), 10), part(4, 9));
        assert_eq!(parse(Some("bytes=4-100"), 10), part(4, 9));
        assert_eq!(parse(Some("bytes=-3"), 10), part(7, 9));
        assert_eq!(parse(Some("bytes=-30"), 10), part(0, 9));
        assert_eq!(parse(Some("bytes=10-"), 10), Span::Unsatisfiable);
        assert_eq!(parse(Some("bytes=-0"), 10), Span::Unsatisfiable);
        assert_eq!(parse(Some("bytes=0-"), 0), Span::Unsatisfiable);
        assert_eq!(parse(Some("bytes=-5"), 0), Span::Unsatisfiable);
    }

    #[test]
    fn what_is_ignored() {
        for h in [
            "items=0-3",
            "bytes=5-2",
            "bytes=a-b",
            "bytes=0-1,4-5",
            "bytes=",
            "bytes=-",
            "bytes=3",
        ] {
            assert_eq!(parse(Some(h), 10), Span::Full, "{h}");
        }
    }
}
