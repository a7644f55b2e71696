//! The floor under reading every page's text: open a PDF, decode every
//! page's content streams and tokenise them into operators, doing nothing
//! with them. No reader of page text can do less; benches/compare.sh puts
//! the default run beside it.
//!
//!     cargo run --release --example content_floor -- FILE.pdf
//!
//! Prints the pages, content bytes and operators on standard output. The
//! file is memory-mapped, so the floor pays for no byte it does not touch.

use std::error::Error;
use std::sync::Arc;

use flate2::{Decompress, FlushDecompress, Status};
use hayro_syntax::Filter;
use hayro_syntax::content::UntypedIter;
use hayro_syntax::object::{Object, Stream};

fn main() -> Result<(), Box<dyn Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: content_floor FILE.pdf")?;
    let file = std::fs::File::open(&path)?;
    // SAFETY: read-only and private to this process; the benchmark's files
    // are not changed while it runs.
    #[allow(unsafe_code)]
    let bytes = unsafe { memmap2::Mmap::map(&file)? };
    // Reading follows references across the file: no read-ahead.
    bytes.advise(memmap2::Advice::Random)?;
    let pdf = hayro_syntax::Pdf::new(Arc::new(bytes)).map_err(|e| format!("{e:?}"))?;
    let (mut content, mut operators) = (0_usize, 0_usize);
    let mut decoded = Vec::new();
    // One inflater, reset for each stream, reading the stream's bytes in
    // place: as kantlijn inflates content.
    let mut inflate = Decompress::new(true);
    for page in pdf.pages().iter() {
        let streams: Vec<Stream<'_>> = match page.raw().get::<Object<'_>>(b"Contents") {
            Some(Object::Stream(stream)) => vec![stream],
            Some(Object::Array(array)) => array.iter::<Stream<'_>>().collect(),
            _ => Vec::new(),
        };
        for stream in streams {
            decoded.clear();
            if stream.filters().as_slice() == [Filter::FlateDecode] {
                inflate_into(&mut inflate, &stream.raw_data(), &mut decoded)?;
            } else if let Ok(data) = stream.decoded() {
                decoded.extend_from_slice(&data);
            }
            content += decoded.len();
            let mut iter = UntypedIter::new(&decoded);
            while iter.next().is_some() {
                operators += 1;
            }
        }
    }
    println!(
        "{} pages, {content} bytes of content, {operators} operators",
        pdf.pages().len()
    );
    Ok(())
}

/// Inflates zlib `data` into `out`, with `inflate` reset first.
fn inflate_into(
    inflate: &mut Decompress,
    data: &[u8],
    out: &mut Vec<u8>,
) -> Result<(), Box<dyn Error>> {
    inflate.reset(true);
    let mut at = 0;
    loop {
        out.reserve(16 * 1024);
        let (before_in, before_out) = (inflate.total_in(), inflate.total_out());
        let input = data.get(at..).unwrap_or_default();
        let status = inflate.decompress_vec(input, out, FlushDecompress::None)?;
        at += usize::try_from(inflate.total_in() - before_in)?;
        let progress = inflate.total_in() > before_in || inflate.total_out() > before_out;
        if status == Status::StreamEnd || !progress {
            return Ok(());
        }
    }
}
