//! The markdown tree: structure, raw HTML as text, and the link/image rule.

use super::*;

fn el(n: &Node) -> &Element {
    match n {
        Node::Element(e) => e,
        Node::Text(t) => panic!("expected an element, got text {t:?}"),
    }
}

fn attr<'a>(e: &'a Element, name: &str) -> Option<&'a str> {
    e.attrs
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.as_str())
}

/// Every element of the tree, depth first.
fn all(nodes: &[Node]) -> Vec<&Element> {
    let mut out = Vec::new();
    for n in nodes {
        if let Node::Element(e) = n {
            out.push(e);
            out.extend(all(&e.children));
        }
    }
    out
}

/// All text of the tree, concatenated.
fn text(nodes: &[Node]) -> String {
    nodes
        .iter()
        .map(|n| match n {
            Node::Text(t) => t.clone(),
            Node::Element(e) => text(&e.children),
        })
        .collect()
}

#[test]
fn headings_lists_code_and_tables() {
    let tree =
        render("# Title\n\n- a\n- [x] b\n\n```rust\nfn x() {}\n```\n\n| h |\n|---|\n| c |\n");
    let tags: Vec<&str> = all(&tree).iter().map(|e| e.tag).collect();
    assert_eq!(
        tags,
        ["h1", "ul", "li", "li", "input", "pre", "code", "table", "thead", "th", "tr", "td"]
    );
    assert_eq!(text(&el(&tree[0]).children), "Title");
    assert!(text(&tree).contains("fn x() {}"));
}

#[test]
fn raw_html_is_text() {
    let md = "<script>window.__pwned=1</script>\n\nHi <img src=x onerror=alert(1)> there\n";
    let tree = render(md);
    let tags: Vec<&str> = all(&tree).iter().map(|e| e.tag).collect();
    assert!(
        !tags.contains(&"script") && !tags.contains(&"img"),
        "{tags:?}"
    );
    let shown = text(&tree);
    assert!(
        shown.contains("<script>window.__pwned=1</script>"),
        "{shown}"
    );
    assert!(shown.contains("<img src=x onerror=alert(1)>"), "{shown}");
}

#[test]
fn links_keep_only_safe_targets_and_open_in_a_new_tab() {
    let md = "[ok](https://example.com) [rel](notes.md) [a](#top) \
              [x](javascript:window.__pwned=2) [y](JAVASCRIPT:alert(1)) \
              [z](&#106;avascript:alert(1)) [w](<jav\tascript:alert(1)>) [d](data:text/html,hi)";
    let tree = render(md);
    let links: Vec<&Element> = all(&tree).into_iter().filter(|e| e.tag == "a").collect();
    assert_eq!(links.len(), 8);
    for good in &links[..3] {
        assert!(attr(good, "href").is_some(), "{good:?}");
        assert_eq!(attr(good, "target"), Some("_blank"));
        assert_eq!(attr(good, "rel"), Some("noopener noreferrer"));
    }
    for bad in &links[3..] {
        assert_eq!(attr(bad, "href"), None, "{bad:?}");
    }
}

#[test]
fn images_keep_only_safe_sources_and_their_alt_text() {
    let tree = render(
        "![a cat](cat.png \"Cat\") ![bad](javascript:alert(1)) ![d](data:image/png;base64,AA)",
    );
    let imgs: Vec<&Element> = all(&tree).into_iter().filter(|e| e.tag == "img").collect();
    assert_eq!(attr(imgs[0], "src"), Some("cat.png"));
    assert_eq!(attr(imgs[0], "alt"), Some("a cat"));
    assert_eq!(attr(imgs[0], "title"), Some("Cat"));
    assert_eq!(attr(imgs[1], "src"), None);
    assert_eq!(attr(imgs[2], "src"), None);
}

#[test]
fn only_known_element_and_attribute_names_appear() {
    let md = "<div onclick=x>*a*</div>\n\n[l](http://x \"t\") ![i](y.png) ~~s~~ `c`\n\n---\n\n> q\n\n3. n\n";
    for e in all(&render(md)) {
        assert!(
            [
                "p",
                "h1",
                "h2",
                "h3",
                "h4",
                "h5",
                "h6",
                "blockquote",
                "pre",
                "code",
                "ol",
                "ul",
                "li",
                "table",
                "thead",
                "tr",
                "th",
                "td",
                "em",
                "strong",
                "del",
                "a",
                "img",
                "aside",
                "br",
                "hr",
                "input"
            ]
            .contains(&e.tag),
            "{}",
            e.tag
        );
        for (name, _) in &e.attrs {
            assert!(!name.starts_with("on"), "{name}");
        }
    }
}

/// The tree as compact HTML-like text, for structural assertions.
fn html(nodes: &[Node]) -> String {
    let mut out = String::new();
    for n in nodes {
        match n {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                out.push('<');
                out.push_str(e.tag);
                for (k, v) in &e.attrs {
                    out.push_str(&format!(" {k}={v:?}"));
                }
                out.push('>');
                out.push_str(&html(&e.children));
                out.push_str(&format!("</{}>", e.tag));
            }
        }
    }
    out
}

fn md(src: &str) -> String {
    html(&render(src))
}

#[test]
fn headings_atx_and_setext() {
    assert_eq!(
        md("# One\n## Two ##\n###### Six\n####### no\n#no"),
        "<h1>One</h1><h2>Two</h2><h6>Six</h6><p>####### no\n#no</p>"
    );
    assert_eq!(md("A\n===\n\nB\n---\n"), "<h1>A</h1><h2>B</h2>");
}

#[test]
fn paragraphs_and_breaks() {
    assert_eq!(md("a\nb\n\nc"), "<p>a\nb</p><p>c</p>");
    assert_eq!(md("a  \nb\\\nc   "), "<p>a<br></br>b<br></br>c</p>");
}

#[test]
fn emphasis_strong_and_strikethrough() {
    assert_eq!(
        md("*a* _b_ **c** __d__ ***e*** ~~f~~ ~g~"),
        "<p><em>a</em> <em>b</em> <strong>c</strong> <strong>d</strong> \
         <em><strong>e</strong></em> <del>f</del> <del>g</del></p>"
    );
    assert_eq!(
        md("snake_case_name 2*3*4"),
        "<p>snake_case_name 2<em>3</em>4</p>"
    );
    assert_eq!(md("**open *x"), "<p>**open *x</p>");
    assert_eq!(md("*a **b** c*"), "<p><em>a <strong>b</strong> c</em></p>");
}

#[test]
fn inline_code_escapes_and_entities() {
    assert_eq!(
        md("`a *b*` ``x ` y``"),
        "<p><code>a *b*</code> <code>x ` y</code></p>"
    );
    assert_eq!(
        md("\\*not em\\* &amp; &#x41; &#66; &copy;"),
        "<p>*not em* & A B ©</p>"
    );
    assert_eq!(md("&unknown; `never"), "<p>&unknown; `never</p>");
}

#[test]
fn code_blocks_fenced_and_indented() {
    assert_eq!(
        md("```rust\nfn x() {}\n\n  y\n```\n~~~\n<b>\n~~~\n\n    four\n    more\n"),
        "<pre><code>fn x() {}\n\n  y\n</code></pre><pre><code><b>\n</code></pre>\
         <pre><code>four\nmore\n</code></pre>"
    );
    assert_eq!(md("```\nopen\n"), "<pre><code>open\n</code></pre>");
}

#[test]
fn lists_tight_loose_nested_and_ordered() {
    assert_eq!(md("- a\n- b\n"), "<ul><li>a</li><li>b</li></ul>");
    assert_eq!(
        md("- a\n\n- b\n"),
        "<ul><li><p>a</p></li><li><p>b</p></li></ul>"
    );
    assert_eq!(
        md("- a\n  - b\n    1. c\n- d\n"),
        "<ul><li>a<ul><li>b<ol><li>c</li></ol></li></ul></li><li>d</li></ul>"
    );
    assert_eq!(
        md("3. x\n4. y\n"),
        "<ol start=\"3\"><li>x</li><li>y</li></ol>"
    );
    assert_eq!(md("1) x\n"), "<ol><li>x</li></ol>");
    assert_eq!(md("- a\n+ b\n"), "<ul><li>a</li></ul><ul><li>b</li></ul>");
    assert_eq!(md("text\n2. not a list\n"), "<p>text\n2. not a list</p>");
}

#[test]
fn task_lists() {
    assert_eq!(
        md("- [ ] todo\n- [x] done\n- [] plain\n"),
        "<ul><li><input type=\"checkbox\" disabled=\"\"></input>todo</li>\
         <li><input type=\"checkbox\" disabled=\"\" checked=\"\"></input>done</li><li>[] plain</li></ul>"
    );
}

#[test]
fn blockquotes_nested_and_lazy() {
    assert_eq!(
        md("> a\nlazy\n> > b\n"),
        "<blockquote><p>a\nlazy</p><blockquote><p>b</p></blockquote></blockquote>"
    );
    assert_eq!(
        md("> - x\n"),
        "<blockquote><ul><li>x</li></ul></blockquote>"
    );
}

#[test]
fn links_images_references_and_autolinks() {
    let a = " target=\"_blank\" rel=\"noopener noreferrer\"";
    assert_eq!(
        md("[t *e*](u \"T\") [r] [full][r] [c][]\n\n[r]: /ref\n[C]: <c d>"),
        format!(
            "<p><a href=\"u\"{a} title=\"T\">t <em>e</em></a> <a href=\"/ref\"{a}>r</a> \
             <a href=\"/ref\"{a}>full</a> <a href=\"c d\"{a}>c</a></p>"
        )
    );
    assert_eq!(
        md("<https://x.y/z> <a@b.c> [missing]"),
        format!(
            "<p><a href=\"https://x.y/z\"{a}>https://x.y/z</a> \
             <a href=\"mailto:a@b.c\"{a}>a@b.c</a> [missing]</p>"
        )
    );
    assert_eq!(
        md("![an *odd* cat](c.png)"),
        "<p><img src=\"c.png\" referrerpolicy=\"no-referrer\" alt=\"an odd cat\"></img></p>"
    );
    assert_eq!(
        md("[a [b](c) d](e)"),
        format!("<p>[a <a href=\"c\"{a}>b</a> d](e)</p>")
    );
}

#[test]
fn tables_and_rules() {
    assert_eq!(
        md("| a | `b` |\n|:--|--:|\n| 1 | x \\| y |\n| 2 |\n\n***\n- - -\n"),
        "<table><thead><th>a</th><th><code>b</code></th></thead><tr><td>1</td><td>x | y</td></tr>\
         <tr><td>2</td><td></td></tr></table><hr></hr><hr></hr>"
    );
    assert_eq!(
        md("a | b\n--|--\nc | d\n"),
        "<table><thead><th>a</th><th>b</th></thead><tr><td>c</td><td>d</td></tr></table>"
    );
}

#[test]
fn html_blocks_and_inline_html_are_text() {
    assert_eq!(
        md("<div>\n*x*\n</div>\n\nthen <b>*y*</b>"),
        "<pre><div>\n*x*\n</div>\n</pre><p>then <b><em>y</em></b></p>"
    );
    assert_eq!(md("<a href=\"*x*\">"), "<pre><a href=\"*x*\">\n</pre>");
}

/// Hostile input: many random documents made of markdown's own punctuation, whitespace, control
/// and multi-byte characters. The parser slices strings by byte offsets, so any offset that lands
/// inside a character, or any unchecked index, panics here.
#[test]
fn random_documents_never_panic_and_never_emit_unsafe_urls() {
    const PIECES: &[&str] = &[
        "*",
        "_",
        "~",
        "`",
        "```",
        "[",
        "]",
        "(",
        ")",
        "<",
        ">",
        "!",
        "#",
        "-",
        "+",
        "|",
        ":",
        "\\",
        "&",
        ";",
        "&#",
        "x",
        "\n",
        "\n\n",
        " ",
        "    ",
        "\t",
        "\r",
        "1.",
        "> ",
        "- [ ] ",
        "http://",
        "javascript:",
        "jav\tascript:",
        "mailto:",
        "<a@b.c>",
        "照",
        "é",
        "🎉",
        "\u{0}",
        "\u{85}",
        "---",
        "===",
        "\"",
        "'",
        "&amp;",
        "&#106;",
        "&#x6A;",
        "<script>",
    ];
    let mut x: u64 = 0x1234_5678_9ABC_DEF1;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for _ in 0..40_000 {
        let len = (next() % 80) as usize;
        let doc: String = (0..len)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        let html = md(&doc);
        for bad in ["href=\"javascript", "src=\"javascript", "href=\"jav\t"] {
            assert!(!html.to_lowercase().contains(bad), "{doc:?} gave {html}");
        }
    }
}
