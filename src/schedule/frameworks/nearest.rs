//! The explorer schedule nearest to an exact mode, in core terms: each library maps its own
//! modes; turning the result into the explorer's settings is `export`'s job.

use crate::schedule::Anneal;

/// The nearest Anneal schedule to a mode, and what it cannot show.
#[derive(Clone, Debug, PartialEq)]
pub struct Nearest {
    /// The schedule, or `None` when the mode is not cosine annealing (it stays an overlay).
    pub schedule: Option<Anneal>,
    /// What the schedule cannot show exactly.
    pub notes: Vec<String>,
}

impl Nearest {
    /// A schedule with the notes on what it cannot show.
    pub fn anneal(schedule: Anneal, notes: Vec<String>) -> Self {
        Self {
            schedule: Some(schedule),
            notes,
        }
    }

    /// A mode the explorer cannot draw as cosine annealing (one-cycle, WSD).
    pub fn overlay_only() -> Self {
        Self {
            schedule: None,
            notes: vec!["not a cosine-annealing schedule: shown as an overlay only".into()],
        }
    }
}
