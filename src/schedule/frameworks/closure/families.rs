//! Each family's closed form in Python, over the phase's local time `t`.

use super::cosine::cosine;
use crate::schedule::frameworks::python::py_float as f;
use crate::schedule::{Cyclic, CyclicMode, Family, Interp, OneCycle, Ramp};

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

/// Phase `n`'s body over its local time `t`, which reaches at most `span`, ending in a return; a
/// cosine's helper goes in `helpers`. Branches that cannot be taken are left out.
pub(super) fn lines(family: &Family, n: usize, span: f64, helpers: &mut String) -> Vec<String> {
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
            if span >= p.steps {
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
            // With no floor, x·(1 − 0) + 0 is x; the max stays (x can round a hair below 0).
            let scaled = |x: &str| match w.min_ratio {
                0.0 => format!("return {} * max({x}, 0.0)", f(w.lr)),
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
        // Rust's 2^(cycle − 1) is ∞ from cycle 1025 on (1/∞ = 0); Python's ** raises instead.
        CyclicMode::Triangular2 => "(0.0 if cycle >= 1025 else 1.0 / 2.0 ** (cycle - 1.0))".into(),
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
    // The two-phase cycle's third phase is empty: its branch could never be taken.
    for (s, e, from, to) in phases.into_iter().filter(|(s, e, ..)| e > s) {
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

#[cfg(test)]
mod tests {
    use crate::schedule::{Family, FamilyKind, Schedule};

    #[test]
    fn a_one_cycle_closure_has_a_branch_per_phase_it_can_reach() {
        for (three_phase, branches) in [(false, 2), (true, 3)] {
            let Family::OneCycle(mut cycle) = FamilyKind::OneCycle.starter(0.1, 1000.0) else {
                unreachable!("a one-cycle starter")
            };
            cycle.three_phase = three_phase;
            let (_, code) = super::super::function(&Schedule::single(Family::OneCycle(cycle)));
            assert_eq!(code.matches("if t < ").count(), branches, "{code}");
        }
    }
}
