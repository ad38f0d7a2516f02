//! optax's schedules: everything Anneal knows about them.

mod api;
mod equivalent;
mod modes;
mod nearest;
mod snippet;

pub use modes::{CosineDecay, CosineOnecycle, Sgdr, WarmupCosineDecay};

use super::Library;

/// optax, as the page, the CLI and the exports know it.
pub(super) const LIBRARY: Library = Library {
    name: "optax",
    key: "optax",
    color: (16, 185, 129),
    float_bits: 64,
    scales_optimizer_lr: false,
    apis: &api::APIS,
    equivalent: equivalent::equivalent,
    snippet: snippet::snippet,
};
