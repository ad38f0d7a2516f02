//! Keras 3 `keras.optimizers.schedules`: everything Anneal knows about it.

mod api;
mod equivalent;
mod modes;
mod nearest;
mod snippet;

pub use modes::{CosineDecay, CosineDecayRestarts, Precision};

use super::{Framework, Library};

/// Keras, as the page, the CLI and the exports know it.
pub(super) const LIBRARY: Library = Library {
    name: "Keras",
    key: "keras",
    color: (208, 0, 0),
    float_bits: 32,
    scales_optimizer_lr: false,
    apis: &api::APIS,
    unsupported: &[],
    equivalent: equivalent::equivalent,
    snippet: snippet::snippet,
};

// The modes are the maths; mapping each back to the explorer is `nearest`'s, so the glue
// between the two lives here, where both are in scope.
exact!(point CosineDecay, Framework::Keras, nearest::cosine_decay);
exact!(point CosineDecayRestarts, Framework::Keras, nearest::cosine_decay_restarts);
