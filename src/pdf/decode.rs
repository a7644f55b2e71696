//! Decoding streams within a bound on the decoded size.
//!
//! The object parser decodes a stream whole, whatever it expands to: a
//! kilobyte of deflate data can become a gigabyte. Streams kantlijn decodes
//! for itself (page content, what page content names, rich text) go through
//! here instead. A stream whose only filter is `FlateDecode`, as nearly all
//! content streams are, is inflated here, stopping one byte past the bound;
//! any other filter chain is handed to the parser only when even its worst
//! expansion stays within the bound.

use std::borrow::Cow;
use std::io::Read;

use flate2::read::{DeflateDecoder, ZlibDecoder};
use hayro_syntax::Filter;
use hayro_syntax::object as h;

/// What decoding a stream gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Decoded<'a> {
    /// The decoded bytes, within the bound.
    Data(Cow<'a, [u8]>),
    /// It decodes to more than the bound: the first `max` bytes, when they
    /// could be had without decoding the rest.
    TooLarge(Option<Cow<'a, [u8]>>),
    /// A filter cannot be applied (a broken or unsupported stream).
    Broken,
}

/// The most any filter but deflate is assumed to expand its input: LZW
/// codes of 12 bits name strings of up to 4,096 bytes.
const WORST_EXPANSION: usize = 4096;

/// Decodes a stream, giving up when it decodes to more than `max` bytes.
pub(crate) fn decode_bounded<'a>(stream: &h::Stream<'a>, max: usize) -> Decoded<'a> {
    let dict = stream.dict();
    let has_params = dict.contains_key(b"DecodeParms") || dict.contains_key(b"DP");
    match stream.filters().as_slice() {
        [] => {
            let raw = stream.raw_data();
            if raw.len() > max {
                Decoded::TooLarge(Some(cut(raw, max)))
            } else {
                Decoded::Data(raw)
            }
        }
        [Filter::FlateDecode] if !has_params => inflate(&stream.raw_data(), max),
        _ => {
            if stream.raw_data().len().saturating_mul(WORST_EXPANSION) > max {
                return Decoded::TooLarge(None);
            }
            match stream.decoded_data() {
                Ok(data) if data.len() > max => Decoded::TooLarge(Some(cut(data, max))),
                Ok(data) => Decoded::Data(data),
                Err(_) => Decoded::Broken,
            }
        }
    }
}

/// Inflates zlib data (or, when the zlib wrapper is damaged, the raw deflate
/// data inside it), keeping what decodes before an error at the end, as
/// readers do with a stream whose checksum is missing.
pub(crate) fn inflate<'a>(data: &[u8], max: usize) -> Decoded<'a> {
    let attempts: [Box<dyn Read + '_>; 3] = [
        Box::new(ZlibDecoder::new(data)),
        Box::new(DeflateDecoder::new(data.get(2..).unwrap_or_default())),
        Box::new(DeflateDecoder::new(data)),
    ];
    for attempt in attempts {
        let (mut out, result) = read_up_to(attempt, max.saturating_add(1));
        if out.len() > max {
            out.truncate(max);
            return Decoded::TooLarge(Some(Cow::Owned(out)));
        }
        if result.is_ok() || !out.is_empty() {
            return Decoded::Data(Cow::Owned(out));
        }
    }
    Decoded::Broken
}

/// Reads at most `limit` bytes. The buffer grows by half its size at a time
/// and never past `limit`, so a stream cut at a 64 MiB bound costs 64 MiB,
/// not the 128 MiB that doubling would reserve.
fn read_up_to(mut reader: impl Read, limit: usize) -> (Vec<u8>, std::io::Result<()>) {
    let mut out: Vec<u8> = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let room = limit.saturating_sub(out.len());
        if room == 0 {
            return (out, Ok(()));
        }
        let want = room.min(chunk.len());
        let read = match reader.read(chunk.get_mut(..want).unwrap_or_default()) {
            Ok(0) => return (out, Ok(())),
            Ok(read) => read,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => return (out, Err(error)),
        };
        if out.capacity() - out.len() < read {
            let grow = (out.len() / 2).max(chunk.len()).min(room);
            out.reserve_exact(grow.max(read));
        }
        out.extend_from_slice(chunk.get(..read).unwrap_or_default());
    }
}

fn cut(data: Cow<'_, [u8]>, max: usize) -> Cow<'_, [u8]> {
    match data {
        Cow::Borrowed(bytes) => Cow::Borrowed(bytes.get(..max).unwrap_or(bytes)),
        Cow::Owned(mut bytes) => {
            bytes.truncate(max);
            Cow::Owned(bytes)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(data).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn inflates_within_the_bound() {
        let data = b"BT /F1 10 Tf (akkoord) Tj ET".repeat(10);
        assert_eq!(inflate(&zlib(&data), 1000), Decoded::Data(Cow::Owned(data)));
    }

    #[test]
    fn a_bomb_stops_one_byte_past_the_bound() {
        let bomb = zlib(&vec![b' '; 8_000_000]);
        assert!(bomb.len() < 20_000);
        assert_eq!(
            inflate(&bomb, 1 << 20),
            Decoded::TooLarge(Some(Cow::Owned(vec![b' '; 1 << 20])))
        );
    }

    #[test]
    fn raw_deflate_and_a_missing_checksum_are_read() {
        let data = b"0 0 m 10 10 l S".to_vec();
        let full = zlib(&data);
        let without_checksum = full.get(..full.len() - 4).unwrap();
        assert_eq!(
            inflate(without_checksum, 100),
            Decoded::Data(Cow::Owned(data.clone()))
        );
        let raw = without_checksum.get(2..).unwrap();
        assert_eq!(inflate(raw, 100), Decoded::Data(Cow::Owned(data)));
    }

    #[test]
    fn garbage_is_broken() {
        assert_eq!(
            inflate(b"\x00\x01\x02 not deflate at all", 100),
            Decoded::Broken
        );
    }
}
