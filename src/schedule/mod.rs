//! Learning-rate schedules: pure maths with no web types.
//!
//! [`Anneal`] is the general cosine family the explorer drives; [`frameworks`] reproduces
//! what PyTorch, timm, Hugging Face, optax and Keras compute, quirks included; [`Family`]
//! holds the other classic shapes for comparison.

mod anneal;
mod cycles;
mod error;
mod families;
pub mod frameworks;
mod pitfalls;
mod warmup;

pub use anneal::{Anneal, CycleCache, LR_LIMIT, T_LIMIT};
pub use cycles::{Cycle, Cycles};
pub use error::ScheduleError;
pub use families::Family;
pub use pitfalls::{pitfalls, Pitfall};
pub use warmup::{ramp, Warmup, WarmupPlacement, WarmupScope, WarmupShape};
