//! PyTorch's `torch.optim.lr_scheduler`: everything Anneal knows about it.

mod api;
mod equivalent;
mod modes;
mod nearest;
mod snippet;

pub use modes::{CosineAnnealing, LinearThenCosine, OneCycle, WarmRestarts, WarmRestartsEpoch};

use super::Library;

/// PyTorch, as the page, the CLI and the exports know it.
pub(super) const LIBRARY: Library = Library {
    name: "PyTorch",
    key: "torch",
    color: (238, 76, 44),
    float_bits: 64,
    scales_optimizer_lr: true,
    apis: &api::APIS,
    equivalent: equivalent::equivalent,
    snippet: snippet::snippet,
};
