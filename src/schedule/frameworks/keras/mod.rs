//! Keras 3 `keras.optimizers.schedules`: everything Anneal knows about it.

mod api;
mod compose;
mod equivalent;
mod modes;
mod nearest;
mod snippet;

pub use modes::{
    CosineDecay, CosineDecayRestarts, PiecewiseConstantDecay, PolynomialDecay, Precision,
    RateDecay, RateShape,
};

use super::resume::{Resume, Rule};
use super::{Framework, Library, Mode};

/// Keras, as the page, the CLI and the exports know it.
pub(super) const LIBRARY: Library = Library {
    name: "Keras",
    key: "keras",
    color: (153, 153, 51),
    float_bits: 32,
    scales_optimizer_lr: false,
    epochs_flag: None,
    apis: &api::APIS,
    unsupported: &[
        (
            "ReduceLROnPlateau",
            "is a callback that lowers the rate when a validation metric stops improving, so it depends on training",
        ),
        (
            "LearningRateScheduler",
            "is a callback around a Python function of the epoch",
        ),
    ],
    equivalent: equivalent::equivalent,
    compose: compose::compose,
    qualifier: "",
    snippet: snippet::snippet,
    closure: snippet::closure,
    resume: Resume {
        ways: [("load_weights or BackupAndRestore into the new compile (iterations = k; keras.models.load_model would keep the saved schedule)", Rule::New), ("a new optimizer (iterations = 0)", Rule::FromZero)],
    },
};

// The modes are the maths; mapping each back to the explorer is `nearest`'s, so the glue
// between the two lives here, where both are in scope.
exact!(point CosineDecay, Framework::Keras, nearest::cosine_decay);
exact!(point CosineDecayRestarts, Framework::Keras, nearest::cosine_decay_restarts);
exact!(point RateDecay, Framework::Keras, nearest::rate_decay);
exact!(point PiecewiseConstantDecay, Framework::Keras, nearest::piecewise_constant);
exact!(point PolynomialDecay, Framework::Keras, nearest::polynomial);

/// Keras's own warning about a mode's dtype (an integer schedule), for the CLI; the import
/// shows it among the mode's notes.
impl Mode {
    /// What the library's dtype does to this mode's values, when it matters.
    pub fn dtype_note(&self) -> Option<&'static str> {
        match self {
            Mode::KerasCosine(m) => m.precision.note(),
            Mode::KerasRestarts(m) => m.precision.note(),
            Mode::KerasRateDecay(m) => m.precision.note(),
            Mode::KerasPolynomial(m) => m.precision.note(),
            _ => None,
        }
    }
}
