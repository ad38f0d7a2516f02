//! A schedule of phases in one library's own calls. Each library maps the phases it has a
//! scheduler for into [`Call`]s (its module's `compose`); this module turns those calls into
//! the exact mode (through the same API rows a pasted call goes through) and into Python.

use super::{Arg, Equivalent, Framework, Mode};
use crate::schedule::{Anneal, Family, Schedule, Warmup};

/// A library call as the golden files write it: its family id and keyword arguments, with the
/// scheduler calls a composite chains.
#[derive(Clone, Debug, PartialEq)]
pub struct Call {
    /// Golden family id (`torch.LinearLR`, `optax.join_schedules`).
    pub family: &'static str,
    /// Keyword arguments, in the order written.
    pub args: Vec<(String, Arg)>,
    /// The chained calls, for a composite (SequentialLR's `schedulers`).
    pub inner: Vec<Call>,
}

impl Call {
    /// A call of `family` with no arguments yet.
    pub fn new(family: &'static str) -> Self {
        Self {
            family,
            args: Vec::new(),
            inner: Vec::new(),
        }
    }

    /// With a float argument.
    pub fn num(self, key: &str, value: f64) -> Self {
        self.arg(key, Arg::Num(value))
    }

    /// With a whole-number argument.
    pub fn int(self, key: &str, value: u64) -> Self {
        self.arg(key, Arg::Int(value.min(i64::MAX as u64) as i64))
    }

    /// With a string argument.
    pub fn text(self, key: &str, value: &str) -> Self {
        self.arg(key, Arg::Str(value.into()))
    }

    /// With any argument.
    pub fn arg(mut self, key: &str, value: Arg) -> Self {
        self.args.push((key.into(), value));
        self
    }

    /// A composite chaining `inner`.
    pub fn chain(mut self, inner: Vec<Call>) -> Self {
        self.inner = inner;
        self
    }

    /// The golden-format keyword dict: the chained calls under the API's nested argument, each
    /// named under its tag.
    fn to_args(&self) -> Arg {
        let mut args = self.args.clone();
        if let Some(nested) = nested(self.family) {
            let items = self
                .inner
                .iter()
                .map(|c| {
                    let mut dict = vec![(nested.tag.to_string(), Arg::Str(python(c).into()))];
                    if let Arg::Dict(pairs) = c.to_args() {
                        dict.extend(pairs);
                    }
                    Arg::Dict(dict)
                })
                .collect();
            args.insert(0, (nested.arg.into(), Arg::List(items)));
        }
        Arg::Dict(args)
    }
}

/// How a library writes a schedule: its call, the optimizer lr the call multiplies, and where
/// it cannot follow the schedule exactly (rounded lengths, a start factor it refuses).
#[derive(Clone, Debug, PartialEq)]
pub struct Composition {
    /// The call.
    pub call: Call,
    /// The optimizer's lr (for the libraries whose schedulers scale it).
    pub base: f64,
    /// What differs, and why.
    pub notes: Vec<String>,
}

/// A library's rendering of a schedule of phases, or why it has none.
pub type Compose = fn(&Schedule, f64) -> Result<Composition, String>;

/// How a pasted call of `family` is written (its row in the API table).
fn pasted(family: &str) -> Option<&'static super::Pasted> {
    super::by_family(family).ok()?.pasted.as_ref()
}

fn nested(family: &str) -> Option<&'static super::Nested> {
    pasted(family)?.nested.as_ref()
}

fn python(c: &Call) -> &'static str {
    pasted(c.family).map_or("", |p| p.python)
}

/// A value as Python writes it: floats always with a point, dict keys that are whole numbers
/// unquoted (optax's `boundaries_and_scales`).
pub fn value(v: &Arg) -> String {
    match v {
        Arg::Null => "None".into(),
        Arg::Bool(b) => if *b { "True" } else { "False" }.into(),
        Arg::Int(i) => i.to_string(),
        Arg::Num(x) => super::python::py_float(*x),
        Arg::Str(s) => super::python::py_str(s),
        Arg::Name(n) => n.clone(),
        Arg::List(items) => format!(
            "[{}]",
            items.iter().map(value).collect::<Vec<_>>().join(", ")
        ),
        Arg::Dict(pairs) => format!(
            "{{{}}}",
            pairs
                .iter()
                .map(|(k, v)| match k.parse::<f64>() {
                    Ok(_) => format!("{k}: {}", value(v)),
                    Err(_) => format!("{}: {}", super::python::py_str(k), value(v)),
                })
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The call in the library's own spelling; chained calls are qualified as the snippet imports
/// them (`optax.linear_schedule(…)` inside `join_schedules`).
pub fn write(f: Framework, c: &Call) -> String {
    let pasted = pasted(c.family);
    let mut parts = Vec::new();
    if pasted.is_some_and(|p| p.positional.first() == Some(&"optimizer")) {
        parts.push("opt".to_string());
    }
    if let Some(n) = pasted.and_then(|p| p.nested.as_ref()) {
        let inner: Vec<String> = c
            .inner
            .iter()
            .map(|i| format!("{}{}", f.library().qualifier, write(f, i)))
            .collect();
        parts.push(format!("{}=[{}]", n.arg, inner.join(", ")));
    }
    parts.extend(c.args.iter().map(|(k, v)| format!("{k}={}", value(v))));
    format!("{}({})", python(c), parts.join(", "))
}

/// `f`'s nearest call for `s` over `horizon` steps: a cosine (with or without a linear warm-up
/// phase before it) as the library's cosine call, anything else as its own composition.
pub fn composed(f: Framework, s: &Schedule, horizon: f64) -> Result<Equivalent, String> {
    if let Some(a) = cosine_form(s) {
        return Ok((f.library().equivalent)(&a, horizon));
    }
    let c = (f.library().compose)(s, horizon)?;
    let mut args = c.call.to_args();
    if let (true, Arg::Dict(pairs)) = (f.scales_optimizer_lr(), &mut args) {
        pairs.push(("optimizer_lr".into(), Arg::Num(c.base)));
    }
    let dtype = if f.float_bits() == 32 {
        "float32"
    } else {
        "float64"
    };
    let mode = Mode::from_args(c.call.family, &args, dtype)
        .map_err(|e| format!("{f} rejects its nearest call: {e}"))?;
    Ok(Equivalent {
        framework: f,
        call: write(f, &c.call),
        mode,
        notes: c.notes,
        base: c.base,
    })
}

/// The schedule as Anneal's cosine family, when it is one: a cosine phase alone, or a linear
/// warm-up phase up to the cosine's peak and then the cosine (no warm-up of its own).
pub fn cosine_form(s: &Schedule) -> Option<Anneal> {
    match (s.phases.as_slice(), s.boundaries.as_slice()) {
        ([Family::Cosine(a)], []) => Some(a.clone()),
        ([Family::Linear(w), Family::Cosine(a)], [b])
            if w.end == a.eta_max && w.steps == *b && a.warmup.length == 0.0 =>
        {
            Some(Anneal {
                warmup: Warmup {
                    length: w.steps,
                    start: w.start,
                    ..Warmup::default()
                },
                ..a.clone()
            })
        }
        _ => None,
    }
}

/// Steps each phase runs: to the next boundary, the last one to the horizon (at least one).
pub fn spans(s: &Schedule, horizon: f64) -> Vec<f64> {
    (0..s.phases.len())
        .map(|i| {
            let end = if i + 1 < s.phases.len() {
                s.start(i + 1)
            } else {
                horizon.max(s.start(i) + 1.0)
            };
            end - s.start(i)
        })
        .collect()
}

/// `x` as a whole number of steps for `what`, saying so in `notes` when it had to be rounded.
pub fn whole(x: f64, what: &str, notes: &mut Vec<String>) -> u64 {
    whole_from(x, 0.0, what, notes)
}

/// `x` as a whole number of steps, at least `least`, for `what`; the note gives the number
/// written.
pub fn whole_from(x: f64, least: f64, what: &str, notes: &mut Vec<String>) -> u64 {
    let n = x.round().max(least);
    if n != x {
        notes.push(format!(
            "{what} must be a whole number of steps: {} → {n}",
            crate::format::format_value(x)
        ));
    }
    n as u64
}

/// A step count as Python would write it: an int when whole.
pub fn steps(x: f64) -> Arg {
    if x.fract() == 0.0 && x.abs() < 9e15 {
        Arg::Int(x as i64)
    } else {
        Arg::Num(x)
    }
}

/// Why a phase has no call: "phase 2 (Tanh): PyTorch has no tanh scheduler".
pub fn refuse(i: usize, family: &Family, why: impl std::fmt::Display) -> String {
    format!("Phase {} ({}): {why}", i + 1, family.kind().label())
}

/// The highest rate any phase is written to reach (each phase's own peak parameter): the
/// optimizer's lr a scaling library's call multiplies.
pub fn peak(s: &Schedule) -> f64 {
    s.phases.iter().map(|p| p.rates().1).fold(0.0, f64::max)
}

/// `x` with the fewest significant digits that stays within 1e-15 of it, so a ratio such as
/// 0.01 / 0.1 is written 0.1, not 0.09999999999999999.
pub fn tidy(x: f64) -> f64 {
    (1..17)
        .filter_map(|d| format!("{x:.*e}", d - 1).parse::<f64>().ok())
        .find(|&y| (y - x).abs() <= 1e-15 * x.abs())
        .unwrap_or(x)
}

/// Whether `lr` is the optimizer's lr `base` (a scheduler that starts from it can draw it).
pub fn at_base(lr: f64, base: f64) -> bool {
    (lr - base).abs() <= 1e-12 * base.abs()
}
