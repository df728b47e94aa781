//! One test per language: the spans a typical line gets, and what carries over lines.

use super::langs::*;
use super::*;

/// The non-plain, non-punctuation spans of `text`, as (kind, text).
fn marked<'a>(lang: &Lang, text: &'a str) -> Vec<(Tok, &'a str)> {
    let (spans, _) = line(lang, text, Carry::None);
    spans
        .iter()
        .filter(|s| !matches!(s.kind, Tok::Plain | Tok::Punct))
        .map(|s| (s.kind, &text[s.start..s.end]))
        .collect()
}

/// Spans of every line of `text`, carrying state over the lines.
fn marked_lines<'a>(lang: &Lang, text: &'a str) -> Vec<(Tok, &'a str)> {
    let lines: Vec<&str> = text.lines().collect();
    let carries = carries(lang, lines.iter().copied());
    let mut all = Vec::new();
    for (l, c) in lines.iter().zip(carries) {
        let (spans, _) = line(lang, l, c);
        all.extend(
            spans
                .iter()
                .filter(|s| !matches!(s.kind, Tok::Plain | Tok::Punct))
                .map(|s| (s.kind, &l[s.start..s.end])),
        );
    }
    all
}

use Tok::{Comment as C_, Keyword as K, Number as N, Str as S};

#[test]
fn rust() {
    assert_eq!(
        marked(
            &RUST,
            r#"pub fn f<'a>(x: &'a str) -> u8 { let c = '\n'; "s\"q" + 0x1F // end"#
        ),
        vec![
            (K, "pub"),
            (K, "fn"),
            (K, "let"),
            (S, r"'\n'"),
            (S, r#""s\"q""#),
            (N, "0x1F"),
            (C_, "// end")
        ]
    );
    assert_eq!(marked(&RUST, "let c = 'x';"), vec![(K, "let"), (S, "'x'")]);
    assert_eq!(
        marked_lines(&RUST, "a /* one\ntwo */ fn"),
        vec![(C_, "/* one"), (C_, "two */"), (K, "fn")]
    );
}

#[test]
fn javascript_and_typescript() {
    assert_eq!(
        marked(&JS, "const $x = 'a' + \"b\" + 1.5; // c"),
        vec![
            (K, "const"),
            (S, "'a'"),
            (S, "\"b\""),
            (N, "1.5"),
            (C_, "// c")
        ]
    );
    assert_eq!(
        marked_lines(&JS, "let t = `one\ntwo ${x}` + y"),
        vec![(K, "let"), (S, "`one"), (S, "two ${x}`")]
    );
    assert!(std::ptr::eq(langs::for_file("a.TS"), &JS));
}

#[test]
fn python() {
    assert_eq!(
        marked(&PYTHON, "def f(self): return None  # why"),
        vec![
            (K, "def"),
            (K, "self"),
            (K, "return"),
            (K, "None"),
            (C_, "# why")
        ]
    );
    assert_eq!(
        marked_lines(&PYTHON, "s = \"\"\"doc\n# not a comment\n\"\"\" if x"),
        vec![
            (S, "\"\"\"doc"),
            (S, "# not a comment"),
            (S, "\"\"\""),
            (K, "if")
        ]
    );
}

#[test]
fn go() {
    assert_eq!(
        marked(&GO, "func main() { fmt.Println(\"hi\", 42) }"),
        vec![(K, "func"), (S, "\"hi\""), (N, "42")]
    );
    assert_eq!(
        marked_lines(&GO, "x := `raw\nline`"),
        vec![(S, "`raw"), (S, "line`")]
    );
}

#[test]
fn c_and_cpp() {
    assert_eq!(
        marked(&C, "#include <stdio.h> /* io */"),
        vec![(K, "#include"), (C_, "/* io */")]
    );
    assert_eq!(
        marked(&C, "int main(void) { return 0; }"),
        vec![(K, "int"), (K, "void"), (K, "return"), (N, "0")]
    );
}

#[test]
fn java() {
    assert_eq!(
        marked(&JAVA, "public class A { String s = \"x\"; }"),
        vec![(K, "public"), (K, "class"), (S, "\"x\"")]
    );
}

#[test]
fn json() {
    assert_eq!(
        marked(&JSON, r#"{"a": [1, true, null, "x\"y"]}"#),
        vec![
            (S, "\"a\""),
            (N, "1"),
            (K, "true"),
            (K, "null"),
            (S, r#""x\"y""#)
        ]
    );
}

#[test]
fn toml() {
    assert_eq!(
        marked(&TOML, "name = \"web\" # the crate"),
        vec![(S, "\"web\""), (C_, "# the crate")]
    );
    assert_eq!(marked(&TOML, "lto = true"), vec![(K, "true")]);
}

#[test]
fn yaml() {
    assert_eq!(
        marked(&YAML, "on: yes # comment"),
        vec![(K, "on"), (K, "yes"), (C_, "# comment")]
    );
    assert_eq!(
        marked(&YAML, "url: a#b"),
        vec![],
        "# inside a word is not a comment"
    );
}

#[test]
fn html_and_xml() {
    assert_eq!(
        marked(&MARKUP, r#"<a href="x">don't</a> <!-- c -->"#),
        vec![(K, "a"), (S, "\"x\""), (K, "a"), (C_, "<!-- c -->")]
    );
    // Attributes on the next line stay inside the tag; text quotes are not strings.
    assert_eq!(
        marked_lines(&MARKUP, "<img\n  src='p.png'>it's"),
        vec![(K, "img"), (S, "'p.png'")]
    );
}

#[test]
fn css() {
    assert_eq!(
        marked(
            &CSS,
            "@media (x) { a { color: red !important; width: 10px; } } /* c */"
        ),
        vec![
            (K, "@media"),
            (K, "!important"),
            (N, "10px"),
            (C_, "/* c */")
        ]
    );
}

#[test]
fn shell() {
    assert_eq!(
        marked(&SHELL, "if [ $# -gt 0 ]; then echo \"$1\"; fi # done"),
        vec![
            (K, "if"),
            (N, "0"),
            (K, "then"),
            (K, "echo"),
            (S, "\"$1\""),
            (K, "fi"),
            (C_, "# done")
        ]
    );
}

#[test]
fn sql() {
    assert_eq!(
        marked(&SQL, "SELECT name FROM t WHERE id = 'x' -- why"),
        vec![
            (K, "SELECT"),
            (K, "FROM"),
            (K, "WHERE"),
            (S, "'x'"),
            (C_, "-- why")
        ]
    );
}

#[test]
fn markdown_and_unknown_files_are_plain_text() {
    let lang = langs::for_file("README.md");
    assert!(lang.is_plain());
    let (spans, _) = line(lang, "# Title with \"quotes\"", Carry::None);
    assert_eq!(spans.len(), 1);
    assert_eq!(spans[0].kind, Tok::Plain);
}

#[test]
fn spans_cover_the_line_and_survive_any_text() {
    let text = "é\"ü\\ /* 漢字 */ 'x' `#` -- 1e9 <b>";
    for lang in [
        &RUST, &JS, &PYTHON, &GO, &C, &JSON, &TOML, &YAML, &MARKUP, &CSS, &SHELL, &SQL,
    ] {
        for cut in 0..text.len() {
            let Some(part) = text.get(..cut) else {
                continue;
            };
            for carry in [
                Carry::None,
                Carry::Comment,
                Carry::Str(0),
                Carry::Str(9),
                Carry::Tag,
            ] {
                let (spans, _) = line(lang, part, carry);
                let mut at = 0;
                for s in &spans {
                    assert_eq!(s.start, at, "{part:?}");
                    assert!(part.is_char_boundary(s.end));
                    at = s.end;
                }
                assert_eq!(at, part.len());
            }
        }
    }
}
