//! The explorer schedule nearest to timm's modes: the cosine as the explorer's cosine, the step,
//! polynomial and tanh schedulers as a linear warm-up, then their decay.

use super::modes::{CosineLr, CycleLr, CycleShape, Milestones, StepLr};
use crate::schedule::family::{Constant, Linear, Multistep, Polynomial, Step, Tanh};
use crate::schedule::frameworks::{after, Nearest};
use crate::schedule::{Anneal, Family, Warmup, WarmupPlacement};

/// Above this, timm's cycle limit means "restart forever" to the explorer.
const ENDLESS_CYCLES: f64 = 1e6;

pub(super) fn cosine_lr(m: &CosineLr) -> Nearest {
    // No cycle at all (cycle_limit=0): timm holds lr_min after the warm-up.
    if m.cycle_limit <= 0.0 {
        let floor = Family::Constant(Constant { lr: m.lr_min });
        return warmed(m.base, m.warmup_lr_init, m.warmup_t, true, floor);
    }
    let restarts = m.cycle_limit > 1.0;
    let overlap = !m.warmup_prefix && m.warmup_t > 0.0;
    let a = Anneal {
        eta_max: m.base,
        eta_min: m.lr_min,
        t_0: m.t_initial,
        restarts,
        t_mult: m.cycle_mul,
        decay: if restarts { m.cycle_decay } else { 1.0 },
        // timm runs every cycle i < cycle_limit: 1.2 runs two, as the explorer's limit 2 does.
        cycle_limit: (restarts && m.cycle_limit < ENDLESS_CYCLES)
            .then(|| m.cycle_limit.ceil() as u32),
        k_decay: m.k_decay,
        warmup: Warmup {
            length: m.warmup_t,
            start: m.warmup_lr_init,
            placement: if overlap {
                WarmupPlacement::Overlap
            } else {
                WarmupPlacement::Prefix
            },
            ..Warmup::default()
        },
        ..Anneal::default()
    };
    Nearest::anneal(a, Vec::new())
}

/// timm's linear warm-up from `init` over `w` (when there is one), then `decay`; without
/// `warmup_prefix` timm's decay clock runs from 0 under the warm-up, which phases cannot draw.
fn warmed(base: f64, init: f64, w: f64, prefix: bool, decay: Family) -> Nearest {
    let warmup = Family::Linear(Linear {
        start: init,
        end: base,
        steps: w,
    });
    let notes = if prefix || w <= 0.0 {
        Vec::new()
    } else {
        vec!["warmup_prefix=False: drawn with the decay starting after the warm-up".into()]
    };
    Nearest::phases(after(warmup, w, decay), notes)
}

pub(super) fn step_lr(m: &StepLr) -> Nearest {
    let decay = match &m.milestones {
        Milestones::Every(t) => Family::Step(Step {
            lr: m.base,
            step_size: *t,
            gamma: m.decay_rate,
        }),
        // timm decays one step before each listed t.
        Milestones::At(ts) => Family::Multistep(Multistep {
            lr: m.base,
            milestones: ts.iter().map(|t| t - 1.0).collect(),
            gamma: m.decay_rate,
        }),
    };
    warmed(m.base, m.warmup_lr_init, m.warmup_t, m.warmup_prefix, decay)
}

pub(super) fn cycle_lr(m: &CycleLr) -> Nearest {
    let decay = match m.shape {
        _ if m.cycle_limit > 1.0 => return Nearest::overlay_only(),
        // No cycle at all: timm holds lr_min after the warm-up (a limit under 1 but above 0
        // lets the first cycle run, as 1 does).
        _ if m.cycle_limit <= 0.0 => Family::Constant(Constant { lr: m.lr_min }),
        CycleShape::Poly { k_decay, .. } if k_decay != 1.0 => return Nearest::overlay_only(),
        CycleShape::Poly { power, .. } => Family::Polynomial(Polynomial {
            lr: m.base,
            end: m.lr_min,
            steps: m.t_initial,
            power,
        }),
        CycleShape::Tanh { lb, ub } => Family::Tanh(Tanh {
            lr: m.base,
            lr_min: m.lr_min,
            steps: m.t_initial,
            lb,
            ub,
        }),
    };
    warmed(m.base, m.warmup_lr_init, m.warmup_t, m.warmup_prefix, decay)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timm(cycle_limit: f64) -> CosineLr {
        CosineLr {
            base: 0.1,
            t_initial: 10.0,
            lr_min: 0.0,
            cycle_mul: 2.0,
            cycle_decay: 0.5,
            cycle_limit,
            warmup_t: 3.0,
            warmup_lr_init: 0.0,
            warmup_prefix: false,
            k_decay: 1.0,
        }
    }

    #[test]
    fn restarts_and_their_limit_follow_cycle_limit() {
        let one = cosine_lr(&timm(1.0)).cosine().cloned().expect("cosine");
        assert!(!one.restarts);
        assert_eq!((one.decay, one.cycle_limit), (1.0, None));
        let two = cosine_lr(&timm(1.2)).cosine().cloned().expect("cosine");
        assert_eq!(two.cycle_limit, Some(2), "cycles 0 and 1 are under 1.2");
        let three = cosine_lr(&timm(2.6)).cosine().cloned().expect("cosine");
        assert!(three.restarts);
        assert_eq!((three.decay, three.cycle_limit), (0.5, Some(3)));
        assert_eq!(three.warmup.placement, WarmupPlacement::Overlap);
        let endless = cosine_lr(&timm(1e9)).cosine().cloned().expect("cosine");
        assert_eq!(endless.cycle_limit, None);
    }
}
