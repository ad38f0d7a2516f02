//! A pasted `TrainingArguments` without `max_steps`: the Trainer counts its optimizer steps from
//! the dataset's size, which only the Training setup can know, with the arguments' batch size,
//! accumulation, epochs and `dataloader_drop_last` (5.24's defaults: 8, 1, 3, False).

use crate::schedule::frameworks::Arg;
use crate::share::Settings;
use crate::training::Counter;

/// The Training setup with the arguments' own fields, the `max_steps` the Trainer counts for it
/// and a note saying how; `None` when the call gives `max_steps` or the setup has no dataset.
pub(super) fn counted(p: &[(String, Arg)], current: &Settings) -> Option<(Settings, u64, String)> {
    let get = |key: &str| p.iter().find(|(k, _)| k == key).map(|(_, v)| v);
    if get("max_steps")
        .and_then(Arg::as_f64)
        .is_some_and(|n| n > 0.0)
    {
        return None;
    }
    // The setup describes a dataset once its size or its epochs were entered.
    if current.examples <= 0.0 && current.epochs <= 0.0 {
        return None;
    }
    let num = |key: &str, default: f64| get(key).and_then(Arg::as_f64).unwrap_or(default);
    let setup = Settings {
        batch: num("per_device_train_batch_size", 8.0),
        grad_accum: num("gradient_accumulation_steps", 1.0),
        epochs: num("num_train_epochs", 3.0),
        drop_last: get("dataloader_drop_last")
            .and_then(Arg::as_bool)
            .unwrap_or(false),
        steps_rule: Counter::Trainer,
        ..current.clone()
    };
    let count = setup.count();
    let total = count.total.filter(|&t| t > 0)?;
    let note = format!(
        "max_steps is not in the call: the Trainer's count for the Training setup with the call's batch size, accumulation and epochs is {total} ({})",
        count.formula
    );
    Some((setup, total, note))
}
