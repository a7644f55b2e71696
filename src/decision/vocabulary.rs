//! The words decisions are written in, as data: the built-in table is
//! `vocabulary.json` next to this file; its format is documented on
//! [`Vocabulary`].

use std::collections::BTreeMap;
use std::sync::{LazyLock, OnceLock};

use aho_corasick::AhoCorasick;

use serde::Deserialize;

use super::Verdict;

/// The vocabulary's sets and maps. Their keys are the vocabulary's own
/// words (built in, or the user's), and the text of a page only looks
/// words up in them (every word of many lines), so they hash with FxHash
/// rather than SipHash: nothing from an input file is ever inserted, so
/// there is no collision flood to guard against.
type HashSet<T> = rustc_hash::FxHashSet<T>;
type HashMap<K, V> = rustc_hash::FxHashMap<K, V>;

const BUILTIN_JSON: &str = include_str!("vocabulary.json");

static BUILTIN: LazyLock<Vocabulary> =
    LazyLock::new(|| Vocabulary::from_json(BUILTIN_JSON).unwrap_or_else(|_| Vocabulary::empty()));

/// Why a vocabulary could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum VocabularyError {
    /// The text is not JSON of the vocabulary's shape (an unknown section, a
    /// list where a map belongs, an unknown verdict code, …).
    #[error("vocabulary is not valid: {message}")]
    Json {
        /// What is wrong, and where.
        message: String,
        /// The 1-based line of the JSON text where it was found.
        line: usize,
        /// The 1-based column.
        column: usize,
    },
    /// A month number outside 1–12.
    #[error("vocabulary month {name:?} has number {month}; months are 1-12")]
    Month {
        /// The month name as given.
        name: String,
        /// The number given.
        month: u32,
    },
    /// An empty phrase or name.
    #[error("vocabulary section {section} has an empty entry")]
    Empty {
        /// The section (`verdicts`, `actors`, …).
        section: &'static str,
    },
    /// A verdict phrase mapped to `option`: options are written as an option
    /// word and a number (`optie 2`), listed under `option_words`.
    #[error(
        "vocabulary verdict phrase {phrase:?} maps to option; list option words under option_words"
    )]
    OptionVerdict {
        /// The phrase as given.
        phrase: String,
    },
}

/// The JSON shape of a vocabulary; every section may be left out.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct VocabularyFile {
    verdicts: BTreeMap<String, BTreeMap<String, Verdict>>,
    weak_verdicts: Vec<String>,
    interjections: Vec<String>,
    request_words: Vec<String>,
    option_words: Vec<String>,
    option_lead_ins: Vec<String>,
    remark_lead_ins: Vec<String>,
    condition_lead_ins: Vec<String>,
    conditions: Vec<String>,
    negations: Vec<String>,
    point_words: Vec<String>,
    point_answers: BTreeMap<String, Verdict>,
    addressee_links: Vec<String>,
    option_links: Vec<String>,
    actor_links: Vec<String>,
    actor_labels: Vec<String>,
    sign_off_labels: Vec<String>,
    discussed_with_links: Vec<String>,
    date_lead_ins: Vec<String>,
    meeting_words: Vec<String>,
    meeting_date_links: Vec<String>,
    remark_date_links: Vec<String>,
    portfolio_links: Vec<String>,
    portfolio_joiners: Vec<String>,
    actors: BTreeMap<String, String>,
    ministry_roles: BTreeMap<String, String>,
    ministries: BTreeMap<String, String>,
    not_actors: Vec<String>,
    months: BTreeMap<String, BTreeMap<String, u32>>,
    weekdays: Vec<String>,
    sentence_words: Vec<String>,
    clause_verbs: Vec<String>,
    subordinators: Vec<String>,
    nota_date_labels: Vec<String>,
    addressee_prefixes: Vec<String>,
    nota_words: Vec<String>,
    file_extensions: Vec<String>,
}

/// A phrase (normalised: lower case, single spaces) with what it stands for
/// and, for names, the spelling of the table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry<T> {
    pub(crate) phrase: String,
    pub(crate) value: T,
}

/// Phrases with what they stand for, longest first (the order they are
/// tried in), and which of them can start at a place in a text: the
/// recogniser tries the verdicts and actors at every word of every short
/// line of a page, and nearly all are ruled out by their first letter.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Phrases<T> {
    entries: Vec<Entry<T>>,
    /// For each ASCII byte, the entries whose phrase starts with it in
    /// either case, in order.
    by_first: Vec<Vec<u32>>,
    /// The pieces of the phrases that any text they match holds as they
    /// are.
    pieces: LazyPieces,
}

impl<T> Default for Phrases<T> {
    fn default() -> Self {
        Self {
            entries: Vec::new(),
            by_first: Vec::new(),
            pieces: LazyPieces::default(),
        }
    }
}

/// A search for the pieces of a list's phrases: the runs of a phrase's
/// characters that `match_phrase` matches one for one with the same ASCII
/// characters of a text, in either case. White space in a phrase matches
/// any run of it, white space may follow a full stop inside a phrase, `'`
/// matches `’` and `‘`, and a character other than ASCII may match
/// another: a piece holds none of these, and ends at them. A character
/// other than ASCII matches an ASCII one only in one case, the Kelvin sign
/// (U+212A), whose lower case is `k`; a text with one is never ruled out.
/// So a text in which no phrase has all its pieces matches no phrase
/// anywhere, nor does any part of it.
#[derive(Clone, Default)]
struct Pieces {
    /// The longest piece of each phrase, in either case; `None` when some
    /// phrase has no piece (it is all punctuation other than ASCII), so
    /// that no text is ruled out.
    search: Option<AhoCorasick>,
    /// For each piece searched for, the other pieces (in lower case) of
    /// each phrase it is the longest piece of.
    others: Vec<Vec<Vec<String>>>,
}

impl Pieces {
    fn of<'p>(phrases: impl Iterator<Item = &'p str>) -> Self {
        let mut longest: Vec<String> = Vec::new();
        let mut ids: HashMap<String, usize> = HashMap::default();
        let mut others: Vec<Vec<Vec<String>>> = Vec::new();
        for phrase in phrases {
            let mut found: Vec<String> = pieces(phrase)
                .into_iter()
                .map(str::to_ascii_lowercase)
                .collect();
            // The first of the longest.
            let Some(at) = (0..found.len())
                .rev()
                .max_by_key(|&i| found.get(i).map_or(0, String::len))
            else {
                return Self::default();
            };
            let piece = found.remove(at);
            let id = *ids.entry(piece).or_insert_with_key(|piece| {
                longest.push(piece.clone());
                others.push(Vec::new());
                longest.len() - 1
            });
            if let Some(list) = others.get_mut(id) {
                list.push(found);
            }
        }
        match AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&longest)
        {
            Ok(search) => Self {
                search: Some(search),
                others,
            },
            Err(_) => Self::default(),
        }
    }

    /// Whether a phrase could match somewhere in `text`.
    fn may_occur_in(&self, text: &str) -> bool {
        let Some(search) = self.search.as_ref().filter(|_| !text.contains(KELVIN)) else {
            return true;
        };
        let mut lower: Option<String> = None;
        search.find_overlapping_iter(text).any(|hit| {
            let phrases = self
                .others
                .get(hit.pattern().as_usize())
                .map_or(&[][..], Vec::as_slice);
            let lower = lower.get_or_insert_with(|| text.to_ascii_lowercase());
            phrases
                .iter()
                .any(|rest| rest.iter().all(|piece| lower.contains(piece.as_str())))
        })
    }
}

/// [`Pieces`] of a list's phrases, worked out the first time a text is
/// checked against them: once the list is settled (adding phrases one by
/// one does not index the list again each time), and only for the lists
/// that are checked.
#[derive(Clone, Default)]
struct LazyPieces(OnceLock<Pieces>);

impl LazyPieces {
    /// The pieces of `phrases`, the list these pieces stand for.
    fn of<'p>(&self, phrases: impl Iterator<Item = &'p str>) -> &Pieces {
        self.0.get_or_init(|| Pieces::of(phrases))
    }

    /// Pieces that rule no text out, whatever the phrases.
    #[cfg(test)]
    fn ruling_out_nothing() -> Self {
        Self(OnceLock::from(Pieces::default()))
    }
}

/// The pieces are worked out from the phrases, which the lists compare.
impl PartialEq for LazyPieces {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for LazyPieces {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("LazyPieces").field(&self.0.get()).finish()
    }
}

impl std::fmt::Debug for Pieces {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pieces")
            .field(
                "searched",
                &self.search.as_ref().map(AhoCorasick::patterns_len),
            )
            .finish()
    }
}

/// The one character other than ASCII whose lower case is ASCII.
const KELVIN: char = '\u{212A}';

/// The pieces of `phrase` (see [`Pieces`]): its runs of ASCII characters
/// other than white space and `'`, each ending at white space, at `'`, at
/// a character other than ASCII, or after a full stop that a character
/// other than white space follows.
fn pieces(phrase: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = None;
    let mut chars = phrase.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if !c.is_ascii() || c.is_ascii_whitespace() || c == '\'' {
            pieces.extend(start.take().and_then(|from| phrase.get(from..at)));
            continue;
        }
        let from = *start.get_or_insert(at);
        let next = chars.peek().map(|&(_, next)| next);
        if c == '.' && next.is_some_and(|next| next != ' ') {
            pieces.extend(phrase.get(from..=at));
            start = None;
        }
    }
    pieces.extend(start.and_then(|from| phrase.get(from..)));
    pieces
}

impl<T> std::ops::Deref for Phrases<T> {
    type Target = [Entry<T>];

    fn deref(&self) -> &[Entry<T>] {
        &self.entries
    }
}

impl<T> Phrases<T> {
    /// Adds a phrase, or gives a known one a new value.
    fn upsert(&mut self, phrase: String, value: T) {
        self.add(phrase, value);
        self.settle();
    }

    /// Adds a phrase, which is tried only once [`Phrases::settle`] has
    /// put it in its place: a vocabulary file adds hundreds, and settling
    /// after each would sort the list hundreds of times.
    fn add(&mut self, phrase: String, value: T) {
        self.entries.push(Entry { phrase, value });
    }

    /// Puts the phrases in the order they are tried (longest first, then
    /// alphabetical), a phrase added more than once with the last value
    /// it was given, and indexes them by first letter.
    fn settle(&mut self) {
        // A stable sort keeps a phrase's values in the order they were
        // added; reversed, the last of them is the one `dedup` keeps.
        self.entries.sort_by(|a, b| a.phrase.cmp(&b.phrase));
        self.entries.reverse();
        self.entries
            .dedup_by(|later, kept| later.phrase == kept.phrase);
        self.entries
            .sort_by(|a, b| tried_first(&a.phrase, &b.phrase));
        self.by_first = vec![Vec::new(); 128];
        for (index, entry) in (0_u32..).zip(&self.entries) {
            let first = entry.phrase.as_bytes().first().map(u8::to_ascii_lowercase);
            if let Some(bucket) = first.and_then(|b| self.by_first.get_mut(usize::from(b))) {
                bucket.push(index);
            }
        }
        self.pieces = LazyPieces::default();
    }

    /// Whether any phrase could match anywhere in `text`: `false` only for
    /// a text in which no phrase has all its pieces (see [`Pieces`]),
    /// found in one search instead of trying every phrase at every place.
    pub(crate) fn may_occur_in(&self, text: &str) -> bool {
        self.pieces
            .of(self.entries.iter().map(|entry| entry.phrase.as_str()))
            .may_occur_in(text)
    }

    /// The phrases that may match at the start of `text`, in order: an
    /// ASCII character (other than `'`, which also matches `’`) matches a
    /// phrase's first character only when that is the same letter in
    /// either case (see `match_phrase`); any other character is tried
    /// against every phrase.
    pub(crate) fn at<'s>(&'s self, text: &str) -> impl Iterator<Item = &'s Entry<T>> + 's {
        let indexed = match text.as_bytes().first() {
            None => Some(&[][..]),
            Some(&byte) if byte.is_ascii() && byte != b'\'' => Some(
                self.by_first
                    .get(usize::from(byte.to_ascii_lowercase()))
                    .map_or(&[][..], Vec::as_slice),
            ),
            Some(_) => None,
        };
        let all = if indexed.is_none() {
            self.entries.as_slice()
        } else {
            &[]
        };
        indexed
            .unwrap_or_default()
            .iter()
            .filter_map(|&index| self.entries.get(index as usize))
            .chain(all)
    }
}

/// The words decisions are written in: the table the decision recogniser
/// matches against, and nothing else, so a phrase or an actor is added
/// without touching the recogniser.
///
/// [`Vocabulary::builtin`] holds Dutch and English (with a few German and
/// French) verdict phrases, Dutch government actors and ministries, and month
/// names; extend it with [`Vocabulary::merge_json`] or the `add_*` methods.
///
/// ```
/// use kantlijn::{Verdict, Vocabulary};
///
/// let mut vocabulary = Vocabulary::builtin();
/// vocabulary.merge_json(r#"{"verdicts": {"nl": {"uitstekend": "approved"}},
///                           "actors": {"DGSZ": "Directeur-generaal Sociale Zekerheid"}}"#)?;
/// assert_eq!(vocabulary.verdict_of("Uitstekend"), Some(Verdict::Approved));
/// assert_eq!(
///     vocabulary.actor_title("DGSZ").as_deref(),
///     Some("Directeur-generaal Sociale Zekerheid")
/// );
/// # Ok::<(), kantlijn::VocabularyError>(())
/// ```
///
/// # The file format
///
/// A vocabulary is a JSON object (the built-in one is
/// `src/decision/vocabulary.json`). Every section is optional; an unknown
/// section is an error, so a misspelt one does not pass in silence. Merged
/// into a vocabulary, a section's entries are added to it, and an entry
/// already present takes the new value.
///
/// | section | shape | what it holds |
/// |---|---|---|
/// | `verdicts` | language → phrase → verdict | verdict phrases, grouped by language for the reader (the code is not used; `{"nl": {"akkoord": "approved", "niet akkoord": "rejected"}}`); the verdict is `approved`, `rejected`, `discussed`, `to_discuss`, `noted` or `deferred` (options are written with `option_words`) |
/// | `weak_verdicts` | list of phrases | verdict phrases that also open ordinary talk ("ok", "prima"): they take no remark, and a stamp needs an actor with them |
/// | `interjections` | list | words that may come before a verdict ("Ja, akkoord") |
/// | `request_words` | list | words that may come, in any number up to three, before a request to discuss or to defer ("graag **eerst** bespreken", "svp nog even aanhouden") |
/// | `option_words` | list | the word before an option's number or letter ("optie 2", "variant B") |
/// | `option_lead_ins` | list | words before an option statement ("voorkeur voor optie 2", "Keuze: optie 1") |
/// | `option_links` | list | words between a verdict and an option ("akkoord met optie 2") |
/// | `remark_lead_ins` | list | words that open a remark without a separator ("akkoord mits …") |
/// | `condition_lead_ins` | list | the lead-ins of a condition, which may end in a verb ("mits de planning haalbaar is"); a remark opening with one makes the decision conditional |
/// | `conditions` | list | phrases that open a condition wherever a clause of the remark's first sentence starts ("akkoord met de brief, **mits** …") |
/// | `negations` | list | words that negate ("niet", "geen"): a sentence with one is no preamble to a verdict |
/// | `point_words` | list | words before a nota's point number ("beslispunt 1", "ad 1") |
/// | `point_answers` | answer → verdict | answers that are verdicts only after a point marker (`{"ja": "approved", "nee": "rejected"}`) |
/// | `addressee_links` | list | words after which a named actor is not the one who decided: an addressee ("aan SG"), a companion ("met DG"), an article ("de minister") |
/// | `subordinators` | list | words that open a subordinate clause ("dat", "omdat"): a verb after them is not the verdict's sentence's |
/// | `actor_links` | list | words between a verdict and its actor ("approved by SG", "akkoord namens MWP"), or before a leading actor ("Namens MWP: akkoord") |
/// | `actor_labels` | list | a form's label before the actor ("**Paraaf** SG: akkoord 5/6"); a decision after one needs a date, without it the text is the form's label |
/// | `sign_off_labels` | list | labels whose field filled with a signer and a date, and nothing else, is that signer's approval ("**Paraaf** SG 13-4-2026", "SG **paraaf** 13/4"); empty, or without a date, it is the form's |
/// | `discussed_with_links` | list | words between "besproken" and who it was discussed with, the decision's actor ("Besproken met M 3/4") |
/// | `date_lead_ins` | list | words before a date ("d.d. 8-6-2026", "op 8 juni") |
/// | `meeting_words` | list | meetings whose date in a remark dates the decision ("besproken in de staf van 24/3") |
/// | `meeting_date_links` | list | words between a meeting word and its date ("van", "op") |
/// | `remark_date_links` | list | words after which a date that ends a text belongs to the remark ("akkoord met de brief **van** 3 juni", "**per** 1 januari", "**zie** 5/3"); after a verb, or any other word for a day and month in figures, it is the decision's ("akkoord mits FEZ instemt 8/6", "akkoord met advies 11/6") |
/// | `actors` | spelling → title | actors and their titles (`{"MWP": "Minister van Werk en Participatie"}`) |
/// | `ministry_roles` | prefix → title | role prefixes that combine with a ministry code (`{"M": "Minister van"}` makes `MSZW` a minister) |
/// | `ministries` | code → name | ministries (`{"SZW": "Sociale Zaken en Werkgelegenheid"}`), also read as a role's portfolio ("Minister SZW") |
/// | `portfolio_links` | list | words between a role and its portfolio ("Minister voor Klimaat en Energie") |
/// | `portfolio_joiners` | list | words joining the parts of a portfolio ("en", "&", ",") |
/// | `not_actors` | list | abbreviations that never name a decision's actor: parties, organisations ("CDA", "FNV") |
/// | `months` | language → name → number | month names and abbreviations, grouped likewise (`{"nl": {"juni": 6, "jun": 6}}`) |
/// | `weekdays` | list | weekday names and abbreviations that may come before a date ("ma 8/6") |
/// | `sentence_words` | list | words that mark running text, so never an abbreviation or initials ("u", "de") |
/// | `clause_verbs` | list | finite verbs that make a verdict word part of a sentence ("Akkoord op hoofdlijnen **is** bereikt") |
/// | `nota_date_labels` | list | the label of a nota's date ("Datum 27 mei 2026"), which gives a stamp its year |
/// | `addressee_prefixes` | list | the word that opens a nota's addressee line ("Aan Minister …") |
/// | `nota_words` | list | lines that name a nota's kind ("nota", "beslisnota") |
/// | `file_extensions` | list | extensions that make a text a file name, never a decision ("….pdf") |
///
/// Phrases are matched without regard to case, any run of white space in a
/// phrase matches any run in the text, white space may follow a full stop
/// inside a phrase (`n.akk.` also matches `n. akk.`), `'` matches `’`, and a
/// phrase ending in a letter or digit must end a word. An empty phrase, a
/// month outside 1–12 or a verdict phrase mapped to `option` is an error.
/// The labels of Acrobat's printed comment summaries are not here: they are
/// the [`SummaryLocale`](crate::SummaryLocale)s'.
#[derive(Debug, Clone, PartialEq)]
pub struct Vocabulary {
    /// Verdict phrases, longest first.
    verdicts: Phrases<Verdict>,
    /// Verdict phrases that also open ordinary talk ("OK, de planning is
    /// krap"): they take no remark.
    weak_verdicts: HashSet<String>,
    /// Words that may come before a verdict ("Ja, akkoord"), longest first.
    interjections: Vec<String>,
    /// Words that may come before a request to discuss or to defer
    /// ("graag eerst bespreken"), longest first.
    request_words: Vec<String>,
    option_words: Vec<String>,
    /// The pieces of the option words, for [`Vocabulary::may_hold_option`].
    option_pieces: LazyPieces,
    option_lead_ins: Vec<String>,
    remark_lead_ins: Vec<String>,
    /// Words that open a condition right after the verdict ("akkoord, als
    /// …", "akkoord mits …").
    condition_lead_ins: Vec<String>,
    /// Phrases that open a condition wherever a clause starts ("akkoord met
    /// de brief, mits …").
    conditions: Vec<String>,
    /// Words that negate ("niet", "geen"): a sentence with one is no
    /// preamble to a verdict.
    negations: HashSet<String>,
    /// Words naming the points of a nota ("beslispunt 1", "ad 1").
    point_words: Vec<String>,
    /// Answers that are verdicts only after a point ("1. ja 2. nee").
    point_answers: Phrases<Verdict>,
    /// Words before a name that make it someone other than the one who
    /// decided: an addressee ("voorleggen aan SG"), a companion
    /// ("afstemmen met DG"), an article ("de minister informeren").
    addressee_links: HashSet<String>,
    /// Words between a verdict and an option ("akkoord met optie 2").
    option_links: Vec<String>,
    /// Words between a verdict and its actor ("approved by SG").
    actor_links: Vec<String>,
    /// A form's label before the actor ("Paraaf SG: akkoord 5/6").
    actor_labels: Vec<String>,
    /// Labels whose field, filled with a signer and a date, is a sign-off
    /// ("Paraaf SG 13/4").
    sign_off_labels: Vec<String>,
    /// Words between "besproken" and who it was discussed with ("besproken
    /// met M 3/4").
    discussed_with_links: Vec<String>,
    /// Words before a date ("d.d. 8-6-2026", "op 8 juni").
    date_lead_ins: Vec<String>,
    /// Meetings whose date, in a remark, dates the decision ("besproken in
    /// de staf van 24/3").
    meeting_words: HashSet<String>,
    /// Words between a meeting word and its date ("van", "op").
    meeting_date_links: Vec<String>,
    /// Words after which a date ending a text is the remark's ("van 3
    /// juni", "per 1 januari").
    remark_date_links: HashSet<String>,
    /// Words between a role and its portfolio ("Minister van Financiën").
    portfolio_links: Vec<String>,
    /// Words joining the parts of a portfolio ("Participatie en Integratie").
    portfolio_joiners: Vec<String>,
    /// Actors (table spelling → title), longest first.
    actors: Phrases<(String, String)>,
    /// Role prefixes that combine with a ministry (`M` + `SZW`), longest first.
    ministry_roles: Phrases<String>,
    /// Ministry codes (table spelling → name), longest first.
    ministries: Phrases<(String, String)>,
    not_actors: HashSet<String>,
    months: HashMap<String, u32>,
    weekdays: HashSet<String>,
    sentence_words: HashSet<String>,
    clause_verbs: HashSet<String>,
    /// Words that open a subordinate clause ("dat", "omdat"): a verb after
    /// them is that clause's, not the verdict's sentence's.
    subordinators: HashSet<String>,
    nota_date_labels: Vec<String>,
    addressee_prefixes: Vec<String>,
    nota_words: HashSet<String>,
    file_extensions: HashSet<String>,
    /// The shapes of the month and weekday names, and of the nota words:
    /// kept up to date by every change to those sets.
    date_word_shapes: Shapes,
    nota_word_shapes: Shapes,
}

/// The first letters and lengths of a set of lower-case words: a word is
/// ruled out as one of them, in any case, without being lowered or looked
/// up, as nearly every word of a page asked about is.
#[derive(Debug, Clone, PartialEq)]
struct Shapes {
    /// For each ASCII first letter, bit `n` set when an ASCII word of `n`
    /// bytes starts with it (bit 31: of 31 or more).
    ascii: [u32; 128],
    /// The most characters a word has.
    longest: usize,
}

impl Default for Shapes {
    fn default() -> Self {
        Self {
            ascii: [0; 128],
            longest: 0,
        }
    }
}

impl Shapes {
    fn of<'w>(words: impl IntoIterator<Item = &'w String>) -> Self {
        let mut shapes = Self::default();
        for word in words {
            shapes.add(word);
        }
        shapes
    }

    fn add(&mut self, word: &str) {
        self.longest = self.longest.max(word.chars().count());
        if let Some(&first) = word.as_bytes().first()
            && word.is_ascii()
            && let Some(lengths) = self.ascii.get_mut(usize::from(first.to_ascii_lowercase()))
        {
            *lengths |= 1 << word.len().min(31);
        }
    }

    /// Whether `word` may be one of the words in some case. Lowering keeps
    /// an ASCII word ASCII and as long, so its first letter and length must
    /// be some word's; and it never makes fewer characters, so any other
    /// word has at most as many as the longest, and at most four bytes for
    /// each of them.
    fn may_hold(&self, word: &str) -> bool {
        // The length first: a whole line asked about is ruled out unread.
        if word.len() > 4 * self.longest {
            return false;
        }
        match word.as_bytes().first() {
            Some(&first) if word.is_ascii() => self
                .ascii
                .get(usize::from(first.to_ascii_lowercase()))
                .is_some_and(|lengths| lengths & (1 << word.len().min(31)) != 0),
            _ => word.chars().nth(self.longest).is_none(),
        }
    }
}

impl Vocabulary {
    fn empty() -> Self {
        Self {
            verdicts: Phrases::default(),
            weak_verdicts: HashSet::default(),
            interjections: Vec::new(),
            request_words: Vec::new(),
            option_words: Vec::new(),
            option_pieces: LazyPieces::default(),
            option_lead_ins: Vec::new(),
            remark_lead_ins: Vec::new(),
            condition_lead_ins: Vec::new(),
            conditions: Vec::new(),
            negations: HashSet::default(),
            point_words: Vec::new(),
            point_answers: Phrases::default(),
            addressee_links: HashSet::default(),
            option_links: Vec::new(),
            actor_links: Vec::new(),
            actor_labels: Vec::new(),
            sign_off_labels: Vec::new(),
            discussed_with_links: Vec::new(),
            date_lead_ins: Vec::new(),
            meeting_words: HashSet::default(),
            meeting_date_links: Vec::new(),
            remark_date_links: HashSet::default(),
            portfolio_links: Vec::new(),
            portfolio_joiners: Vec::new(),
            actors: Phrases::default(),
            ministry_roles: Phrases::default(),
            ministries: Phrases::default(),
            not_actors: HashSet::default(),
            months: HashMap::default(),
            weekdays: HashSet::default(),
            sentence_words: HashSet::default(),
            clause_verbs: HashSet::default(),
            subordinators: HashSet::default(),
            nota_date_labels: Vec::new(),
            addressee_prefixes: Vec::new(),
            nota_words: HashSet::default(),
            file_extensions: HashSet::default(),
            date_word_shapes: Shapes::default(),
            nota_word_shapes: Shapes::default(),
        }
    }

    /// The vocabulary shipped with kantlijn (`src/decision/vocabulary.json`).
    pub fn builtin() -> Self {
        BUILTIN.clone()
    }

    /// A vocabulary made only of the given JSON (same shape as the built-in
    /// file; every section optional).
    pub fn from_json(json: &str) -> Result<Self, VocabularyError> {
        let mut vocabulary = Self::empty();
        vocabulary.merge_json(json)?;
        Ok(vocabulary)
    }

    /// Adds the entries of another vocabulary in JSON; an entry that is
    /// already present takes the new value. On error nothing is changed.
    pub fn merge_json(&mut self, json: &str) -> Result<(), VocabularyError> {
        let file: VocabularyFile =
            serde_json::from_str(json).map_err(|error| VocabularyError::Json {
                message: error.to_string(),
                line: error.line(),
                column: error.column(),
            })?;
        let mut merged = self.clone();
        merged.merge_file(file)?;
        *self = merged;
        Ok(())
    }

    /// Adds (or redefines) a verdict phrase: `add_verdict("uitstekend", Verdict::Approved)`.
    pub fn add_verdict(&mut self, phrase: &str, verdict: Verdict) -> Result<(), VocabularyError> {
        self.verdicts
            .upsert(verdict_phrase(phrase, verdict, "verdicts")?, verdict);
        Ok(())
    }

    /// Adds (or redefines) an actor and its title: `add_actor("DGSZ", "Directeur-generaal Sociale Zekerheid")`.
    pub fn add_actor(&mut self, actor: &str, title: &str) -> Result<(), VocabularyError> {
        let (phrase, value) = named(actor, title, "actors")?;
        self.actors.upsert(phrase, value);
        Ok(())
    }

    /// Adds (or redefines) a ministry code, which then combines with the role
    /// prefixes (`M`, `Min`, `S`, `Stas`, `Minister`, …): `add_ministry("VenJ",
    /// "Veiligheid en Justitie")` makes `MVenJ` a Minister van Veiligheid en Justitie.
    pub fn add_ministry(&mut self, code: &str, name: &str) -> Result<(), VocabularyError> {
        let (phrase, value) = named(code, name, "ministries")?;
        self.ministries.upsert(phrase, value);
        Ok(())
    }

    /// Adds (or redefines) a month name or abbreviation (`add_month("sept", 9)`).
    pub fn add_month(&mut self, name: &str, month: u32) -> Result<(), VocabularyError> {
        if !(1..=12).contains(&month) {
            return Err(VocabularyError::Month {
                name: name.to_owned(),
                month,
            });
        }
        let phrase = nonempty(name, "months")?;
        self.date_word_shapes.add(&phrase);
        self.months.insert(phrase, month);
        Ok(())
    }

    /// The verdict a whole phrase stands for (`"Niet akkoord"` → rejected).
    pub fn verdict_of(&self, phrase: &str) -> Option<Verdict> {
        let phrase = normalise(phrase);
        self.verdicts
            .iter()
            .find(|entry| entry.phrase == phrase)
            .map(|entry| entry.value)
    }

    /// The title of an actor as written (`"MWP"` → "Minister van Werk en
    /// Participatie", `"MinSZW"` → "Minister van Sociale Zaken en
    /// Werkgelegenheid"), when the vocabulary knows it.
    pub fn actor_title(&self, actor: &str) -> Option<String> {
        let key = normalise(actor);
        if let Some(entry) = self.actors.iter().find(|entry| entry.phrase == key) {
            return Some(entry.value.1.clone());
        }
        self.ministry_title(actor.trim())
    }

    /// The title of a role prefix joined to a ministry code (`MSZW`, `Stas
    /// BZK`, `Minister SZW`).
    pub(crate) fn ministry_title(&self, actor: &str) -> Option<String> {
        let lower = actor.to_lowercase();
        for role in self.ministry_roles.iter() {
            let Some(rest) = lower.strip_prefix(role.phrase.as_str()) else {
                continue;
            };
            let spaced = rest.starts_with(' ');
            let rest = rest.trim_start();
            let Some(ministry) = self.ministries.iter().find(|m| m.phrase == rest) else {
                continue;
            };
            // A one-letter role glued to a code (`MSZW`) must look like an
            // abbreviation, so ordinary words are not read as actors.
            if role.phrase.chars().count() == 1 && (spaced || uppercase_count(actor) < 2) {
                continue;
            }
            return Some(format!("{} {}", role.value, ministry.value.1));
        }
        None
    }

    /// Adds a file's entries; the phrase tables are settled once, after
    /// all of them.
    fn merge_file(&mut self, mut file: VocabularyFile) -> Result<(), VocabularyError> {
        for phrases in std::mem::take(&mut file.verdicts).into_values() {
            for (phrase, verdict) in phrases {
                self.verdicts
                    .add(verdict_phrase(&phrase, verdict, "verdicts")?, verdict);
            }
        }
        for (answer, verdict) in std::mem::take(&mut file.point_answers) {
            let phrase = verdict_phrase(&answer, verdict, "point_answers")?;
            self.point_answers.add(phrase, verdict);
        }
        for (actor, title) in std::mem::take(&mut file.actors) {
            let (phrase, value) = named(&actor, &title, "actors")?;
            self.actors.add(phrase, value);
        }
        for (role, title) in std::mem::take(&mut file.ministry_roles) {
            let phrase = nonempty(&role, "ministry_roles")?;
            self.ministry_roles.add(phrase, title.trim().to_owned());
        }
        for (code, name) in std::mem::take(&mut file.ministries) {
            let (phrase, value) = named(&code, &name, "ministries")?;
            self.ministries.add(phrase, value);
        }
        self.verdicts.settle();
        self.point_answers.settle();
        self.actors.settle();
        self.ministry_roles.settle();
        self.ministries.settle();
        for names in std::mem::take(&mut file.months).into_values() {
            for (name, month) in names {
                self.add_month(&name, month)?;
            }
        }
        self.merge_word_lists(file)
    }

    /// The word lists and sets of a vocabulary file, after its tables.
    fn merge_word_lists(&mut self, file: VocabularyFile) -> Result<(), VocabularyError> {
        extend_list(&mut self.option_words, file.option_words, "option_words")?;
        self.option_pieces = LazyPieces::default();
        extend_list(
            &mut self.option_lead_ins,
            file.option_lead_ins,
            "option_lead_ins",
        )?;
        extend_list(
            &mut self.remark_lead_ins,
            file.remark_lead_ins,
            "remark_lead_ins",
        )?;
        extend_list(
            &mut self.condition_lead_ins,
            file.condition_lead_ins,
            "condition_lead_ins",
        )?;
        extend_list(&mut self.conditions, file.conditions, "conditions")?;
        extend_set(&mut self.negations, file.negations, "negations")?;
        extend_list(&mut self.point_words, file.point_words, "point_words")?;
        extend_set(
            &mut self.addressee_links,
            file.addressee_links,
            "addressee_links",
        )?;
        extend_list(&mut self.option_links, file.option_links, "option_links")?;
        extend_list(&mut self.actor_links, file.actor_links, "actor_links")?;
        extend_list(&mut self.actor_labels, file.actor_labels, "actor_labels")?;
        extend_list(
            &mut self.sign_off_labels,
            file.sign_off_labels,
            "sign_off_labels",
        )?;
        extend_list(
            &mut self.discussed_with_links,
            file.discussed_with_links,
            "discussed_with_links",
        )?;
        extend_list(&mut self.date_lead_ins, file.date_lead_ins, "date_lead_ins")?;
        extend_list(
            &mut self.meeting_date_links,
            file.meeting_date_links,
            "meeting_date_links",
        )?;
        extend_list(
            &mut self.portfolio_links,
            file.portfolio_links,
            "portfolio_links",
        )?;
        extend_list(
            &mut self.portfolio_joiners,
            file.portfolio_joiners,
            "portfolio_joiners",
        )?;
        extend_list(&mut self.interjections, file.interjections, "interjections")?;
        extend_list(&mut self.request_words, file.request_words, "request_words")?;
        extend_set(&mut self.weak_verdicts, file.weak_verdicts, "weak_verdicts")?;
        extend_set(&mut self.meeting_words, file.meeting_words, "meeting_words")?;
        extend_set(
            &mut self.remark_date_links,
            file.remark_date_links,
            "remark_date_links",
        )?;
        extend_list(
            &mut self.nota_date_labels,
            file.nota_date_labels,
            "nota_date_labels",
        )?;
        extend_list(
            &mut self.addressee_prefixes,
            file.addressee_prefixes,
            "addressee_prefixes",
        )?;
        extend_set(&mut self.not_actors, file.not_actors, "not_actors")?;
        extend_set(&mut self.weekdays, file.weekdays, "weekdays")?;
        extend_set(
            &mut self.sentence_words,
            file.sentence_words,
            "sentence_words",
        )?;
        extend_set(&mut self.clause_verbs, file.clause_verbs, "clause_verbs")?;
        extend_set(&mut self.subordinators, file.subordinators, "subordinators")?;
        extend_set(&mut self.nota_words, file.nota_words, "nota_words")?;
        extend_set(
            &mut self.file_extensions,
            file.file_extensions,
            "file_extensions",
        )?;
        self.date_word_shapes = Shapes::of(self.months.keys().chain(&self.weekdays));
        self.nota_word_shapes = Shapes::of(&self.nota_words);
        Ok(())
    }

    pub(crate) fn verdicts(&self) -> &Phrases<Verdict> {
        &self.verdicts
    }

    /// Whether a verdict phrase, or an answer to a point, could match
    /// anywhere in `text` (see [`Phrases::may_occur_in`]); `false` rules
    /// out a stamp. Points are numbered, so answers to them are looked for
    /// only in a text with a digit.
    pub(crate) fn may_hold_verdict(&self, text: &str) -> bool {
        self.verdicts.may_occur_in(text)
            || (text.bytes().any(|b| b.is_ascii_digit()) && self.point_answers.may_occur_in(text))
    }

    /// Whether an option word could match anywhere in `text` (see
    /// [`Phrases::may_occur_in`]); `false`, with [`Vocabulary::may_hold_verdict`]
    /// `false`, rules out a decision in a comment: it has a verdict or an
    /// option ("Optie 2").
    pub(crate) fn may_hold_option(&self, text: &str) -> bool {
        self.option_pieces
            .of(self.option_words.iter().map(String::as_str))
            .may_occur_in(text)
    }

    /// The vocabulary with nothing ruled out by [`Vocabulary::may_hold_verdict`]
    /// or [`Vocabulary::may_hold_option`], to hold a reading with it to one
    /// without.
    #[cfg(test)]
    pub(crate) fn without_pieces(&self) -> Self {
        let mut all = self.clone();
        all.verdicts.pieces = LazyPieces::ruling_out_nothing();
        all.point_answers.pieces = LazyPieces::ruling_out_nothing();
        all.option_pieces = LazyPieces::ruling_out_nothing();
        all
    }

    pub(crate) fn option_words(&self) -> &[String] {
        &self.option_words
    }

    pub(crate) fn option_lead_ins(&self) -> &[String] {
        &self.option_lead_ins
    }

    pub(crate) fn remark_lead_ins(&self) -> &[String] {
        &self.remark_lead_ins
    }

    pub(crate) fn condition_lead_ins(&self) -> &[String] {
        &self.condition_lead_ins
    }

    pub(crate) fn conditions(&self) -> &[String] {
        &self.conditions
    }

    pub(crate) fn is_negation(&self, word: &str) -> bool {
        with_lower(word, |lower| self.negations.contains(lower))
    }

    pub(crate) fn point_words(&self) -> &[String] {
        &self.point_words
    }

    pub(crate) fn point_answers(&self) -> &[Entry<Verdict>] {
        &self.point_answers
    }

    pub(crate) fn is_addressee_link(&self, word: &str) -> bool {
        with_lower(word, |lower| self.addressee_links.contains(lower))
    }

    pub(crate) fn option_links(&self) -> &[String] {
        &self.option_links
    }

    pub(crate) fn actor_links(&self) -> &[String] {
        &self.actor_links
    }

    pub(crate) fn actor_labels(&self) -> &[String] {
        &self.actor_labels
    }

    pub(crate) fn sign_off_labels(&self) -> &[String] {
        &self.sign_off_labels
    }

    pub(crate) fn discussed_with_links(&self) -> &[String] {
        &self.discussed_with_links
    }

    pub(crate) fn date_lead_ins(&self) -> &[String] {
        &self.date_lead_ins
    }

    /// Whether a verdict phrase, already normalised (a vocabulary entry's),
    /// is weak.
    pub(crate) fn is_weak_phrase(&self, normalised: &str) -> bool {
        self.weak_verdicts.contains(normalised)
    }

    pub(crate) fn interjections(&self) -> &[String] {
        &self.interjections
    }

    pub(crate) fn request_words(&self) -> &[String] {
        &self.request_words
    }

    pub(crate) fn is_meeting_word(&self, word: &str) -> bool {
        with_lower(word, |lower| self.meeting_words.contains(lower))
    }

    pub(crate) fn is_remark_date_link(&self, word: &str) -> bool {
        with_lower(word, |lower| self.remark_date_links.contains(lower))
    }

    pub(crate) fn meeting_date_links(&self) -> &[String] {
        &self.meeting_date_links
    }

    pub(crate) fn portfolio_links(&self) -> &[String] {
        &self.portfolio_links
    }

    pub(crate) fn portfolio_joiners(&self) -> &[String] {
        &self.portfolio_joiners
    }

    /// The role prefix's title for a ministry ("Stas" → "Staatssecretaris
    /// van"), when the vocabulary has one.
    pub(crate) fn ministry_role(&self, role: &str) -> Option<&str> {
        let key = normalise(role);
        self.ministry_roles
            .iter()
            .find(|entry| entry.phrase == key)
            .map(|entry| entry.value.as_str())
    }

    /// A ministry's name as the vocabulary spells it, found by its name
    /// ("financiën" → "Financiën") or its code ("SZW" → "Sociale Zaken en
    /// Werkgelegenheid").
    pub(crate) fn ministry_name(&self, name_or_code: &str) -> Option<&str> {
        let key = normalise(name_or_code);
        self.ministries
            .iter()
            .find(|entry| entry.phrase == key || normalises_to(&entry.value.1, &key))
            .map(|entry| entry.value.1.as_str())
    }

    pub(crate) fn actors(&self) -> &Phrases<(String, String)> {
        &self.actors
    }

    pub(crate) fn ministries(&self) -> &[Entry<(String, String)>] {
        &self.ministries
    }

    pub(crate) fn is_not_actor(&self, word: &str) -> bool {
        with_lower(word, |lower| self.not_actors.contains(lower))
    }

    pub(crate) fn month(&self, name: &str) -> Option<u32> {
        if !self.date_word_shapes.may_hold(name) {
            return None;
        }
        with_lower(name, |lower| self.months.get(lower).copied())
    }

    pub(crate) fn is_weekday(&self, word: &str) -> bool {
        self.date_word_shapes.may_hold(word)
            && with_lower(word, |lower| self.weekdays.contains(lower))
    }

    /// Whether `word` names a month or a weekday: [`Vocabulary::month`]
    /// and [`Vocabulary::is_weekday`] with the word lowered once, as the
    /// first word of nearly every page line is asked.
    pub(crate) fn is_month_or_weekday(&self, word: &str) -> bool {
        self.date_word_shapes.may_hold(word)
            && with_lower(word, |lower| {
                self.months.contains_key(lower) || self.weekdays.contains(lower)
            })
    }

    pub(crate) fn is_sentence_word(&self, word: &str) -> bool {
        with_lower(word, |lower| self.sentence_words.contains(lower))
    }

    pub(crate) fn is_clause_verb(&self, word: &str) -> bool {
        with_lower(word, |lower| self.clause_verbs.contains(lower))
    }

    pub(crate) fn is_subordinator(&self, word: &str) -> bool {
        with_lower(word, |lower| self.subordinators.contains(lower))
    }

    pub(crate) fn nota_date_labels(&self) -> &[String] {
        &self.nota_date_labels
    }

    pub(crate) fn addressee_prefixes(&self) -> &[String] {
        &self.addressee_prefixes
    }

    pub(crate) fn is_nota_word(&self, word: &str) -> bool {
        // A whole line is asked about: nearly every one is ruled out by its
        // shape before it is lowered.
        self.nota_word_shapes.may_hold(word)
            && with_lower(word, |lower| self.nota_words.contains(lower))
    }

    pub(crate) fn is_file_extension(&self, extension: &str) -> bool {
        with_lower(extension, |lower| self.file_extensions.contains(lower))
    }
}

/// Longest ASCII word [`with_lower`] lowers without a copy on the heap.
const MAX_STACK_WORD: usize = 128;

/// Calls `look` with `word` in lower case: for a short ASCII word lowered
/// in a buffer on the stack, as each page line looked up is.
fn with_lower<R>(word: &str, look: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0_u8; MAX_STACK_WORD];
    if word.is_ascii()
        && let Some(lower) = buffer.get_mut(..word.len())
    {
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(lower) {
            return look(lower);
        }
    }
    look(&word.to_lowercase())
}

/// Lower case, trimmed, white space runs collapsed to one space.
pub(crate) fn normalise(phrase: &str) -> String {
    phrase
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether [`normalise`] turns `text` into `key`, without building it (the
/// recogniser asks this of every ministry for many words of a page).
fn normalises_to(text: &str, key: &str) -> bool {
    let mut want = key.chars();
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 && want.next() != Some(' ') {
            return false;
        }
        if !word
            .chars()
            .flat_map(char::to_lowercase)
            .all(|c| want.next() == Some(c))
        {
            return false;
        }
    }
    want.next().is_none()
}

fn uppercase_count(text: &str) -> usize {
    text.chars().filter(char::is_ascii_uppercase).count()
}

/// A verdict's phrase (or a point's answer), normalised; an option is not
/// a verdict a phrase can stand for alone.
fn verdict_phrase(
    phrase: &str,
    verdict: Verdict,
    section: &'static str,
) -> Result<String, VocabularyError> {
    if verdict == Verdict::Option {
        return Err(VocabularyError::OptionVerdict {
            phrase: phrase.to_owned(),
        });
    }
    nonempty(phrase, section)
}

/// A name's phrase, normalised, and the name and what it stands for as
/// the table writes them (an actor and its title, a ministry code and its
/// name).
fn named(
    name: &str,
    meaning: &str,
    section: &'static str,
) -> Result<(String, (String, String)), VocabularyError> {
    let phrase = nonempty(name, section)?;
    Ok((phrase, (name.trim().to_owned(), meaning.trim().to_owned())))
}

fn nonempty(phrase: &str, section: &'static str) -> Result<String, VocabularyError> {
    let phrase = normalise(phrase);
    if phrase.is_empty() {
        Err(VocabularyError::Empty { section })
    } else {
        Ok(phrase)
    }
}

/// The order phrases are tried in: longest first, so that the matcher
/// tries `niet akkoord` before `akkoord`, then alphabetical.
fn tried_first(a: &str, b: &str) -> std::cmp::Ordering {
    b.chars()
        .count()
        .cmp(&a.chars().count())
        .then_with(|| a.cmp(b))
}

/// Adds the phrases a list does not have yet, keeping it in the order
/// they are tried ([`tried_first`]).
fn extend_list(
    list: &mut Vec<String>,
    new: Vec<String>,
    section: &'static str,
) -> Result<(), VocabularyError> {
    for phrase in new {
        let phrase = nonempty(&phrase, section)?;
        if !list.contains(&phrase) {
            list.push(phrase);
        }
    }
    list.sort_by(|a, b| tried_first(a, b));
    Ok(())
}

fn extend_set(
    set: &mut HashSet<String>,
    new: Vec<String>,
    section: &'static str,
) -> Result<(), VocabularyError> {
    for phrase in new {
        set.insert(nonempty(&phrase, section)?);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_are_what_a_match_holds_as_it_is() {
        assert_eq!(pieces("akkoord"), ["akkoord"]);
        assert_eq!(pieces("niet akkoord"), ["niet", "akkoord"]);
        // White space may follow a full stop inside a phrase ("N. Akk.").
        assert_eq!(pieces("n.akk."), ["n.", "akk."]);
        assert_eq!(pieces("s.v.p. bespreken"), ["s.", "v.", "p.", "bespreken"]);
        // `'` also matches `’`; other characters than ASCII, their
        // own lower and upper case.
        assert_eq!(pieces("d'accord"), ["d", "accord"]);
        assert_eq!(pieces("oké"), ["ok"]);
        assert_eq!(pieces("zurückgestellt"), ["zur", "ckgestellt"]);
        assert!(pieces("✓").is_empty());
    }

    #[test]
    fn a_verdict_is_looked_for_by_its_pieces() {
        let vocabulary = Vocabulary::builtin();
        for text in [
            "MWP akkoord 8/6",
            "MWP AKKOORD 8/6",
            "N. Akk. SG 3/4",
            "d’accord",
            // The Kelvin sign's lower case is `k`.
            "MWP a\u{212A}\u{212A}oord",
            "1. ja 2. nee",
        ] {
            assert!(vocabulary.may_hold_verdict(text), "{text:?}");
        }
        for text in [
            "Sociaal Domein, met het oog op verzending aan de Raad van State.",
            "Pagina 1 van 2",
            // An answer to a point needs a number.
            "ja",
        ] {
            assert!(!vocabulary.may_hold_verdict(text), "{text:?}");
        }
        // `'` in a phrase also matches `’`; a phrase added after a text
        // was checked is looked for too.
        let mut typed = Vocabulary::builtin();
        assert!(!typed.may_hold_verdict("MWP top’pie 8/6"));
        typed.add_verdict("top'pie", Verdict::Approved).unwrap();
        assert!(typed.may_hold_verdict("MWP top’pie 8/6"));
        // A phrase with no piece rules nothing out.
        let mut odd = Vocabulary::builtin();
        odd.add_verdict("✓", Verdict::Approved).unwrap();
        assert!(odd.may_hold_verdict("Pagina 1 van 2"));
        assert!(
            Vocabulary::builtin()
                .without_pieces()
                .verdicts
                .pieces
                .0
                .get()
                .is_some_and(|pieces| pieces.search.is_none())
        );
    }

    /// Phrases added in one batch and settled once are what adding them
    /// one by one gives: each phrase once, with the last value given it,
    /// longest first and alphabetical within a length, and indexed alike.
    #[test]
    fn settling_once_is_settling_after_each() {
        let given = [
            ("mwp", 1),
            ("akkoord", 2),
            ("niet akkoord", 3),
            ("mwp", 4),
            ("ábc", 5),
            ("b", 6),
            ("akkoord", 7),
            ("a", 8),
        ];
        let mut one_by_one = Phrases::default();
        let mut batch = Phrases::default();
        for (phrase, value) in given {
            one_by_one.upsert(phrase.to_owned(), value);
            batch.add(phrase.to_owned(), value);
        }
        batch.settle();
        assert_eq!(batch, one_by_one);
        let order: Vec<(&str, i32)> = batch
            .iter()
            .map(|entry| (entry.phrase.as_str(), entry.value))
            .collect();
        assert_eq!(
            order,
            [
                ("niet akkoord", 3),
                ("akkoord", 7),
                ("mwp", 4),
                ("ábc", 5),
                ("a", 8),
                ("b", 6),
            ]
        );
        let at = |text: &str| batch.at(text).map(|e| e.value).collect::<Vec<_>>();
        assert_eq!(at("akkoord"), [7, 8]);
        assert_eq!(at("Niet"), [3]);
        // A non-ASCII first character is tried against every phrase.
        assert_eq!(at("é"), [3, 7, 4, 5, 8, 6]);
    }

    #[test]
    fn builtin_parses() {
        let parsed = Vocabulary::from_json(BUILTIN_JSON).unwrap();
        assert_eq!(parsed, Vocabulary::builtin());
        assert_eq!(parsed.verdict_of("akkoord"), Some(Verdict::Approved));
    }

    #[test]
    fn longest_phrase_first() {
        let vocabulary = Vocabulary::builtin();
        let akkoord = vocabulary
            .verdicts()
            .iter()
            .position(|e| e.phrase == "akkoord")
            .unwrap();
        let niet = vocabulary
            .verdicts()
            .iter()
            .position(|e| e.phrase == "niet akkoord")
            .unwrap();
        assert!(niet < akkoord);
    }

    #[test]
    fn verdict_lookup_ignores_case_and_spacing() {
        let vocabulary = Vocabulary::builtin();
        assert_eq!(
            vocabulary.verdict_of("Niet  Akkoord"),
            Some(Verdict::Rejected)
        );
        assert_eq!(
            vocabulary.verdict_of("Graag bespreken"),
            Some(Verdict::ToDiscuss)
        );
        assert_eq!(vocabulary.verdict_of("v.k.a."), Some(Verdict::Noted));
        assert_eq!(vocabulary.verdict_of("misschien"), None);
    }

    #[test]
    fn actor_titles() {
        let vocabulary = Vocabulary::builtin();
        let title = |actor: &str| vocabulary.actor_title(actor);
        for (actor, expected) in [
            ("MWP", "Minister van Werk en Participatie"),
            ("Stas", "Staatssecretaris"),
            ("pSG", "Plaatsvervangend secretaris-generaal"),
            ("MSZW", "Minister van Sociale Zaken en Werkgelegenheid"),
            ("MinSZW", "Minister van Sociale Zaken en Werkgelegenheid"),
            (
                "SBZK",
                "Staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties",
            ),
            (
                "Stas SZW",
                "Staatssecretaris van Sociale Zaken en Werkgelegenheid",
            ),
            ("MIenW", "Minister van Infrastructuur en Waterstaat"),
        ] {
            assert_eq!(title(actor).as_deref(), Some(expected), "{actor}");
        }
        // A one-letter role must be glued to an abbreviation-like code.
        assert_eq!(title("Mez"), None);
        assert_eq!(title("M SZW"), None);
        assert_eq!(title("XYZ"), None);
    }

    /// A line is a nota word exactly when its lower case is one, whatever
    /// it is ruled out by first.
    #[test]
    fn nota_words_are_whole_lines_in_any_case() {
        let vocabulary = Vocabulary::builtin();
        let long = "𝐍".repeat(10);
        let lines = [
            "nota",
            "Beslisnota",
            "NOTITIE",
            "Memo",
            "nota ",
            "notas",
            "Nota aan de Minister",
            "BESLİSNOTA",
            "ΝΟΤΑ",
            "",
            long.as_str(),
            &"beslisnota".repeat(5),
        ];
        for line in lines {
            let expected = vocabulary.nota_words.contains(&line.to_lowercase());
            assert_eq!(vocabulary.is_nota_word(line), expected, "{line:?}");
        }
        assert!(vocabulary.is_nota_word("Beslisnota"));
    }

    #[test]
    fn shapes_rule_out_no_word_of_their_set() {
        // Words of every kind the shapes tell apart: ASCII and not, one
        // that lowers to more bytes ("İ"), and longer than 31 bytes.
        let mut vocabulary = Vocabulary::from_json(
            r#"{"weekdays": ["dienstag", "sonnabend"],
                "nota_words": ["note", "mémoire", "i̇ndex"]}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        for (name, month) in [
            ("märz", 3),
            ("sept", 9),
            ("septembre-de-l-an-deux-mille-vingt", 9),
        ] {
            vocabulary
                .add_month(name, month)
                .unwrap_or_else(|e| panic!("{e}"));
        }
        let cased = |word: &str| {
            let mut initial = word.chars();
            let capital: String = initial
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .collect();
            [
                word.to_owned(),
                word.to_uppercase(),
                capital + initial.as_str(),
            ]
        };
        for (name, month) in &vocabulary.months {
            for written in cased(name) {
                assert_eq!(vocabulary.month(&written), Some(*month), "{written:?}");
                assert!(vocabulary.is_month_or_weekday(&written), "{written:?}");
            }
        }
        for day in &vocabulary.weekdays {
            for written in cased(day) {
                assert!(vocabulary.is_weekday(&written), "{written:?}");
            }
        }
        for word in &vocabulary.nota_words {
            for written in cased(word) {
                assert!(vocabulary.is_nota_word(&written), "{written:?}");
            }
        }
        assert!(vocabulary.is_nota_word("İNDEX"));
        for word in ["Mär", "septembers", "dienstagabend", "mémoires"] {
            assert!(!vocabulary.is_month_or_weekday(word), "{word:?}");
            assert!(!vocabulary.is_nota_word(word), "{word:?}");
        }
        // Ruled out by shape alone: no name starts with a "b", and no nota
        // word has five letters.
        assert!(!vocabulary.date_word_shapes.may_hold("Begroting"));
        assert!(!vocabulary.nota_word_shapes.may_hold("NOTES"));
    }

    #[test]
    fn weak_verdicts_and_interjections() {
        let builtin = Vocabulary::builtin();
        assert!(builtin.is_weak_phrase(&normalise("OK")));
        assert!(builtin.is_weak_phrase(&normalise("prima")));
        assert!(!builtin.is_weak_phrase(&normalise("akkoord")));
        let vocabulary = Vocabulary::from_json(
            r#"{"verdicts": {"nl": {"top": "approved"}}, "weak_verdicts": ["Top"],
                "interjections": ["hoi"]}"#,
        )
        .unwrap();
        assert!(vocabulary.is_weak_phrase(&normalise("top")));
        assert_eq!(vocabulary.interjections(), ["hoi"]);
    }

    #[test]
    fn ministry_names_and_roles() {
        let vocabulary = Vocabulary::builtin();
        assert_eq!(vocabulary.ministry_name("financiën"), Some("Financiën"));
        assert_eq!(
            vocabulary.ministry_name("SZW"),
            Some("Sociale Zaken en Werkgelegenheid")
        );
        assert_eq!(
            vocabulary.ministry_name("Sociale  zaken en\nWerkgelegenheid"),
            Some("Sociale Zaken en Werkgelegenheid")
        );
        assert_eq!(vocabulary.ministry_name("Sociale Zaken"), None);
        assert_eq!(vocabulary.ministry_name("Jansen"), None);
        assert_eq!(
            vocabulary.ministry_role("Stas"),
            Some("Staatssecretaris van")
        );
        assert_eq!(vocabulary.ministry_role("DG"), None);
    }

    #[test]
    fn meeting_words_and_portfolio_links() {
        let vocabulary = Vocabulary::builtin();
        assert!(vocabulary.is_meeting_word("Beleidsstaf"));
        assert!(!vocabulary.is_meeting_word("brief"));
        assert!(vocabulary.portfolio_links().iter().any(|l| l == "voor"));
        assert!(vocabulary.portfolio_joiners().iter().any(|j| j == "&"));
        assert!(vocabulary.is_not_actor("CDA"));
    }

    #[test]
    fn merge_json_adds_and_overrides() {
        let mut vocabulary = Vocabulary::builtin();
        vocabulary
            .merge_json(
                r#"{"verdicts": {"nl": {"uitstekend": "approved", "ok": "noted"}},
                    "actors": {"DGSZ": "Directeur-generaal Sociale Zekerheid"},
                    "months": {"nl": {"sptmbr": 9}}}"#,
            )
            .unwrap();
        assert_eq!(vocabulary.verdict_of("uitstekend"), Some(Verdict::Approved));
        assert_eq!(vocabulary.verdict_of("ok"), Some(Verdict::Noted));
        assert_eq!(vocabulary.month("Sptmbr"), Some(9));
        assert_eq!(
            vocabulary.actor_title("DGSZ").as_deref(),
            Some("Directeur-generaal Sociale Zekerheid")
        );
        // Nothing else was lost.
        assert_eq!(vocabulary.verdict_of("besproken"), Some(Verdict::Discussed));
    }

    #[test]
    fn add_entries_in_code() {
        let mut vocabulary = Vocabulary::from_json("{}").unwrap();
        assert_eq!(vocabulary.verdict_of("akkoord"), None);
        vocabulary
            .add_verdict("Akkoord", Verdict::Approved)
            .unwrap();
        vocabulary
            .add_ministry("VenJ", "Veiligheid en Justitie")
            .unwrap();
        vocabulary
            .merge_json(r#"{"ministry_roles": {"M": "Minister van"}}"#)
            .unwrap();
        assert_eq!(vocabulary.verdict_of("akkoord"), Some(Verdict::Approved));
        assert_eq!(
            vocabulary.actor_title("MVenJ").as_deref(),
            Some("Minister van Veiligheid en Justitie")
        );
    }

    #[test]
    fn unknown_section_is_an_error() {
        let error = Vocabulary::from_json(r#"{"verdict": {}}"#).unwrap_err();
        assert!(
            matches!(error, VocabularyError::Json { line: 1, .. }),
            "{error}"
        );
        assert!(
            error.to_string().contains("unknown field `verdict`"),
            "{error}"
        );
    }

    #[test]
    fn unknown_verdict_code_is_an_error() {
        let error =
            Vocabulary::from_json(r#"{"verdicts": {"nl": {"uitstekend": "fine"}}}"#).unwrap_err();
        assert!(matches!(error, VocabularyError::Json { .. }));
    }

    #[test]
    fn bad_month_leaves_vocabulary_unchanged() {
        let mut vocabulary = Vocabulary::builtin();
        let error = vocabulary
            .merge_json(
                r#"{"verdicts": {"nl": {"uitstekend": "approved"}}, "months": {"nl": {"x": 13}}}"#,
            )
            .unwrap_err();
        assert!(matches!(error, VocabularyError::Month { month: 13, .. }));
        assert_eq!(vocabulary.verdict_of("uitstekend"), None);
    }

    #[test]
    fn option_is_not_a_verdict_phrase() {
        let error =
            Vocabulary::from_json(r#"{"verdicts": {"nl": {"keuze": "option"}}}"#).unwrap_err();
        assert!(matches!(error, VocabularyError::OptionVerdict { .. }));
        let error = Vocabulary::from_json(r#"{"point_answers": {"keuze": "option"}}"#).unwrap_err();
        assert!(
            matches!(error, VocabularyError::OptionVerdict { ref phrase } if phrase == "keuze")
        );
    }

    #[test]
    fn empty_phrase_is_an_error() {
        let error = Vocabulary::from_json(r#"{"actors": {" ": "Niemand"}}"#).unwrap_err();
        assert!(matches!(
            error,
            VocabularyError::Empty { section: "actors" }
        ));
    }
}
