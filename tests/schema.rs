//! The report's JSON Schema: the checked-in `schema/report-v1.json` is what
//! the record types generate, and the reports of every shipped fixture
//! follow it. After an intended change of the records, regenerate it with
//! `KANTLIJN_BLESS=1 cargo test --features schema --test schema` and read
//! the diff.

#![cfg(feature = "schema")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::Path;

use kantlijn::{Options, Report};
use serde_json::Value;

const SCHEMA_FILE: &str = "schema/report-v1.json";

#[test]
fn checked_in_schema_is_generated_from_the_types() {
    let generated = serde_json::to_string_pretty(&kantlijn::report_schema()).unwrap() + "\n";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SCHEMA_FILE);
    if std::env::var_os("KANTLIJN_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let checked_in = std::fs::read_to_string(&path).unwrap();
    assert!(
        checked_in == generated,
        "{SCHEMA_FILE} differs from the record types; regenerate it with \
         KANTLIJN_BLESS=1 cargo test --features schema --test schema"
    );
}

#[test]
fn schema_describes_every_key_as_required() {
    let schema = kantlijn::report_schema();
    let mut objects = vec![&schema];
    objects.extend(schema["$defs"].as_object().unwrap().values());
    let mut records = 0;
    for object in objects {
        let Some(properties) = object.get("properties").and_then(Value::as_object) else {
            continue;
        };
        records += 1;
        let required: Vec<&str> = object["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|key| key.as_str().unwrap())
            .collect();
        let mut keys: Vec<&str> = properties.keys().map(String::as_str).collect();
        let mut sorted = required.clone();
        keys.sort_unstable();
        sorted.sort_unstable();
        assert_eq!(keys, sorted, "{object}");
    }
    assert!(records >= 9, "{records} record types");
    // `required` lists a record's keys in the order they are written (a
    // decision's nested sightings come last, so each key's first
    // occurrence in its JSON text is its own).
    let decision = serde_json::to_string(&report("beslisnota.pdf").decisions[0]).unwrap();
    let positions: Vec<usize> = schema["$defs"]["Decision"]["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|key| decision.find(&format!("{key}:")).unwrap())
        .collect();
    assert!(positions.is_sorted(), "{positions:?} in {decision}");
}

#[test]
fn every_fixture_report_follows_the_schema() {
    let schema = kantlijn::report_schema();
    assert!(
        serde_json::from_str::<Value>(kantlijn::REPORT_SCHEMA).unwrap() == schema,
        "REPORT_SCHEMA differs from report_schema(): regenerate {SCHEMA_FILE}"
    );
    let mut options = Options::default();
    options.include_links = true;
    options.include_widgets = true;
    let mut checked = 0;
    for entry in std::fs::read_dir("fixtures").unwrap() {
        let path = entry.unwrap().path();
        if !matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("pdf" | "txt")
        ) {
            continue;
        }
        let all = path.ends_with("subtypes.pdf");
        for options in [Options::default(), options.clone()]
            .iter()
            .take(if all { 2 } else { 1 })
        {
            let report = kantlijn::extract(&path, options)
                .unwrap_or_else(|error| Report::failed(path.display().to_string(), &error));
            let value = serde_json::to_value(&report).unwrap();
            if let Err(problem) = check(&schema, &schema, &value, "") {
                panic!("{}: {problem}", path.display());
            }
            checked += 1;
        }
    }
    assert!(checked >= 22, "{checked} reports");
    let missing = kantlijn::extract("fixtures/bestaat-niet.pdf", &Options::default()).unwrap_err();
    let failed =
        serde_json::to_value(Report::failed("fixtures/bestaat-niet.pdf", &missing)).unwrap();
    check(&schema, &schema, &failed, "").unwrap();
}

#[test]
fn the_checker_refuses_what_the_schema_does_not_allow() {
    let schema = kantlijn::report_schema();
    let good = serde_json::to_value(report("beslisnota.pdf")).unwrap();
    type Mutation = fn(&mut Value);
    let mutations: [(&str, Mutation); 5] = [
        ("a key too many", |v| {
            v["annotations"][0]["colour"] = Value::Null;
        }),
        ("a key missing", |v| {
            v["decisions"][0].as_object_mut().unwrap().remove("verdict");
        }),
        ("an unknown verdict", |v| {
            v["decisions"][0]["verdict"] = "maybe".into()
        }),
        ("a bad colour", |v| {
            v["annotations"][1]["color"] = "yellow".into()
        }),
        ("a short rect", |v| {
            v["annotations"][0]["rect"] = serde_json::json!([1, 2])
        }),
    ];
    for (what, mutate) in mutations {
        let mut bad = good.clone();
        mutate(&mut bad);
        assert!(check(&schema, &schema, &bad, "").is_err(), "{what} passed");
    }
}

fn report(name: &str) -> Report {
    kantlijn::extract(format!("fixtures/{name}"), &Options::default()).unwrap()
}

/// Checks `value` against `schema`: the subset of JSON Schema that
/// schemars writes (`$ref`, `type`, `properties`/`required` with no other
/// keys, `items`, `enum`, `const`, `oneOf`, `anyOf`, `pattern`, `minItems`,
/// `maxItems`, `minimum`).
fn check(root: &Value, schema: &Value, value: &Value, at: &str) -> Result<(), String> {
    let fail = |why: String| Err(format!("{at}: {why} (value {value})"));
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.strip_prefix("#/$defs/").unwrap();
        return check(root, &root["$defs"][name], value, at);
    }
    if let Some(types) = schema.get("type") {
        let types: Vec<&str> = match types {
            Value::String(one) => vec![one.as_str()],
            Value::Array(many) => many.iter().map(|t| t.as_str().unwrap()).collect(),
            _ => panic!("type {types}"),
        };
        let ok = types.iter().any(|t| match *t {
            "null" => value.is_null(),
            "boolean" => value.is_boolean(),
            "integer" => value.is_i64() || value.is_u64(),
            "number" => value.is_number(),
            "string" => value.is_string(),
            "array" => value.is_array(),
            "object" => value.is_object(),
            other => panic!("type {other}"),
        });
        if !ok {
            return fail(format!("not of type {types:?}"));
        }
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array)
        && !allowed.contains(value)
    {
        return fail(format!("not one of {allowed:?}"));
    }
    if let Some(constant) = schema.get("const")
        && constant != value
    {
        return fail(format!("not {constant}"));
    }
    if let Some(minimum) = schema.get("minimum").and_then(Value::as_f64)
        && value.as_f64().is_some_and(|v| v < minimum)
    {
        return fail(format!("below {minimum}"));
    }
    if let (Some(pattern), Some(text)) = (
        schema.get("pattern").and_then(Value::as_str),
        value.as_str(),
    ) && !regex::Regex::new(pattern).unwrap().is_match(text)
    {
        return fail(format!("does not match {pattern}"));
    }
    if let Some(choices) = schema.get("oneOf").and_then(Value::as_array) {
        let matching = choices
            .iter()
            .filter(|choice| check(root, choice, value, at).is_ok())
            .count();
        if matching != 1 {
            return fail(format!("matches {matching} of oneOf"));
        }
    }
    if let Some(choices) = schema.get("anyOf").and_then(Value::as_array)
        && !choices.iter().any(|c| check(root, c, value, at).is_ok())
    {
        return fail("matches nothing of anyOf".to_owned());
    }
    if let Some(array) = value.as_array() {
        let count = array.len() as u64;
        if schema
            .get("minItems")
            .and_then(Value::as_u64)
            .is_some_and(|n| count < n)
            || schema
                .get("maxItems")
                .and_then(Value::as_u64)
                .is_some_and(|n| count > n)
        {
            return fail(format!("{count} items"));
        }
        if let Some(items) = schema.get("items") {
            for (index, item) in array.iter().enumerate() {
                check(root, items, item, &format!("{at}[{index}]"))?;
            }
        }
    }
    if let (Some(properties), Some(object)) = (
        schema.get("properties").and_then(Value::as_object),
        value.as_object(),
    ) {
        for key in object.keys() {
            if !properties.contains_key(key) {
                return fail(format!("key {key:?} is not in the schema"));
            }
        }
        for key in schema["required"].as_array().unwrap() {
            let key = key.as_str().unwrap();
            let Some(member) = object.get(key) else {
                return fail(format!("no key {key:?}"));
            };
            check(root, &properties[key], member, &format!("{at}.{key}"))?;
        }
    }
    Ok(())
}
