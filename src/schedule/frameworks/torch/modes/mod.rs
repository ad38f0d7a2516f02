//! PyTorch's `torch.optim.lr_scheduler`, step by step as the library computes it (torch 2.15).
//!
//! Each expression keeps PyTorch's operation order: at the last ulp it matters.

mod chainable;
mod composite;
mod cosine;
mod cyclic;
mod one_cycle;

pub use chainable::{decay_period, Kind, Scheduler};
pub use composite::{Chained, Inner, Sequential};
pub use cosine::{CosineAnnealing, WarmRestarts, WarmRestartsEpoch};
pub use cyclic::{Cyclic, CyclicMode};
pub use one_cycle::{Momentum, OneCycle};
