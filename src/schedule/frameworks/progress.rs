//! A mode's values at many points, computed a slice at a time: the page spreads long work
//! (a scheduler stepped to step 10⁶) over frames. [`Mode::eval`] is the same work in one go.

use super::{Mode, ScheduleError, MAX_STEPPED};

enum Work {
    /// Each point on its own, in the order given.
    Pointwise,
    /// A scheduler stepped from step 0: its learning rates, the points in step order, and the
    /// step the iterator is at.
    Stepped {
        lrs: Box<dyn Iterator<Item = f64>>,
        order: Vec<usize>,
        step: usize,
    },
}

/// An evaluation of a mode at `points` that advances by a bounded amount of work per call.
pub struct Progress {
    mode: Mode,
    points: Vec<f64>,
    out: Vec<f64>,
    done: usize,
    work: Work,
    error: Option<ScheduleError>,
}

impl Progress {
    /// Starts evaluating `mode` at `points`; a point a stepped scheduler cannot reach is an
    /// error at once.
    pub fn new(mode: &Mode, points: Vec<f64>) -> Self {
        let mut error = None;
        let work = match mode.stepped_lrs() {
            None => Work::Pointwise,
            Some(lrs) => {
                if let Some(&bad) = points
                    .iter()
                    .find(|t| t.is_nan() || **t < 0.0 || t.fract() != 0.0 || **t > MAX_STEPPED)
                {
                    error = Some(ScheduleError::new(
                        "t",
                        format!("this scheduler is stepped one step at a time: points must be whole numbers from 0 to {MAX_STEPPED}, got {bad}"),
                    ));
                }
                let mut order: Vec<usize> = (0..points.len()).collect();
                crate::sort::sort_by(&mut order, |&a, &b| points[a].total_cmp(&points[b]).is_lt());
                Work::Stepped {
                    lrs,
                    order,
                    step: 0,
                }
            }
        };
        Self {
            mode: mode.clone(),
            out: vec![0.0; points.len()],
            points,
            done: 0,
            work,
            error,
        }
    }

    /// Whether every point has its value (or the evaluation failed).
    pub fn finished(&self) -> bool {
        self.error.is_some() || self.done == self.points.len()
    }

    /// Does up to `budget` units of work (a point, or a step of a stepped scheduler); returns
    /// whether the evaluation is finished.
    pub fn advance(&mut self, budget: usize) -> bool {
        let mut left = budget;
        while !self.finished() && left > 0 {
            left -= 1;
            match &mut self.work {
                Work::Pointwise => match self.mode.at_point(self.points[self.done]) {
                    Ok(v) => {
                        self.out[self.done] = v;
                        self.done += 1;
                    }
                    Err(e) => self.error = Some(e),
                },
                Work::Stepped { lrs, order, step } => {
                    let Some(lr) = lrs.next() else {
                        self.error = Some(ScheduleError::new(
                            "t",
                            format!("the library raises at step {step}: its scheduler stops there"),
                        ));
                        break;
                    };
                    while let Some(&k) = order.get(self.done) {
                        if self.points[k] as usize != *step {
                            break;
                        }
                        self.out[k] = lr;
                        self.done += 1;
                    }
                    *step += 1;
                }
            }
        }
        self.finished()
    }

    /// The share of the work done, from 0 to 1.
    pub fn fraction(&self) -> f64 {
        match &self.work {
            _ if self.finished() => 1.0,
            Work::Pointwise => self.done as f64 / self.points.len() as f64,
            Work::Stepped { order, step, .. } => {
                let last = order.last().map_or(0.0, |&k| self.points[k]);
                *step as f64 / (last + 1.0)
            }
        }
    }

    /// The values, in the order of the points, once [`Self::advance`] said it is finished.
    pub fn finish(self) -> Result<Vec<f64>, ScheduleError> {
        match self.error {
            Some(e) => Err(e),
            None if self.done == self.points.len() => Ok(self.out),
            None => Err(ScheduleError::new("t", "the evaluation was not finished")),
        }
    }
}
