//! The classic non-cosine shapes people compare cosine annealing against.

use serde::{Deserialize, Serialize};
use std::f64::consts::PI;

use super::error::{check_positive, check_range, ScheduleError};
use super::LR_LIMIT;

/// A comparison schedule, evaluated in closed form for any real t ≥ 0.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "family", rename_all = "snake_case", deny_unknown_fields)]
pub enum Family {
    /// The same rate throughout.
    Constant {
        /// The rate.
        lr: f64,
    },
    /// Multiply by `gamma` every `step_size` steps (PyTorch StepLR).
    Step {
        /// Initial rate.
        lr: f64,
        /// Steps between drops.
        step_size: f64,
        /// Factor per drop.
        gamma: f64,
    },
    /// Multiply by `gamma` at each milestone (PyTorch MultiStepLR).
    Multistep {
        /// Initial rate.
        lr: f64,
        /// Steps where the rate drops, increasing.
        milestones: Vec<f64>,
        /// Factor per drop.
        gamma: f64,
    },
    /// lr·γᵗ (PyTorch ExponentialLR).
    Exponential {
        /// Initial rate.
        lr: f64,
        /// Factor per step.
        gamma: f64,
    },
    /// A straight line from `start` to `end` over `steps`, then `end`.
    Linear {
        /// Rate at t = 0.
        start: f64,
        /// Rate from `steps` on.
        end: f64,
        /// Length of the ramp.
        steps: f64,
    },
    /// (lr − end)·(1 − t/steps)^power + end, then `end` (PyTorch PolynomialLR with a floor).
    Polynomial {
        /// Rate at t = 0.
        lr: f64,
        /// Rate from `steps` on.
        end: f64,
        /// Length of the decay.
        steps: f64,
        /// Curvature; 1 is linear.
        power: f64,
    },
    /// Triangular cycles between `base_lr` and `max_lr` (PyTorch CyclicLR "triangular").
    Cyclic {
        /// Bottom of each cycle.
        base_lr: f64,
        /// Top of each cycle.
        max_lr: f64,
        /// Steps going up.
        step_size_up: f64,
        /// Steps going down.
        step_size_down: f64,
    },
    /// One-cycle policy: cosine up from max/div to max, then down to max/(div·final_div).
    OneCycle {
        /// Peak rate.
        max_lr: f64,
        /// Total length.
        total: f64,
        /// Fraction of `total` spent rising.
        pct_start: f64,
        /// max_lr / initial rate.
        div_factor: f64,
        /// initial rate / final rate.
        final_div_factor: f64,
    },
    /// Warm-up, stable, decay (WSD): linear up, flat, cosine down to `min_ratio`·lr.
    Wsd {
        /// The stable rate.
        lr: f64,
        /// Warm-up steps.
        warmup: f64,
        /// Stable steps.
        stable: f64,
        /// Decay steps.
        decay: f64,
        /// Final rate as a fraction of `lr`.
        min_ratio: f64,
    },
}

fn cosine_between(from: f64, to: f64, p: f64) -> f64 {
    to + (from - to) * 0.5 * (1.0 + (PI * p).cos())
}

impl Family {
    /// Rejects parameters that would give a meaningless or non-finite curve.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        let rate = |f: &str, v: f64| check_range(f, v, 0.0, LR_LIMIT);
        let factor = |f: &str, v: f64| check_range(f, v, f64::MIN_POSITIVE, 1.0);
        match self {
            Family::Constant { lr } => rate("lr", *lr),
            Family::Step {
                lr,
                step_size,
                gamma,
            } => rate("lr", *lr)
                .and(check_positive("step_size", *step_size))
                .and(factor("gamma", *gamma)),
            Family::Multistep {
                lr,
                milestones,
                gamma,
            } => {
                rate("lr", *lr)?;
                factor("gamma", *gamma)?;
                for m in milestones {
                    check_range("milestones", *m, 0.0, f64::MAX)?;
                }
                if milestones.windows(2).any(|w| w[0] >= w[1]) {
                    return Err(ScheduleError::new("milestones", "must be increasing"));
                }
                Ok(())
            }
            Family::Exponential { lr, gamma } => rate("lr", *lr).and(factor("gamma", *gamma)),
            Family::Linear { start, end, steps } => rate("start", *start)
                .and(rate("end", *end))
                .and(check_positive("steps", *steps)),
            Family::Polynomial {
                lr,
                end,
                steps,
                power,
            } => rate("lr", *lr)
                .and(rate("end", *end))
                .and(check_positive("steps", *steps))
                .and(check_range("power", *power, 1e-3, 1e3)),
            Family::Cyclic {
                base_lr,
                max_lr,
                step_size_up,
                step_size_down,
            } => rate("base_lr", *base_lr)
                .and(rate("max_lr", *max_lr))
                .and(check_positive("step_size_up", *step_size_up))
                .and(check_positive("step_size_down", *step_size_down)),
            Family::OneCycle {
                max_lr,
                total,
                pct_start,
                div_factor,
                final_div_factor,
            } => rate("max_lr", *max_lr)
                .and(check_positive("total", *total))
                .and(check_range("pct_start", *pct_start, 0.0, 1.0))
                .and(check_range("div_factor", *div_factor, 1.0, 1e12))
                .and(check_range(
                    "final_div_factor",
                    *final_div_factor,
                    1.0,
                    1e12,
                )),
            Family::Wsd {
                lr,
                warmup,
                stable,
                decay,
                min_ratio,
            } => rate("lr", *lr)
                .and(check_range("warmup", *warmup, 0.0, 1e12))
                .and(check_range("stable", *stable, 0.0, 1e12))
                .and(check_range("decay", *decay, 0.0, 1e12))
                .and(check_range("min_ratio", *min_ratio, 0.0, 1.0)),
        }
    }

    /// The learning rate at time `t` (negative read as 0).
    pub fn lr(&self, t: f64) -> f64 {
        let t = if t > 0.0 { t } else { 0.0 };
        match self {
            Family::Constant { lr } => *lr,
            Family::Step {
                lr,
                step_size,
                gamma,
            } => lr * gamma.powf((t / step_size).floor()),
            Family::Multistep {
                lr,
                milestones,
                gamma,
            } => lr * gamma.powi(milestones.iter().filter(|&&m| m <= t).count() as i32),
            Family::Exponential { lr, gamma } => lr * gamma.powf(t),
            Family::Linear { start, end, steps } => start + (end - start) * (t / steps).min(1.0),
            Family::Polynomial {
                lr,
                end,
                steps,
                power,
            } => (lr - end) * (1.0 - (t / steps).min(1.0)).powf(*power) + end,
            Family::Cyclic {
                base_lr,
                max_lr,
                step_size_up,
                step_size_down,
            } => {
                let u = t % (step_size_up + step_size_down);
                let height = if u < *step_size_up {
                    u / step_size_up
                } else {
                    1.0 - (u - step_size_up) / step_size_down
                };
                base_lr + (max_lr - base_lr) * height
            }
            Family::OneCycle {
                max_lr,
                total,
                pct_start,
                div_factor,
                final_div_factor,
            } => {
                let initial = max_lr / div_factor;
                let up = pct_start * total;
                if t < up {
                    cosine_between(initial, *max_lr, t / up)
                } else {
                    let down = (total - up).max(f64::MIN_POSITIVE);
                    let p = ((t - up) / down).min(1.0);
                    cosine_between(*max_lr, initial / final_div_factor, p)
                }
            }
            Family::Wsd {
                lr,
                warmup,
                stable,
                decay,
                min_ratio,
            } => {
                let floor = lr * min_ratio;
                if t < *warmup {
                    floor + (lr - floor) * t / warmup
                } else if t < warmup + stable {
                    *lr
                } else if t < warmup + stable + decay {
                    cosine_between(*lr, floor, (t - warmup - stable) / decay)
                } else {
                    floor
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * b.abs().max(1e-12)
    }

    #[test]
    fn step_and_multistep_drop_at_their_steps() {
        let step = Family::Step {
            lr: 0.1,
            step_size: 30.0,
            gamma: 0.1,
        };
        assert_eq!(step.lr(29.9), 0.1);
        assert!(close(step.lr(30.0), 0.01));
        assert!(close(step.lr(65.0), 0.001));
        let multi = Family::Multistep {
            lr: 1.0,
            milestones: vec![10.0, 15.0],
            gamma: 0.5,
        };
        assert_eq!(
            (multi.lr(9.0), multi.lr(10.0), multi.lr(20.0)),
            (1.0, 0.5, 0.25)
        );
    }

    #[test]
    fn exponential_linear_polynomial() {
        let e = Family::Exponential {
            lr: 1.0,
            gamma: 0.5,
        };
        assert!(close(e.lr(3.0), 0.125));
        let l = Family::Linear {
            start: 0.0,
            end: 1.0,
            steps: 4.0,
        };
        assert_eq!((l.lr(1.0), l.lr(4.0), l.lr(9.0)), (0.25, 1.0, 1.0));
        let p = Family::Polynomial {
            lr: 1.0,
            end: 0.0,
            steps: 10.0,
            power: 2.0,
        };
        assert!(close(p.lr(5.0), 0.25));
        assert_eq!(p.lr(20.0), 0.0);
    }

    #[test]
    fn cyclic_is_a_triangle_wave() {
        let c = Family::Cyclic {
            base_lr: 0.1,
            max_lr: 1.0,
            step_size_up: 10.0,
            step_size_down: 10.0,
        };
        assert_eq!(c.lr(0.0), 0.1);
        assert!(close(c.lr(10.0), 1.0));
        assert!(close(c.lr(15.0), 0.55));
        assert!(close(c.lr(20.0), 0.1));
    }

    #[test]
    fn one_cycle_rises_then_falls_to_its_final_value() {
        let o = Family::OneCycle {
            max_lr: 0.1,
            total: 100.0,
            pct_start: 0.3,
            div_factor: 25.0,
            final_div_factor: 1e4,
        };
        assert!(close(o.lr(0.0), 0.004));
        assert!(close(o.lr(30.0), 0.1));
        assert!(close(o.lr(100.0), 4e-7));
        assert!(close(o.lr(500.0), 4e-7));
    }

    #[test]
    fn wsd_has_three_phases_and_a_floor() {
        let w = Family::Wsd {
            lr: 0.1,
            warmup: 10.0,
            stable: 80.0,
            decay: 10.0,
            min_ratio: 0.1,
        };
        assert!(close(w.lr(0.0), 0.01));
        assert_eq!(w.lr(50.0), 0.1);
        assert!(close(w.lr(95.0), 0.055));
        assert!(close(w.lr(100.0), 0.01));
    }

    #[test]
    fn bad_parameters_are_named() {
        let bad = Family::Step {
            lr: 0.1,
            step_size: 0.0,
            gamma: 0.5,
        };
        assert_eq!(bad.validate().unwrap_err().field, "step_size");
        let unordered = Family::Multistep {
            lr: 0.1,
            milestones: vec![5.0, 3.0],
            gamma: 0.5,
        };
        assert_eq!(unordered.validate().unwrap_err().field, "milestones");
    }
}
