//! The search conditions of a Cloudreve search URI (file.md §2), built from the search form. Kept
//! apart from the form so the rules (and the server's quirks) are tested natively.

/// Sent as the upper size bound when only a lower one is given: CE applies both bounds whenever
/// either is present and counts a missing one as 0.
pub const NO_UPPER_SIZE: i64 = 1 << 50;

/// Only files, only folders, or both.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Kind {
    /// Files and folders.
    #[default]
    Any,
    /// Files only.
    Files,
    /// Folders only.
    Folders,
}

/// What the user asked for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchForm {
    /// Words that must all appear in the name.
    pub words: String,
    /// Match upper/lower case exactly.
    pub match_case: bool,
    /// Files, folders or both.
    pub kind: Kind,
    /// Smallest size in bytes.
    pub size_min: Option<i64>,
    /// Largest size in bytes.
    pub size_max: Option<i64>,
    /// Modified at or after (Unix seconds).
    pub updated_after: Option<i64>,
    /// Modified at or before (Unix seconds).
    pub updated_before: Option<i64>,
    /// Carries this tag.
    pub tag: String,
}

impl SearchForm {
    /// The URI query; empty when the form asks for nothing.
    pub fn query(&self) -> Vec<(String, String)> {
        let mut q = Vec::new();
        let mut push = |k: &str, v: String| q.push((k.to_string(), v));
        // Several `name` values are ANDed by the server: one per word.
        for word in self.words.split_whitespace() {
            push("name", word.to_string());
        }
        if !self.words.trim().is_empty() && !self.match_case {
            push("case_folding", String::new());
        }
        match self.kind {
            Kind::Any => {}
            Kind::Files => push("type", "file".into()),
            Kind::Folders => push("type", "folder".into()),
        }
        if self.size_min.is_some() || self.size_max.is_some() {
            push("size_gte", self.size_min.unwrap_or(0).max(0).to_string());
            push(
                "size_lte",
                self.size_max.unwrap_or(NO_UPPER_SIZE).max(0).to_string(),
            );
        }
        if let Some(t) = self.updated_after {
            push("updated_gte", t.to_string());
        }
        if let Some(t) = self.updated_before {
            push("updated_lte", t.to_string());
        }
        let tag = self.tag.trim();
        if !tag.is_empty() {
            push("meta_", format!("tag:{tag}"));
        }
        q
    }
}

/// Unix seconds of the start (`end` false) or end of a `YYYY-MM-DD` day in UTC.
pub fn day_bound(date: &str, end: bool) -> Option<i64> {
    let mut parts = date.trim().splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from the civil date (Howard Hinnant's algorithm).
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * m + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + if end { 86_399 } else { 0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(f: &SearchForm) -> Vec<(&str, &str)> {
        let v = f.query();
        let leaked: &'static [(String, String)] = Box::leak(v.into_boxed_slice());
        leaked
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect()
    }

    #[test]
    fn words_are_anded_and_case_folded_unless_asked() {
        let f = SearchForm {
            words: " trip  2024 ".into(),
            ..SearchForm::default()
        };
        assert_eq!(
            q(&f),
            [("name", "trip"), ("name", "2024"), ("case_folding", "")]
        );
        let f = SearchForm {
            words: "Trip".into(),
            match_case: true,
            ..SearchForm::default()
        };
        assert_eq!(q(&f), [("name", "Trip")]);
        assert!(SearchForm::default().query().is_empty());
    }

    #[test]
    fn both_size_bounds_are_always_sent() {
        let f = SearchForm {
            size_min: Some(1_048_576),
            ..SearchForm::default()
        };
        assert_eq!(
            q(&f),
            [("size_gte", "1048576"), ("size_lte", "1125899906842624")]
        );
        let f = SearchForm {
            size_max: Some(10),
            kind: Kind::Files,
            ..SearchForm::default()
        };
        assert_eq!(
            q(&f),
            [("type", "file"), ("size_gte", "0"), ("size_lte", "10")]
        );
    }

    #[test]
    fn dates_and_tags() {
        assert_eq!(day_bound("1970-01-01", false), Some(0));
        assert_eq!(day_bound("2024-02-29", false), Some(1_709_164_800));
        assert_eq!(day_bound("2024-02-29", true), Some(1_709_164_800 + 86_399));
        assert_eq!(day_bound("2024-13-01", false), None);
        assert_eq!(day_bound("soon", false), None);
        let f = SearchForm {
            tag: " work ".into(),
            updated_after: Some(5),
            ..SearchForm::default()
        };
        assert_eq!(q(&f), [("updated_gte", "5"), ("meta_", "tag:work")]);
    }
}
