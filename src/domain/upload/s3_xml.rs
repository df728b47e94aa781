//! The two bits of S3 XML a browser upload needs: the CompleteMultipartUpload body (parts in order,
//! ETags verbatim with their quotes, file.md §5) and the `Message` of a provider error document.

/// `<CompleteMultipartUpload>` listing `etags[i]` as part `i + 1`.
pub fn complete_body<'a>(etags: impl IntoIterator<Item = &'a str>) -> String {
    let mut xml = String::from("<CompleteMultipartUpload>");
    for (i, etag) in etags.into_iter().enumerate() {
        xml.push_str(&format!(
            "<Part><PartNumber>{}</PartNumber><ETag>{}</ETag></Part>",
            i + 1,
            escape(etag)
        ));
    }
    xml.push_str("</CompleteMultipartUpload>");
    xml
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The text of `<tag>` in `xml`, unescaped, if present.
fn element(xml: &str, tag: &str) -> Option<String> {
    let start = xml.find(&format!("<{tag}>"))? + tag.len() + 2;
    let len = xml[start..].find(&format!("</{tag}>"))?;
    Some(
        xml[start..start + len]
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&"),
    )
}

/// The provider's error (`Code`, `Message`) when `xml` is an `<Error>` document. S3 may answer a
/// complete request with HTTP 200 and an error document, so success needs this check too.
pub fn error_of(xml: &str) -> Option<(String, String)> {
    if !xml.contains("<Error>") {
        return None;
    }
    let code = element(xml, "Code").unwrap_or_default();
    let message = element(xml, "Message").unwrap_or_else(|| code.clone());
    Some((code, message))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complete_body_lists_parts_in_order_with_quoted_etags() {
        assert_eq!(
            complete_body(["\"a\"", "\"b\""]),
            "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>\"a\"</ETag></Part>\
             <Part><PartNumber>2</PartNumber><ETag>\"b\"</ETag></Part></CompleteMultipartUpload>"
        );
    }

    #[test]
    fn error_documents_are_read() {
        let xml = "<?xml version=\"1.0\"?><Error><Code>InvalidPart</Code>\
                   <Message>One part &amp; more &lt;missing&gt;</Message></Error>";
        assert_eq!(
            error_of(xml),
            Some(("InvalidPart".into(), "One part & more <missing>".into()))
        );
        assert_eq!(error_of("<CompleteMultipartUploadResult/>"), None);
        assert_eq!(
            error_of("<Error><Code>X</Code></Error>"),
            Some(("X".into(), "X".into()))
        );
    }
}
