//! Classifying one markdown line: which block it opens, its indent, a table row's cells.

/// Leading spaces of `line` (tabs already expanded).
pub(crate) fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

pub(crate) fn blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// Expands tabs in the leading whitespace to stops of four columns.
pub(crate) fn expand(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(c) = rest.chars().next().filter(|c| *c == ' ' || *c == '\t') {
        if c == '\t' {
            out.push_str(&"    "[out.len() % 4..]);
        } else {
            out.push(' ');
        }
        rest = &rest[1..];
    }
    out + rest
}

/// An opening code fence: its indent, character and length.
pub(crate) fn fence(line: &str) -> Option<(usize, u8, usize)> {
    let ind = indent(line);
    let s = &line[ind..];
    let ch = *s.as_bytes().first()?;
    let n = s.bytes().take_while(|&b| b == ch).count();
    let ok = ind < 4 && (ch == b'`' || ch == b'~') && n >= 3;
    (ok && !(ch == b'`' && s[n..].contains('`'))).then_some((ind, ch, n))
}

pub(crate) fn atx(line: &str) -> Option<(u8, String)> {
    let s = line.trim_start_matches(' ');
    let n = s.bytes().take_while(|&b| b == b'#').count();
    let rest = &s[n..];
    if indent(line) > 3 || !(1..=6).contains(&n) || !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    let mut text = rest.trim();
    let closed = text.trim_end_matches('#');
    if closed.is_empty() || closed.ends_with(' ') {
        text = closed.trim_end();
    }
    Some((n as u8, text.to_string()))
}

pub(crate) fn rule(line: &str) -> bool {
    let s: String = line.chars().filter(|c| *c != ' ').collect();
    indent(line) < 4 && s.len() >= 3 && ["*", "-", "_"].iter().any(|c| s.replace(c, "").is_empty())
}

pub(crate) fn quote(line: &str) -> Option<&str> {
    let s = line.trim_start_matches(' ');
    let rest = s.strip_prefix('>').filter(|_| indent(line) < 4)?;
    Some(rest.strip_prefix(' ').unwrap_or(rest))
}

/// A list marker: the start number when ordered, the bullet or delimiter, the content's indent,
/// and whether the item is empty on its first line.
pub(crate) struct Marker {
    pub(crate) start: Option<u64>,
    pub(crate) ch: u8,
    pub(crate) width: usize,
    pub(crate) empty: bool,
}

pub(crate) fn marker(line: &str) -> Option<Marker> {
    let ind = indent(line);
    let s = &line[ind..];
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let (start, ch, w) = match s.as_bytes().first()? {
        b'-' | b'+' | b'*' => (None, s.as_bytes()[0], 1),
        _ if (1..10).contains(&digits) && matches!(s.as_bytes().get(digits), Some(b'.' | b')')) => {
            (s[..digits].parse().ok(), s.as_bytes()[digits], digits + 1)
        }
        _ => return None,
    };
    let rest = &s[w..];
    let spaces = indent(rest);
    let empty = blank(rest);
    if ind > 3 || !(empty || spaces > 0) {
        return None;
    }
    let pad = if empty || spaces > 4 { 1 } else { spaces };
    Some(Marker {
        start,
        ch,
        width: ind + w + pad,
        empty,
    })
}

/// Which raw HTML block starts on `line`: 1 ends at a closing tag, 2 at `-->`, 3 at `?>`, 4 at
/// `>`, 5 at `]]>`, 6 and 7 at a blank line (7 cannot interrupt a paragraph).
pub(crate) fn html_start(line: &str) -> Option<u8> {
    let s = line.trim_start_matches(' ');
    if indent(line) > 3 || !s.starts_with('<') {
        return None;
    }
    let lower = s.to_ascii_lowercase();
    let name: String = lower[1..]
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let after = lower[1..].trim_start_matches('/')[name.len()..]
        .chars()
        .next();
    let ends_name = matches!(after, None | Some(' ' | '>' | '\t'))
        || lower[1..].trim_start_matches('/')[name.len()..].starts_with("/>");
    if ["script", "pre", "style", "textarea"].contains(&name.as_str())
        && !lower.starts_with("</")
        && ends_name
    {
        return Some(1);
    }
    if lower.starts_with("<!--") {
        return Some(2);
    }
    if lower.starts_with("<?") {
        return Some(3);
    }
    if lower.starts_with("<![cdata[") {
        return Some(5);
    }
    if lower.starts_with("<!") && lower[2..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Some(4);
    }
    if ends_name && BLOCK_TAGS.contains(&name.as_str()) {
        return Some(6);
    }
    let t = s.trim_end();
    let tag_like = !name.is_empty()
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && t.ends_with('>')
        && !t[1..t.len() - 1].contains(['<', '>']);
    tag_like.then_some(7)
}

pub(crate) const BLOCK_TAGS: [&str; 62] = [
    "address",
    "article",
    "aside",
    "base",
    "basefont",
    "blockquote",
    "body",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "iframe",
    "legend",
    "li",
    "link",
    "main",
    "menu",
    "menuitem",
    "nav",
    "noframes",
    "ol",
    "optgroup",
    "option",
    "p",
    "param",
    "search",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "ul",
];

pub(crate) fn html_ends(kind: u8, line: &str) -> bool {
    let l = line.to_ascii_lowercase();
    match kind {
        1 => ["</script>", "</pre>", "</style>", "</textarea>"]
            .iter()
            .any(|e| l.contains(e)),
        2 => l.contains("-->"),
        3 => l.contains("?>"),
        4 => l.contains('>'),
        5 => l.contains("]]>"),
        _ => false,
    }
}

/// Whether `line` starts a block that ends a paragraph.
pub(crate) fn interrupts(line: &str) -> bool {
    fence(line).is_some()
        || atx(line).is_some()
        || rule(line)
        || quote(line).is_some()
        || html_start(line).is_some_and(|k| k < 7)
        || marker(line).is_some_and(|m| !m.empty && m.start.is_none_or(|n| n == 1))
}

/// The cells of a table row.
pub(crate) fn cells(line: &str) -> Vec<String> {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = if t.ends_with('|') && !t.ends_with("\\|") {
        &t[..t.len() - 1]
    } else {
        t
    };
    let mut out = vec![String::new()];
    let mut escaped = false;
    for c in t.chars() {
        if c == '|' && !escaped {
            out.push(String::new());
        } else if let Some(cell) = out.last_mut() {
            cell.push(c);
        }
        escaped = c == '\\' && !escaped;
    }
    out.into_iter().map(|c| c.trim().to_string()).collect()
}

pub(crate) fn delimiter_row(line: &str) -> Option<usize> {
    let c = cells(line);
    let ok = line.contains(['|', '-'])
        && c.iter().all(|c| {
            let d = c.trim_start_matches(':').trim_end_matches(':');
            !d.is_empty() && d.bytes().all(|b| b == b'-')
        });
    ok.then_some(c.len())
}
