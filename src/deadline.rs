//! Wall-time budget for one document.

use std::time::{Duration, Instant};

/// The moment reading one document must stop.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Deadline {
    end: Option<Instant>,
}

impl Deadline {
    /// A deadline `budget` from now (none if the budget overflows the clock).
    pub(crate) fn after(budget: Duration) -> Self {
        Self {
            end: Instant::now().checked_add(budget),
        }
    }

    /// Whether the time is up.
    pub(crate) fn expired(&self) -> bool {
        self.end.is_some_and(|end| Instant::now() >= end)
    }
}
