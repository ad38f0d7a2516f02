//! The resume preview: a run stopped at step k and resumed in one library, both ways it can pick
//! its scheduler back up, drawn from k on and judged against the planned and the new call.

use serde::{Deserialize, Serialize};

use super::settings::{Resolved, Settings, Unit};
use crate::format::shown;
use crate::schedule::frameworks::compose::composed;
use crate::schedule::frameworks::resume::{resumed, Rule, Way};
use crate::schedule::frameworks::Framework;

/// Points drawn per way at most; longer runs are strided after the first [`DENSE`] steps.
const MAX_POINTS: f64 = 4_000.0;

/// Steps after k drawn one by one.
const DENSE: f64 = 2_000.0;

/// What the preview is asked for (`resume`, `resume_lib`, `resume_t_max`, `resume_eta_max`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResumeAt {
    /// When the checkpoint was saved, in the chosen unit; 0 draws no preview.
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
    /// Whether η at step k differs visibly (0.1 % or more) from the planned η there.
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

/// Both ways `s.resume.lib` resumes the run `before` (the settings resolved) at step k, each
/// drawn and told or why it cannot be; `Err` when there is nothing to resume.
pub fn preview(s: &Settings, before: &Resolved) -> Result<Vec<Resumed>, String> {
    let r = s.resume;
    let h = before.horizon_steps;
    let after = s.on_resume().resolve();
    let old = composed(r.lib, &before.phases, h)?;
    let new = composed(r.lib, &after.phases, h)?;
    let end = old.mode.shown_end(h).min(new.mode.shown_end(h)).floor();
    let k = (r.at * before.steps_per_unit).round();
    if !(k >= 1.0 && k < end) {
        let last = end - 1.0;
        let computed = format!(
            "{}'s curve is computed to step {}",
            r.lib.name(),
            shown(end)
        );
        // k is a length like the others, so in epochs the range is in epochs: 3000 is not step
        // 3000 then.
        let spu = before.steps_per_unit;
        return Err(match s.unit {
            Unit::Steps => format!("stop at a step from 1 to {} ({computed})", shown(last)),
            Unit::Epochs => format!(
                "k counts epochs here: stop between epoch {} and {} ({computed}; {} epochs is step {})",
                shown(1.0 / spu),
                shown(last / spu),
                shown(r.at),
                shown(k)
            ),
        });
    }
    let steps = steps_from(k, end);
    let planned = old.mode.eval(&steps).map_err(|e| e.to_string())?;
    let asked = new.mode.eval(&steps).map_err(|e| e.to_string())?;
    let tol = r.lib.tolerance();
    let same = |a: f64, b: f64| (a - b).abs() <= tol * a.abs().max(b.abs());
    let alike =
        |a: &[f64], b: &[f64]| a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(*x, *y));
    let changed = !alike(&planned, &asked);
    let plan = format!("{}'s call plans", r.lib.name());
    let ways = [Way::Restored, Way::Recreated].map(|way| {
        let (code, rule) = r.lib.resume(way);
        let v = match resumed(&old.mode, &planned, &new.mode, way, &steps) {
            Ok(v) => v,
            Err(e) => {
                let (points, verdict, jumps) = (Vec::new(), e.reason, false);
                return Resumed { way, code, points, verdict, jumps };
            }
        };
        // A jump worth a flag: a visible change of η at the checkpoint (0.1 % or more).
        let jump = match (v.first(), planned.first()) {
            (Some(&got), Some(&was)) if (got - was).abs() > 1e-3 * got.abs().max(was.abs()) => {
                Some((was, got))
            }
            _ => None,
        };
        let mut verdict = jump.map_or_else(String::new, |(was, got)| {
            format!("at step {} η jumps from {} to {}; ", shown(k), shown(was), shown(got))
        });
        let ratio = v.first().zip(planned.first()).map(|(a, b)| a / b).filter(|q| q.is_finite());
        // Within the training run (the chart shows a fifth more).
        let run = steps.partition_point(|&t| t <= before.run_steps);
        let scaled = ratio.is_some_and(|q| {
            v.iter().zip(&planned).take(run).all(|(a, b)| *b == 0.0 && *a == 0.0 || same(*a / *b, q))
        });
        verdict += &if alike(&v, &planned) && changed {
            "it goes on with the old call: the changes are ignored".to_string()
        } else if alike(&v, &planned) {
            format!("it goes on as {plan}")
        } else if alike(&v, &asked) {
            "it follows the new call".to_string()
        } else if rule == Rule::FromZero {
            format!("the schedule starts over: step {} trains at the new call's step 0", shown(k))
        } else if v.len() > 1 && same(v[0], planned[0]) && alike(&v[1..], &asked[1..]) {
            format!(
                "it trains step {} at the planned rate, then follows the new call (η goes from {} to {} at step {})",
                shown(k),
                shown(planned[1]),
                shown(v[1]),
                shown(steps[1])
            )
        } else if scaled && !changed && run > 1 {
            format!(
                "it runs at {} × the planned rate until the run ends at step {}",
                shown(ratio.unwrap_or(1.0)),
                shown(steps[run - 1])
            )
        } else {
            widest_gap(&steps, &v, if changed { (&asked, "the new call") } else { (&planned, "the plan") })
        };
        Resumed {
            way,
            code,
            points: steps.iter().copied().zip(v).collect(),
            verdict,
            jumps: jump.is_some(),
        }
    });
    Ok(ways.into())
}

/// k, then every step for [`DENSE`] steps (where a resumed warm-up overshoots), then strided
/// to `end`: about [`MAX_POINTS`] steps in all.
fn steps_from(k: f64, end: f64) -> Vec<f64> {
    let dense = (k + DENSE).min(end);
    let stride = ((end - dense) / (MAX_POINTS - DENSE)).ceil().max(1.0);
    let mut steps: Vec<f64> = (0..=(dense - k) as u64).map(|i| k + i as f64).collect();
    let mut t = dense + stride;
    while t <= end {
        steps.push(t);
        t += stride;
    }
    steps
}

/// Where a curve strays furthest from `want` (named), relative to the larger of the two.
fn widest_gap(steps: &[f64], got: &[f64], (want, name): (&[f64], &str)) -> String {
    let gap = |i: usize| {
        let (a, b) = (got[i], want[i]);
        (a - b).abs() / a.abs().max(b.abs()).max(f64::MIN_POSITIVE)
    };
    let i =
        (0..got.len().min(want.len())).fold(0, |best, i| if gap(i) > gap(best) { i } else { best });
    format!(
        "it strays from {name}: furthest at step {}, η {} where {name} gives {}",
        shown(steps[i]),
        shown(got[i]),
        shown(want[i])
    )
}
