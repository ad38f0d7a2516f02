//! The explorer schedule nearest to each PyTorch mode: its cosines as the explorer's cosine,
//! every other scheduler as a phase, a SequentialLR as its schedulers' phases.

use super::modes::{
    decay_period, CosineAnnealing, Cyclic, CyclicMode, Inner, Kind, Momentum, OneCycle, Scheduler,
    Sequential, WarmRestarts,
};
use crate::format::{format_value, quantity};
use crate::schedule::family::{self, Constant, Exponential, Linear, Multistep, Polynomial, Step};
use crate::schedule::frameworks::{after, joined, scaled, Nearest};
use crate::schedule::{Anneal, Family, Interp, Schedule, Warmup};

fn cosine(m: &CosineAnnealing) -> Anneal {
    Anneal {
        eta_max: m.base,
        eta_min: m.eta_min,
        t_0: m.t_max,
        ..Anneal::default()
    }
}

fn restarts(m: &WarmRestarts) -> Anneal {
    Anneal {
        eta_max: m.base,
        eta_min: m.eta_min,
        t_0: m.t_0 as f64,
        restarts: true,
        t_mult: m.t_mult as f64,
        ..Anneal::default()
    }
}

pub(super) fn cosine_annealing(m: &CosineAnnealing) -> Nearest {
    let past = "past T_max PyTorch's cosine climbs back towards the optimizer's lr; the explorer's holds η_min";
    Nearest::anneal(cosine(m), vec![past.into()])
}

pub(super) fn warm_restarts(m: &WarmRestarts) -> Nearest {
    Nearest::anneal(restarts(m), Vec::new())
}

/// A chainable scheduler's phases from its step 0.
fn chainable(m: &Scheduler) -> Schedule {
    let lr = m.base;
    let one = Schedule::single;
    match &m.kind {
        Kind::Constant {
            factor,
            total_iters,
        } if *total_iters > 0.0 && total_iters.fract() == 0.0 && *factor != 1.0 => after(
            Family::Constant(Constant {
                lr: scaled(lr, *factor),
            }),
            *total_iters,
            Family::Constant(Constant { lr }),
        ),
        // PyTorch undoes the factor at the step equal to total_iters: never, for 0 or a fraction.
        Kind::Constant { factor, .. } => one(Family::Constant(Constant {
            lr: scaled(lr, *factor),
        })),
        Kind::Linear {
            start_factor,
            end_factor,
            total_iters,
        } => one(Family::Linear(Linear {
            start: scaled(lr, *start_factor),
            end: scaled(lr, *end_factor),
            steps: *total_iters,
        })),
        Kind::Step { step_size, gamma } => match decay_period(*step_size) {
            p if p <= 1e12 => one(Family::Step(Step {
                lr,
                step_size: p,
                gamma: *gamma,
            })),
            _ => one(Family::Constant(Constant { lr })),
        },
        Kind::MultiStep { milestones, gamma } => one(Family::Multistep(Multistep {
            lr,
            milestones: milestones.iter().copied().filter(|&m| reached(m)).collect(),
            gamma: *gamma,
        })),
        Kind::Exponential { gamma } => one(Family::Exponential(Exponential {
            lr,
            gamma: *gamma,
            every: 1.0,
            staircase: false,
        })),
        Kind::Polynomial { total_iters, power } => one(Family::Polynomial(Polynomial {
            lr,
            end: 0.0,
            steps: *total_iters,
            power: *power,
        })),
    }
}

fn cyclic_family(m: &Cyclic) -> Family {
    Family::Cyclic(family::Cyclic {
        base_lr: m.base_lr,
        max_lr: m.max_lr,
        step_size_up: m.step_size_up,
        step_size_down: m.step_size_down,
        mode: match m.mode {
            CyclicMode::Triangular => family::CyclicMode::Triangular,
            CyclicMode::Triangular2 => family::CyclicMode::Triangular2,
            CyclicMode::ExpRange => family::CyclicMode::ExpRange,
        },
        gamma: m.gamma,
    })
}

fn one_cycle_family(m: &OneCycle) -> Family {
    Family::OneCycle(family::OneCycle {
        max_lr: m.max_lr,
        total: m.total_steps as f64,
        pct_start: m.pct_start,
        div_factor: m.div_factor,
        final_div_factor: m.final_div_factor,
        anneal: if m.linear {
            Interp::Linear
        } else {
            Interp::Cosine
        },
        three_phase: m.three_phase,
    })
}

pub(super) fn scheduler(m: &Scheduler) -> Nearest {
    let mut notes = Vec::new();
    unreached(&m.kind, &mut notes);
    Nearest::phases(chainable(m), notes)
}

/// Whether `last_epoch`, a whole number from 0, ever equals the milestone `m`.
fn reached(m: f64) -> bool {
    m >= 0.0 && m.fract() == 0.0
}

/// Notes on what torch's `%` and `in` make of a StepLR's or MultiStepLR's steps that are not
/// whole.
fn unreached(kind: &Kind, notes: &mut Vec<String>) {
    match kind {
        Kind::Step { step_size, .. } => {
            let (s, p) = (format_value(*step_size), decay_period(*step_size));
            if p > 1e12 {
                notes.push(format!("StepLR(step_size={s}) first decays at step {}, where last_epoch % {s} == 0, past the 1e12 steps a phase spans: the phase holds its rate", format_value(p)));
            } else if p != *step_size {
                notes.push(format!("StepLR(step_size={s}) decays where last_epoch % {s} == 0: every {}, as the phase's step_size says", quantity(p, "step")));
            }
        }
        Kind::MultiStep { milestones, .. } => {
            let mut never = String::new();
            for &m in milestones {
                if !reached(m) {
                    if !never.is_empty() {
                        never += ", ";
                    }
                    never += &format_value(m);
                }
            }
            if !never.is_empty() {
                notes.push(format!("MultiStepLR never reaches milestone {never}: last_epoch is a whole number from 0, so the phase leaves it out"));
            }
        }
        _ => {}
    }
}

pub(super) fn cyclic(m: &Cyclic) -> Nearest {
    Nearest::phases(
        Schedule::single(cyclic_family(m)),
        momentum_kept(m.momentum, Cyclic::MOMENTUM),
    )
}

pub(super) fn one_cycle(m: &OneCycle) -> Nearest {
    let mut notes = vec![ONE_STEP_EARLY.into()];
    notes.extend(momentum_kept(m.momentum, OneCycle::MOMENTUM));
    Nearest::phases(Schedule::single(one_cycle_family(m)), notes)
}

/// A cycling scheduler's momentum other than PyTorch's default, which the phase does not hold:
/// only the imported curve's momentum follows it.
fn momentum_kept(m: Option<Momentum>, default: Momentum) -> Vec<String> {
    let said = match m {
        Some(m) if m == default => return Vec::new(),
        Some(m) => format!(
            "base_momentum={}, max_momentum={} are followed by the imported curve's momentum",
            format_value(m.base),
            format_value(m.max)
        ),
        None => "cycle_momentum=False holds the momentum in the imported call".into(),
    };
    vec![format!(
        "{said} only: the phase, its momentum axis and its code cycle PyTorch's default {} to {}",
        format_value(default.base),
        format_value(default.max)
    )]
}

/// How OneCycleLR's parts end, which the one-cycle phase does not copy.
const ONE_STEP_EARLY: &str = "OneCycleLR reaches its peak at step pct_start·total_steps − 1 and its end at total_steps − 1, one step before Anneal's one-cycle phase does";

/// One scheduler of a SequentialLR as phases from its own step 0.
fn inner(i: &Inner) -> Schedule {
    match i {
        Inner::Chainable(m) => chainable(m),
        Inner::Cosine(m) => Schedule::single(Family::Cosine(cosine(m))),
        Inner::WarmRestarts(m) => Schedule::single(Family::Cosine(restarts(m))),
        Inner::Cyclic(m) => Schedule::single(cyclic_family(m)),
        Inner::OneCycle(m) => Schedule::single(one_cycle_family(m)),
    }
}

/// The first scheduler as SequentialLR runs it: from the optimizer's `initial_lr` once every
/// scheduler is constructed (a later OneCycleLR rewrites it).
fn rebased(first: &Inner, initial_lr: f64) -> Inner {
    let mut first = first.clone();
    match &mut first {
        Inner::Chainable(s) => s.base = initial_lr,
        Inner::Cosine(c) => c.base = initial_lr,
        Inner::WarmRestarts(w) => w.base = initial_lr,
        Inner::Cyclic(_) | Inner::OneCycle(_) => {}
    }
    first
}

/// Each scheduler's phases from its milestone, cut at the next one.
fn each_from_its_milestone(m: &Sequential) -> Nearest {
    let starts = std::iter::once(0.0).chain(m.milestones.iter().map(|&t| t as f64));
    let first = m.schedulers.first().map(|f| rebased(f, m.initial_lr));
    let schedulers = first.iter().chain(m.schedulers.iter().skip(1));
    let parts = starts.zip(schedulers.map(inner)).collect();
    let mut notes = Vec::new();
    for s in &m.schedulers {
        if let Inner::Chainable(c) = s {
            unreached(&c.kind, &mut notes);
        }
    }
    joined(parts).map_or_else(Nearest::overlay_only, |s| Nearest::phases(s, notes))
}

/// A SequentialLR of a LinearLR and a CosineAnnealingLR (or CosineAnnealingWarmRestarts) is the
/// explorer's warm-up then cosine (or warm restarts); any other is its schedulers' phases.
pub(super) fn sequential(m: &Sequential) -> Nearest {
    let (
        [Inner::Chainable(Scheduler {
            kind:
                Kind::Linear {
                    start_factor,
                    end_factor,
                    total_iters,
                },
            ..
        }), after_warmup],
        [milestone],
    ) = (m.schedulers.as_slice(), m.milestones.as_slice())
    else {
        return each_from_its_milestone(m);
    };
    let cycles = match after_warmup {
        Inner::Cosine(c) => cosine(c),
        Inner::WarmRestarts(w) => restarts(w),
        _ => return each_from_its_milestone(m),
    };
    let base = m.initial_lr;
    let a = Anneal {
        eta_max: base,
        warmup: Warmup {
            length: *milestone as f64,
            start: scaled(base, *start_factor),
            ..Warmup::default()
        },
        ..cycles
    };
    let mut notes = Vec::new();
    if *end_factor != 1.0 || *total_iters != *milestone as f64 {
        notes.push("the warm-up is drawn as a linear ramp to η_max over the milestone".into());
    }
    Nearest::anneal(a, notes)
}
