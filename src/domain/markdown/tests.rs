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
