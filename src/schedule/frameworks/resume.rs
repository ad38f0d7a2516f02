//! Resuming from a checkpoint: the learning rates a run trains with after it stopped at step k,
//! with the scheduler's state restored or the scheduler re-created, when the resumed script
//! builds its own (possibly changed) call. Each library's module says which [`Rule`] each way
//! follows in it; `tests/fixtures/resume_reference.py` checks them against the libraries.

use super::{Framework, Mode};
use crate::schedule::error::ScheduleError;

/// The two ways a script picks its scheduler back up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Way {
    /// The checkpoint holds the scheduler's state (or its count) and the script loads it.
    Restored,
    /// The script builds a new scheduler and catches it up to step k.
    Recreated,
}

/// What the rates after step k are, in terms of the old call and the new one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// `load_state_dict` copies every attribute back (T_max, base_lrs, …): the old curve goes
    /// on and the new call's changes are ignored.
    Old,
    /// The new call at the restored count (optax's `count`, Keras's `iterations`).
    New,
    /// The new call from its start: the count begins again at 0.
    FromZero,
    /// The new call on the checkpoint's `initial_lr`, which comes back with the optimizer's
    /// state before the scheduler reads it (timm's train.py).
    OldBase,
    /// Step k at the optimizer's restored lr, then the new call's lambda on the checkpoint's
    /// `base_lrs` (the Trainer: a lambda is not part of the state, `base_lrs` is).
    OldBaseNext,
    /// The new scheduler, built before the optimizer's state is loaded, stepped k times: a
    /// recursive scheduler goes on from the restored lr; a closed form gives the new call.
    Stepped,
}

/// How one library resumes: each way's code, as a script writes it, and its rule.
pub struct Resume {
    /// (what the script does, its rule) for [`Way::Restored`] and [`Way::Recreated`].
    pub ways: [(&'static str, Rule); 2],
}

impl Framework {
    /// How the library resumes `way`: what the script does, and the rule that follows.
    pub fn resume(self, way: Way) -> (&'static str, Rule) {
        self.library().resume.ways[way as usize]
    }
}

/// The lr a run trains with at each of `steps` (whole steps in order, the first being k, the
/// step it resumes at) after resuming in `way`, where `before` is the call the run started
/// with, `planned` its lrs at `steps`, and `after` the call the resumed script builds.
pub fn resumed(
    before: &Mode,
    planned: &[f64],
    after: &Mode,
    way: Way,
    steps: &[f64],
) -> Result<Vec<f64>, ScheduleError> {
    let (Some(&k), Some(&at_k)) = (steps.first(), planned.first()) else {
        return Ok(Vec::new());
    };
    let (_, rule) = before.framework().resume(way);
    let old_base = || {
        let base = before.base().ok_or_else(unmodelled)?;
        after.with_base(base).ok_or_else(unmodelled)
    };
    match rule {
        Rule::Old => Ok(planned.to_vec()),
        Rule::New => after.eval(steps),
        Rule::FromZero => after.eval(&steps.iter().map(|t| t - k).collect::<Vec<_>>()),
        Rule::OldBase => old_base()?.eval(steps),
        Rule::OldBaseNext => {
            // Step k trains at the lr the optimizer's state brought back.
            let mut v = old_base()?.eval(steps)?;
            v[0] = at_k;
            Ok(v)
        }
        Rule::Stepped => match after.stepped_loaded(at_k) {
            Some(lrs) => Ok(pick(lrs, steps)),
            None if after.recursive() => Err(unmodelled()),
            None => after.eval(steps),
        },
    }
}

/// The values of `lrs` (the lr after construction, then after each `step()`) at the indices
/// `steps`: the script's k catch-up steps and then one per training step make the index of
/// training step t be t itself.
fn pick(lrs: Box<dyn Iterator<Item = f64>>, steps: &[f64]) -> Vec<f64> {
    let mut lrs = lrs.peekable();
    let mut at = 0.0;
    let mut out = Vec::with_capacity(steps.len());
    for &t in steps {
        while at < t && lrs.next().is_some() {
            at += 1.0;
        }
        match lrs.peek() {
            Some(&v) if at == t => out.push(v),
            _ => break,
        }
    }
    out
}

impl Mode {
    /// The optimizer's lr the call multiplies, for the calls that read it as `initial_lr`.
    fn base(&self) -> Option<f64> {
        let mut m = self.clone();
        m.base_mut().map(|b| *b)
    }

    /// The same call on an optimizer whose `initial_lr` is `base`.
    fn with_base(&self, base: f64) -> Option<Mode> {
        let mut m = self.clone();
        *m.base_mut()? = base;
        Some(m)
    }

    fn base_mut(&mut self) -> Option<&mut f64> {
        Some(match self {
            Mode::TorchCosine(m) => &mut m.base,
            Mode::TorchWarmRestarts(m) => &mut m.base,
            Mode::TorchWarmRestartsEpoch(m) => &mut m.0.base,
            Mode::Timm(m) => &mut m.base,
            Mode::TimmStep(m) => &mut m.base,
            Mode::TimmCycle(m) => &mut m.base,
            Mode::HfCosine(m) => &mut m.base,
            Mode::HfWsd(m) => &mut m.base,
            // The polynomial's lambda keeps the lr it was built with (`lr_init`), which this
            // mode ties to its base: not modelled with another base.
            Mode::HfWarmupDecay(m)
                if !matches!(m.decay, super::transformers::Decay::Polynomial { .. }) =>
            {
                &mut m.base
            }
            _ => return None,
        })
    }

    /// Whether PyTorch computes it from the optimizer's current lr (or, for OneCycleLR, from
    /// values it keeps in the optimizer), so a loaded optimizer state changes what it does.
    fn recursive(&self) -> bool {
        matches!(
            self,
            Mode::TorchCosine(_)
                | Mode::TorchChainable(_)
                | Mode::TorchSequential(_)
                | Mode::TorchChained(_)
                | Mode::TorchOneCycle(_)
        )
    }

    /// The lrs after construction and after each `step()` when the optimizer's lr becomes
    /// `loaded` right after construction; `None` where that is not modelled.
    fn stepped_loaded(&self, loaded: f64) -> Option<Box<dyn Iterator<Item = f64>>> {
        let one_cycle = |inner: &[super::torch::Inner]| {
            inner
                .iter()
                .any(|s| matches!(s, super::torch::Inner::OneCycle(_)))
        };
        Some(match self {
            Mode::TorchCosine(m) => Box::new(m.steps_loaded(Some(loaded))),
            Mode::TorchChainable(m) => Box::new(m.steps_loaded(Some(loaded))),
            Mode::TorchSequential(m) if !one_cycle(&m.schedulers) => {
                Box::new(m.steps_loaded(Some(loaded)))
            }
            Mode::TorchChained(m) if !one_cycle(&m.schedulers) => {
                Box::new(m.steps_loaded(Some(loaded)))
            }
            _ => return None,
        })
    }
}

fn unmodelled() -> ScheduleError {
    ScheduleError::new(
        "resume",
        "how this call resumes this way is not modelled: its lr reads values the optimizer's state overwrites",
    )
}
