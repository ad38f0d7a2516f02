//! The explorer schedule nearest to an exact mode, in core terms: each library maps its own
//! modes; turning the result into the explorer's settings is `export`'s job.

use crate::format::round_significant;
use crate::schedule::{Anneal, Family, Schedule};

/// A library's rate times its factor as the explorer keeps it: to 15 significant digits, so
/// 3e-5 × 0.01 reads 3e-7 in its box and its link, not 3.0000000000000004e-7. That moves it by
/// at most 5e-16 of itself, below what the compare table calls identical.
pub fn scaled(rate: f64, factor: f64) -> f64 {
    round_significant(rate * factor, 15)
}

/// The nearest Anneal schedule to a mode, and what it cannot show.
#[derive(Clone, Debug, PartialEq)]
pub struct Nearest {
    /// The schedule as phases, or `None` when no phases draw the mode (it stays an overlay).
    pub schedule: Option<Schedule>,
    /// What the schedule cannot show exactly.
    pub notes: Vec<String>,
}

impl Nearest {
    /// The explorer's cosine alone, with the notes on what it cannot show.
    pub fn anneal(schedule: Anneal, notes: Vec<String>) -> Self {
        Self::phases(Schedule::single(Family::Cosine(schedule)), notes)
    }

    /// A schedule of phases, with the notes on what it cannot show.
    pub fn phases(schedule: Schedule, notes: Vec<String>) -> Self {
        Self {
            schedule: Some(schedule),
            notes,
        }
    }

    /// One phase of `family` from step 0.
    pub fn single(family: Family) -> Self {
        Self::phases(Schedule::single(family), Vec::new())
    }

    /// A mode no schedule of phases draws (a ChainedScheduler's product, a Keras integer rate).
    pub fn overlay_only() -> Self {
        Self {
            schedule: None,
            notes: vec!["Anneal's phases cannot draw this call: shown as an overlay only".into()],
        }
    }

    /// The cosine when the schedule is the explorer's cosine alone.
    pub fn cosine(&self) -> Option<&Anneal> {
        match self.schedule.as_ref()?.phases.as_slice() {
            [Family::Cosine(a)] => Some(a),
            _ => None,
        }
    }
}

/// `rest` after `first` has run `span` steps (`rest` alone when `span` is not above 0): a
/// warm-up, a hold before the transition, a factor a scheduler undoes.
pub fn after(first: Family, span: f64, rest: Family) -> Schedule {
    if span > 0.0 {
        Schedule {
            phases: vec![first, rest],
            boundaries: vec![span],
        }
    } else {
        Schedule::single(rest)
    }
}

/// Schedules run one after another, each from its start step (the first from 0) and cut where
/// the next starts: a SequentialLR's or a join_schedules' phases. `None` when what runs from
/// step 0 does not start there (a boundary at or below 0 shifts its clock).
pub fn joined(parts: Vec<(f64, Schedule)>) -> Option<Schedule> {
    let mut phases = Vec::new();
    let mut boundaries = Vec::new();
    for (k, (start, s)) in parts.iter().enumerate() {
        let end = parts.get(k + 1).map_or(f64::INFINITY, |p| p.0);
        for (i, f) in s.phases.iter().enumerate() {
            let at = start + s.start(i);
            if at >= end {
                break;
            }
            if !phases.is_empty() {
                boundaries.push(at);
            } else if at != 0.0 {
                return None;
            }
            phases.push(f.clone());
        }
    }
    Some(Schedule { phases, boundaries })
}
