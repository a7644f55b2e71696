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
        "remark": found.remark,
    });
    match record {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// What is wrong with one case in one mode, if anything.
fn check(text: &str, mode: Mode, expected: &Map<String, Value>) -> Option<String> {
    let found = recognise(text, mode, &Vocabulary::builtin());
    let wants_none = expected.get("verdict") == Some(&Value::Null);
    match (found, wants_none) {
        (None, true) => None,
        (Some(found), true) => Some(format!("a decision, but none was expected: {found:?}")),
        (None, false) => Some("no decision".to_owned()),
        (Some(found), false) => {
            let actual = fields(&found);
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
    }
}

#[test]
fn cases() {
    let known = recognise("akkoord", Mode::Comment, &Vocabulary::builtin())
        .map(|found| fields(&found))
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
            case.contains_key("verdict"),
            "{at}: every case says its verdict (null for none)"
        );
        let unknown: Vec<&String> = case
            .keys()
            .filter(|key| !known.contains_key(*key))
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

#[test]
fn hostile_text() {
    let vocabulary = Vocabulary::builtin();
    let long = "akkoord ".repeat(10_000);
    assert!(recognise(&long, Mode::Comment, &vocabulary).is_none());
    let long = format!("MWP akkoord 8/6 {}", "nogmaals ".repeat(10_000));
    assert!(recognise(&long, Mode::Comment, &vocabulary).is_none());
    assert!(recognise(&long, Mode::Stamp, &vocabulary).is_none());
}
