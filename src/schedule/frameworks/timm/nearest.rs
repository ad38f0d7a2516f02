//! The explorer schedule nearest to timm's mode.

use super::modes::CosineLr;
use crate::schedule::frameworks::Nearest;
use crate::schedule::{Anneal, Warmup, WarmupPlacement};

/// Above this, timm's cycle limit means "restart forever" to the explorer.
const ENDLESS_CYCLES: f64 = 1e6;

pub(super) fn cosine_lr(m: &CosineLr) -> Nearest {
    let restarts = m.cycle_limit > 1.0;
    let overlap = !m.warmup_prefix && m.warmup_t > 0.0;
    let a = Anneal {
        eta_max: m.base,
        eta_min: m.lr_min,
        t_0: m.t_initial,
        restarts,
        t_mult: m.cycle_mul,
        decay: if restarts { m.cycle_decay } else { 1.0 },
        // The explorer's cycle limit is a whole number, as the key rounds it.
        cycle_limit: (restarts && m.cycle_limit < ENDLESS_CYCLES)
            .then(|| m.cycle_limit.round() as u32),
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
        let one = cosine_lr(&timm(1.0)).schedule.expect("cosine");
        assert!(!one.restarts);
        assert_eq!((one.decay, one.cycle_limit), (1.0, None));
        let three = cosine_lr(&timm(2.6)).schedule.expect("cosine");
        assert!(three.restarts);
        assert_eq!((three.decay, three.cycle_limit), (0.5, Some(3)));
        assert_eq!(three.warmup.placement, WarmupPlacement::Overlap);
        let endless = cosine_lr(&timm(1e9)).schedule.expect("cosine");
        assert_eq!(endless.cycle_limit, None);
    }
}
