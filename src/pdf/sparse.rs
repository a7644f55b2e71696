//! A large file read into memory without its image data.
//!
//! A scanned bundle is mostly images: 150 MB of them around a few
//! megabytes of page dictionaries, annotations and OCR text. Memory-mapping
//! such a file does not keep it small in memory, whatever advice is given:
//! every page dictionary read maps the kernel's whole cache unit around it
//! (fault-around, and large folios in the page cache), which on an image
//! bundle is most of the file. So a large file is read instead, in windows,
//! into an anonymous map of the file's size, and the data of image streams
//! (`/Subtype /Image` with a direct `/Length` that ends at `endstream`) is
//! left out: those pages of the map are never written, so they cost no
//! memory, and read back as zeros. Every other byte is where it was in the
//! file, so the cross-reference offsets hold.
//!
//! Nothing in kantlijn decodes images (the text layer drops them
//! undecoded), so the missing bytes are never looked at. A stream whose
//! dictionary cannot be read this simply, whose `/Length` is indirect, or
//! whose length does not end at `endstream`, is read whole.

use std::fs::File;
use std::io;

use memchr::memmem;

/// Files at least this large are read sparsely; smaller ones are mapped.
pub(crate) const MIN_LEN: u64 = 16 << 20;

/// Bytes read per window: a window after an image is small, since the
/// next image usually starts a few kilobytes on; each window without an
/// image doubles the next, up to the largest.
const MIN_WINDOW: usize = 4 << 10;
const MAX_WINDOW: usize = 256 << 10;

/// How far back from `stream` the object header (`12 0 obj`) is looked
/// for: a stream dictionary longer than this is read as not an image.
const MAX_DICT: usize = 4096;

/// Bytes re-read at the start of each window, so that a `stream` keyword
/// cut by the window's end is found whole in the next.
const OVERLAP: u64 = 16;

/// The file's bytes, image data left as zeros, and how many bytes were
/// left out.
pub(crate) fn read(file: &File, len: u64) -> io::Result<(memmap2::Mmap, u64)> {
    read_windows(file, len, MIN_WINDOW, MAX_WINDOW)
}

fn read_windows(
    file: &File,
    len: u64,
    min_window: usize,
    max_window: usize,
) -> io::Result<(memmap2::Mmap, u64)> {
    let size = usize::try_from(len).map_err(|_| io::Error::other("file too large to read"))?;
    let mut map = memmap2::MmapMut::map_anon(size.max(1))?;
    #[cfg(target_os = "linux")]
    {
        // A huge page would make every written byte cost 2 MiB of memory;
        // the advice is a hint, and failing to give it changes nothing else.
        let _ = map.advise(memmap2::Advice::NoHugePage);
    }
    let mut scratch = vec![0u8; max_window];
    let mut window = min_window;
    let finder = memmem::Finder::new(b"stream");
    let mut pos: u64 = 0;
    let mut skipped: u64 = 0;
    // An image's data left out, whose `endstream` the next window checks
    // (it starts where the data ends): one read a page instead of two.
    let mut unchecked: Option<(u64, u64)> = None;
    while pos < len {
        let start = pos.saturating_sub(OVERLAP);
        // No further than the length measured: a file still growing (a
        // scanner writing into a watched folder) is read as it was.
        let wanted = usize::try_from(len - start).map_or(window, |left| left.min(window));
        let n = read_at(file, scratch.get_mut(..wanted).unwrap_or_default(), start)?;
        let end = start + n as u64;
        if end <= pos {
            break; // the file ended early (it shrank while being read)
        }
        let data = scratch.get(..n).unwrap_or_default();
        if let Some((from, to)) = unchecked.take() {
            let tail = usize::try_from(to.saturating_sub(start))
                .ok()
                .and_then(|at| data.get(at..))
                .unwrap_or_default();
            let tail = tail.get(..tail.len().min(32)).unwrap_or_default();
            if !skip_space(tail).starts_with(b"endstream") {
                // `/Length` did not end the stream: its bytes are read after all.
                let offset =
                    |at: u64| usize::try_from(at).map_err(|_| io::Error::other("offset too large"));
                let range = map
                    .get_mut(offset(from)?..offset(to)?)
                    .ok_or_else(|| io::Error::other("map out of range"))?;
                read_at(file, range, from)?;
                skipped -= to - from;
            }
        }
        // Bytes [pos, copied) are in the map; the window's bytes before
        // `pos` were settled by the window before.
        let mut copied = pos;
        let mut next = end;
        let mut skipped_here = false;
        for at in finder.find_iter(data) {
            let keyword = start + at as u64;
            if keyword + 6 <= pos {
                continue;
            }
            let Some(data_start) = stream_data_start(data, at) else {
                if end < len && keyword + 8 > end {
                    // The line end after the keyword is in the next window.
                    next = keyword.max(pos + 1);
                    break;
                }
                continue;
            };
            copy(&mut map, data, start, copied, keyword + 6)?;
            copied = keyword + 6;
            let Some(length) = image_length(&map, keyword) else {
                continue;
            };
            let data_start = start + data_start as u64;
            let data_end = data_start.saturating_add(length);
            if data_end < len {
                copy(&mut map, data, start, copied, data_start)?;
                skipped += length;
                skipped_here = true;
                unchecked = Some((data_start, data_end));
                copied = data_end;
                next = data_end;
                break;
            }
        }
        if next == end || copied < next {
            copy(&mut map, data, start, copied, next.min(end))?;
        }
        window = if skipped_here {
            min_window
        } else {
            (window * 2).min(max_window)
        };
        pos = next.max(copied);
    }
    Ok((map.make_read_only()?, skipped))
}

/// Copies the window's bytes `from..to` (file offsets) into the map.
fn copy(map: &mut memmap2::MmapMut, data: &[u8], start: u64, from: u64, to: u64) -> io::Result<()> {
    if to <= from {
        return Ok(());
    }
    let offset = |at: u64| usize::try_from(at).map_err(|_| io::Error::other("offset too large"));
    let source = data
        .get(offset(from - start)?..offset(to - start)?)
        .ok_or_else(|| io::Error::other("window out of range"))?;
    map.get_mut(offset(from)?..offset(to)?)
        .ok_or_else(|| io::Error::other("map out of range"))?
        .copy_from_slice(source);
    Ok(())
}

/// Where the data of a stream starts, when `stream` at `at` is a stream
/// keyword: not the end of `endstream`, and followed by a line end.
fn stream_data_start(window: &[u8], at: usize) -> Option<usize> {
    if at > 0 && window.get(at - 1).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    match window.get(at + 6..at + 8)? {
        [b'\r', b'\n'] => Some(at + 8),
        [b'\n', _] => Some(at + 7),
        _ => None,
    }
}

/// The direct `/Length` of the stream whose keyword is at `keyword`, when
/// its dictionary says `/Subtype /Image`.
fn image_length(map: &[u8], keyword: u64) -> Option<u64> {
    let keyword = usize::try_from(keyword).ok()?;
    let before = map.get(keyword.saturating_sub(MAX_DICT)..keyword)?;
    let header = memmem::rfind_iter(before, b"obj").find(|&at| {
        at == 0
            || before
                .get(at - 1)
                .is_some_and(|b| !b.is_ascii_alphanumeric())
    })?;
    let dict = before.get(header + 3..)?;
    if !names(dict, b"/Subtype", b"/Image") {
        return None;
    }
    direct_length(dict)
}

/// Whether `key` is followed, after white space, by the name `value`.
fn names(dict: &[u8], key: &[u8], value: &[u8]) -> bool {
    memmem::find_iter(dict, key).any(|at| {
        let rest = skip_space(dict.get(at + key.len()..).unwrap_or_default());
        rest.starts_with(value)
            && !rest
                .get(value.len())
                .is_some_and(|b| b.is_ascii_alphanumeric())
    })
}

/// The value of `/Length` when it is a direct integer (not `12 0 R`).
fn direct_length(dict: &[u8]) -> Option<u64> {
    let mut found = None;
    for at in memmem::find_iter(dict, b"/Length") {
        let rest = dict.get(at + 7..)?;
        if rest.first().is_some_and(u8::is_ascii_alphanumeric) {
            continue; // /Length1, /Length2 …
        }
        let rest = skip_space(rest);
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        let number = std::str::from_utf8(rest.get(..digits)?)
            .ok()?
            .parse()
            .ok()?;
        let after = skip_space(rest.get(digits..)?);
        if after.first().is_some_and(u8::is_ascii_digit) {
            return None; // an indirect reference
        }
        if found.replace(number).is_some() {
            return None; // two lengths: not a dictionary read this simply
        }
    }
    found
}

fn skip_space(bytes: &[u8]) -> &[u8] {
    let n = bytes
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0'))
        .count();
    bytes.get(n..).unwrap_or_default()
}

/// Reads as much of `buf` as the file has from `offset` on.
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        let rest = buf.get_mut(filled..).unwrap_or_default();
        match positioned_read(file, rest, offset + filled as u64) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

#[cfg(unix)]
fn positioned_read(file: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, offset)
}

#[cfg(windows)]
fn positioned_read(file: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buf, offset)
}

#[cfg(not(any(unix, windows)))]
fn positioned_read(file: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = file;
    file.seek(SeekFrom::Start(offset))?;
    file.read(buf)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// A file of objects: text, an image of `image_len` bytes of 0xAB
    /// with the given `/Length` entry, more text.
    fn file_with(length_entry: &str, image_len: usize) -> (tempfile::NamedTempFile, Vec<u8>) {
        let mut bytes = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".to_vec();
        bytes.extend_from_slice(
            format!(
                "2 0 obj\n<< /Type /XObject /Subtype /Image /Width 8 {length_entry} >>\nstream\n"
            )
            .as_bytes(),
        );
        bytes.extend(std::iter::repeat_n(0xAB, image_len));
        bytes.extend_from_slice(b"\nendstream\nendobj\n3 0 obj\n<< /Length 5 >>\nstream\nBT ET\nendstream\nendobj\n%%EOF\n");
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(&bytes).unwrap();
        (file, bytes)
    }

    fn sparse(file: &tempfile::NamedTempFile, window: usize) -> (Vec<u8>, u64) {
        let len = file.as_file().metadata().unwrap().len();
        let (map, skipped) = read_windows(file.as_file(), len, window, window * 4).unwrap();
        (map.to_vec(), skipped)
    }

    /// A file that grew after its length was measured is read up to that
    /// length, not refused.
    #[test]
    fn file_growing_while_read() {
        let (file, bytes) = file_with("/Length 5000", 5000);
        let measured = bytes.len() as u64 - 100;
        let (map, _) = read_windows(file.as_file(), measured, 64, 256).unwrap();
        assert_eq!(map.len() as u64, measured);
        assert_eq!(
            map[map.len() - 50..],
            bytes[..measured as usize][measured as usize - 50..]
        );
    }

    #[test]
    fn image_data_left_out() {
        let (file, bytes) = file_with("/Length 5000", 5000);
        for window in [64, 100, 333, 4096, 1 << 16] {
            let (read, skipped) = sparse(&file, window);
            assert_eq!(skipped, 5000, "window {window}");
            assert_eq!(read.len(), bytes.len());
            let image = bytes.windows(7).position(|w| w == b"stream\n").unwrap() + 7;
            assert!(read[image..image + 5000].iter().all(|&b| b == 0));
            assert_eq!(read[..image], bytes[..image], "window {window}");
            assert_eq!(
                read[image + 5000..],
                bytes[image + 5000..],
                "window {window}"
            );
        }
    }

    #[test]
    fn indirect_length_read_whole() {
        let (file, bytes) = file_with("/Length 9 0 R", 5000);
        let (read, skipped) = sparse(&file, 100);
        assert_eq!(skipped, 0);
        assert_eq!(read, bytes);
    }

    #[test]
    fn wrong_length_read_whole() {
        let (file, bytes) = file_with("/Length 4000", 5000);
        let (read, skipped) = sparse(&file, 100);
        assert_eq!(skipped, 0);
        assert_eq!(read, bytes);
    }

    #[test]
    fn other_streams_read_whole() {
        let (file, bytes) = file_with("/Length 5000", 5000);
        let text = String::from_utf8_lossy(&bytes).replace("/Subtype /Image", "/Subtype /Form ");
        let mut other = tempfile::NamedTempFile::new().unwrap();
        other.write_all(&text.bytes().collect::<Vec<_>>()).unwrap();
        drop(file);
        let (read, skipped) = sparse(&other, 128);
        assert_eq!(skipped, 0);
        assert_eq!(read, std::fs::read(other.path()).unwrap());
    }

    #[test]
    fn length_forms() {
        assert_eq!(
            direct_length(b"<< /Length 12 /Filter /DCTDecode >>"),
            Some(12)
        );
        assert_eq!(direct_length(b"<< /Length1 7 /Length 12 >>"), Some(12));
        assert_eq!(direct_length(b"<< /Length 12 0 R >>"), None);
        assert_eq!(direct_length(b"<< /Filter /FlateDecode >>"), None);
        assert!(names(b"<< /Subtype/Image >>", b"/Subtype", b"/Image"));
        assert!(!names(b"<< /Subtype /ImageMask >>", b"/Subtype", b"/Image"));
    }

    #[test]
    fn endstream_keyword_is_not_a_stream() {
        assert_eq!(stream_data_start(b"endstream\nendobj", 3), None);
        assert_eq!(stream_data_start(b">>\nstream\r\nxyz", 3), Some(11));
        assert_eq!(stream_data_start(b">>stream\nxyz", 2), Some(9));
        assert_eq!(stream_data_start(b">> streamed", 3), None);
    }
}
