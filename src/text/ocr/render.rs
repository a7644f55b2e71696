//! The boundary over the rasterizer: the only module that names `hayro`.
//! A page is rendered to an 8-bit gray image for OCR, with the transform
//! that takes the image's pixels back to default user space.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use hayro::hayro_interpret::util::TransformExt;
use hayro::hayro_interpret::{InterpreterSettings, InterpreterWarning, RenderContent};
use hayro::kurbo::Affine;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{PixmapSettings, RenderCache, RenderSettings};

use crate::pdf::ParserPage;

/// The resolution pages are rendered at: what Tesseract is trained for,
/// and what scanners write for office documents.
pub(crate) const DPI: u32 = 300;
/// The lowest resolution a page is rendered at to keep it within the pixel
/// bound; text of ordinary size is still read well at it.
pub(crate) const MIN_DPI: u32 = 150;

/// A page rendered for OCR: gray levels, one byte a pixel, rows from the
/// top.
#[derive(Debug)]
pub(crate) struct Raster {
    pub(crate) pixels: Vec<u8>,
    pub(crate) width: u32,
    pub(crate) height: u32,
    /// Pixels per inch of the page.
    pub(crate) dpi: i32,
    /// From pixel space (origin at the top left, y down) to default user
    /// space: the inverse of the rendering transform, which applies the
    /// page's crop box and `/Rotate`.
    pub(crate) to_user: [f64; 6],
}

/// A page rendered, and what it could not draw.
#[derive(Debug)]
pub(crate) struct Rendered {
    pub(crate) raster: Raster,
    /// Images the renderer could not decode; the page was drawn without
    /// them.
    pub(crate) lost_images: usize,
}

/// Why a page could not be rendered.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RenderError {
    /// Even at [`MIN_DPI`] the page needs more pixels than the bound.
    TooLarge {
        width: f64,
        height: f64,
        max_pixels: u64,
    },
    /// The renderer failed on the page.
    Failed,
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::TooLarge {
                width,
                height,
                max_pixels,
            } => write!(
                f,
                "the page ({width:.0} × {height:.0} pt) needs more than {max_pixels} pixels even at {MIN_DPI} dpi"
            ),
            Self::Failed => f.write_str("the renderer failed on the page"),
        }
    }
}

/// Renders pages of one document, loading each font and image once.
pub(crate) struct Renderer<'a> {
    cache: RenderCache<'a>,
    settings: InterpreterSettings,
    lost_images: Arc<AtomicUsize>,
}

impl<'a> Renderer<'a> {
    pub(crate) fn new() -> Self {
        let lost_images = Arc::new(AtomicUsize::new(0));
        let sink = Arc::clone(&lost_images);
        let settings = InterpreterSettings {
            warning_sink: Arc::new(move |warning| {
                if matches!(warning, InterpreterWarning::ImageDecodeFailure) {
                    sink.fetch_add(1, Ordering::Relaxed);
                }
            }),
            // The page as printed: the appearances of its annotations are
            // read as annotations, not again as page text.
            render_content: RenderContent::PAGE,
            ..InterpreterSettings::default()
        };
        Self {
            cache: RenderCache::new(),
            settings,
            lost_images,
        }
    }

    /// Renders a page at [`DPI`], or at the highest resolution down to
    /// [`MIN_DPI`] that keeps it within `max_pixels`.
    pub(crate) fn render(
        &mut self,
        page: &'a ParserPage<'a>,
        max_pixels: u64,
    ) -> Result<Rendered, RenderError> {
        let (width, height) = page.render_dimensions();
        let (width, height) = (f64::from(width), f64::from(height));
        let dpi = resolution(width, height, max_pixels).ok_or(RenderError::TooLarge {
            width,
            height,
            max_pixels,
        })?;
        let scale = f64::from(dpi) / 72.0;
        self.lost_images.store(0, Ordering::Relaxed);
        #[allow(clippy::cast_possible_truncation)]
        let pixmap_settings = PixmapSettings {
            x_scale: scale as f32,
            y_scale: scale as f32,
            bg_color: WHITE,
        };
        let rendered = catch_unwind(AssertUnwindSafe(|| {
            hayro::render(
                page,
                &self.cache,
                &self.settings,
                &RenderSettings::default(),
                &pixmap_settings,
            )
        }));
        let Ok(pixmap) = rendered else {
            // The caches may hold half-built entries: start afresh.
            self.cache = RenderCache::new();
            return Err(RenderError::Failed);
        };
        let to_device = Affine::scale(f64::from(pixmap_settings.x_scale))
            * page.initial_transform(true).to_kurbo();
        let pixels = pixmap.data().iter().map(|p| gray(p.r, p.g, p.b)).collect();
        Ok(Rendered {
            raster: Raster {
                pixels,
                width: u32::from(pixmap.width()),
                height: u32::from(pixmap.height()),
                dpi: i32::try_from(dpi).unwrap_or(300),
                to_user: to_device.inverse().as_coeffs(),
            },
            lost_images: self.lost_images.load(Ordering::Relaxed),
        })
    }
}

/// The resolution to render a page of `width` × `height` points at:
/// [`DPI`], or less to stay within `max_pixels` (and within the renderer's
/// 65,535 pixels a side), but not below [`MIN_DPI`].
fn resolution(width: f64, height: f64, max_pixels: u64) -> Option<u32> {
    if !(width.is_finite() && height.is_finite() && width > 0.0 && height > 0.0) {
        return None;
    }
    let fits = |dpi: u32| {
        let scale = f64::from(dpi) / 72.0;
        let (w, h) = ((width * scale).floor(), (height * scale).floor());
        w >= 1.0 && h >= 1.0 && w <= f64::from(u16::MAX) && h <= f64::from(u16::MAX) && {
            #[allow(clippy::cast_precision_loss)]
            let bound = max_pixels as f64;
            w * h <= bound
        }
    };
    if fits(DPI) {
        return Some(DPI);
    }
    // The pixel count grows with the square of the resolution.
    #[allow(clippy::cast_precision_loss)]
    let ideal = 72.0 * (max_pixels as f64 / (width * height)).sqrt();
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let mut dpi = ideal.floor().clamp(0.0, f64::from(DPI)) as u32;
    // Rounding of the pixel counts may still tip it over: step down.
    while dpi >= MIN_DPI && !fits(dpi) {
        dpi -= 1;
    }
    (dpi >= MIN_DPI).then_some(dpi)
}

/// The gray level of a pixel drawn over white (ITU-R BT.601 weights).
fn gray(r: u8, g: u8, b: u8) -> u8 {
    let level = (u32::from(r) * 299 + u32::from(g) * 587 + u32::from(b) * 114 + 500) / 1000;
    u8::try_from(level).unwrap_or(u8::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a4_at_full_resolution() {
        assert_eq!(resolution(595.0, 842.0, 40_000_000), Some(DPI));
    }

    #[test]
    fn a_large_page_at_less() {
        // A0 (2384 × 3370 pt) is 138 million pixels at 300 dpi.
        let dpi = resolution(2384.0, 3370.0, 40_000_000).unwrap();
        assert!((MIN_DPI..DPI).contains(&dpi), "{dpi}");
        let scale = f64::from(dpi) / 72.0;
        assert!((2384.0 * scale).floor() * (3370.0 * scale).floor() <= 40e6);
        assert!(resolution(2384.0, 3370.0, 40_000_000 / 4).is_none());
    }

    #[test]
    fn no_side_beyond_the_renderer() {
        // A strip 200 inches long fits the pixel count but not 65,535 pixels.
        let dpi = resolution(72.0, 14_400.0, u64::MAX).unwrap();
        assert!(f64::from(dpi) / 72.0 * 14_400.0 <= 65_535.0, "{dpi}");
    }

    #[test]
    fn pages_without_size() {
        assert_eq!(resolution(0.0, 842.0, u64::MAX), None);
        assert_eq!(resolution(f64::NAN, 842.0, u64::MAX), None);
    }

    #[test]
    fn gray_levels() {
        assert_eq!(gray(255, 255, 255), 255);
        assert_eq!(gray(0, 0, 0), 0);
        assert_eq!(gray(0, 0, 255), 29);
    }
}
