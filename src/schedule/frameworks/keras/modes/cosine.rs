//! Keras 3 `CosineDecay` and `CosineDecayRestarts` (3.15.1), from one formula generic over
//! the float type.

use super::{c, value, KerasFloat, KerasSchedule, Precision};
use crate::schedule::error::{check_positive, ScheduleError};
use crate::schedule::frameworks::length::{cycles, SHOWN_CYCLES};

/// `CosineDecay(initial_learning_rate, decay_steps, alpha, warmup_target, warmup_steps)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CosineDecay {
    /// Start value (the warm-up start when `warmup_target` is set).
    pub initial_learning_rate: f64,
    /// Cosine length, excluding any warm-up.
    pub decay_steps: f64,
    /// Floor as a fraction of the decay's start.
    pub alpha: f64,
    /// Peak after the warm-up; without it `warmup_steps` is ignored.
    pub warmup_target: Option<f64>,
    /// Warm-up length.
    pub warmup_steps: f64,
    /// Float type.
    pub precision: Precision,
}

impl CosineDecay {
    /// Steps the schedule is written for: the warm-up, then decay_steps.
    pub fn length(&self) -> f64 {
        self.warmup_steps + self.decay_steps
    }

    /// Keras divides by decay_steps; zero or negative gives no curve.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        check_positive("decay_steps", self.decay_steps)
    }

    /// The value at `step`.
    pub fn at(&self, step: f64) -> f64 {
        value(self, step)
    }

    /// The cosine from `from`; `in_cond` when it runs inside `ops.cond` (with a warm-up).
    fn decay<T: KerasFloat>(&self, step: T, decay_steps: T, from: T, in_cond: bool) -> T {
        let fraction = step / decay_steps;
        // `ops.array(math.pi, dtype)`: 3 in an integer schedule.
        let pi = self.precision.cast::<T>(std::f64::consts::PI);
        let cosine = (c::<T>(0.5) * (T::one() + (pi * fraction).cos_op())).flush();
        // `(1 - self.alpha)` and `self.alpha` are Python floats meeting a tensor.
        let (scale, alpha) = (c::<T>(1.0 - self.alpha), c::<T>(self.alpha));
        let decayed = if in_cond {
            scale.cond_mul_add(cosine, alpha)
        } else {
            (scale * cosine).flush() + alpha
        };
        from * decayed
    }
}

impl KerasSchedule for CosineDecay {
    fn precision(&self) -> Precision {
        self.precision
    }

    fn eval<T: KerasFloat>(&self, step: f64) -> T {
        let cast = |x: f64| self.precision.cast::<T>(x);
        let init = c::<T>(self.initial_learning_rate);
        let decay_steps = cast(self.decay_steps);
        let step = cast(step);
        match self.warmup_target {
            None => self.decay(step.min(decay_steps), decay_steps, init, false),
            Some(target) => {
                let target = cast(target);
                let warmup_steps = cast(self.warmup_steps);
                let s = step.min(decay_steps + warmup_steps);
                if s < warmup_steps {
                    (target - init).cond_mul_add(s / warmup_steps, init)
                } else {
                    self.decay(s - warmup_steps, decay_steps, target, true)
                }
            }
        }
    }
}

/// `CosineDecayRestarts(initial_learning_rate, first_decay_steps, t_mul, m_mul, alpha)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CosineDecayRestarts {
    /// Peak of the first cycle.
    pub initial_learning_rate: f64,
    /// First cycle length.
    pub first_decay_steps: f64,
    /// Cycle growth factor.
    pub t_mul: f64,
    /// Peak decay per restart (scales the cosine part only).
    pub m_mul: f64,
    /// Floor as a fraction of `initial_learning_rate` (never decayed).
    pub alpha: f64,
    /// Float type.
    pub precision: Precision,
}

impl CosineDecayRestarts {
    /// Restarts never end: four cycles, as the explorer's automatic horizon shows.
    pub fn length(&self) -> f64 {
        cycles(self.first_decay_steps, self.t_mul, SHOWN_CYCLES)
    }

    /// Keras divides by first_decay_steps and log(t_mul).
    pub fn validate(&self) -> Result<(), ScheduleError> {
        check_positive("first_decay_steps", self.first_decay_steps)?;
        check_positive("t_mul", self.t_mul)
    }

    /// The value at `step`.
    pub fn at(&self, step: f64) -> f64 {
        value(self, step)
    }
}

impl KerasSchedule for CosineDecayRestarts {
    fn precision(&self) -> Precision {
        self.precision
    }

    fn eval<T: KerasFloat>(&self, step: f64) -> T {
        let cast = |x: f64| self.precision.cast::<T>(x);
        let init = c::<T>(self.initial_learning_rate);
        let first = cast(self.first_decay_steps);
        let alpha = cast(self.alpha);
        let t_mul = cast(self.t_mul);
        let m_mul = cast(self.m_mul);
        let one = T::one();
        let fraction = cast(step) / first;
        let (i, fraction) = if t_mul == one {
            let i = fraction.floor();
            (i, fraction - i)
        } else {
            // Same float-log boundary behaviour as the library (float64 glitches at t_mul=3, step 121).
            // Keras casts the log's argument to the schedule's dtype (truncating when integer).
            let x = cast(
                (-fraction)
                    .cond_mul_add(one - t_mul, one)
                    .to_f64()
                    .unwrap_or(f64::NAN),
            );
            let i = (x.cond_log() / t_mul.cond_log()).floor();
            let sum_r = (one - t_mul.pow_op(i).flush()) / (one - t_mul);
            (i, (fraction - sum_r).cond_div_pow(t_mul, i))
        };
        let m_fac = m_mul.pow_op(i).flush();
        let pi = cast(std::f64::consts::PI);
        let cosine = ((c::<T>(0.5) * m_fac).flush() * (one + (pi * fraction).cos_op())).flush();
        let decayed = ((one - alpha) * cosine).flush() + alpha;
        init * decayed
    }
}
