//! Which nota a place in the input, a summary entry and a decision belong
//! to.
//!
//! **Places.** Where the input has pages, a nota holds the pages from its
//! header's page up to the next nota's: the page a nota starts on is its
//! from the top (a stamp above the header is on its first page), and a
//! stamp at the bottom of its last page is its too. Where a page holds the
//! start of two notas, the second holds the lines from its header on (and
//! the stamps directly above it). Without pages, a nota holds the lines
//! from its header to the next nota's, and the stamp lines that stand
//! directly above its header (blank lines between): that is where the
//! stamp sits on its first page.
//!
//! **Summary entries.** An entry belongs to the nota its summary names
//! (see [`title`](super::title)). Otherwise the entries that follow one
//! another with nothing but the summary between them (a *run*) are read
//! together:
//! - a run about one page of its file, or none, was printed where it
//!   stands: Acrobat's "document and comments" layout puts each page's
//!   comments right after the page (so a summary of a file that joined
//!   several notas, printed that way, gives each page's comments to the
//!   nota they stand in), and a summary printed after its nota stands in
//!   that nota;
//! - a run about several pages summarises the file it follows. When its
//!   highest page is within the pages of the nota it stands in (counted up
//!   to the summary), that nota's; else, where the input has pages, the
//!   summarised file is taken to end where the summary begins and to start
//!   at the last nota's first page (or the input's first page) that leaves
//!   room for the highest page, and page N of it is the input's page
//!   `start + N - 1`; without pages, the nota it stands in.
//!
//! **Decisions.** A decision belongs to the nota of its most precise
//! sighting: a live annotation's page or a stamp's place first, then a
//! summary entry whose summary names the nota, then any other summary
//! entry; among equals, the first sighting.

use super::title;
use crate::decision::{Decision, SightingRef, Source};
use crate::summary::{Comment, Placement};

/// How many different summary names are compared with the titles (bounds
/// the work on an input of many summaries); the entries of any more are
/// placed by where they stand.
pub(super) const MAX_SUMMARY_NAMES: usize = 256;

/// Where one nota stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Start {
    /// The page of its header, when the input has pages.
    pub(super) page: Option<usize>,
    /// The first input line it holds (a stamp above its header, or the
    /// first line of its page).
    pub(super) line: usize,
}

/// How sure a sighting's nota is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Precision {
    /// Where a summary entry stands, or the page it names.
    SummaryPlace,
    /// The nota a summary names by title.
    SummaryTitle,
    /// A live annotation's page or a stamp's place.
    Page,
}

/// The notas' places, in order.
#[derive(Debug, Clone, Default)]
pub(super) struct Places {
    pub(super) starts: Vec<Start>,
    pub(super) paged: bool,
}

impl Places {
    /// The nota holding a line (on a page, for paged input).
    pub(super) fn at_line(&self, page: Option<usize>, line: usize) -> Option<usize> {
        match page.filter(|_| self.paged) {
            Some(page) => {
                let on_page = self
                    .starts
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.page == Some(page));
                let mut first = None;
                let mut found = None;
                for (index, start) in on_page {
                    first.get_or_insert(index);
                    if start.line <= line {
                        found = Some(index);
                    }
                }
                found.or(first).or_else(|| self.before_page(page))
            }
            None => self.starts.iter().rposition(|start| start.line <= line),
        }
    }

    /// The nota holding a page: the first that starts on it, else the last
    /// that started before it.
    pub(super) fn at_page(&self, page: usize) -> Option<usize> {
        self.starts
            .iter()
            .position(|start| start.page == Some(page))
            .or_else(|| self.before_page(page))
    }

    fn before_page(&self, page: usize) -> Option<usize> {
        self.starts
            .iter()
            .rposition(|start| start.page.is_some_and(|p| p < page))
    }
}

/// The nota of every comment, and how sure it is.
pub(super) fn comment_notas(
    comments: &[Comment],
    placements: &[Placement],
    places: &Places,
    titles: &[Option<String>],
) -> Vec<Option<(usize, Precision)>> {
    let folded_titles: Vec<String> = titles
        .iter()
        .map(|t| t.as_deref().map(title::fold).unwrap_or_default())
        .collect();
    // Each summary's name is compared with the titles once.
    let mut named: std::collections::HashMap<&str, Vec<(usize, f64)>> = Default::default();
    let mut result = Vec::with_capacity(comments.len());
    let mut run_start = 0;
    while run_start < comments.len() {
        let run = placements.get(run_start).map(|p| p.run);
        let run_end = (run_start..comments.len())
            .find(|&i| placements.get(i).map(|p| p.run) != run)
            .unwrap_or(comments.len());
        let members = comments.get(run_start..run_end).unwrap_or_default();
        let run_places = placements.get(run_start..run_end).unwrap_or_default();
        let by_place = run_notas(members, run_places, places);
        for (offset, comment) in members.iter().enumerate() {
            let position = run_places.get(offset);
            let by_title = comment.summary_of.as_deref().and_then(|name| {
                if !named.contains_key(name) && named.len() >= MAX_SUMMARY_NAMES {
                    return None;
                }
                let named = named
                    .entry(name)
                    .or_insert_with(|| titles_named(name, &folded_titles));
                let here = position.and_then(|p| places.at_line(comment.page, p.first_line));
                best_title(named, here)
            });
            result.push(match by_title {
                Some(nota) => Some((nota, Precision::SummaryTitle)),
                None => by_place
                    .get(offset)
                    .copied()
                    .flatten()
                    .map(|nota| (nota, Precision::SummaryPlace)),
            });
        }
        run_start = run_end;
    }
    result
}

/// The notas whose titles a summary's name names, with how well.
fn titles_named(name: &str, titles: &[String]) -> Vec<(usize, f64)> {
    let name = title::fold_file_name(name);
    titles
        .iter()
        .enumerate()
        .filter_map(|(index, folded)| Some((index, title::score(&name, folded)?)))
        .collect()
}

/// The nota a summary's name names: the best score; among equals (notas of
/// one title), the last one not after `here`, where the summary stands.
fn best_title(named: &[(usize, f64)], here: Option<usize>) -> Option<usize> {
    let best = named
        .iter()
        .map(|&(_, score)| score)
        .fold(None, |max: Option<f64>, s| {
            Some(max.map_or(s, |m| m.max(s)))
        })?;
    let equals = named
        .iter()
        .filter(|&&(_, score)| score >= best)
        .map(|&(index, _)| index);
    let mut first = None;
    let mut before = None;
    for index in equals {
        first.get_or_insert(index);
        if here.is_some_and(|h| index <= h) {
            before = Some(index);
        }
    }
    before.or(first)
}

/// The notas of one run's entries by place (see the module notes).
fn run_notas(members: &[Comment], placements: &[Placement], places: &Places) -> Vec<Option<usize>> {
    let here = |offset: usize| {
        let comment = members.get(offset)?;
        let placement = placements.get(offset)?;
        places.at_line(comment.page, placement.first_line)
    };
    let mut pages: Vec<usize> = members.iter().filter_map(|c| c.target_page).collect();
    pages.sort_unstable();
    pages.dedup();
    let highest = pages.last().copied();
    let (Some(highest), true) = (highest, pages.len() > 1) else {
        return (0..members.len()).map(here).collect();
    };
    let summary_page = members.first().and_then(|c| c.page);
    let Some(summary_page) = summary_page.filter(|_| places.paged) else {
        return (0..members.len()).map(here).collect();
    };
    let standing = here(0);
    let nota_pages = standing
        .and_then(|index| places.starts.get(index))
        .and_then(|start| start.page)
        .map(|first| summary_page.saturating_sub(first));
    if standing.is_some() && nota_pages.is_some_and(|pages| highest <= pages) {
        return vec![standing; members.len()];
    }
    // The summarised file ends before the summary and starts at a nota's
    // first page (or the first page) with room for the highest page.
    let fits = |first: usize| first + highest <= summary_page;
    let file_start = places
        .starts
        .iter()
        .filter_map(|start| start.page)
        .filter(|&first| fits(first))
        .max()
        .or_else(|| fits(1).then_some(1));
    members
        .iter()
        .enumerate()
        .map(
            |(offset, comment)| match (file_start, comment.target_page) {
                (Some(first), Some(target)) => places.at_page(first + target - 1),
                _ => here(offset),
            },
        )
        .collect()
}

/// Sets each decision's nota (see the module notes) and returns each
/// nota's decisions.
pub(super) fn assign(
    decisions: &mut [Decision],
    comments: &[Option<(usize, Precision)>],
    places: &Places,
    notas: usize,
) -> Vec<Vec<usize>> {
    let mut per_nota = vec![Vec::new(); notas];
    for (index, decision) in decisions.iter_mut().enumerate() {
        let mut best: Option<(Precision, usize)> = None;
        for sighting in &decision.seen_in {
            let found = match (sighting.source, sighting.reference) {
                (Source::Annotation, _) => sighting
                    .page
                    .and_then(|page| places.at_page(page))
                    .map(|nota| (Precision::Page, nota)),
                (Source::PageText, Some(SightingRef::Line(line))) => places
                    .at_line(sighting.page, line)
                    .map(|nota| (Precision::Page, nota)),
                (Source::CommentSummary, Some(SightingRef::Comment(index))) => comments
                    .get(index)
                    .copied()
                    .flatten()
                    .map(|(nota, precision)| (precision, nota)),
                _ => None,
            };
            if let Some(found) = found
                && best.is_none_or(|(precision, _)| found.0 > precision)
            {
                best = Some(found);
            }
        }
        decision.nota = best.map(|(_, nota)| nota);
        if let Some(list) = decision.nota.and_then(|nota| per_nota.get_mut(nota)) {
            list.push(index);
        }
    }
    per_nota
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paged(starts: &[(usize, usize)]) -> Places {
        Places {
            starts: starts
                .iter()
                .map(|&(page, line)| Start {
                    page: Some(page),
                    line,
                })
                .collect(),
            paged: true,
        }
    }

    #[test]
    fn pages_belong_to_the_nota_that_starts_on_or_before_them() {
        let places = paged(&[(2, 40), (5, 200), (5, 230)]);
        assert_eq!(places.at_page(1), None);
        assert_eq!(places.at_page(2), Some(0));
        assert_eq!(places.at_page(4), Some(0));
        assert_eq!(places.at_page(5), Some(1));
        assert_eq!(places.at_page(9), Some(2));
        // On a page where two notas start, the second holds its lines.
        assert_eq!(places.at_line(Some(5), 200), Some(1));
        assert_eq!(places.at_line(Some(5), 229), Some(1));
        assert_eq!(places.at_line(Some(5), 231), Some(2));
        // A stamp above the first header of a page is that nota's.
        assert_eq!(places.at_line(Some(2), 38), Some(0));
    }

    #[test]
    fn a_title_two_notas_share() {
        let named = [(0, 0.9), (2, 1.0), (4, 1.0)];
        assert_eq!(best_title(&named, Some(3)), Some(2));
        assert_eq!(best_title(&named, Some(5)), Some(4));
        assert_eq!(best_title(&named, Some(0)), Some(2));
        assert_eq!(best_title(&named, None), Some(2));
        assert_eq!(best_title(&[], Some(1)), None);
    }

    #[test]
    fn lines_without_pages() {
        let places = Places {
            starts: vec![
                Start {
                    page: None,
                    line: 1,
                },
                Start {
                    page: None,
                    line: 70,
                },
            ],
            paged: false,
        };
        assert_eq!(places.at_line(None, 69), Some(0));
        assert_eq!(places.at_line(None, 70), Some(1));
    }
}
