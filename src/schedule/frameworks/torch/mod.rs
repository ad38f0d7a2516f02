//! PyTorch's `torch.optim.lr_scheduler`: everything Anneal knows about it.

mod api;
mod compose;
mod equivalent;
mod modes;
mod nearest;
mod snippet;

pub use modes::{
    Chained, CosineAnnealing, Cyclic, CyclicMode, Inner, Kind, Momentum, OneCycle, Scheduler,
    Sequential, WarmRestarts, WarmRestartsEpoch,
};

use super::resume::{Resume, Rule};
use super::{Exact, Framework, Library, Nearest};
use crate::schedule::ScheduleError;

/// PyTorch, as the page, the CLI and the exports know it.
pub(super) const LIBRARY: Library = Library {
    name: "PyTorch",
    key: "torch",
    color: (204, 51, 17),
    float_bits: 64,
    scales_optimizer_lr: true,
    epochs_flag: None,
    apis: &api::APIS,
    unsupported: &[
        ("ReduceLROnPlateau", "depends on the validation loss"),
        ("LambdaLR", "takes a Python function"),
        ("MultiplicativeLR", "takes a Python function"),
    ],
    equivalent: equivalent::equivalent,
    compose: compose::compose,
    qualifier: "",
    snippet: snippet::snippet,
    closure: snippet::closure,
    resume: Resume {
        ways: [
            ("scheduler.load_state_dict(checkpoint)", Rule::Old),
            (
                "a new scheduler, then scheduler.step() k times",
                Rule::Stepped,
            ),
        ],
    },
};

// The modes are the maths; mapping each back to the explorer is `nearest`'s, so the glue
// between the two lives here, where both are in scope.
exact!(stepped CosineAnnealing, Framework::Torch, nearest::cosine_annealing);
exact!(stepped WarmRestarts, Framework::Torch, nearest::warm_restarts);
exact!(stepped Scheduler, Framework::Torch, nearest::scheduler);
exact!(stepped Sequential, Framework::Torch, nearest::sequential);
exact!(stepped Chained, Framework::Torch, |_| Nearest::overlay_only());

/// A whole step from 0, as CyclicLR and OneCycleLR count them.
fn whole_step(t: f64, name: &str) -> Result<u64, ScheduleError> {
    if t >= 0.0 && t.fract() == 0.0 && t <= u64::MAX as f64 {
        Ok(t as u64)
    } else {
        Err(ScheduleError::new(
            "t",
            format!("{name} counts whole steps from 0, got {t}"),
        ))
    }
}

/// Implements [`Exact`] for a scheduler computed from its whole step count alone (`$m` the
/// mode, `$s` the step): its lr, and the momentum it cycles.
macro_rules! whole_steps {
    ($ty:ty, $name:literal, $nearest:path, |$m:ident, $s:ident| $lr:expr, $momentum:expr, $last:expr) => {
        impl Exact for $ty {
            fn framework(&self) -> Framework {
                Framework::Torch
            }
            fn check(&self) -> Result<(), ScheduleError> {
                self.validate()
            }
            fn value(&self, t: f64) -> Result<f64, ScheduleError> {
                let ($m, $s) = (self, whole_step(t, $name)?);
                $lr
            }
            fn momentum(&self, t: f64) -> Option<f64> {
                let ($m, $s) = (self, whole_step(t, $name).ok()?);
                $momentum
            }
            fn last_step(&self) -> Option<f64> {
                let $m = self;
                $last
            }
            fn nearest(&self) -> Nearest {
                $nearest(self)
            }
            fn length(&self) -> f64 {
                self.length()
            }
        }
    };
}

whole_steps!(
    Cyclic,
    "CyclicLR",
    nearest::cyclic,
    |m, s| Ok(m.at(s as f64)),
    m.momentum_at(s as f64),
    {
        let _ = m;
        None
    }
);
whole_steps!(
    OneCycle,
    "OneCycleLR",
    nearest::one_cycle,
    |m, s| m.at(s),
    m.momentum_at(s).ok().flatten(),
    // A loop that prints, then steps, raises after printing step total_steps.
    Some(m.total_steps.saturating_sub(1) as f64)
);

impl Exact for WarmRestartsEpoch {
    fn framework(&self) -> Framework {
        Framework::Torch
    }
    fn check(&self) -> Result<(), ScheduleError> {
        self.0.validate()
    }
    fn value(&self, t: f64) -> Result<f64, ScheduleError> {
        if t.is_nan() || t < 0.0 {
            return Err(ScheduleError::new(
                "t",
                format!("PyTorch raises for a negative epoch, got {t}"),
            ));
        }
        Ok(self.0.at_epoch(t))
    }
    fn nearest(&self) -> Nearest {
        nearest::warm_restarts(&self.0)
    }
    fn length(&self) -> f64 {
        self.0.length()
    }
}
