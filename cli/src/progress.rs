//! Progress on standard error while a batch runs, and the closing summary.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::worker::Header;

/// Counts over a run.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Totals {
    pub(crate) files: usize,
    pub(crate) pages: usize,
    pub(crate) annotations: usize,
    pub(crate) comments: usize,
    pub(crate) decisions: usize,
    pub(crate) errors: usize,
    pub(crate) skipped: usize,
}

impl Totals {
    pub(crate) fn add(&mut self, header: &Header) {
        if header.skipped {
            self.skipped += 1;
            return;
        }
        self.files += 1;
        self.pages += header.pages;
        self.annotations += header.annotations;
        self.comments += header.comments;
        self.decisions += header.decisions;
        if header.error.is_some() {
            self.errors += 1;
        }
    }
}

/// A progress bar when standard error is a terminal and not `--quiet`.
pub(crate) struct Progress {
    bar: ProgressBar,
    started: Instant,
}

impl Progress {
    pub(crate) fn new(total: usize, quiet: bool) -> Self {
        let visible = !quiet && std::io::stderr().is_terminal();
        let bar = ProgressBar::with_draw_target(
            Some(total as u64),
            if visible {
                ProgressDrawTarget::stderr()
            } else {
                ProgressDrawTarget::hidden()
            },
        );
        if let Ok(style) =
            ProgressStyle::with_template("{bar:30} {pos}/{len} files · {msg} · ETA {eta}")
        {
            bar.set_style(style);
        }
        bar.enable_steady_tick(Duration::from_millis(250));
        Self {
            bar,
            started: Instant::now(),
        }
    }

    pub(crate) fn update(&self, totals: &Totals) {
        let seconds = self.started.elapsed().as_secs_f64().max(1e-3);
        self.bar.set_message(format!(
            "{:.0} pages/s · {} errors",
            totals.pages as f64 / seconds,
            totals.errors
        ));
        self.bar.set_position(totals.files as u64);
    }

    pub(crate) fn finish(&self) {
        self.bar.finish_and_clear();
    }

    pub(crate) fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }
}

/// The closing line.
pub(crate) fn summary(totals: &Totals, skipped: usize, elapsed: Duration) -> String {
    let mut line = format!(
        "kantlijn: {} files, {} pages, {} annotations, {} comments, {} decisions, {} errors",
        totals.files,
        totals.pages,
        totals.annotations,
        totals.comments,
        totals.decisions,
        totals.errors
    );
    if skipped > 0 {
        line.push_str(&format!(", {skipped} skipped"));
    }
    line.push_str(&format!(", {:.1} s", elapsed.as_secs_f64()));
    line
}
