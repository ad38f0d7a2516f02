//! optax's schedules: everything Anneal knows about them.

mod api;
mod compose;
mod equivalent;
mod modes;
mod nearest;
mod snippet;

pub use modes::{
    Constant, CosineDecay, CosineOnecycle, ExponentialDecay, Interpolate, Join, PiecewiseConstant,
    PiecewiseInterpolate, Polynomial, Sgdr, WarmupCosineDecay,
};

use super::resume::{Resume, Rule};
use super::{Exact, Framework, Library, Nearest};
use crate::schedule::ScheduleError;

/// optax, as the page, the CLI and the exports know it.
pub(super) const LIBRARY: Library = Library {
    name: "optax",
    key: "optax",
    color: (34, 136, 51),
    float_bits: 64,
    scales_optimizer_lr: false,
    epochs_flag: None,
    apis: &api::APIS,
    unsupported: &[(
        "reduce_on_plateau",
        "scales the updates by how the loss stops improving, so it depends on the loss",
    )],
    equivalent: equivalent::equivalent,
    compose: compose::compose,
    qualifier: "optax.",
    snippet: snippet::snippet,
    closure: snippet::closure,
    resume: Resume {
        ways: [
            ("opt_state restored (count = k)", Rule::New),
            ("opt.init(params) again (count = 0)", Rule::FromZero),
        ],
    },
};

// The modes are the maths; mapping each back to the explorer is `nearest`'s, so the glue
// between the two lives here, where both are in scope.
exact!(point CosineDecay, Framework::Optax, nearest::cosine_decay);
exact!(point WarmupCosineDecay, Framework::Optax, nearest::warmup_cosine_decay);
exact!(point Sgdr, Framework::Optax, nearest::sgdr);
exact!(point CosineOnecycle, Framework::Optax, nearest::cosine_onecycle);
exact!(point Constant, Framework::Optax, |m: &Constant| nearest::constant(m.value));
exact!(point Polynomial, Framework::Optax, nearest::polynomial);
exact!(point ExponentialDecay, Framework::Optax, nearest::exponential_decay);
exact!(point PiecewiseConstant, Framework::Optax, nearest::piecewise_constant);
exact!(point PiecewiseInterpolate, Framework::Optax, nearest::piecewise_interpolate);

/// By hand, not `exact!`: each inner schedule's value is a `Result` (any optax mode).
impl Exact for Join {
    fn framework(&self) -> Framework {
        Framework::Optax
    }
    fn check(&self) -> Result<(), ScheduleError> {
        self.validate()
    }
    fn value(&self, t: f64) -> Result<f64, ScheduleError> {
        self.at(t)
    }
    fn nearest(&self) -> Nearest {
        nearest::join(self)
    }
    fn length(&self) -> f64 {
        Join::length(self)
    }
}
