//! Training-step arithmetic: from a dataset, a per-device batch, devices and gradient
//! accumulation to the optimizer steps per epoch and in all, as each trainer counts them.

use serde::{Deserialize, Serialize};

use crate::named::named;

/// Who counts the optimizer steps (each rule is cited from its source in [`Counter::count`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Counter {
    /// transformers' Trainer since 4.52: a partial accumulation at an epoch's end is a step.
    #[default]
    Trainer,
    /// transformers' Trainer up to 4.51: the partial accumulation is not counted.
    TrainerFloor,
    /// PyTorch Lightning's `trainer.estimated_stepping_batches`.
    Lightning,
    /// A plain PyTorch loop stepping every `accumulation` batches.
    Loop,
}

named!(Counter {
    Trainer => "trainer", "Hugging Face Trainer (transformers ≥ 4.52)";
    TrainerFloor => "trainer_floor", "Hugging Face Trainer (transformers ≤ 4.51)";
    Lightning => "lightning", "PyTorch Lightning";
    Loop => "loop", "plain PyTorch loop";
});

/// A training run's size, as a training script states it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Setup {
    /// Examples in the training set; 0 when only the loader's length is known.
    pub examples: u64,
    /// Batches per epoch on each device, used when `examples` is 0.
    pub batches: u64,
    /// Examples per batch on each device.
    pub batch: u64,
    /// Data-parallel processes (the world size).
    pub devices: u64,
    /// Batches per optimizer step.
    pub accumulation: u64,
    /// Epochs to train; 0 when not given. May be fractional.
    pub epochs: f64,
    /// The loader drops a last, short batch.
    pub drop_last: bool,
}

/// Optimizer steps as one counter computes them, with the arithmetic it did.
#[derive(Clone, Debug, PartialEq)]
pub struct Count {
    /// Batches per epoch on each device (`len(train_dataloader)`).
    pub loader: u64,
    /// Optimizer steps per epoch.
    pub per_epoch: u64,
    /// Optimizer steps in all, when the epochs are given.
    pub total: Option<u64>,
    /// The arithmetic, one line, in the library's own terms.
    pub formula: String,
    /// What this counter cannot express of the setup (Lightning's whole epochs).
    pub note: Option<String>,
}

fn ceil_div(a: u64, b: u64) -> u64 {
    a.div_ceil(b.max(1))
}

impl Setup {
    /// Each device's `len(train_dataloader)` under `counter`'s sharding, with its arithmetic.
    fn loader(&self, counter: Counter) -> (u64, String) {
        let (n, b, w) = (self.examples, self.batch.max(1), self.devices.max(1));
        if n == 0 {
            return (
                self.batches.max(1),
                format!("len(loader) = {}", self.batches.max(1)),
            );
        }
        let div = if self.drop_last {
            n / b
        } else {
            ceil_div(n, b)
        };
        let (bra, ket) = if self.drop_last {
            ("⌊", "⌋")
        } else {
            ("⌈", "⌉")
        };
        match counter {
            // Accelerate shards the batches: `BatchSamplerShard.__len__` gives each process
            // ⌈batches / processes⌉ (even_batches), or ⌊…⌋ when the batch sampler drops the last.
            Counter::Trainer | Counter::TrainerFloor => {
                let len = if self.drop_last {
                    div / w
                } else {
                    ceil_div(div, w)
                };
                if w == 1 {
                    (len, format!("len(loader) = {bra}{n} / {b}{ket} = {len}"))
                } else {
                    let text = format!("len(loader) = {bra}{bra}{n} / {b}{ket} / {w}{ket} = {len}");
                    (len, text)
                }
            }
            // DistributedSampler pads each replica to ⌈examples / replicas⌉, then the loader
            // batches them (dropping a short last batch with drop_last).
            Counter::Lightning | Counter::Loop => {
                let per = ceil_div(n, w);
                let len = if self.drop_last {
                    per / b
                } else {
                    ceil_div(per, b)
                };
                if w == 1 {
                    (len, format!("len(loader) = {bra}{n} / {b}{ket} = {len}"))
                } else {
                    let text = format!("len(loader) = {bra}⌈{n} / {w}⌉ / {b}{ket} = {len}");
                    (len, text)
                }
            }
        }
    }

    /// The optimizer steps `counter` counts for this setup.
    pub fn count(&self, counter: Counter) -> Count {
        let (loader, loader_text) = self.loader(counter);
        let ga = self.accumulation.max(1);
        let e = self.epochs;
        let epochs = crate::format::format_value(e);
        let given = e > 0.0 && e.is_finite();
        let (per_epoch, per_text, total, total_text, note) = match counter {
            // transformers 5.24 `Trainer.set_initial_training_values`:
            // `num_update_steps_per_epoch = max(len_dataloader // ga + int(len_dataloader % ga > 0), 1)`,
            // `max_steps = math.ceil(args.num_train_epochs * num_update_steps_per_epoch)`.
            Counter::Trainer | Counter::TrainerFloor => {
                let floor = counter == Counter::TrainerFloor;
                let per = if floor {
                    (loader / ga).max(1)
                } else {
                    (loader / ga + u64::from(loader % ga > 0)).max(1)
                };
                let per_text = if floor {
                    format!("{loader} // {ga} = {per}")
                } else {
                    format!("{loader} // {ga} + int({loader} % {ga} > 0) = {per}")
                };
                let total = given.then(|| (e * per as f64).ceil() as u64);
                let total_text = total.map(|t| format!("⌈{epochs} × {per}⌉ = {t}"));
                (per, per_text, total, total_text, None)
            }
            // Lightning `Trainer.estimated_stepping_batches`:
            // `math.ceil(total_batches / accumulate_grad_batches) * max(max_epochs, 1)`;
            // `max_epochs` is an int.
            Counter::Lightning => {
                let per = ceil_div(loader, ga);
                let whole = e.ceil().max(1.0) as u64;
                let note = (given && whole as f64 != e).then(|| {
                    format!("max_epochs is a whole number in Lightning: counted for {whole}")
                });
                let total = given.then(|| per * whole);
                let total_text = total.map(|t| format!("{per} × {whole} = {t}"));
                (
                    per,
                    format!("⌈{loader} / {ga}⌉ = {per}"),
                    total,
                    total_text,
                    note,
                )
            }
            // `if (i + 1) % accumulation == 0: optimizer.step()`: the last partial group of an
            // epoch never steps; a script's `int(epochs * steps_per_epoch)` sizes the schedule.
            Counter::Loop => {
                let per = loader / ga;
                let total = given.then(|| (e * per as f64).floor() as u64);
                let total_text = total.map(|t| format!("int({epochs} × {per}) = {t}"));
                let note = (per == 0).then(|| {
                    format!(
                        "fewer batches ({loader}) than accumulation ({ga}): the loop never steps"
                    )
                });
                (
                    per,
                    format!("{loader} // {ga} = {per}"),
                    total,
                    total_text,
                    note,
                )
            }
        };
        let mut formula = format!("{loader_text}; per epoch {per_text}");
        if let Some(t) = total_text {
            formula += &format!("; in all {t}");
        }
        Count {
            loader,
            per_epoch,
            total,
            formula,
            note,
        }
    }
}

/// Warm-up steps for a warm-up ratio, as transformers' `TrainingArguments.get_warmup_steps`
/// computes them: `math.ceil(num_training_steps * warmup_ratio)`.
pub fn warmup_steps(ratio: f64, total: u64) -> u64 {
    (ratio * total as f64).ceil() as u64
}

#[cfg(test)]
mod tests;
