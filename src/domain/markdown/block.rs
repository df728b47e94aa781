//! The block structure of markdown: lines grouped into paragraphs, headings, code, quotes, lists
//! and tables, with inline text still raw. Link reference definitions are collected on the way.

use std::collections::HashMap;

mod lines;

use lines::*;
pub(crate) use lines::{cells, expand};

/// Link reference definitions: normalised label to (destination, title).
pub type Defs = HashMap<String, (String, String)>;

/// A block with its inline text unparsed.
#[derive(Debug)]
pub enum Block {
    /// A paragraph's text (lines joined with `\n`).
    Para(String),
    /// A heading level (1–6) and its text.
    Heading(u8, String),
    /// A code block's text, one `\n` after each line.
    Code(String),
    /// A raw HTML block, shown as text.
    Html(String),
    /// A thematic break.
    Rule,
    /// A block quote.
    Quote(Vec<Block>),
    /// A list: the start number when ordered, whether it is tight, and its items.
    List(Option<u64>, bool, Vec<Item>),
    /// A table: header cells and body rows.
    Table(Vec<String>, Vec<Vec<String>>),
}

/// A list item: its task box (checked or not), if any, and its blocks.
#[derive(Debug)]
pub struct Item {
    pub task: Option<bool>,
    pub blocks: Vec<Block>,
}

/// Parses `lines` into blocks, adding reference definitions to `defs`. The flag says whether a
/// blank line separated two of the blocks (which makes a list loose).
pub fn parse(lines: &[String], defs: &mut Defs) -> (Vec<Block>, bool) {
    let mut out = Vec::new();
    let mut gap = false;
    let mut pending_blank = false;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].as_str();
        if blank(line) {
            pending_blank = true;
            i += 1;
            continue;
        }
        let before = out.len();
        i = block(lines, i, &mut out, defs);
        if out.len() > before && before > 0 && pending_blank {
            gap = true;
        }
        if out.len() > before {
            pending_blank = false;
        }
    }
    (out, gap)
}

/// Parses the block starting at `lines[i]` into `out`; returns the index after it.
fn block(lines: &[String], mut i: usize, out: &mut Vec<Block>, defs: &mut Defs) -> usize {
    let line = lines[i].as_str();
    if indent(line) >= 4 {
        let mut code: Vec<&str> = Vec::new();
        while i < lines.len() && (blank(&lines[i]) || indent(&lines[i]) >= 4) {
            code.push(lines[i].get(4..).unwrap_or(""));
            i += 1;
        }
        while code.last().is_some_and(|l| blank(l)) {
            code.pop();
        }
        out.push(Block::Code(code.iter().map(|l| format!("{l}\n")).collect()));
        return i;
    }
    if let Some((ind, ch, n)) = fence(line) {
        let mut code = String::new();
        i += 1;
        while i < lines.len() {
            let l = lines[i].as_str();
            let t = l.trim_start_matches(' ');
            let run = t.bytes().take_while(|&b| b == ch).count();
            i += 1;
            if indent(l) < 4 && run >= n && blank(&t[run..]) {
                break;
            }
            code.push_str(&l[indent(l).min(ind)..]);
            code.push('\n');
        }
        out.push(Block::Code(code));
        return i;
    }
    if let Some((level, text)) = atx(line) {
        out.push(Block::Heading(level, text));
        return i + 1;
    }
    if rule(line) {
        out.push(Block::Rule);
        return i + 1;
    }
    if quote(line).is_some() {
        let mut inner = Vec::new();
        while i < lines.len() {
            let l = lines[i].as_str();
            if let Some(rest) = quote(l) {
                inner.push(expand(rest));
            } else if blank(l) || interrupts(l) || inner.last().is_none_or(|p: &String| blank(p)) {
                break;
            } else {
                inner.push(l.to_string());
            }
            i += 1;
        }
        out.push(Block::Quote(parse(&inner, defs).0));
        return i;
    }
    if let Some(first) = marker(line) {
        return list(lines, i, first, out, defs);
    }
    if let Some(kind) = html_start(line) {
        let mut html = String::new();
        while i < lines.len() {
            let l = lines[i].as_str();
            if kind >= 6 && blank(l) {
                break;
            }
            html.push_str(l);
            html.push('\n');
            i += 1;
            if html_ends(kind, l) {
                break;
            }
        }
        out.push(Block::Html(html));
        return i;
    }
    if line.contains('|') {
        let head = cells(line);
        if lines.get(i + 1).and_then(|l| delimiter_row(l)) == Some(head.len()) {
            i += 2;
            let mut rows = Vec::new();
            while i < lines.len() && !blank(&lines[i]) && !interrupts(&lines[i]) {
                let mut row = cells(&lines[i]);
                row.resize(head.len(), String::new());
                rows.push(row);
                i += 1;
            }
            out.push(Block::Table(head, rows));
            return i;
        }
    }
    let mut para: Vec<&str> = Vec::new();
    while i < lines.len() {
        let l = lines[i].as_str();
        if !para.is_empty() && indent(l) < 4 {
            let underline = l.trim();
            let level = match underline.as_bytes().first() {
                Some(b'=') if underline.bytes().all(|b| b == b'=') => Some(1),
                Some(b'-') if underline.bytes().all(|b| b == b'-') => Some(2),
                _ => None,
            };
            if let Some(level) = level {
                let text = take_defs(&para.join("\n"), defs);
                out.push(match text.trim() {
                    "" => Block::Para(underline.to_string()),
                    t => Block::Heading(level, t.to_string()),
                });
                return i + 1;
            }
        }
        if blank(l) || (!para.is_empty() && interrupts(l)) {
            break;
        }
        para.push(l.trim_start());
        i += 1;
    }
    let text = take_defs(&para.join("\n"), defs);
    let text = text.trim_end();
    if !text.is_empty() {
        out.push(Block::Para(text.to_string()));
    }
    i
}

/// Parses the list starting at `lines[i]`.
fn list(
    lines: &[String],
    mut i: usize,
    first: Marker,
    out: &mut Vec<Block>,
    defs: &mut Defs,
) -> usize {
    let mut items = Vec::new();
    let mut loose = false;
    let mut blank_before = false;
    while let Some(m) = lines.get(i).and_then(|l| marker(l)).filter(|m| {
        m.ch == first.ch && m.start.is_some() == first.start.is_some() && !rule(&lines[i])
    }) {
        loose |= blank_before && !items.is_empty();
        let mut body = vec![lines[i].get(m.width..).unwrap_or("").to_string()];
        i += 1;
        while i < lines.len() {
            let l = lines[i].as_str();
            if blank(l) {
                if m.empty && body.len() == 1 {
                    break;
                }
                body.push(String::new());
            } else if indent(l) >= m.width {
                body.push(l[m.width..].to_string());
            } else if !body.last().is_some_and(|p| blank(p))
                && !interrupts(l)
                && marker(l).is_none()
            {
                body.push(l.trim_start().to_string());
            } else {
                break;
            }
            i += 1;
        }
        let mut trailing = 0;
        while body.len() > 1 && body.last().is_some_and(|l| blank(l)) {
            body.pop();
            trailing += 1;
        }
        i -= trailing;
        blank_before = trailing > 0;
        let mut task = None;
        let head = &body[0];
        // `get`, not indexing: byte 3 may fall inside a character.
        if let (Some(mark @ ("[ ]" | "[x]" | "[X]")), Some(rest)) = (head.get(..3), head.get(3..)) {
            if rest.starts_with([' ', '\t']) {
                task = Some(mark != "[ ]");
                body[0] = rest.trim_start().to_string();
            }
        }
        let body: Vec<String> = body.iter().map(|l| expand(l)).collect();
        let (blocks, gap) = parse(&body, defs);
        loose |= gap;
        items.push(Item { task, blocks });
        let next = (i..lines.len())
            .find(|&j| !blank(&lines[j]))
            .unwrap_or(lines.len());
        if lines.get(next).and_then(|l| marker(l)).is_some() {
            i = next;
        }
    }
    out.push(Block::List(first.start, !loose, items));
    i
}

/// Removes the link reference definitions at the start of a paragraph's text.
fn take_defs(text: &str, defs: &mut Defs) -> String {
    let mut rest = text;
    while let Some((label, dest, title, after)) = definition(rest) {
        defs.entry(label).or_insert((dest, title));
        rest = after;
    }
    rest.to_string()
}

/// `[label]: destination "title"` at the start of `s`, up to the end of its line.
fn definition(s: &str) -> Option<(String, String, String, &str)> {
    let inner = s.strip_prefix('[')?;
    let end = super::inline::label_end(inner)?;
    let label = super::inline::normalise(&inner[..end]);
    let rest = inner[end + 1..].strip_prefix(':')?;
    let (dest, title, after) = super::inline::destination(rest, true)?;
    let after = after.trim_start_matches([' ', '\t']);
    let after = match after.strip_prefix('\n') {
        Some(a) => a,
        None if after.is_empty() => after,
        None => return None,
    };
    (!label.is_empty()).then_some((label, dest, title, after))
}
