//! Keras 3 `CosineDecay` and `CosineDecayRestarts` (3.15.1), in float32 (Keras's default floatx)
//! or float64, from one formula generic over the float type.

use num_traits::Float;

use crate::schedule::error::{check_positive, ScheduleError};
use crate::schedule::frameworks::length::{cycles, SHOWN_CYCLES};

/// Keras's floatx: the precision every tensor in the schedule is computed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Precision {
    /// The default (`keras.config.floatx() == 'float32'`).
    Float32,
    /// `set_floatx('float64')` on the TensorFlow backend.
    Float64,
}

/// The float types Keras computes in, each with the log its backend uses.
trait KerasFloat: Float {
    /// `ops.log`.
    fn natural_log(self) -> Self;
}

impl KerasFloat for f32 {
    fn natural_log(self) -> Self {
        self.ln()
    }
}

impl KerasFloat for f64 {
    /// TensorFlow's float64 log agrees with glibc's (correctly rounded) log here.
    fn natural_log(self) -> Self {
        crate::schedule::frameworks::python::log(self)
    }
}

/// A float64 constant as the schedule's float type (a Python scalar meeting a tensor).
fn c<T: Float>(x: f64) -> T {
    T::from(x).unwrap_or_else(T::nan)
}

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
        match self.precision {
            Precision::Float32 => f64::from(self.eval::<f32>(step)),
            Precision::Float64 => self.eval::<f64>(step),
        }
    }

    fn decay<T: Float>(&self, step: T, decay_steps: T, from: T) -> T {
        let fraction = step / decay_steps;
        let cosine = c::<T>(0.5) * (T::one() + (c::<T>(std::f64::consts::PI) * fraction).cos());
        // `(1 - self.alpha)` and `self.alpha` are Python floats meeting a tensor.
        let decayed = c::<T>(1.0 - self.alpha) * cosine + c::<T>(self.alpha);
        from * decayed
    }

    fn eval<T: Float>(&self, step: f64) -> T {
        let init = c::<T>(self.initial_learning_rate);
        let decay_steps = c::<T>(self.decay_steps);
        let step = c::<T>(step);
        match self.warmup_target {
            None => self.decay(step.min(decay_steps), decay_steps, init),
            Some(target) => {
                let target = c::<T>(target);
                let warmup_steps = c::<T>(self.warmup_steps);
                let s = step.min(decay_steps + warmup_steps);
                if s < warmup_steps {
                    (target - init) * (s / warmup_steps) + init
                } else {
                    self.decay(s - warmup_steps, decay_steps, target)
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
        match self.precision {
            Precision::Float32 => f64::from(self.eval::<f32>(step)),
            Precision::Float64 => self.eval::<f64>(step),
        }
    }

    fn eval<T: KerasFloat>(&self, step: f64) -> T {
        let init = c::<T>(self.initial_learning_rate);
        let first = c::<T>(self.first_decay_steps);
        let alpha = c::<T>(self.alpha);
        let t_mul = c::<T>(self.t_mul);
        let m_mul = c::<T>(self.m_mul);
        let one = T::one();
        let fraction = c::<T>(step) / first;
        let (i, fraction) = if t_mul == one {
            let i = fraction.floor();
            (i, fraction - i)
        } else {
            // Same float-log boundary behaviour as the library (float64 glitches at t_mul=3, step 121).
            let i = ((one - fraction * (one - t_mul)).natural_log() / t_mul.natural_log()).floor();
            let sum_r = (one - t_mul.powf(i)) / (one - t_mul);
            (i, (fraction - sum_r) / t_mul.powf(i))
        };
        let m_fac = m_mul.powf(i);
        let pi = c::<T>(std::f64::consts::PI);
        let cosine = c::<T>(0.5) * m_fac * (one + (pi * fraction).cos());
        let decayed = (one - alpha) * cosine + alpha;
        init * decayed
    }
}
