//! Learning-rate schedules: pure maths with no web types.
//!
//! A [`Schedule`] is a sequence of phases, each a [`Family`] (constant, step, exponential, …,
//! and [`Anneal`], the general cosine family the explorer drives); [`frameworks`] reproduces
//! what PyTorch, timm, Hugging Face, optax and Keras compute, quirks included.

mod anneal;
mod cycles;
mod error;
mod family;
mod formula;
pub mod frameworks;
mod phases;
mod pitfalls;
mod stepping;
mod terms;
mod warmup;

pub use anneal::{Anneal, CycleCache, LR_LIMIT, T_LIMIT};
pub use cycles::{Cycle, Cycles};
pub use error::ScheduleError;
pub use family::{
    Constant, Cyclic, CyclicMode, Exponential, Family, FamilyKind, Interp, Isqrt, Linear,
    Multistep, OneCycle, ParamKind, ParamSpec, ParamValue, PiecewiseConstant, PiecewiseInterp,
    Polynomial, Ramp, Step, Tanh, Wsd, STEP_LIMIT,
};
pub use formula::formula_html;
pub use phases::{number, PhaseError, Schedule, ScheduleCache};
pub use pitfalls::{pitfalls, Pitfall};
pub use stepping::{held, scheduler_step, stepped_per_epoch, stepping_pitfall};
pub use terms::{locate, Terms};
pub use warmup::{ramp, Warmup, WarmupPlacement, WarmupScope, WarmupShape};
