//! Inline markdown: emphasis, strong, strikethrough, code spans, links, images, autolinks,
//! escapes, entities and breaks. Raw inline HTML stays text.

use super::block::Defs;
use super::{push_text, Element, Node};
use crate::domain::safe_url::safe_url;

mod scan;

use scan::*;
pub(crate) use scan::{destination, label_end, normalise};

/// A piece of a paragraph while it is parsed.
enum Tok {
    Text(String),
    /// A `[` or `![` that may open a link or image.
    Open(&'static str),
    /// A run of `*`, `_` or `~`: character, count left, original count, can open, can close.
    Delim(u8, usize, usize, bool, bool),
    Node(Node),
}

fn link(href: &str, title: String) -> Element {
    let mut a = Element::new("a");
    if let Some(href) = safe_url(href) {
        a = a
            .attr("href", href)
            .attr("target", "_blank")
            .attr("rel", "noopener noreferrer");
    }
    if !title.is_empty() {
        a = a.attr("title", title);
    }
    a
}

/// All text of `nodes`, for an image's alternative text.
fn plain(nodes: &[Node], out: &mut String) {
    for n in nodes {
        match n {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => plain(&e.children, out),
        }
    }
}

/// The nodes of a paragraph's (or heading's or cell's) text.
pub fn parse(src: &str, defs: &Defs) -> Vec<Node> {
    let mut toks: Vec<Tok> = Vec::new();
    // Open brackets: index in `toks`, source offset after the bracket, active.
    let mut brackets: Vec<(usize, usize, bool)> = Vec::new();
    let text = |toks: &mut Vec<Tok>, s: &str| match toks.last_mut() {
        Some(Tok::Text(t)) => t.push_str(s),
        _ => toks.push(Tok::Text(s.to_string())),
    };
    let mut i = 0;
    while let Some(c) = src[i..].chars().next() {
        let rest = &src[i..];
        let next = rest[c.len_utf8()..].chars().next();
        match c {
            '\\' if next == Some('\n') => {
                toks.push(Tok::Node(Node::Element(Element::new("br"))));
                i += 2;
                i += src[i..].len() - src[i..].trim_start_matches(' ').len();
            }
            '\\' if next.is_some_and(|n| n.is_ascii_punctuation()) => {
                text(&mut toks, &rest[1..2]);
                i += 2;
            }
            '`' => {
                let n = rest.bytes().take_while(|&b| b == b'`').count();
                let mut j = n;
                let mut found = None;
                while let Some(k) = rest[j..].find('`') {
                    let run = rest[j + k..].bytes().take_while(|&b| b == b'`').count();
                    if run == n {
                        found = Some(j + k);
                        break;
                    }
                    j += k + run;
                }
                match found {
                    Some(end) => {
                        let body = rest[n..end].replace('\n', " ");
                        let body = match body.strip_prefix(' ').and_then(|b| b.strip_suffix(' ')) {
                            Some(b) if !body.trim().is_empty() => b.to_string(),
                            _ => body,
                        };
                        let mut code = Element::new("code");
                        code.children.push(Node::Text(body));
                        toks.push(Tok::Node(Node::Element(code)));
                        i += end + n;
                    }
                    None => {
                        text(&mut toks, &rest[..n]);
                        i += n;
                    }
                }
            }
            '*' | '_' | '~' => {
                let n = rest.bytes().take_while(|&b| b == c as u8).count();
                let before = src[..i].chars().next_back().unwrap_or(' ');
                let after = rest[n..].chars().next().unwrap_or(' ');
                let left = !after.is_whitespace()
                    && (!is_punct(after) || before.is_whitespace() || is_punct(before));
                let right = !before.is_whitespace()
                    && (!is_punct(before) || after.is_whitespace() || is_punct(after));
                let (open, close) = if c == '_' {
                    (
                        left && (!right || is_punct(before)),
                        right && (!left || is_punct(after)),
                    )
                } else {
                    (left, right)
                };
                if c == '~' && n > 2 {
                    text(&mut toks, &rest[..n]);
                } else {
                    toks.push(Tok::Delim(c as u8, n, n, open, close));
                }
                i += n;
            }
            '!' if next == Some('[') => {
                brackets.push((toks.len(), i + 2, true));
                toks.push(Tok::Open("!["));
                i += 2;
            }
            '[' => {
                brackets.push((toks.len(), i + 1, true));
                toks.push(Tok::Open("["));
                i += 1;
            }
            ']' => {
                i += 1;
                let Some((at, start, active)) = brackets.pop() else {
                    text(&mut toks, "]");
                    continue;
                };
                let image = matches!(toks[at], Tok::Open("!["));
                let label = &src[start..i - 1];
                let after = &src[i..];
                let target = if !active {
                    None
                } else if let Some(d) = after.strip_prefix('(').and_then(|a| destination(a, false))
                {
                    Some((d.0, d.1, src.len() - d.2.len()))
                } else {
                    let (key, len) = match after
                        .strip_prefix('[')
                        .and_then(|a| label_end(a).map(|e| (a, e)))
                    {
                        Some((_, 0)) => (label, 2),
                        Some((a, e)) => (&a[..e], e + 2),
                        None => (label, 0),
                    };
                    defs.get(&normalise(key))
                        .map(|(d, t)| (d.clone(), t.clone(), i + len))
                };
                let Some((dest, title, end)) = target else {
                    text(&mut toks, "]");
                    continue;
                };
                let inner: Vec<Tok> = toks.drain(at + 1..).collect();
                toks.pop();
                let children = emphasis(inner);
                let el = if image {
                    let mut img = Element::new("img");
                    if let Some(src) = safe_url(&dest).filter(|s| !s.is_empty()) {
                        img = img.attr("src", src).attr("referrerpolicy", "no-referrer");
                    }
                    if !title.is_empty() {
                        img = img.attr("title", title);
                    }
                    let mut alt = String::new();
                    plain(&children, &mut alt);
                    if !alt.is_empty() {
                        img = img.attr("alt", alt);
                    }
                    img
                } else {
                    // No links inside links.
                    for b in &mut brackets {
                        if matches!(toks[b.0], Tok::Open("[")) {
                            b.2 = false;
                        }
                    }
                    let mut a = link(&dest, title);
                    a.children = children;
                    a
                };
                toks.push(Tok::Node(Node::Element(el)));
                i = end;
            }
            '<' => {
                if let Some((href, shown, len)) = autolink(rest) {
                    let mut a = link(&href, String::new());
                    a.children.push(Node::Text(shown));
                    toks.push(Tok::Node(Node::Element(a)));
                    i += len;
                } else {
                    let len = raw_html(rest).unwrap_or(1);
                    text(&mut toks, &rest[..len]);
                    i += len;
                }
            }
            '&' => match entity(rest) {
                Some((t, len)) => {
                    text(&mut toks, &t);
                    i += len;
                }
                None => {
                    text(&mut toks, "&");
                    i += 1;
                }
            },
            '\n' => {
                let hard = match toks.last_mut() {
                    Some(Tok::Text(t)) => {
                        let kept = t.trim_end_matches(' ').len();
                        let hard = t.len() - kept >= 2;
                        t.truncate(kept);
                        hard
                    }
                    _ => false,
                };
                if hard {
                    toks.push(Tok::Node(Node::Element(Element::new("br"))));
                } else {
                    text(&mut toks, "\n");
                }
                i += 1;
                i += src[i..].len() - src[i..].trim_start_matches(' ').len();
            }
            _ => {
                text(&mut toks, &rest[..c.len_utf8()]);
                i += c.len_utf8();
            }
        }
    }
    emphasis(toks)
}

/// Matches emphasis delimiters (CommonMark's "process emphasis") and flattens the rest to nodes.
fn emphasis(mut toks: Vec<Tok>) -> Vec<Node> {
    let mut c = 0;
    while c < toks.len() {
        let Tok::Delim(ch, cn, corig, copen, true) = toks[c] else {
            c += 1;
            continue;
        };
        let opener = (0..c).rev().find(|&o| match toks[o] {
            Tok::Delim(oc, on, oorig, true, oclose) if oc == ch && on > 0 => {
                if ch == b'~' {
                    on == cn
                } else {
                    let odd = (oclose || copen) && (oorig + corig) % 3 == 0;
                    !odd || (oorig % 3 == 0 && corig % 3 == 0)
                }
            }
            _ => false,
        });
        let Some(o) = opener else {
            c += 1;
            continue;
        };
        let Tok::Delim(_, on, ..) = toks[o] else {
            continue;
        };
        let used = if ch == b'~' {
            cn
        } else if on >= 2 && cn >= 2 {
            2
        } else {
            1
        };
        let tag = match (ch, used) {
            (b'~', _) => "del",
            (_, 2) => "strong",
            _ => "em",
        };
        let inner: Vec<Tok> = toks.drain(o + 1..c).collect();
        let mut el = Element::new(tag);
        el.children = flatten(inner);
        toks.insert(o + 1, Tok::Node(Node::Element(el)));
        c = o + 2;
        for k in [o, c] {
            if let Tok::Delim(_, n, ..) = &mut toks[k] {
                *n -= used;
            }
        }
        if matches!(toks[c], Tok::Delim(_, 0, ..)) {
            toks.remove(c);
        }
        if matches!(toks[o], Tok::Delim(_, 0, ..)) {
            toks.remove(o);
            c -= 1;
        }
    }
    flatten(toks)
}

/// Tokens to nodes: unmatched delimiters and brackets become text.
fn flatten(toks: Vec<Tok>) -> Vec<Node> {
    let mut out = Vec::new();
    for t in toks {
        match t {
            Tok::Text(s) => push_text(&mut out, &s),
            Tok::Open(s) => push_text(&mut out, s),
            Tok::Delim(ch, n, ..) => push_text(&mut out, &(ch as char).to_string().repeat(n)),
            Tok::Node(n) => out.push(n),
        }
    }
    out
}
