//! Building annotation records from annotation dictionaries.
//!
//! Each page's `/Annots` (a direct or indirect array) is read entry by entry:
//! references are resolved, inline dictionaries get a synthetic reference,
//! and an entry that cannot be read (a missing object, a wrong type) is a
//! warning. Within one annotation, a value of the wrong type or an
//! unreadable date is a warning and the field is `null`; the record itself
//! is always kept.

use std::collections::HashMap;

use super::{
    Annotation, Color, Flags, Icon, Intent, ObjectId, Popup, Reference, ReplyType, ReviewState,
    State, StateModel, Subtype, color::NoColor, rich_text,
};
use crate::diagnostics::{Skipped, WarningKind, Warnings};
use crate::limits::{Deadline, Limits};
use crate::pdf::date::{self, Timestamp};
use crate::pdf::geometry::{Quad, Rect};
use crate::pdf::page_labels::PageLabels;
use crate::pdf::text_string;
use crate::pdf::{Dict, Lookup, ObjId, Object};
use crate::threads;

/// Most bytes of an `/RC` stream decoded; rich text is a few kilobytes.
const MAX_RICH_TEXT_STREAM: usize = 4 << 20;

/// Which annotations are listed besides comments; those left out are
/// counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Include {
    /// `/Link` annotations.
    pub(crate) links: bool,
    /// `/Widget` annotations (form fields).
    pub(crate) widgets: bool,
}

/// Fewest pages read on two threads: below it, starting a thread costs
/// more than it saves.
const MIN_PARALLEL_PAGES: usize = 64;

/// What the pages say about listing them: how to read them, and on how
/// many threads (1: the calling thread alone; else two).
pub(crate) struct Listing<'r> {
    pub(crate) labels: &'r PageLabels,
    pub(crate) limits: &'r Limits,
    pub(crate) include: Include,
    pub(crate) deadline: &'r Deadline,
    pub(crate) threads: usize,
}

/// All annotations of the given pages (each page's number and dictionary),
/// and the ones left out. A long document is read in two halves side by
/// side; the annotations, counts and warnings are what one thread gives.
pub(crate) fn read_all(
    pages: &[(usize, Option<&Dict<'_>>)],
    listing: &Listing<'_>,
    warnings: &mut Warnings,
) -> (Vec<Annotation>, Skipped) {
    let (mut annotations, skipped) = if listing.threads != 1 && pages.len() >= MIN_PARALLEL_PAGES {
        let ((mut read, first_warnings), (second, second_warnings)) =
            threads::in_halves(pages, |_, half| {
                let mut own = Warnings::default();
                (read_pages(half, listing, &mut own), own)
            });
        warnings.append(first_warnings);
        // Pages after a time limit are not read: the second half counts
        // only when the first was read to its end.
        if read.complete {
            read.annotations.extend(second.annotations);
            read.skipped.add(second.skipped);
            warnings.append(second_warnings);
        }
        (read.annotations, read.skipped)
    } else {
        let read = read_pages(pages, listing, warnings);
        (read.annotations, read.skipped)
    };
    attach_review_states(&mut annotations);
    (annotations, skipped)
}

/// What reading a run of pages found.
struct Read {
    annotations: Vec<Annotation>,
    skipped: Skipped,
    /// Every page was read: no time limit cut the run short.
    complete: bool,
}

/// Reads the annotations of a run of pages, in order.
fn read_pages(
    pages: &[(usize, Option<&Dict<'_>>)],
    listing: &Listing<'_>,
    warnings: &mut Warnings,
) -> Read {
    let mut reader = Reader {
        limits: listing.limits,
        include: listing.include,
        warnings,
        skipped: Skipped::default(),
        annotations: Vec::new(),
    };
    let mut complete = true;
    for (number, dict) in pages {
        let number = *number;
        if listing.deadline.expired() {
            reader.warnings.time_limit(
                number,
                listing.limits.time_per_file,
                format_args!("annotations from page {number} on are not read"),
            );
            complete = false;
            break;
        }
        // A page that does not exist (see the page tree walk) has nothing.
        let Some(dict) = dict else {
            continue;
        };
        reader.page(number, dict, listing.labels);
    }
    Read {
        annotations: reader.annotations,
        skipped: reader.skipped,
        complete,
    }
}

struct Reader<'w> {
    limits: &'w Limits,
    include: Include,
    warnings: &'w mut Warnings,
    skipped: Skipped,
    annotations: Vec<Annotation>,
}

impl Reader<'_> {
    fn page(&mut self, number: usize, page: &Dict<'_>, labels: &PageLabels) {
        let annots = match page.get(b"Annots") {
            Lookup::Absent => return,
            Lookup::Found(Object::Array(array)) => array,
            Lookup::Found(other) => {
                self.damaged(
                    number,
                    page.id(),
                    format!(
                        "/Annots is {}, not an array; the page's annotations cannot be listed",
                        other.type_name()
                    ),
                );
                return;
            }
            Lookup::Dangling(id) => {
                self.damaged(
                    number,
                    Some(id),
                    "/Annots refers to an object that is missing or unreadable; the page's annotations cannot be listed",
                );
                return;
            }
        };
        let label = labels.label(number - 1);
        let max = self.limits.max_annotations_per_page;
        // The entry that first listed each object: an annotation listed
        // twice is one annotation.
        let mut listed: HashMap<ObjId, usize> = HashMap::new();
        for (index, element) in annots.elements().enumerate() {
            if index >= max {
                self.warnings.push(
                    Some(number),
                    page.id().map(|id| id.to_string()),
                    WarningKind::LimitReached,
                    format!("/Annots has more than {max} entries; the rest are not read"),
                );
                break;
            }
            let (dict, reference) = match (element.reference, element.value) {
                (Some(id), Lookup::Found(Object::Dict(_)))
                    if let Some(&first) = listed.get(&id) =>
                {
                    self.damaged(
                        number,
                        Some(id),
                        format!(
                            "entry {index} of /Annots lists {id} again (as entry {first}); listed once"
                        ),
                    );
                    continue;
                }
                (_, Lookup::Found(Object::Dict(dict))) => {
                    if let Some(id) = element.reference {
                        listed.insert(id, index);
                    }
                    let reference = reference_of(element.reference, number, index);
                    (dict, reference)
                }
                (_, Lookup::Dangling(id)) => {
                    self.damaged(
                        number,
                        Some(id),
                        format!("entry {index} of /Annots refers to an object that is missing or unreadable; skipped"),
                    );
                    continue;
                }
                (reference, Lookup::Found(other)) => {
                    self.damaged(
                        number,
                        reference,
                        format!(
                            "entry {index} of /Annots is {}, not a dictionary; skipped",
                            other.type_name()
                        ),
                    );
                    continue;
                }
                (reference, Lookup::Absent) => {
                    self.damaged(
                        number,
                        reference,
                        format!("entry {index} of /Annots is null; skipped"),
                    );
                    continue;
                }
            };
            self.annotation(number, label.clone(), &dict, reference);
        }
    }

    fn annotation(
        &mut self,
        page: usize,
        page_label: Option<String>,
        dict: &Dict<'_>,
        reference: Reference,
    ) {
        let mut field = Fields {
            dict,
            page,
            reference,
            warnings: &mut *self.warnings,
            max_string: self.limits.max_string_len,
            max_array: self.limits.max_array_len,
        };
        let subtype = field.name(b"Subtype").map(|name| Subtype::from_name(&name));
        // `/Type`, optional in an annotation, is `/Annot` when given: a page
        // or a font listed in `/Annots` is none, unless its subtype is an
        // annotation's.
        if let Some(kind) = dict
            .get_name(b"Type")
            .filter(|kind| kind.as_bytes() != b"Annot")
            && subtype
                .as_ref()
                .is_none_or(|subtype| matches!(subtype, Subtype::Other(_)))
        {
            field.damaged(format!(
                "/Annots lists a /{} dictionary, not an annotation; skipped",
                kind.to_text()
            ));
            return;
        }
        let subtype = match subtype {
            Some(subtype) => subtype,
            None => {
                field.damaged("no /Subtype; listed with an empty subtype".to_owned());
                Subtype::Other(String::new())
            }
        };
        match subtype {
            Subtype::Link if !self.include.links => {
                self.skipped.links += 1;
                return;
            }
            Subtype::Widget if !self.include.widgets => {
                self.skipped.widgets += 1;
                return;
            }
            Subtype::Popup if has_parent(dict) => return,
            _ => {}
        }
        let rich_text = field.rich_text();
        let contents = field
            .text(b"Contents")
            .or_else(|| rich_text.as_deref().map(rich_text::plain_text));
        let in_reply_to = field.reference_to(b"IRT");
        let reply_type = in_reply_to.as_ref().map(|_| field.reply_type());
        let popup = field.popup();
        let annotation = Annotation {
            page,
            page_label,
            name: field.text(b"NM"),
            intent: field.name(b"IT").map(|name| Intent::from_name(&name)),
            // A widget's `/T` is its form field's name, not an author.
            author: if subtype == Subtype::Widget {
                None
            } else {
                field.text(b"T")
            },
            subject: field.text(b"Subj"),
            contents,
            rich_text,
            created: field.date(b"CreationDate"),
            modified: field.date(b"M"),
            color: field.color(),
            opacity: field.number(b"CA"),
            flags: field.flags(),
            rect: field.rect(b"Rect", true),
            quads: field.quads(),
            icon: field.name(b"Name").map(|name| Icon::from_name(&name)),
            in_reply_to,
            reply_type,
            state: field.text(b"State").map(|name| State::from_name(&name)),
            state_model: field
                .text(b"StateModel")
                .map(|name| StateModel::from_name(&name)),
            review_states: Vec::new(),
            popup,
            text_under: None,
            appearance_text: None,
            subtype,
            reference,
        };
        self.annotations.push(annotation);
    }

    /// A damaged object on a page.
    fn damaged(&mut self, page: usize, id: Option<ObjId>, message: impl Into<String>) {
        self.warnings.push(
            Some(page),
            id.map(|id| id.to_string()),
            WarningKind::DamagedObject,
            message,
        );
    }
}

/// Reads the fields of one annotation dictionary, warning about defects.
struct Fields<'d, 'w> {
    dict: &'d Dict<'d>,
    page: usize,
    reference: Reference,
    warnings: &'w mut Warnings,
    max_string: usize,
    max_array: usize,
}

impl<'d> Fields<'d, '_> {
    fn popup(&mut self) -> Option<Popup> {
        let popup = match self.dict.get(b"Popup") {
            Lookup::Absent => return None,
            Lookup::Found(Object::Dict(popup)) => popup,
            Lookup::Found(other) => {
                self.damaged(format!(
                    "/Popup is {}, not a dictionary; ignored",
                    other.type_name()
                ));
                return None;
            }
            Lookup::Dangling(id) => {
                self.damaged(format!(
                    "/Popup refers to {id}, which is missing or unreadable"
                ));
                return None;
            }
        };
        let mut popup_field = Fields {
            dict: &popup,
            page: self.page,
            reference: self.reference,
            warnings: &mut *self.warnings,
            max_string: self.max_string,
            max_array: self.max_array,
        };
        let open = match popup.get_object(b"Open") {
            Some(Object::Bool(open)) => open,
            _ => false,
        };
        Some(Popup {
            open,
            rect: popup_field.rect(b"Rect", false),
        })
    }

    fn warn(&mut self, kind: WarningKind, message: String) {
        self.warnings.push(
            Some(self.page),
            Some(self.reference.to_string()),
            kind,
            message,
        );
    }

    /// A value missing, dangling, of the wrong type or impossible.
    fn damaged(&mut self, message: String) {
        self.warn(WarningKind::DamagedObject, message);
    }

    fn key_name(key: &[u8]) -> String {
        String::from_utf8_lossy(key).into_owned()
    }

    /// A value that is present and resolves; a dangling reference is a warning.
    fn object(&mut self, key: &[u8]) -> Option<Object<'d>> {
        match self.dict.get(key) {
            Lookup::Found(object) => Some(object),
            Lookup::Absent => None,
            Lookup::Dangling(id) => {
                self.damaged(format!(
                    "/{} refers to {id}, which is missing or unreadable; read as null",
                    Self::key_name(key)
                ));
                None
            }
        }
    }

    fn wrong_type(&mut self, key: &[u8], found: &str, wanted: &str) {
        self.damaged(format!(
            "/{} is {found}, not {wanted}; read as null",
            Self::key_name(key)
        ));
    }

    /// A text string (a name is accepted too: some writers use one).
    fn text(&mut self, key: &[u8]) -> Option<String> {
        match self.object(key)? {
            Object::String(s) => Some(self.decode(key, s.as_bytes())),
            Object::Name(name) => Some(name.to_text()),
            other => {
                let found = other.type_name();
                self.wrong_type(key, found, "a text string");
                None
            }
        }
    }

    fn decode(&mut self, key: &[u8], bytes: &[u8]) -> String {
        let bytes = if bytes.len() > self.max_string {
            self.warn(
                WarningKind::LimitReached,
                format!(
                    "/{} is {} bytes long; cut to {}",
                    Self::key_name(key),
                    bytes.len(),
                    self.max_string
                ),
            );
            bytes.get(..self.max_string).unwrap_or(bytes)
        } else {
            bytes
        };
        let (text, lossy) = text_string::decode_reporting(bytes);
        if lossy {
            self.warn(
                WarningKind::DecodingFallback,
                format!(
                    "/{} is not valid UTF-16 or UTF-8; undecodable parts became U+FFFD",
                    Self::key_name(key)
                ),
            );
        }
        text
    }

    fn name(&mut self, key: &[u8]) -> Option<String> {
        match self.object(key)? {
            Object::Name(name) => Some(name.to_text()),
            other => {
                let found = other.type_name();
                self.wrong_type(key, found, "a name");
                None
            }
        }
    }

    fn number(&mut self, key: &[u8]) -> Option<f64> {
        match self.object(key)? {
            Object::Number(n) if n.is_finite() => Some(n),
            other => {
                let found = other.type_name();
                self.wrong_type(key, found, "a number");
                None
            }
        }
    }

    fn date(&mut self, key: &[u8]) -> Option<Timestamp> {
        let raw = self.text(key)?;
        match date::parse(&raw) {
            Ok(timestamp) => Some(timestamp),
            Err(problem) => {
                self.damaged(format!(
                    "/{} {raw:?} is not a valid date ({problem}); read as null",
                    Self::key_name(key)
                ));
                None
            }
        }
    }

    fn numbers(&mut self, key: &[u8]) -> Option<Vec<f64>> {
        match self.object(key)? {
            Object::Array(array) => match array.numbers(self.max_array) {
                Ok(numbers) => Some(numbers),
                Err(problem) => {
                    let message = format!("/{}: {problem}; read as null", Self::key_name(key));
                    self.warn(problem.kind(), message);
                    None
                }
            },
            other => {
                let found = other.type_name();
                self.wrong_type(key, found, "an array");
                None
            }
        }
    }

    fn rect(&mut self, key: &[u8], required: bool) -> Option<Rect> {
        let Some(numbers) = self.numbers(key) else {
            if required && !self.dict.contains(key) {
                self.damaged(format!("no /{}; read as null", Self::key_name(key)));
            }
            return None;
        };
        match numbers.as_slice() {
            [x0, y0, x1, y1] => Some(Rect::from_corners((*x0, *y0), (*x1, *y1))),
            _ => {
                self.damaged(format!(
                    "/{} has {} numbers, not 4; read as null",
                    Self::key_name(key),
                    numbers.len()
                ));
                None
            }
        }
    }

    fn quads(&mut self) -> Option<Vec<Quad>> {
        let numbers = self.numbers(b"QuadPoints")?;
        let quads: Vec<Quad> = numbers
            .chunks_exact(8)
            .filter_map(|chunk| <[f64; 8]>::try_from(chunk).ok().map(Quad))
            .collect();
        if numbers.len() % 8 != 0 {
            self.damaged(format!(
                "/QuadPoints has {} numbers, not a multiple of 8; the last {} are ignored",
                numbers.len(),
                numbers.len() % 8
            ));
        }
        Some(quads)
    }

    fn color(&mut self) -> Option<Color> {
        let components = self.numbers(b"C")?;
        match Color::from_components(&components) {
            Ok(color) => Some(color),
            Err(NoColor::Transparent) => None,
            Err(NoColor::BadLength(n)) => {
                self.damaged(format!(
                    "/C has {n} components, not 1, 3 or 4; read as null"
                ));
                None
            }
        }
    }

    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    fn flags(&mut self) -> Flags {
        match self.number(b"F") {
            Some(n)
                if n.fract() == 0.0
                    && (i64::from(i32::MIN) as f64..=f64::from(u32::MAX)).contains(&n) =>
            {
                // /F is a 32-bit field; a negative value sets the high bits.
                Flags::from_bits((n as i64) as u32)
            }
            Some(n) => {
                self.damaged(format!("/F is {n}, not a 32-bit integer; read as no flags"));
                Flags::default()
            }
            None => Flags::default(),
        }
    }

    /// The reference a key holds.
    fn reference_to(&mut self, key: &[u8]) -> Option<Reference> {
        if let Some(id) = self.dict.get_ref(key) {
            if self.dict.get_object(key).is_none() {
                self.damaged(format!(
                    "/{} refers to {id}, which is missing or unreadable",
                    Self::key_name(key)
                ));
            }
            return Some(object(id));
        }
        if self.dict.contains(key) {
            self.damaged(format!(
                "/{} is not a reference to an annotation; read as null",
                Self::key_name(key)
            ));
        }
        None
    }

    fn reply_type(&mut self) -> ReplyType {
        match self.name(b"RT").as_deref() {
            None | Some("R") => ReplyType::Reply,
            Some("Group") => ReplyType::Group,
            Some(other) => {
                self.damaged(format!(
                    "/RT is /{other}, not /R or /Group; read as a reply"
                ));
                ReplyType::Reply
            }
        }
    }

    /// `/RC`: a text string, or a stream holding one.
    fn rich_text(&mut self) -> Option<String> {
        match self.object(b"RC")? {
            Object::String(s) => Some(self.decode(b"RC", s.as_bytes())),
            Object::Stream(stream) => match stream.decoded(MAX_RICH_TEXT_STREAM) {
                Ok(bytes) => Some(self.decode(b"RC", &bytes)),
                Err(kind) => {
                    self.warn(
                        kind,
                        "/RC is a stream that cannot be decoded (or is over 4 MiB); read as null"
                            .to_owned(),
                    );
                    None
                }
            },
            other => {
                let found = other.type_name();
                self.wrong_type(b"RC", found, "a text string or stream");
                None
            }
        }
    }
}

/// The reference to an indirect object.
fn object(id: ObjId) -> Reference {
    Reference::Object(ObjectId::new(id.num, id.generation))
}

/// The reference of entry `index` of page `page`'s `/Annots`: the object
/// it refers to, or its place when it is written inline.
pub(crate) fn reference_of(id: Option<ObjId>, page: usize, index: usize) -> Reference {
    id.map_or(Reference::Inline { page, index }, object)
}

/// Whether a Popup annotation belongs to a parent (and is folded into it).
fn has_parent(popup: &Dict<'_>) -> bool {
    matches!(popup.get(b"Parent"), Lookup::Found(Object::Dict(_)))
}

/// Lists each reply's review state on the annotation it replies to.
fn attach_review_states(annotations: &mut [Annotation]) {
    let mut states: HashMap<Reference, Vec<ReviewState>> = HashMap::new();
    for reply in annotations.iter() {
        let (Some(parent), Some(state)) = (&reply.in_reply_to, &reply.state) else {
            continue;
        };
        states.entry(*parent).or_default().push(ReviewState {
            state: state.clone(),
            state_model: reply.state_model.clone(),
            author: reply.author.clone(),
            date: reply.modified.or(reply.created),
            reference: reply.reference,
        });
    }
    if states.is_empty() {
        return;
    }
    for annotation in annotations.iter_mut() {
        if let Some(list) = states.get(&annotation.reference) {
            annotation.review_states.clone_from(list);
        }
    }
}
