//! PyTorch's `torch.optim.lr_scheduler`: everything Anneal knows about it.

mod api;
mod equivalent;
mod modes;
mod nearest;
mod snippet;

pub use modes::{
    Chained, CosineAnnealing, Cyclic, CyclicMode, Inner, Kind, Momentum, OneCycle, Scheduler,
    Sequential, WarmRestarts, WarmRestartsEpoch,
};

use super::{Exact, Framework, Library, Nearest};
use crate::schedule::ScheduleError;

/// PyTorch, as the page, the CLI and the exports know it.
pub(super) const LIBRARY: Library = Library {
    name: "PyTorch",
    key: "torch",
    color: (238, 76, 44),
    float_bits: 64,
    scales_optimizer_lr: true,
    apis: &api::APIS,
    unsupported: &[
        ("ReduceLROnPlateau", "depends on the validation loss"),
        ("LambdaLR", "takes a Python function"),
        ("MultiplicativeLR", "takes a Python function"),
    ],
    equivalent: equivalent::equivalent,
    snippet: snippet::snippet,
};

// The modes are the maths; mapping each back to the explorer is `nearest`'s, so the glue
// between the two lives here, where both are in scope.
exact!(stepped CosineAnnealing, Framework::Torch, nearest::cosine_annealing);
exact!(stepped WarmRestarts, Framework::Torch, nearest::warm_restarts);
exact!(stepped Scheduler, Framework::Torch, |_| Nearest::overlay_only());
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

impl Exact for Cyclic {
    fn framework(&self) -> Framework {
        Framework::Torch
    }
    fn check(&self) -> Result<(), ScheduleError> {
        self.validate()
    }
    fn value(&self, t: f64) -> Result<f64, ScheduleError> {
        Ok(self.at(whole_step(t, "CyclicLR")? as f64))
    }
    fn momentum(&self, t: f64) -> Option<f64> {
        self.momentum_at(whole_step(t, "CyclicLR").ok()? as f64)
    }
    fn nearest(&self) -> Nearest {
        Nearest::overlay_only()
    }
    fn length(&self) -> f64 {
        self.length()
    }
}

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

impl Exact for OneCycle {
    fn framework(&self) -> Framework {
        Framework::Torch
    }
    fn check(&self) -> Result<(), ScheduleError> {
        self.validate()
    }
    fn value(&self, t: f64) -> Result<f64, ScheduleError> {
        self.at(whole_step(t, "OneCycleLR")?)
    }
    fn momentum(&self, t: f64) -> Option<f64> {
        self.momentum_at(whole_step(t, "OneCycleLR").ok()?)
            .ok()
            .flatten()
    }
    fn nearest(&self) -> Nearest {
        Nearest::overlay_only()
    }
    fn length(&self) -> f64 {
        self.length()
    }
}
