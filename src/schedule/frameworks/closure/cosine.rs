//! Anneal's cosine family in Python: the cycle search, the decayed peak and floor, the
//! warm-up and the k-decay, keeping only the parts a schedule uses.

use crate::schedule::frameworks::python::py_float as f;
use crate::schedule::{Anneal, WarmupScope, WarmupShape};

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
pub(super) fn cosine(a: &Anneal, n: usize) -> String {
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
        format!("    try:\n        frac = into ** {k} / length ** {k}\n    except (OverflowError, ZeroDivisionError):\n        frac = (into / length) ** {k}\n")
    };
    out += "    factor = 0.5 * (1.0 + math.cos(math.pi * frac))\n";
    if a.exponent != 1.0 {
        out += &format!("    factor = factor ** {}\n", f(a.exponent));
    }
    out += "    return floor + (peak - floor) * factor\n\n\n";
    out
}
