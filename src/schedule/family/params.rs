//! The parameter table: each family's controls as data, so the page and the link build them alike.

use crate::named::named;
use crate::schedule::error::{check_range, ScheduleError};
use crate::schedule::LR_LIMIT;

/// Longest length in steps a parameter may name; far beyond any training run.
pub const STEP_LIMIT: f64 = 1e12;

/// What a parameter holds, which decides its control and the range it is checked against.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ParamKind {
    /// A learning rate in [0, [`LR_LIMIT`]].
    Rate,
    /// A length in steps in [0, [`STEP_LIMIT`]].
    Steps,
    /// A multiplier in [min, max].
    Factor {
        /// Smallest value accepted.
        min: f64,
        /// Largest value accepted.
        max: f64,
    },
    /// Any real number in [min, max].
    Real {
        /// Smallest value accepted.
        min: f64,
        /// Largest value accepted.
        max: f64,
    },
    /// One of these options, `(link name, label)`.
    Choice(&'static [(&'static str, &'static str)]),
    /// A list of numbers: increasing steps, or rates.
    List,
}

/// One parameter of a family: its control, its help and its default.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParamSpec {
    /// Name in links and errors.
    pub name: &'static str,
    /// Text beside the control.
    pub label: &'static str,
    /// One line saying what it does.
    pub help: &'static str,
    /// What it holds.
    pub kind: ParamKind,
    /// Default (a choice's option index); a list's default is the empty list.
    pub default: f64,
}

/// A parameter's value, as [`ParamKind`] says it is held.
#[derive(Clone, Debug, PartialEq)]
pub enum ParamValue {
    /// For `Rate`, `Steps`, `Factor` and `Real`.
    Num(f64),
    /// For `List`.
    List(Vec<f64>),
    /// For `Choice`: the option's index.
    Choice(usize),
}

impl ParamSpec {
    /// The value this parameter takes when a link leaves it out.
    pub fn default_value(&self) -> ParamValue {
        match self.kind {
            ParamKind::Choice(_) => ParamValue::Choice(self.default as usize),
            ParamKind::List => ParamValue::List(Vec::new()),
            _ => ParamValue::Num(self.default),
        }
    }

    /// Checks `value` has this parameter's kind and lies in its range, naming it if not.
    pub fn check(&self, value: &ParamValue) -> Result<(), ScheduleError> {
        let name = self.name;
        match (self.kind, value) {
            (ParamKind::Rate, ParamValue::Num(v)) => check_range(name, *v, 0.0, LR_LIMIT),
            (ParamKind::Steps, ParamValue::Num(v)) => check_range(name, *v, 0.0, STEP_LIMIT),
            (ParamKind::Factor { min, max } | ParamKind::Real { min, max }, ParamValue::Num(v)) => {
                check_range(name, *v, min, max)
            }
            (ParamKind::Choice(options), ParamValue::Choice(i)) if *i < options.len() => Ok(()),
            (ParamKind::Choice(options), _) => {
                let names: Vec<&str> = options.iter().map(|o| o.0).collect();
                Err(ScheduleError::new(
                    name,
                    format!("must be one of {}", names.join(", ")),
                ))
            }
            (ParamKind::List, ParamValue::List(v)) => v
                .iter()
                .try_for_each(|x| check_range(name, *x, 0.0, STEP_LIMIT.max(LR_LIMIT))),
            (ParamKind::List, _) => Err(ScheduleError::new(name, "must be a list of numbers")),
            _ => Err(ScheduleError::new(name, "must be a number")),
        }
    }
}

/// A family's values after [`ParamSpec::check`]: read by position, in its table's order.
pub(super) struct Reader<'a>(&'a [ParamValue]);

impl<'a> Reader<'a> {
    /// Checks `values` against `specs` (count, kinds, ranges) before anything reads them.
    pub fn new(specs: &[ParamSpec], values: &'a [ParamValue]) -> Result<Self, ScheduleError> {
        if values.len() != specs.len() {
            return Err(ScheduleError::new(
                "parameters",
                format!("expected {} values, got {}", specs.len(), values.len()),
            ));
        }
        for (spec, value) in specs.iter().zip(values) {
            spec.check(value)?;
        }
        Ok(Self(values))
    }

    /// The number at `i` (0 if it is not one, which [`Reader::new`] rules out).
    pub fn num(&self, i: usize) -> f64 {
        match self.0.get(i) {
            Some(ParamValue::Num(v)) => *v,
            _ => 0.0,
        }
    }

    /// The list at `i`.
    pub fn list(&self, i: usize) -> Vec<f64> {
        match self.0.get(i) {
            Some(ParamValue::List(v)) => v.clone(),
            _ => Vec::new(),
        }
    }

    /// The option index at `i`.
    pub fn choice(&self, i: usize) -> usize {
        match self.0.get(i) {
            Some(ParamValue::Choice(c)) => *c,
            _ => 0,
        }
    }

    /// The option at `i` as a yes/no switch (option 1 is yes).
    pub fn flag(&self, i: usize) -> bool {
        self.choice(i) == 1
    }
}

/// Shorthand for a table row.
pub(super) const fn spec(
    name: &'static str,
    label: &'static str,
    help: &'static str,
    kind: ParamKind,
    default: f64,
) -> ParamSpec {
    ParamSpec {
        name,
        label,
        help,
        kind,
        default,
    }
}

/// A factor in (0, 1], such as a decay per step.
pub(super) const UNIT_FACTOR: ParamKind = ParamKind::Factor {
    min: f64::MIN_POSITIVE,
    max: 1.0,
};

/// A fraction in [0, 1], such as a floor relative to the peak.
pub(super) const FRACTION: ParamKind = ParamKind::Factor { min: 0.0, max: 1.0 };

/// The shape of a rise or a fall between two rates (Hugging Face's WSD `warmup_type`/`decay_type`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Ramp {
    /// Straight line.
    #[default]
    #[serde(rename = "linear")]
    Linear,
    /// Half cosine, flat at both ends.
    #[serde(rename = "cosine")]
    Cosine,
    /// 1 − √: a warm-up quick at its end, a decay quick at its start.
    #[serde(rename = "1-sqrt")]
    OneMinusSqrt,
}

named!(Ramp {
    Linear => "linear", "Linear";
    Cosine => "cosine", "Cosine";
    OneMinusSqrt => "1-sqrt", "1 − √";
});

impl Ramp {
    /// Fraction of the way up at progress `p` of a warm-up, as Hugging Face computes it.
    pub fn rise(self, p: f64) -> f64 {
        match self {
            Ramp::Linear => p,
            Ramp::Cosine => 0.5 * (1.0 - (std::f64::consts::PI * p).cos()),
            Ramp::OneMinusSqrt => 1.0 - (1.0 - p).sqrt(),
        }
    }

    /// Fraction of the way still to fall at progress `p` of a decay, as Hugging Face computes it.
    pub fn fall(self, p: f64) -> f64 {
        match self {
            Ramp::Linear => 1.0 - p,
            Ramp::Cosine => 0.5 * (1.0 + (std::f64::consts::PI * p).cos()),
            Ramp::OneMinusSqrt => 1.0 - p.sqrt(),
        }
    }
}

/// How a segment goes from one rate to the next (optax's `interpolate_type`, torch's
/// `anneal_strategy`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Interp {
    /// Straight line.
    #[default]
    Linear,
    /// Half cosine, flat at both ends.
    Cosine,
}

named!(Interp {
    Linear => "linear", "Linear";
    Cosine => "cosine", "Cosine";
});

impl Interp {
    /// The value at fraction `pct` from `start` to `end`, in optax's and torch's arithmetic.
    pub fn between(self, start: f64, end: f64, pct: f64) -> f64 {
        match self {
            Interp::Linear => (end - start) * pct + start,
            Interp::Cosine => {
                end + (start - end) / 2.0 * ((std::f64::consts::PI * pct).cos() + 1.0)
            }
        }
    }
}
