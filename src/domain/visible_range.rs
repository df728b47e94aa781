//! Which rows of a fixed-row-height list are on screen, plus a margin: the heart of virtual scrolling.

/// The rows to render and the empty space above and below them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VisibleRange {
    /// First row to render.
    pub start: usize,
    /// One past the last row to render.
    pub end: usize,
}

impl VisibleRange {
    /// Rows on screen for a viewport of `height` px scrolled to `scroll_top` px, over `len` rows of
    /// `row_height` px, with `overscan` extra rows on each side. Never out of bounds, whatever the input.
    pub fn compute(
        scroll_top: f64,
        height: f64,
        row_height: f64,
        len: usize,
        overscan: usize,
    ) -> Self {
        if len == 0 || row_height <= 0.0 || !row_height.is_finite() {
            return VisibleRange { start: 0, end: 0 };
        }
        let top = if scroll_top.is_finite() {
            scroll_top.max(0.0)
        } else {
            0.0
        };
        let height = if height.is_finite() {
            height.max(0.0)
        } else {
            0.0
        };
        let first = ((top / row_height).floor() as usize).min(len);
        let last = (((top + height) / row_height).ceil() as usize).min(len);
        VisibleRange {
            start: first.saturating_sub(overscan),
            end: (last + overscan).min(len),
        }
    }

    /// Number of rows rendered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether nothing is rendered.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Pixels of empty space above the rendered rows.
    pub fn space_above(&self, row_height: f64) -> f64 {
        self.start as f64 * row_height
    }

    /// Pixels of empty space below the rendered rows.
    pub fn space_below(&self, row_height: f64, len: usize) -> f64 {
        len.saturating_sub(self.end) as f64 * row_height
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_the_screen_plus_overscan() {
        let r = VisibleRange::compute(0.0, 400.0, 40.0, 10_000, 5);
        assert_eq!(r, VisibleRange { start: 0, end: 15 });
        let r = VisibleRange::compute(4_000.0, 400.0, 40.0, 10_000, 5);
        assert_eq!(
            r,
            VisibleRange {
                start: 95,
                end: 115
            }
        );
        assert_eq!(r.space_above(40.0), 3_800.0);
        assert_eq!(r.space_below(40.0, 10_000), (10_000 - 115) as f64 * 40.0);
    }

    #[test]
    fn the_count_is_bounded_by_the_viewport_not_the_list() {
        for len in [10, 1_000, 100_000] {
            for top in [0.0, 1e3, 1e6, 1e9] {
                let r = VisibleRange::compute(top, 900.0, 40.0, len, 10);
                assert!(r.len() <= 900 / 40 + 2 + 20, "{len} {top} {r:?}");
                assert!(r.end <= len);
            }
        }
    }

    #[test]
    fn hostile_measurements_stay_in_bounds() {
        assert!(VisibleRange::compute(f64::NAN, f64::INFINITY, 40.0, 50, 5).end <= 50);
        assert!(VisibleRange::compute(-500.0, 300.0, 40.0, 50, 5).start == 0);
        assert!(VisibleRange::compute(0.0, 300.0, 0.0, 50, 5).is_empty());
        assert!(VisibleRange::compute(0.0, 300.0, 40.0, 0, 5).is_empty());
    }
}
