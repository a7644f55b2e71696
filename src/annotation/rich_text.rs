//! The plain text of `/RC` rich text (ISO 32000-2 §12.7.4.4: an XHTML body).
//!
//! Paragraph-level elements (`p`, `div`, `li`, headings) and `br` start a new
//! line; inline elements (`span`, `b`, `i`) add nothing. Entities and character
//! references are resolved, including HTML's `&nbsp;` which Acrobat writes. A
//! body that is not well-formed XML falls back to dropping everything between
//! `<` and `>`.

use quick_xml::events::Event;

/// The text of an XHTML rich-text body, paragraphs on their own lines.
pub(crate) fn plain_text(xhtml: &str) -> String {
    let text = parse_xml(xhtml).unwrap_or_else(|| strip_tags(xhtml));
    tidy(&text)
}

fn parse_xml(xhtml: &str) -> Option<String> {
    let mut reader = quick_xml::Reader::from_str(xhtml);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    let mut out = String::with_capacity(xhtml.len() / 2);
    loop {
        match reader.read_event().ok()? {
            Event::Start(tag) if is_block(tag.local_name().as_ref()) => new_line(&mut out),
            Event::Empty(tag)
                if is_block(tag.local_name().as_ref()) || tag.local_name().as_ref() == "br" =>
            {
                new_line(&mut out);
            }
            Event::Text(text) => out.push_str(&text.xml10_content()),
            Event::CData(data) => out.push_str(&data),
            Event::GeneralRef(reference) => {
                if let Ok(Some(c)) = reference.resolve_char_ref() {
                    out.push(c);
                } else {
                    out.push_str(entity(&reference).unwrap_or(""));
                }
            }
            Event::Eof => return Some(out),
            _ => {}
        }
    }
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "tr"
    )
}

fn new_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn entity(name: &str) -> Option<&'static str> {
    quick_xml::escape::resolve_xml_entity(name).or(match name {
        "nbsp" => Some("\u{A0}"),
        _ => None,
    })
}

/// Drops markup from text that is not well-formed XML.
fn strip_tags(xhtml: &str) -> String {
    let mut out = String::with_capacity(xhtml.len());
    let mut rest = xhtml;
    while let Some(open) = rest.find('<') {
        out.push_str(rest.get(..open).unwrap_or(""));
        let tag = rest.get(open..).unwrap_or("");
        let close = tag.find('>').map_or(tag.len(), |i| i + 1);
        let name = tag.get(1..close).unwrap_or("").trim_start_matches('/');
        if ["p", "p ", "br", "div", "li"]
            .iter()
            .any(|b| name.starts_with(b))
        {
            new_line(&mut out);
        }
        rest = tag.get(close..).unwrap_or("");
    }
    out.push_str(rest);
    let mut decoded = String::with_capacity(out.len());
    let mut parts = out.split('&');
    decoded.push_str(parts.next().unwrap_or(""));
    for part in parts {
        match part.split_once(';') {
            Some((name, tail)) => {
                let resolved = quick_xml::events::BytesRef::new(name)
                    .resolve_char_ref()
                    .ok()
                    .flatten()
                    .map(String::from)
                    .or_else(|| entity(name).map(String::from));
                match resolved {
                    Some(text) => decoded.push_str(&text),
                    None => {
                        decoded.push('&');
                        decoded.push_str(name);
                        decoded.push(';');
                    }
                }
                decoded.push_str(tail);
            }
            None => {
                decoded.push('&');
                decoded.push_str(part);
            }
        }
    }
    decoded
}

/// Trims white space at both ends and at the end of each line.
fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    lines.join("\n").trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acrobat_body() {
        let rc = r#"<?xml version="1.0"?><body xmlns="http://www.w3.org/1999/xhtml" xmlns:xfa="http://www.xfa.org/schema/xfa-data/1.0/" xfa:APIVersion="Acrobat:23.3.0" xfa:spec="2.0.2" ><p dir="ltr"><span style="font-family:Helvetica">MWP akkoord 8/6</span></p></body>"#;
        assert_eq!(plain_text(rc), "MWP akkoord 8/6");
    }

    #[test]
    fn paragraphs_and_breaks() {
        let rc = "<body><p>Optie 2;</p><p>Een belangrijk<br/>onderwerp</p></body>";
        assert_eq!(plain_text(rc), "Optie 2;\nEen belangrijk\nonderwerp");
    }

    #[test]
    fn entities_and_char_refs() {
        let rc = "<body><p>G&amp;VW &#8364;&#x20AC;&nbsp;1</p></body>";
        assert_eq!(plain_text(rc), "G&VW €€\u{A0}1");
    }

    #[test]
    fn malformed_falls_back_to_stripping() {
        let rc = "<body><p>akkoord &amp; <b>gezien</p><<";
        assert_eq!(plain_text(rc), "akkoord & gezien");
    }

    #[test]
    fn plain_string_passes_through() {
        assert_eq!(plain_text("just text"), "just text");
    }
}
