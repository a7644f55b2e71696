//! The recogniser held to the cases of `cases.jsonl` (its format is
//! described at the top of that file), and to inputs too large to write
//! there.

use serde_json::{Map, Value, json};

use super::*;

const CASES: &str = include_str!("cases.jsonl");

/// The fields a case may check, as the recogniser found them.
fn fields(found: &Recognised) -> Map<String, Value> {
    let date = found.date.map(|date| match date.year {
        Some(year) => format!("{year:04}-{:02}-{:02}", date.month, date.day),
        None => format!("--{:02}-{:02}", date.month, date.day),
    });
    let record = json!({
        "verdict": found.verdict,
        "verdict_text": found.verdict_text,
        "actor": found.actor,
        "actor_title": found.actor_title,
        "date": date,
        "date_text": found.date_text,
        "option": found.option,
        "point": found.point,
        "remark": found.remark,
        "conditional": found.conditional,
    });
    match record {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// What is wrong with one decision, if anything.
fn mismatch(found: &Recognised, expected: &Map<String, Value>) -> Option<String> {
    let actual = fields(found);
    let wrong: Vec<String> = expected
        .iter()
        .filter_map(|(key, want)| match actual.get(key) {
            None => Some(format!("unknown field {key:?}")),
            Some(got) if got != want => Some(format!("{key}: {got} (expected {want})")),
            Some(_) => None,
        })
        .collect();
    (!wrong.is_empty()).then(|| wrong.join("; "))
}

/// What is wrong with one case in one mode, if anything: `expected` is one
/// decision's fields (a null verdict for none) or, under "decisions", a
/// list of them, one per decision in order.
fn check(text: &str, mode: Mode, expected: &Map<String, Value>) -> Option<String> {
    let found = recognise(text, mode, &Vocabulary::builtin());
    let wanted: Vec<Map<String, Value>> = match expected.get("decisions") {
        Some(Value::Array(list)) => list
            .iter()
            .map(|item| item.as_object().cloned().unwrap_or_default())
            .collect(),
        _ if expected.get("verdict") == Some(&Value::Null) => Vec::new(),
        _ => vec![expected.clone()],
    };
    if found.len() != wanted.len() {
        return Some(format!(
            "{} decisions, expected {}: {found:?}",
            found.len(),
            wanted.len()
        ));
    }
    let wrong: Vec<String> = found
        .iter()
        .zip(&wanted)
        .enumerate()
        .filter_map(|(i, (found, want))| mismatch(found, want).map(|m| format!("#{i}: {m}")))
        .collect();
    (!wrong.is_empty()).then(|| wrong.join("; "))
}

#[test]
fn cases() {
    let known = recognise("akkoord", Mode::Comment, &Vocabulary::builtin())
        .first()
        .map(fields)
        .unwrap_or_default();
    let mut failures = Vec::new();
    let mut count = 0;
    for (index, line) in CASES.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = format!("cases.jsonl:{}", index + 1);
        let mut case: Map<String, Value> = serde_json::from_str(line)
            .unwrap_or_else(|error| panic!("{at}: not a JSON object: {error}"));
        let Some(Value::String(text)) = case.remove("text") else {
            panic!("{at}: no \"text\"");
        };
        let modes = match case.remove("mode").as_ref().and_then(Value::as_str) {
            None | Some("both") => vec![Mode::Comment, Mode::Stamp],
            Some("comment") => vec![Mode::Comment],
            Some("stamp") => vec![Mode::Stamp],
            Some(other) => panic!("{at}: unknown mode {other:?}"),
        };
        assert!(
            case.contains_key("verdict") || case.contains_key("decisions"),
            "{at}: every case says its verdict (null for none) or its decisions"
        );
        let listed: Vec<String> = match case.get("decisions") {
            Some(Value::Array(list)) => list
                .iter()
                .filter_map(Value::as_object)
                .flat_map(|item| item.keys().cloned())
                .collect(),
            _ => Vec::new(),
        };
        let unknown: Vec<&String> = case
            .keys()
            .chain(&listed)
            .filter(|key| *key != "decisions" && !known.contains_key(*key))
            .collect();
        assert!(unknown.is_empty(), "{at}: unknown fields {unknown:?}");
        for mode in modes {
            count += 1;
            if let Some(problem) = check(&text, mode, &case) {
                failures.push(format!("{at} {mode:?} {text:?}: {problem}"));
            }
        }
    }
    assert!(count > 300, "only {count} cases read");
    assert!(
        failures.is_empty(),
        "{} of {count} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every case's text, and variants of it: the filter of
/// `recognise_in_order` must not change what any of them reads as, as a
/// stamp or as a comment.
#[test]
fn ruling_out_texts_changes_no_reading() {
    let filtered = Vocabulary::builtin();
    let all = filtered.without_pieces();
    let texts: Vec<String> = CASES
        .lines()
        .filter_map(|line| serde_json::from_str::<Map<String, Value>>(line).ok())
        .filter_map(|case| case.get("text")?.as_str().map(str::to_owned))
        .chain(
            // The lines short enough to be stamps.
            include_str!("../../../fixtures/beslisnota-flattened.txt")
                .lines()
                .chain(include_str!("../../../fixtures/notas-bundel.txt").lines())
                .filter(|line| line.len() <= 80)
                .map(str::to_owned),
        )
        // A stamp of every verdict phrase and every answer to a point.
        .chain(
            filtered
                .verdicts()
                .iter()
                .map(|entry| format!("MWP {} 8/6", entry.phrase)),
        )
        .chain(
            filtered
                .point_answers()
                .iter()
                .map(|entry| format!("1. {} 2. akkoord MWP 8/6", entry.phrase)),
        )
        // A choice of every option word.
        .chain(filtered.option_words().iter().flat_map(|word| {
            [
                format!("{word} 2; meer draagvlak"),
                format!("MWP: {word} B"),
            ]
        }))
        .collect();
    let variants = |text: &str| {
        [
            text.to_owned(),
            text.to_uppercase(),
            text.replace('k', "\u{212A}"),
            text.replace('\'', "’"),
            text.replace('.', ". "),
            format!("8/6 {text}"),
            format!("1. {text} 2. {text}"),
            format!("MWP: {text}"),
        ]
    };
    let (mut read, mut ruled_out, mut options) = (0, 0, 0);
    for text in &texts {
        for variant in variants(text) {
            for mode in [Mode::Stamp, Mode::Comment] {
                let found = recognise(&variant, mode, &filtered);
                assert_eq!(
                    found,
                    recognise(&variant, mode, &all),
                    "{mode:?} {variant:?}"
                );
                read += usize::from(!found.is_empty());
                options += found
                    .iter()
                    .filter(|r| r.verdict == Verdict::Option)
                    .count();
            }
            let body = variant.trim();
            ruled_out +=
                usize::from(!filtered.may_hold_verdict(body) && !filtered.may_hold_option(body));
        }
    }
    // The texts hold stamps, comments and options, and lines that nothing
    // could match.
    assert!(
        read > 1000 && ruled_out > 500 && options > 50,
        "{read} read, {ruled_out} ruled out, {options} options"
    );
}

#[test]
fn hostile_text() {
    let vocabulary = Vocabulary::builtin();
    let long = "akkoord ".repeat(10_000);
    assert!(recognise(&long, Mode::Comment, &vocabulary).is_empty());
    let long = format!("MWP akkoord 8/6 {}", "nogmaals ".repeat(10_000));
    assert!(recognise(&long, Mode::Comment, &vocabulary).is_empty());
    assert!(recognise(&long, Mode::Stamp, &vocabulary).is_empty());
    let points: String = (1..=200).map(|n| format!("{n}. akkoord ")).collect();
    assert!(recognise(&points, Mode::Comment, &vocabulary).is_empty());
    // Each clause after a discussion is read once: read again from each
    // of its own clauses, this text would take 2^40 readings.
    let discussions = format!("{}akkoord", "MWP besproken 8/6, ".repeat(40));
    let found = recognise(&discussions, Mode::Comment, &vocabulary);
    assert!(
        found.iter().all(|d| d.verdict == Verdict::Discussed),
        "{found:?}"
    );
    let form = format!("☒ akkoord {}", "☐ x ".repeat(5_000));
    assert_eq!(recognise(&form, Mode::Comment, &vocabulary).len(), 1);
}

/// The phrases a place in a text is tried against are, in order, every
/// verdict and actor phrase that matches there: the index by first letter
/// leaves none out, whatever the first character's case or script.
#[test]
fn phrases_tried_at_a_place_are_all_that_match() {
    let mut vocabulary = Vocabulary::builtin();
    // A phrase opening with a typographic apostrophe, one with a capital
    // and one with a non-ASCII letter, besides the built-in ones.
    vocabulary
        .add_verdict("’t is goed", Verdict::Approved)
        .unwrap();
    vocabulary.add_verdict("ÉÉN KEER", Verdict::Noted).unwrap();
    vocabulary.add_actor("Ørsted", "Een ander").unwrap();
    let texts = [
        "akkoord",
        "Akkoord MWP",
        "AKKOORD",
        "niet akkoord",
        "N. akk. 8/6",
        "MWP akkoord",
        "mwp: akkoord",
        "'t is goed",
        "’t is goed",
        "‘t is goed",
        "één keer",
        "ÉÉN KEER",
        "ørsted",
        "Ørsted akkoord",
        "8/6 akkoord",
        "-",
        "",
        " akkoord",
        "Zurückgestellt",
        "approuvé",
        "Kelvin \u{212A}",
        "\u{212A}",
    ];
    // The phrases of `entries` that match at the start of `text`.
    fn matching<'e, T: 'e>(
        entries: impl Iterator<Item = &'e crate::decision::vocabulary::Entry<T>>,
        text: &str,
    ) -> Vec<&'e str> {
        entries
            .filter(|entry| cursor::match_phrase(text, &entry.phrase).is_some())
            .map(|entry| entry.phrase.as_str())
            .collect()
    }
    for text in texts {
        let verdicts = vocabulary.verdicts();
        let actors = vocabulary.actors();
        let (all, tried) = (
            matching(verdicts.iter(), text),
            matching(verdicts.at(text), text),
        );
        assert_eq!(tried, all, "verdicts at {text:?}");
        let (all, tried) = (
            matching(actors.iter(), text),
            matching(actors.at(text), text),
        );
        assert_eq!(tried, all, "actors at {text:?}");
    }
    // The index rules phrases out: "akkoord" is not tried against "niet …".
    assert!(
        vocabulary
            .verdicts()
            .at("akkoord")
            .all(|entry| entry.phrase.starts_with('a'))
    );
    assert!(vocabulary.verdicts().at("akkoord").count() < vocabulary.verdicts().len());
}
