//! Import: a pasted framework call becomes the framework's exact mode and the nearest
//! explorer settings, or a message that points at the problem.

use super::pycall::Call;
use crate::schedule::frameworks::{apis, Api, Arg, Framework, Mode, Pasted};
use crate::share::{Settings, Unit};

mod args;
mod lint;
mod scan;
mod source;
mod to_settings;
mod trainer;

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
    /// The call scales the optimizer's lr and the text did not give it: η_max stood in.
    pub lr_assumed: bool,
    /// Optimizer steps between two of the call's steps: 1, or the training setup's steps per
    /// epoch for a call the loop steps once per epoch (timm's `t_in_epochs`, left True).
    pub step_every: f64,
    /// What writing `settings` changes beyond the schedule (the unit, ratios the call's own
    /// lengths replace): said when the import is made, not when its code is read again.
    pub changes: Vec<String>,
    /// The code to keep (in the link): the text, with the lr that stood in written at its top,
    /// so reading it again gives the same curve whatever η_max is then.
    pub code: String,
}

impl Imported {
    /// Its name in the chart's legend and the CSV's header.
    pub fn label(&self) -> String {
        format!("imported {}", self.function)
    }
}

/// Why text could not be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// The line and the character column in it (both from 1) the problem is at, when there is
    /// one.
    pub at: Option<(usize, usize)>,
    /// What is wrong, in words.
    pub message: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.at {
            Some((1, c)) => write!(f, "column {c}: {}", self.message),
            Some((l, c)) => write!(f, "line {l}, column {c}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// An import error at a line and column (when there is one) saying `message`.
pub(super) fn error(at: Option<(usize, usize)>, message: impl Into<String>) -> ImportError {
    ImportError {
        at,
        message: message.into(),
    }
}

/// The last dotted part of `name`: `CosineAnnealingLR` of `torch.optim.lr_scheduler.CosineAnnealingLR`.
pub(super) fn last(name: &str) -> &str {
    name.rsplit('.').next().unwrap_or(name)
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
    // A commented-out call is not the one that runs, nor is a name inside a string.
    let (code, quoted) = source::code(&chars);
    let found = scan::calls(&code, &quoted)?;
    if let Some((read, line, left)) = scan::chosen(&found)? {
        // Names count as assigned before the call's line, as Python runs it.
        let line_start = match line {
            0 | 1 => 0,
            _ => code
                .iter()
                .enumerate()
                .filter(|(_, c)| **c == '\n')
                .nth(line - 2)
                .map_or(code.len(), |(i, _)| i + 1),
        };
        let mut imported = build(
            &read.call,
            read.framework,
            read.api,
            read.pasted,
            args::Args::new(&code, &quoted, line_start),
            current,
        )?;
        imported.notes.extend(left);
        let text: String = chars.iter().collect();
        imported.code = if imported.lr_assumed {
            format!(
                "lr = {}  # the optimizer's lr: η_max when imported\n{text}",
                crate::format::format_value(current.eta_max)
            )
        } else {
            text
        };
        return Ok(imported);
    }
    let text: String = chars.iter().collect();
    let commented = apis()
        .filter_map(|(_, api)| api.pasted.as_ref())
        .any(|p| text.contains(&format!("{}(", p.python)));
    Err(error(
        None,
        if commented {
            "the scheduler call is in a comment or a string: remove the # (or the quotes) to import it".to_string()
        } else {
            format!("no scheduler call found; Anneal reads {}", readable())
        },
    ))
}

/// The refusal for a call no library's mode can draw; where libraries share the name
/// (`ReduceLROnPlateau`), the one whose module the dotted path before it names.
pub(super) fn unsupported(before: &[char], called: &dyn Fn(&str) -> bool) -> Option<ImportError> {
    let path: String = before
        .iter()
        .rev()
        .take_while(|c| c.is_alphanumeric() || **c == '_' || **c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let root = path.split('.').next().unwrap_or_default();
    let hits: Vec<(Framework, &str, &str)> = Framework::ALL
        .into_iter()
        .flat_map(|f| f.unsupported().iter().map(move |(n, why)| (f, *n, *why)))
        .filter(|(_, n, _)| called(n))
        .collect();
    let (framework, name, why) = hits
        .iter()
        .find(|(f, _, _)| f.module() == root)
        .or(hits.first())
        .copied()?;
    Some(error(
        None,
        format!("{}'s {name} {why}; Anneal cannot draw it", framework.name()),
    ))
}

/// The calls the import reads, library by library, as the "not found" message lists them.
fn readable() -> String {
    let per_framework: Vec<String> = Framework::ALL
        .iter()
        .filter_map(|f| {
            let names: Vec<String> = f
                .apis()
                .iter()
                .filter_map(|api| api.pasted.as_ref())
                .map(|p| p.python.to_string())
                .collect();
            (!names.is_empty()).then(|| format!("{}'s {}", f.name(), names.join(", ")))
        })
        .collect();
    per_framework.join("; ")
}

fn build(
    call: &Call,
    framework: Framework,
    api: &Api,
    pasted: &Pasted,
    mut args: args::Args,
    current: &Settings,
) -> Result<Imported, ImportError> {
    let mut p = args.params(call, pasted.positional)?;
    if let Some(n) = &pasted.nested {
        args.nested(call, framework, pasted, n, &mut p)?;
    }
    let mut notes = Vec::new();
    let counted = if api.family == "transformers.TrainingArguments" {
        notes.extend(trainer::removed(&p));
        trainer::counted(&p, current)?
    } else {
        None
    };
    let current = match &counted {
        Some((setup, max_steps, note)) => {
            p.retain(|(k, _)| k != "max_steps");
            p.push(("max_steps".into(), Arg::Int(*max_steps as i64)));
            notes.push(note.clone());
            setup
        }
        None => current,
    };
    // Why the optimizer's lr was not read, when it was not: absent, or written as code.
    let mut lr_missing = None;
    // A call that takes no optimizer (TrainingArguments: the Trainer makes one from its
    // learning_rate) has no optimizer's lr to find or assume.
    if framework.scales_optimizer_lr() && pasted.positional.contains(&"optimizer") {
        let lr = args.optimizer_lr().unwrap_or_else(|written| {
            lr_missing = Some(match written {
                Some(code) => format!(
                    "the optimizer's lr={code} has no value Anneal can tell from the pasted code"
                ),
                None => "the optimizer's lr is not in the text".into(),
            });
            current.eta_max
        });
        p.push(("optimizer_lr".into(), Arg::Num(lr)));
    }
    notes.extend(args.note());
    // Keras computes in float32 unless told otherwise; the others in float64.
    let dtype = if framework.float_bits() == 32 {
        "float32"
    } else {
        "float64"
    };
    // The epochs flag as written (the last of a repeated keyword wins); one Anneal cannot read
    // keeps the library's default, said.
    let in_epochs = framework.epochs_flag().filter(|flag| {
        match p.iter().rev().find(|(k, _)| k == flag).map(|(_, v)| v) {
            None => true,
            Some(v) => v.as_bool().unwrap_or_else(|| {
                notes.push(format!(
                    "{flag}={} has no value Anneal can tell from the pasted code: read as True, {}'s default",
                    v,
                    framework.name()
                ));
                true
            }),
        }
    });
    let mode: Mode = api
        .mode(&Arg::Dict(p), dtype)
        .map_err(|e| error(None, e.to_string()))?;
    // Said only where the lr stood in for changes the curve.
    let lr_missing = lr_missing.filter(|_| mode.uses_optimizer_lr());
    let lr_assumed = lr_missing.is_some();
    // A call stepped per epoch counts epochs: training holds each epoch's rate for its steps.
    let (unit, step_every) = match in_epochs {
        Some(flag) => {
            let every = current.epoch_steps();
            notes.push(format!(
                "{flag} is True ({}'s default): the loop calls step(epoch), so every length here counts epochs and each epoch's rate holds for its {} (the training setup's); {flag}=False with step_update(num_updates) steps it every optimizer step",
                framework.name(),
                crate::format::quantity(every, "optimizer step")
            ));
            (Unit::Epochs, every)
        }
        None => (Unit::Steps, 1.0),
    };
    if let Some(why) = lr_missing {
        notes.push(format!(
            "{why}: using η_max = {}, written as lr = {} at the top of the imported code",
            crate::format::format_value(current.eta_max),
            crate::format::format_value(current.eta_max)
        ));
    }
    let (settings, more) = to_settings::settings_for(&mode, current, (unit, step_every));
    notes.extend(more);
    let changes = to_settings::setup_notes(current, &settings);
    // The run the user planned, in the call's steps, when the explorer's horizon was set rather
    // than automatic.
    let planned = (current.horizon > 0.0).then(|| current.resolve().horizon_steps / step_every);
    notes.extend(lint::lint(&mode, planned, unit));
    Ok(Imported {
        function: last(&call.name).to_string(),
        mode,
        settings,
        notes,
        lr_assumed,
        step_every,
        changes,
        code: String::new(),
    })
}
