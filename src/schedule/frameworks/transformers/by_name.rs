//! transformers' schedules chosen by name: `get_scheduler(name, …)` (`optimization.py` l.960)
//! and the Trainer's `TrainingArguments(lr_scheduler_type=…)` (`training_args.py`,
//! `trainer.py` `create_scheduler`), both dispatching to the function's own row.

use crate::schedule::error::ScheduleError;
use crate::schedule::frameworks::{by_family, Arg, Mode, Params};

/// transformers' `SchedulerType`: every name `get_scheduler` and `lr_scheduler_type` accept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SchedulerType {
    /// `linear`.
    Linear,
    /// `cosine`.
    Cosine,
    /// `cosine_with_restarts`.
    CosineWithRestarts,
    /// `polynomial`.
    Polynomial,
    /// `constant`.
    Constant,
    /// `constant_with_warmup`.
    ConstantWithWarmup,
    /// `inverse_sqrt`.
    InverseSqrt,
    /// `reduce_lr_on_plateau`.
    ReduceLrOnPlateau,
    /// `cosine_with_min_lr`.
    CosineWithMinLr,
    /// `cosine_warmup_with_min_lr`.
    CosineWarmupWithMinLr,
    /// `warmup_stable_decay`.
    WarmupStableDecay,
    /// `greedy`.
    Greedy,
}

/// Each name with its type, in transformers' order.
const NAMES: [(&str, SchedulerType); 12] = [
    ("linear", SchedulerType::Linear),
    ("cosine", SchedulerType::Cosine),
    ("cosine_with_restarts", SchedulerType::CosineWithRestarts),
    ("polynomial", SchedulerType::Polynomial),
    ("constant", SchedulerType::Constant),
    ("constant_with_warmup", SchedulerType::ConstantWithWarmup),
    ("inverse_sqrt", SchedulerType::InverseSqrt),
    ("reduce_lr_on_plateau", SchedulerType::ReduceLrOnPlateau),
    ("cosine_with_min_lr", SchedulerType::CosineWithMinLr),
    (
        "cosine_warmup_with_min_lr",
        SchedulerType::CosineWarmupWithMinLr,
    ),
    ("warmup_stable_decay", SchedulerType::WarmupStableDecay),
    ("greedy", SchedulerType::Greedy),
];

impl SchedulerType {
    /// Reads a name as `SchedulerType(name)` does, with its error for an unknown one.
    pub fn parse(field: &str, name: &str) -> Result<Self, ScheduleError> {
        NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| *t)
            .ok_or_else(|| {
                let all: Vec<String> = NAMES.iter().map(|(n, _)| format!("'{n}'")).collect();
                ScheduleError::new(
                    field,
                    format!(
                        "{name} is not a valid SchedulerType, please select one of [{}]",
                        all.join(", ")
                    ),
                )
            })
    }

    /// The type argument `key` gives: a name, or a member of transformers' enum as pasted
    /// code writes it (`SchedulerType.COSINE`).
    fn read(p: &Params, key: &'static str, default: &'static str) -> Result<Self, ScheduleError> {
        if let Some((_, member)) = p.raw(key).and_then(|a| match a {
            Arg::Name(n) => n.split_once("SchedulerType."),
            _ => None,
        }) {
            let by_member = NAMES.iter().find(|(name, t)| {
                // Members are the names in capitals (Python's attribute names: COSINE, not cosine).
                (member.len() == name.len()
                    && member
                        .bytes()
                        .zip(name.bytes())
                        .all(|(m, n)| m == n.to_ascii_uppercase()))
                    || (member == "REDUCE_ON_PLATEAU" && *t == Self::ReduceLrOnPlateau)
            });
            return by_member.map(|(_, t)| *t).ok_or_else(|| {
                ScheduleError::new(
                    key,
                    format!("SchedulerType has no attribute {member} (Python raises AttributeError): its members are the names in capitals, e.g. SchedulerType.COSINE"),
                )
            });
        }
        Self::parse(key, p.text_or(key, default)?)
    }

    /// Its name.
    pub fn name(self) -> &'static str {
        NAMES
            .iter()
            .find(|(_, t)| *t == self)
            .map_or("", |(n, _)| n)
    }

    /// The name that selects the function called `python` (`get_cosine_schedule_with_warmup`).
    pub fn for_function(python: &str) -> Option<Self> {
        NAMES.iter().map(|(_, t)| *t).find(|t| {
            t.family()
                .is_ok_and(|f| f.strip_prefix("transformers.") == Some(python))
        })
    }

    /// The golden family of the function it selects, or why Anneal cannot draw it.
    fn family(self) -> Result<&'static str, ScheduleError> {
        Ok(match self {
            Self::Linear => "transformers.get_linear_schedule_with_warmup",
            Self::Cosine => "transformers.get_cosine_schedule_with_warmup",
            Self::CosineWithRestarts => {
                "transformers.get_cosine_with_hard_restarts_schedule_with_warmup"
            }
            Self::Polynomial => "transformers.get_polynomial_decay_schedule_with_warmup",
            Self::Constant => "transformers.get_constant_schedule",
            Self::ConstantWithWarmup => "transformers.get_constant_schedule_with_warmup",
            Self::InverseSqrt => "transformers.get_inverse_sqrt_schedule",
            Self::CosineWithMinLr => "transformers.get_cosine_with_min_lr_schedule_with_warmup",
            Self::CosineWarmupWithMinLr => {
                "transformers.get_cosine_with_min_lr_schedule_with_warmup_lr_rate"
            }
            Self::WarmupStableDecay => "transformers.get_wsd_schedule",
            Self::ReduceLrOnPlateau | Self::Greedy => {
                return Err(ScheduleError::new(
                    "name",
                    format!(
                        "{} depends on the validation loss; Anneal cannot draw it",
                        self.name()
                    ),
                ))
            }
        })
    }
}

/// The arguments `get_scheduler` passes on (`None` for an argument left out).
pub struct ByName<'a> {
    /// Which function.
    pub name: SchedulerType,
    /// The optimizer's lr.
    pub base: f64,
    /// `num_warmup_steps`.
    pub warmup: Option<Arg>,
    /// `num_training_steps`.
    pub training: Option<Arg>,
    /// `scheduler_specific_kwargs`.
    pub kwargs: Option<&'a Arg>,
}

impl ByName<'_> {
    /// `get_scheduler`'s body: which arguments each name passes to its function (`constant`
    /// none, `constant_with_warmup` no extra kwargs, …), and its errors for a missing one.
    pub fn mode(&self, dtype: &str) -> Result<Mode, ScheduleError> {
        use SchedulerType as T;
        let family = self.name.family()?;
        let mut args: Vec<(String, Arg)> = vec![("optimizer_lr".into(), Arg::Num(self.base))];
        let requires = |what: &str| {
            ScheduleError::new(
                what,
                format!(
                    "{} requires `{what}`, please provide that argument.",
                    self.name.name()
                ),
            )
        };
        if self.name != T::Constant {
            let w = self
                .warmup
                .clone()
                .ok_or_else(|| requires("num_warmup_steps"))?;
            args.push(("num_warmup_steps".into(), w));
            match self.name {
                T::ConstantWithWarmup | T::InverseSqrt => {}
                T::WarmupStableDecay => {
                    if let Some(n) = &self.training {
                        args.push(("num_training_steps".into(), n.clone()));
                    }
                }
                _ => {
                    let n = self
                        .training
                        .clone()
                        .ok_or_else(|| requires("num_training_steps"))?;
                    args.push(("num_training_steps".into(), n));
                }
            }
            if self.name != T::ConstantWithWarmup {
                self.extend(&mut args)?;
            }
        }
        by_family(family)?.mode(&Arg::Dict(args), dtype)
    }

    /// Adds `scheduler_specific_kwargs`, refusing a key given twice as Python does.
    fn extend(&self, args: &mut Vec<(String, Arg)>) -> Result<(), ScheduleError> {
        let Some(kwargs) = self.kwargs else {
            return Ok(());
        };
        let pairs = kwargs.as_dict().ok_or_else(|| {
            ScheduleError::new(
                "scheduler_specific_kwargs",
                format!("expected a dict, got {kwargs}"),
            )
        })?;
        for (k, v) in pairs {
            if args.iter().any(|(a, _)| a == k) {
                return Err(ScheduleError::new(
                    k.as_str(),
                    "got multiple values for this keyword argument",
                ));
            }
            args.push((k.clone(), v.clone()));
        }
        Ok(())
    }
}

/// `get_scheduler(name, optimizer, num_warmup_steps=None, num_training_steps=None,
/// scheduler_specific_kwargs=None)`.
pub(super) fn get_scheduler(p: &Params, dtype: &str) -> Result<Mode, ScheduleError> {
    let name = SchedulerType::read(p, "name", "")?;
    ByName {
        name,
        base: p.num("optimizer_lr")?,
        warmup: p.raw("num_warmup_steps").cloned(),
        training: p.raw("num_training_steps").cloned(),
        kwargs: p.raw("scheduler_specific_kwargs"),
    }
    .mode(dtype)
}

/// The Trainer's schedule from `TrainingArguments`: `get_scheduler(lr_scheduler_type,
/// num_warmup_steps=args.get_warmup_steps(max_steps), num_training_steps=max_steps,
/// scheduler_specific_kwargs=lr_scheduler_kwargs)` over an optimizer at `learning_rate`. Its
/// other arguments configure the rest of training and are not read.
pub(super) fn training_arguments(p: &Params, dtype: &str) -> Result<Mode, ScheduleError> {
    let name = SchedulerType::read(p, "lr_scheduler_type", "linear")?;
    let base = p.num_or("learning_rate", 5e-5)?;
    let kwargs = match p.raw("lr_scheduler_kwargs") {
        Some(Arg::Str(_)) => {
            return Err(ScheduleError::new(
                "lr_scheduler_kwargs",
                "write it as a dict: Anneal does not read its JSON-string form",
            ))
        }
        other => other,
    };
    let n = match p.opt_num("max_steps")? {
        Some(n) if n > 0.0 => n,
        _ => {
            return Err(ScheduleError::new(
                "max_steps",
                "not given: the Trainer counts it from the dataset's size (num_train_epochs × its optimizer steps per epoch), which the call does not say; enter the dataset in the Training setup, or add max_steps=<total optimizer steps>",
            ))
        }
    };
    let warmup = warmup_steps(p, n)?;
    p.ignore_rest();
    ByName {
        name,
        base,
        warmup: Some(Arg::Int(warmup as i64)),
        training: Some(Arg::Int(n as i64)),
        kwargs,
    }
    .mode(dtype)
}

/// `get_warmup_steps(N)`: 5.24 reads `warmup_steps` below 1 as a ratio of N (rounded up);
/// older releases took the ratio from `warmup_ratio` when `warmup_steps` was 0.
fn warmup_steps(p: &Params, n: f64) -> Result<f64, ScheduleError> {
    let steps = p.num_or("warmup_steps", 0.0)?;
    if steps < 0.0 {
        return Err(ScheduleError::new(
            "warmup_steps",
            format!("Got warmup_steps = {steps}, Expected value warmup_steps >= 0"),
        ));
    }
    if let Some(ratio) = p.opt_num("warmup_ratio")? {
        if !(0.0..=1.0).contains(&ratio) {
            return Err(ScheduleError::new(
                "warmup_ratio",
                "warmup_ratio must lie in range [0,1]",
            ));
        }
        return Ok(if steps > 0.0 {
            steps
        } else {
            (n * ratio).ceil()
        });
    }
    Ok(if steps >= 1.0 {
        steps.trunc()
    } else {
        (n * steps).ceil()
    })
}
