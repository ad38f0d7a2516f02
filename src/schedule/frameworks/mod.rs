//! Exact framework modes: each library's own arithmetic and operation order, quirks included
//! (see `shared/golden/SEMANTICS.md` for the source lines each one follows).
//!
//! One module per library owns everything about it (its modes, its table of scheduler APIs,
//! its nearest equivalent of an Anneal schedule, the way back, its code snippet); this module
//! holds what they share and the [`Mode`] that names one library's mode.

/// Implements [`Exact`] for a mode of `$framework` with `validate()` and either `at(t) -> f64`
/// (`point`) or `steps()` (`stepped`), mapped back by `$nearest`.
macro_rules! exact {
    (point $ty:ty, $framework:expr, $nearest:expr) => {
        impl $crate::schedule::frameworks::Exact for $ty {
            fn framework(&self) -> $crate::schedule::frameworks::Framework {
                $framework
            }
            fn check(&self) -> Result<(), $crate::schedule::ScheduleError> {
                self.validate()
            }
            fn value(&self, t: f64) -> Result<f64, $crate::schedule::ScheduleError> {
                Ok(self.at(t))
            }
            fn nearest(&self) -> $crate::schedule::frameworks::Nearest {
                ($nearest)(self)
            }
            fn length(&self) -> f64 {
                self.length()
            }
        }
    };
    (stepped $ty:ty, $framework:expr, $nearest:expr) => {
        impl $crate::schedule::frameworks::Exact for $ty {
            fn framework(&self) -> $crate::schedule::frameworks::Framework {
                $framework
            }
            fn check(&self) -> Result<(), $crate::schedule::ScheduleError> {
                self.validate()
            }
            fn stepped(&self) -> Option<Box<dyn Iterator<Item = f64>>> {
                Some(Box::new(self.steps()))
            }
            fn nearest(&self) -> $crate::schedule::frameworks::Nearest {
                ($nearest)(self)
            }
            fn length(&self) -> f64 {
                self.length()
            }
        }
    };
}

mod api;
mod arg;
pub mod closure;
pub mod compose;
mod equivalent;
mod framework;
pub mod keras;
pub mod length;
mod nearest;
pub mod optax;
mod params;
mod progress;
pub(crate) mod python;
pub mod resume;
mod snippet;
pub mod timm;
pub mod torch;
pub mod transformers;

use serde_json::Value;

use super::error::ScheduleError;
pub use api::{Api, Nested, Pasted};
pub use arg::Arg;
pub use framework::{
    apis, by_family, equivalents, families, Equivalent, Framework, Library, SnippetInput,
    FRAMEWORK_KEYS, FRAMEWORK_OPTIONS,
};
pub use nearest::{after, joined, scaled, Nearest};
pub use params::Params;
pub use progress::Progress;
pub use snippet::{
    called_names, closure_header, eager_loop, header, note_lines, torch_lambda, torch_loop,
    torch_loop_printing, torch_optimizer, TORCH_SETUP,
};

/// Each framework's description lives in its own module; it is looked up here, where every
/// library module is in scope, so `framework.rs` depends on none of them.
impl Framework {
    /// The library's own description.
    pub fn library(self) -> &'static Library {
        match self {
            Framework::Torch => &torch::LIBRARY,
            Framework::Timm => &timm::LIBRARY,
            Framework::Transformers => &transformers::LIBRARY,
            Framework::Optax => &optax::LIBRARY,
            Framework::Keras => &keras::LIBRARY,
        }
    }
}

/// Steps beyond this are refused for schedulers that must be stepped one by one.
pub const MAX_STEPPED: f64 = 1e8;

/// How far the page steps such a scheduler per change (≈ 15 ms natively): stepping to the
/// largest horizon the controls allow (10⁸ steps) froze the page for seconds.
pub const STEPPED_SHOWN: f64 = 1e6;

/// What every library's mode type tells the generic code about itself.
pub trait Exact {
    /// The library it belongs to.
    fn framework(&self) -> Framework;
    /// Rejects parameters the library rejects or that give no finite curve.
    fn check(&self) -> Result<(), ScheduleError>;
    /// The lrs after construction and after each `step()`, for schedulers only defined by
    /// stepping them (their cost grows with the last step asked for); `None` for the others.
    fn stepped(&self) -> Option<Box<dyn Iterator<Item = f64>>> {
        None
    }
    /// The lr at one point (step or epoch, as the library counts), for unstepped modes.
    fn value(&self, _t: f64) -> Result<f64, ScheduleError> {
        Err(ScheduleError::new(
            "t",
            "this scheduler is stepped, not evaluated at a point",
        ))
    }
    /// The optimizer's momentum (SGD's `momentum`, Adam's β₁) the scheduler writes at one
    /// point, for the schedulers that cycle it; `None` for the others.
    fn momentum(&self, _t: f64) -> Option<f64> {
        None
    }
    /// The last step the library computes without raising, for schedulers that refuse to go
    /// on (OneCycleLR past `total_steps`); `None` for the others.
    fn last_step(&self) -> Option<f64> {
        None
    }
    /// The nearest explorer schedule.
    fn nearest(&self) -> Nearest;
    /// Steps (or epochs) the schedule is written for; four cycles of endless restarts.
    fn length(&self) -> f64;
}

/// Declares [`Mode`], one variant per mode type, and its dispatch to [`Exact`].
macro_rules! modes {
    ($($(#[$doc:meta])* $variant:ident($ty:ty),)*) => {
        /// A framework schedule, as one of the golden files' families names it.
        #[derive(Clone, Debug, PartialEq)]
        pub enum Mode {
            $($(#[$doc])* $variant($ty),)*
        }

        // Static dispatch to each mode's [`Exact`] impl (a `&dyn Exact` kept every impl's
        // default methods and vtables in the page's wasm).
        impl Mode {
            /// The library the mode belongs to.
            pub fn framework(&self) -> Framework {
                match self {
                    $(Mode::$variant(m) => Exact::framework(m),)*
                }
            }

            /// Rejects parameters the library rejects or that give no finite curve.
            pub fn validate(&self) -> Result<(), ScheduleError> {
                match self {
                    $(Mode::$variant(m) => m.check(),)*
                }
            }

            /// The momentum the scheduler writes into the optimizer at `t`, where it cycles it.
            pub fn momentum(&self, t: f64) -> Option<f64> {
                match self {
                    $(Mode::$variant(m) => m.momentum(t),)*
                }
            }

            /// (t, momentum) at each of `steps` where the scheduler writes one: empty when it
            /// does not cycle the momentum.
            pub fn momentum_curve(&self, steps: &[f64]) -> Vec<(f64, f64)> {
                steps
                    .iter()
                    .map_while(|&t| Some((t, self.momentum(t)?)))
                    .collect()
            }

            /// The last step it computes without raising, where it stops.
            pub fn last_step(&self) -> Option<f64> {
                match self {
                    $(Mode::$variant(m) => m.last_step(),)*
                }
            }

            /// The nearest explorer schedule, and what it cannot show.
            pub fn nearest(&self) -> Nearest {
                match self {
                    $(Mode::$variant(m) => m.nearest(),)*
                }
            }

            /// Steps (or epochs) the schedule is written for (four cycles of endless restarts).
            pub fn length(&self) -> f64 {
                match self {
                    $(Mode::$variant(m) => Exact::length(m),)*
                }
            }

            /// The learning rates after construction and after each `step()`, for the
            /// schedulers that are only defined by stepping them.
            fn stepped_lrs(&self) -> Option<Box<dyn Iterator<Item = f64>>> {
                match self {
                    $(Mode::$variant(m) => m.stepped(),)*
                }
            }

            /// The learning rate at one point, for every mode that is not stepped.
            fn at_point(&self, t: f64) -> Result<f64, ScheduleError> {
                match self {
                    $(Mode::$variant(m) => m.value(t),)*
                }
            }
        }
    };
}

modes! {
    /// `torch.CosineAnnealingLR`
    TorchCosine(torch::CosineAnnealing),
    /// `torch.CosineAnnealingWarmRestarts`, stepped with `step()`
    TorchWarmRestarts(torch::WarmRestarts),
    /// `torch.CosineAnnealingWarmRestarts.step_epoch`, stepped with `step(epoch)`
    TorchWarmRestartsEpoch(torch::WarmRestartsEpoch),
    /// `torch.OneCycleLR`
    TorchOneCycle(torch::OneCycle),
    /// `timm.CosineLRScheduler`
    Timm(timm::CosineLr),
    /// `transformers.get_cosine_*` schedules
    HfCosine(transformers::CosineSchedule),
    /// `transformers.get_wsd_schedule`
    HfWsd(transformers::Wsd),
    /// `optax.cosine_decay_schedule`
    OptaxCosine(optax::CosineDecay),
    /// `optax.warmup_cosine_decay_schedule`
    OptaxWarmupCosine(optax::WarmupCosineDecay),
    /// `optax.sgdr_schedule`
    OptaxSgdr(optax::Sgdr),
    /// `optax.cosine_onecycle_schedule`
    OptaxOnecycle(optax::CosineOnecycle),
    /// `keras.CosineDecay`
    KerasCosine(keras::CosineDecay),
    /// `keras.CosineDecayRestarts`
    KerasRestarts(keras::CosineDecayRestarts),
    // torch
    /// `torch.ConstantLR`, `LinearLR`, `StepLR`, `MultiStepLR`, `ExponentialLR`, `PolynomialLR`
    TorchChainable(torch::Scheduler),
    /// `torch.CyclicLR`
    TorchCyclic(torch::Cyclic),
    /// `torch.SequentialLR` over any of PyTorch's schedulers
    TorchSequential(torch::Sequential),
    /// `torch.ChainedScheduler`
    TorchChained(torch::Chained),
    // timm
    /// `timm.StepLRScheduler` and `timm.MultiStepLRScheduler`
    TimmStep(timm::StepLr),
    /// `timm.PolyLRScheduler` and `timm.TanhLRScheduler`
    TimmCycle(timm::CycleLr),
    // transformers
    /// `transformers.get_constant_*`, `get_linear_*`, `get_polynomial_*`, `get_inverse_sqrt_*`
    HfWarmupDecay(transformers::WarmupDecay),
    // optax
    /// `optax.constant_schedule`
    OptaxConstant(optax::Constant),
    /// `optax.polynomial_schedule`, `linear_schedule`, `warmup_constant_schedule`
    OptaxPolynomial(optax::Polynomial),
    /// `optax.exponential_decay`
    OptaxExponential(optax::ExponentialDecay),
    /// `optax.piecewise_constant_schedule`
    OptaxPiecewiseConstant(optax::PiecewiseConstant),
    /// `optax.piecewise_interpolate_schedule`, `linear_onecycle_schedule`
    OptaxPiecewiseInterpolate(optax::PiecewiseInterpolate),
    /// `optax.join_schedules`, `warmup_exponential_decay_schedule`
    OptaxJoin(optax::Join),
    // Keras
    /// `keras.ExponentialDecay`, `keras.InverseTimeDecay`
    KerasRateDecay(keras::RateDecay),
    /// `keras.PiecewiseConstantDecay`
    KerasPiecewise(keras::PiecewiseConstantDecay),
    /// `keras.PolynomialDecay`
    KerasPolynomial(keras::PolynomialDecay),
}

impl Mode {
    /// Builds a mode from a golden-format case: its `family`, `params` and `dtype`.
    pub fn from_golden(family: &str, params: &Value, dtype: &str) -> Result<Mode, ScheduleError> {
        Self::from_args(family, &Arg::from(params), dtype)
    }

    /// Builds a mode from `family`'s keyword arguments as a dict.
    pub fn from_args(family: &str, params: &Arg, dtype: &str) -> Result<Mode, ScheduleError> {
        // A malformed argument dict is reported before an unknown family, as it always was.
        Params::new(params)?;
        by_family(family)?.mode(params, dtype)
    }

    /// The last step the page evaluates of a `horizon`: a stepped scheduler stops at
    /// [`STEPPED_SHOWN`], one that raises past its end at its last step, every other mode goes
    /// to the horizon.
    pub fn shown_end(&self, horizon: f64) -> f64 {
        let end = self.last_step().map_or(horizon, |last| horizon.min(last));
        if self.stepped_lrs().is_some() {
            end.min(STEPPED_SHOWN)
        } else {
            end
        }
    }

    /// Whether the optimizer's lr enters the curve: OneCycleLR and CyclicLR set it themselves
    /// (from `max_lr` and `div_factor`, from `base_lr`) when they are built.
    pub fn uses_optimizer_lr(&self) -> bool {
        self.framework().scales_optimizer_lr()
            && !matches!(self, Mode::TorchOneCycle(_) | Mode::TorchCyclic(_))
    }

    /// The learning rate at each of `points` (steps or epochs, as the library counts them).
    pub fn eval(&self, points: &[f64]) -> Result<Vec<f64>, ScheduleError> {
        let mut progress = Progress::new(self, points.to_vec());
        progress.advance(usize::MAX);
        progress.finish()
    }
}
