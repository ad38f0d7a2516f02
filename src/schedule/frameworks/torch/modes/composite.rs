//! PyTorch's `SequentialLR` and `ChainedScheduler` (torch 2.15 l.1082–1235, l.1478–1582) as
//! drivers of a list of scheduler state machines over one optimizer lr.

use super::{CosineAnnealing, Cyclic, OneCycle, Scheduler, WarmRestarts};
use crate::schedule::error::ScheduleError;

/// A scheduler inside a composite, as constructed on the shared optimizer.
#[derive(Clone, Debug, PartialEq)]
pub enum Inner {
    /// ConstantLR, LinearLR, StepLR, MultiStepLR, ExponentialLR or PolynomialLR.
    Chainable(Scheduler),
    /// CosineAnnealingLR.
    Cosine(CosineAnnealing),
    /// CosineAnnealingWarmRestarts, stepped with `step()`.
    WarmRestarts(WarmRestarts),
    /// CyclicLR.
    Cyclic(Cyclic),
    /// OneCycleLR (reading the optimizer's `initial_lr`, `max_lr` and `min_lr`, which the
    /// last OneCycleLR constructed wrote).
    OneCycle(OneCycle),
}

/// What a scheduler in a composite remembers between steps: its `last_epoch`, and
/// CosineAnnealingWarmRestarts' position in its cycle.
#[derive(Clone, Copy)]
struct Slot {
    epoch: f64,
    t_cur: u64,
    t_i: u64,
}

impl Inner {
    /// Steps it is written for.
    pub fn length(&self) -> f64 {
        match self {
            Inner::Chainable(s) => s.length(),
            Inner::Cosine(c) => c.length(),
            Inner::WarmRestarts(w) => w.length(),
            Inner::Cyclic(c) => c.length(),
            Inner::OneCycle(o) => o.length(),
        }
    }

    /// Rejects what PyTorch rejects.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        match self {
            Inner::Chainable(s) => s.validate(),
            Inner::Cosine(c) => c.validate(),
            Inner::WarmRestarts(w) => w.validate(),
            Inner::Cyclic(c) => c.validate(),
            Inner::OneCycle(o) => o.validate(),
        }
    }

    /// Sets `base_lrs` to the optimizer's `initial_lr` (CyclicLR and OneCycleLR keep theirs).
    fn rebase(&mut self, base: f64) {
        match self {
            Inner::Chainable(s) => s.base = base,
            Inner::Cosine(c) => c.base = base,
            Inner::WarmRestarts(w) => w.base = base,
            Inner::Cyclic(_) | Inner::OneCycle(_) => {}
        }
    }

    /// Its state once constructed (`last_epoch` 0, at the start of its first cycle).
    fn slot(&self) -> Slot {
        let t_i = match self {
            Inner::WarmRestarts(w) => w.t_0,
            _ => 1,
        };
        Slot {
            epoch: 0.0,
            t_cur: 0,
            t_i,
        }
    }

    /// `get_lr()` at the slot's `last_epoch` from the current `lr`; `initial` in a
    /// constructor's own first step; `None` where PyTorch raises (OneCycleLR past its
    /// total_steps).
    fn get_lr(&self, slot: &Slot, lr: f64, initial: bool) -> Option<f64> {
        let e = slot.epoch;
        match self {
            Inner::Chainable(s) => Some(s.next(e, lr, initial)),
            Inner::Cosine(_) if initial => Some(lr),
            // The `_step_count == 1` branch of its get_lr is never reached here: every
            // scheduler's first step() after construction is its second.
            Inner::Cosine(c) => Some(c.next(e, lr)),
            Inner::WarmRestarts(w) => Some(w.lr(slot.t_cur as f64, slot.t_i as f64)),
            Inner::Cyclic(c) => Some(c.at(e)),
            Inner::OneCycle(o) => o.at(e as u64).ok(),
        }
    }

    /// `_initial_step()`: the constructor's first step, which SequentialLR repeats for the
    /// scheduler it starts with.
    fn first(&self, slot: &mut Slot, lr: f64) -> Option<f64> {
        *slot = self.slot();
        self.get_lr(slot, lr, true)
    }

    /// `step()`.
    fn step(&self, slot: &mut Slot, lr: f64) -> Option<f64> {
        if let Inner::WarmRestarts(w) = self {
            // Its own step(): from last_epoch -1 it starts over at epoch 0.
            if slot.epoch < 0.0 {
                *slot = self.slot();
            } else {
                slot.epoch += 1.0;
                slot.t_cur += 1;
                if slot.t_cur >= slot.t_i {
                    slot.t_cur %= slot.t_i;
                    slot.t_i = slot.t_i.saturating_mul(w.t_mult);
                }
            }
        } else {
            slot.epoch += 1.0;
        }
        self.get_lr(slot, lr, false)
    }

    /// `_update_lr(0)`, a SequentialLR milestone: the closed form where the class has one,
    /// else `get_lr()`; `None` where PyTorch raises.
    fn restart(&self, slot: &mut Slot, lr: f64) -> Option<f64> {
        slot.epoch = 0.0;
        match self {
            Inner::Chainable(s) => s.closed_form(0.0),
            Inner::Cosine(c) => Some(c.closed_form(0.0)),
            _ => self.get_lr(slot, lr, false),
        }
    }
}

/// Constructs `schedulers` in order on an optimizer at `optimizer_lr`, as the Python lines
/// building them do: each one's base, the optimizer's final `initial_lr`, and its lr after
/// the constructors' own first steps.
fn construct(optimizer_lr: f64, schedulers: &mut [Inner]) -> Result<(f64, f64), ScheduleError> {
    let (mut lr, mut initial) = (optimizer_lr, None);
    for s in schedulers.iter_mut() {
        // CyclicLR writes base_lr into the optimizer before the first `initial_lr` is taken;
        // OneCycleLR overwrites `initial_lr` whatever was there.
        if let Inner::Cyclic(c) = s {
            lr = c.base_lr;
        }
        let group = match s {
            Inner::OneCycle(o) => o.initial_lr(),
            _ => *initial.get_or_insert(lr),
        };
        initial = Some(group);
        s.rebase(group);
        s.validate()?;
        lr = match s {
            // Its first step runs before its base_lrs become base_lr.
            Inner::Cyclic(c) => c.from_base(group, 0.0),
            _ => s.first(&mut s.slot(), lr).unwrap_or(lr),
        };
    }
    // Every OneCycleLR reads the optimizer's bounds, which the last one constructed wrote.
    let last = schedulers.iter().rev().find_map(|s| match s {
        Inner::OneCycle(o) => Some(*o),
        _ => None,
    });
    if let Some(l) = last {
        for s in schedulers.iter_mut() {
            if let Inner::OneCycle(o) = s {
                (o.max_lr, o.div_factor, o.final_div_factor) =
                    (l.max_lr, l.div_factor, l.final_div_factor);
            }
        }
    }
    let initial = initial.ok_or_else(|| {
        ScheduleError::new(
            "schedulers",
            "expects at least one scheduler, but got no scheduler",
        )
    })?;
    Ok((initial, lr))
}

/// Python's `bisect_right` on a list as given (SequentialLR never sorts its milestones).
fn bisect_right(list: &[u64], x: f64) -> usize {
    let (mut lo, mut hi) = (0, list.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        if x < list[mid] as f64 {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

/// `SequentialLR(schedulers, milestones)`: one scheduler at a time, each restarted at its
/// milestone through its closed form.
#[derive(Clone, Debug, PartialEq)]
pub struct Sequential {
    /// The optimizer's `initial_lr` once every scheduler is constructed: the lr it resets to.
    pub initial_lr: f64,
    /// The schedulers, constructed in order.
    pub schedulers: Vec<Inner>,
    /// The steps at which the next scheduler takes over.
    pub milestones: Vec<u64>,
}

impl Sequential {
    /// Constructs the schedulers on an optimizer at `optimizer_lr`, then the SequentialLR.
    pub fn new(
        optimizer_lr: f64,
        mut schedulers: Vec<Inner>,
        milestones: Vec<u64>,
    ) -> Result<Self, ScheduleError> {
        let (initial_lr, _) = construct(optimizer_lr, &mut schedulers)?;
        let sequential = Self {
            initial_lr,
            schedulers,
            milestones,
        };
        sequential.validate()?;
        Ok(sequential)
    }

    /// Steps the schedule is written for: the last milestone, then the last scheduler's own.
    pub fn length(&self) -> f64 {
        let last = self.milestones.iter().max().map_or(0.0, |&m| m as f64);
        last + self.schedulers.last().map_or(1.0, Inner::length)
    }

    /// Rejects what PyTorch rejects (its stepping relies on one more scheduler than
    /// milestones).
    pub fn validate(&self) -> Result<(), ScheduleError> {
        if self.milestones.len() + 1 != self.schedulers.len() {
            return Err(ScheduleError::new(
                "milestones",
                format!(
                    "SequentialLR raises ValueError: it expects number of schedulers provided to be one more than the number of milestone points, but got number of schedulers {} and the number of milestones to be equal to {}",
                    self.schedulers.len(),
                    self.milestones.len()
                ),
            ));
        }
        self.schedulers.iter().try_for_each(Inner::validate)
    }

    /// The lr after construction, then after each call to `step()`, up to where PyTorch
    /// raises (a OneCycleLR stepped past its total_steps, a closed form dividing by zero).
    pub fn steps(&self) -> impl Iterator<Item = f64> {
        self.steps_loaded(None)
    }

    /// As [`Self::steps`], with the optimizer's lr replaced by `loaded` right after
    /// construction (an optimizer state loaded into it).
    pub fn steps_loaded(&self, loaded: Option<f64>) -> impl Iterator<Item = f64> {
        let me = self.clone();
        // Construction undid every scheduler's first step: each is at last_epoch -1.
        let mut slots: Vec<Slot> = me
            .schedulers
            .iter()
            .map(|s| Slot {
                epoch: -1.0,
                ..s.slot()
            })
            .collect();
        let first = bisect_right(&me.milestones, 0.0);
        let built = me.schedulers[first].first(&mut slots[first], me.initial_lr);
        let mut lr = loaded.map_or(built, Some);
        let start = lr;
        let mut step = 0.0;
        std::iter::once(start)
            .flatten()
            .chain(std::iter::from_fn(move || {
                step += 1.0;
                let k = bisect_right(&me.milestones, step);
                let (s, slot) = (&me.schedulers[k], &mut slots[k]);
                lr = if k > 0 && me.milestones[k - 1] as f64 == step {
                    s.restart(slot, lr?)
                } else {
                    s.step(slot, lr?)
                };
                lr
            }))
    }
}

/// `ChainedScheduler(schedulers)`: every scheduler steps the same optimizer lr, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Chained {
    /// The lr after every constructor's own first step.
    pub start: f64,
    /// The schedulers, constructed in order.
    pub schedulers: Vec<Inner>,
}

impl Chained {
    /// Constructs the schedulers on an optimizer at `optimizer_lr`.
    pub fn new(optimizer_lr: f64, mut schedulers: Vec<Inner>) -> Result<Self, ScheduleError> {
        let (_, start) = construct(optimizer_lr, &mut schedulers)?;
        Ok(Self { start, schedulers })
    }

    /// Steps the schedule is written for: the longest of its schedulers'.
    pub fn length(&self) -> f64 {
        self.schedulers
            .iter()
            .map(Inner::length)
            .fold(1.0, f64::max)
    }

    /// Rejects what PyTorch rejects.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        self.schedulers.iter().try_for_each(Inner::validate)
    }

    /// The lr after construction, then after each call to `step()`, up to where PyTorch
    /// raises (a OneCycleLR stepped past its total_steps).
    pub fn steps(&self) -> impl Iterator<Item = f64> {
        self.steps_loaded(None)
    }

    /// As [`Self::steps`], with the optimizer's lr replaced by `loaded` right after
    /// construction (an optimizer state loaded into it).
    pub fn steps_loaded(&self, loaded: Option<f64>) -> impl Iterator<Item = f64> {
        let me = self.clone();
        let mut slots: Vec<Slot> = me.schedulers.iter().map(Inner::slot).collect();
        std::iter::successors(Some(loaded.unwrap_or(me.start)), move |&lr| {
            me.schedulers
                .iter()
                .zip(slots.iter_mut())
                .try_fold(lr, |lr, (s, slot)| s.step(slot, lr))
        })
    }
}
