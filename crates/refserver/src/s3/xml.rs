//! The little XML the S3 client reads: one element's text (`UploadId`, `Code`, `Message`).
//!
//! S3 answers are flat, unprefixed documents, so finding `<Name>` ... `</Name>` and unescaping
//! its text is enough; a full XML parser would be the reference server's only use of one.

/// The unescaped text of the first `<name>` element of `doc` (`""` for `<name/>`), or `None` when
/// there is none or its text is not well-formed.
pub fn element_text(doc: &str, name: &str) -> Option<String> {
    let open = format!("<{name}");
    let mut from = 0;
    while let Some(pos) = doc[from..].find(&open) {
        let after = from + pos + open.len();
        let rest = &doc[after..];
        // `<UploadId>` must not match `<UploadIdMarker>`: the name ends at `>`, `/` or a space.
        match rest.chars().next() {
            Some('>') => {
                let text = &rest[1..];
                let end = text.find(&format!("</{name}>"))?;
                return unescape(&text[..end]);
            }
            Some('/') if rest.starts_with("/>") => return Some(String::new()),
            Some(c) if c.is_ascii_whitespace() => {
                let gt = rest.find('>')?;
                if rest[..gt].ends_with('/') {
                    return Some(String::new());
                }
                let text = &rest[gt + 1..];
                let end = text.find(&format!("</{name}>"))?;
                return unescape(&text[..end]);
            }
            _ => from = after,
        }
    }
    None
}

/// `(Code, Message)` of an S3 `<Error>` document.
pub fn error_document(doc: &str) -> Option<(String, String)> {
    if !doc.contains("<Error") {
        return None;
    }
    let code = element_text(doc, "Code")?;
    let message = element_text(doc, "Message").unwrap_or_default();
    Some((code, message))
}

/// Replaces XML's five named entities and character references; `None` on a malformed one or a
/// nested element (which a text-only element never has).
fn unescape(text: &str) -> Option<String> {
    if text.contains('<') {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let semi = rest[amp..].find(';')? + amp;
        let entity = &rest[amp + 1..semi];
        let c = match entity {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = if let Some(hex) = entity.strip_prefix("#x") {
                    u32::from_str_radix(hex, 16).ok()?
                } else {
                    entity.strip_prefix('#')?.parse().ok()?
                };
                char::from_u32(code)?
            }
        };
        out.push(c);
        rest = &rest[semi + 1..];
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_upload_id_of_an_initiate_answer() {
        let doc = r#"<?xml version="1.0" encoding="UTF-8"?>
<InitiateMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>b</Bucket><Key>uploads/a &amp; b.txt</Key><UploadId>VXBsb2FkIElE+/=</UploadId></InitiateMultipartUploadResult>"#;
        assert_eq!(
            element_text(doc, "UploadId").as_deref(),
            Some("VXBsb2FkIElE+/=")
        );
        assert_eq!(
            element_text(doc, "Key").as_deref(),
            Some("uploads/a & b.txt")
        );
        assert_eq!(element_text(doc, "Missing"), None);
    }

    #[test]
    fn a_longer_name_is_not_the_element() {
        let doc = "<R><UploadIdMarker>m</UploadIdMarker><UploadId>u</UploadId></R>";
        assert_eq!(element_text(doc, "UploadId").as_deref(), Some("u"));
        let doc = r#"<R><Code a="1">x</Code><Empty/><Spaced /></R>"#;
        assert_eq!(element_text(doc, "Code").as_deref(), Some("x"));
        assert_eq!(element_text(doc, "Empty").as_deref(), Some(""));
        assert_eq!(element_text(doc, "Spaced").as_deref(), Some(""));
    }

    #[test]
    fn reads_an_error_document() {
        let doc = "<?xml version=\"1.0\"?><Error><Code>NoSuchUpload</Code><Message>The \
                   &quot;upload&quot; &lt;id&gt; &#233;&#x4E2D; isn&apos;t</Message>\
                   <RequestId>1</RequestId></Error>";
        assert_eq!(
            error_document(doc),
            Some((
                "NoSuchUpload".into(),
                "The \"upload\" <id> é中 isn't".into()
            ))
        );
        assert_eq!(
            error_document("<Error><Code>X</Code></Error>"),
            Some(("X".into(), String::new()))
        );
        assert_eq!(error_document("<Result><Code>X</Code></Result>"), None);
        assert_eq!(error_document(""), None);
    }

    #[test]
    fn malformed_text_is_refused() {
        assert_eq!(element_text("<A>x &bogus; y</A>", "A"), None);
        assert_eq!(element_text("<A>x & y</A>", "A"), None);
        assert_eq!(element_text("<A>&#xD800;</A>", "A"), None);
        assert_eq!(element_text("<A><B>1</B></A>", "A"), None);
        assert_eq!(element_text("<A>unterminated", "A"), None);
    }
}
