//! Schedule families: the shapes a phase can take, each in closed form for any real t ≥ 0, with
//! its parameter table so the page and the link build every family's controls from data.

use serde::{Deserialize, Serialize};

use super::error::ScheduleError;
use super::{Anneal, CycleCache, T_LIMIT};
use crate::named::named;

mod cosine;
mod cyclic;
mod decay;
mod params;
mod piecewise;
mod ramp;
mod wsd;

pub use cyclic::{Cyclic, CyclicMode, OneCycle};
pub use decay::{Constant, Exponential, Multistep, Step};
pub use params::{Interp, ParamKind, ParamSpec, ParamValue, Ramp, STEP_LIMIT};
pub use piecewise::{PiecewiseConstant, PiecewiseInterp};
pub use ramp::{Isqrt, Linear, Polynomial, Tanh};
pub use wsd::Wsd;

use params::Reader;

/// What every family provides; [`Family`] dispatches to it statically.
trait Shape: Sized {
    /// The parameter table, in [`Shape::values`]'s order.
    const PARAMS: &'static [ParamSpec];
    /// The rate at `t` ∈ [0, T_LIMIT].
    fn at(&self, t: f64) -> f64;
    /// `at(t)` reusing state from the previous, earlier call.
    fn at_cached(&self, t: f64, _cache: &mut CycleCache) -> f64 {
        self.at(t)
    }
    /// Checks beyond the table's ranges: relations between parameters.
    fn check(&self) -> Result<(), ScheduleError> {
        Ok(())
    }
    /// Up to `cap` times in (a, b] where the curve may jump or turn.
    fn turns(&self, a: f64, b: f64, cap: usize) -> Vec<f64>;
    /// Steps it is written for.
    fn length(&self) -> f64;
    /// Lowest and highest rate it can take.
    fn rates(&self) -> (f64, f64);
    /// Its parameters, in [`Shape::PARAMS`]' order.
    fn values(&self) -> Vec<ParamValue>;
    /// Builds it from values already checked against [`Shape::PARAMS`].
    fn read(r: &Reader) -> Self;
    /// A sensible instance peaking at `peak` and written for `length` steps.
    fn starter(peak: f64, length: f64) -> Self;
}

/// Declares [`Family`], [`FamilyKind`] and the dispatch between them from one list.
macro_rules! families {
    ($($(#[$doc:meta])* $variant:ident($ty:ty) => $name:literal, $label:literal;)+) => {
        /// A schedule shape, evaluated in closed form for any real t ≥ 0.
        #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
        #[serde(tag = "family", rename_all = "snake_case")]
        pub enum Family {
            $($(#[$doc])* $variant($ty),)+
        }

        /// Which family a phase is, without its parameters.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum FamilyKind {
            $($(#[$doc])* $variant,)+
        }

        named!(FamilyKind { $($variant => $name, $label;)+ });

        impl Family {
            /// Which family it is.
            pub fn kind(&self) -> FamilyKind {
                match self {
                    $(Family::$variant(_) => FamilyKind::$variant,)+
                }
            }

            /// `lr(t)` reusing `cache` across calls in increasing t (the cosine's cycle search).
            pub fn lr_cached(&self, t: f64, cache: &mut CycleCache) -> f64 {
                let t = if t > 0.0 { t.min(T_LIMIT) } else { 0.0 };
                match self {
                    $(Family::$variant(s) => s.at_cached(t, cache),)+
                }
            }

            fn check(&self) -> Result<(), ScheduleError> {
                match self {
                    $(Family::$variant(s) => s.check(),)+
                }
            }

            fn turns(&self, a: f64, b: f64, cap: usize) -> Vec<f64> {
                match self {
                    $(Family::$variant(s) => s.turns(a, b, cap),)+
                }
            }

            /// Steps it is written for: where it settles, or a few periods for endless ones.
            pub fn length(&self) -> f64 {
                match self {
                    $(Family::$variant(s) => s.length(),)+
                }
            }

            /// Lowest and highest rate it can take, from its parameters.
            pub fn rates(&self) -> (f64, f64) {
                match self {
                    $(Family::$variant(s) => s.rates(),)+
                }
            }

            /// Its parameters, in [`FamilyKind::params`]' order.
            pub fn values(&self) -> Vec<ParamValue> {
                match self {
                    $(Family::$variant(s) => s.values(),)+
                }
            }
        }

        impl FamilyKind {
            /// Its parameter table, in link and control order.
            pub fn params(self) -> &'static [ParamSpec] {
                match self {
                    $(FamilyKind::$variant => <$ty as Shape>::PARAMS,)+
                }
            }

            /// A sensible instance scaled to the user's peak rate and length in steps.
            pub fn starter(self, peak: f64, length: f64) -> Family {
                match self {
                    $(FamilyKind::$variant => Family::$variant(<$ty>::starter(peak, length)),)+
                }
            }

            fn read(self, r: &Reader) -> Family {
                match self {
                    $(FamilyKind::$variant => Family::$variant(<$ty>::read(r)),)+
                }
            }
        }
    };
}

families! {
    /// The same rate throughout.
    Constant(Constant) => "constant", "Constant";
    /// Multiply by γ every `step_size` steps (PyTorch StepLR).
    Step(Step) => "step", "Step";
    /// Multiply by γ at each milestone (PyTorch MultiStepLR).
    Multistep(Multistep) => "multistep", "Multi-step";
    /// lr·γ^(t/every), smooth or as a staircase (PyTorch ExponentialLR, optax exponential_decay).
    Exponential(Exponential) => "exp", "Exponential";
    /// A straight line from one rate to another, then the second.
    Linear(Linear) => "linear", "Linear";
    /// A polynomial decay to a floor (PyTorch PolynomialLR, optax polynomial_schedule).
    Polynomial(Polynomial) => "poly", "Polynomial";
    /// Linear warm-up, then lr·√(timescale/(t + timescale)) (Hugging Face inverse_sqrt).
    Isqrt(Isqrt) => "isqrt", "Inverse square root";
    /// Constant rates between boundaries (optax, Keras PiecewiseConstantDecay).
    PiecewiseConstant(PiecewiseConstant) => "pconst", "Piecewise constant";
    /// Linear or cosine segments between (step, rate) knots (optax piecewise_interpolate).
    PiecewiseInterp(PiecewiseInterp) => "pinterp", "Piecewise interpolated";
    /// A tanh fall from lr to lr_min (timm TanhLRScheduler).
    Tanh(Tanh) => "tanh", "Tanh";
    /// Cycles between two rates: triangular, triangular2, exp_range (PyTorch CyclicLR).
    Cyclic(Cyclic) => "cyclic", "Cyclic";
    /// One cycle up to a peak and down far below the start (PyTorch OneCycleLR).
    OneCycle(OneCycle) => "onecycle", "One-cycle";
    /// Warm-up, stable, decay (Hugging Face get_wsd_schedule).
    Wsd(Wsd) => "wsd", "Warmup-stable-decay";
    /// Anneal's cosine family: restarts, T_mult, decay, k-decay, cycle limit, warm-up.
    Cosine(Anneal) => "cosine", "Cosine";
}

impl Family {
    /// The learning rate at time `t` (negative read as 0).
    pub fn lr(&self, t: f64) -> f64 {
        self.lr_cached(t, &mut CycleCache::default())
    }

    /// Rejects parameters that would give a meaningless or non-finite curve, naming the bad one.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        Reader::new(self.kind().params(), &self.values())?;
        self.check()
    }

    /// Up to `cap` times in (a, b] where it may jump or turn; monotone between them, which makes
    /// per-pixel min/max decimation exact.
    pub fn breakpoints(&self, a: f64, b: f64, cap: usize) -> Vec<f64> {
        let mut out = self.turns(a, b, cap);
        out.retain(|&t| t > a && t <= b);
        crate::sort::sort_f64(&mut out);
        out.dedup();
        out.truncate(cap);
        out
    }

    /// The family `kind` with these parameters (in its table's order), validated.
    pub fn from_values(kind: FamilyKind, values: &[ParamValue]) -> Result<Family, ScheduleError> {
        let family = kind.read(&Reader::new(kind.params(), values)?);
        family.check()?;
        Ok(family)
    }
}

/// The multiples k·period (k ≥ 1) in (a, b], at most `cap`: a periodic family's jumps or turns.
fn multiples(period: f64, a: f64, b: f64, cap: usize) -> Vec<f64> {
    if period.is_nan() || period <= 0.0 {
        return Vec::new();
    }
    let first = ((a / period).floor() + 1.0).max(1.0);
    (0..cap)
        .map(|k| (first + k as f64) * period)
        .take_while(|&t| t <= b)
        .collect()
}

/// The rounded fraction `f` of `length`, at least one step.
fn part(length: f64, f: f64) -> f64 {
    (length * f).round().max(1.0)
}
