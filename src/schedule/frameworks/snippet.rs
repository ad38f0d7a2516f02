//! What every library's code snippet shares: the header saying whether the call is exact, and PyTorch's model, optimizer and stepping loop (timm and Hugging Face use them too).

use super::closure::ClosureInput;
use super::framework::SnippetInput;
use super::python::py_float;
use crate::format::format_value;

/// The comment block opening a snippet: exact or not, and the call's notes.
pub fn header(input: &SnippetInput) -> String {
    let e = input.equivalent;
    let mut out = if input.exact() {
        let float32 = if e.framework.float_bits() == 32 {
            " (to float32 rounding)"
        } else {
            ""
        };
        let end = e.mode.shown_end(input.horizon);
        let scope = if end < input.horizon {
            format!(" checked (the first {})", format_value(end))
        } else {
            String::new()
        };
        format!(
            "# {}: this built-in call gives Anneal's learning rate at every step{scope}{float32}.\n",
            e.framework
        )
    } else {
        format!(
            "# {}: the nearest built-in call. It differs from Anneal's curve:\n",
            e.framework
        )
    };
    out += &note_lines(&e.notes);
    // Notes say why a call differs; without one, the largest gap says where.
    if e.notes.is_empty() {
        out += &note_lines(input.gap.as_slice());
    }
    out
}

/// The comment block opening a closure snippet: why no built-in call, and that it is exact, to
/// `rounding` where the library's arithmetic rounds it (" (to float32 rounding)").
pub fn closure_header(library: &str, c: &ClosureInput, rounding: &str) -> String {
    let nearest = c
        .nearest
        .map(|call| format!("# The nearest built-in call, if those differences do not matter to you:\n#   scheduler = {call}\n"))
        .unwrap_or_default();
    format!(
        "# {library}: no built-in call reproduces this schedule, so this is Anneal's formula as a\n# Python function, the same at every step{rounding}:\n{}{nearest}",
        note_lines(&[c.why.to_string()])
    )
}

/// A torch `LambdaLR` over `lr_at` (timm's and Hugging Face's closures too: both schedule a
/// torch optimizer).
pub fn torch_lambda(library: &str, c: &ClosureInput) -> String {
    // LambdaLR multiplies the optimizer's own lr: with that lr at the peak, a script keeps its
    // optimizer line (lr=1.0 with the rates themselves would scale a real lr twice).
    let (lr, lambda, said) = if c.peak > 0.0 && c.peak.is_finite() {
        let peak = py_float(c.peak);
        let lambda = format!("lambda step: lr_at(step) / {peak}");
        let said = format!("by lr_at(step) / {peak}: with the optimizer's lr at the peak, {peak}, the rates are lr_at's");
        (peak, lambda, said)
    } else {
        (
            "1.0".into(),
            "lr_at".into(),
            "by lr_at(step): at lr=1.0 the rates are lr_at's own".into(),
        )
    };
    format!(
        "{}{}\nimport torch\nfrom torch.optim.lr_scheduler import LambdaLR\n\n\n{}\n\n{TORCH_SETUP}# LambdaLR multiplies the optimizer's lr {said}.\nopt = torch.optim.SGD(model.parameters(), lr={lr})\nscheduler = LambdaLR(opt, lr_lambda={lambda})\n\n{}",
        // base_lr × (lr_at / peak) may be an ulp off lr_at.
        closure_header(library, c, " (to float64 rounding)"),
        c.imports,
        c.function,
        torch_loop(c.steps)
    )
}

/// Notes as indented comment lines.
pub fn note_lines(notes: &[String]) -> String {
    notes.iter().map(|n| format!("#   - {n}\n")).collect()
}

/// A throwaway model for the optimizer to hold.
pub const TORCH_SETUP: &str = "model = torch.nn.Linear(1, 1)\n";

/// PyTorch's loop: print the lr, step the optimizer, step the scheduler.
pub fn torch_loop(steps: u64) -> String {
    torch_loop_printing(steps, "")
}

/// PyTorch's loop printing `extra` (`, expression`) after the lr on each line.
pub fn torch_loop_printing(steps: u64, extra: &str) -> String {
    format!(
        "for step in range({steps}):\n    print(step, scheduler.get_last_lr()[0]{extra})\n    opt.step()\n    scheduler.step()\n"
    )
}

/// Steps a schedule's snippet prints at most: each call runs eagerly, up to 0.1 s for Keras's
/// `CosineDecayRestarts` on jax (batched or jitted, XLA may round float32 differently).
const PRINTED: u64 = 200;

/// The loop printing a schedule called at each step (optax, Keras): every step of a short
/// run, else one step in k and the last, said in a comment.
pub fn eager_loop(steps: u64) -> String {
    let print = "print(step, float(schedule(step)))\n";
    if steps <= PRINTED {
        return format!("for step in range({steps}):\n    {print}");
    }
    let k = steps.div_ceil(PRINTED);
    let last = steps - 1;
    // The run's end is where schedules differ most (a floor, a last restart): printed too.
    let end = if last.is_multiple_of(k) {
        String::new()
    } else {
        format!("step = {last}  # the last step\n{print}")
    };
    format!(
        "# Each call runs eagerly (up to 0.1 s), so one step in {k} is printed; the optimizer\n# calls the schedule at every step.\nfor step in range(0, {steps}, {k}):\n    {print}{end}"
    )
}

/// An SGD optimizer at `base` over the setup model, and `scheduler = call`.
pub fn torch_optimizer(base: f64, call: &str) -> String {
    format!("{TORCH_SETUP}opt = torch.optim.SGD(model.parameters(), lr={base:?})\nscheduler = {call}\n\n")
}

/// The names a call text calls (`SequentialLR`, `LinearLR`, …), in first-use order, for its
/// import line.
pub fn called_names(call: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let mut start = None;
    for (i, ch) in call.char_indices() {
        if ch.is_alphanumeric() || ch == '_' {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            let name = &call[s..i];
            let qualified = call[..s].ends_with('.');
            if ch == '(' && !qualified && !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}
