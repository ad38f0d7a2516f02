//! A pasted `TrainingArguments` without `max_steps`: the Trainer counts its optimizer steps from
//! the dataset's size, which only the Training setup can know, with the arguments' batch size,
//! accumulation, epochs and `dataloader_drop_last` (5.24's defaults: 8, 1, 3, False).

use super::{error, ImportError};
use crate::format::format_value;
use crate::schedule::frameworks::Arg;
use crate::share::Settings;
use crate::training::Counter;

/// The fields the count reads: key, what the note calls it, the Trainer's default, and whether
/// it must be a whole number of at least 1 (else above 0).
const FIELDS: [(&str, &str, f64, bool); 3] = [
    ("per_device_train_batch_size", "batch", 8.0, true),
    ("gradient_accumulation_steps", "accumulation", 1.0, true),
    ("num_train_epochs", "epochs", 3.0, false),
];

/// The Training setup with the arguments' own fields, the `max_steps` the Trainer counts for it
/// and a note saying how; `None` when the call has `max_steps` or the setup has no dataset; an
/// error when a field the count needs is not a number it can take.
pub(super) fn counted(
    p: &[(String, Arg)],
    current: &Settings,
) -> Result<Option<(Settings, u64, String)>, ImportError> {
    let get = |key: &str| p.iter().find(|(k, _)| k == key).map(|(_, v)| v);
    // The setup describes a dataset once its size or its epochs were entered.
    if get("max_steps").is_some() || (current.examples <= 0.0 && current.epochs <= 0.0) {
        return Ok(None);
    }
    let mut values = [0.0; 3];
    let mut said = Vec::new();
    for (k, (key, label, default, whole)) in FIELDS.iter().enumerate() {
        let v = match get(key) {
            None => {
                said.push(format!(
                    "{label} {} (the Trainer's default)",
                    format_value(*default)
                ));
                *default
            }
            Some(arg) => {
                let v = arg.as_f64().filter(|v| v.is_finite()).ok_or_else(|| {
                    error(None, format!("{key}: write its value: the Trainer counts max_steps from it, got {arg}"))
                })?;
                let fits = if *whole {
                    v >= 1.0 && v.fract() == 0.0
                } else {
                    v > 0.0
                };
                if !fits {
                    let want = if *whole {
                        "a whole number from 1"
                    } else {
                        "a number above 0"
                    };
                    return Err(error(
                        None,
                        format!("{key}: expected {want}, got {}", format_value(v)),
                    ));
                }
                said.push(format!("{label} {}", format_value(v)));
                v
            }
        };
        values[k] = v;
    }
    let drop_last = match get("dataloader_drop_last") {
        None => false,
        Some(arg) => arg.as_bool().ok_or_else(|| {
            error(
                None,
                format!("dataloader_drop_last: expected True or False, got {arg}"),
            )
        })?,
    };
    // transformers up to 4.51, when the setup says so; the Trainer's own rule otherwise.
    let steps_rule = match current.steps_rule {
        Counter::TrainerFloor => Counter::TrainerFloor,
        _ => Counter::Trainer,
    };
    let setup = Settings {
        batch: values[0],
        grad_accum: values[1],
        epochs: values[2],
        drop_last,
        steps_rule,
        ..current.clone()
    };
    let count = setup.count();
    let Some(total) = count.total.filter(|&t| t > 0) else {
        return Ok(None);
    };
    let note = format!(
        "max_steps is not in the call: counted as the Trainer does for the Training setup's dataset with {}: {total} ({})",
        said.join(", "),
        count.formula
    );
    Ok(Some((setup, total, note)))
}

/// A check for `warmup_ratio`, which transformers 5.24's `TrainingArguments` no longer takes
/// (its `warmup_steps` below 1 is the ratio): the import reads it as earlier releases did.
pub(super) fn removed(p: &[(String, Arg)]) -> Option<String> {
    let (_, ratio) = p.iter().find(|(k, _)| k == "warmup_ratio")?;
    let ratio = ratio
        .as_f64()
        .map_or_else(|| ratio.to_string(), crate::format::shown);
    Some(format!(
        "Check: transformers 5.24's TrainingArguments has no warmup_ratio (it raises TypeError); read as transformers ≤ 4.x reads it. In 5.24 write warmup_steps={ratio}: a warmup_steps below 1 is the ratio"
    ))
}
