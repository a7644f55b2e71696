//! The shape of the source, checked so that it stays true: the layers
//! import only from the layers below them, and no function is longer than
//! a reader can take in.
//!
//! Both checks read `src/` as text. A `crate::<module>` path on a line that
//! is not a comment is a use of that module (string literals included: a
//! serde attribute naming a function is a use too).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::{Path, PathBuf};

/// Modules at the bottom: every layer reports and bounds its work through
/// them, so they use nothing of the crate.
const BOTTOM: &[&str] = &["diagnostics", "limits", "error", "threads", "testing"];

/// The layers, bottom up: each may use the bottom modules and the layers
/// before it, never one after it.
const LAYERS: &[&str] = &[
    "pdf",
    "annotation",
    "text",
    "summary",
    "decision",
    "nota",
    "normalise",
    "report",
    "output",
];

/// The front door: reading an input runs every layer, so these may use
/// them all.
const FRONT: &[&str] = &[
    "lib", "document", "extract", "input", "options", "interop", "fuzzing",
];

/// The longest a function outside tests may be, in lines.
const MAX_FUNCTION_LINES: usize = 100;

/// Functions allowed to be longer for now, as `path:name`.
const LONG_FUNCTIONS: &[&str] = &["cli/src/main.rs:coordinate", "cli/src/pool.rs:run"];

fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            source_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `src/` and the command-line tool's `cli/src/`,
/// relative to the package, sorted.
fn sources() -> Vec<(String, String)> {
    let root = root();
    let mut files = Vec::new();
    source_files(&root.join("src"), &mut files);
    source_files(&root.join("cli/src"), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let relative = path.strip_prefix(&root).unwrap();
            (relative.to_string_lossy().replace('\\', "/"), text)
        })
        .collect()
}

/// The top-level module a file of `src/` belongs to (`None` for the
/// command-line tool, which is a crate of its own).
fn module_of(path: &str) -> Option<&str> {
    let inside = path.strip_prefix("src/")?;
    let first = inside.split('/').next()?;
    (first != "bin").then(|| first.trim_end_matches(".rs"))
}

/// The crate modules a file uses: `crate::<name>` outside comments. A name
/// that is not a module (`crate::Options`) is a re-export of the crate
/// root, which only the front door may use.
fn uses(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        for (at, _) in line.match_indices("crate::") {
            let before = line[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let name: String = line[at + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let name = if name.starts_with(char::is_uppercase) {
                "lib".to_owned()
            } else {
                name
            };
            found.push((index + 1, name));
        }
    }
    found
}

/// Whether `module` may use `used`.
fn allowed(module: &str, used: &str) -> Result<bool, String> {
    if module == used || FRONT.contains(&module) {
        return Ok(true);
    }
    if BOTTOM.contains(&module) {
        return Ok(false);
    }
    let Some(layer) = LAYERS.iter().position(|l| *l == module) else {
        return Err(format!(
            "module {module} is in no layer: add it to BOTTOM, LAYERS or FRONT in tests/architecture.rs"
        ));
    };
    if BOTTOM.contains(&used) {
        return Ok(true);
    }
    Ok(LAYERS
        .iter()
        .position(|l| *l == used)
        .is_some_and(|u| u < layer))
}

#[test]
fn layers_use_only_the_layers_below() {
    let mut wrong = Vec::new();
    for (path, text) in sources() {
        let Some(module) = module_of(&path) else {
            continue;
        };
        for (line, used) in uses(&text) {
            match allowed(module, &used) {
                Ok(true) => {}
                Ok(false) => wrong.push(format!("{path}:{line}: {module} uses {used}")),
                Err(message) => wrong.push(format!("{path}: {message}")),
            }
        }
    }
    wrong.dedup();
    assert!(
        wrong.is_empty(),
        "imports against the layers (bottom: {BOTTOM:?}; layers, bottom up: {LAYERS:?}):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_rules_hold_on_examples() {
    assert!(allowed("text", "annotation").unwrap());
    assert!(!allowed("annotation", "text").unwrap());
    assert!(!allowed("text", "decision").unwrap());
    assert!(!allowed("annotation", "summary").unwrap());
    assert!(!allowed("summary", "report").unwrap());
    assert!(!allowed("diagnostics", "pdf").unwrap());
    assert!(allowed("report", "diagnostics").unwrap());
    assert!(!allowed("decision", "lib").unwrap());
    assert!(allowed("document", "report").unwrap());
    assert!(allowed("nota", "decision").unwrap());
    assert!(!allowed("decision", "nota").unwrap());
    assert!(allowed("register", "decision").is_err());
    let text = "use crate::pdf::Dict;\n// see crate::report\n#[serde(with = \"crate::pdf::date\")]\nx::crate::no";
    assert_eq!(uses(text), [(1, "pdf".to_owned()), (3, "pdf".to_owned())]);
}

/// A Rust source reduced to what matters for counting braces: string and
/// character literals and comments blanked out, line breaks kept.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let keep_lines = |out: &mut String, skipped: &[char]| {
        out.extend(skipped.iter().filter(|c| **c == '\n'));
    };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let end = match (c, next) {
            ('/', Some('/')) => (i..chars.len())
                .find(|&j| chars[j] == '\n')
                .unwrap_or(chars.len()),
            ('/', Some('*')) => {
                let mut depth = 0;
                let mut j = i;
                loop {
                    match (chars.get(j), chars.get(j + 1)) {
                        (Some('/'), Some('*')) => {
                            depth += 1;
                            j += 2;
                        }
                        (Some('*'), Some('/')) => {
                            depth -= 1;
                            j += 2;
                            if depth == 0 {
                                break j;
                            }
                        }
                        (Some(_), _) => j += 1,
                        (None, _) => break j,
                    }
                }
            }
            ('r', Some('#' | '"'))
                if !chars
                    .get(i.wrapping_sub(1))
                    .is_some_and(|p| p.is_alphanumeric() || *p == '_') =>
            {
                let hashes = chars[i + 1..].iter().take_while(|c| **c == '#').count();
                if chars.get(i + 1 + hashes) != Some(&'"') {
                    out.push(c);
                    i += 1;
                    continue;
                }
                let mut j = i + 2 + hashes;
                while j < chars.len()
                    && !(chars[j] == '"'
                        && chars[j + 1..]
                            .iter()
                            .take(hashes)
                            .filter(|c| **c == '#')
                            .count()
                            == hashes)
                {
                    j += 1;
                }
                (j + 1 + hashes).min(chars.len())
            }
            ('"', _) => {
                let mut j = i + 1;
                while j < chars.len() && chars[j] != '"' {
                    j += if chars[j] == '\\' { 2 } else { 1 };
                }
                (j + 1).min(chars.len())
            }
            ('\'', Some('\\')) => {
                let mut j = i + 2;
                while j < chars.len() && chars[j] != '\'' {
                    j += 1;
                }
                (j + 1).min(chars.len())
            }
            ('\'', Some(_)) if chars.get(i + 2) == Some(&'\'') => i + 3,
            _ => {
                out.push(c);
                i += 1;
                continue;
            }
        };
        keep_lines(&mut out, &chars[i..end]);
        out.push(' ');
        i = end;
    }
    out
}

/// The functions of a file outside its test modules: (name, first line,
/// number of lines).
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let code = code_only(text);
    let lines: Vec<&str> = code.lines().collect();
    let mut found = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index].trim_start();
        if line.starts_with("#[cfg(test)]")
            && lines
                .get(index + 1)
                .is_some_and(|next| next.trim_start().starts_with("mod "))
        {
            // Test modules come last in a file.
            break;
        }
        let name = line
            .split_once("fn ")
            .filter(|(before, _)| {
                before.is_empty()
                    || before.ends_with(' ')
                        && before.split_whitespace().all(|word| {
                            matches!(word, "pub" | "const" | "async" | "unsafe" | "extern")
                                || word.starts_with("pub(")
                        })
            })
            .map(|(_, after)| {
                after
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect::<String>()
            })
            .filter(|name| !name.is_empty());
        let Some(name) = name else {
            index += 1;
            continue;
        };
        let mut depth = 0_i32;
        let mut opened = false;
        let mut end = index;
        'body: for (at, body_line) in lines.iter().enumerate().skip(index) {
            for c in body_line.chars() {
                match c {
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => depth -= 1,
                    ';' if !opened && depth == 0 => break 'body,
                    _ => {}
                }
                if opened && depth == 0 {
                    end = at;
                    break 'body;
                }
            }
        }
        if opened {
            found.push((name, index + 1, end - index + 1));
            index = end + 1;
        } else {
            index += 1;
        }
    }
    found
}

#[test]
fn no_function_is_too_long() {
    let mut long = Vec::new();
    let mut counted = 0;
    for (path, text) in sources() {
        if path.ends_with("/tests.rs") || path.contains("/tests/") {
            continue;
        }
        for (name, line, length) in functions(&text) {
            counted += 1;
            let key = format!("{path}:{name}");
            if length > MAX_FUNCTION_LINES && !LONG_FUNCTIONS.contains(&key.as_str()) {
                long.push(format!("{path}:{line}: {name} has {length} lines"));
            }
        }
    }
    assert!(counted > 500, "only {counted} functions found");
    assert!(
        long.is_empty(),
        "functions over {MAX_FUNCTION_LINES} lines:\n{}",
        long.join("\n")
    );
}

#[test]
fn function_lengths_are_measured_on_code() {
    let text = "fn a() {\n    let s = \"}\";\n    let c = '}';\n    // }\n}\n\npub(crate) fn b<'a>(x: &'a str) -> &'a str {\n    x\n}\n\nfn c();\n#[cfg(test)]\nmod tests {\n    fn d() {}\n}\n";
    assert_eq!(
        functions(text),
        [("a".to_owned(), 1, 5), ("b".to_owned(), 7, 3)]
    );
}
