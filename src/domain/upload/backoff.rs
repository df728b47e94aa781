//! Retry delays: exponential back-off with jitter, so that many chunks failing together (a server
//! restart) do not all come back in the same instant.

/// First retry after about this long.
pub const BASE_MS: f64 = 1_000.0;
/// No retry waits longer than this.
pub const CAP_MS: f64 = 30_000.0;

/// Delay before retry number `attempt` (1 = first retry): `BASE * 2^(attempt-1)`, capped, then
/// scaled by a jitter factor in `[0.5, 1.5)` taken from `unit` (a uniform number in `[0, 1)`).
pub fn delay_ms(attempt: u32, unit: f64) -> i64 {
    let exp = BASE_MS * 2f64.powi(attempt.saturating_sub(1).min(16) as i32);
    let jitter = 0.5 + unit.clamp(0.0, 1.0);
    (exp.min(CAP_MS) * jitter) as i64
}

/// A small deterministic random source (xorshift64*), seeded by the caller: the browser seeds it from
/// `Math.random`, tests from a constant.
#[derive(Debug, Clone)]
pub struct Jitter(u64);

impl Jitter {
    /// A source from `seed` (0 is replaced, xorshift needs a non-zero state).
    pub fn new(seed: u64) -> Self {
        Jitter(if seed == 0 {
            0x9E37_79B9_7F4A_7C15
        } else {
            seed
        })
    }

    /// The next uniform number in `[0, 1)`.
    pub fn next_unit(&mut self) -> f64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_per_attempt_within_the_jitter_band() {
        for attempt in 1..=4u32 {
            let nominal = 1000 * 2i64.pow(attempt - 1);
            assert_eq!(delay_ms(attempt, 0.0), nominal / 2);
            assert_eq!(delay_ms(attempt, 0.5), nominal);
            assert!(delay_ms(attempt, 0.999) < nominal * 3 / 2);
        }
    }

    #[test]
    fn is_capped() {
        assert_eq!(delay_ms(40, 0.5), 30_000);
    }

    #[test]
    fn jitter_is_uniform_enough_and_deterministic() {
        let mut a = Jitter::new(7);
        let mut b = Jitter::new(7);
        let xs: Vec<f64> = (0..1000).map(|_| a.next_unit()).collect();
        assert!(xs.iter().all(|x| (0.0..1.0).contains(x)));
        assert_eq!(xs[0], b.next_unit());
        let low = xs.iter().filter(|x| **x < 0.5).count();
        assert!((400..600).contains(&low), "{low}");
    }
}
