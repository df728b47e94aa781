//! The lightbox's geometry: the size that fits a picture in the stage, zoom about a point, pan kept
//! inside the picture's edges, quarter-turn rotation, and what counts as a swipe. Plain numbers in
//! CSS pixels, so the rules are tested without a browser.

/// Smallest zoom: the picture fits the stage.
pub const MIN_ZOOM: f64 = 1.0;
/// Largest zoom, relative to the fitted size.
pub const MAX_ZOOM: f64 = 10.0;
/// One wheel notch or one `+`/`-` press.
pub const ZOOM_STEP: f64 = 1.25;
/// A double-click on a fitted picture zooms this far (or to 1:1 when that is closer than this).
pub const DOUBLE_CLICK_ZOOM: f64 = 2.5;

/// A width and a height.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Size {
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

impl Size {
    /// A size.
    pub fn new(w: f64, h: f64) -> Self {
        Size { w, h }
    }

    fn is_empty(self) -> bool {
        self.w <= 0.0 || self.h <= 0.0 || !self.w.is_finite() || !self.h.is_finite()
    }
}

/// How the picture is shown on top of its fitted size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    /// Zoom relative to the fitted size (1 = fits).
    pub zoom: f64,
    /// Pan from the centre, in CSS pixels.
    pub x: f64,
    /// Pan from the centre, in CSS pixels.
    pub y: f64,
    /// Clockwise quarter turns, 0..=3.
    pub turns: u8,
}

impl Default for View {
    fn default() -> Self {
        View {
            zoom: MIN_ZOOM,
            x: 0.0,
            y: 0.0,
            turns: 0,
        }
    }
}

impl View {
    /// Whether the picture is bigger than its fitted size.
    pub fn zoomed(&self) -> bool {
        self.zoom > MIN_ZOOM + 1e-6
    }

    /// The CSS `transform` of the picture element (centred in the stage before it applies).
    pub fn transform(&self) -> String {
        format!(
            "translate({:.1}px, {:.1}px) rotate({}deg) scale({:.4})",
            self.x,
            self.y,
            u32::from(self.turns) * 90,
            self.zoom
        )
    }
}

/// The element size that shows `natural` whole inside `stage` after `turns` quarter turns.
/// `upscale` false keeps small pictures at 1:1 (the original); a thumbnail is stretched to the
/// size the original will have, so the swap does not jump.
pub fn fit(natural: Size, stage: Size, turns: u8, upscale: bool) -> Size {
    if natural.is_empty() || stage.is_empty() {
        return Size::default();
    }
    let (rw, rh) = if turns % 2 == 1 {
        (natural.h, natural.w)
    } else {
        (natural.w, natural.h)
    };
    let mut scale = (stage.w / rw).min(stage.h / rh);
    if !upscale {
        scale = scale.min(1.0);
    }
    Size::new(natural.w * scale, natural.h * scale)
}

/// `view` with its pan kept so the picture (element size `shown`) never leaves a gap at an edge it
/// could cover; a picture smaller than the stage stays centred on that axis.
pub fn clamp(view: View, shown: Size, stage: Size) -> View {
    let zoom = view.zoom.clamp(MIN_ZOOM, MAX_ZOOM);
    let (bw, bh) = if view.turns % 2 == 1 {
        (shown.h * zoom, shown.w * zoom)
    } else {
        (shown.w * zoom, shown.h * zoom)
    };
    let max_x = ((bw - stage.w) / 2.0).max(0.0);
    let max_y = ((bh - stage.h) / 2.0).max(0.0);
    View {
        zoom,
        x: view.x.clamp(-max_x, max_x),
        y: view.y.clamp(-max_y, max_y),
        turns: view.turns % 4,
    }
}

/// Zooms by `factor` keeping the point `at` (from the stage centre) where it is on screen.
pub fn zoom_at(view: View, factor: f64, at: (f64, f64), shown: Size, stage: Size) -> View {
    let zoom = (view.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
    let k = zoom / view.zoom;
    let moved = View {
        zoom,
        x: at.0 - (at.0 - view.x) * k,
        y: at.1 - (at.1 - view.y) * k,
        ..view
    };
    clamp(moved, shown, stage)
}

/// A double-click or double-tap: back to fitted when zoomed, else zoomed in at `at` (to 1:1 when
/// the fitted picture is scaled down less than [`DOUBLE_CLICK_ZOOM`]).
pub fn toggle_zoom(view: View, at: (f64, f64), natural: Size, shown: Size, stage: Size) -> View {
    if view.zoomed() {
        return View {
            turns: view.turns,
            ..View::default()
        };
    }
    let one_to_one = if shown.w > 0.0 {
        natural.w / shown.w
    } else {
        DOUBLE_CLICK_ZOOM
    };
    let target = if one_to_one > 1.2 {
        one_to_one.min(DOUBLE_CLICK_ZOOM)
    } else {
        DOUBLE_CLICK_ZOOM
    };
    zoom_at(view, target / view.zoom, at, shown, stage)
}

/// Turns the picture a quarter clockwise, back to fitted and centred (the old pan means nothing
/// after a turn).
pub fn rotate(view: View) -> View {
    View {
        turns: (view.turns + 1) % 4,
        ..View::default()
    }
}

/// A horizontal swipe's direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swipe {
    /// Finger moved left: show the next picture.
    Next,
    /// Finger moved right: show the previous picture.
    Previous,
}

/// Minimum horizontal travel of a swipe, in CSS pixels.
const SWIPE_MIN: f64 = 50.0;
/// Longest a swipe may take; slower moves are drags.
const SWIPE_MAX_MS: f64 = 800.0;

/// Whether a touch that moved `(dx, dy)` in `ms` milliseconds is a swipe, and which way: mostly
/// horizontal, far enough and quick enough.
pub fn swipe(dx: f64, dy: f64, ms: f64) -> Option<Swipe> {
    if dx.abs() < SWIPE_MIN || dx.abs() < dy.abs() * 1.5 || ms > SWIPE_MAX_MS {
        return None;
    }
    Some(if dx < 0.0 {
        Swipe::Next
    } else {
        Swipe::Previous
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const STAGE: Size = Size {
        w: 1000.0,
        h: 800.0,
    };

    #[test]
    fn fit_scales_down_and_keeps_small_originals_at_one_to_one() {
        let big = fit(Size::new(4000.0, 3000.0), STAGE, 0, false);
        assert_eq!(big, Size::new(1000.0, 750.0));
        let small = fit(Size::new(200.0, 100.0), STAGE, 0, false);
        assert_eq!(small, Size::new(200.0, 100.0), "no upscaling of originals");
        let thumb = fit(Size::new(200.0, 100.0), STAGE, 0, true);
        assert_eq!(
            thumb,
            Size::new(1000.0, 500.0),
            "thumbnails stretch to the fit"
        );
    }

    #[test]
    fn fit_after_a_quarter_turn_uses_the_swapped_sides() {
        // 4000×3000 turned is 3000 wide and 4000 high: the height limits it.
        let s = fit(Size::new(4000.0, 3000.0), STAGE, 1, false);
        assert_eq!(s, Size::new(800.0, 600.0));
        assert_eq!(fit(Size::default(), STAGE, 0, false), Size::default());
        assert_eq!(
            fit(Size::new(10.0, 10.0), Size::new(0.0, 5.0), 0, false),
            Size::default()
        );
    }

    #[test]
    fn pan_is_clamped_to_the_edges_and_centred_when_smaller() {
        let shown = Size::new(1000.0, 750.0);
        let v = View {
            zoom: 2.0,
            x: 5000.0,
            y: -5000.0,
            turns: 0,
        };
        let c = clamp(v, shown, STAGE);
        // 2000×1500 in 1000×800: 500 px spare each side horizontally, 350 vertically.
        assert_eq!((c.x, c.y), (500.0, -350.0));
        let fitted = clamp(
            View {
                x: 30.0,
                ..View::default()
            },
            shown,
            STAGE,
        );
        assert_eq!(fitted.x, 0.0, "a fitted picture cannot be dragged");
        let too_far = clamp(
            View {
                zoom: 99.0,
                ..View::default()
            },
            shown,
            STAGE,
        );
        assert_eq!(too_far.zoom, MAX_ZOOM);
    }

    #[test]
    fn zoom_keeps_the_point_under_the_cursor() {
        let shown = Size::new(1000.0, 750.0);
        let v = zoom_at(View::default(), 2.0, (200.0, 100.0), shown, STAGE);
        assert_eq!(v.zoom, 2.0);
        // The picture point under (200, 100) was (200, 100) from its centre; at 2× it is at
        // 400 + x, so x = -200 keeps it under the cursor.
        assert_eq!((v.x, v.y), (-200.0, -100.0));
        let back = zoom_at(v, 0.1, (0.0, 0.0), shown, STAGE);
        assert_eq!(back, View::default(), "zooming out past fit re-centres");
    }

    #[test]
    fn double_click_toggles_between_fit_and_zoom() {
        let natural = Size::new(4000.0, 3000.0);
        let shown = Size::new(1000.0, 750.0);
        let z = toggle_zoom(View::default(), (0.0, 0.0), natural, shown, STAGE);
        assert_eq!(z.zoom, DOUBLE_CLICK_ZOOM);
        assert!(z.zoomed());
        let back = toggle_zoom(z, (0.0, 0.0), natural, shown, STAGE);
        assert_eq!(back, View::default());
        // 1500 wide shown at 1000: 1:1 is 1.5×, closer than 2.5×.
        let mid = toggle_zoom(
            View::default(),
            (0.0, 0.0),
            Size::new(1500.0, 1000.0),
            Size::new(1000.0, 666.0),
            STAGE,
        );
        assert_eq!(mid.zoom, 1.5);
    }

    #[test]
    fn rotation_cycles_and_resets_the_view() {
        let mut v = View {
            zoom: 3.0,
            x: 10.0,
            ..View::default()
        };
        for want in [1, 2, 3, 0] {
            v = rotate(v);
            assert_eq!(v.turns, want);
            assert!(!v.zoomed());
        }
        assert_eq!(
            View {
                turns: 1,
                ..View::default()
            }
            .transform(),
            "translate(0.0px, 0.0px) rotate(90deg) scale(1.0000)"
        );
    }

    #[test]
    fn swipes_are_quick_mostly_horizontal_moves() {
        assert_eq!(swipe(-120.0, 10.0, 200.0), Some(Swipe::Next));
        assert_eq!(swipe(120.0, -20.0, 300.0), Some(Swipe::Previous));
        assert_eq!(swipe(30.0, 0.0, 100.0), None, "too short");
        assert_eq!(swipe(100.0, 90.0, 100.0), None, "too diagonal");
        assert_eq!(swipe(-200.0, 0.0, 2000.0), None, "too slow");
    }
}
