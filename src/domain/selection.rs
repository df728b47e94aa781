//! Which items are selected, and how clicks, modifier keys and "select all" change that.
//!
//! Items are identified by id (stable across pages and reloads); the anchor is the position of the
//! last plain or Ctrl click, the fixed end of a Shift range, as in every desktop file manager.

use std::collections::HashSet;

/// How a click was modified.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Modifiers {
    /// Ctrl on Linux/Windows, Cmd on macOS: toggle one item.
    pub toggle: bool,
    /// Shift: select the range from the anchor.
    pub range: bool,
}

/// The selected items of one folder view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    ids: HashSet<String>,
    anchor: Option<usize>,
}

impl Selection {
    /// Whether the item with `id` is selected.
    pub fn contains(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// How many items are selected.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether nothing is selected.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The anchor of the next Shift range.
    pub fn anchor(&self) -> Option<usize> {
        self.anchor
    }

    /// Applies a click on item `index` of `ids` (the items in display order).
    pub fn click<S: AsRef<str>>(&mut self, index: usize, ids: &[S], mods: Modifiers) {
        let Some(id) = ids.get(index).map(AsRef::as_ref) else {
            return;
        };
        match (mods.range, mods.toggle) {
            (true, add) => {
                let anchor = self.anchor.filter(|a| *a < ids.len()).unwrap_or(index);
                let (lo, hi) = (anchor.min(index), anchor.max(index));
                if !add {
                    self.ids.clear();
                }
                self.ids
                    .extend(ids[lo..=hi].iter().map(|s| s.as_ref().to_string()));
                self.anchor = Some(anchor);
            }
            (false, true) => {
                if !self.ids.remove(id) {
                    self.ids.insert(id.to_string());
                }
                self.anchor = Some(index);
            }
            (false, false) => self.select_only(index, id),
        }
    }

    /// Selects exactly one item.
    pub fn select_only(&mut self, index: usize, id: &str) {
        self.ids.clear();
        self.ids.insert(id.to_string());
        self.anchor = Some(index);
    }

    /// Selects every item of `ids`.
    pub fn select_all<S: AsRef<str>>(&mut self, ids: &[S]) {
        self.ids = ids.iter().map(|s| s.as_ref().to_string()).collect();
    }

    /// Adds items to the selection (a rubber band with a modifier held).
    pub fn add<S: AsRef<str>>(&mut self, ids: &[S]) {
        self.ids.extend(ids.iter().map(|s| s.as_ref().to_string()));
    }

    /// Selects exactly the items of `ids` that were not selected.
    pub fn invert<S: AsRef<str>>(&mut self, ids: &[S]) {
        let next = ids
            .iter()
            .map(AsRef::as_ref)
            .filter(|id| !self.ids.contains(*id))
            .map(str::to_string)
            .collect();
        self.ids = next;
        self.anchor = None;
    }

    /// Selects nothing.
    pub fn clear(&mut self) {
        self.ids.clear();
        self.anchor = None;
    }

    /// Forgets selected ids that are no longer listed (after a delete or a move).
    pub fn retain_listed<S: AsRef<str>>(&mut self, ids: &[S]) {
        let listed: HashSet<&str> = ids.iter().map(AsRef::as_ref).collect();
        self.ids.retain(|id| listed.contains(id.as_str()));
        if self.anchor.is_some_and(|a| a >= ids.len()) {
            self.anchor = None;
        }
    }

    /// The selected items of `items`, in display order.
    pub fn pick<'a, T>(&self, items: &'a [T], id: impl Fn(&T) -> &str) -> Vec<&'a T> {
        items.iter().filter(|t| self.ids.contains(id(t))).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const IDS: [&str; 6] = ["a", "b", "c", "d", "e", "f"];
    const PLAIN: Modifiers = Modifiers {
        toggle: false,
        range: false,
    };
    const CTRL: Modifiers = Modifiers {
        toggle: true,
        range: false,
    };
    const SHIFT: Modifiers = Modifiers {
        toggle: false,
        range: true,
    };

    fn selected(s: &Selection) -> Vec<&'static str> {
        IDS.iter().copied().filter(|id| s.contains(id)).collect()
    }

    #[test]
    fn plain_click_selects_one_and_ctrl_toggles() {
        let mut s = Selection::default();
        s.click(1, &IDS, PLAIN);
        s.click(3, &IDS, CTRL);
        assert_eq!(selected(&s), ["b", "d"]);
        s.click(1, &IDS, CTRL);
        assert_eq!(selected(&s), ["d"]);
        s.click(4, &IDS, PLAIN);
        assert_eq!(selected(&s), ["e"]);
    }

    #[test]
    fn shift_selects_a_range_from_the_anchor_both_ways() {
        let mut s = Selection::default();
        s.click(2, &IDS, PLAIN);
        s.click(4, &IDS, SHIFT);
        assert_eq!(selected(&s), ["c", "d", "e"]);
        s.click(0, &IDS, SHIFT);
        assert_eq!(selected(&s), ["a", "b", "c"], "the anchor stays at c");
        s.click(5, &IDS, CTRL);
        s.click(
            4,
            &IDS,
            Modifiers {
                toggle: true,
                range: true,
            },
        );
        assert_eq!(
            selected(&s),
            ["a", "b", "c", "e", "f"],
            "ctrl+shift adds a range"
        );
    }

    #[test]
    fn shift_without_anchor_selects_the_clicked_item() {
        let mut s = Selection::default();
        s.click(3, &IDS, SHIFT);
        assert_eq!(selected(&s), ["d"]);
    }

    #[test]
    fn all_invert_clear_and_retain() {
        let mut s = Selection::default();
        s.select_all(&IDS);
        assert_eq!(s.len(), 6);
        s.click(0, &IDS, CTRL);
        s.invert(&IDS);
        assert_eq!(selected(&s), ["a"]);
        s.select_all(&IDS);
        s.retain_listed(&["b", "z"]);
        assert_eq!(selected(&s), ["b"]);
        s.clear();
        assert!(s.is_empty());
    }

    #[test]
    fn out_of_range_clicks_change_nothing() {
        let mut s = Selection::default();
        s.click(1, &IDS, PLAIN);
        s.click(99, &IDS, PLAIN);
        assert_eq!(selected(&s), ["b"]);
    }
}
