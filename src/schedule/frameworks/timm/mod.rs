//! timm's `timm.scheduler`: everything Anneal knows about it.

mod api;
mod compose;
mod equivalent;
mod modes;
mod nearest;
mod snippet;

pub use modes::{CosineLr, CycleLr, CycleShape, Milestones, StepLr};

use super::resume::{Resume, Rule};
use super::{Framework, Library};

/// timm, as the page, the CLI and the exports know it.
pub(super) const LIBRARY: Library = Library {
    name: "timm",
    key: "timm",
    color: (170, 68, 153),
    float_bits: 64,
    scales_optimizer_lr: true,
    epochs_flag: Some("t_in_epochs"),
    apis: &api::APIS,
    unsupported: &[(
        "PlateauLRScheduler",
        "depends on the validation metric passed to each step",
    )],
    equivalent: equivalent::equivalent,
    compose: compose::compose,
    qualifier: "",
    snippet: snippet::snippet,
    closure: snippet::closure,
    resume: Resume {
        ways: [
            ("scheduler.load_state_dict(checkpoint)", Rule::Old),
            (
                "train.py: the optimizer loaded, a new scheduler, step_update(k)",
                Rule::OldBase,
            ),
        ],
    },
};

// The modes are the maths; mapping each back to the explorer is `nearest`'s, so the glue
// between the two lives here, where both are in scope.
exact!(point CosineLr, Framework::Timm, nearest::cosine_lr);
exact!(point StepLr, Framework::Timm, nearest::step_lr);
exact!(point CycleLr, Framework::Timm, nearest::cycle_lr);
