//! optax schedules (0.2.8, `_schedule.py`, `_join.py`), as eager float64 calls with an int count.

mod cosine;
mod join;
mod piecewise;
mod polynomial;

pub use cosine::{CosineDecay, CosineOnecycle, Sgdr, WarmupCosineDecay};
pub use join::Join;
pub use piecewise::{Interpolate, PiecewiseConstant, PiecewiseInterpolate};
pub use polynomial::{Constant, ExponentialDecay, Polynomial};
