//! The current schedule as ready-to-run code for PyTorch, timm, Hugging Face, optax and Keras.
//!
//! Each snippet is built from the framework's nearest call (see [`equivalents`]), so its
//! numbers are the ones the compare overlay draws for that framework. PyTorch falls back to a
//! `LambdaLR` over Anneal's own closed form when no built-in scheduler matches.

use super::equivalents::{equivalents, Equivalent};
use crate::format::format_value;
use crate::schedule::frameworks::Mode;
use crate::schedule::{Anneal, WarmupPlacement, WarmupScope};

/// One framework's code.
#[derive(Clone, Debug, PartialEq)]
pub struct Snippet {
    /// Framework name.
    pub framework: &'static str,
    /// Short name for files and the CLI (`torch`, `timm`, `hf`, `optax`, `keras`).
    pub key: &'static str,
    /// The Python code.
    pub code: String,
    /// Whether the built-in call gives Anneal's learning rate at every whole step shown (a
    /// stepped PyTorch scheduler: up to [`Mode::shown_end`]).
    pub exact: bool,
}

fn header(e: &Equivalent, exact: bool, horizon: f64) -> String {
    let mut out = if exact {
        let float32 = if e.framework == "Keras" {
            " (to float32 rounding)"
        } else {
            ""
        };
        let end = e.mode.shown_end(horizon);
        let scope = if end < horizon {
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
    for n in &e.notes {
        out += &format!("#   - {n}\n");
    }
    out
}

/// Steps compared to decide whether a built-in call is exact.
const MAX_CHECKED: f64 = 20_000.0;

/// Whether `e`'s values equal Anneal's at every whole step up to `horizon` (to float32
/// rounding for Keras, which computes in float32).
fn exact(a: &Anneal, e: &Equivalent, horizon: f64) -> bool {
    let steps = super::whole_steps(e.mode.shown_end(horizon), MAX_CHECKED);
    let tol = if e.framework == "Keras" { 1e-6 } else { 1e-12 };
    e.mode.eval(&steps).is_ok_and(|values| {
        steps.iter().zip(values).all(|(&t, v)| {
            let want = a.lr(t);
            (v - want).abs() <= tol * want.abs().max(1e-12)
        })
    })
}

const TORCH_SETUP: &str = "model = torch.nn.Linear(1, 1)\n";

fn torch_loop(steps: u64) -> String {
    format!(
        "for step in range({steps}):\n    print(step, scheduler.get_last_lr()[0])\n    opt.step()\n    scheduler.step()\n"
    )
}

fn torch_builtin(e: &Equivalent, base: f64, steps: u64, exact: bool, horizon: f64) -> String {
    format!(
        "{}import torch\nfrom torch.optim.lr_scheduler import CosineAnnealingLR, CosineAnnealingWarmRestarts, LinearLR, SequentialLR\n\n{TORCH_SETUP}opt = torch.optim.SGD(model.parameters(), lr={base:?})\nscheduler = {}\n\n{}",
        header(e, exact, horizon),
        e.call,
        torch_loop(steps)
    )
}

/// Anneal's closed form in Python, with this schedule's constants.
fn closed_form(a: &Anneal) -> String {
    let w = &a.warmup;
    let every = w.scope == WarmupScope::EveryCycle;
    let prefix = w.placement == WarmupPlacement::Prefix;
    let limit = match a.cycles_run() {
        Some(n) => n.to_string(),
        None => "None".into(),
    };
    format!(
        r#"ETA_MAX, ETA_MIN = {eta_max:?}, {floor:?}
T_0, T_MULT, DECAY, K_DECAY, CYCLES = {t_0:?}, {t_mult:?}, {decay:?}, {k:?}, {limit}
WARMUP, WARMUP_START, WARMUP_SHAPE = {wl:?}, {ws:?}, "{shape}"
WARMUP_EVERY_CYCLE, WARMUP_PREFIX = {every}, {prefix}


def ramp(start, peak, p):
    if WARMUP_SHAPE == "linear":
        return start + (peak - start) * p
    if WARMUP_SHAPE == "cosine":
        return start + (peak - start) * 0.5 * (1 - math.cos(math.pi * p))
    return start * (peak / start) ** p


def anneal_lr(t):
    """Anneal's schedule at step t: the formula the page draws."""
    if not WARMUP_EVERY_CYCLE and t < WARMUP:
        return ramp(WARMUP_START, ETA_MAX, t / WARMUP)
    s = t - (WARMUP if not WARMUP_EVERY_CYCLE and WARMUP_PREFIX else 0)
    extra = WARMUP if WARMUP_EVERY_CYCLE and WARMUP_PREFIX else 0
    i, start, length = 0, 0.0, T_0
    while s >= start + extra + length:
        start, i, length = start + extra + length, i + 1, length * T_MULT
        if CYCLES is not None and i >= CYCLES:
            return ETA_MIN
    peak = max(ETA_MAX * DECAY ** i, ETA_MIN)
    u = s - start
    if WARMUP_EVERY_CYCLE and u < WARMUP:
        return ramp(WARMUP_START, peak, u / WARMUP)
    into = u - extra
    if into <= 0:
        return peak
    frac = into / length if K_DECAY == 1 else into ** K_DECAY / length ** K_DECAY
    return ETA_MIN + (peak - ETA_MIN) * 0.5 * (1 + math.cos(math.pi * frac))
"#,
        eta_max = a.eta_max,
        floor = a.floor(),
        t_0 = a.t_0,
        t_mult = if a.restarts { a.t_mult } else { 1.0 },
        decay = a.decay,
        k = a.k_decay,
        wl = w.length,
        ws = w.start,
        shape = w.shape.name(),
        every = if every { "True" } else { "False" },
        prefix = if prefix { "True" } else { "False" },
    )
}

fn torch_lambda(a: &Anneal, e: &Equivalent, steps: u64) -> String {
    let nearest = e.call.split('(').next().unwrap_or_default();
    let mut out = format!(
        "# PyTorch: no built-in scheduler matches this schedule, so this is a LambdaLR over\n# Anneal's closed form. The nearest built-in, {nearest}, would differ:\n"
    );
    for n in &e.notes {
        out += &format!("#   - {n}\n");
    }
    out + &format!(
        "import math\n\nimport torch\nfrom torch.optim.lr_scheduler import LambdaLR\n\n{}\n\n{TORCH_SETUP}opt = torch.optim.SGD(model.parameters(), lr=ETA_MAX)\nscheduler = LambdaLR(opt, lr_lambda=lambda step: anneal_lr(step) / ETA_MAX)\n\n{}",
        closed_form(a),
        torch_loop(steps)
    )
}

fn timm_code(e: &Equivalent, base: f64, steps: u64, exact: bool, horizon: f64) -> String {
    format!(
        "{}import torch\nfrom timm.scheduler import CosineLRScheduler\n\n{TORCH_SETUP}opt = torch.optim.SGD(model.parameters(), lr={base:?})\nscheduler = {}\n\nfor step in range({steps}):\n    scheduler.step(step)  # timm sets the lr for `step` directly\n    print(step, opt.param_groups[0][\"lr\"])\n",
        header(e, exact, horizon),
        e.call
    )
}

fn hf_code(e: &Equivalent, base: f64, steps: u64, exact: bool, horizon: f64) -> String {
    let function = e.call.split('(').next().unwrap_or_default();
    format!(
        "{}import torch\nfrom transformers import {function}\n\n{TORCH_SETUP}opt = torch.optim.SGD(model.parameters(), lr={base:?})\nscheduler = {}\n\n{}",
        header(e, exact, horizon),
        e.call,
        torch_loop(steps)
    )
}

fn optax_code(e: &Equivalent, steps: u64, exact: bool, horizon: f64) -> String {
    let call = match &e.mode {
        Mode::OptaxSgdr(m) => {
            let dicts: Vec<String> = m
                .cycles
                .iter()
                .map(|c| {
                    format!(
                        "    dict(init_value={:?}, peak_value={:?}, warmup_steps={:?}, decay_steps={:?}, end_value={:?}),",
                        c.init_value, c.peak_value, c.warmup_steps, c.decay_steps, c.end_value
                    )
                })
                .collect();
            format!("sgdr_schedule([\n{}\n])", dicts.join("\n"))
        }
        _ => e.call.clone(),
    };
    format!(
        "{}import optax\n\nschedule = optax.{call}\n\nfor step in range({steps}):\n    print(step, float(schedule(step)))\n",
        header(e, exact, horizon)
    )
}

fn keras_code(e: &Equivalent, steps: u64, exact: bool, horizon: f64) -> String {
    format!(
        "{}import keras\n\nschedule = keras.optimizers.schedules.{}\n\nfor step in range({steps}):\n    print(step, float(schedule(step)))\n",
        header(e, exact, horizon),
        e.call
    )
}

/// `e`'s snippet for `a`, printing the learning rate for every step up to `horizon`.
fn snippet_for(a: &Anneal, e: &Equivalent, horizon: f64) -> Snippet {
    let steps = horizon.ceil().max(1.0) as u64;
    let exact = exact(a, e, horizon);
    let (key, code) = match e.framework {
        "PyTorch" if exact => ("torch", torch_builtin(e, a.eta_max, steps, exact, horizon)),
        "PyTorch" => ("torch", torch_lambda(a, e, steps)),
        "timm" => ("timm", timm_code(e, a.eta_max, steps, exact, horizon)),
        "Hugging Face" => ("hf", hf_code(e, a.eta_max, steps, exact, horizon)),
        "optax" => ("optax", optax_code(e, steps, exact, horizon)),
        _ => ("keras", keras_code(e, steps, exact, horizon)),
    };
    Snippet {
        framework: e.framework,
        key,
        code,
        exact,
    }
}

/// The five snippets for `a`, printing the learning rate for every step up to `horizon`.
pub fn snippets(a: &Anneal, horizon: f64) -> Vec<Snippet> {
    equivalents(a, horizon)
        .iter()
        .map(|e| snippet_for(a, e, horizon))
        .collect()
}

/// The `index`-th of [`snippets`] alone (the page shows one at a time; each costs a check).
pub fn snippet(a: &Anneal, horizon: f64, index: usize) -> Option<Snippet> {
    equivalents(a, horizon)
        .get(index)
        .map(|e| snippet_for(a, e, horizon))
}
