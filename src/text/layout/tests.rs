//! The layout on glyphs set here in a fixed-pitch font.

use super::hyphen::{Continuation, continuation};
use super::*;

/// Glyphs for text set in a fixed-pitch font: each character 0.5 em
/// wide, `size` high, lines given by their baseline and start.
pub(crate) fn set(lines: &[(&str, f32, f32)], size: f32) -> Glyphs {
    let mut glyphs = Glyphs::default();
    for (text, x, y) in lines {
        let mut pen = *x;
        for c in text.chars() {
            let mut buffer = [0; 4];
            glyphs.push(
                c.encode_utf8(&mut buffer),
                [pen, *y],
                [1.0, 0.0],
                [0.0, size],
                0.5 * size,
            );
            pen += 0.5 * size;
        }
    }
    glyphs
}

pub(crate) fn lines_of(glyphs: &Glyphs, layout: &Layout) -> Vec<String> {
    layout
        .lines
        .iter()
        .map(|line| {
            layout
                .words
                .get(line.words.clone())
                .unwrap()
                .iter()
                .map(|w| {
                    layout.order[w.glyphs.clone()]
                        .iter()
                        .map(|&i| glyphs.text(&glyphs.list[i as usize]))
                        .collect::<String>()
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn words_split_at_spaces_and_gaps() {
    let mut glyphs = set(&[("Het besluit", 72.0, 700.0)], 10.0);
    // A word positioned without a space glyph before it.
    glyphs.push(
        "x",
        [72.0 + 11.0 * 5.0 + 3.0, 700.0],
        [1.0, 0.0],
        [0.0, 10.0],
        5.0,
    );
    let layout = layout(&glyphs);
    assert_eq!(lines_of(&glyphs, &layout), ["Het besluit x"]);
}

#[test]
fn kerned_letters_stay_one_word() {
    let mut glyphs = Glyphs::default();
    for (i, c) in "AVATAR".chars().enumerate() {
        let mut b = [0; 4];
        // Pulled together by kerning: 0.05 em overlap.
        glyphs.push(
            c.encode_utf8(&mut b),
            [100.0 + i as f32 * 6.5, 700.0],
            [1.0, 0.0],
            [0.0, 10.0],
            7.0,
        );
    }
    let layout = layout(&glyphs);
    assert_eq!(lines_of(&glyphs, &layout), ["AVATAR"]);
}

#[test]
fn two_columns_read_column_by_column() {
    // Drawn row by row, as some writers do.
    let left = [
        "the left column starts with this line",
        "and goes on with this one, then",
        "ends here.",
    ];
    let right = [
        "the right column starts with this one",
        "and has a second line as well as",
        "a third.",
    ];
    let mut rows = Vec::new();
    for i in 0..3 {
        let y = 700.0 - 12.0 * i as f32;
        rows.push((left[i], 72.0, y));
        rows.push((right[i], 280.0, y));
    }
    let glyphs = set(&rows, 10.0);
    let layout = layout(&glyphs);
    let expected: Vec<&str> = left.iter().chain(&right).copied().collect();
    assert_eq!(lines_of(&glyphs, &layout), expected);
}

#[test]
fn title_over_two_columns() {
    let title = "A title in the same size that spans both columns of the page, and more";
    let glyphs = set(
        &[
            (title, 72.0, 730.0),
            ("the right column starts with this one", 280.0, 718.0),
            ("and has a second line as well", 280.0, 706.0),
            ("the left column starts with this line", 72.0, 718.0),
            ("and goes on with this one", 72.0, 706.0),
        ],
        10.0,
    );
    let layout = layout(&glyphs);
    assert_eq!(
        lines_of(&glyphs, &layout),
        [
            title,
            "the left column starts with this line",
            "and goes on with this one",
            "the right column starts with this one",
            "and has a second line as well",
        ]
    );
}

/// A nota's body beside its margin, the blocks of each at other heights,
/// and a stamp set across the gutter between them: the stamp's row is read
/// on its own, then the body, then the margin, not a block of each in turn.
#[test]
fn a_stamp_across_the_gutter_keeps_the_columns_apart() {
    let body = [
        ("Aan de minister van SZW", 72.0, 730.0),
        ("nota", 72.0, 706.0),
        ("Voortgang van de aanpak", 72.0, 682.0),
        ("Aanleiding", 72.0, 646.0),
        ("Wij leggen u de stand van zaken voor.", 72.0, 634.0),
    ];
    let margin = [
        ("Datum", 300.0, 720.0),
        ("27 mei 2026", 300.0, 708.0),
        ("Onze referentie", 300.0, 672.0),
        ("2026-0001", 300.0, 660.0),
    ];
    // From x = 230 to 305: across the gutter from 257 (the body's longest
    // line ends there) to 300.
    let stamp = ("MWP akkoord 8/6", 230.0, 760.0);
    let drawn: Vec<(&str, f32, f32)> = [stamp].into_iter().chain(margin).chain(body).collect();
    let glyphs = set(&drawn, 10.0);
    let layout = layout(&glyphs);
    let expected: Vec<&str> = [stamp]
        .iter()
        .chain(&body)
        .chain(&margin)
        .map(|(text, ..)| *text)
        .collect();
    assert_eq!(lines_of(&glyphs, &layout), expected);
}

/// A printed summary whose entry headers draw their fields apart, between
/// a title and a comment as wide as the page: those two bridge the gaps
/// between the fields, but they are no stamp across a gutter. The fields
/// are a table, read row by row, not a column of numbers and authors and
/// then one of subjects and dates.
#[test]
fn summary_fields_between_wide_lines_stay_in_rows() {
    let rows = [
        (
            "Overzicht van opmerkingen bij OPENBAAR MAKEN Financien bundel 2026 over de begroting.pdf",
            50.0,
            798.0,
        ),
        ("Pagina: 5", 50.0, 771.0),
        ("Nummer: 1", 60.0, 751.0),
        ("Auteur: Jansen, P.", 120.0, 751.0),
        ("Onderwerp: Tekst plaatsen", 250.0, 751.0),
        ("Datum: 3-4-2026 16:02:11", 400.0, 751.0),
        ("MinFin gezien 3/4", 60.0, 738.0),
        ("Pagina: 9", 50.0, 714.0),
        ("Nummer: 1", 60.0, 694.0),
        ("Auteur: Jansen, P.", 120.0, 694.0),
        ("Onderwerp: Tekst plaatsen", 250.0, 694.0),
        ("Datum: 14-4-2026 09:30:00", 400.0, 694.0),
        ("Gezien. MinFin 14-4-2026", 60.0, 681.0),
        ("Nummer: 2", 60.0, 657.0),
        ("Auteur: Jansen, P.", 120.0, 657.0),
        ("Onderwerp: (Unknown)", 250.0, 657.0),
        ("Datum: Onbepaald", 400.0, 657.0),
        (
            "Graag in de volgende voortgangsrapportage ook de gevolgen voor de uitvoering.",
            60.0,
            644.0,
        ),
    ];
    let glyphs = set(&rows, 8.5);
    let layout = layout(&glyphs);
    let expected: Vec<&str> = rows.iter().map(|(text, ..)| *text).collect();
    assert_eq!(lines_of(&glyphs, &layout), expected);
}

#[test]
fn labels_and_values_read_row_by_row() {
    let glyphs = set(
        &[
            ("Aan", 72.0, 700.0),
            ("Van", 72.0, 688.0),
            ("Datum", 72.0, 676.0),
            ("de minister van SZW", 200.0, 700.0),
            ("DG Werk", 200.0, 688.0),
            ("30 maart 2026", 200.0, 676.0),
        ],
        10.0,
    );
    let layout = layout(&glyphs);
    assert_eq!(
        lines_of(&glyphs, &layout),
        [
            "Aan",
            "de minister van SZW",
            "Van",
            "DG Werk",
            "Datum",
            "30 maart 2026"
        ]
    );
}

#[test]
fn rotated_text_reads_along_its_baseline() {
    // A page turned a quarter (text running upwards, lines stacked to
    // the right), drawn bottom line first.
    let mut glyphs = Glyphs::default();
    for (text, x) in [("second line", 112.0), ("first line", 100.0)] {
        let mut pen = 300.0;
        for c in text.chars() {
            let mut b = [0; 4];
            glyphs.push(
                c.encode_utf8(&mut b),
                [x, pen],
                [0.0, 1.0],
                [-10.0, 0.0],
                5.0,
            );
            pen += 5.0;
        }
    }
    let layout = layout(&glyphs);
    assert_eq!(lines_of(&glyphs, &layout), ["first line", "second line"]);
}

#[test]
fn right_to_left_words_in_logical_order() {
    // Hebrew "שלום עולם" drawn in visual order (left to right on the
    // page: the last letter first).
    let glyphs = set(&[("םלוע םולש", 72.0, 700.0)], 10.0);
    let layout = layout(&glyphs);
    assert_eq!(lines_of(&glyphs, &layout), ["שלום עולם"]);
}

#[test]
fn number_inside_right_to_left_line() {
    let glyphs = set(&[("2026 םולש", 72.0, 700.0)], 10.0);
    let layout = layout(&glyphs);
    assert_eq!(lines_of(&glyphs, &layout), ["שלום 2026"]);
}

#[test]
fn neutral_words_between_right_to_left_words() {
    // A number between two Hebrew words reads with them; one between a
    // Hebrew and a Latin word takes the line's direction.
    let glyphs = set(&[("םלוע 2026 םולש", 72.0, 700.0)], 10.0);
    let layout = layout(&glyphs);
    assert_eq!(lines_of(&glyphs, &layout), ["שלום 2026 עולם"]);
}

#[test]
fn glyph_drawn_twice_kept_once() {
    let mut glyphs = set(&[("Bold", 72.0, 700.0)], 10.0);
    let again = set(&[("Bold", 72.3, 700.0)], 10.0);
    for g in &again.list {
        glyphs.push(again.text(g), g.origin, g.dir, g.em, g.width);
    }
    let layout = layout(&glyphs);
    assert_eq!(lines_of(&glyphs, &layout), ["Bold"]);
}

#[test]
fn superscript_stays_on_its_line() {
    let mut glyphs = set(&[("note", 72.0, 700.0)], 10.0);
    glyphs.push("1", [92.0, 703.5], [1.0, 0.0], [0.0, 6.0], 3.0);
    let layout = layout(&glyphs);
    assert_eq!(lines_of(&glyphs, &layout), ["note1"]);
}

#[test]
fn thousands_of_pieces_on_one_baseline_stay_fast() {
    // Glyphs three sizes apart on one baseline, and a second such row:
    // every glyph is a line of its own, all sharing their baselines.
    let mut glyphs = Glyphs::default();
    for row in 0..2 {
        for i in 0..20_000 {
            let x = i as f32 * 30.0;
            glyphs.push(
                "x",
                [x, 700.0 - 12.0 * row as f32],
                [1.0, 0.0],
                [0.0, 10.0],
                5.0,
            );
        }
    }
    let started = std::time::Instant::now();
    let layout = layout(&glyphs);
    assert_eq!(layout.lines.len(), 40_000);
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
}

#[test]
fn hyphen_breaks() {
    use Continuation::{Break, Compound, None};
    assert_eq!(continuation("regis-", "ters"), Break);
    assert_eq!(continuation("non-", "VM"), None);
    assert_eq!(continuation("Trace-", "Monkey"), None);
    assert_eq!(continuation("BESLIS-", "NOTA"), None);
    assert_eq!(continuation("COVID-", "19"), Compound);
    assert_eq!(continuation("-", "x"), None);
    assert_eq!(continuation("2026-", "x"), None);
    assert_eq!(continuation("ver\u{AD}", "Zeker"), Break);
    assert_eq!(continuation("word", "next"), None);
    assert_eq!(continuation("en-", "(x)"), None);
}

#[test]
fn hyphen_after_an_abbreviation_is_kept() {
    // Seed 000 writes "EU-richtlijn", "TNO-onderzoek", "RIVM-onderzoek".
    assert_eq!(continuation("EU-", "richtlijn"), Continuation::Compound);
    assert_eq!(continuation("TNO-", "onderzoek"), Continuation::Compound);
    assert_eq!(continuation("Woo-", "verzoek"), Continuation::Break);
}

#[test]
fn hyphen_break_marked_within_a_block() {
    let glyphs = set(
        &[("the regis-", 72.0, 700.0), ("ters of it", 72.0, 688.0)],
        10.0,
    );
    let layout = layout(&glyphs);
    let marked: Vec<bool> = layout.words.iter().map(|w| w.hyphen_break).collect();
    assert_eq!(marked, [false, true, false, false, false]);
    assert!(layout.words.iter().all(|w| !w.hyphen_joins));
}
