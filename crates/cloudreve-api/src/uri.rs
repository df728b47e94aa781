//! `cloudreve://` URIs (file.md §1): parse, build and format with the server's exact encoding.
//!
//! Path segments are kept decoded; formatting encodes each one like JavaScript's `encodeURIComponent`,
//! which is the server's canonical form. `format(parse(s))` is canonical and `parse(format(u)) == u`.

use std::fmt;

/// The URI scheme prefix.
pub const SCHEME: &str = "cloudreve://";

/// The file system a URI addresses (the URI host, lower-cased).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FileSystem {
    /// The user's own tree.
    My,
    /// The content of a share link.
    Share,
    /// The recycle bin.
    Trash,
    /// Saved share shortcuts.
    SharedWithMe,
    /// A file system this crate does not know.
    Other(String),
}

impl FileSystem {
    /// The host string of this file system.
    pub fn as_str(&self) -> &str {
        match self {
            FileSystem::My => "my",
            FileSystem::Share => "share",
            FileSystem::Trash => "trash",
            FileSystem::SharedWithMe => "shared_with_me",
            FileSystem::Other(s) => s,
        }
    }

    fn parse(host: &str) -> Self {
        match host.to_ascii_lowercase().as_str() {
            "my" => FileSystem::My,
            "share" => FileSystem::Share,
            "trash" => FileSystem::Trash,
            "shared_with_me" => FileSystem::SharedWithMe,
            other => FileSystem::Other(other.to_string()),
        }
    }
}

/// A parsed `cloudreve://` URI.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CrUri {
    /// The file system (host).
    pub fs: FileSystem,
    /// Owner id (`my`) or share id (`share`).
    pub id: Option<String>,
    /// Share password.
    pub password: Option<String>,
    /// Decoded path segments; empty for the root.
    pub segments: Vec<String>,
    /// Search conditions, in order (flags have an empty value).
    pub query: Vec<(String, String)>,
}

/// Why a string is not a `cloudreve://` URI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UriError {
    /// The scheme is not `cloudreve`.
    Scheme,
    /// No file system was given.
    MissingFileSystem,
    /// A percent escape is malformed or not UTF-8.
    Encoding,
}

impl fmt::Display for UriError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UriError::Scheme => "not a cloudreve:// URI",
            UriError::MissingFileSystem => "the URI names no file system",
            UriError::Encoding => "the URI has a malformed percent escape",
        })
    }
}

impl std::error::Error for UriError {}

impl CrUri {
    /// A URI of `fs` with no path.
    pub fn root(fs: FileSystem) -> Self {
        CrUri {
            fs,
            id: None,
            password: None,
            segments: Vec::new(),
            query: Vec::new(),
        }
    }

    /// `cloudreve://my`.
    pub fn my() -> Self {
        Self::root(FileSystem::My)
    }

    /// `cloudreve://<id>[:<password>]@share`.
    pub fn share(id: &str, password: Option<&str>) -> Self {
        CrUri {
            id: Some(id.to_string()),
            password: password.map(str::to_string),
            ..Self::root(FileSystem::Share)
        }
    }

    /// Parses a URI; `.`/`..` segments are resolved and empty segments dropped.
    pub fn parse(s: &str) -> Result<Self, UriError> {
        let scheme_len = SCHEME.len();
        if s.len() < scheme_len || !s[..scheme_len].eq_ignore_ascii_case(SCHEME) {
            return Err(UriError::Scheme);
        }
        let rest = &s[scheme_len..];
        let (before_query, query) = match rest.split_once('?') {
            Some((a, q)) => (a, Some(q)),
            None => (rest, None),
        };
        let (authority, path) = match before_query.find('/') {
            Some(i) => (&before_query[..i], &before_query[i..]),
            None => (before_query, ""),
        };
        let (userinfo, host) = match authority.rsplit_once('@') {
            Some((u, h)) => (Some(u), h),
            None => (None, authority),
        };
        if host.is_empty() {
            return Err(UriError::MissingFileSystem);
        }
        let (id, password) = match userinfo {
            None => (None, None),
            Some(u) => match u.split_once(':') {
                Some((i, p)) => (non_empty(decode(i)?), Some(decode(p)?)),
                None => (non_empty(decode(u)?), None),
            },
        };
        let mut segments: Vec<String> = Vec::new();
        for raw in path.split('/') {
            match decode(raw)?.as_str() {
                "" | "." => {}
                ".." => {
                    segments.pop();
                }
                seg => segments.push(seg.to_string()),
            }
        }
        let query = match query {
            None => Vec::new(),
            Some(q) => q
                .split('&')
                .filter(|p| !p.is_empty())
                .map(|pair| {
                    let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                    Ok((decode_form(k)?, decode_form(v)?))
                })
                .collect::<Result<_, UriError>>()?,
        };
        Ok(CrUri {
            fs: FileSystem::parse(host),
            id,
            password,
            segments,
            query,
        })
    }

    /// Whether this URI addresses the root of its file system.
    pub fn is_root(&self) -> bool {
        self.segments.is_empty()
    }

    /// Whether this URI carries search conditions.
    pub fn is_search(&self) -> bool {
        !self.query.is_empty()
    }

    /// The values of search key `key`, in order; a repeatable key such as `name` yields several.
    pub fn query_values<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.query
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Whether search key `key` is present; flags such as `case_folding` carry no value.
    pub fn has_query(&self, key: &str) -> bool {
        self.query.iter().any(|(k, _)| k == key)
    }

    /// The last segment's name (empty for the root).
    pub fn name(&self) -> &str {
        self.segments.last().map_or("", String::as_str)
    }

    /// The URI of a child named `name`.
    pub fn join(&self, name: &str) -> Self {
        let mut child = CrUri {
            query: Vec::new(),
            ..self.clone()
        };
        child.segments.push(name.to_string());
        child
    }

    /// The parent folder's URI, or `None` at the root.
    pub fn parent(&self) -> Option<Self> {
        if self.is_root() {
            return None;
        }
        let mut parent = CrUri {
            query: Vec::new(),
            ..self.clone()
        };
        parent.segments.pop();
        Some(parent)
    }

    /// This URI and each ancestor, root first (for breadcrumbs).
    pub fn ancestors(&self) -> Vec<CrUri> {
        let base = CrUri {
            segments: Vec::new(),
            query: Vec::new(),
            ..self.clone()
        };
        (0..=self.segments.len())
            .map(|n| CrUri {
                segments: self.segments[..n].to_vec(),
                ..base.clone()
            })
            .collect()
    }

    /// Whether `self` is `other` or lies inside it (ignoring search conditions).
    pub fn starts_with(&self, other: &CrUri) -> bool {
        self.fs == other.fs && self.id == other.id && self.segments.starts_with(&other.segments)
    }
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

impl fmt::Display for CrUri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(SCHEME)?;
        if let Some(id) = &self.id {
            f.write_str(&encode_component(id))?;
            if let Some(p) = &self.password {
                write!(f, ":{}", encode_component(p))?;
            }
            f.write_str("@")?;
        } else if let Some(p) = &self.password {
            write!(f, ":{}@", encode_component(p))?;
        }
        f.write_str(self.fs.as_str())?;
        for seg in &self.segments {
            write!(f, "/{}", encode_component(seg))?;
        }
        for (i, (k, v)) in self.query.iter().enumerate() {
            f.write_str(if i == 0 { "?" } else { "&" })?;
            f.write_str(&encode_component(k))?;
            if !v.is_empty() {
                write!(f, "={}", encode_component(v))?;
            }
        }
        Ok(())
    }
}

impl std::str::FromStr for CrUri {
    type Err = UriError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CrUri::parse(s)
    }
}

impl serde::Serialize for CrUri {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for CrUri {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        CrUri::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// Percent-encodes like JavaScript's `encodeURIComponent` (upper-case hex).
pub fn encode_component(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

/// Percent-decodes like `decodeURIComponent` (errors on malformed escapes and invalid UTF-8).
pub fn decode(s: &str) -> Result<String, UriError> {
    if !s.contains('%') {
        return Ok(s.to_string());
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3).ok_or(UriError::Encoding)?;
            let hex = std::str::from_utf8(hex).map_err(|_| UriError::Encoding)?;
            out.push(u8::from_str_radix(hex, 16).map_err(|_| UriError::Encoding)?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| UriError::Encoding)
}

fn decode_form(s: &str) -> Result<String, UriError> {
    decode(&s.replace('+', " "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_contract_examples() {
        let u = CrUri::parse("cloudreve://my/Photos/2024%20Trip/IMG_0001.JPG").unwrap();
        assert_eq!(u.fs, FileSystem::My);
        assert_eq!(u.segments, ["Photos", "2024 Trip", "IMG_0001.JPG"]);
        let s = CrUri::parse("cloudreve://EBuq:745abc@share/sub/readme.md").unwrap();
        assert_eq!(
            (s.id.as_deref(), s.password.as_deref()),
            (Some("EBuq"), Some("745abc"))
        );
        assert_eq!(s.fs, FileSystem::Share);
        let q = CrUri::parse("cloudreve://my/Docs?name=report&case_folding").unwrap();
        assert_eq!(
            q.query,
            [
                ("name".into(), "report".into()),
                ("case_folding".into(), String::new())
            ]
        );
        assert!(q.is_search());
        assert_eq!(
            CrUri::parse("cloudreve://SHARED_WITH_ME").unwrap().fs,
            FileSystem::SharedWithMe
        );
    }

    #[test]
    fn formats_canonically() {
        assert_eq!(
            CrUri::my().join("a b#c.txt").to_string(),
            "cloudreve://my/a%20b%23c.txt"
        );
        assert_eq!(
            CrUri::parse("cloudreve://my/").unwrap().to_string(),
            "cloudreve://my"
        );
        assert_eq!(
            CrUri::parse("cloudreve://my/a/./b/../c")
                .unwrap()
                .to_string(),
            "cloudreve://my/a/c"
        );
        assert_eq!(
            CrUri::share("VoMFL", Some("pw")).join("x").to_string(),
            "cloudreve://VoMFL:pw@share/x"
        );
        assert_eq!(
            CrUri::my().join("中文").to_string(),
            "cloudreve://my/%E4%B8%AD%E6%96%87"
        );
    }

    #[test]
    fn rejects_bad_input() {
        assert_eq!(CrUri::parse("http://my"), Err(UriError::Scheme));
        assert_eq!(
            CrUri::parse("cloudreve://"),
            Err(UriError::MissingFileSystem)
        );
        assert_eq!(CrUri::parse("cloudreve://my/%zz"), Err(UriError::Encoding));
        assert_eq!(CrUri::parse("cloudreve://my/%e4"), Err(UriError::Encoding));
        assert_eq!(CrUri::parse("cloudreve://my/%"), Err(UriError::Encoding));
    }

    #[test]
    fn search_query_accessors() {
        let q = CrUri::parse(
            "cloudreve://my/Docs?name=a&case_folding&name=b+c&meta_sys%3Arestore_uri=x%2520y",
        )
        .unwrap();
        assert_eq!(q.query_values("name").collect::<Vec<_>>(), ["a", "b c"]);
        assert_eq!(
            q.query_values("meta_sys:restore_uri").collect::<Vec<_>>(),
            ["x%20y"],
            "keys and values are form-decoded once"
        );
        assert!(q.has_query("case_folding"));
        assert!(!q.has_query("use_or"));
        assert_eq!(q.query_values("type").count(), 0);
    }

    #[test]
    fn navigation_helpers() {
        let u = CrUri::parse("cloudreve://my/a/b").unwrap();
        assert_eq!(u.name(), "b");
        assert_eq!(u.parent().unwrap().to_string(), "cloudreve://my/a");
        let crumbs: Vec<String> = u.ancestors().iter().map(ToString::to_string).collect();
        assert_eq!(
            crumbs,
            ["cloudreve://my", "cloudreve://my/a", "cloudreve://my/a/b"]
        );
        assert!(u.starts_with(&CrUri::my()));
        assert!(CrUri::my().parent().is_none());
    }
}
