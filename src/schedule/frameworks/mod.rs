//! Exact framework modes: each library's own arithmetic and operation order, quirks included
//! (see `shared/golden/SEMANTICS.md` for the source lines each one follows).

mod arg;
mod golden;
pub mod keras;
pub mod optax;
mod params;
mod progress;
mod python;
pub mod timm;
pub mod torch;
pub mod transformers;

use serde_json::Value;

use super::error::ScheduleError;
pub use arg::Arg;
pub use progress::Progress;

/// Steps beyond this are refused for schedulers that must be stepped one by one.
pub const MAX_STEPPED: f64 = 1e8;

/// How far the page steps such a scheduler per change (≈ 15 ms natively): stepping to the
/// largest horizon the controls allow (10⁸ steps) froze the page for seconds.
pub const STEPPED_SHOWN: f64 = 1e6;

/// A framework schedule, as one of the golden files' families names it.
#[derive(Clone, Debug, PartialEq)]
pub enum Mode {
    /// `torch.CosineAnnealingLR`
    TorchCosine(torch::CosineAnnealing),
    /// `torch.CosineAnnealingWarmRestarts`, stepped with `step()`
    TorchWarmRestarts(torch::WarmRestarts),
    /// `torch.CosineAnnealingWarmRestarts.step_epoch`, stepped with `step(epoch)`
    TorchWarmRestartsEpoch(torch::WarmRestarts),
    /// `torch.SequentialLR(LinearLR,CosineAnnealingLR)`
    TorchLinearThenCosine(torch::LinearThenCosine),
    /// `torch.OneCycleLR`
    TorchOneCycle(torch::OneCycle),
    /// `timm.CosineLRScheduler`
    Timm(timm::CosineLr),
    /// `transformers.get_cosine_*` schedules
    HfCosine(transformers::CosineSchedule),
    /// `transformers.get_wsd_schedule`
    HfWsd(transformers::Wsd),
    /// `optax.cosine_decay_schedule`
    OptaxCosine(optax::CosineDecay),
    /// `optax.warmup_cosine_decay_schedule`
    OptaxWarmupCosine(optax::WarmupCosineDecay),
    /// `optax.sgdr_schedule`
    OptaxSgdr(optax::Sgdr),
    /// `optax.cosine_onecycle_schedule`
    OptaxOnecycle(optax::CosineOnecycle),
    /// `keras.CosineDecay`
    KerasCosine(keras::CosineDecay),
    /// `keras.CosineDecayRestarts`
    KerasRestarts(keras::CosineDecayRestarts),
}

/// Every family `Mode::from_golden` understands.
pub const FAMILIES: [&str; 17] = [
    "torch.CosineAnnealingLR",
    "torch.CosineAnnealingWarmRestarts",
    "torch.CosineAnnealingWarmRestarts.step_epoch",
    "torch.SequentialLR(LinearLR,CosineAnnealingLR)",
    "torch.OneCycleLR",
    "timm.CosineLRScheduler",
    "transformers.get_cosine_schedule_with_warmup",
    "transformers.get_cosine_with_hard_restarts_schedule_with_warmup",
    "transformers.get_cosine_with_min_lr_schedule_with_warmup",
    "transformers.get_cosine_with_min_lr_schedule_with_warmup_lr_rate",
    "transformers.get_wsd_schedule",
    "optax.cosine_decay_schedule",
    "optax.warmup_cosine_decay_schedule",
    "optax.sgdr_schedule",
    "optax.cosine_onecycle_schedule",
    "keras.CosineDecay",
    "keras.CosineDecayRestarts",
];

impl Mode {
    /// Builds a mode from a golden-format case: its `family`, `params` and `dtype`.
    pub fn from_golden(family: &str, params: &Value, dtype: &str) -> Result<Mode, ScheduleError> {
        Self::from_args(family, &Arg::from(params), dtype)
    }

    /// Builds a mode from `family`'s keyword arguments as a dict.
    pub fn from_args(family: &str, params: &Arg, dtype: &str) -> Result<Mode, ScheduleError> {
        let mode = golden::build(family, params, dtype)?;
        mode.validate()?;
        Ok(mode)
    }

    /// Rejects parameters the library rejects or that give no finite curve.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        match self {
            Mode::TorchCosine(m) => m.validate(),
            Mode::TorchWarmRestarts(m) | Mode::TorchWarmRestartsEpoch(m) => m.validate(),
            Mode::TorchLinearThenCosine(m) => m.validate(),
            Mode::TorchOneCycle(m) => m.validate(),
            Mode::Timm(m) => m.validate(),
            Mode::HfCosine(m) => m.validate(),
            Mode::HfWsd(m) => m.validate(),
            Mode::OptaxCosine(m) => m.validate(),
            Mode::OptaxWarmupCosine(m) => m.validate(),
            Mode::OptaxSgdr(m) => m.validate(),
            Mode::OptaxOnecycle(m) => m.validate(),
            Mode::KerasCosine(m) => m.validate(),
            Mode::KerasRestarts(m) => m.validate(),
        }
    }

    /// The learning rates after construction and after each `step()`, for the schedulers that
    /// are only defined by stepping them (their cost grows with the last step asked for).
    fn stepped_lrs(&self) -> Option<Box<dyn Iterator<Item = f64>>> {
        match *self {
            Mode::TorchCosine(m) => Some(Box::new(m.steps())),
            Mode::TorchWarmRestarts(m) => Some(Box::new(m.steps())),
            Mode::TorchLinearThenCosine(m) => Some(Box::new(m.steps())),
            _ => None,
        }
    }

    /// The last step the page evaluates of a `horizon`: a stepped scheduler stops at
    /// [`STEPPED_SHOWN`], every other mode goes to the horizon.
    pub fn shown_end(&self, horizon: f64) -> f64 {
        if self.stepped_lrs().is_some() {
            horizon.min(STEPPED_SHOWN)
        } else {
            horizon
        }
    }

    /// The learning rate at each of `points` (steps or epochs, as the library counts them).
    pub fn eval(&self, points: &[f64]) -> Result<Vec<f64>, ScheduleError> {
        let mut progress = Progress::new(self, points.to_vec());
        progress.advance(usize::MAX);
        progress.finish()
    }

    /// The learning rate at one point, for every mode that is not stepped.
    fn at_point(&self, t: f64) -> Result<f64, ScheduleError> {
        match self {
            Mode::TorchWarmRestartsEpoch(m) => {
                if t.is_nan() || t < 0.0 {
                    return Err(ScheduleError::new(
                        "t",
                        format!("PyTorch raises for a negative epoch, got {t}"),
                    ));
                }
                Ok(m.at_epoch(t))
            }
            Mode::TorchOneCycle(m) => {
                if t >= 0.0 && t.fract() == 0.0 && t <= u64::MAX as f64 {
                    m.at(t as u64)
                } else {
                    Err(ScheduleError::new(
                        "t",
                        format!("OneCycleLR counts whole steps from 0, got {t}"),
                    ))
                }
            }
            Mode::Timm(m) => Ok(m.at(t)),
            Mode::HfCosine(m) => Ok(m.at(t)),
            Mode::HfWsd(m) => Ok(m.at(t)),
            Mode::OptaxCosine(m) => Ok(m.at(t)),
            Mode::OptaxWarmupCosine(m) => Ok(m.at(t)),
            Mode::OptaxSgdr(m) => Ok(m.at(t)),
            Mode::OptaxOnecycle(m) => Ok(m.at(t)),
            Mode::KerasCosine(m) => Ok(m.at(t)),
            Mode::KerasRestarts(m) => Ok(m.at(t)),
            Mode::TorchCosine(_) | Mode::TorchWarmRestarts(_) | Mode::TorchLinearThenCosine(_) => {
                Err(ScheduleError::new(
                    "t",
                    "this scheduler is stepped, not evaluated at a point",
                ))
            }
        }
    }
}
