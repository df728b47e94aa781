//! Where to resume a video or a song: positions kept per file version, restored only when they
//! matter (past the first seconds, not at the very end), written at most every few seconds, and
//! a bounded list so storage never grows without end.

/// Positions up to this many seconds in are not worth restoring.
pub const MIN_RESUME_S: f64 = 5.0;
/// Positions this close to the end count as finished.
pub const END_MARGIN_S: f64 = 5.0;
/// Playing writes the position at most this often.
pub const SAVE_EVERY_MS: f64 = 3_000.0;
/// Files remembered; the oldest is forgotten first.
pub const MAX_ENTRIES: usize = 100;

/// The storage key of a file version: `<file id>/<entity id>` (a new version starts over).
pub fn key(file_id: &str, entity: &str) -> String {
    format!("{file_id}/{entity}")
}

/// Where playback of a `duration`-second file should start, given the `saved` position.
pub fn restore_at(saved: Option<f64>, duration: f64) -> Option<f64> {
    let at = saved?;
    let known_end = duration.is_finite() && duration > 0.0;
    let near_end = known_end && at >= duration - END_MARGIN_S;
    (at.is_finite() && at > MIN_RESUME_S && !near_end).then_some(at)
}

/// Whether a `timeupdate` at `now_ms` should be written, the last write being at `last_ms`.
pub fn due(last_ms: Option<f64>, now_ms: f64) -> bool {
    last_ms.is_none_or(|l| now_ms - l >= SAVE_EVERY_MS)
}

/// Parses the stored list: `key=seconds` entries joined by `;`, oldest first.
pub fn parse(stored: &str) -> Vec<(String, f64)> {
    stored
        .split(';')
        .filter_map(|e| {
            let (k, v) = e.rsplit_once('=')?;
            let v: f64 = v.parse().ok()?;
            (!k.is_empty() && v.is_finite()).then(|| (k.to_string(), v))
        })
        .collect()
}

/// The stored list after setting `key` to `at` (`None` forgets it), newest last, at most
/// [`MAX_ENTRIES`] long.
pub fn update(stored: &str, key: &str, at: Option<f64>) -> String {
    let mut all = parse(stored);
    all.retain(|(k, _)| k != key);
    if let Some(at) = at {
        all.push((key.to_string(), at));
    }
    let skip = all.len().saturating_sub(MAX_ENTRIES);
    all.iter()
        .skip(skip)
        .map(|(k, v)| format!("{k}={v:.1}"))
        .collect::<Vec<_>>()
        .join(";")
}

/// The saved position of `key` in the stored list.
pub fn lookup(stored: &str, key: &str) -> Option<f64> {
    parse(stored)
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_meaningful_positions_are_restored() {
        assert_eq!(restore_at(Some(42.0), 600.0), Some(42.0));
        assert_eq!(restore_at(Some(4.0), 600.0), None, "the first seconds");
        assert_eq!(restore_at(Some(597.0), 600.0), None, "near the end");
        assert_eq!(restore_at(None, 600.0), None);
        assert_eq!(
            restore_at(Some(42.0), f64::INFINITY),
            Some(42.0),
            "a stream of unknown length"
        );
    }

    #[test]
    fn writes_are_throttled() {
        assert!(due(None, 10.0));
        assert!(!due(Some(1_000.0), 2_000.0));
        assert!(due(Some(1_000.0), 4_000.0));
    }

    #[test]
    fn the_list_updates_forgets_and_stays_bounded() {
        let k = key("f1", "e1");
        let s = update("", &k, Some(12.34));
        assert_eq!(s, "f1/e1=12.3");
        assert_eq!(lookup(&s, &k), Some(12.3));
        let s = update(&s, "f2/e2", Some(50.0));
        let s = update(&s, &k, Some(20.0));
        assert_eq!(s, "f2/e2=50.0;f1/e1=20.0", "the newest goes last");
        assert_eq!(lookup(&update(&s, &k, None), &k), None);
        let mut many = String::new();
        for i in 0..(MAX_ENTRIES + 5) {
            many = update(&many, &format!("f{i}/e"), Some(10.0));
        }
        assert_eq!(parse(&many).len(), MAX_ENTRIES);
        assert_eq!(lookup(&many, "f0/e"), None, "the oldest went first");
        assert_eq!(parse("garbage;a=1;=2;b=x"), vec![("a".to_string(), 1.0)]);
    }
}
