//! Import: a pasted framework call becomes the framework's exact mode and the nearest
//! explorer settings, or a message that points at the problem.

use super::pycall::{parse_call_at, Call, Py};
use crate::schedule::frameworks::{Arg, Mode};
use crate::share::Settings;

mod to_settings;

/// The calls Anneal reads, with their golden family and positional parameter names.
const KNOWN: [(&str, &str, &[&str]); 12] = [
    (
        "CosineAnnealingLR",
        "torch.CosineAnnealingLR",
        &["optimizer", "T_max", "eta_min", "last_epoch"],
    ),
    (
        "CosineAnnealingWarmRestarts",
        "torch.CosineAnnealingWarmRestarts",
        &["optimizer", "T_0", "T_mult", "eta_min", "last_epoch"],
    ),
    (
        "SequentialLR",
        "torch.SequentialLR(LinearLR,CosineAnnealingLR)",
        &["optimizer", "schedulers", "milestones"],
    ),
    (
        "CosineLRScheduler",
        "timm.CosineLRScheduler",
        &[
            "optimizer",
            "t_initial",
            "lr_min",
            "cycle_mul",
            "cycle_decay",
            "cycle_limit",
            "warmup_t",
            "warmup_lr_init",
            "warmup_prefix",
        ],
    ),
    (
        "get_cosine_schedule_with_warmup",
        "transformers.get_cosine_schedule_with_warmup",
        &[
            "optimizer",
            "num_warmup_steps",
            "num_training_steps",
            "num_cycles",
            "last_epoch",
        ],
    ),
    (
        "get_cosine_with_hard_restarts_schedule_with_warmup",
        "transformers.get_cosine_with_hard_restarts_schedule_with_warmup",
        &[
            "optimizer",
            "num_warmup_steps",
            "num_training_steps",
            "num_cycles",
            "last_epoch",
        ],
    ),
    (
        "get_cosine_with_min_lr_schedule_with_warmup",
        "transformers.get_cosine_with_min_lr_schedule_with_warmup",
        &[
            "optimizer",
            "num_warmup_steps",
            "num_training_steps",
            "num_cycles",
            "last_epoch",
            "min_lr",
            "min_lr_rate",
        ],
    ),
    (
        "cosine_decay_schedule",
        "optax.cosine_decay_schedule",
        &["init_value", "decay_steps", "alpha", "exponent"],
    ),
    (
        "warmup_cosine_decay_schedule",
        "optax.warmup_cosine_decay_schedule",
        &[
            "init_value",
            "peak_value",
            "warmup_steps",
            "decay_steps",
            "end_value",
            "exponent",
        ],
    ),
    ("sgdr_schedule", "optax.sgdr_schedule", &["cosine_kwargs"]),
    (
        "CosineDecay",
        "keras.CosineDecay",
        &[
            "initial_learning_rate",
            "decay_steps",
            "alpha",
            "name",
            "warmup_target",
            "warmup_steps",
        ],
    ),
    (
        "CosineDecayRestarts",
        "keras.CosineDecayRestarts",
        &[
            "initial_learning_rate",
            "first_decay_steps",
            "t_mul",
            "m_mul",
            "alpha",
            "name",
        ],
    ),
];

/// Longest text read, in characters.
pub const MAX_IMPORT_CHARS: usize = 20_000;

/// A successfully read call.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The function as named in the text (last dotted part).
    pub function: String,
    /// The framework's exact mode, as the library computes it.
    pub mode: Mode,
    /// The nearest explorer settings.
    pub settings: Settings,
    /// What the explorer cannot show exactly, and assumptions made (e.g. the optimizer's lr).
    pub notes: Vec<String>,
}

/// Why text could not be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// Character column (1-based) the problem is at, when there is one.
    pub column: Option<usize>,
    /// What is wrong, in words.
    pub message: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.column {
            Some(c) => write!(f, "column {c}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

fn error(column: Option<usize>, message: impl Into<String>) -> ImportError {
    ImportError {
        column,
        message: message.into(),
    }
}

fn to_arg(p: &Py) -> Arg {
    match p {
        Py::Num(v) if v.fract() == 0.0 && v.abs() < 9e15 => Arg::Int(*v as i64),
        Py::Num(v) => Arg::Num(*v),
        Py::Str(s) => Arg::Str(s.clone()),
        Py::Bool(b) => Arg::Bool(*b),
        Py::None | Py::Name(_) => Arg::Null,
        Py::List(items) => Arg::List(items.iter().map(to_arg).collect()),
        Py::Dict(pairs) => Arg::Dict(pairs.iter().map(|(k, v)| (k.clone(), to_arg(v))).collect()),
        Py::Call(c) => Arg::Dict(
            c.kwargs
                .iter()
                .map(|(k, v)| (k.clone(), to_arg(v)))
                .collect(),
        ),
    }
}

/// The call's arguments as the golden format's keyword dictionary (positional ones named).
fn params(call: &Call, names: &[&str]) -> Result<Vec<(String, Arg)>, ImportError> {
    if call.args.len() > names.len() {
        return Err(error(
            None,
            format!(
                "{} takes at most {} positional arguments",
                last(&call.name),
                names.len()
            ),
        ));
    }
    let mut out: Vec<(String, Arg)> = Vec::new();
    for (name, value) in names.iter().zip(&call.args) {
        if *name != "optimizer" {
            out.push((name.to_string(), to_arg(value)));
        }
    }
    for (k, v) in &call.kwargs {
        if k == "optimizer" {
            continue;
        }
        if out.iter().any(|(name, _)| name == k) {
            return Err(error(
                None,
                format!("'{k}' given both by position and by keyword"),
            ));
        }
        out.push((k.clone(), to_arg(v)));
    }
    out.retain(|(k, v)| {
        !(*v == Arg::Null && (k == "name" || k == "warmup_target" || k == "noise_range_t"))
    });
    Ok(out)
}

/// SequentialLR's inner schedulers become the golden format's nested dictionaries.
fn sequential(call: &Call, p: &mut Vec<(String, Arg)>) -> Result<(), ImportError> {
    let inner = call.args.get(1).or_else(|| {
        call.kwargs
            .iter()
            .find(|(k, _)| k == "schedulers")
            .map(|(_, v)| v)
    });
    let Some(Py::List(items)) = inner else {
        return Err(error(None, "SequentialLR needs its list of schedulers"));
    };
    let [Py::Call(linear), Py::Call(cosine)] = items.as_slice() else {
        return Err(error(
            None,
            "only SequentialLR([LinearLR(…), CosineAnnealingLR(…)]) is supported",
        ));
    };
    if last(&linear.name) != "LinearLR" || last(&cosine.name) != "CosineAnnealingLR" {
        return Err(error(
            None,
            "only SequentialLR([LinearLR(…), CosineAnnealingLR(…)]) is supported",
        ));
    }
    p.retain(|(k, _)| k != "schedulers");
    p.push((
        "LinearLR".into(),
        Arg::Dict(params(
            linear,
            &["optimizer", "start_factor", "end_factor", "total_iters"],
        )?),
    ));
    p.push((
        "CosineAnnealingLR".into(),
        Arg::Dict(params(cosine, &["optimizer", "T_max", "eta_min"])?),
    ));
    Ok(())
}

fn last(name: &str) -> &str {
    name.rsplit('.').next().unwrap_or(name)
}

/// The first `lr=<number>` in the text: the optimizer's learning rate.
fn optimizer_lr(chars: &[char]) -> Option<f64> {
    let text: String = chars.iter().collect();
    let mut rest = text.as_str();
    while let Some(i) = rest.find("lr") {
        let before = rest[..i].chars().last();
        let after = rest[i + 2..].trim_start();
        rest = &rest[i + 2..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(value) = after.strip_prefix('=').filter(|a| !a.starts_with('=')) {
            let value = value.trim_start();
            let end = value
                .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '-' | '+')))
                .unwrap_or(value.len());
            if let Ok(v) = value[..end].parse::<f64>() {
                return Some(v);
            }
        }
    }
    None
}

/// Finds the first known scheduler call in `text` and reads it; `current` supplies what the
/// call leaves open (the optimizer's learning rate, the view).
pub fn import(text: &str, current: &Settings) -> Result<Imported, ImportError> {
    let chars: Vec<char> = text.chars().take(MAX_IMPORT_CHARS + 1).collect();
    if chars.len() > MAX_IMPORT_CHARS {
        return Err(error(
            None,
            format!("text too long (over {MAX_IMPORT_CHARS} characters)"),
        ));
    }
    let mut i = 0;
    while i < chars.len() {
        // A name starts after anything but a name character (a module path's dot included).
        let boundary = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if boundary {
            let rest: String = chars[i..].iter().take(64).collect();
            for (name, family, names) in KNOWN {
                let hit =
                    rest.starts_with(name) && rest[name.len()..].trim_start().starts_with('(');
                if hit {
                    let call =
                        parse_call_at(&chars, i).map_err(|e| error(Some(e.column), e.message))?;
                    return build(&call, family, names, &chars, current);
                }
            }
        }
        i += 1;
    }
    Err(error(
        None,
        "no scheduler call found; Anneal reads CosineAnnealingLR, CosineAnnealingWarmRestarts, \
         SequentialLR(LinearLR, CosineAnnealingLR), timm's CosineLRScheduler, Hugging Face's \
         get_cosine_*_schedule_with_warmup, optax's cosine_decay_schedule, \
         warmup_cosine_decay_schedule and sgdr_schedule, and Keras's CosineDecay and CosineDecayRestarts",
    ))
}

fn build(
    call: &Call,
    family: &str,
    names: &[&str],
    chars: &[char],
    current: &Settings,
) -> Result<Imported, ImportError> {
    let mut p = params(call, names)?;
    if family.starts_with("torch.SequentialLR") {
        sequential(call, &mut p)?;
    }
    let mut notes = Vec::new();
    let framework = family.split('.').next().unwrap_or_default();
    if matches!(framework, "torch" | "timm" | "transformers") {
        let lr = optimizer_lr(chars).unwrap_or_else(|| {
            notes.push(format!(
                "the optimizer's lr is not in the text: using the current η_max = {}",
                crate::format::format_value(current.eta_max)
            ));
            current.eta_max
        });
        p.push(("optimizer_lr".into(), Arg::Num(lr)));
    }
    // Keras computes in float32 unless told otherwise; the others in float64.
    let dtype = if framework == "keras" {
        "float32"
    } else {
        "float64"
    };
    let mode =
        Mode::from_args(family, &Arg::Dict(p), dtype).map_err(|e| error(None, e.to_string()))?;
    let (settings, more) = to_settings::settings_for(&mode, current);
    notes.extend(more);
    Ok(Imported {
        function: last(&call.name).to_string(),
        mode,
        settings,
        notes,
    })
}
