//! Anneal's schedule as a short Python function of the step, for a library with no built-in
//! call that reproduces it: each phase's closed form written with this schedule's numbers, in
//! the same operations, in the same order, as the page computes it.

use super::python::py_float as f;
use crate::schedule::{
    Anneal, Cyclic, CyclicMode, Family, Interp, OneCycle, Ramp, Schedule, WarmupScope, WarmupShape,
};

/// What a library's closure snippet is written from.
pub struct ClosureInput<'a> {
    /// The standard-library imports `function` needs, one line each.
    pub imports: &'a str,
    /// `lr_at(step)`, after the helpers it calls.
    pub function: &'a str,
    /// Steps the snippet prints.
    pub steps: u64,
    /// Why no built-in call reproduces the schedule.
    pub why: &'a str,
    /// The nearest built-in call, when there is one that differs, for the reader to weigh.
    pub nearest: Option<&'a str>,
}

/// Python defining `lr_at(step)`: (its standard-library imports, one helper per cosine phase
/// and then the function choosing the phase by the step).
pub fn function(s: &Schedule) -> (String, String) {
    let mut helpers = String::new();
    let mut body = String::from("    step = float(step)\n");
    for (i, phase) in s.phases.iter().enumerate() {
        let start = s.start(i);
        let t = if start == 0.0 {
            "step".to_string()
        } else {
            format!("step - {}", f(start))
        };
        let last = i + 1 == s.phases.len();
        let span = if last {
            f64::INFINITY
        } else {
            s.start(i + 1) - start
        };
        let code = lines(phase, i + 1, span, &mut helpers);
        let indent = if last { "    " } else { "        " };
        if !last {
            body += &format!("    if step < {}:\n", f(s.start(i + 1)));
        }
        if !matches!(phase, Family::Constant(_)) {
            body += &format!("{indent}t = {t}\n");
        }
        for line in code {
            body += &format!("{indent}{line}\n");
        }
    }
    let bisect = if body.contains("bisect.") {
        "import bisect\n"
    } else {
        ""
    };
    let function = format!(
        "{helpers}def lr_at(step):\n    \"\"\"Anneal's learning rate at `step`: {}.\"\"\"\n{body}",
        summary(s)
    );
    (format!("{bisect}import math\n"), function)
}

/// "Linear, then Tanh from step 200".
fn summary(s: &Schedule) -> String {
    s.phases
        .iter()
        .enumerate()
        .map(|(i, p)| match i {
            0 => p.kind().label().to_string(),
            _ => format!(
                "then {} from step {}",
                p.kind().label(),
                crate::format::format_value(s.start(i))
            ),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn list(xs: &[f64]) -> String {
    format!(
        "[{}]",
        xs.iter().map(|&x| f(x)).collect::<Vec<_>>().join(", ")
    )
}

/// Interp::between in Python.
fn between(interp: Interp, start: &str, end: &str, pct: &str) -> String {
    match interp {
        Interp::Linear => format!("({end} - {start}) * {pct} + {start}"),
        Interp::Cosine => {
            format!("{end} + ({start} - {end}) / 2.0 * (math.cos(math.pi * {pct}) + 1.0)")
        }
    }
}

/// `a - b`, leaving out a zero `b` (exact: t − 0 is t).
fn minus(a: &str, b: f64) -> String {
    if b == 0.0 {
        a.to_string()
    } else {
        format!("{a} - {}", f(b))
    }
}

/// Phase `n`'s body over its local time `t`, which stays below `span`, ending in a return; a
/// cosine's helper goes in `helpers`. Branches that cannot be taken are left out.
fn lines(family: &Family, n: usize, span: f64, helpers: &mut String) -> Vec<String> {
    match family {
        Family::Constant(c) => vec![format!("return {}", f(c.lr))],
        Family::Step(p) => vec![format!(
            "return {} * {} ** math.floor(t / {})",
            f(p.lr),
            f(p.gamma),
            f(p.step_size)
        )],
        Family::Multistep(p) => vec![format!(
            "return {} * {} ** bisect.bisect_right({}, t)",
            f(p.lr),
            f(p.gamma),
            list(&p.milestones)
        )],
        Family::Exponential(p) => {
            let power = if p.staircase {
                format!("math.floor(t / {})", f(p.every))
            } else {
                format!("(t / {})", f(p.every))
            };
            vec![format!("return {} * {} ** {power}", f(p.lr), f(p.gamma))]
        }
        Family::Linear(p) => {
            let mut out = Vec::new();
            if span > p.steps {
                out.push(format!("if t >= {}:", f(p.steps)));
                out.push(format!("    return {}", f(p.end)));
            }
            // 0 + x is x, and (end − 0)·p is end·p: a ramp from zero reads as one.
            out.push(if p.start == 0.0 {
                format!("return {} * (t / {})", f(p.end), f(p.steps))
            } else {
                format!(
                    "return {s} + ({e} - {s}) * (t / {n})",
                    s = f(p.start),
                    e = f(p.end),
                    n = f(p.steps)
                )
            });
            out
        }
        Family::Polynomial(p) => vec![format!(
            "return ({} - {e}) * (1.0 - min(t / {}, 1.0)) ** {} + {e}",
            f(p.lr),
            f(p.steps),
            f(p.power),
            e = f(p.end)
        )],
        Family::Isqrt(p) => vec![
            format!("if t < {}:", f(p.warmup)),
            format!("    return {} * (t / {})", f(p.lr), f(p.warmup)),
            format!(
                "return {} * (1.0 / math.sqrt((t + ({ts} - {})) / {ts}))",
                f(p.lr),
                f(p.warmup),
                ts = f(p.timescale)
            ),
        ],
        Family::PiecewiseConstant(p) => vec![format!(
            "return {}[bisect.bisect_right({}, t)]",
            list(&p.values),
            list(&p.boundaries)
        )],
        Family::PiecewiseInterp(p) => vec![
            format!("knots, rates = {}, {}", list(&p.knots), list(&p.values)),
            "i = bisect.bisect_right(knots, t)".into(),
            "if i == 0 or i == len(knots):".into(),
            "    return rates[min(i, len(knots) - 1)]".into(),
            "p = (t - knots[i - 1]) / (knots[i] - knots[i - 1])".into(),
            format!(
                "return {}",
                between(p.interp, "rates[i - 1]", "rates[i]", "p")
            ),
        ],
        Family::Tanh(p) => vec![
            format!("if t >= {}:", f(p.steps)),
            format!("    return {}", f(p.lr_min)),
            format!("tr = t / {}", f(p.steps)),
            format!("x = {} * (1.0 - tr) + {} * tr", f(p.lb), f(p.ub)),
            format!(
                "return {m} + 0.5 * ({} - {m}) * (1.0 - math.tanh(x))",
                f(p.lr),
                m = f(p.lr_min)
            ),
        ],
        Family::Cyclic(c) => cyclic(c),
        Family::OneCycle(c) => one_cycle(c),
        Family::Wsd(w) => {
            // With no floor, max(x·(1 − 0) + 0, 0) is x: the shape's fraction alone.
            let scaled = |x: &str| match w.min_ratio {
                0.0 => format!("return {} * {x}", f(w.lr)),
                m => format!(
                    "return {} * max({x} * (1.0 - {m}) + {m}, 0.0)",
                    f(w.lr),
                    m = f(m)
                ),
            };
            let (wu, de) = (f(w.warmup), f(w.decay));
            let mut out = Vec::new();
            if w.warmup > 0.0 {
                out.push(format!("if t < {wu}:"));
                out.push(format!(
                    "    {}",
                    scaled(&rise(w.warmup_shape, &format!("(t / {wu})")))
                ));
            }
            if w.stable > 0.0 {
                out.push(format!("if t < {}:", f(w.warmup + w.stable)));
                out.push(format!("    return {}", f(w.lr)));
            }
            let into = match minus(&minus("t", w.warmup), w.stable) {
                t if t == "t" => t,
                t => format!("({t})"),
            };
            out.push(format!("if t < {}:", f(w.warmup + w.stable + w.decay)));
            out.push(format!(
                "    {}",
                scaled(&fall(w.decay_shape, &format!("({into} / {de})")))
            ));
            out.push(format!("return {}", f(w.lr * w.min_ratio)));
            out
        }
        Family::Cosine(a) => {
            *helpers += &cosine(a, n);
            vec![format!("return cosine_{n}(t)")]
        }
    }
}

fn rise(r: Ramp, p: &str) -> String {
    match r {
        Ramp::Linear => p.to_string(),
        Ramp::Cosine => format!("0.5 * (1.0 - math.cos(math.pi * {p}))"),
        Ramp::OneMinusSqrt => format!("(1.0 - math.sqrt(1.0 - {p}))"),
    }
}

fn fall(r: Ramp, p: &str) -> String {
    match r {
        Ramp::Linear => format!("(1.0 - {p})"),
        Ramp::Cosine => format!("0.5 * (1.0 + math.cos(math.pi * {p}))"),
        Ramp::OneMinusSqrt => format!("(1.0 - math.sqrt({p}))"),
    }
}

fn cyclic(c: &Cyclic) -> Vec<String> {
    let total = format!("({} + {})", f(c.step_size_up), f(c.step_size_down));
    let scale = match c.mode {
        CyclicMode::Triangular => "1.0".to_string(),
        CyclicMode::Triangular2 => "1.0 / 2.0 ** (cycle - 1.0)".into(),
        CyclicMode::ExpRange => format!("{} ** t", f(c.gamma)),
    };
    vec![
        format!("total = {total}"),
        format!("ratio = {} / total", f(c.step_size_up)),
        "cycle = math.floor(1.0 + t / total)".into(),
        "x = 1.0 + t / total - cycle".into(),
        "factor = x / ratio if x <= ratio else (x - 1.0) / (ratio - 1.0)".into(),
        format!(
            "return {b} + ({} - {b}) * factor * ({scale})",
            f(c.max_lr),
            b = f(c.base_lr)
        ),
    ]
}

fn one_cycle(c: &OneCycle) -> Vec<String> {
    let phases = c.phases();
    let mut out = Vec::new();
    for (s, e, from, to) in phases {
        out.push(format!("if t < {}:", f(e)));
        let pct = format!("(t - {}) / ({} - {})", f(s), f(e), f(s));
        out.push(format!(
            "    return {}",
            between(c.anneal, &f(from), &f(to), &format!("({pct})"))
        ));
    }
    out.push(format!("return {}", f(phases[2].3)));
    out
}

fn ramp(shape: WarmupShape, start: f64, peak: &str, p: &str) -> String {
    let s = f(start);
    match shape {
        WarmupShape::Linear => format!("{s} + ({peak} - {s}) * {p}"),
        WarmupShape::Cosine => {
            format!("{s} + ({peak} - {s}) * 0.5 * (1.0 - math.cos(math.pi * {p}))")
        }
        WarmupShape::Exponential => format!("{s} * ({peak} / {s}) ** {p}"),
    }
}

/// Anneal's cosine family as `cosine_{n}(t)`, keeping only the parts this schedule uses.
fn cosine(a: &Anneal, n: usize) -> String {
    let w = &a.warmup;
    let cycles = a.cycles();
    let (t0, m, extra) = (f(cycles.t_0), f(cycles.t_mult), f(cycles.extra));
    let warm = w.length > 0.0;
    let first_only = w.scope == WarmupScope::FirstCycle;
    let mut out = format!("def cosine_{n}(t):\n");
    if warm && first_only {
        out += &format!(
            "    if t < {}:\n        return {}\n",
            f(w.length),
            ramp(
                w.shape,
                w.start,
                &f(a.eta_max),
                &format!("(t / {})", f(w.length))
            )
        );
    }
    let offset = a.offset();
    out += &if offset > 0.0 {
        format!("    s = t - {}\n", f(offset))
    } else {
        "    s = t\n".into()
    };
    let start = |i: &str| {
        let geometric = if cycles.t_mult == 1.0 {
            format!("{t0} * {i}")
        } else {
            format!("{t0} * ({m} ** {i} - 1.0) / ({m} - 1.0)")
        };
        if cycles.extra == 0.0 {
            geometric
        } else {
            format!("{geometric} + {extra} * {i}")
        }
    };
    let estimate = if cycles.t_mult == 1.0 {
        format!("s / ({t0} + {extra})")
    } else {
        format!("math.log(1.0 + s * ({m} - 1.0) / {t0}) / math.log({m})")
    };
    // The estimate from the logarithm, corrected against the exact cycle starts.
    out += &format!(
        "    i = max(math.floor({estimate}), 0)\n    while i > 0 and {} > s:\n        i -= 1\n    while {} <= s:\n        i += 1\n",
        start("i"),
        start("(i + 1)")
    );
    if let Some(limit) = a.cycles_run() {
        out += &format!(
            "    if i >= {limit}:\n        return {}\n",
            f(a.bounds(limit.saturating_sub(1)).1)
        );
    }
    let length = if cycles.t_mult == 1.0 {
        t0.clone()
    } else {
        format!("{t0} * {m} ** i")
    };
    out += &format!("    u, length = s - ({}), {length}\n", start("i"));
    let g = if a.decay == 1.0 {
        "1.0".to_string()
    } else {
        format!("{} ** i", f(a.decay))
    };
    let floor = if a.decay_min {
        format!("{} * g", f(a.floor()))
    } else {
        f(a.floor())
    };
    out += &format!(
        "    g = {g}\n    floor = {floor}\n    peak = max({} * g, floor)\n",
        f(a.eta_max)
    );
    if warm && !first_only {
        out += &format!(
            "    if u < {}:\n        return {}\n",
            f(w.length),
            ramp(w.shape, w.start, "peak", &format!("(u / {})", f(w.length)))
        );
    }
    out += &if cycles.extra > 0.0 {
        format!("    into = u - {extra}\n")
    } else {
        "    into = u\n".into()
    };
    out += "    if into <= 0:\n        return peak\n";
    out += &if a.k_decay == 1.0 {
        "    frac = into / length\n".to_string()
    } else {
        let k = f(a.k_decay);
        format!("    try:\n        frac = into ** {k} / length ** {k}\n    except OverflowError:\n        frac = (into / length) ** {k}\n")
    };
    out += "    factor = 0.5 * (1.0 + math.cos(math.pi * frac))\n";
    if a.exponent != 1.0 {
        out += &format!("    factor = factor ** {}\n", f(a.exponent));
    }
    out += "    return floor + (peak - floor) * factor\n\n\n";
    out
}
