//! Hugging Face `transformers.optimization`: everything Anneal knows about it.

mod api;
mod equivalent;
mod modes;
mod nearest;
mod snippet;

pub use modes::{Cosine, CosineSchedule, Wsd, WsdShape};

use super::Library;

/// Hugging Face, as the page, the CLI and the exports know it.
pub(super) const LIBRARY: Library = Library {
    name: "Hugging Face",
    key: "hf",
    color: (245, 158, 11),
    float_bits: 64,
    scales_optimizer_lr: true,
    apis: &api::APIS,
    equivalent: equivalent::equivalent,
    snippet: snippet::snippet,
};
