//! The page tree (ISO 32000-2 §7.7.3), walked by hand.
//!
//! The parser's own page list drops a page object that appears twice in
//! `/Kids`, which shifts every later page number; real files (documents
//! joined by simple tools) do list a page twice, and a reader shows it twice.
//! So this walk keeps repeated leaf pages, and guards only the inner nodes:
//! an inner node met again (a cycle, or the same subtree hung twice) is
//! skipped with a warning, the nesting depth and the number of pages are
//! bounded, and `/Count` is never trusted.
//!
//! The inheritable attributes `/MediaBox`, `/CropBox` and `/Rotate` are
//! carried down the tree.

use std::collections::{HashMap, HashSet};
use std::ops::ControlFlow;
use std::sync::Arc;

use crate::diagnostics::{WarningKind, Warnings};
use crate::limits::Limits;
use crate::pdf::geometry::Rect;
use crate::pdf::{Array, Dict, Lookup, ObjId, Object, OpenError, Pdf};

/// One leaf of the page tree.
#[derive(Debug, Clone)]
pub(crate) struct PageNode<'a> {
    /// The page dictionary; `None` for a `/Kids` entry that refers to a
    /// missing object, which still takes its place in the page order so that
    /// the pages after it keep the numbers a viewer gives them. Shared: a
    /// page object the tree lists again is the same dictionary.
    pub(crate) dict: Option<Arc<Dict<'a>>>,
    pub(crate) media_box: Option<Rect>,
    pub(crate) crop_box: Option<Rect>,
    /// `/Rotate`, normalised to 0, 90, 180 or 270.
    pub(crate) rotate: u16,
}

#[derive(Debug, Clone, Copy, Default)]
struct Inherited {
    media_box: Option<Rect>,
    crop_box: Option<Rect>,
    rotate: Option<f64>,
}

impl Inherited {
    fn update(self, dict: &Dict<'_>) -> Self {
        Self {
            media_box: rect(dict, b"MediaBox").or(self.media_box),
            crop_box: rect(dict, b"CropBox").or(self.crop_box),
            rotate: dict.get_number(b"Rotate").or(self.rotate),
        }
    }
}

fn rect(dict: &Dict<'_>, key: &[u8]) -> Option<Rect> {
    let numbers = dict.get_array(key)?.numbers(8).ok()?;
    match numbers.as_slice() {
        [x0, y0, x1, y1] => Some(Rect::from_corners((*x0, *y0), (*x1, *y1))),
        _ => None,
    }
}

#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn normalise_rotation(degrees: f64) -> u16 {
    // Only multiples of 90 are meaningful; others are read as the nearest one.
    let quarter_turns = (degrees / 90.0).round().rem_euclid(4.0);
    (quarter_turns as u16) * 90
}

struct Frame<'a> {
    kids: Box<dyn Iterator<Item = crate::pdf::object::Element<'a>> + 'a>,
    inherited: Inherited,
}

/// Walks the page tree from the catalog's `/Pages`. Returns the leaves in
/// order. Falls back to the parser's page list, with a warning, when the
/// tree yields nothing; an error when the parser finds no pages either.
pub(crate) fn walk<'a>(
    pdf: &'a Pdf,
    limits: &Limits,
    deadline: &crate::limits::Deadline,
    warnings: &mut Warnings,
) -> Result<Vec<PageNode<'a>>, OpenError> {
    let mut pages = Vec::new();
    match pdf.catalog().map(|catalog| catalog.get(b"Pages")) {
        Some(Lookup::Found(Object::Dict(root))) => {
            walk_from(root, limits, deadline, warnings, &mut pages)
        }
        Some(Lookup::Found(other)) => warnings.push(
            None,
            None,
            WarningKind::DamagedObject,
            format!(
                "the catalog's /Pages is {}, not a dictionary",
                other.type_name()
            ),
        ),
        Some(Lookup::Dangling(id)) => warnings.push(
            None,
            Some(id.to_string()),
            WarningKind::DamagedObject,
            "the catalog's /Pages refers to an object that is missing or unreadable",
        ),
        Some(Lookup::Absent) => warnings.push(
            None,
            None,
            WarningKind::DamagedObject,
            "the catalog has no /Pages",
        ),
        None => warnings.push(
            None,
            None,
            WarningKind::DamagedObject,
            "the document catalog could not be read",
        ),
    }
    if pages.is_empty() {
        let listed = pdf.parser_pages().ok_or_else(|| pdf.no_pages_error())?;
        let listed_count = listed.len();
        let found: Vec<_> = listed.into_iter().filter(may_be_page).collect();
        if found.is_empty() && listed_count > 0 {
            // All the parser found were other objects: none is a page.
            return Err(pdf.no_pages_error());
        }
        let found: Vec<_> = found.into_iter().take(limits.max_pages).collect();
        if !found.is_empty() {
            warnings.push(
                None,
                None,
                WarningKind::DamagedObject,
                format!("the page tree yields no pages; using the {} page objects found by scanning the file (their order may differ from a viewer's)", found.len()));
            pages = found
                .into_iter()
                .map(|dict| {
                    let inherited = Inherited::default().update(&dict);
                    leaf(Arc::new(dict), inherited)
                })
                .collect();
        }
    }
    Ok(pages)
}

/// Whether a dictionary the parser's scan took for a page may be one: the
/// scan takes any dictionary with `/Contents`, which annotations have too.
/// A page has no `/Subtype`, and its `/Type`, when given, is `/Page`.
fn may_be_page(dict: &Dict<'_>) -> bool {
    let typed = dict.get_name(b"Type");
    typed.is_none_or(|name| name.as_bytes() == b"Page") && dict.get_object(b"Subtype").is_none()
}

fn leaf(dict: Arc<Dict<'_>>, inherited: Inherited) -> PageNode<'_> {
    PageNode {
        media_box: inherited.media_box,
        crop_box: inherited.crop_box,
        rotate: normalise_rotation(inherited.rotate.unwrap_or(0.0)),
        dict: Some(dict),
    }
}

fn kids_of<'a>(node: &Dict<'a>) -> Option<Array<'a>> {
    node.get_array(b"Kids")
}

fn walk_from<'a>(
    root: Dict<'a>,
    limits: &Limits,
    deadline: &crate::limits::Deadline,
    warnings: &mut Warnings,
    pages: &mut Vec<PageNode<'a>>,
) {
    let mut seen_nodes: HashSet<ObjId> = HashSet::new();
    if let Some(id) = root.id() {
        seen_nodes.insert(id);
    }
    let root_inherited = Inherited::default().update(&root);
    let Some(root_kids) = kids_of(&root) else {
        warnings.push(
            None,
            root.id().map(|id| id.to_string()),
            WarningKind::DamagedObject,
            "the root page tree node has no /Kids array",
        );
        return;
    };
    let mut walk = Walk {
        limits,
        warnings,
        pages,
        seen_nodes,
        leaves: HashMap::new(),
        stack: vec![Frame {
            kids: Box::new(root_kids.elements()),
            inherited: root_inherited,
        }],
    };
    while let Some(frame) = walk.stack.last_mut() {
        let Some(element) = frame.kids.next() else {
            walk.stack.pop();
            continue;
        };
        let inherited = frame.inherited;
        if deadline.expired() {
            let read = walk.pages.len();
            walk.warnings.push(
                None,
                None,
                WarningKind::TimeLimit,
                format!("time limit reached while reading the page tree; {read} pages read"),
            );
            return;
        }
        if walk.element(element, inherited).is_break() {
            return;
        }
    }
}

/// A walk of the page tree in progress: the nodes still to visit, the
/// inner nodes seen, the pages found.
struct Walk<'a, 'w> {
    limits: &'w Limits,
    warnings: &'w mut Warnings,
    pages: &'w mut Vec<PageNode<'a>>,
    seen_nodes: HashSet<ObjId>,
    /// The page objects taken, by identifier: a page the tree lists again
    /// (a hundred thousand times, in a crafted file) shares its dictionary.
    leaves: HashMap<ObjId, Arc<Dict<'a>>>,
    stack: Vec<Frame<'a>>,
}

impl<'a> Walk<'a, '_> {
    /// Visits one entry of a node's `/Kids`, with what its node inherits;
    /// breaks when no more pages may be taken.
    fn element(
        &mut self,
        element: crate::pdf::object::Element<'a>,
        inherited: Inherited,
    ) -> ControlFlow<()> {
        let reference = element.reference.map(|id| id.to_string());
        let dict = match element.value {
            Lookup::Found(Object::Dict(dict)) => dict,
            Lookup::Found(other) => {
                self.warnings.push(
                    None,
                    reference,
                    WarningKind::DamagedObject,
                    format!(
                        "a page tree entry is {}, not a dictionary; skipped",
                        other.type_name()
                    ),
                );
                return ControlFlow::Continue(());
            }
            Lookup::Dangling(id) => {
                self.missing_page(id, inherited);
                return ControlFlow::Continue(());
            }
            Lookup::Absent => return ControlFlow::Continue(()),
        };
        let inherited = inherited.update(&dict);
        if is_inner_node(&dict) {
            self.descend(&dict, inherited, reference);
            return ControlFlow::Continue(());
        }
        if self.pages.len() >= self.limits.max_pages {
            self.warnings.push(
                None,
                None,
                WarningKind::LimitReached,
                format!(
                    "more than {} pages; the rest are not read",
                    self.limits.max_pages
                ),
            );
            return ControlFlow::Break(());
        }
        let dict = self.shared(dict);
        self.pages.push(leaf(dict, inherited));
        ControlFlow::Continue(())
    }

    /// The page dictionary, shared with the page that listed its object
    /// before.
    fn shared(&mut self, dict: Dict<'a>) -> Arc<Dict<'a>> {
        let Some(id) = dict.id() else {
            return Arc::new(dict);
        };
        Arc::clone(self.leaves.entry(id).or_insert_with(|| Arc::new(dict)))
    }

    /// A page the tree lists but whose object does not exist: an empty
    /// page, as a viewer shows it.
    fn missing_page(&mut self, id: ObjId, inherited: Inherited) {
        if self.pages.len() >= self.limits.max_pages {
            return;
        }
        self.warnings.push(
            Some(self.pages.len() + 1),
            Some(id.to_string()),
            WarningKind::DamagedObject,
            "the page tree lists a page object that is missing or unreadable; counted as an empty page",
        );
        self.pages.push(PageNode {
            dict: None,
            media_box: inherited.media_box,
            crop_box: inherited.crop_box,
            rotate: normalise_rotation(inherited.rotate.unwrap_or(0.0)),
        });
    }

    /// Goes into an inner node, unless it was seen before (a cycle or a
    /// shared subtree) or lies too deep.
    fn descend(&mut self, node: &Dict<'a>, inherited: Inherited, reference: Option<String>) {
        if let Some(id) = node.id()
            && !self.seen_nodes.insert(id)
        {
            self.warnings.push(
                None,
                Some(id.to_string()),
                WarningKind::DamagedObject,
                "a page tree node appears a second time (a cycle or a shared subtree); skipped",
            );
            return;
        }
        if self.stack.len() >= self.limits.max_depth {
            self.warnings.push(
                None,
                reference,
                WarningKind::LimitReached,
                format!(
                    "the page tree is nested deeper than {}; the deeper nodes are skipped",
                    self.limits.max_depth
                ),
            );
            return;
        }
        if let Some(kids) = kids_of(node) {
            self.stack.push(Frame {
                kids: Box::new(kids.elements()),
                inherited,
            });
        }
    }
}

/// An inner node is `/Type /Pages`, or any dictionary with a `/Kids` array
/// that does not say it is a page.
fn is_inner_node(dict: &Dict<'_>) -> bool {
    match dict.get_name(b"Type") {
        Some(name) if name.as_bytes() == b"Pages" => true,
        Some(name) if name.as_bytes() == b"Page" => false,
        _ => dict.get_array(b"Kids").is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotation_normalised() {
        assert_eq!(normalise_rotation(0.0), 0);
        assert_eq!(normalise_rotation(90.0), 90);
        assert_eq!(normalise_rotation(-90.0), 270);
        assert_eq!(normalise_rotation(450.0), 90);
        assert_eq!(normalise_rotation(720.0), 0);
    }
}
