//! Criterion benchmarks of each stage: opening a document and listing its
//! annotations, the text under markup annotations, parsing printed comment
//! summaries, recognising decisions, and writing the JSON report.
//!
//! They run on the shipped fixtures always, and on the 1,500-page
//! benchmark bundles when `KANTLIJN_BUNDLES` names the folder that holds
//! them (`benches/bundles.sh` writes them):
//!
//! ```sh
//! cargo bench --bench kantlijn
//! KANTLIJN_BUNDLES=~/.cache/kantlijn-bench/bundles cargo bench --bench kantlijn -- bundle
//! ```
//!
//! Throughput is in bytes of input (or output, for JSON) and, where pages
//! or records are the natural unit, in elements.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_main};
use kantlijn::{
    Document, Options, Source, Statement, SummaryLocale, Vocabulary, build_register,
    parse_summaries, stamp_lines, text_pages,
};

/// Fixtures read by every stage.
const FIXTURES: &[&str] = &[
    "beslisnota.pdf",
    "beslisnota-objstm.pdf",
    "beslisnota-aes-256.pdf",
    "subtypes.pdf",
    "strings.pdf",
];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

/// Options for listing only: no page text read, no appearance read.
fn listing() -> Options {
    let mut options = Options::default();
    options.text_under = false;
    options.flattened = false;
    options.appearance_text = false;
    options
}

/// Options for listing with the text of stamps' and text boxes'
/// appearances.
fn appearances() -> Options {
    let mut options = listing();
    options.appearance_text = true;
    options
}

/// Options for the text under markup only, on `threads` threads.
fn under(threads: usize) -> Options {
    let mut options = Options::default();
    options.flattened = false;
    options.threads = threads;
    options
}

fn open(path: &Path, options: &Options) -> Document {
    Document::open_with(path, options).unwrap_or_else(|e| panic!("{e}"))
}

fn file_len(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap()
}

/// The statements the decision register is built from: annotation
/// contents, summary entries, stamp lines of the text.
fn statements<'a>(
    doc: &'a Document,
    comments: &'a [kantlijn::Comment],
    text: &'a str,
    vocabulary: &Vocabulary,
) -> Vec<Statement<'a>> {
    let mut out: Vec<Statement<'a>> = doc
        .annotations()
        .iter()
        .filter_map(|a| {
            let text = a.contents.as_deref()?;
            let mut s = Statement::new(text, Source::Annotation).with_page(a.page);
            if let Some(author) = a.author.as_deref() {
                s = s.with_author(author);
            }
            Some(s)
        })
        .collect();
    out.extend(comments.iter().filter_map(|c| {
        let text = c.contents.as_deref()?;
        Some(Statement::new(text, Source::CommentSummary))
    }));
    out.extend(stamp_lines(text, vocabulary).iter().map(|l| l.statement()));
    out
}

fn fixtures(c: &mut Criterion) {
    let mut group = c.benchmark_group("fixtures/open_list");
    for name in FIXTURES {
        let path = fixture(name);
        group.throughput(Throughput::Bytes(file_len(&path)));
        group.bench_with_input(BenchmarkId::from_parameter(name), &path, |b, path| {
            let options = listing();
            b.iter(|| black_box(open(path, &options).annotations().len()));
        });
    }
    group.finish();

    let path = fixture("beslisnota.pdf");
    let mut group = c.benchmark_group("fixtures/text_under");
    group.throughput(Throughput::Bytes(file_len(&path)));
    group.bench_function("beslisnota.pdf", |b| {
        let options = under(1);
        b.iter(|| black_box(open(&path, &options).annotations().len()));
    });
    group.finish();

    // The default run on one nota: every page's text read and normalised,
    // as a batch run reads each file.
    let mut group = c.benchmark_group("fixtures/default");
    group.throughput(Throughput::Bytes(file_len(&path)));
    group.bench_function("beslisnota.pdf", |b| {
        let mut options = Options::default();
        options.threads = 1;
        b.iter(|| black_box(open(&path, &options).decisions().len()));
    });
    group.finish();

    let summary = std::fs::read_to_string(fixture("beslisnota-flattened.txt")).unwrap();
    let locales = SummaryLocale::builtin();
    let mut group = c.benchmark_group("fixtures/summary");
    group.throughput(Throughput::Bytes(summary.len() as u64));
    group.bench_function("beslisnota-flattened.txt", |b| {
        b.iter(|| black_box(parse_summaries(text_pages(&summary), &locales).len()));
    });
    group.finish();

    let doc = open(&path, &listing());
    let comments = parse_summaries(text_pages(&summary), &locales);
    let vocabulary = Vocabulary::builtin();
    let input = statements(&doc, &comments, &summary, &vocabulary);
    let mut group = c.benchmark_group("fixtures/decisions");
    group.throughput(Throughput::Elements(input.len() as u64));
    group.bench_function("beslisnota", |b| {
        b.iter(|| black_box(build_register(&input, &[], &vocabulary).len()));
    });
    group.finish();

    let mut group = c.benchmark_group("fixtures/json");
    for name in FIXTURES {
        let report = open(&fixture(name), &Options::default()).into_report();
        let len = serde_json::to_vec(&report).unwrap().len();
        group.throughput(Throughput::Bytes(len as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), &report, |b, report| {
            b.iter(|| serde_json::to_writer(std::io::sink(), black_box(report)).unwrap());
        });
    }
    group.finish();
}

/// The bundles' folder, when `KANTLIJN_BUNDLES` names one that holds them.
fn bundle_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(std::env::var_os("KANTLIJN_BUNDLES")?);
    let complete = ["bundle-text.pdf", "bundle-scanned.pdf"]
        .iter()
        .all(|name| dir.join(name).is_file());
    if !complete {
        panic!(
            "KANTLIJN_BUNDLES={} does not hold bundle-text.pdf and bundle-scanned.pdf; write them with benches/bundles.sh",
            dir.display()
        );
    }
    Some(dir)
}

fn bundles(c: &mut Criterion) {
    let Some(dir) = bundle_dir() else {
        eprintln!("KANTLIJN_BUNDLES is not set: the bundle benchmarks are skipped");
        return;
    };
    for name in ["text", "scanned"] {
        let path = dir.join(format!("bundle-{name}.pdf"));
        let bytes = file_len(&path);
        let doc = open(&path, &listing());
        let pages = doc.page_count() as u64;

        let mut group = c.benchmark_group(format!("bundle-{name}"));
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(10));

        group.throughput(Throughput::Bytes(bytes));
        group.bench_function("open_list", |b| {
            let options = listing();
            b.iter(|| black_box(open(&path, &options).annotations().len()));
        });
        group.bench_function("appearance_text", |b| {
            let options = appearances();
            b.iter(|| black_box(open(&path, &options).annotations().len()));
        });

        group.throughput(Throughput::Elements(pages));
        for threads in [1, 0] {
            let label = if threads == 1 { "1 thread" } else { "threads" };
            group.bench_function(BenchmarkId::new("text_under", label), |b| {
                let options = under(threads);
                b.iter(|| black_box(open(&path, &options).annotations().len()));
            });
        }
        group.bench_function("default", |b| {
            let options = Options::default();
            b.iter(|| black_box(open(&path, &options).decisions().len()));
        });
        // The text layer alone: every page's glyphs read and laid out, one
        // thread, no normalising stage.
        group.bench_function("page_texts", |b| {
            b.iter(|| black_box(doc.page_texts().map(|t| t.lines.len()).sum::<usize>()));
        });

        let texts: Vec<String> = doc.page_texts().map(|t| t.plain_text()).collect();
        let text = texts.join("\u{c}");
        let locales = SummaryLocale::builtin();
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function("summary", |b| {
            b.iter(|| black_box(parse_summaries(text_pages(&text), &locales).len()));
        });

        let comments = parse_summaries(text_pages(&text), &locales);
        let vocabulary = Vocabulary::builtin();
        let input = statements(&doc, &comments, &text, &vocabulary);
        group.throughput(Throughput::Elements(input.len() as u64));
        group.bench_function("decisions", |b| {
            b.iter(|| black_box(build_register(&input, &[], &vocabulary).len()));
        });

        let report = open(&path, &Options::default()).into_report();
        let len = serde_json::to_vec(&report).unwrap().len();
        group.throughput(Throughput::Bytes(len as u64));
        group.bench_function("json", |b| {
            b.iter(|| serde_json::to_writer(std::io::sink(), black_box(&report)).unwrap());
        });
        group.finish();
    }
}

/// Every benchmark group (what `criterion_group!` writes, with a doc comment).
fn benches() {
    let mut criterion = Criterion::default().configure_from_args();
    fixtures(&mut criterion);
    bundles(&mut criterion);
}

criterion_main!(benches);
