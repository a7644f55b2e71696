//! The reading of summary text: lines classified, entries and their text
//! collected, the header and page line applied. The rules are set out on
//! `parse_summaries`.

use chrono::NaiveDateTime;

use crate::annotation::Subtype;

use super::Comment;
use super::label::{Folded, Label, MAX_LABEL_LINE_CHARS, fold, ocr_number, starts_with_word};
use super::locale::{DateOrder, SummaryLocale};
use super::printed_date::{date_prefix_len, parse_printed_date};
use super::subjects::SubjectTable;

/// Lines an entry's fields may be spread over.
const MAX_ENTRY_LINES: usize = 4;
/// The most words of a value wrapped onto the next line of an entry's
/// header, before the label that follows it ("plaatsen Datum: …").
const MAX_WRAPPED_WORDS: usize = 4;
/// Lines after a header that may continue its file name.
const MAX_HEADER_CONTINUATION_LINES: usize = 2;
/// Longest line (in characters) taken as the continuation of a file name.
const MAX_HEADER_CONTINUATION_CHARS: usize = 200;
/// Longest leading word skipped as an icon spelled as letters ("o", "m").
const MAX_ICON_TOKEN_CHARS: usize = 2;
/// Most paragraphs read as a comment's own after its first (see
/// [`Parser::continued`]), and most lines they may take together.
const MAX_CONTINUED_PARAGRAPHS: usize = 4;
const MAX_CONTINUED_LINES: usize = 40;
/// The most lines of a released bundle's own running header above the
/// summary's title repeated on its next sheet.
const MAX_RUNNING_HEADER_LINES: usize = 3;

/// One locale's words, folded for matching.
#[derive(Debug)]
struct Words {
    code: String,
    headers: Vec<Label>,
    page: Vec<Label>,
    number: Vec<Label>,
    author: Vec<Label>,
    subject: Vec<Label>,
    date: Vec<Label>,
    no_comments: Vec<Label>,
    date_order: DateOrder,
}

impl Words {
    fn new(locale: &SummaryLocale) -> Self {
        let labels = |list: &[String]| list.iter().filter_map(|s| Label::new(s)).collect();
        Self {
            code: locale.code.clone(),
            headers: labels(&locale.headers),
            page: labels(&locale.page),
            number: labels(&locale.number),
            author: labels(&locale.author),
            subject: labels(&locale.subject),
            date: labels(&locale.date),
            no_comments: labels(&locale.no_comments),
            date_order: locale.date_order,
        }
    }

    fn labels(&self, field: Field) -> &[Label] {
        match field {
            Field::Number => &self.number,
            Field::Author => &self.author,
            Field::Subject => &self.subject,
            Field::Date => &self.date,
        }
    }
}

/// The fields of an entry line, in printed order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Number,
    Author,
    Subject,
    Date,
}

impl Field {
    fn next(self) -> Option<Self> {
        match self {
            Self::Number => Some(Self::Author),
            Self::Author => Some(Self::Subject),
            Self::Subject => Some(Self::Date),
            Self::Date => None,
        }
    }
}

/// The fields of one entry, as read from its line(s).
#[derive(Debug, Clone, PartialEq)]
struct EntryLine {
    locale: usize,
    number: Option<u32>,
    author: Option<String>,
    subject: Option<String>,
    date_text: Option<String>,
    /// Text run onto the entry line after the date: the start of the
    /// comment's text.
    text: Option<String>,
    fragment: bool,
}

/// What a line is.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Blank,
    /// "Overzicht van opmerkingen bij <file>".
    Header(Option<String>),
    /// "Pagina: N".
    Page(usize),
    /// "This page contains no comments".
    NoComments,
    /// An entry, and how many lines its fields take.
    Entry(EntryLine, usize),
    /// No letter or digit: an icon or a bullet on a line of its own, or a
    /// rule. It neither ends a summary nor starts one.
    Decor,
    /// Anything else: document text.
    Body,
}

impl Kind {
    fn is_structure(&self) -> bool {
        !matches!(self, Self::Blank | Self::Body | Self::Decor)
    }
}

/// The header and page line that apply to the entries read next.
#[derive(Debug, Default)]
struct Context {
    summary_of: Option<String>,
    target_page: Option<usize>,
    /// The number of the last entry read under this page line, and the
    /// input page it was read on.
    last_number: Option<u32>,
    last_page_index: usize,
}

impl Context {
    /// Whether neither a header nor a page line applies.
    fn is_empty(&self) -> bool {
        self.summary_of.is_none() && self.target_page.is_none()
    }
}

/// Where the summaries of an input stand in its text, beside the comments
/// read from them: for the normalisers after this one, which place each
/// comment among the documents of a bundle.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Placements {
    /// Per comment, in the order of the comments: its lines.
    pub(crate) comments: Vec<Placement>,
    /// The lines of every header, page line and "no comments" line, and of
    /// every entry with its text: the lines that are the summary's, not the
    /// document's. Ranges of 1-based input lines, inclusive, in order.
    pub(crate) lines: Vec<(usize, usize)>,
    /// More entries were found than were kept.
    pub(crate) comments_cut: bool,
}

impl Placements {
    /// Whether any of the input lines `first..=last` is a summary's (a
    /// header, a page line, an entry's text).
    pub(crate) fn hold_any(&self, first: usize, last: usize) -> bool {
        // The ranges are in order and apart: the first that does not end
        // before `first` is the only one that may reach into the lines.
        let at = self.lines.partition_point(|&(_, end)| end < first);
        self.lines.get(at).is_some_and(|&(start, _)| start <= last)
    }
}

/// The lines of one comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Placement {
    /// The 1-based input line (counted across pages, as
    /// [`stamp_lines`](crate::decision::stamp_lines) counts them) of the
    /// entry's first line.
    pub(crate) first_line: usize,
    /// The last line of the entry and its text.
    pub(crate) last_line: usize,
    /// Comments with the same run number follow one another with nothing
    /// but the summary between them (headers, page lines, blank lines, page
    /// breaks): document text starts a new run.
    pub(crate) run: usize,
}

/// Where the parser is in the input, for [`Placements`].
#[derive(Debug, Default)]
struct Cursor {
    /// Lines before the current page.
    offset: usize,
    /// The input page being read, counted from 0.
    page_index: usize,
    run: usize,
    /// Whether document text came since the last entry.
    body_since_entry: bool,
    /// The context that document text ended: the next entry takes it up
    /// again when it is numbered next.
    suspended: Option<Context>,
    /// The entry whose text ran to the end of the previous input page: the
    /// index of its comment and its number.
    open: Option<(usize, u32)>,
}

/// A summary reader for a set of locales.
#[derive(Debug)]
pub(crate) struct Parser {
    words: Vec<Words>,
    /// The first word, folded, of every label a line can start with
    /// (headers, page lines, "no comments", entry fields): a line that
    /// starts with none of them is body text, found without trying each
    /// label. A label matches character by character after folding, so a
    /// line without its first word cannot hold it. Sorted, so that the
    /// words with one first character lie together.
    starts: Vec<Vec<char>>,
    subjects: SubjectTable,
    /// Every locale's undated words.
    undated: Vec<Label>,
}

impl Parser {
    pub(crate) fn new(locales: &[SummaryLocale]) -> Self {
        let words: Vec<Words> = locales.iter().map(Words::new).collect();
        let mut starts: Vec<Vec<char>> = words
            .iter()
            .flat_map(|w| {
                [
                    &w.headers,
                    &w.page,
                    &w.no_comments,
                    &w.number,
                    &w.author,
                    &w.subject,
                ]
            })
            .flatten()
            .map(|label| label.first_word().to_vec())
            .filter(|word| !word.is_empty())
            .collect();
        starts.sort_unstable();
        starts.dedup();
        Self {
            starts,
            words,
            subjects: SubjectTable::new(locales),
            undated: locales
                .iter()
                .flat_map(|locale| locale.undated.iter().filter_map(|word| Label::new(word)))
                .collect(),
        }
    }

    /// Reads every entry of every page, in order. The header and page line
    /// carry over from one page to the next; entry text does not.
    pub(crate) fn parse<'a>(
        &self,
        pages: impl IntoIterator<Item = (Option<usize>, &'a str)>,
    ) -> Vec<Comment> {
        self.parse_placed(pages, usize::MAX).0
    }

    /// Reads every entry of every page, in order, and where each stands;
    /// the entries after the first `max` are not kept (their lines are
    /// still the summary's).
    pub(crate) fn parse_placed<'a>(
        &self,
        pages: impl IntoIterator<Item = (Option<usize>, &'a str)>,
        max: usize,
    ) -> (Vec<Comment>, Placements) {
        let mut comments = Vec::new();
        let mut placements = Placements::default();
        let mut context = Context::default();
        let mut cursor = Cursor::default();
        for (page, text) in pages {
            let lines: Vec<&str> = crate::text::text_lines(text).collect();
            self.parse_page(
                page,
                &lines,
                (&mut context, &mut cursor),
                &mut comments,
                &mut placements,
                max,
            );
            cursor.offset += lines.len();
            cursor.page_index += 1;
        }
        (comments, placements)
    }

    fn parse_page(
        &self,
        page: Option<usize>,
        lines: &[&str],
        (context, cursor): (&mut Context, &mut Cursor),
        comments: &mut Vec<Comment>,
        placements: &mut Placements,
        max: usize,
    ) {
        let mut i = self.continue_open_text(lines, cursor, comments, placements);
        while i < lines.len() {
            let kind = self.classify(lines, i);
            let first_line = cursor.offset + i + 1;
            if kind.is_structure() && !matches!(kind, Kind::Entry(..)) {
                placements.lines.push((first_line, first_line));
            }
            match kind {
                Kind::Blank | Kind::NoComments | Kind::Decor => i += 1,
                Kind::Header(name) => {
                    let (name, used) = self.header_continuation(lines, i + 1, name);
                    take_up_header(name, context, cursor);
                    if let Some(range) = placements.lines.last_mut() {
                        range.1 += used;
                    }
                    i += 1 + used;
                }
                Kind::Page(number) => {
                    context.target_page = Some(number);
                    context.last_number = None;
                    cursor.suspended = None;
                    i += 1;
                }
                Kind::Entry(entry, used) => {
                    i += used;
                    let subtype = entry
                        .subject
                        .as_deref()
                        .and_then(|subject| self.subjects.subtype(subject, entry.locale));
                    let (contents, used) = self.contents(lines, i, &entry, subtype.as_ref());
                    i += used;
                    // Document text between an entry and the one numbered
                    // next is the summary's sheet still: the page and
                    // header apply again.
                    if let Some(suspended) = cursor.suspended.take()
                        && context.is_empty()
                        && suspended.last_page_index + 1 >= cursor.page_index
                        && follows(suspended.last_number, entry.number)
                    {
                        *context = suspended;
                    }
                    context.last_number = entry.number;
                    context.last_page_index = cursor.page_index;
                    if std::mem::take(&mut cursor.body_since_entry) {
                        cursor.run += 1;
                    }
                    let last_line = cursor.offset + i;
                    // An entry past the bound is still the summary's text,
                    // not the document's, but no comment.
                    placements.lines.push((first_line, last_line));
                    if comments.len() >= max {
                        placements.comments_cut = true;
                    } else {
                        // Its text may go on at the top of the next page,
                        // or begin there when none stood below it.
                        if ends_page(lines, i)
                            && let Some(number) = entry.number
                        {
                            cursor.open = Some((comments.len(), number));
                        }
                        comments.push(self.comment(entry, subtype, contents, page, context));
                        placements.comments.push(Placement {
                            first_line,
                            last_line,
                            run: cursor.run,
                        });
                    }
                }
                Kind::Body => {
                    let ended = std::mem::take(context);
                    // An entry read, or a page line that awaits its entries
                    // on the summary's next sheet.
                    if ended.last_number.is_some() || ended.target_page.is_some() {
                        cursor.suspended = Some(ended);
                    }
                    cursor.body_since_entry = true;
                    i += 1;
                }
            }
        }
    }

    fn comment(
        &self,
        entry: EntryLine,
        subtype: Option<Subtype>,
        contents: Option<String>,
        page: Option<usize>,
        context: &Context,
    ) -> Comment {
        let words = self.words.get(entry.locale);
        let order = words.map_or(DateOrder::DayFirst, |words| words.date_order);
        let date: Option<NaiveDateTime> = entry
            .date_text
            .as_deref()
            .and_then(|text| parse_printed_date(text, order));
        Comment {
            summary_of: context.summary_of.clone(),
            target_page: context.target_page,
            number: entry.number,
            author: entry.author,
            subject: entry.subject,
            subtype,
            date,
            date_text: entry.date_text,
            contents,
            page,
            fragment: entry.fragment,
            locale: words.map(|words| words.code.clone()).unwrap_or_default(),
            annotation: None,
            ocr: false,
        }
    }

    /// The comment text of `entry`, whose fields end before line `start`
    /// (its `text`: what followed the date on the entry's own line), and
    /// the number of lines it takes below the entry (blank lines before it
    /// included).
    fn contents(
        &self,
        lines: &[&str],
        start: usize,
        entry: &EntryLine,
        subtype: Option<&Subtype>,
    ) -> (Option<String>, usize) {
        let mut text = entry.text.as_deref().unwrap_or_default().to_owned();
        let mut first = start;
        if text.is_empty() {
            while lines.get(first).is_some_and(|line| line.trim().is_empty()) {
                first += 1;
            }
            let allowed = match first - start {
                0 => true,
                1 => text_after_blank_line(subtype) || self.between_entries(lines, first, entry),
                _ => false,
            };
            if !allowed {
                return (None, 0);
            }
        }
        let mut end = first;
        while let Some(line) = lines.get(end) {
            let trimmed = line.trim();
            let kind = self.classify(lines, end);
            if trimmed.is_empty() || kind.is_structure() {
                break;
            }
            // An icon on a line of its own above the next entry, or the
            // page's number below the text.
            if kind == Kind::Decor
                && (self.classify(lines, end + 1).is_structure() || is_page_footer(lines, end))
            {
                break;
            }
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(trimmed);
            end += 1;
        }
        if text.is_empty() {
            return (None, 0);
        }
        // More paragraphs of a note's text, up to the entry numbered next.
        if text_after_blank_line(subtype)
            && let Some(number) = entry.number
            && let Some((paragraphs, after)) = self.continued(lines, end, number, Vec::new())
        {
            for line in paragraphs {
                text.push('\n');
                text.push_str(line);
            }
            end = after;
        }
        (Some(text), end - start)
    }

    /// Whether the lines from `first` on, up to a blank line, stand between
    /// `entry` and the summary's next line: the entry numbered next or a
    /// page line, after at most one blank line. Text extraction that
    /// spaces its lines out puts a blank line under every entry; such text
    /// is the comment's even where the document's could follow (a
    /// highlight's).
    fn between_entries(&self, lines: &[&str], first: usize, entry: &EntryLine) -> bool {
        let mut end = first;
        while end < first + MAX_CONTINUED_LINES && self.classify(lines, end) == Kind::Body {
            end += 1;
        }
        if end == first {
            return false;
        }
        let blank = lines.get(end).is_some_and(|line| line.trim().is_empty());
        match self.classify(lines, end + usize::from(blank)) {
            Kind::Entry(next, _) => follows(entry.number, next.number),
            Kind::Page(_) => true,
            _ => false,
        }
    }

    /// The paragraphs from line `at` on that are the text of the entry
    /// numbered `number`, after `taken` (lines already known to be its
    /// text), and the line after them: each after one blank line, up to the
    /// entry numbered next on the same input page (one blank line allowed
    /// before it). `None` when something else comes first: a page line, a
    /// header, two blank lines, an entry of another number, the end of the
    /// page, or more than a few paragraphs.
    ///
    /// Acrobat numbers a page's entries from 1, so the entry numbered next
    /// is the next comment on the same page, and what stands between is
    /// the comment's text, not the document. Without that entry below,
    /// what follows a blank line may as well be the document, and is left
    /// to it.
    fn continued<'l>(
        &self,
        lines: &[&'l str],
        mut at: usize,
        number: u32,
        mut taken: Vec<&'l str>,
    ) -> Option<(Vec<&'l str>, usize)> {
        let mut paragraphs = 0;
        loop {
            let blank = lines.get(at).is_some_and(|line| line.trim().is_empty());
            let next = at + usize::from(blank);
            match self.classify(lines, next) {
                Kind::Entry(entry, _)
                    if !taken.is_empty() && follows(Some(number), entry.number) =>
                {
                    return Some((taken, at));
                }
                Kind::Body if blank && paragraphs < MAX_CONTINUED_PARAGRAPHS => {
                    paragraphs += 1;
                    at = next;
                    while let Some(line) = lines.get(at)
                        && self.classify(lines, at) == Kind::Body
                    {
                        if taken.len() >= MAX_CONTINUED_LINES {
                            return None;
                        }
                        taken.push(line.trim());
                        at += 1;
                    }
                }
                _ => return None,
            }
        }
    }

    /// Takes the lines at the top of an input page that continue the text
    /// of the entry the previous page ended in (Acrobat breaks a long
    /// comment over its summary's pages), when the entry numbered next
    /// follows them; returns the line to go on from.
    fn continue_open_text(
        &self,
        lines: &[&str],
        cursor: &mut Cursor,
        comments: &mut [Comment],
        placements: &mut Placements,
    ) -> usize {
        let Some((index, number)) = cursor.open.take() else {
            return 0;
        };
        let top = lines
            .iter()
            .position(|line| !line.trim().is_empty())
            .unwrap_or(lines.len());
        let summary_of = comments.get(index).and_then(|c| c.summary_of.clone());
        let text_top = self.after_repeated_title(lines, top, summary_of.as_ref());
        let mut end = lines
            .iter()
            .skip(text_top)
            .position(|line| !line.trim().is_empty())
            .map_or(lines.len(), |at| text_top + at);
        let mut block = Vec::new();
        while let Some(line) = lines.get(end)
            && block.len() < MAX_CONTINUED_LINES
            && self.classify(lines, end) == Kind::Body
        {
            block.push(line.trim());
            end += 1;
        }
        let Some((continued, after)) = self.continued(lines, end, number, block) else {
            return 0;
        };
        let Some(comment) = comments.get_mut(index) else {
            return 0;
        };
        let contents = comment.contents.get_or_insert_with(String::new);
        for line in continued {
            if !contents.is_empty() {
                contents.push('\n');
            }
            contents.push_str(line);
        }
        let (first_line, last_line) = (cursor.offset + top + 1, cursor.offset + after);
        placements.lines.push((first_line, last_line));
        if let Some(placement) = placements.comments.get_mut(index) {
            placement.last_line = last_line;
        }
        after
    }

    /// Where the text of the page starting at line `top` begins when the
    /// summary's title `summary_of` stands again within its first lines,
    /// below nothing but the bundle's own running header (a line or two of
    /// document text: "Woo-besluit 2026-17 | Document 7", "Pagina 2 van
    /// 3"): the line after the title. Else `top`.
    fn after_repeated_title(
        &self,
        lines: &[&str],
        top: usize,
        summary_of: Option<&String>,
    ) -> usize {
        let Some(summary_of) = summary_of else {
            return top;
        };
        for at in top..lines.len().min(top + MAX_RUNNING_HEADER_LINES + 1) {
            match self.classify(lines, at) {
                Kind::Header(name) => {
                    let (name, used) = self.header_continuation(lines, at + 1, name);
                    return if name.as_ref() == Some(summary_of) {
                        at + 1 + used
                    } else {
                        top
                    };
                }
                Kind::Body | Kind::Blank | Kind::Decor => {}
                _ => return top,
            }
        }
        top
    }

    /// Lines right after a header that continue a file name wrapped onto
    /// them: at most two short body lines directly below it, followed by a
    /// blank line, a page line or the end of the page.
    fn header_continuation(
        &self,
        lines: &[&str],
        start: usize,
        name: Option<String>,
    ) -> (Option<String>, usize) {
        let mut end = start;
        while end < start + MAX_HEADER_CONTINUATION_LINES
            && lines.get(end).is_some_and(|line| {
                let line = line.trim();
                !line.is_empty() && line.chars().count() <= MAX_HEADER_CONTINUATION_CHARS
            })
            && self.classify(lines, end) == Kind::Body
        {
            end += 1;
        }
        if end == start {
            return (name, 0);
        }
        // Past the end of the page `classify` gives `Blank`.
        let closes = matches!(self.classify(lines, end), Kind::Blank | Kind::Page(_));
        if !closes {
            return (name, 0);
        }
        let mut full = name.unwrap_or_default();
        for line in lines.get(start..end).unwrap_or_default() {
            if !full.is_empty() {
                full.push(' ');
            }
            full.push_str(line.trim());
        }
        (Some(full), end - start)
    }

    /// What line `index` is (an entry may take the lines after it too).
    fn classify(&self, lines: &[&str], index: usize) -> Kind {
        let Some(line) = lines.get(index) else {
            return Kind::Blank;
        };
        if line.trim().is_empty() {
            return Kind::Blank;
        }
        if !line.chars().any(char::is_alphanumeric) || is_page_footer(lines, index) {
            return Kind::Decor;
        }
        if !self.may_start_with_label(line) {
            return Kind::Body;
        }
        let folded = Folded::new(line, MAX_LABEL_LINE_CHARS);
        let start = folded.skip_decor(0);
        if let Some(name) = self.header(&folded, start) {
            return Kind::Header(name);
        }
        if !folded.is_complete() {
            return Kind::Body;
        }
        if let Some(number) = self.page_line(&folded, start) {
            return Kind::Page(number);
        }
        if self.no_comments(&folded, start) {
            return Kind::NoComments;
        }
        if let Some(entry) = self.entry(&folded) {
            return Kind::Entry(entry, 1);
        }
        if let Some((entry, used)) = self.split_entry(lines, index, &folded) {
            return Kind::Entry(entry, used);
        }
        Kind::Body
    }

    /// Whether a label could be written where [`Parser::classify`] looks
    /// for one: after the decor at the start of the line, or after a short
    /// token there (an icon spelled as a letter). `false` means the line is
    /// body text; `true` means it must be looked at label by label.
    fn may_start_with_label(&self, line: &str) -> bool {
        let begins = |rest: &str| {
            // The first character alone rules out nearly every line: the
            // words that start with it are found by a binary search, and
            // each is compared as far as it goes, each character folded
            // once it is reached.
            let Some(first) = rest.chars().next().map(fold) else {
                return false;
            };
            let from = self
                .starts
                .partition_point(|word| word.first() < Some(&first));
            self.starts
                .get(from..)
                .unwrap_or_default()
                .iter()
                .take_while(|word| word.first() == Some(&first))
                .any(|word| starts_with_word(rest.chars().map(fold), word))
        };
        let start = line.trim_start_matches(|c: char| !c.is_alphanumeric());
        if begins(start) {
            return true;
        }
        // A short token (an icon spelled as letters) and white space after
        // it: only the token's first characters are looked at, as a longer
        // one, or one that is the whole line, is no icon.
        let Some(token_end) = start
            .char_indices()
            .take(MAX_ICON_TOKEN_CHARS + 1)
            .find(|&(_, c)| c.is_whitespace())
            .map(|(at, _)| at)
        else {
            return false;
        };
        if token_end == 0 {
            return false;
        }
        let after_icon = start
            .get(token_end..)
            .unwrap_or_default()
            .trim_start_matches(|c: char| !c.is_alphanumeric());
        begins(after_icon)
    }

    fn header(&self, line: &Folded<'_>, start: usize) -> Option<Option<String>> {
        self.words
            .iter()
            .flat_map(|words| &words.headers)
            .find_map(|phrase| {
                let end = line.phrase_at(start, phrase)?;
                let rest = line.rest(end);
                let name = rest.trim_start_matches(':').trim();
                let separated =
                    rest.is_empty() || rest.starts_with(|c: char| c.is_whitespace() || c == ':');
                separated.then(|| (!name.is_empty()).then(|| name.to_owned()))
            })
    }

    fn page_line(&self, line: &Folded<'_>, start: usize) -> Option<usize> {
        self.words
            .iter()
            .flat_map(|words| &words.page)
            .find_map(|label| {
                // OCR's specks around the number ("Pagina:-2.").
                let value = line.rest(line.field_at(start, label)?);
                ocr_number(value.trim_matches(|c: char| !c.is_alphanumeric()))
            })
    }

    fn no_comments(&self, line: &Folded<'_>, start: usize) -> bool {
        self.words
            .iter()
            .flat_map(|words| &words.no_comments)
            .any(|phrase| line.phrase_at(start, phrase).is_some())
    }

    /// The entry written on this line, in the first locale whose labels fit.
    fn entry(&self, line: &Folded<'_>) -> Option<EntryLine> {
        let start = line.skip_decor(0);
        let after_icon = line.skip_short_token(start, MAX_ICON_TOKEN_CHARS);
        (0..self.words.len()).find_map(|locale| {
            self.entry_at(line, start, locale)
                .or_else(|| self.entry_at(line, after_icon?, locale))
        })
    }

    /// An entry whose fields a text layer put on several lines: this line
    /// starts with a number label, each following line (up to four in all,
    /// one blank line allowed before each) starts with the label of a later
    /// field.
    fn split_entry(
        &self,
        lines: &[&str],
        index: usize,
        first: &Folded<'_>,
    ) -> Option<(EntryLine, usize)> {
        let start = first.skip_decor(0);
        self.words
            .iter()
            .enumerate()
            .filter(|(_, words)| first.any_field_at(start, &words.number).is_some())
            .find_map(|(locale, _)| self.split_entry_in(lines, index, locale))
    }

    fn split_entry_in(
        &self,
        lines: &[&str],
        index: usize,
        locale: usize,
    ) -> Option<(EntryLine, usize)> {
        let words = self.words.get(locale)?;
        let mut joined = (*lines.get(index)?).to_owned();
        let mut next_index = index + 1;
        for _ in 1..MAX_ENTRY_LINES {
            // A text layer may put a blank line between the parts.
            if lines
                .get(next_index)
                .is_some_and(|line| line.trim().is_empty())
            {
                next_index += 1;
            }
            let next = lines.get(next_index)?;
            next_index += 1;
            let next_folded = Folded::new(next, MAX_LABEL_LINE_CHARS);
            let next_start = next_folded.skip_decor(0);
            let fields = [Field::Author, Field::Subject, Field::Date];
            let continues = fields.iter().any(|&field| {
                next_folded
                    .any_field_at(next_start, words.labels(field))
                    .is_some()
            });
            // A long header wraps inside a value ("Onderwerp: Tekst⏎
            // plaatsen Datum: …"): a few words, then a field's label.
            let wrapped = !continues
                && fields.iter().any(|&field| {
                    next_folded
                        .find_field(next_start, words.labels(field))
                        .is_some_and(|(at, _)| {
                            next_folded.slice(next_start, at).split_whitespace().count()
                                <= MAX_WRAPPED_WORDS
                        })
                });
            if !(continues || wrapped) || !next_folded.is_complete() {
                return None;
            }
            joined.push(if wrapped { ' ' } else { '\t' });
            joined.push_str(next);
            let folded = Folded::new(&joined, MAX_LABEL_LINE_CHARS);
            if !folded.is_complete() {
                return None;
            }
            if let Some(entry) = self.entry_at(&folded, folded.skip_decor(0), locale) {
                return Some((entry, next_index - index));
            }
        }
        None
    }

    /// The entry starting at `start` with the labels of `locale`.
    fn entry_at(&self, line: &Folded<'_>, start: usize, locale: usize) -> Option<EntryLine> {
        let words = self.words.get(locale)?;
        let (first, mut value_start) =
            [Field::Number, Field::Author, Field::Subject]
                .into_iter()
                .find_map(|field| Some((field, line.any_field_at(start, words.labels(field))?)))?;
        let mut values: Vec<(Field, &str)> = Vec::with_capacity(4);
        let mut field = first;
        while let Some(next) = field.next() {
            let (label_start, next_value) = line.find_field(value_start, words.labels(next))?;
            values.push((field, trim_noise(line.slice(value_start, label_start))));
            field = next;
            value_start = next_value;
        }
        values.push((field, line.rest(value_start).trim()));
        let value = |wanted: Field| {
            values
                .iter()
                .find(|(field, _)| *field == wanted)
                .map(|(_, value)| *value)
                .filter(|value| !value.is_empty())
        };
        let (date_text, is_date, text) = match value(Field::Date) {
            Some(date) => self.split_date(date),
            None => (None, false, None),
        };
        let fragment = first != Field::Number;
        if fragment && !is_date {
            return None;
        }
        Some(EntryLine {
            locale,
            number: value(Field::Number).and_then(ocr_number),
            author: value(Field::Author).map(str::to_owned),
            subject: value(Field::Subject).map(str::to_owned),
            date_text: date_text.map(str::to_owned),
            text: text.map(str::to_owned),
            fragment,
        })
    }

    /// Reads an entry's date value: the date as printed, whether it starts
    /// with a date and time or an undated word, and the text after that
    /// when a text layer ran the comment's first line onto the entry line.
    /// Trailing characters without a letter or digit stay with the date.
    fn split_date<'t>(&self, value: &'t str) -> (Option<&'t str>, bool, Option<&'t str>) {
        let Some(length) = date_prefix_len(value).or_else(|| self.undated_prefix_len(value)) else {
            return (Some(value), false, None);
        };
        let (date, rest) = value.split_at_checked(length).unwrap_or((value, ""));
        let rest = rest.trim();
        if rest.chars().any(char::is_alphanumeric) {
            (Some(date.trim_end()), true, Some(rest))
        } else {
            (Some(value), true, None)
        }
    }

    /// The length in bytes of the undated word `value` starts with.
    fn undated_prefix_len(&self, value: &str) -> Option<usize> {
        let folded = Folded::new(value, MAX_LABEL_LINE_CHARS);
        self.undated.iter().find_map(|word| {
            let rest = folded.rest(folded.phrase_at(0, word)?);
            (rest.is_empty() || rest.starts_with(char::is_whitespace))
                .then(|| value.len() - rest.len())
        })
    }
}

/// A field value (number, author or subject) without white space around it
/// and without the marks OCR leaves at its end ("Markering :", "Vries, D.
/// de ‘", "2°"): none of them ends a number, a name or a subject.
fn trim_noise(value: &str) -> &str {
    value.trim().trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ':' | ';' | '|' | '_' | '°' | '©' | '‘' | '’' | '\'' | '"' | '“' | '”'
            )
    })
}

/// A summary's header `name` read: the context the entries after it take.
fn take_up_header(name: Option<String>, context: &mut Context, cursor: &mut Cursor) {
    // A released bundle's own running header ("Woo-besluit … | Document
    // 7") may stand above the summary's title on its next sheet: the title
    // takes up what it ended.
    if context.is_empty()
        && name.is_some()
        && let Some(suspended) = cursor.suspended.take_if(|s| s.summary_of == name)
    {
        *context = suspended;
    }
    // The same header again is a running header of the summary's next
    // page: the page line still applies.
    if name.is_none() || name != context.summary_of {
        context.target_page = None;
        context.last_number = None;
    }
    context.summary_of = name;
    cursor.suspended = None;
}

/// Whether an entry numbered `next` is the one after the entry numbered
/// `last` on the same page.
fn follows(last: Option<u32>, next: Option<u32>) -> bool {
    matches!((last, next), (Some(last), Some(next)) if last.checked_add(1) == Some(next))
}

/// Whether line `index` is the page's number below everything else on
/// its page ("3", "- 3 -", "Pagina 3 van 12", "Page 3 of 12"): the last
/// line that is not blank.
fn is_page_footer(lines: &[&str], index: usize) -> bool {
    lines
        .get(index)
        .is_some_and(|line| reads_as_page_number(line))
        && blank_from(lines, index + 1)
}

/// Whether nothing but blank lines and the page's number stand from line
/// `from` to the end of the page.
fn ends_page(lines: &[&str], from: usize) -> bool {
    match lines
        .iter()
        .skip(from)
        .position(|line| !line.trim().is_empty())
    {
        None => true,
        Some(at) => is_page_footer(lines, from + at),
    }
}

/// Whether every line from `from` on is blank.
fn blank_from(lines: &[&str], from: usize) -> bool {
    lines.iter().skip(from).all(|line| line.trim().is_empty())
}

/// The longest line that may say a page's number ("Pagina 999 van 999").
const MAX_PAGE_NUMBER_BYTES: usize = 24;

/// Whether a line says a page's number and nothing else.
fn reads_as_page_number(line: &str) -> bool {
    if line.len() > MAX_PAGE_NUMBER_BYTES {
        return false;
    }
    let mut words = line
        .split_whitespace()
        .filter(|word| !matches!(*word, "-" | "–"));
    let number = |word: Option<&str>| {
        word.is_some_and(|w| (1..=5).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
    };
    let (first, second, third, fourth, fifth) = (
        words.next(),
        words.next(),
        words.next(),
        words.next(),
        words.next(),
    );
    match (second, fifth) {
        (None, _) => number(first),
        (Some(_), None) => {
            first.is_some_and(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "pagina" | "page" | "seite" | "blad"
                )
            }) && number(second)
                && third.is_some_and(|w| {
                    matches!(
                        w.to_lowercase().as_str(),
                        "van" | "of" | "von" | "sur" | "de"
                    )
                })
                && number(fourth)
        }
        _ => false,
    }
}

/// Whether an entry of this subtype takes comment text that follows it after
/// one blank line. Notes, text boxes and unknown subjects do; highlights and
/// other markup, ink, shapes and stamps rarely carry text, and what follows
/// them after a blank line is the document.
fn text_after_blank_line(subtype: Option<&Subtype>) -> bool {
    matches!(
        subtype,
        None | Some(
            Subtype::Text
                | Subtype::FreeText
                | Subtype::Caret
                | Subtype::FileAttachment
                | Subtype::Sound
                | Subtype::Other(_)
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placements_hold_the_lines_of_their_ranges() {
        let placements = Placements {
            lines: vec![(3, 5), (9, 9)],
            ..Placements::default()
        };
        let held = |first, last| placements.hold_any(first, last);
        assert!(!held(1, 2));
        assert!(held(2, 3) && held(4, 4) && held(5, 7));
        assert!(!held(6, 8));
        assert!(held(8, 10) && held(1, 20));
        assert!(!held(10, 12));
        assert!(!Placements::default().hold_any(1, 1));
    }

    #[test]
    fn lines_that_may_hold_a_label() {
        let parser = Parser::new(&SummaryLocale::builtin());
        for line in [
            "Nummer: 1 Auteur: Aartsen, A.A. Onderwerp: Markering Datum: 8-6-2026",
            "o Nummer: 1",
            "☰ Nummer: 1",
            "Pagina: 4",
            "Overzicht van opmerkingen bij nota.pdf",
            "Summary of Comments on nota.pdf",
            "Auteur: Aartsen",
        ] {
            assert!(parser.may_start_with_label(line), "{line}");
        }
        for line in [
            "minister besluit het wetsvoorstel",
            "het advies van de Raad",
            "xx het nota",
            "• uitvoering van het beleid",
        ] {
            assert!(!parser.may_start_with_label(line), "{line}");
        }
    }

    #[test]
    fn body_lines_stay_body() {
        // Whatever the quick test says, a line it lets through is still
        // classified label by label: "Nota" starts like "Nummer" does not.
        let parser = Parser::new(&SummaryLocale::builtin());
        let lines = [
            "nota over de uitvoering",
            "Nummer: 2 Auteur: X Onderwerp: Y Datum: 1-2-2026",
        ];
        assert!(matches!(parser.classify(&lines, 0), Kind::Body));
        assert!(matches!(parser.classify(&lines, 1), Kind::Entry(..)));
    }
}
