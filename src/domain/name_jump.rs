//! Type-to-jump: letters typed in quick succession find the next item whose name starts with them.

/// Typed letters older than this start a new search.
pub const RESET_MS: f64 = 900.0;

/// The typed prefix and when it was last extended.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NameJump {
    typed: String,
    last_at: f64,
}

impl NameJump {
    /// Adds a typed character at time `now_ms`, returning the prefix to look for.
    pub fn push(&mut self, ch: char, now_ms: f64) -> &str {
        if now_ms - self.last_at > RESET_MS {
            self.typed.clear();
        }
        self.last_at = now_ms;
        self.typed.extend(ch.to_lowercase());
        &self.typed
    }
}

/// The first name at or after `from` (wrapping) that starts with `prefix`, case-insensitively. A
/// single repeated letter cycles through the names with that initial, as in desktop file managers.
pub fn find<S: AsRef<str>>(names: &[S], from: usize, prefix: &str) -> Option<usize> {
    if names.is_empty() || prefix.is_empty() {
        return None;
    }
    let mut chars = prefix.chars();
    let first = chars.next()?;
    let cycling = prefix.chars().count() > 1 && chars.all(|c| c == first);
    let (needle, start) = if cycling || prefix.chars().count() == 1 {
        (first.to_string(), from + 1)
    } else {
        (prefix.to_string(), from)
    };
    let n = names.len();
    (0..n)
        .map(|k| (start + k) % n)
        .find(|&i| names[i].as_ref().to_lowercase().starts_with(&needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: [&str; 5] = ["Alpha", "beta", "Bravo", "charlie", "bingo"];

    #[test]
    fn prefixes_grow_while_typing_fast_and_reset_after_a_pause() {
        let mut j = NameJump::default();
        assert_eq!(j.push('B', 1000.0), "b");
        assert_eq!(j.push('r', 1200.0), "br");
        assert_eq!(j.push('c', 3000.0), "c");
    }

    #[test]
    fn finds_the_next_match_and_cycles_on_one_letter() {
        assert_eq!(find(&NAMES, 0, "br"), Some(2));
        assert_eq!(find(&NAMES, 0, "b"), Some(1));
        assert_eq!(find(&NAMES, 1, "b"), Some(2), "the same letter moves on");
        assert_eq!(
            find(&NAMES, 4, "bb"),
            Some(1),
            "a repeated letter cycles and wraps"
        );
        assert_eq!(find(&NAMES, 0, "zz"), None);
        assert_eq!(find::<&str>(&[], 0, "a"), None);
    }
}
