//! Search conditions carried in a URI's query (file.md §2): which keys make a search, what each one
//! means, and the category presets that replace a whole query.

use cloudreve_api::{Code, CrUri};

use crate::error::AppError;
use crate::store::files::{TYPE_FILE, TYPE_FOLDER};

/// How one `name` value matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameMatch {
    /// `"quoted"`: case-sensitive substring.
    Quoted(String),
    /// Contains `*`: a `LIKE` pattern (`*` → `%`, other `LIKE` wildcards escaped).
    Pattern(String),
    /// Plain text: substring, folded with [`fold`] when `folded` (the query had `case_folding`).
    Contains {
        /// The text, already folded when `folded`.
        text: String,
        /// Compare case-insensitively.
        folded: bool,
    },
}

/// How one metadata condition matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetaMatch {
    /// `meta_<key>=v`: an entry `<key>` whose value contains `v` (folded).
    Contains {
        /// Metadata key.
        key: String,
        /// Folded needle.
        text: String,
    },
    /// `meta_=k`: an entry named `k`, whatever its value (tag search).
    HasKey(String),
    /// `exact_meta_<key>=v`: an entry `<key>` whose value is exactly `v`.
    Exact {
        /// Metadata key.
        key: String,
        /// The value.
        value: String,
    },
}

/// The parsed conditions of a search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Conditions {
    /// Name filters.
    pub names: Vec<NameMatch>,
    /// OR the name filters instead of AND.
    pub names_or: bool,
    /// Only [`TYPE_FILE`] or only [`TYPE_FOLDER`].
    pub file_type: Option<i64>,
    /// Metadata filters; each must hold (see [`Conditions::parse`] on the CE difference).
    pub meta: Vec<MetaMatch>,
    /// Inclusive size bounds in bytes.
    pub size: Option<(i64, i64)>,
    /// Inclusive creation bounds, Unix seconds.
    pub created: (Option<i64>, Option<i64>),
    /// Inclusive modification bounds, Unix seconds.
    pub updated: (Option<i64>, Option<i64>),
}

/// Extensions of the category presets (the admin-defined presets of CE, with our own defaults).
const CATEGORIES: &[(&str, &[&str])] = &[
    (
        "image",
        &[
            "jpg", "jpeg", "png", "gif", "webp", "bmp", "svg", "heic", "heif", "avif", "tiff",
            "tif", "ico",
        ],
    ),
    (
        "video",
        &[
            "mp4", "mkv", "webm", "mov", "avi", "wmv", "flv", "m4v", "3gp", "mpeg", "mpg", "ts",
        ],
    ),
    (
        "audio",
        &[
            "mp3", "flac", "wav", "ogg", "oga", "opus", "m4a", "aac", "wma", "ape", "aiff",
        ],
    ),
    (
        "document",
        &[
            "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "txt",
            "md", "csv", "epub",
        ],
    ),
];

/// Case folding shared by needles (here) and stored text (the `cr_fold` SQL function).
pub fn fold(s: &str) -> String {
    s.to_lowercase()
}

impl Conditions {
    /// The search conditions of `uri`, or `None` when its query has no recognised search key (it is
    /// then a plain listing). An unknown `category` answers code -1, as the contract says.
    ///
    /// Numbers that do not parse are ignored, as CE does. Two deliberate choices:
    /// * sizes reproduce the CE quirk: when either bound is given both apply and a missing one
    ///   counts as 0, so clients that send one bound see what they would see on CE;
    /// * every `meta_*` condition must hold on its own entry; CE needs them all on the same entry
    ///   (so two different keys match nothing there). Clients send at most one anyway.
    pub fn parse(uri: &CrUri) -> Result<Option<Self>, AppError> {
        if let Some(category) = uri
            .query_values("category")
            .next()
            .filter(|c| !c.is_empty())
        {
            return Ok(Some(preset(category)?));
        }
        let mut cond = Conditions::default();
        let mut is_search = false;
        let folded = uri.has_query("case_folding");
        for name in uri.query_values("name") {
            cond.names.push(name_match(name, folded));
            is_search = true;
        }
        cond.names_or = uri.has_query("name_op_or") || uri.has_query("use_or");
        if let Some(t) = uri.query_values("type").next() {
            cond.file_type = match t {
                "file" => Some(TYPE_FILE),
                "folder" => Some(TYPE_FOLDER),
                _ => None,
            };
            is_search = true;
        }
        for (key, value) in &uri.query {
            let meta = if let Some(k) = key.strip_prefix("exact_meta_") {
                MetaMatch::Exact {
                    key: k.into(),
                    value: value.clone(),
                }
            } else if let Some(k) = key.strip_prefix("meta_") {
                if k.is_empty() {
                    MetaMatch::HasKey(value.clone())
                } else {
                    MetaMatch::Contains {
                        key: k.into(),
                        text: fold(value),
                    }
                }
            } else {
                continue;
            };
            cond.meta.push(meta);
            is_search = true;
        }
        let number = |key: &str| uri.query_values(key).next().and_then(|v| v.parse().ok());
        let (gte, lte) = (number("size_gte"), number("size_lte"));
        if gte.is_some() || lte.is_some() {
            is_search = true;
            let (gte, lte) = (gte.unwrap_or(0), lte.unwrap_or(0));
            // CE applies no size filter when both bounds are zero.
            if gte > 0 || lte > 0 {
                cond.size = Some((gte, lte));
            }
        }
        cond.created = (number("created_gte"), number("created_lte"));
        cond.updated = (number("updated_gte"), number("updated_lte"));
        is_search |= [cond.created, cond.updated]
            .iter()
            .any(|(a, b)| a.is_some() || b.is_some());
        Ok(is_search.then_some(cond))
    }
}

fn name_match(value: &str, folded: bool) -> NameMatch {
    if let Some(inner) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        return NameMatch::Quoted(inner.into());
    }
    if value.contains('*') {
        return NameMatch::Pattern(like_pattern(value));
    }
    NameMatch::Contains {
        text: if folded { fold(value) } else { value.into() },
        folded,
    }
}

/// `*.jpg` → `%.jpg`; `a*b` → `%a%b%` (wrapped when it neither starts nor ends with `*`). `%`, `_`
/// and `\` are escaped (with `\`), so `*` is the only wildcard: names such as `IMG_0001` are common.
fn like_pattern(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    for ch in value.chars() {
        match ch {
            '*' => out.push('%'),
            '%' | '_' | '\\' => {
                out.push('\\');
                out.push(ch);
            }
            c => out.push(c),
        }
    }
    if !value.starts_with('*') && !value.ends_with('*') {
        out = format!("%{out}%");
    }
    out
}

/// The preset that replaces the whole query for `category`.
fn preset(category: &str) -> Result<Conditions, AppError> {
    let (_, exts) = CATEGORIES
        .iter()
        .find(|(name, _)| *name == category)
        .ok_or_else(|| AppError::code(Code::NotSet, "Unknown search category"))?;
    Ok(Conditions {
        names: exts
            .iter()
            .map(|e| NameMatch::Pattern(like_pattern(&format!("*.{e}"))))
            .collect(),
        names_or: true,
        file_type: Some(TYPE_FILE),
        ..Conditions::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(q: &str) -> Option<Conditions> {
        let uri = CrUri::parse(&format!("cloudreve://my?{q}")).expect("uri");
        Conditions::parse(&uri).expect("conditions")
    }

    #[test]
    fn only_recognised_keys_make_a_search() {
        assert_eq!(parse("foo=bar"), None);
        assert_eq!(
            parse("case_folding&use_or"),
            None,
            "flags alone filter nothing"
        );
        assert_eq!(parse("size_gte=abc"), None, "bad numbers are ignored");
        assert!(parse("type=anything").is_some_and(|c| c.file_type.is_none()));
        assert!(parse("created_lte=5").is_some());
    }

    #[test]
    fn name_rules() {
        let c = parse("name=%22Ab%22&name=*.JPG&name=a_b*c&name=Ré&case_folding").expect("search");
        assert_eq!(
            c.names,
            [
                NameMatch::Quoted("Ab".into()),
                NameMatch::Pattern("%.JPG".into()),
                NameMatch::Pattern("%a\\_b%c%".into()),
                NameMatch::Contains {
                    text: "ré".into(),
                    folded: true
                },
            ]
        );
        assert!(!c.names_or);
        assert!(parse("name=a&name_op_or").is_some_and(|c| c.names_or));
    }

    #[test]
    fn sizes_keep_the_ce_quirk() {
        assert_eq!(parse("size_gte=10").and_then(|c| c.size), Some((10, 0)));
        assert_eq!(
            parse("size_gte=10&size_lte=20").and_then(|c| c.size),
            Some((10, 20))
        );
        assert_eq!(parse("size_gte=0&size_lte=0").and_then(|c| c.size), None);
    }

    #[test]
    fn metadata_and_categories() {
        let c = parse("meta_=tag%3Awork&meta_exif%3Amodel=CaNon&exact_meta_k=V").expect("search");
        assert_eq!(
            c.meta,
            [
                MetaMatch::HasKey("tag:work".into()),
                MetaMatch::Contains {
                    key: "exif:model".into(),
                    text: "canon".into()
                },
                MetaMatch::Exact {
                    key: "k".into(),
                    value: "V".into()
                },
            ]
        );
        let image = parse("category=image&name=ignored").expect("preset");
        assert_eq!(image.file_type, Some(TYPE_FILE));
        assert!(image.names_or);
        assert!(image.names.contains(&NameMatch::Pattern("%.png".into())));
        let uri = CrUri::parse("cloudreve://my?category=fonts").expect("uri");
        assert!(matches!(
            Conditions::parse(&uri),
            Err(AppError::Code(Code::NotSet, _))
        ));
    }
}
