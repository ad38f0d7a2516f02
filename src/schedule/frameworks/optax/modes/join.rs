//! optax's `join_schedules(schedules, boundaries)` (0.2.8, `_join.py`) over any of its
//! schedules.

use crate::schedule::error::ScheduleError;
use crate::schedule::frameworks::Mode;

/// `join_schedules`: from each boundary on, the next schedule, on its own clock
/// (`count − boundary`).
#[derive(Clone, Debug, PartialEq)]
pub struct Join {
    /// optax schedules, the first from step 0.
    pub schedules: Vec<Mode>,
    /// Where each later schedule takes over (zipped with them: extras of either are unused).
    pub boundaries: Vec<f64>,
}

impl Join {
    /// The schedules that can take over, with their boundaries (Python's `zip`).
    fn handovers(&self) -> impl Iterator<Item = (f64, &Mode)> {
        self.boundaries
            .iter()
            .copied()
            .zip(self.schedules.iter().skip(1))
    }

    /// Steps the schedule is written for: the last handover, then that schedule's length.
    pub fn length(&self) -> f64 {
        match self.handovers().last() {
            Some((b, m)) => b + m.length(),
            None => self.schedules.first().map_or(0.0, Mode::length),
        }
    }

    /// optax indexes `schedules[0]`; every schedule must give a value at a point.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        if self.schedules.is_empty() {
            return Err(ScheduleError::new(
                "schedules",
                "needs at least one schedule (optax reads schedules[0])",
            ));
        }
        self.schedules
            .iter()
            .try_for_each(|m| m.validate().and_then(|()| m.at_point(0.0).map(drop)))
    }

    /// The value at `count`: `where(count < boundary, earlier, next(count − boundary))` in
    /// turn, so the last boundary passed decides.
    pub fn at(&self, count: f64) -> Result<f64, ScheduleError> {
        let (offset, mode) = self
            .handovers()
            .filter(|(b, _)| count >= *b)
            .last()
            .or_else(|| self.schedules.first().map(|m| (0.0, m)))
            .ok_or_else(|| ScheduleError::new("schedules", "is empty"))?;
        mode.at_point(count - offset)
    }
}
