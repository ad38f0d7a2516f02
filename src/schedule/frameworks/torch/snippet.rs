//! PyTorch code: the built-in call when it is exact, else a `LambdaLR` over Anneal's own
//! closed form in Python.

use crate::schedule::frameworks::{
    called_names, header, note_lines, torch_loop, torch_optimizer, SnippetInput,
};
use crate::schedule::{Anneal, WarmupPlacement, WarmupScope};

/// PyTorch's snippet.
pub(super) fn snippet(s: &SnippetInput) -> String {
    match s.anneal {
        Some(a) if !s.exact => lambda(s, a),
        _ => format!(
            "{}import torch\nfrom torch.optim.lr_scheduler import {}\n\n{}{}",
            header(s),
            called_names(&s.equivalent.call).join(", "),
            torch_optimizer(s.equivalent.base, &s.equivalent.call),
            torch_loop(s.steps)
        ),
    }
}

fn lambda(s: &SnippetInput, a: &Anneal) -> String {
    let e = s.equivalent;
    let nearest = e.call.split('(').next().unwrap_or_default();
    format!(
        "# PyTorch: no built-in scheduler matches this schedule, so this is a LambdaLR over\n# Anneal's closed form. The nearest built-in, {nearest}, would differ:\n{}import math\n\nimport torch\nfrom torch.optim.lr_scheduler import LambdaLR\n\n{}\n\n{}opt = torch.optim.SGD(model.parameters(), lr=ETA_MAX)\nscheduler = LambdaLR(opt, lr_lambda=lambda step: anneal_lr(step) / ETA_MAX)\n\n{}",
        note_lines(&e.notes),
        closed_form(a),
        crate::schedule::frameworks::TORCH_SETUP,
        torch_loop(s.steps)
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
