//! Hugging Face `transformers.optimization`: everything Anneal knows about it.

mod api;
mod by_name;
mod compose;
mod equivalent;
mod modes;
mod nearest;
mod snippet;

pub use by_name::SchedulerType;
pub use modes::{Cosine, CosineSchedule, Decay, WarmupDecay, Wsd, WsdShape};
pub use snippet::training_arguments;

use super::resume::{Resume, Rule};
use super::{Framework, Library};

/// Hugging Face, as the page, the CLI and the exports know it.
pub(super) const LIBRARY: Library = Library {
    name: "Hugging Face",
    key: "hf",
    color: (230, 159, 0),
    float_bits: 64,
    scales_optimizer_lr: true,
    epochs_flag: None,
    apis: &api::APIS,
    unsupported: &[
        (
            "get_reduce_on_plateau_schedule",
            "depends on the validation loss",
        ),
        ("get_greedy_schedule", "depends on the validation loss"),
        (
            "get_adafactor_schedule",
            "only reports the step size Adafactor derives from each parameter's own scale",
        ),
    ],
    equivalent: equivalent::equivalent,
    compose: compose::compose,
    qualifier: "",
    snippet: snippet::snippet,
    closure: snippet::closure,
    resume: Resume {
        ways: [
            ("Trainer.train(resume_from_checkpoint=…)", Rule::OldBaseNext),
            ("a new scheduler, then scheduler.step() k times", Rule::New),
        ],
    },
};

// The modes are the maths; mapping each back to the explorer is `nearest`'s, so the glue
// between the two lives here, where both are in scope.
exact!(point CosineSchedule, Framework::Transformers, nearest::cosine);
exact!(point Wsd, Framework::Transformers, nearest::wsd);
exact!(point WarmupDecay, Framework::Transformers, nearest::warmup_decay);
