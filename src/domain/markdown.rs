//! Markdown to a small tree of elements and text, ready to become DOM nodes one by one (never
//! through `innerHTML`). Safety lives here and is tested natively:
//! - raw HTML in the markdown (`<script>`, `<img onerror>`) becomes text, shown as written;
//! - links and images keep their `href`/`src` only under the rule of
//!   [`safe_url`](crate::domain::safe_url::safe_url);
//! - links open in a new tab with `rel="noopener noreferrer"`;
//! - element names and attribute names come only from this module, never from the input.
//!
//! The parser is our own (pulldown-cmark cost ~48 KiB of gzipped wasm): CommonMark's blocks
//! ([`block`]) and inlines ([`inline`]) plus GFM tables, strikethrough and task lists. Named
//! entities are limited to a common set; others stay as written.

mod block;
mod inline;

use block::{Block, Defs};

/// A piece of rendered markdown.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// An element.
    Element(Element),
    /// Text, inserted as a text node.
    Text(String),
}

/// An element with fixed name and attribute names.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// Tag name.
    pub tag: &'static str,
    /// Attributes.
    pub attrs: Vec<(&'static str, String)>,
    /// Children.
    pub children: Vec<Node>,
}

impl Element {
    pub(crate) fn new(tag: &'static str) -> Self {
        Element {
            tag,
            attrs: Vec::new(),
            children: Vec::new(),
        }
    }

    pub(crate) fn attr(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.attrs.push((name, value.into()));
        self
    }
}

/// Appends text to `nodes`, joining it to a text node already last.
fn push_text(nodes: &mut Vec<Node>, text: &str) {
    match nodes.last_mut() {
        Some(Node::Text(last)) => last.push_str(text),
        _ if text.is_empty() => {}
        _ => nodes.push(Node::Text(text.to_string())),
    }
}

fn with(tag: &'static str, children: Vec<Node>) -> Node {
    let mut el = Element::new(tag);
    el.children = children;
    Node::Element(el)
}

/// Nodes of `blocks`; in a tight list item, paragraphs are their text alone.
fn blocks(list: Vec<Block>, defs: &Defs, tight: bool, out: &mut Vec<Node>) {
    for b in list {
        match b {
            Block::Para(t) if tight => {
                for n in inline::parse(&t, defs) {
                    match n {
                        Node::Text(t) => push_text(out, &t),
                        n => out.push(n),
                    }
                }
            }
            Block::Para(t) => out.push(with("p", inline::parse(&t, defs))),
            Block::Heading(level, t) => {
                const TAGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];
                let tag = TAGS[usize::from(level.clamp(1, 6)) - 1];
                out.push(with(tag, inline::parse(&t, defs)));
            }
            Block::Code(t) => {
                let mut code = Vec::new();
                push_text(&mut code, &t);
                out.push(with("pre", vec![with("code", code)]));
            }
            // Raw HTML is shown as the text it is.
            Block::Html(t) => out.push(with("pre", vec![Node::Text(t)])),
            Block::Rule => out.push(Node::Element(Element::new("hr"))),
            Block::Quote(inner) => {
                let mut children = Vec::new();
                blocks(inner, defs, false, &mut children);
                out.push(with("blockquote", children));
            }
            Block::List(start, tight, items) => {
                let mut list = match start {
                    None => Element::new("ul"),
                    Some(1) => Element::new("ol"),
                    Some(n) => Element::new("ol").attr("start", n.to_string()),
                };
                for item in items {
                    let mut li = Vec::new();
                    if let Some(done) = item.task {
                        let mut input = Element::new("input")
                            .attr("type", "checkbox")
                            .attr("disabled", "");
                        if done {
                            input = input.attr("checked", "");
                        }
                        li.push(Node::Element(input));
                    }
                    blocks(item.blocks, defs, tight, &mut li);
                    list.children.push(with("li", li));
                }
                out.push(Node::Element(list));
            }
            Block::Table(head, rows) => {
                let cell = |tag, t: String| with(tag, inline::parse(&t, defs));
                let head = head.into_iter().map(|t| cell("th", t)).collect();
                let mut table = vec![with("thead", head)];
                for row in rows {
                    table.push(with("tr", row.into_iter().map(|t| cell("td", t)).collect()));
                }
                out.push(with("table", table));
            }
        }
    }
}

/// The rendered form of `markdown` (CommonMark with tables, strikethrough and task lists).
pub fn render(markdown: &str) -> Vec<Node> {
    let lines: Vec<String> = markdown.lines().map(block::expand).collect();
    let mut defs = Defs::new();
    let (parsed, _) = block::parse(&lines, &mut defs);
    let mut out = Vec::new();
    blocks(parsed, &defs, false, &mut out);
    out
}

#[cfg(test)]
mod tests;
