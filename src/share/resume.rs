//! The resume preview: a run stopped at step k and resumed in one library, both ways it can pick
//! its scheduler back up, drawn from k on and judged against the planned and the new call.

use serde::{Deserialize, Serialize};

use super::settings::{Resolved, Settings};
use crate::format::shown;
use crate::schedule::frameworks::compose::composed;
use crate::schedule::frameworks::resume::{resumed, Way};
use crate::schedule::frameworks::Framework;

/// Points drawn per way at most; longer runs are strided (k and k + 1 are always in).
const MAX_POINTS: f64 = 4_000.0;

/// What the preview is asked for (`resume`, `resume_lib`, `resume_t_max`, `resume_eta_max`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResumeAt {
    /// Optimizer steps done when the checkpoint was saved; 0 draws no preview.
    pub at: f64,
    /// The library whose resume is drawn.
    pub lib: Framework,
    /// T_max / T_0 the resumed script is written with, in the chosen unit; 0 = unchanged.
    pub t_max: f64,
    /// η_max the resumed script is written with; 0 = unchanged.
    pub eta_max: f64,
}

impl Default for ResumeAt {
    fn default() -> Self {
        Self {
            at: 0.0,
            lib: Framework::Torch,
            t_max: 0.0,
            eta_max: 0.0,
        }
    }
}

/// One way of resuming, as drawn and told.
#[derive(Clone, Debug, PartialEq)]
pub struct Resumed {
    /// Restored or re-created.
    pub way: Way,
    /// What the script does, in the library's words.
    pub code: &'static str,
    /// (step, η) from step k on.
    pub points: Vec<(f64, f64)>,
    /// What happens, in a sentence: a jump at k, and whether it follows the plan, the new call
    /// or neither.
    pub verdict: String,
    /// Whether η at step k differs from the planned η there.
    pub jumps: bool,
}

impl Settings {
    /// The settings the resumed script is written with: T_max and η_max as changed on resume.
    pub fn on_resume(&self) -> Settings {
        let mut s = self.clone();
        s.pins = Default::default();
        if self.resume.t_max > 0.0 {
            s.t_max = self.resume.t_max;
            s.t_max_ratio = 0.0;
        }
        if self.resume.eta_max > 0.0 {
            s.eta_max = self.resume.eta_max;
        }
        s
    }
}

/// Both ways `s.resume.lib` resumes the run `before` (the settings resolved) at step k, or why
/// there is nothing to draw.
pub fn preview(s: &Settings, before: &Resolved) -> Result<Vec<Resumed>, String> {
    let r = s.resume;
    let h = before.horizon_steps;
    let k = r.at.round();
    if !(k >= 1.0 && k < h) {
        return Err(format!(
            "stop at a step from 1 to {} (the chart's last)",
            shown(h.floor() - 1.0)
        ));
    }
    let after = s.on_resume().resolve();
    let old = composed(r.lib, &before.phases, h)?;
    let new = composed(r.lib, &after.phases, h)?;
    let end = old.mode.shown_end(h).min(new.mode.shown_end(h)).floor();
    let steps = steps_from(k, end);
    let err = |e: crate::schedule::ScheduleError| e.to_string();
    let planned = old.mode.eval(&steps).map_err(err)?;
    let asked = new.mode.eval(&steps).map_err(err)?;
    let same = |a: f64, b: f64| (a - b).abs() <= r.lib.tolerance() * a.abs().max(b.abs());
    let changed = planned.iter().zip(&asked).any(|(a, b)| !same(*a, *b));
    [Way::Restored, Way::Recreated]
        .into_iter()
        .map(|way| {
            let v = resumed(&old.mode, &new.mode, k, way, &steps).map_err(err)?;
            let follows = |want: &[f64]| v.iter().zip(want).all(|(a, b)| same(*a, *b));
            let jump = match (v.first(), planned.first()) {
                (Some(&got), Some(&plan)) if !same(got, plan) => Some((plan, got)),
                _ => None,
            };
            let mut verdict = jump.map_or_else(String::new, |(plan, got)| {
                format!("at step {} η jumps from {} to {}; ", shown(k), shown(plan), shown(got))
            });
            let late = |want: &[f64]| v.iter().zip(want).skip(1).all(|(a, b)| same(*a, *b));
            verdict += &if follows(&planned) && changed {
                "it goes on with the old call: the changes are ignored".to_string()
            } else if follows(&planned) {
                "it goes on as planned".to_string()
            } else if follows(&asked) {
                "it follows the new call".to_string()
            } else if v.len() > 1 && same(v[0], planned[0]) && late(&asked) {
                format!(
                    "it trains step {} at the planned rate, then follows the new call (η jumps from {} to {} at step {})",
                    shown(k),
                    shown(planned[1]),
                    shown(v[1]),
                    shown(steps[1])
                )
            } else {
                widest_gap(&steps, &v, &asked)
            };
            Ok(Resumed {
                way,
                code: r.lib.resume(way).0,
                points: steps.iter().copied().zip(v).collect(),
                verdict,
                jumps: jump.is_some(),
            })
        })
        .collect()
}

/// k, k + 1, then every stride to `end`, at most about [`MAX_POINTS`] steps.
fn steps_from(k: f64, end: f64) -> Vec<f64> {
    let stride = ((end - k + 1.0) / MAX_POINTS).ceil().max(1.0);
    let mut steps = vec![k];
    let mut t = k + 1.0;
    while t <= end {
        steps.push(t);
        t = if t == k + 1.0 && stride > 1.0 {
            k + stride
        } else {
            t + stride
        };
    }
    steps
}

/// Where a curve strays furthest from the new call, relative to the larger of the two.
fn widest_gap(steps: &[f64], got: &[f64], asked: &[f64]) -> String {
    let gap = |i: usize| {
        let (a, b) = (got[i], asked[i]);
        (a - b).abs() / a.abs().max(b.abs()).max(f64::MIN_POSITIVE)
    };
    let i = (0..got.len().min(asked.len()))
        .fold(0, |best, i| if gap(i) > gap(best) { i } else { best });
    format!(
        "neither the old call nor the new: at step {} η is {} where the new call gives {}",
        shown(steps[i]),
        shown(got[i]),
        shown(asked[i])
    )
}
