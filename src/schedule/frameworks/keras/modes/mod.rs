//! Keras 3 `keras.optimizers.schedules` (3.15.1), in float32 (Keras's default floatx), float64,
//! or the integer dtype an int `initial_learning_rate` gives, from formulas generic over the
//! float type.

mod cosf;
mod cosine;
mod decay;
mod piecewise;
mod powf;
mod xla;

pub use cosine::{CosineDecay, CosineDecayRestarts};
pub use decay::{PolynomialDecay, RateDecay, RateShape};
pub use piecewise::PiecewiseConstantDecay;

use num_traits::Float;

/// The dtype of the schedule's tensors: `initial_learning_rate`'s, as Keras converts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Precision {
    /// The default (`keras.config.floatx() == 'float32'`).
    Float32,
    /// `set_floatx('float64')` on the TensorFlow backend.
    Float64,
    /// An int `initial_learning_rate` (jax backend): every `ops.cast` truncates to int32 and
    /// the divisions and powers run in float32.
    Int32,
}

impl Precision {
    /// `ops.cast(x, dtype)` of a Python number, as the schedule's float type.
    fn cast<T: KerasFloat>(self, x: f64) -> T {
        match self {
            Precision::Int32 => c(x.trunc()),
            Precision::Float32 | Precision::Float64 => c(x),
        }
    }

    /// What the import and the CLI say about a schedule computed in integers.
    pub fn note(self) -> Option<&'static str> {
        (self == Precision::Int32).then_some(
            "an integer initial_learning_rate makes Keras compute in integers: write it with a decimal point (1.0, not 1)",
        )
    }
}

/// The float types Keras computes in, with what `ops.cond`'s compiled branches do differently
/// from the eager operations around them (see `xla`).
trait KerasFloat: Float {
    /// `ops.cos`: the C library's on the jax backend.
    fn cos_op(self) -> Self;
    /// `ops.power`: the C library's on the jax backend.
    fn pow_op(self, exponent: Self) -> Self;
    /// `ops.log` inside `ops.cond`.
    fn cond_log(self) -> Self;
    /// `self * a + b` inside `ops.cond`.
    fn cond_mul_add(self, a: Self, b: Self) -> Self;
    /// `self / base ** exponent` inside `ops.cond`.
    fn cond_div_pow(self, base: Self, exponent: Self) -> Self;
    /// What an operation's result or operand becomes on the backend: XLA:CPU flushes
    /// subnormals to zero (an `ExponentialDecay` ending below 1.2e-38 is 0, not 7e-39).
    fn flush(self) -> Self;
}

/// The jax backend: one fused kernel on XLA:CPU.
impl KerasFloat for f32 {
    fn cos_op(self) -> Self {
        cosf::cos(self)
    }
    fn pow_op(self, exponent: Self) -> Self {
        powf::pow(self, exponent)
    }
    fn cond_log(self) -> Self {
        xla::log(self)
    }
    fn cond_mul_add(self, a: Self, b: Self) -> Self {
        self.mul_add(a, b)
    }
    fn cond_div_pow(self, base: Self, exponent: Self) -> Self {
        self * base.pow_op(-exponent).flush()
    }
    fn flush(self) -> Self {
        if self.is_subnormal() {
            0.0f32.copysign(self)
        } else {
            self
        }
    }
}

/// TensorFlow runs a branch's operations one by one.
impl KerasFloat for f64 {
    fn cos_op(self) -> Self {
        self.cos()
    }
    fn pow_op(self, exponent: Self) -> Self {
        self.powf(exponent)
    }
    /// TensorFlow's float64 log agrees with glibc's (correctly rounded) log here.
    fn cond_log(self) -> Self {
        crate::schedule::frameworks::python::log(self)
    }
    fn cond_mul_add(self, a: Self, b: Self) -> Self {
        self * a + b
    }
    fn cond_div_pow(self, base: Self, exponent: Self) -> Self {
        self / base.pow_op(exponent)
    }
    /// Kept as computed: the TensorFlow backend is not in the reference environment, and a
    /// float64 rate below 2.2e-308 is no rate anyone trains with.
    fn flush(self) -> Self {
        self
    }
}

/// A float64 constant as the schedule's float type (a Python scalar meeting a tensor).
fn c<T: KerasFloat>(x: f64) -> T {
    T::from(x).unwrap_or_else(T::nan).flush()
}

/// A schedule written once over the float type its precision picks.
trait KerasSchedule {
    /// The dtype it computes in.
    fn precision(&self) -> Precision;
    /// The value at `step` in `T`.
    fn eval<T: KerasFloat>(&self, step: f64) -> T;
}

/// The value at `step`, in the schedule's precision (an integer schedule's float parts are
/// float32 on the jax backend).
fn value(s: &impl KerasSchedule, step: f64) -> f64 {
    match s.precision() {
        Precision::Float64 => s.eval::<f64>(step),
        Precision::Float32 | Precision::Int32 => f64::from(s.eval::<f32>(step).flush()),
    }
}

/// Keras's check on `decay_steps`, and the zero an integer schedule would divide by.
fn check_decay_steps(
    precision: Precision,
    decay_steps: f64,
) -> Result<(), crate::schedule::ScheduleError> {
    use crate::schedule::ScheduleError;
    if !decay_steps.is_finite() || decay_steps <= 0.0 {
        return Err(ScheduleError::new(
            "decay_steps",
            format!("Argument `decay_steps` must be > 0. Received: decay_steps={decay_steps}"),
        ));
    }
    if precision.cast::<f64>(decay_steps) == 0.0 {
        return Err(ScheduleError::new(
            "decay_steps",
            "an integer initial_learning_rate casts decay_steps to 0: every step divides by zero",
        ));
    }
    Ok(())
}

/// Whether this test binary's C library is the one the reference values came from: glibc's
/// x86-64 build for CPUs with FMA (which `cosf` and `powf` pick at run time). Elsewhere the
/// sweeps against `f32::cos` and `f32::powf` would test another libm, not these.
#[cfg(test)]
fn libm_is_glibc_fma() -> bool {
    #[cfg(all(target_arch = "x86_64", target_os = "linux", target_env = "gnu"))]
    return std::arch::is_x86_feature_detected!("fma");
    #[allow(unreachable_code)]
    false
}
