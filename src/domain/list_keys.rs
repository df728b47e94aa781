//! Where a key press moves the focus in a list or a grid of tiles, and how far to scroll to keep it
//! in view.

/// The item focused after pressing `key` on `len` items laid out `cols` per row (1 for the list)
/// with `page` rows per screen, or `None` when the key does not move the focus. Left and Right only
/// move in a grid; in a list they are left to the browser.
pub fn step(
    current: Option<usize>,
    key: &str,
    len: usize,
    page: usize,
    cols: usize,
) -> Option<usize> {
    if len == 0 {
        return None;
    }
    let last = len - 1;
    let cols = cols.max(1);
    let page = page.max(1) * cols;
    Some(match (key, current) {
        ("ArrowDown" | "ArrowRight", None) | ("Home", _) => 0,
        ("ArrowUp" | "ArrowLeft", None) | ("End", _) => last,
        ("ArrowDown", Some(i)) => (i + cols).min(last),
        ("ArrowUp", Some(i)) => i.saturating_sub(cols),
        ("ArrowRight", Some(i)) if cols > 1 => (i + 1).min(last),
        ("ArrowLeft", Some(i)) if cols > 1 => i.saturating_sub(1),
        ("PageDown", i) => (i.unwrap_or(0) + page).min(last),
        ("PageUp", i) => i.unwrap_or(0).saturating_sub(page),
        _ => return None,
    })
}

/// The scroll position that shows row `index` (rows of `row` px under a `header` px sticky header in a
/// viewport of `height` px), moving as little as possible from `scroll_top`.
pub fn scroll_to_show(index: usize, row: f64, header: f64, height: f64, scroll_top: f64) -> f64 {
    let top = index as f64 * row;
    let visible = (height - header).max(row);
    if top < scroll_top {
        top
    } else if top + row > scroll_top + visible {
        top + row - visible
    } else {
        scroll_top
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_move_within_bounds() {
        assert_eq!(step(None, "ArrowDown", 10, 5, 1), Some(0));
        assert_eq!(step(Some(3), "ArrowDown", 10, 5, 1), Some(4));
        assert_eq!(step(Some(9), "ArrowDown", 10, 5, 1), Some(9));
        assert_eq!(step(Some(0), "ArrowUp", 10, 5, 1), Some(0));
        assert_eq!(step(Some(4), "End", 10, 5, 1), Some(9));
        assert_eq!(step(Some(4), "Home", 10, 5, 1), Some(0));
        assert_eq!(step(Some(8), "PageDown", 10, 5, 1), Some(9));
        assert_eq!(step(Some(3), "PageUp", 10, 5, 1), Some(0));
        assert_eq!(step(Some(3), "a", 10, 5, 1), None);
        assert_eq!(step(None, "ArrowDown", 0, 5, 1), None);
        assert_eq!(
            step(Some(3), "ArrowLeft", 10, 5, 1),
            None,
            "left/right belong to the browser in a list"
        );
    }

    #[test]
    fn grid_keys_move_in_two_dimensions() {
        assert_eq!(step(Some(1), "ArrowDown", 10, 2, 4), Some(5));
        assert_eq!(
            step(Some(7), "ArrowDown", 10, 2, 4),
            Some(9),
            "a short last row clamps"
        );
        assert_eq!(step(Some(5), "ArrowUp", 10, 2, 4), Some(1));
        assert_eq!(step(Some(5), "ArrowRight", 10, 2, 4), Some(6));
        assert_eq!(step(Some(0), "ArrowLeft", 10, 2, 4), Some(0));
        assert_eq!(
            step(Some(0), "PageDown", 100, 2, 4),
            Some(8),
            "a page is rows × columns"
        );
    }

    #[test]
    fn scrolling_moves_only_as_far_as_needed() {
        assert_eq!(
            scroll_to_show(5, 40.0, 36.0, 436.0, 0.0),
            0.0,
            "already visible"
        );
        assert_eq!(
            scroll_to_show(20, 40.0, 36.0, 436.0, 0.0),
            440.0,
            "below: bring to the bottom edge"
        );
        assert_eq!(
            scroll_to_show(2, 40.0, 36.0, 436.0, 400.0),
            80.0,
            "above: bring to the top edge"
        );
    }
}
