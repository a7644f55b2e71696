//! Annotation records: one per annotation object, with the file's own values.

mod color;
mod flags;
mod names;
mod read;
mod reference;
mod rich_text;
mod subtype;

use serde::{Deserialize, Serialize};

pub use color::Color;
pub use flags::Flags;
pub use names::{Icon, Intent, State, StateModel};
#[cfg(feature = "text")]
pub(crate) use read::reference_of;
pub(crate) use read::{Include, Listing, read_all};
pub(crate) use reference::serde_as_text;
pub use reference::{ObjectId, Reference, ReferenceError};
pub use subtype::Subtype;

use crate::pdf::date::Timestamp;
use crate::pdf::geometry::{Quad, Rect, serialize_opt_number};

/// One annotation, as the file states it.
///
/// Every optional key is always present in JSON (as `null` when the file does
/// not give it), so the shape of a record never changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Annotation {
    /// The 1-based physical page the annotation is on.
    pub page: usize,
    /// The page's label from the catalog's `/PageLabels` ("iv", "A-3"), when
    /// the document defines labels.
    pub page_label: Option<String>,
    /// The object reference, `"12 0 R"`. An annotation written inline in
    /// `/Annots` has none; it gets the synthetic `"inline:<page>:<index>"`
    /// (1-based page, 0-based position in `/Annots`), stable across runs.
    #[serde(rename = "ref")]
    pub reference: Reference,
    /// `/NM`: the annotation's name, unique on its page.
    pub name: Option<String>,
    /// `/Subtype`.
    pub subtype: Subtype,
    /// `/IT`: the intent (`FreeTextTypeWriter`, `LineArrow`, …).
    pub intent: Option<Intent>,
    /// `/T`: the author, as the reviewing application shows it; `null`
    /// for a widget, whose `/T` names its form field.
    pub author: Option<String>,
    /// `/Subj`: the subject; Acrobat writes its localised tool name here
    /// ("Markering", "Tekst plaatsen", "Sticky Note").
    pub subject: Option<String>,
    /// `/Contents`; when absent, the plain text of `/RC`.
    pub contents: Option<String>,
    /// `/RC`: the rich text (XHTML) as given, or `null`.
    pub rich_text: Option<String>,
    /// `/CreationDate`.
    pub created: Option<Timestamp>,
    /// `/M`: the last modification.
    pub modified: Option<Timestamp>,
    /// `/C`: the colour, `"#rrggbb"`.
    pub color: Option<Color>,
    /// `/CA`: the constant opacity, 0–1.
    #[serde(serialize_with = "serialize_opt_number")]
    pub opacity: Option<f64>,
    /// `/F`: the names of the set flags.
    pub flags: Flags,
    /// `/Rect`, normalised, in default user space.
    pub rect: Option<Rect>,
    /// `/QuadPoints`: one array of 8 numbers per quadrilateral, for text
    /// markup, links and redactions; `null` for other subtypes.
    pub quads: Option<Vec<Quad>>,
    /// `/Name`: the icon of a sticky note, stamp, file attachment or sound
    /// (`Comment`, `Approved`, `NotApproved`, `PushPin`, …).
    pub icon: Option<Icon>,
    /// `/IRT`: the `ref` of the annotation this one replies to.
    pub in_reply_to: Option<Reference>,
    /// `/RT`: `"reply"` or `"group"`; `null` when the annotation replies to
    /// nothing.
    pub reply_type: Option<ReplyType>,
    /// `/State`: a review or marking state (`Accepted`, `Rejected`, `Marked`, …).
    pub state: Option<State>,
    /// `/StateModel`: `Review` or `Marked`.
    pub state_model: Option<StateModel>,
    /// The review states set on this annotation: Acrobat stores each as a
    /// reply carrying `/State`; they are listed here as well as on their own.
    pub review_states: Vec<ReviewState>,
    /// The annotation's pop-up window (`/Popup`), folded in.
    pub popup: Option<Popup>,
    /// The page text under a highlight's, underline's, squiggly
    /// underline's or strike-out's `/QuadPoints` (its `/Rect` when it has
    /// none), and for a caret the words on either side of it; `null` for
    /// other subtypes, when [`Options::text_under`](crate::Options::text_under)
    /// is off, and without the `text` feature; `""` when no text lies
    /// there. A glyph counts when half its box lies inside a quad; a word
    /// mostly under the quads of a highlight is taken whole; lines are
    /// joined with a space in reading order and a word broken by a hyphen
    /// at a line end is joined again.
    pub text_under: Option<String>,
    /// The text the annotation's normal appearance draws (`/AP /N`, the
    /// state `/AS` selects where `/N` has states), lines in reading order
    /// joined by `\n`: what a dynamic stamp says ("AKKOORD\nMinister van
    /// SZW\n08-06-2026 09:11"), a text box's text. Read for stamps, text
    /// boxes and annotations without `/Contents` when
    /// [`Options::appearance_text`](crate::Options::appearance_text) is on
    /// (needs the `text` feature); `null` for others, when the appearance
    /// draws no text (an image, paths) or there is none.
    pub appearance_text: Option<String>,
}

/// How a reply relates to the annotation it answers (`/RT`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ReplyType {
    /// `/R`: a reply in a discussion thread (the default).
    Reply,
    /// `/Group`: grouped with the parent, one item.
    Group,
}

/// A review state set on an annotation, from a reply that carries `/State`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ReviewState {
    /// `/State` (`Accepted`, `Rejected`, `Cancelled`, `Completed`, `None`,
    /// `Marked`, `Unmarked`).
    pub state: State,
    /// `/StateModel` (`Review` or `Marked`).
    pub state_model: Option<StateModel>,
    /// Who set it (`/T` of the reply).
    pub author: Option<String>,
    /// When (`/M` of the reply, else its `/CreationDate`).
    pub date: Option<Timestamp>,
    /// The reply's `ref`.
    #[serde(rename = "ref")]
    pub reference: Reference,
}

/// A pop-up window, folded into its parent annotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Popup {
    /// `/Open`: whether it is shown open.
    pub open: bool,
    /// `/Rect`, normalised.
    pub rect: Option<Rect>,
}
