//! Decoding streams within a bound on the decoded size.
//!
//! The object parser decodes a stream whole, whatever it expands to: a
//! kilobyte of deflate data can become a gigabyte. Streams kantlijn decodes
//! for itself (page content, what page content names, rich text) go through
//! here instead. A stream whose only filter is `FlateDecode`, as nearly all
//! content streams are, is inflated here, stopping one byte past the bound;
//! any other filter chain is handed to the parser, which stops a filter
//! past a bound of its own (16 MiB and four times the file's length, see
//! `vendor/hayro-syntax/PATCHES.md`), and what it gives is cut to the bound.

use std::borrow::Cow;

use flate2::{Decompress, FlushDecompress, Status};
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
        // The parser stops any filter past its own bound (16 MiB and four
        // times the file), which keeps the memory a stream takes within the
        // file's budget; the caller's bound cuts what it gives.
        _ => match stream.decoded_data() {
            Ok(data) if data.len() > max => Decoded::TooLarge(Some(cut(data, max))),
            Ok(data) => Decoded::Data(data),
            Err(_) => Decoded::Broken,
        },
    }
}

/// Inflates zlib data (or, when the zlib wrapper is damaged, the raw deflate
/// data inside it), keeping what decodes before an error at the end, as
/// readers do with a stream whose checksum is missing.
pub(crate) fn inflate<'a>(data: &[u8], max: usize) -> Decoded<'a> {
    let mut inflater = Inflater::new(Cow::Borrowed(data), None);
    let mut out = read_up_to(&mut inflater, max.saturating_add(1));
    if out.len() > max {
        out.truncate(max);
        Decoded::TooLarge(Some(Cow::Owned(out)))
    } else if inflater.failed {
        Decoded::Broken
    } else {
        Decoded::Data(Cow::Owned(out))
    }
}

/// Reads at most `limit` bytes. The buffer grows by half its size at a time
/// and never past `limit`, so a stream cut at a 64 MiB bound costs 64 MiB,
/// not the 128 MiB that doubling would reserve.
fn read_up_to(inflater: &mut Inflater<'_>, limit: usize) -> Vec<u8> {
    let mut out: Vec<u8> = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let room = limit.saturating_sub(out.len());
        if room == 0 {
            return out;
        }
        let want = room.min(chunk.len());
        let read = inflater.read(chunk.get_mut(..want).unwrap_or_default());
        if read == 0 {
            return out;
        }
        if out.capacity() - out.len() < read {
            let grow = (out.len() / 2).max(chunk.len()).min(room);
            out.reserve_exact(grow.max(read));
        }
        out.extend_from_slice(chunk.get(..read).unwrap_or_default());
    }
}

/// Inflates zlib data piece by piece (or, when the zlib wrapper is
/// damaged, the raw deflate data inside it), keeping what decodes before
/// an error, as readers do with a stream whose checksum is missing.
///
/// The data is inflated straight from the file's bytes, with an inflater
/// reset for each stream rather than made anew. A read that finds the
/// data broken gives nothing, as flate2's readers do: a stream broken
/// before its first piece is read counts as one that cannot be decoded.
pub(crate) struct Inflater<'a> {
    data: Cow<'a, [u8]>,
    /// Where the input not yet inflated starts.
    at: usize,
    pub(crate) inflate: Decompress,
    attempt: usize,
    produced: bool,
    done: bool,
    /// Every attempt failed before giving a byte.
    pub(crate) failed: bool,
}

impl<'a> Inflater<'a> {
    /// Inflates `data`, in `inflate` when given one.
    pub(crate) fn new(data: Cow<'a, [u8]>, inflate: Option<Decompress>) -> Self {
        let inflate = match inflate {
            Some(mut inflate) => {
                inflate.reset(true);
                inflate
            }
            None => Decompress::new(true),
        };
        Self {
            data,
            at: 0,
            inflate,
            attempt: 0,
            produced: false,
            done: false,
            failed: false,
        }
    }

    /// Reads inflated bytes into `out`; 0 at the end, or when `out` is
    /// empty (nothing can be given, and the inflater would wait for room
    /// without end).
    pub(crate) fn read(&mut self, out: &mut [u8]) -> usize {
        if out.is_empty() {
            return 0;
        }
        while !self.done {
            let (read, ended) = self.step(out);
            if read > 0 {
                self.produced = true;
                self.done = ended.is_some();
                return read;
            }
            match ended {
                None => {}
                Some(End::Finished) => self.done = true,
                // Nothing decoded with the zlib wrapper: the raw deflate
                // data after a damaged header (attempt 1), then the bytes
                // as raw deflate data from the start (attempt 2).
                Some(End::Broken) if !self.produced && self.attempt < 2 => {
                    self.attempt += 1;
                    self.at = if self.attempt == 1 { 2 } else { 0 };
                    self.inflate.reset(false);
                }
                Some(End::Broken) => {
                    self.failed = !self.produced;
                    self.done = true;
                }
            }
        }
        0
    }

    /// One call of the inflater: the bytes it gave, and whether the data
    /// ended there, and how.
    fn step(&mut self, out: &mut [u8]) -> (usize, Option<End>) {
        let input = self.data.get(self.at..).unwrap_or_default();
        let flush = if input.is_empty() {
            FlushDecompress::Finish
        } else {
            FlushDecompress::None
        };
        let (before_in, before_out) = (self.inflate.total_in(), self.inflate.total_out());
        let status = self.inflate.decompress(input, out, flush);
        let consumed = usize::try_from(self.inflate.total_in() - before_in).unwrap_or(usize::MAX);
        let read = usize::try_from(self.inflate.total_out() - before_out).unwrap_or(0);
        self.at = self.at.saturating_add(consumed);
        let ended = match status {
            Ok(Status::StreamEnd) => Some(End::Finished),
            // Bytes came: more may, from the input or from what the
            // inflater holds (the rest of a long match, with the input all
            // taken in).
            Ok(_) if read > 0 => None,
            // Nothing more, and the stream has not ended: cut short (what
            // came before is kept).
            Ok(_) if input.is_empty() => Some(End::Broken),
            // No progress on input that is there: broken.
            Ok(_) if consumed == 0 && !out.is_empty() => Some(End::Broken),
            Ok(_) => None,
            Err(_) => return (0, Some(End::Broken)),
        };
        (read, ended)
    }
}

/// How an inflater's data ended.
#[derive(Clone, Copy)]
enum End {
    /// At the end of the stream.
    Finished,
    /// Broken, or cut short.
    Broken,
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

    /// The piece page content is read in (`text_content::CHUNK`, which
    /// is built only with the text layer).
    const PIECE: usize = 16 * 1024;

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
    fn raw_deflate_a_missing_checksum_and_a_damaged_header_are_read() {
        let data = b"0 0 m 10 10 l S".to_vec();
        let full = zlib(&data);
        let without_checksum = full.get(..full.len() - 4).unwrap();
        assert_eq!(
            inflate(without_checksum, 100),
            Decoded::Data(Cow::Owned(data.clone()))
        );
        let mut damaged_header = full.clone();
        damaged_header[1] ^= 0xff;
        assert_eq!(
            inflate(&damaged_header, 100),
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

    /// Everything an inflater gives, read in pieces of `piece` bytes, and
    /// whether it failed; the inflater is handed back for the next stream.
    fn inflate_all(
        data: &[u8],
        inflate: Option<Decompress>,
        piece: usize,
    ) -> (Vec<u8>, bool, Decompress) {
        let mut inflater = Inflater::new(Cow::Borrowed(data), inflate);
        let (mut out, mut chunk) = (Vec::new(), vec![0; piece]);
        loop {
            let read = inflater.read(&mut chunk);
            if read == 0 {
                break;
            }
            out.extend_from_slice(chunk.get(..read).unwrap());
        }
        (out, inflater.failed, inflater.inflate)
    }

    /// Content longer than one piece, that compresses to several pieces'
    /// worth of output per byte of input.
    fn content() -> Vec<u8> {
        (0..2000)
            .flat_map(|i| format!("BT /F1 12 Tf 72 {i} Td (line {i}) Tj ET\n").into_bytes())
            .collect()
    }

    #[test]
    fn a_reused_inflater_reads_each_stream_whole() {
        let content = content();
        let full = zlib(&content);
        let (out, failed, inflate) = inflate_all(&full, None, PIECE);
        assert_eq!((out.len(), failed), (content.len(), false));
        assert!(out == content);
        // Broken data leaves the inflater in an error state; reset for the
        // next stream, it reads that one whole.
        let (out, failed, inflate) =
            inflate_all(b"\x00\x01\x02 not deflate at all", Some(inflate), PIECE);
        assert_eq!((out.len(), failed), (0, true));
        let (out, failed, _) = inflate_all(&full, Some(inflate), 7);
        assert_eq!((out.len(), failed), (content.len(), false));
        assert!(out == content);
    }

    /// Without its checksum the data ends with the last symbol: what
    /// that symbol still has to give after a full piece is read in the
    /// next, whatever the piece.
    #[test]
    fn data_without_its_checksum_is_read_whole_in_any_piece() {
        let content = content();
        let full = zlib(&content);
        let without_checksum = full.get(..full.len() - 4).unwrap();
        for piece in [1, 7, 100, 4096, PIECE] {
            let (out, failed, _) = inflate_all(without_checksum, None, piece);
            assert_eq!(
                (out.len(), failed),
                (content.len(), false),
                "pieces of {piece}"
            );
            assert!(out == content);
        }
    }

    /// An empty buffer is given nothing, and the stream is read whole
    /// after it.
    #[test]
    fn an_empty_buffer_reads_nothing_and_ends_nothing() {
        let content = content();
        let full = zlib(&content);
        let mut inflater = Inflater::new(Cow::Borrowed(&full), None);
        assert_eq!(inflater.read(&mut []), 0);
        let (out, failed, _) = inflate_all(&full, Some(inflater.inflate), PIECE);
        assert_eq!((out.len(), failed), (content.len(), false));
        let mut inflater = Inflater::new(Cow::Borrowed(&full), None);
        assert_eq!(inflater.read(&mut []), 0);
        let mut chunk = vec![0; PIECE];
        assert!(inflater.read(&mut chunk) > 0);
    }

    #[test]
    fn data_cut_short_keeps_what_came_before() {
        let content = content();
        let full = zlib(&content);
        let cut = full.get(..full.len() / 2).unwrap();
        let (out, failed, _) = inflate_all(cut, None, 1024);
        assert!(!failed);
        assert!(!out.is_empty() && out.len() < content.len());
        assert!(content.starts_with(&out));
    }
}
