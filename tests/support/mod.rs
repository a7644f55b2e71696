//! What several test suites share: writing small PDFs byte by byte, for
//! tests that need structures no writer library produces (cycles, lies,
//! broken tables), and, in [`data`], finding the seed documents and the
//! corpus kept outside the repository.

#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

pub(crate) mod data;

use std::fmt::Write as _;

/// A PDF from numbered object bodies, with a correct cross-reference table.
/// `root` is the catalog's object number; `extra_trailer` goes into the
/// trailer dictionary.
pub(crate) fn raw_pdf(objects: &[(u32, Vec<u8>)], root: u32, extra_trailer: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (number, body) in objects {
        offsets.push((*number, out.len()));
        out.extend_from_slice(format!("{number} 0 obj\n").as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let size = objects.iter().map(|(n, _)| *n).max().unwrap_or(0) + 1;
    let xref_at = out.len();
    let mut table = format!("xref\n0 {size}\n0000000000 65535 f \n");
    for number in 1..size {
        match offsets.iter().find(|(n, _)| *n == number) {
            Some((_, offset)) => writeln!(table, "{offset:010} 00000 n ").unwrap(),
            None => table.push_str("0000000000 00000 f \n"),
        }
    }
    out.extend_from_slice(table.as_bytes());
    out.extend_from_slice(format!("trailer\n<< /Size {size} /Root {root} 0 R {extra_trailer} >>\nstartxref\n{xref_at}\n%%EOF\n").as_bytes());
    out
}

/// Catalog 1, pages 2, one page 3 whose `/Annots` is `annots`, plus `more`.
pub(crate) fn one_page(annots: &str, more: Vec<(u32, Vec<u8>)>) -> Vec<u8> {
    single_page(&format!("/MediaBox [0 0 595 842] /Annots {annots}"), more)
}

/// Catalog 1, pages 2, one page 3 drawn by content object 4 with
/// Helvetica as `/F1`, with `page_extra` in its dictionary (an `/Annots`),
/// plus `more` (object 4 among them).
pub(crate) fn one_drawn_page(page_extra: &str, more: Vec<(u32, Vec<u8>)>) -> Vec<u8> {
    single_page(
        &format!(
            "/MediaBox [0 0 595 842] /Contents 4 0 R {page_extra} /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"
        ),
        more,
    )
}

/// Catalog 1, pages 2, and page 3 with `entries` in its dictionary, plus
/// `more`.
fn single_page(entries: &str, more: Vec<(u32, Vec<u8>)>) -> Vec<u8> {
    let mut objects = vec![
        (1, b"<< /Type /Catalog /Pages 2 0 R >>".to_vec()),
        (2, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec()),
        (
            3,
            format!("<< /Type /Page /Parent 2 0 R {entries} >>").into_bytes(),
        ),
    ];
    objects.extend(more);
    raw_pdf(&objects, 1, "")
}

/// A stream object holding `data`, with `dict` (its filters, say) in its
/// dictionary beside `/Length`.
pub(crate) fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    [
        format!("<< /Length {} {dict} >>\nstream\n", data.len()).into_bytes(),
        data.to_vec(),
        b"\nendstream".to_vec(),
    ]
    .concat()
}

pub(crate) fn note(number: u32, rest: &str) -> (u32, Vec<u8>) {
    (
        number,
        format!("<< /Type /Annot /Subtype /Text /Rect [0 0 10 10] {rest} >>").into_bytes(),
    )
}
