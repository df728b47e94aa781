//! A small syntax highlighter for the text viewer: splits one line into keyword, string, comment,
//! number and punctuation spans. Block comments and multi-line strings carry over to the next line
//! through a [`Carry`], so a long file is scanned once for the carries and only visible lines are
//! tokenized. Spans are byte ranges; the view renders them as text, never as HTML.

pub mod langs;

#[cfg(test)]
mod tests;

/// What a span of a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    /// Anything else (names, spaces, text between markup tags).
    Plain,
    /// A keyword, or a tag name in markup.
    Keyword,
    /// A string or character literal.
    Str,
    /// A comment.
    Comment,
    /// A number.
    Number,
    /// Punctuation and operators.
    Punct,
}

/// What a line leaves open for the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Carry {
    /// Nothing.
    #[default]
    None,
    /// A block comment.
    Comment,
    /// A string opened with the language's `quotes[n]`.
    Str(u8),
    /// A markup tag (attributes on the next line).
    Tag,
}

/// One highlighted span: `kind` over the bytes `start..end` of the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Its kind.
    pub kind: Tok,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// The lexical rules of one language.
#[derive(Debug, Clone, Copy)]
pub struct Lang {
    /// Line comment openers (`//`, `#`, `--`). A `#` opens a comment only at the start of the line
    /// or after a space, so `$#` in a shell or `x#y` stay code.
    pub line_comments: &'static [&'static str],
    /// Block comment delimiters.
    pub block_comment: Option<(&'static str, &'static str)>,
    /// String delimiters, longest first (`"""` before `"`); each closes itself.
    pub quotes: &'static [&'static str],
    /// How many of the first `quotes` may span lines.
    pub multiline_quotes: usize,
    /// Keywords.
    pub keywords: &'static [&'static str],
    /// Keywords match in any case (SQL).
    pub case_insensitive: bool,
    /// Characters allowed in names besides ASCII letters, digits and `_` (`$` in JS, `-` in CSS).
    pub ident_extra: &'static str,
    /// `'` starts a string only when it closes as a character literal (Rust lifetimes stay plain).
    pub strict_char_quote: bool,
    /// Tags, attributes and text (HTML, XML).
    pub markup: bool,
}

impl Lang {
    /// No highlighting at all.
    pub const PLAIN: Lang = Lang {
        line_comments: &[],
        block_comment: None,
        quotes: &[],
        multiline_quotes: 0,
        keywords: &[],
        case_insensitive: false,
        ident_extra: "",
        strict_char_quote: false,
        markup: false,
    };

    /// Whether this language highlights nothing.
    pub fn is_plain(&self) -> bool {
        self.quotes.is_empty() && self.block_comment.is_none() && self.line_comments.is_empty()
    }

    fn is_keyword(&self, word: &str) -> bool {
        if self.case_insensitive {
            self.keywords.iter().any(|k| k.eq_ignore_ascii_case(word))
        } else {
            self.keywords.contains(&word)
        }
    }

    fn is_ident(&self, b: u8, first: bool) -> bool {
        b.is_ascii_alphabetic()
            || b == b'_'
            || (!first && b.is_ascii_digit())
            || (b.is_ascii() && self.ident_extra.as_bytes().contains(&b))
    }
}

/// Collects spans, merging neighbours of the same kind (fewer DOM nodes).
struct Out(Vec<Span>);

impl Out {
    fn push(&mut self, kind: Tok, start: usize, end: usize) {
        if start >= end {
            return;
        }
        match self.0.last_mut() {
            Some(last) if last.kind == kind && last.end == start => last.end = end,
            _ => self.0.push(Span { kind, start, end }),
        }
    }
}

/// The spans of `text` (one line, without its newline) starting in state `carry`, and the state
/// the next line starts in.
pub fn line(lang: &Lang, text: &str, carry: Carry) -> (Vec<Span>, Carry) {
    let mut out = Out(Vec::new());
    if lang.is_plain() {
        out.push(Tok::Plain, 0, text.len());
        return (out.0, Carry::None);
    }
    let next = scan(lang, text, carry, &mut out);
    (out.0, next)
}

/// The state each line starts in, for every line of `lines`.
pub fn carries<'a>(lang: &Lang, lines: impl Iterator<Item = &'a str>) -> Vec<Carry> {
    let mut carry = Carry::None;
    let mut all = Vec::new();
    for l in lines {
        all.push(carry);
        if !lang.is_plain() {
            carry = scan(lang, l, carry, &mut Out(Vec::new()));
        }
    }
    all
}

/// Where the string closed by `close` ends, searching from `from` (backslash escapes skipped), and
/// whether it closed on this line.
fn string_end(text: &str, from: usize, close: &str) -> (usize, bool) {
    let b = text.as_bytes();
    let mut i = from;
    while i < b.len() {
        if b[i] == b'\\' {
            i += 2;
        } else if b[i..].starts_with(close.as_bytes()) {
            return (i + close.len(), true);
        } else {
            i += 1;
        }
    }
    (b.len(), false)
}

/// Whether `rest` (starting with `'`) is a character literal such as `'a'` or `'\n'`.
fn char_literal(rest: &str) -> bool {
    let mut chars = rest.chars().skip(1);
    match chars.next() {
        Some('\\') => rest[1..].chars().take(12).skip(2).any(|c| c == '\''),
        Some(_) => chars.next() == Some('\''),
        None => false,
    }
}

fn scan(lang: &Lang, text: &str, carry: Carry, out: &mut Out) -> Carry {
    let b = text.as_bytes();
    let mut i = 0;
    let mut in_tag = carry == Carry::Tag;
    match carry {
        Carry::Comment => {
            let close = lang.block_comment.map_or("", |(_, c)| c);
            match text.find(close).filter(|_| !close.is_empty()) {
                Some(p) => {
                    i = p + close.len();
                    out.push(Tok::Comment, 0, i);
                }
                None => {
                    out.push(Tok::Comment, 0, b.len());
                    return Carry::Comment;
                }
            }
        }
        Carry::Str(q) => {
            let close = lang.quotes.get(usize::from(q)).copied().unwrap_or("\"");
            let (end, closed) = string_end(text, 0, close);
            out.push(Tok::Str, 0, end);
            if !closed {
                return carry;
            }
            i = end;
        }
        Carry::None | Carry::Tag => {}
    }
    while i < b.len() {
        // Delimiters are ASCII: a multi-byte character is always plain, and stepping over it whole
        // keeps every index on a character boundary.
        if !b[i].is_ascii() {
            let width = match b[i] {
                0xF0.. => 4,
                0xE0.. => 3,
                _ => 2,
            };
            out.push(Tok::Plain, i, (i + width).min(b.len()));
            i += width;
            continue;
        }
        let rest = &text[i..];
        if let Some((open, close)) = lang.block_comment.filter(|(o, _)| rest.starts_with(o)) {
            match rest[open.len()..].find(close) {
                Some(p) => {
                    let end = i + open.len() + p + close.len();
                    out.push(Tok::Comment, i, end);
                    i = end;
                    continue;
                }
                None => {
                    out.push(Tok::Comment, i, b.len());
                    return Carry::Comment;
                }
            }
        }
        if lang.markup && !in_tag {
            if b[i] == b'<'
                && b.get(i + 1)
                    .is_some_and(|&c| c.is_ascii_alphabetic() || b"/!?".contains(&c))
            {
                let name = i + 1 + usize::from(b"/!?".contains(&b[i + 1]));
                out.push(Tok::Punct, i, name);
                let mut j = name;
                while j < b.len() && (lang.is_ident(b[j], false) || b[j] == b'.') {
                    j += 1;
                }
                out.push(Tok::Keyword, name, j);
                in_tag = true;
                i = j;
            } else {
                out.push(Tok::Plain, i, i + 1);
                i += 1;
            }
            continue;
        }
        if lang.markup && b[i] == b'>' {
            out.push(Tok::Punct, i, i + 1);
            in_tag = false;
            i += 1;
            continue;
        }
        let hash_ok = |c: &&&str| !c.starts_with('#') || i == 0 || b[i - 1].is_ascii_whitespace();
        if lang
            .line_comments
            .iter()
            .filter(hash_ok)
            .any(|c| rest.starts_with(c))
        {
            out.push(Tok::Comment, i, b.len());
            return Carry::None;
        }
        if let Some(q) = lang.quotes.iter().position(|q| rest.starts_with(q)) {
            let quote = lang.quotes[q];
            if !(lang.strict_char_quote && quote == "'" && !char_literal(rest)) {
                let (end, closed) = string_end(text, i + quote.len(), quote);
                out.push(Tok::Str, i, end);
                if !closed && q < lang.multiline_quotes {
                    return Carry::Str(q as u8);
                }
                i = end;
                continue;
            }
        }
        let c = b[i];
        let start = i;
        if c.is_ascii_digit() {
            i += 1;
            while i < b.len()
                && (b[i].is_ascii_alphanumeric()
                    || b[i] == b'_'
                    || (b[i] == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
            {
                i += 1;
            }
            out.push(Tok::Number, start, i);
        } else if lang.is_ident(c, true) {
            i += 1;
            while i < b.len() && lang.is_ident(b[i], false) {
                i += 1;
            }
            let kind = if !in_tag && lang.is_keyword(&text[start..i]) {
                Tok::Keyword
            } else {
                Tok::Plain
            };
            out.push(kind, start, i);
        } else {
            i += 1;
            let kind = if c.is_ascii_punctuation() {
                Tok::Punct
            } else {
                Tok::Plain
            };
            out.push(kind, start, i);
        }
    }
    if in_tag {
        Carry::Tag
    } else {
        Carry::None
    }
}
