//! Editing a schedule's phases as the page does: insert, remove, swap, each keeping every other
//! phase's span (its length in steps).

use super::{PhaseError, Schedule};
use crate::schedule::Family;

impl Schedule {
    /// Where each phase starts, 0 first.
    fn starts(&self) -> Vec<f64> {
        std::iter::once(0.0)
            .chain(self.boundaries.iter().copied())
            .collect()
    }

    fn set_starts(&mut self, starts: &[f64]) {
        self.boundaries = starts.iter().skip(1).copied().collect();
    }

    /// Puts `family` at position `i` (at most the number of phases). Placed before a phase, it
    /// runs `span` steps and pushes the later phases back by as much; appended, it starts `span`
    /// steps after the old last phase did — `span` is always the length of the phase that stops
    /// being last or is new and bounded.
    pub fn insert(&mut self, i: usize, family: Family, span: f64) -> Result<(), PhaseError> {
        if !(span.is_finite() && span > 0.0) {
            return Err(PhaseError::new(
                Some(i + 1),
                "span",
                format!("must be a number of steps above 0, got {span}"),
            ));
        }
        let starts = self.starts();
        let i = i.min(self.phases.len());
        let new: Vec<f64> = if i == self.phases.len() {
            let last = starts.last().copied().unwrap_or(0.0);
            starts.iter().copied().chain([last + span]).collect()
        } else {
            let at = starts[i];
            starts[..i]
                .iter()
                .copied()
                .chain([at])
                .chain(starts[i..].iter().map(|s| s + span))
                .collect()
        };
        self.phases.insert(i, family);
        self.set_starts(&new);
        Ok(())
    }

    /// Takes out phase `i`; the later phases move forward by its span. `None` when `i` is past
    /// the end or it is the only phase.
    pub fn remove(&mut self, i: usize) -> Option<Family> {
        let n = self.phases.len();
        if i >= n || n < 2 {
            return None;
        }
        let mut starts = self.starts();
        if i + 1 < n {
            let span = starts[i + 1] - starts[i];
            for s in &mut starts[i + 1..] {
                *s -= span;
            }
            starts.remove(i + 1);
        } else {
            starts.pop();
        }
        self.set_starts(&starts);
        Some(self.phases.remove(i))
    }

    /// Exchanges phases `i` and `j` with their spans; the last slot has none, so a phase leaving
    /// it takes the span of the one taking its place. False when either is past the end.
    pub fn swap(&mut self, i: usize, j: usize) -> bool {
        let n = self.phases.len();
        if i >= n || j >= n {
            return false;
        }
        let (i, j) = (i.min(j), i.max(j));
        if i == j {
            return true;
        }
        let starts = self.starts();
        let mut spans: Vec<f64> = starts.windows(2).map(|w| w[1] - w[0]).collect();
        if j + 1 < n {
            spans.swap(i, j);
        }
        self.phases.swap(i, j);
        let mut new = starts[..=i].to_vec();
        for span in &spans[i..] {
            let last = new.last().copied().unwrap_or(0.0);
            new.push(last + span);
        }
        self.set_starts(&new);
        true
    }
}
