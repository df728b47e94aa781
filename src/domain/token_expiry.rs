//! When to refresh the access token, and when a stored session is past saving.
//!
//! Like the official client we refresh ahead of expiry, 10 minutes early, but never more than half a
//! token's lifetime early, so short-lived tokens (tests, strict servers) are not refreshed on every call.

/// The most we refresh ahead of expiry.
pub const MAX_MARGIN_MS: i64 = 10 * 60 * 1000;

/// What to do with the stored tokens before a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenState {
    /// The access token is good for a while: use it.
    Fresh,
    /// The access token expires soon (or did): refresh first.
    RefreshNeeded,
    /// The refresh token is (nearly) expired too: the session is over.
    Dead,
}

/// How early to refresh a token issued at `issued_ms` that expires at `expires_ms`.
pub fn margin(issued_ms: i64, expires_ms: i64) -> i64 {
    ((expires_ms - issued_ms) / 2).clamp(0, MAX_MARGIN_MS)
}

/// Decides at `now_ms`, for tokens obtained at `obtained_ms`. Unparsable expiries are `None` and are
/// treated as already expired, so a malformed server answer cannot keep a dead session alive.
pub fn assess(
    now_ms: i64,
    obtained_ms: i64,
    access_expires_ms: Option<i64>,
    refresh_expires_ms: Option<i64>,
) -> TokenState {
    let Some(refresh_exp) = refresh_expires_ms else {
        return TokenState::Dead;
    };
    if refresh_exp - now_ms <= margin(obtained_ms, refresh_exp).min(MAX_MARGIN_MS) {
        return TokenState::Dead;
    }
    match access_expires_ms {
        Some(access_exp) if access_exp - now_ms > margin(obtained_ms, access_exp) => {
            TokenState::Fresh
        }
        _ => TokenState::RefreshNeeded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: i64 = 60_000;
    const HOUR: i64 = 60 * MIN;
    const DAY: i64 = 24 * HOUR;

    #[test]
    fn default_lifetimes_refresh_ten_minutes_early() {
        let t0 = 1_000_000;
        let (access, refresh) = (Some(t0 + HOUR), Some(t0 + 14 * DAY));
        assert_eq!(assess(t0, t0, access, refresh), TokenState::Fresh);
        assert_eq!(
            assess(t0 + 49 * MIN, t0, access, refresh),
            TokenState::Fresh
        );
        assert_eq!(
            assess(t0 + 50 * MIN, t0, access, refresh),
            TokenState::RefreshNeeded
        );
        assert_eq!(
            assess(t0 + 2 * HOUR, t0, access, refresh),
            TokenState::RefreshNeeded
        );
        assert_eq!(
            assess(t0 + 14 * DAY - 9 * MIN, t0, access, refresh),
            TokenState::Dead
        );
    }

    #[test]
    fn short_tokens_refresh_at_half_life() {
        let t0 = 0;
        let (access, refresh) = (Some(t0 + 4_000), Some(t0 + HOUR));
        assert_eq!(assess(t0 + 1_999, t0, access, refresh), TokenState::Fresh);
        assert_eq!(
            assess(t0 + 2_000, t0, access, refresh),
            TokenState::RefreshNeeded
        );
    }

    #[test]
    fn unparsable_expiries_never_count_as_fresh() {
        assert_eq!(assess(0, 0, None, Some(DAY)), TokenState::RefreshNeeded);
        assert_eq!(assess(0, 0, Some(HOUR), None), TokenState::Dead);
    }

    #[test]
    fn clocks_behind_the_issue_time_still_work() {
        // The browser clock may lag the server: obtained_ms is ours, expiries are the server's.
        assert_eq!(assess(0, 0, Some(HOUR), Some(DAY)), TokenState::Fresh);
        assert_eq!(margin(10, 5), 0);
    }
}
