//! Scanning pieces of inline markdown: link labels, destinations and titles, entities,
//! autolinks and raw HTML.

/// The index of the `]` that ends a link label starting after a `[`.
pub(crate) fn label_end(s: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' => return None,
            ']' => return (i <= 999).then_some(i),
            _ => {}
        }
    }
    None
}

/// A label compared as references are: case-folded with inner whitespace collapsed.
pub(crate) fn normalise(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A link destination and optional title at the start of `s` (after optional whitespace); the
/// rest of `s` follows them (for inline links, after the closing `)`).
pub(crate) fn destination(s: &str, definition: bool) -> Option<(String, String, &str)> {
    let s = s.trim_start_matches([' ', '\t', '\n']);
    let (raw, rest) = if let Some(p) = s.strip_prefix('<') {
        let end = p.find(['>', '\n', '<'])?;
        p[end..]
            .starts_with('>')
            .then(|| (&p[..end], &p[end + 1..]))?
    } else {
        let mut depth = 0usize;
        let mut end = s.len();
        let mut escaped = false;
        for (i, c) in s.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '(' => depth += 1,
                ')' if depth == 0 => {
                    end = i;
                    break;
                }
                ')' => depth -= 1,
                c if c.is_whitespace() || c.is_control() => {
                    end = i;
                    break;
                }
                _ => {}
            }
        }
        if end == 0 && definition {
            return None;
        }
        (&s[..end], &s[end..])
    };
    let after_ws = rest.trim_start_matches([' ', '\t', '\n']);
    let mut title = String::new();
    let mut rest = rest;
    if let Some(close) = match after_ws.chars().next() {
        Some('"') => Some('"'),
        Some('\'') => Some('\''),
        Some('(') => Some(')'),
        _ => None,
    }
    .filter(|_| after_ws.len() < rest.len())
    {
        let body = &after_ws[1..];
        let mut escaped = false;
        let end = body.char_indices().find(|&(_, c)| {
            let hit = c == close && !escaped;
            escaped = c == '\\' && !escaped;
            hit
        });
        if let Some((end, _)) = end {
            title = unescape(&body[..end]);
            rest = &body[end + 1..];
        }
    }
    if !definition {
        rest = rest
            .trim_start_matches([' ', '\t', '\n'])
            .strip_prefix(')')?;
    }
    Some((unescape(raw), title, rest))
}

/// Backslash escapes and entities resolved.
pub(crate) fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        let next = s[i + c.len_utf8()..].chars().next();
        if c == '\\' && next.is_some_and(|n| n.is_ascii_punctuation()) {
            out.push(next.unwrap_or_default());
            i += 2;
        } else if let Some((text, len)) = entity(&s[i..]) {
            out.push_str(&text);
            i += len;
        } else {
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// Named entities that are decoded; others stay as written.
pub(crate) const ENTITIES: [(&str, &str); 40] = [
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{a0}"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("hellip", "…"),
    ("mdash", "—"),
    ("ndash", "–"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("times", "×"),
    ("divide", "÷"),
    ("deg", "°"),
    ("plusmn", "±"),
    ("middot", "·"),
    ("bull", "•"),
    ("euro", "€"),
    ("pound", "£"),
    ("yen", "¥"),
    ("cent", "¢"),
    ("sect", "§"),
    ("para", "¶"),
    ("larr", "←"),
    ("rarr", "→"),
    ("uarr", "↑"),
    ("darr", "↓"),
    ("harr", "↔"),
    ("ne", "≠"),
    ("le", "≤"),
    ("ge", "≥"),
    ("infin", "∞"),
    ("shy", "\u{ad}"),
];

/// The text of an entity at the start of `s` and its length in `s`.
pub(crate) fn entity(s: &str) -> Option<(String, usize)> {
    let body = s.strip_prefix('&')?;
    let end = body.find(';').filter(|&e| e > 0 && e <= 32)?;
    let name = &body[..end];
    let number = |digits: &str, radix: u32, max: usize| {
        let ok = (1..=max).contains(&digits.len()) && digits.chars().all(|c| c.is_digit(radix));
        ok.then(|| u32::from_str_radix(digits, radix).ok())
            .flatten()
    };
    let code = match name.strip_prefix('#') {
        Some(n) if n.starts_with(['x', 'X']) => number(&n[1..], 16, 6)?,
        Some(n) => number(n, 10, 7)?,
        None => {
            let (_, text) = ENTITIES.iter().find(|(n, _)| *n == name)?;
            return Some((text.to_string(), end + 2));
        }
    };
    let c = char::from_u32(code)
        .filter(|&c| c != '\0')
        .unwrap_or('\u{fffd}');
    Some((c.to_string(), end + 2))
}

pub(crate) fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_ascii() && !c.is_alphanumeric() && !c.is_whitespace())
}

/// A URI or email autolink (`<https://x>`, `<a@b.c>`) at the start of `s`: href, text, length.
pub(crate) fn autolink(s: &str) -> Option<(String, String, usize)> {
    let end = s.find('>')?;
    let body = &s[1..end];
    if body
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '<')
    {
        return None;
    }
    let scheme = body.split(':').next().unwrap_or("");
    let uri = body.len() > scheme.len()
        && (2..=32).contains(&scheme.len())
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c));
    if uri {
        return Some((body.to_string(), body.to_string(), end + 1));
    }
    let (local, domain) = body.split_once('@')?;
    let email = !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(c))
        && !domain.is_empty()
        && domain
            .split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    email.then(|| (format!("mailto:{body}"), body.to_string(), end + 1))
}

/// Raw inline HTML (a tag, comment or declaration) at the start of `s`: its length.
pub(crate) fn raw_html(s: &str) -> Option<usize> {
    let next = s[1..].chars().next()?;
    let ok = next.is_ascii_alphabetic() || "/!?".contains(next);
    ok.then(|| s.find('>').map(|e| e + 1))?
}
