//! optax's schedules: everything Anneal knows about them.

mod api;
mod equivalent;
mod modes;
mod nearest;
mod snippet;

pub use modes::{CosineDecay, CosineOnecycle, Sgdr, WarmupCosineDecay};

use super::{Framework, Library, Nearest};

/// optax, as the page, the CLI and the exports know it.
pub(super) const LIBRARY: Library = Library {
    name: "optax",
    key: "optax",
    color: (16, 185, 129),
    float_bits: 64,
    scales_optimizer_lr: false,
    apis: &api::APIS,
    unsupported: &[],
    equivalent: equivalent::equivalent,
    snippet: snippet::snippet,
};

// The modes are the maths; mapping each back to the explorer is `nearest`'s, so the glue
// between the two lives here, where both are in scope.
exact!(point CosineDecay, Framework::Optax, nearest::cosine_decay);
exact!(point WarmupCosineDecay, Framework::Optax, nearest::warmup_cosine_decay);
exact!(point Sgdr, Framework::Optax, nearest::sgdr);
exact!(point CosineOnecycle, Framework::Optax, |_| Nearest::overlay_only());
