//! Moving to the next or previous item of one kind (pictures in the lightbox, tracks in a
//! playlist) through a folder that may not be fully loaded: the answer can be "load the next page
//! and ask again".

/// Where a step leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The item at this index of the loaded list.
    To(usize),
    /// No match among the loaded items after the current one, but the folder has more pages:
    /// load the next and ask again.
    LoadMore,
    /// Nothing further that way.
    Stay,
}

/// The next (`forward`) or previous item after `current` for which `matches` holds, among the
/// `len` loaded items. `has_more` says whether pages after the loaded ones exist (only forward
/// steps can need them: pages load in order).
pub fn step(
    len: usize,
    current: usize,
    forward: bool,
    has_more: bool,
    matches: impl Fn(usize) -> bool,
) -> Step {
    let found = if forward {
        (current + 1..len).find(|&i| matches(i))
    } else {
        (0..current.min(len)).rev().find(|&i| matches(i))
    };
    match found {
        Some(i) => Step::To(i),
        None if forward && has_more => Step::LoadMore,
        None => Step::Stay,
    }
}

/// The 1-based position of `current` among the matching items, and how many match.
pub fn position(len: usize, current: usize, matches: impl Fn(usize) -> bool) -> (usize, usize) {
    let mut before = 0;
    let mut total = 0;
    for i in 0..len {
        if matches(i) {
            total += 1;
            if i < current {
                before += 1;
            }
        }
    }
    (before + 1, total)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Items: 0 txt, 1 img, 2 txt, 3 img, 4 txt.
    const IMG: [bool; 5] = [false, true, false, true, false];

    fn img(i: usize) -> bool {
        IMG[i]
    }

    #[test]
    fn steps_skip_items_of_other_kinds() {
        assert_eq!(step(5, 1, true, false, img), Step::To(3));
        assert_eq!(step(5, 3, false, false, img), Step::To(1));
        assert_eq!(
            step(5, 1, false, true, img),
            Step::Stay,
            "no earlier picture"
        );
    }

    #[test]
    fn the_last_loaded_match_asks_for_the_next_page_when_there_is_one() {
        assert_eq!(step(5, 3, true, true, img), Step::LoadMore);
        assert_eq!(step(5, 3, true, false, img), Step::Stay);
        assert_eq!(step(0, 0, true, true, img), Step::LoadMore);
    }

    #[test]
    fn position_counts_matches_only() {
        assert_eq!(position(5, 3, img), (2, 2));
        assert_eq!(position(5, 1, img), (1, 2));
    }
}
