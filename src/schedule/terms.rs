//! Where a step falls in an [`Anneal`] schedule and the numbers its formula takes there: what
//! `lr` evaluates, and what [`super::formula_html`] writes out.

use std::f64::consts::PI;

use super::warmup::ramp;
use super::{Anneal, Family, Schedule};

/// The part of the schedule a step is in, with the numbers of its formula.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Terms {
    /// `t` steps into a warm-up (of cycle `cycle`, 0-based) towards `peak`.
    Warmup {
        /// Steps into the warm-up.
        t: f64,
        /// The cycle it leads into.
        cycle: u64,
        /// The rate it rises to.
        peak: f64,
    },
    /// In cycle `cycle` (0-based): `t_cur` steps into a cosine of `t_i` steps from `peak` down
    /// to `floor`, which began at step `start`.
    Cosine {
        /// The cycle, from 0.
        cycle: u64,
        /// The step where this cycle's cosine begins (T_cur = 0).
        start: f64,
        /// Steps into the cosine, T_cur.
        t_cur: f64,
        /// The cosine's length, T_i.
        t_i: f64,
        /// This cycle's peak, γⁱ·η_max.
        peak: f64,
        /// This cycle's floor.
        floor: f64,
    },
    /// Past the last cycle: the floor holds.
    Held {
        /// The floor.
        floor: f64,
    },
}

impl Anneal {
    /// The formula's part and numbers at step `t`.
    pub fn terms(&self, t: f64) -> Terms {
        self.terms_cached(t, &mut super::CycleCache::default())
    }

    /// The learning rate the terms give: η_min + (peak − η_min)·½(1 + cos(π·T_curᵏ/T_iᵏ)).
    pub fn value(&self, terms: &Terms) -> f64 {
        let w = &self.warmup;
        match *terms {
            Terms::Warmup { t, peak, .. } => ramp(w.shape, w.start, peak, t / w.length),
            Terms::Held { floor } => floor,
            // floor + (peak − floor)·1 can miss the peak by an ulp; a restart shows it exactly.
            Terms::Cosine { t_cur, peak, .. } if t_cur <= 0.0 => peak,
            Terms::Cosine {
                t_cur,
                t_i,
                peak,
                floor,
                ..
            } => {
                let frac = if self.k_decay == 1.0 {
                    t_cur / t_i
                } else {
                    // timm's tᵏ/Tᵏ, unless Tᵏ overflows or underflows (a large k on long or
                    // short cycles): then the ratio's power.
                    let den = t_i.powf(self.k_decay);
                    if den.is_finite() && den > 0.0 {
                        t_cur.powf(self.k_decay) / den
                    } else {
                        (t_cur / t_i).powf(self.k_decay)
                    }
                };
                // fmath's cos: the same bits natively and in wasm, so the lab's seeded runs
                // (which follow these rates) end alike in the page and in the native tests.
                let factor = 0.5 * (1.0 + crate::fmath::cos(PI * frac));
                let factor = if self.exponent == 1.0 {
                    factor
                } else {
                    factor.powf(self.exponent)
                };
                floor + (peak - floor) * factor
            }
        }
    }
}

/// The phase step `t` of `s` is in, and for a cosine phase that cosine and its terms, with
/// `start` counted from the schedule's first step.
pub fn locate(s: &Schedule, t: f64) -> (usize, Option<(&Anneal, Terms)>) {
    let i = s.phase_at(t);
    let from = s.start(i);
    let cosine = match &s.phases[i] {
        Family::Cosine(a) => Some(match a.terms(t - from) {
            Terms::Cosine {
                cycle,
                start,
                t_cur,
                t_i,
                peak,
                floor,
            } => (
                a,
                Terms::Cosine {
                    cycle,
                    start: start + from,
                    t_cur,
                    t_i,
                    peak,
                    floor,
                },
            ),
            other => (a, other),
        }),
        _ => None,
    };
    (i, cosine)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::schedule::{Warmup, WarmupScope};

    /// A 2-step warm-up, then cycles of 10, 20 and 40 steps, each peak half the one before.
    pub(in crate::schedule) fn sgdr() -> Anneal {
        Anneal {
            t_0: 10.0,
            restarts: true,
            t_mult: 2.0,
            decay: 0.5,
            cycle_limit: Some(3),
            warmup: Warmup {
                length: 2.0,
                ..Warmup::default()
            },
            ..Anneal::default()
        }
    }

    #[test]
    fn terms_name_the_cycle_and_its_numbers() {
        let a = sgdr();
        // Warm-up of 2 steps, then cycles of 10, 20, 40 steps; step 17 is 5 steps into cycle 2.
        assert_eq!(
            a.terms(1.0),
            Terms::Warmup {
                t: 1.0,
                cycle: 0,
                peak: 0.1
            }
        );
        assert_eq!(
            a.terms(17.0),
            Terms::Cosine {
                cycle: 1,
                start: 12.0,
                t_cur: 5.0,
                t_i: 20.0,
                peak: 0.05,
                floor: 0.0
            }
        );
        assert_eq!(a.terms(1e4), Terms::Held { floor: 0.0 });
    }

    #[test]
    fn an_every_cycle_warm_up_rises_to_the_cycles_decayed_peak() {
        let a = Anneal {
            warmup: Warmup {
                length: 3.0,
                scope: WarmupScope::EveryCycle,
                ..Warmup::default()
            },
            ..sgdr()
        };
        // Each cycle is its 3-step warm-up then its cosine: cycle 1 starts at 13.
        assert_eq!(
            a.terms(14.0),
            Terms::Warmup {
                t: 1.0,
                cycle: 1,
                peak: 0.05
            }
        );
        let Terms::Cosine {
            start, t_cur, t_i, ..
        } = a.terms(18.0)
        else {
            panic!("{:?}", a.terms(18.0));
        };
        assert_eq!((start, t_cur, t_i), (16.0, 2.0, 20.0));
    }

    #[test]
    fn a_cosine_phase_counts_its_cycle_from_the_schedules_start() {
        let s = Schedule {
            phases: vec![
                Family::Constant(crate::schedule::Constant { lr: 0.01 }),
                Family::Cosine(Anneal::default()),
            ],
            boundaries: vec![50.0],
        };
        assert!(locate(&s, 10.0).1.is_none());
        let (i, found) = locate(&s, 75.0);
        let (_, terms) = found.expect("a cosine phase");
        assert_eq!(i, 1);
        let Terms::Cosine { start, t_cur, .. } = terms else {
            panic!("{terms:?}");
        };
        assert_eq!((start, t_cur), (50.0, 25.0));
    }
}
