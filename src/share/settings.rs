//! Everything the explorer's controls set, as one plain value, and the schedule it means.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::keys::*;
use super::lab::Lab;
use super::lengths::whole_steps;
use super::presets::{Preset, PRESETS};
use super::view::View;
use crate::format::{format_value, shown};
use crate::named::named;
use crate::schedule::{
    Anneal, Family, Schedule, Warmup, WarmupPlacement, WarmupScope, WarmupShape,
};
use crate::training::Counter;

/// The unit the lengths are given in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Optimizer steps.
    #[default]
    Steps,
    /// Epochs of `steps_per_epoch` batches, `grad_accum` batches per optimizer step.
    Epochs,
}

named!(Unit {
    Steps => "steps";
    Epochs => "epochs";
});

/// Pins a link holds at most (slots `pin1` … `pin4`).
pub const MAX_PINS: usize = 4;

/// A pinned schedule (its rules are in [`super::pins`], its link form in [`super::value`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pin {
    /// Identity for the page's list (not written to links).
    #[serde(skip)]
    pub id: u32,
    /// Legend name.
    pub name: String,
    /// Hidden from the chart.
    pub hidden: bool,
    /// The schedule when pinned (its lab, view and pins are the defaults).
    pub settings: Box<Settings>,
}

/// The explorer's settings; lengths are in `unit`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Peak learning rate.
    pub eta_max: f64,
    /// Absolute floor.
    pub eta_min: f64,
    /// Floor as a fraction of η_max, used when `eta_min_rel`.
    pub eta_min_frac: f64,
    /// The floor is relative to η_max.
    pub eta_min_rel: bool,
    /// First cycle length.
    pub t_max: f64,
    /// Warm restarts on.
    pub restarts: bool,
    /// Cycle growth.
    pub t_mult: f64,
    /// Peak decay per restart.
    pub decay: f64,
    /// Cycles before the floor holds; 0 = no limit.
    pub cycle_limit: f64,
    /// k-decay.
    pub k_decay: f64,
    /// Warm-up length.
    pub warmup: f64,
    /// Warm-up curve.
    pub warmup_shape: WarmupShape,
    /// Warm-up start value.
    pub warmup_start: f64,
    /// Warm-up before every cycle, not only the first.
    pub warmup_every: bool,
    /// Warm-up overlaps the cosine instead of preceding it.
    pub warmup_overlap: bool,
    /// Length shown; 0 = automatic.
    pub horizon: f64,
    /// Unit of the lengths.
    pub unit: Unit,
    /// Batches per epoch.
    pub steps_per_epoch: f64,
    /// Batches per optimizer step.
    pub grad_accum: f64,
    /// Examples in the training set; 0 = `steps_per_epoch` is the loader's length.
    pub examples: f64,
    /// Examples per batch on each device.
    pub batch: f64,
    /// Data-parallel processes.
    pub devices: f64,
    /// Epochs of training; 0 = not given.
    pub epochs: f64,
    /// The loader drops a short last batch.
    pub drop_last: bool,
    /// Who counts the optimizer steps.
    pub steps_rule: Counter,
    /// Warm-up as a fraction of training; 0 = `warmup` holds.
    pub warmup_ratio: f64,
    /// The first cosine ends at this fraction of training; 0 = `t_max` holds.
    pub t_max_ratio: f64,
    /// Logarithmic y-axis.
    pub log_y: bool,
    /// The schedule's phases as text (`cos` is the cosine these controls set); empty for that
    /// cosine alone.
    pub phases: String,
    /// The landscape lab.
    pub lab: Lab,
    /// What the page shows and how.
    pub view: View,
    /// The resume preview.
    #[serde(default)]
    pub resume: super::resume::ResumeAt,
    /// Pinned schedules, by slot.
    pub pins: [Option<Pin>; MAX_PINS],
    /// The code a scheduler call was imported from, drawn over the schedule as its library
    /// computes it (empty: none).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub imported: String,
}

impl Default for Settings {
    // Once in the page: inlined, each of its callers held a copy of every field's default.
    #[inline(never)]
    fn default() -> Self {
        Self {
            eta_max: ETA_MAX.default,
            eta_min: ETA_MIN.default,
            eta_min_frac: ETA_MIN_FRAC.default,
            eta_min_rel: false,
            t_max: T_MAX.default,
            restarts: false,
            t_mult: T_MULT.default,
            decay: DECAY.default,
            cycle_limit: CYCLE_LIMIT.default,
            k_decay: K_DECAY.default,
            warmup: WARMUP.default,
            warmup_shape: WarmupShape::Linear,
            warmup_start: WARMUP_START.default,
            warmup_every: false,
            warmup_overlap: false,
            horizon: HORIZON.default,
            unit: Unit::Steps,
            steps_per_epoch: STEPS_PER_EPOCH.default,
            grad_accum: GRAD_ACCUM.default,
            examples: EXAMPLES.default,
            batch: BATCH.default,
            devices: DEVICES.default,
            epochs: EPOCHS.default,
            drop_last: false,
            steps_rule: Counter::default(),
            warmup_ratio: WARMUP_RATIO.default,
            t_max_ratio: T_MAX_RATIO.default,
            log_y: false,
            phases: String::new(),
            lab: Lab::default(),
            view: View::default(),
            resume: Default::default(),
            pins: Default::default(),
            imported: String::new(),
        }
    }
}

/// The schedule a [`Settings`] means, and what had to be adjusted to make it valid.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    /// The cosine the controls set, in optimizer steps; always valid.
    pub schedule: Anneal,
    /// The schedule drawn: the phases, with `schedule` as each `cos` phase (that cosine
    /// alone when there are no phases); always valid.
    pub phases: Schedule,
    /// Optimizer steps per unit on the x-axis.
    pub steps_per_unit: f64,
    /// Optimizer steps per epoch as the chosen counter counts them, whatever the x-axis unit.
    pub steps_per_epoch: f64,
    /// Optimizer steps of the training run, when the setup gives its epochs.
    pub total_steps: Option<f64>,
    /// Right end of the x-axis, in optimizer steps.
    pub horizon_steps: f64,
    /// End of the training run, in optimizer steps: the horizon the user set, else the end of
    /// the last cycle the automatic horizon shows (which adds a fifth for what follows).
    pub run_steps: f64,
    /// Plain-language notes about adjustments, for the page to show.
    pub notices: Vec<String>,
}

/// Cycles the automatic horizon shows when restarts go on forever.
const AUTO_CYCLES: u64 = 4;

impl Settings {
    /// The values a link leaves out for these settings: the defaults, with the lab's start at
    /// the surface's own, so `?surface=late_traps` starts where picking it in the menu does.
    pub fn link_defaults(&self) -> Settings {
        let mut d = Settings::default();
        [d.lab.x0, d.lab.y0] = self.lab.surface.default_start();
        d
    }

    /// Optimizer steps per unit: 1, or [`Settings::epoch_steps`].
    pub fn steps_per_unit(&self) -> f64 {
        match self.unit {
            Unit::Steps => 1.0,
            Unit::Epochs => self.epoch_steps(),
        }
    }

    /// The schedule in optimizer steps, with every cross-field conflict resolved and explained.
    pub fn resolve(&self) -> Resolved {
        let spu = self.steps_per_unit();
        let mut notices = Vec::new();
        let eta_min = if self.eta_min_rel {
            self.eta_min_frac
        } else if self.eta_min > self.eta_max {
            notices.push(format!(
                "η_min ({}) is above η_max ({}): drawn with η_min = η_max.",
                format_value(self.eta_min),
                format_value(self.eta_max)
            ));
            self.eta_max
        } else {
            self.eta_min
        };
        let total = self.total_steps(&mut notices);
        let mut warmup_len = self.warmup_steps(spu, total, &mut notices);
        let t_0 = self.t_0(spu, total, warmup_len, &mut notices);
        if self.warmup_every && self.warmup_overlap && warmup_len > t_0 {
            notices.push(
                "An overlapping warm-up on every cycle must fit in T_0: shortened to T_0.".into(),
            );
            warmup_len = t_0;
        }
        let mut start = self.warmup_start;
        if self.warmup_shape == WarmupShape::Exponential && warmup_len > 0.0 && start <= 0.0 {
            start = self.eta_max / 100.0;
            notices.push(format!(
                "An exponential warm-up cannot start at 0: starting at η_max/100 = {}.",
                shown(start)
            ));
        }
        let schedule = Anneal {
            eta_max: self.eta_max,
            eta_min,
            eta_min_relative: self.eta_min_rel,
            t_0,
            restarts: self.restarts,
            t_mult: self.t_mult,
            cycle_limit: (self.cycle_limit >= 1.0).then_some(self.cycle_limit as u32),
            decay: self.decay,
            decay_min: false,
            k_decay: self.k_decay,
            exponent: 1.0,
            warmup: Warmup {
                length: warmup_len,
                shape: self.warmup_shape,
                start,
                placement: if self.warmup_overlap {
                    WarmupPlacement::Overlap
                } else {
                    WarmupPlacement::Prefix
                },
                scope: if self.warmup_every {
                    WarmupScope::EveryCycle
                } else {
                    WarmupScope::FirstCycle
                },
            },
        };
        let phases = self.phased(&schedule, &mut notices);
        let (horizon_steps, run_steps) = if self.horizon > 0.0 {
            let h = whole_steps(&HORIZON, self.horizon, self.unit, spu, 1.0, &mut notices);
            (h, h)
        } else if let Some(t) = total {
            (t, t)
        } else {
            // A composed schedule runs its phases' own length, and at least the cosine's run
            // (a constant alone has no length of its own).
            let end = if is_cosine_alone(&phases, &schedule) {
                run_end(&schedule)
            } else {
                phases.length().max(run_end(&schedule))
            };
            let horizon = (end * 1.2).ceil().max(1.0);
            // A last phase with no length of its own (a constant, as after a warm-up) would start
            // where the run ends, reached by no step of it: the run goes on to the chart's end.
            let last = phases.start(phases.phases.len().saturating_sub(1));
            (horizon, if last >= end { horizon } else { end })
        };
        Resolved {
            schedule,
            phases,
            steps_per_unit: spu,
            steps_per_epoch: self.count().per_epoch as f64,
            total_steps: total,
            horizon_steps,
            run_steps,
            notices,
        }
    }
}

impl Settings {
    /// The phases with `controls` for each `cos`; the cosine alone when there are none, or
    /// (with a notice) when the text cannot be read with these controls.
    fn phased(&self, controls: &Anneal, notices: &mut Vec<String>) -> Schedule {
        let alone = || Schedule::single(Family::Cosine(controls.clone()));
        if self.phases.is_empty() {
            return alone();
        }
        Schedule::parse(&self.phases, controls).unwrap_or_else(|e| {
            notices.push(format!(
                "The phases could not be drawn ({e}): showing the cosine alone."
            ));
            alone()
        })
    }
}

impl Settings {
    /// Whether a phase is the cosine the controls set (the `cos` token), so they have an effect.
    pub fn uses_cosine_controls(&self) -> bool {
        self.phases.is_empty() || self.phases.split('!').step_by(2).any(|t| t == "cos")
    }
}

/// Whether `phases` is the controls' cosine and nothing else.
fn is_cosine_alone(phases: &Schedule, controls: &Anneal) -> bool {
    matches!(phases.phases.as_slice(), [Family::Cosine(a)] if a == controls)
}

impl Resolved {
    /// Whether the schedule is more than the controls' cosine (other phases or families).
    pub fn composed(&self) -> bool {
        !is_cosine_alone(&self.phases, &self.schedule)
    }
}

/// The end of the last cycle the automatic horizon shows (all of them with a limit, the first
/// few without); the horizon is 1.2 × this, to show a little of what follows.
fn run_end(a: &Anneal) -> f64 {
    let shown = a.cycles_run().unwrap_or(AUTO_CYCLES).min(AUTO_CYCLES);
    let shown = if a.restarts { shown } else { 1 };
    a.offset() + a.cycles().start(shown)
}

/// Presets as states: applying one, and knowing the one a state is.
impl Settings {
    /// Applies `p`: its schedule replaces this one's, the lab, the view and the pins stay, and
    /// its comparison is pinned in the first free slot (when there is one).
    pub fn apply_preset(&mut self, p: &Preset) {
        let mut next = (p.settings)();
        next.lab = self.lab.clone();
        next.view = self.view;
        next.pins = std::mem::take(&mut self.pins);
        // An imported call stays to compare against, as pins do.
        next.imported = std::mem::take(&mut self.imported);
        for slot in &mut next.pins {
            if slot.as_ref().is_some_and(Pin::from_preset) {
                *slot = None;
            }
        }
        if let Some((name, pinned)) = p.pin {
            let id = next.pins.iter().flatten().map(|p| p.id).max().unwrap_or(0) + 1;
            if let Some(slot) = next.pins.iter_mut().find(|p| p.is_none()) {
                *slot = Some(Pin::of(&pinned(), name.to_string(), id));
            }
        }
        *self = next;
    }

    /// The preset whose schedule this is, whatever the lab, view and pins: the picker shows
    /// it, so Back to a preset (or a link to one) names it and an edit away from it does not.
    pub fn preset(&self) -> Option<&'static Preset> {
        // Built once: the picker asks on every input, and a preset of phases writes its text.
        static BUILT: OnceLock<Vec<Settings>> = OnceLock::new();
        let built = BUILT.get_or_init(|| PRESETS.iter().map(|p| (p.settings)()).collect());
        // A whole copy (lab and pins aside) only for a preset with the same peak and phases.
        let like = |s: &Settings| s.eta_max == self.eta_max && s.phases == self.phases;
        let mut alike = PRESETS
            .iter()
            .zip(built)
            .filter(|(_, s)| like(s))
            .peekable();
        alike.peek()?;
        let defaults = Settings::default();
        let schedule = Settings {
            lab: defaults.lab,
            view: defaults.view,
            pins: defaults.pins,
            imported: defaults.imported,
            ..self.clone()
        };
        alike.find(|(_, s)| **s == schedule).map(|(p, _)| p)
    }
}

#[cfg(test)]
mod tests;
