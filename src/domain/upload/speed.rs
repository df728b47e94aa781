//! Upload speed and time left, from samples of the bytes sent: a sliding window, so that the number
//! follows the link's real speed without jumping with every progress event.

use std::collections::VecDeque;

/// The window the speed is averaged over (ms).
pub const WINDOW_MS: i64 = 5_000;

/// Samples of (time ms, total bytes sent).
#[derive(Debug, Clone, Default)]
pub struct SpeedMeter {
    samples: VecDeque<(i64, u64)>,
}

impl SpeedMeter {
    /// Records that `sent` bytes were sent in total at `now`.
    pub fn sample(&mut self, now: i64, sent: u64) {
        // Bytes can go back (a chunk aborted by a pause restarts): start over from here.
        if self.samples.back().is_some_and(|&(_, b)| sent < b) {
            self.samples.clear();
        }
        self.samples.push_back((now, sent));
        while self.samples.len() > 2
            && self
                .samples
                .front()
                .is_some_and(|&(t, _)| now - t > WINDOW_MS)
        {
            self.samples.pop_front();
        }
    }

    /// Forgets all samples (nothing is running).
    pub fn reset(&mut self) {
        self.samples.clear();
    }

    /// Bytes per second over the window; `None` until there are two samples 250 ms apart.
    pub fn bytes_per_sec(&self) -> Option<f64> {
        let (t0, b0) = *self.samples.front()?;
        let (t1, b1) = *self.samples.back()?;
        if t1 - t0 < 250 {
            return None;
        }
        Some((b1 - b0) as f64 * 1000.0 / (t1 - t0) as f64)
    }

    /// Seconds until `remaining` bytes are sent at the current speed.
    pub fn seconds_left(&self, remaining: u64) -> Option<u64> {
        let speed = self.bytes_per_sec()?;
        (speed > 0.0).then(|| (remaining as f64 / speed).ceil() as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speed_over_the_window() {
        let mut m = SpeedMeter::default();
        assert_eq!(m.bytes_per_sec(), None);
        m.sample(0, 0);
        m.sample(100, 100);
        assert_eq!(m.bytes_per_sec(), None);
        m.sample(1000, 1000);
        assert_eq!(m.bytes_per_sec(), Some(1000.0));
        assert_eq!(m.seconds_left(5000), Some(5));
    }

    #[test]
    fn old_samples_leave_the_window() {
        let mut m = SpeedMeter::default();
        m.sample(0, 0);
        m.sample(1000, 10_000_000);
        for t in 2..=8 {
            m.sample(t * 1000, 10_000_000 + (t as u64 - 1) * 1000);
        }
        // Only the slow last seconds count now.
        let speed = m.bytes_per_sec().unwrap();
        assert!(speed < 2000.0, "{speed}");
    }

    #[test]
    fn going_back_starts_over() {
        let mut m = SpeedMeter::default();
        m.sample(0, 0);
        m.sample(1000, 5000);
        m.sample(2000, 100);
        assert_eq!(m.bytes_per_sec(), None);
        assert_eq!(m.seconds_left(10), None);
    }
}
