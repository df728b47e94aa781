//! Tile arithmetic for the grid and gallery views: how many columns fit, how tall a row is, and
//! which items a visible band of rows holds. Tiles have exact sizes so positions are computed, not
//! measured, and the views stay virtualised like the list.

use super::visible_range::VisibleRange;

/// The measured shape of a tiled view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GridLayout {
    /// Tiles per row (at least 1).
    pub cols: usize,
    /// Width of one tile in px.
    pub tile_width: f64,
    /// Height of one row of tiles, gap included, in px.
    pub row_height: f64,
}

impl GridLayout {
    /// Fits tiles of at least `min_tile` px (plus `gap`) into `width`; a tile is `extra` px taller
    /// than wide when `square` is false (the name under a grid thumbnail), else exactly square.
    pub fn fit(width: f64, min_tile: f64, gap: f64, extra: f64) -> Self {
        let width = if width.is_finite() {
            width.max(0.0)
        } else {
            0.0
        };
        let min_tile = if min_tile.is_finite() {
            min_tile.max(16.0)
        } else {
            160.0
        };
        let gap = if gap.is_finite() { gap.max(0.0) } else { 0.0 };
        let cols = (((width + gap) / (min_tile + gap)).floor() as usize).max(1);
        let tile_width =
            ((width - gap * (cols as f64 - 1.0)) / cols as f64).max(min_tile.min(width).max(16.0));
        GridLayout {
            cols,
            tile_width,
            row_height: (tile_width + extra + gap).round(),
        }
    }

    /// Rows needed for `len` items.
    pub fn rows(&self, len: usize) -> usize {
        len.div_ceil(self.cols)
    }

    /// The rows to render for a viewport, as a row range.
    pub fn visible_rows(
        &self,
        scroll_top: f64,
        height: f64,
        len: usize,
        overscan: usize,
    ) -> VisibleRange {
        VisibleRange::compute(
            scroll_top,
            height,
            self.row_height,
            self.rows(len),
            overscan,
        )
    }

    /// The items held by a row range.
    pub fn items_of(&self, rows: VisibleRange, len: usize) -> std::ops::Range<usize> {
        (rows.start * self.cols).min(len)..(rows.end * self.cols).min(len)
    }
}

/// A rectangle in content coordinates (px from the top-left of the scrolled content).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Right edge.
    pub right: f64,
    /// Bottom edge.
    pub bottom: f64,
}

impl Rect {
    /// The rectangle spanned by two corners, in any order.
    pub fn spanning(a: (f64, f64), b: (f64, f64)) -> Self {
        Rect {
            left: a.0.min(b.0),
            top: a.1.min(b.1),
            right: a.0.max(b.0),
            bottom: a.1.max(b.1),
        }
    }
}

impl GridLayout {
    /// The items whose tiles intersect `r` (a rubber band), with tiles `gap` px apart. Computed from
    /// the layout, so it covers tiles scrolled out of the DOM too.
    pub fn items_in(&self, r: Rect, gap: f64, len: usize) -> Vec<usize> {
        if len == 0 || self.row_height <= 0.0 {
            return Vec::new();
        }
        let pitch = self.tile_width + gap;
        let tile_h = self.row_height - gap;
        let first_row = (r.top.max(0.0) / self.row_height).floor() as usize;
        let last_row = ((r.bottom.max(0.0) / self.row_height).floor() as usize)
            .min(self.rows(len).saturating_sub(1));
        let mut out = Vec::new();
        for row in first_row..=last_row {
            let y = row as f64 * self.row_height;
            if r.bottom < y || r.top > y + tile_h {
                continue;
            }
            for col in 0..self.cols {
                let x = col as f64 * pitch;
                let i = row * self.cols + col;
                if i < len && r.right >= x && r.left <= x + self.tile_width {
                    out.push(i);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fill_the_width() {
        let g = GridLayout::fit(990.0, 160.0, 8.0, 40.0);
        assert_eq!(g.cols, 5, "5×160 + 4×8 = 832 ≤ 990 < 6×160 + 5×8 = 1000");
        assert!((g.tile_width * 5.0 + 32.0 - 990.0).abs() < 0.01);
        assert_eq!(g.row_height, (g.tile_width + 48.0).round());
        let phone = GridLayout::fit(358.0, 160.0, 8.0, 40.0);
        assert_eq!(phone.cols, 2);
        let tiny = GridLayout::fit(100.0, 160.0, 8.0, 0.0);
        assert_eq!(tiny.cols, 1, "never zero columns");
    }

    #[test]
    fn rendered_items_are_bounded_by_the_viewport() {
        let g = GridLayout::fit(1200.0, 120.0, 8.0, 0.0);
        for len in [0, 7, 10_000, 100_000] {
            for top in [0.0, 5e3, 1e6, 1e9] {
                let rows = g.visible_rows(top, 900.0, len, 2);
                let items = g.items_of(rows, len);
                assert!(items.end <= len);
                assert!(
                    items.len() <= (900.0 / g.row_height).ceil() as usize * g.cols + 5 * g.cols
                );
            }
        }
    }

    #[test]
    fn a_rubber_band_selects_the_tiles_it_touches() {
        let g = GridLayout {
            cols: 4,
            tile_width: 100.0,
            row_height: 110.0,
        };
        // Covers columns 1-2 of rows 0-1.
        let r = Rect::spanning((250.0, 200.0), (120.0, 20.0));
        assert_eq!(g.items_in(r, 10.0, 100), vec![1, 2, 5, 6]);
        // Only the gap between two tiles: nothing.
        assert!(g
            .items_in(Rect::spanning((101.0, 5.0), (109.0, 50.0)), 10.0, 100)
            .is_empty());
        // Far below the last item.
        assert!(g
            .items_in(Rect::spanning((0.0, 5e6), (500.0, 6e6)), 10.0, 10)
            .is_empty());
        assert_eq!(
            g.items_in(Rect::spanning((0.0, 0.0), (1e4, 1e4)), 10.0, 6)
                .len(),
            6
        );
    }

    #[test]
    fn hostile_sizes_stay_sane() {
        let g = GridLayout::fit(f64::NAN, f64::INFINITY, -4.0, 0.0);
        assert!(g.cols >= 1 && g.row_height.is_finite());
        assert_eq!(g.rows(0), 0);
    }
}
