//! Pure rules of the activity feed (file.md §List file activities): which events change a file and
//! which only read it, the sentence each category becomes, and "3 minutes ago".
//!
//! A sentence is a template with `{slots}`: the view fills `{actor}` with the person, `{file}`,
//! `{from}` and `{to}` with links, and `{old}`/`{new}` with names; [`parts`] splits it for that.

/// The feed's filter (`filter` query value).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    /// Everything.
    All,
    /// What I did.
    Mine,
    /// Events that changed something.
    Updates,
    /// Views and downloads.
    Reads,
}

impl Filter {
    /// Every filter, in menu order.
    pub const ALL: [Filter; 4] = [Filter::All, Filter::Mine, Filter::Updates, Filter::Reads];

    /// The `filter` query value (`None` for all).
    pub fn query(self) -> Option<&'static str> {
        match self {
            Filter::All => None,
            Filter::Mine => Some("my"),
            Filter::Updates => Some("updates"),
            Filter::Reads => Some("reads"),
        }
    }

    /// The filter a query value names (unknown values show everything).
    pub fn from_query(value: &str) -> Filter {
        Filter::ALL
            .into_iter()
            .find(|f| f.query() == Some(value))
            .unwrap_or(Filter::All)
    }
}

/// Categories that only read (file.md §Activity categories): downloads, share visits, thumbnails.
pub const READ_CATEGORIES: [i32; 3] = [11, 18, 21];

/// Whether `category` is a read (else an update).
pub fn is_read(category: i32) -> bool {
    READ_CATEGORIES.contains(&category)
}

/// What a category says, as a template key of the i18n table (see [`sentence_of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sentence {
    /// 7.
    Created,
    /// 8.
    Renamed,
    /// 9.
    Permissions,
    /// 10.
    Uploaded,
    /// 11.
    Downloaded,
    /// 12 and 13 (both carry `from` and `to`, whichever side recorded them).
    Copied,
    /// 14.
    Moved,
    /// 15.
    Deleted,
    /// 16.
    Trashed,
    /// 17.
    Shared,
    /// 18.
    ShareViewed,
    /// 19.
    VersionRestored,
    /// 20.
    VersionDeleted,
    /// 21.
    Thumbnail,
    /// 22.
    LivePhoto,
    /// 23.
    Metadata,
    /// 24.
    ShareEdited,
    /// 25.
    ShareDeleted,
    /// 26.
    Mounted,
    /// 27.
    Relocated,
    /// 28.
    Archived,
    /// 29.
    Extracted,
    /// 43.
    DirectLink,
    /// 55.
    Imported,
    /// 56.
    ViewChanged,
    /// 57.
    DirectLinkDeleted,
    /// Anything else (the list grows in newer servers): shown with its code.
    Other,
}

impl Sentence {
    /// Every sentence.
    pub const ALL: [Sentence; 27] = [
        Sentence::Created,
        Sentence::Renamed,
        Sentence::Permissions,
        Sentence::Uploaded,
        Sentence::Downloaded,
        Sentence::Copied,
        Sentence::Moved,
        Sentence::Deleted,
        Sentence::Trashed,
        Sentence::Shared,
        Sentence::ShareViewed,
        Sentence::VersionRestored,
        Sentence::VersionDeleted,
        Sentence::Thumbnail,
        Sentence::LivePhoto,
        Sentence::Metadata,
        Sentence::ShareEdited,
        Sentence::ShareDeleted,
        Sentence::Mounted,
        Sentence::Relocated,
        Sentence::Archived,
        Sentence::Extracted,
        Sentence::DirectLink,
        Sentence::Imported,
        Sentence::ViewChanged,
        Sentence::DirectLinkDeleted,
        Sentence::Other,
    ];
}

/// The slots a sentence template may use.
pub const SLOTS: [&str; 7] = ["actor", "file", "from", "to", "old", "new", "code"];

/// The sentence of `category`.
pub fn sentence_of(category: i32) -> Sentence {
    match category {
        7 => Sentence::Created,
        8 => Sentence::Renamed,
        9 => Sentence::Permissions,
        10 => Sentence::Uploaded,
        11 => Sentence::Downloaded,
        12 | 13 => Sentence::Copied,
        14 => Sentence::Moved,
        15 => Sentence::Deleted,
        16 => Sentence::Trashed,
        17 => Sentence::Shared,
        18 => Sentence::ShareViewed,
        19 => Sentence::VersionRestored,
        20 => Sentence::VersionDeleted,
        21 => Sentence::Thumbnail,
        22 => Sentence::LivePhoto,
        23 => Sentence::Metadata,
        24 => Sentence::ShareEdited,
        25 => Sentence::ShareDeleted,
        26 => Sentence::Mounted,
        27 => Sentence::Relocated,
        28 => Sentence::Archived,
        29 => Sentence::Extracted,
        43 => Sentence::DirectLink,
        55 => Sentence::Imported,
        56 => Sentence::ViewChanged,
        57 => Sentence::DirectLinkDeleted,
        _ => Sentence::Other,
    }
}

/// A piece of a sentence template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part<'a> {
    /// Text as it is.
    Text(&'a str),
    /// A `{slot}` to fill.
    Slot(&'a str),
}

/// Splits `template` into text and `{slots}`. An unclosed `{` is text.
pub fn parts(template: &str) -> Vec<Part<'_>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(len) = rest[open..].find('}') else {
            break;
        };
        if open > 0 {
            out.push(Part::Text(&rest[..open]));
        }
        out.push(Part::Slot(&rest[open + 1..open + len]));
        rest = &rest[open + len + 1..];
    }
    if !rest.is_empty() {
        out.push(Part::Text(rest));
    }
    out
}

/// How long ago something happened, in the largest whole unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ago {
    /// Under a minute (or in the future: clocks differ).
    JustNow,
    /// Minutes.
    Minutes(i64),
    /// Hours.
    Hours(i64),
    /// Days.
    Days(i64),
    /// Older than 30 days: show the date instead.
    Long,
}

/// `then_ms` seen from `now_ms`.
pub fn ago(then_ms: i64, now_ms: i64) -> Ago {
    let s = (now_ms - then_ms) / 1000;
    match s {
        ..60 => Ago::JustNow,
        60..3_600 => Ago::Minutes(s / 60),
        3_600..86_400 => Ago::Hours(s / 3_600),
        86_400..2_592_000 => Ago::Days(s / 86_400),
        _ => Ago::Long,
    }
}

/// The last name in a `cloudreve://` URI (`""` for a root or something that is no URI).
pub fn name_of(uri: &str) -> String {
    cloudreve_api::CrUri::parse(uri)
        .map(|u| u.name().to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_round_trip_through_the_query() {
        for f in Filter::ALL {
            assert_eq!(Filter::from_query(f.query().unwrap_or("")), f);
        }
        assert_eq!(Filter::from_query("nonsense"), Filter::All);
    }

    #[test]
    fn downloads_and_visits_are_reads_and_the_rest_updates() {
        assert!(is_read(11) && is_read(18));
        assert!(!is_read(7) && !is_read(8) && !is_read(16));
    }

    #[test]
    fn every_known_category_has_its_sentence_and_new_ones_a_generic_one() {
        assert_eq!(sentence_of(8), Sentence::Renamed);
        assert_eq!(sentence_of(12), sentence_of(13));
        assert_eq!(sentence_of(57), Sentence::DirectLinkDeleted);
        for unknown in [0, 5, 42, 61, 999, -1] {
            assert_eq!(sentence_of(unknown), Sentence::Other, "{unknown}");
        }
    }

    #[test]
    fn templates_split_into_text_and_slots() {
        assert_eq!(
            parts("{actor} renamed {old} to {new}"),
            vec![
                Part::Slot("actor"),
                Part::Text(" renamed "),
                Part::Slot("old"),
                Part::Text(" to "),
                Part::Slot("new"),
            ]
        );
        assert_eq!(
            parts("{actor}将 {file} 移到回收站"),
            vec![
                Part::Slot("actor"),
                Part::Text("将 "),
                Part::Slot("file"),
                Part::Text(" 移到回收站")
            ]
        );
        assert_eq!(parts("no slots"), vec![Part::Text("no slots")]);
        assert_eq!(parts("open { brace"), vec![Part::Text("open { brace")]);
        assert_eq!(parts(""), vec![]);
    }

    #[test]
    fn time_ago_uses_the_largest_whole_unit() {
        let now = 1_700_000_000_000;
        assert_eq!(ago(now - 5_000, now), Ago::JustNow);
        assert_eq!(ago(now + 60_000, now), Ago::JustNow, "a server clock ahead");
        assert_eq!(ago(now - 61_000, now), Ago::Minutes(1));
        assert_eq!(ago(now - 3_599_000, now), Ago::Minutes(59));
        assert_eq!(ago(now - 7_200_000, now), Ago::Hours(2));
        assert_eq!(ago(now - 86_400_000 * 3, now), Ago::Days(3));
        assert_eq!(ago(now - 86_400_000 * 31, now), Ago::Long);
    }

    #[test]
    fn names_come_from_the_uri() {
        assert_eq!(name_of("cloudreve://my/Docs/a%20b.txt"), "a b.txt");
        assert_eq!(name_of("cloudreve://my/Docs/"), "Docs");
        assert_eq!(name_of("cloudreve://my"), "");
        assert_eq!(name_of("cloudreve://my/"), "");
        assert_eq!(name_of("cloudreve://abc:pw@share/x.pdf"), "x.pdf");
    }
}
