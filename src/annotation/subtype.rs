//! Annotation subtypes (ISO 32000-2 §12.5.6, Table 171).

use super::names::open_names;

open_names! {
    "subtype";
    /// The `/Subtype` of an annotation: every name of ISO 32000-2 Table 171,
    /// and any other name as [`Subtype::Other`] (an unknown subtype is data,
    /// not an error). Serialises to the name as written in the file.
    pub enum Subtype {
        /// A sticky note.
        Text = "Text",
        /// A hypertext link.
        Link = "Link",
        /// Text placed on the page (Acrobat's text box and typewriter).
        FreeText = "FreeText",
        /// A line.
        Line = "Line",
        /// A rectangle.
        Square = "Square",
        /// An ellipse.
        Circle = "Circle",
        /// A closed polygon.
        Polygon = "Polygon",
        /// An open polygon.
        PolyLine = "PolyLine",
        /// Highlighted text.
        Highlight = "Highlight",
        /// Underlined text.
        Underline = "Underline",
        /// Text with a jagged underline.
        Squiggly = "Squiggly",
        /// Struck-out text.
        StrikeOut = "StrikeOut",
        /// An insertion mark.
        Caret = "Caret",
        /// A rubber stamp.
        Stamp = "Stamp",
        /// Freehand drawing.
        Ink = "Ink",
        /// The pop-up window of another annotation.
        Popup = "Popup",
        /// An attached file.
        FileAttachment = "FileAttachment",
        /// A sound (deprecated in PDF 2.0).
        Sound = "Sound",
        /// A movie (deprecated in PDF 2.0).
        Movie = "Movie",
        /// A media screen.
        Screen = "Screen",
        /// An interactive form field.
        Widget = "Widget",
        /// A printer's mark.
        PrinterMark = "PrinterMark",
        /// A trap network (deprecated in PDF 2.0).
        TrapNet = "TrapNet",
        /// A watermark.
        Watermark = "Watermark",
        /// 3D artwork.
        ThreeD = "3D",
        /// A region marked for redaction.
        Redact = "Redact",
        /// A measurement projection.
        Projection = "Projection",
        /// Rich media.
        RichMedia = "RichMedia",
    }
}

impl Subtype {
    /// Highlight, Underline, Squiggly and StrikeOut: the subtypes whose point
    /// is the text they mark.
    pub fn is_text_markup(&self) -> bool {
        matches!(
            self,
            Self::Highlight | Self::Underline | Self::Squiggly | Self::StrikeOut
        )
    }

    /// Whether this is a markup annotation (ISO 32000-2 §12.5.6.2): one that
    /// can carry an author, a subject, replies and a review state.
    pub fn is_markup(&self) -> bool {
        !matches!(
            self,
            Self::Link
                | Self::Popup
                | Self::Movie
                | Self::Screen
                | Self::Widget
                | Self::PrinterMark
                | Self::TrapNet
                | Self::Watermark
                | Self::ThreeD
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_names_round_trip() {
        for name in ["Text", "FreeText", "Highlight", "3D", "Redact", "RichMedia"] {
            assert_eq!(Subtype::from_name(name).name(), name);
            assert!(!matches!(Subtype::from_name(name), Subtype::Other(_)));
        }
    }

    #[test]
    fn spec_names_are_the_known_variants() {
        assert_eq!(Subtype::SPEC_NAMES.len(), 28);
        for name in Subtype::SPEC_NAMES {
            assert!(!matches!(Subtype::from_name(name), Subtype::Other(_)));
        }
    }

    #[test]
    fn unknown_name_is_data() {
        let subtype = Subtype::from_name("BluebeamCloud");
        assert_eq!(subtype, Subtype::Other("BluebeamCloud".into()));
        assert_eq!(
            serde_json::to_string(&subtype).unwrap(),
            "\"BluebeamCloud\""
        );
    }
}
