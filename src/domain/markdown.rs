//! Markdown to a small tree of elements and text, ready to become DOM nodes one by one (never
//! through `innerHTML`). Safety lives here and is tested natively:
//! - raw HTML in the markdown (`<script>`, `<img onerror>`) becomes text, shown as written;
//! - links and images keep their `href`/`src` only under the rule of [`safe_url`];
//! - links open in a new tab with `rel="noopener noreferrer"`;
//! - element names and attribute names come only from this file, never from the input.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::domain::safe_url::safe_url;

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
    fn new(tag: &'static str) -> Self {
        Element {
            tag,
            attrs: Vec::new(),
            children: Vec::new(),
        }
    }

    fn attr(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.attrs.push((name, value.into()));
        self
    }
}

fn heading(level: HeadingLevel) -> &'static str {
    match level {
        HeadingLevel::H1 => "h1",
        HeadingLevel::H2 => "h2",
        HeadingLevel::H3 => "h3",
        HeadingLevel::H4 => "h4",
        HeadingLevel::H5 => "h5",
        HeadingLevel::H6 => "h6",
    }
}

/// The element a block or inline tag opens.
fn open(tag: Tag<'_>) -> Element {
    match tag {
        Tag::Heading { level, .. } => Element::new(heading(level)),
        Tag::BlockQuote(_) => Element::new("blockquote"),
        Tag::CodeBlock(_) | Tag::HtmlBlock => Element::new("pre"),
        Tag::List(Some(start)) if start != 1 => Element::new("ol").attr("start", start.to_string()),
        Tag::List(Some(_)) => Element::new("ol"),
        Tag::List(None) => Element::new("ul"),
        Tag::Item => Element::new("li"),
        Tag::Table(_) => Element::new("table"),
        Tag::TableHead => Element::new("thead"),
        Tag::TableRow => Element::new("tr"),
        Tag::TableCell => Element::new("td"),
        Tag::Emphasis => Element::new("em"),
        Tag::Strong => Element::new("strong"),
        Tag::Strikethrough => Element::new("del"),
        Tag::Link {
            dest_url, title, ..
        } => {
            let mut a = Element::new("a");
            if let Some(href) = safe_url(&dest_url) {
                a = a
                    .attr("href", href)
                    .attr("target", "_blank")
                    .attr("rel", "noopener noreferrer");
            }
            if !title.is_empty() {
                a = a.attr("title", title.to_string());
            }
            a
        }
        Tag::Image {
            dest_url, title, ..
        } => {
            let mut img = Element::new("img");
            if let Some(src) = safe_url(&dest_url).filter(|s| !s.is_empty()) {
                img = img.attr("src", src).attr("referrerpolicy", "no-referrer");
            }
            if !title.is_empty() {
                img = img.attr("title", title.to_string());
            }
            img
        }
        Tag::FootnoteDefinition(_) => Element::new("aside"),
        // Paragraphs and anything newer than this list.
        _ => Element::new("p"),
    }
}

/// Builds the tree from the parser's events.
struct Builder {
    /// Open elements, innermost last; the bottom one is the root.
    stack: Vec<Element>,
    /// Depth inside a table head (cells there are `th`).
    in_head: bool,
}

impl Builder {
    fn top(&mut self) -> &mut Element {
        // The root is never popped, so the stack is never empty.
        self.stack.last_mut().expect("root element")
    }

    fn text(&mut self, text: &str) {
        let top = self.top();
        // Text inside an image is its alternative text, not a child.
        if top.tag == "img" {
            match top.attrs.iter_mut().find(|(n, _)| *n == "alt") {
                Some((_, alt)) => alt.push_str(text),
                None => top.attrs.push(("alt", text.to_string())),
            }
            return;
        }
        if let Some(Node::Text(last)) = top.children.last_mut() {
            last.push_str(text);
        } else {
            top.children.push(Node::Text(text.to_string()));
        }
    }

    fn leaf(&mut self, el: Element) {
        self.top().children.push(Node::Element(el));
    }

    fn close(&mut self) {
        if self.stack.len() > 1 {
            if let Some(el) = self.stack.pop() {
                self.leaf(el);
            }
        }
    }
}

/// The rendered form of `markdown` (CommonMark with tables, strikethrough and task lists).
pub fn render(markdown: &str) -> Vec<Node> {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut b = Builder {
        stack: vec![Element::new("div")],
        in_head: false,
    };
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::TableHead) => {
                b.in_head = true;
                b.stack.push(Element::new("thead"));
            }
            Event::Start(Tag::TableCell) if b.in_head => b.stack.push(Element::new("th")),
            Event::Start(Tag::CodeBlock(_)) => {
                b.stack.push(Element::new("pre"));
                b.stack.push(Element::new("code"));
            }
            Event::Start(tag) => b.stack.push(open(tag)),
            Event::End(TagEnd::TableHead) => {
                b.in_head = false;
                b.close();
            }
            Event::End(TagEnd::CodeBlock) => {
                b.close();
                b.close();
            }
            Event::End(_) => b.close(),
            // Raw HTML is shown as the text it is.
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => b.text(&t),
            Event::Code(t) => {
                let mut code = Element::new("code");
                code.children.push(Node::Text(t.to_string()));
                b.leaf(code);
            }
            Event::SoftBreak => b.text("\n"),
            Event::HardBreak => b.leaf(Element::new("br")),
            Event::Rule => b.leaf(Element::new("hr")),
            Event::TaskListMarker(done) => {
                let mut input = Element::new("input")
                    .attr("type", "checkbox")
                    .attr("disabled", "");
                if done {
                    input = input.attr("checked", "");
                }
                b.leaf(input);
            }
            Event::FootnoteReference(name) => b.text(&format!("[{name}]")),
            // Math and anything newer: its source text.
            Event::InlineMath(t) | Event::DisplayMath(t) => b.text(&t),
        }
    }
    while b.stack.len() > 1 {
        b.close();
    }
    b.stack.pop().map(|root| root.children).unwrap_or_default()
}

#[cfg(test)]
mod tests;
