//! Hugging Face code: the schedule function over a torch optimizer, stepped like PyTorch, and
//! the `TrainingArguments` that make the Trainer build the same schedule.

use super::SchedulerType;
use crate::schedule::frameworks::closure::ClosureInput;
use crate::schedule::frameworks::python::{py_float, py_str};
use crate::schedule::frameworks::{
    header, torch_lambda, torch_loop, torch_optimizer, SnippetInput,
};

/// Hugging Face's snippet.
pub(super) fn snippet(s: &SnippetInput) -> String {
    let call = &s.equivalent.call;
    let function = call.split('(').next().unwrap_or_default();
    let trainer = training_arguments(call, s.equivalent.base, s.steps)
        .map(|args| {
            format!(
                "\n# With the Trainer, these arguments give the same schedule (transformers 5.24 reads a\n# warmup_steps below 1 as a fraction of max_steps; older releases used warmup_ratio):\n# {args}\n"
            )
        })
        .unwrap_or_default();
    format!(
        "{}import torch\nfrom transformers import {function}\n\n{}{}{trainer}",
        header(s),
        torch_optimizer(s.equivalent.base, call),
        torch_loop(s.steps)
    )
}

/// `TrainingArguments(…)` for a schedule function's call: the Trainer passes
/// `lr_scheduler_type`, `warmup_steps` and `max_steps` to `get_scheduler`, and the other
/// arguments as `lr_scheduler_kwargs`. `max_steps` is the call's `num_training_steps`, else the
/// steps shown; `None` when a length is not a whole number of steps.
pub fn training_arguments(call: &str, base: f64, steps: u64) -> Option<String> {
    let (function, rest) = call.split_once('(')?;
    let name = SchedulerType::for_function(function)?;
    let (mut warmup, mut max_steps, mut kwargs) = ("0".to_string(), steps.to_string(), Vec::new());
    // Anneal writes these calls itself: keyword arguments of numbers and plain strings.
    for arg in rest.strip_suffix(')')?.split(", ").skip(1) {
        let (key, value) = arg.split_once('=')?;
        match key {
            "num_warmup_steps" => warmup = value.to_string(),
            "num_training_steps" => max_steps = value.to_string(),
            _ => kwargs.push(format!("{}: {value}", py_str(key))),
        }
    }
    // TrainingArguments reads a warmup_steps below 1 as a ratio and truncates the rest, and
    // max_steps is a whole count: a call with fractional lengths has no Trainer form.
    if [&warmup, &max_steps]
        .iter()
        .any(|v| v.parse::<u64>().is_err())
    {
        return None;
    }
    let kwargs = if kwargs.is_empty() {
        String::new()
    } else {
        format!(", lr_scheduler_kwargs={{{}}}", kwargs.join(", "))
    };
    Some(format!(
        "TrainingArguments(output_dir=\"out\", learning_rate={}, max_steps={max_steps}, lr_scheduler_type=\"{}\"{kwargs}, warmup_steps={warmup})",
        py_float(base),
        name.name()
    ))
}

/// Hugging Face's closure: a torch `LambdaLR`, which is what its schedule functions return.
pub(super) fn closure(c: &ClosureInput) -> String {
    torch_lambda("Hugging Face", c)
}
