//! The boundary over Tesseract: the only module that names
//! `tesseract_plumbing`. One [`Engine`] is one Tesseract instance with its
//! language models loaded; it reads one page image at a time and gives the
//! words it recognised as hOCR.
//!
//! The binding is `tesseract-plumbing`: a thin, safe wrapper of
//! libtesseract's C API that keeps this crate free of `unsafe`, and that
//! lets an image be handed over as a byte buffer, so that no Leptonica
//! image has to be built here.

use std::ffi::CString;

use tesseract_plumbing::TessBaseApi;
use tesseract_plumbing::tesseract_sys::TessPageSegMode_PSM_AUTO;

use super::OcrError;
use super::render::Raster;

/// A Tesseract instance, ready to read pages in the given languages.
pub(crate) struct Engine {
    api: TessBaseApi,
}

/// Where Tesseract's own progress and warning messages go ("Empty page!!",
/// "Detected 12 diacritics"): nowhere, so that they do not mix with the
/// output and the warnings of a batch.
#[cfg(windows)]
const NO_MESSAGES: &std::ffi::CStr = c"NUL";
#[cfg(not(windows))]
const NO_MESSAGES: &std::ffi::CStr = c"/dev/null";

impl Engine {
    /// Starts Tesseract with the languages of `languages` (`nld+eng`), whose
    /// data it finds where it was installed (or in `TESSDATA_PREFIX`).
    pub(crate) fn start(languages: &str) -> Result<Self, OcrError> {
        let wanted = CString::new(languages)
            .ok()
            .filter(|_| valid_languages(languages))
            .ok_or_else(|| OcrError::Languages {
                languages: languages.to_owned(),
            })?;
        let mut api = TessBaseApi::create();
        // A variable Tesseract does not know is only ignored.
        let _ = api.set_variable(c"debug_file", NO_MESSAGES);
        api.init_2(None, Some(&wanted))
            .map_err(|_| OcrError::Start {
                languages: languages.to_owned(),
            })?;
        Ok(Self { api })
    }

    /// Recognises the words of a page image and returns them as hOCR:
    /// lines with their baselines and sizes, words with their boxes and
    /// confidences, in the image's pixels.
    ///
    /// The page is segmented automatically (columns, blocks, lines; no
    /// orientation detection: a page shown upright is read upright), and
    /// the image is binarised by Tesseract itself.
    pub(crate) fn recognise(&mut self, raster: &Raster) -> Result<String, String> {
        let width = i32::try_from(raster.width).map_err(|_| "the image is too wide".to_owned())?;
        let height =
            i32::try_from(raster.height).map_err(|_| "the image is too tall".to_owned())?;
        // The wrapper multiplies the two in a C int.
        if width.checked_mul(height).is_none() {
            return Err("the image is too large".to_owned());
        }
        self.api
            .set_image(&raster.pixels, width, height, 1, width)
            .map_err(|error| format!("the image was refused: {error}"))?;
        self.api.set_source_resolution(raster.dpi);
        self.api.set_page_seg_mode(TessPageSegMode_PSM_AUTO);
        self.api
            .recognize()
            .map_err(|_| "Tesseract could not recognise the page".to_owned())?;
        let hocr = self
            .api
            .get_hocr_text(0)
            .map_err(|_| "Tesseract gave no result for the page".to_owned())?;
        Ok(hocr.as_ref().to_string_lossy().into_owned())
    }
}

/// Whether a language list is of Tesseract's form: names of letters,
/// digits and `_` (`nld`, `chi_sim`, `script/Latin`), joined by `+`.
fn valid_languages(languages: &str) -> bool {
    !languages.is_empty()
        && languages.split('+').all(|name| {
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '/'))
                && !name.contains("..")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_lists() {
        assert!(valid_languages("nld+eng"));
        assert!(valid_languages("chi_sim"));
        assert!(valid_languages("script/Latin"));
        for bad in ["", "nld+", "+eng", "nld eng", "../etc", "nl\u{0}d"] {
            assert!(!valid_languages(bad), "{bad:?}");
        }
    }
}
