//! The languages the highlighter knows: comment and string delimiters and keywords per language,
//! chosen by file extension.

use super::Lang;

const RUST_KW: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while",
];
const JS_KW: &[&str] = &[
    "async",
    "await",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "from",
    "function",
    "if",
    "implements",
    "import",
    "in",
    "instanceof",
    "interface",
    "let",
    "new",
    "null",
    "of",
    "private",
    "protected",
    "public",
    "readonly",
    "return",
    "static",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "type",
    "typeof",
    "undefined",
    "var",
    "void",
    "while",
    "yield",
];
const PY_KW: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "self", "try",
    "while", "with", "yield",
];
const GO_KW: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "false",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "nil",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "true",
    "type",
    "var",
];
const C_KW: &[&str] = &[
    "#define",
    "#endif",
    "#if",
    "#ifdef",
    "#ifndef",
    "#include",
    "#pragma",
    "auto",
    "bool",
    "break",
    "case",
    "char",
    "class",
    "const",
    "continue",
    "default",
    "delete",
    "do",
    "double",
    "else",
    "enum",
    "extern",
    "false",
    "float",
    "for",
    "if",
    "inline",
    "int",
    "long",
    "namespace",
    "new",
    "nullptr",
    "private",
    "protected",
    "public",
    "return",
    "short",
    "signed",
    "sizeof",
    "static",
    "struct",
    "switch",
    "template",
    "this",
    "true",
    "typedef",
    "union",
    "unsigned",
    "using",
    "virtual",
    "void",
    "volatile",
    "while",
];
const JAVA_KW: &[&str] = &[
    "abstract",
    "boolean",
    "break",
    "byte",
    "case",
    "catch",
    "char",
    "class",
    "continue",
    "default",
    "do",
    "double",
    "else",
    "enum",
    "extends",
    "false",
    "final",
    "finally",
    "float",
    "for",
    "if",
    "implements",
    "import",
    "instanceof",
    "int",
    "interface",
    "long",
    "new",
    "null",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "short",
    "static",
    "super",
    "switch",
    "synchronized",
    "this",
    "throw",
    "throws",
    "true",
    "try",
    "var",
    "void",
    "while",
];
const JSON_KW: &[&str] = &["false", "null", "true"];
const YAML_KW: &[&str] = &["false", "no", "null", "off", "on", "true", "yes", "~"];
const CSS_KW: &[&str] = &[
    "!important",
    "@charset",
    "@font-face",
    "@import",
    "@keyframes",
    "@layer",
    "@media",
    "@supports",
    "auto",
    "inherit",
    "initial",
    "none",
    "unset",
];
const SH_KW: &[&str] = &[
    "case", "do", "done", "echo", "elif", "else", "esac", "exit", "export", "fi", "for",
    "function", "if", "in", "local", "return", "set", "then", "until", "while",
];
const SQL_KW: &[&str] = &[
    "add", "all", "alter", "and", "as", "asc", "by", "case", "create", "delete", "desc",
    "distinct", "drop", "else", "end", "exists", "from", "group", "having", "in", "index", "inner",
    "insert", "into", "is", "join", "key", "left", "like", "limit", "not", "null", "on", "or",
    "order", "primary", "right", "select", "set", "table", "then", "union", "update", "values",
    "when", "where",
];

const C_STYLE: Lang = Lang {
    line_comments: &["//"],
    block_comment: Some(("/*", "*/")),
    quotes: &["\"", "'"],
    multiline_quotes: 0,
    keywords: C_KW,
    ident_extra: "#",
    ..Lang::PLAIN
};

/// Rust.
pub static RUST: Lang = Lang {
    keywords: RUST_KW,
    strict_char_quote: true,
    ident_extra: "",
    ..C_STYLE
};
/// JavaScript and TypeScript (template strings span lines).
pub static JS: Lang = Lang {
    quotes: &["`", "\"", "'"],
    multiline_quotes: 1,
    keywords: JS_KW,
    ident_extra: "$",
    ..C_STYLE
};
/// Python (triple-quoted strings span lines).
pub static PYTHON: Lang = Lang {
    line_comments: &["#"],
    block_comment: None,
    quotes: &["\"\"\"", "'''", "\"", "'"],
    multiline_quotes: 2,
    keywords: PY_KW,
    ident_extra: "",
    ..C_STYLE
};
/// Go (raw strings in backquotes span lines and know no escapes).
pub static GO: Lang = Lang {
    quotes: &["`", "\"", "'"],
    multiline_quotes: 1,
    keywords: GO_KW,
    ident_extra: "",
    ..C_STYLE
};
/// C and C++ (preprocessor directives count as keywords).
pub static C: Lang = C_STYLE;
/// Java.
pub static JAVA: Lang = Lang {
    keywords: JAVA_KW,
    ident_extra: "",
    ..C_STYLE
};
/// JSON.
pub static JSON: Lang = Lang {
    quotes: &["\""],
    keywords: JSON_KW,
    ..Lang::PLAIN
};
/// TOML.
pub static TOML: Lang = Lang {
    line_comments: &["#"],
    quotes: &["\"\"\"", "'''", "\"", "'"],
    multiline_quotes: 2,
    keywords: JSON_KW,
    ..Lang::PLAIN
};
/// YAML.
pub static YAML: Lang = Lang {
    line_comments: &["#"],
    quotes: &["\"", "'"],
    keywords: YAML_KW,
    ident_extra: "~",
    ..Lang::PLAIN
};
/// HTML, XML and SVG: tags, attributes' strings, `<!-- -->` comments.
pub static MARKUP: Lang = Lang {
    block_comment: Some(("<!--", "-->")),
    quotes: &["\"", "'"],
    markup: true,
    ident_extra: "-:",
    ..Lang::PLAIN
};
/// CSS.
pub static CSS: Lang = Lang {
    block_comment: Some(("/*", "*/")),
    quotes: &["\"", "'"],
    keywords: CSS_KW,
    ident_extra: "-@!",
    ..Lang::PLAIN
};
/// POSIX shells.
pub static SHELL: Lang = Lang {
    line_comments: &["#"],
    quotes: &["\"", "'"],
    keywords: SH_KW,
    ident_extra: "$",
    ..Lang::PLAIN
};
/// SQL (keywords in any case).
pub static SQL: Lang = Lang {
    line_comments: &["--"],
    block_comment: Some(("/*", "*/")),
    quotes: &["'", "\""],
    keywords: SQL_KW,
    case_insensitive: true,
    ..Lang::PLAIN
};

/// The language of a file named `name`; plain text (no highlighting) when unknown, markdown included.
pub fn for_file(name: &str) -> &'static Lang {
    let ext = crate::domain::file_kind::extension(name);
    match ext.as_str() {
        "rs" => &RUST,
        "js" | "mjs" | "cjs" | "jsx" | "ts" | "tsx" | "mts" => &JS,
        "py" | "pyw" => &PYTHON,
        "go" => &GO,
        "c" | "h" | "cc" | "cpp" | "cxx" | "hpp" | "hh" => &C,
        "java" | "kt" | "cs" => &JAVA,
        "json" | "jsonc" => &JSON,
        "toml" => &TOML,
        "yaml" | "yml" => &YAML,
        "html" | "htm" | "xml" | "svg" | "xhtml" | "vue" => &MARKUP,
        "css" | "scss" | "less" => &CSS,
        "sh" | "bash" | "zsh" => &SHELL,
        "sql" => &SQL,
        _ => &Lang::PLAIN,
    }
}
