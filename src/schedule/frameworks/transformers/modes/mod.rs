//! Hugging Face `transformers.optimization` schedules (5.24.0): torch `LambdaLR`s,
//! lr = base·λ(s), most of them after the same linear warm-up from 0.

mod cosine;
mod decay;
mod wsd;

pub use cosine::{Cosine, CosineSchedule};
pub use decay::{Decay, WarmupDecay};
pub use wsd::{Wsd, WsdShape};

/// `max(0, f)` as Python returns it: the int 0 when f is not above it.
fn at_least_zero(f: f64) -> f64 {
    if f > 0.0 {
        f
    } else {
        0.0
    }
}

/// The shared warm-up `float(s) / float(max(1, W))` while s < W.
fn warmup(s: f64, w: f64) -> Option<f64> {
    (s < w).then(|| s / w.max(1.0))
}
