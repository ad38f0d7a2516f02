//! Learning-rate schedules: pure maths with no web types.

mod cosine;

pub use cosine::cosine_annealing;
