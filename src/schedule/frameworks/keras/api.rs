//! Keras's schedule classes, one row each, and the builders of their modes from keyword
//! arguments, in the precision the golden `dtype` names.

use super::modes::{
    CosineDecay, CosineDecayRestarts, PiecewiseConstantDecay, PolynomialDecay, Precision,
    RateDecay, RateShape,
};
use crate::schedule::error::ScheduleError;
use crate::schedule::frameworks::{Api, Arg, Mode, Params, Pasted};

/// Keras's rows.
pub(super) const APIS: [Api; 6] = [
    Api {
        family: "keras.CosineDecay",
        pasted: Some(Pasted {
            python: "CosineDecay",
            positional: &[
                "initial_learning_rate",
                "decay_steps",
                "alpha",
                "name",
                "warmup_target",
                "warmup_steps",
            ],
            nested: None,
        }),
        build: |p, dtype| {
            let precision = precision(p, dtype);
            Ok(Mode::KerasCosine(CosineDecay {
                initial_learning_rate: p.num("initial_learning_rate")?,
                decay_steps: p.num("decay_steps")?,
                alpha: p.num_or("alpha", 0.0)?,
                warmup_target: p.opt_num("warmup_target")?,
                warmup_steps: p.num_or("warmup_steps", 0.0)?,
                precision,
            }))
        },
    },
    Api {
        family: "keras.CosineDecayRestarts",
        pasted: Some(Pasted {
            python: "CosineDecayRestarts",
            positional: &[
                "initial_learning_rate",
                "first_decay_steps",
                "t_mul",
                "m_mul",
                "alpha",
                "name",
            ],
            nested: None,
        }),
        build: |p, dtype| {
            let precision = precision(p, dtype);
            Ok(Mode::KerasRestarts(CosineDecayRestarts {
                initial_learning_rate: p.num("initial_learning_rate")?,
                first_decay_steps: p.num("first_decay_steps")?,
                t_mul: p.num_or("t_mul", 2.0)?,
                m_mul: p.num_or("m_mul", 1.0)?,
                alpha: p.num_or("alpha", 0.0)?,
                precision,
            }))
        },
    },
    Api {
        family: "keras.ExponentialDecay",
        pasted: Some(Pasted {
            python: "ExponentialDecay",
            positional: &[
                "initial_learning_rate",
                "decay_steps",
                "decay_rate",
                "staircase",
                "name",
            ],
            nested: None,
        }),
        build: |p, dtype| rate_decay(p, dtype, RateShape::Exponential),
    },
    Api {
        family: "keras.PiecewiseConstantDecay",
        pasted: Some(Pasted {
            python: "PiecewiseConstantDecay",
            positional: &["boundaries", "values", "name"],
            nested: None,
        }),
        build: |p, dtype| {
            Ok(Mode::KerasPiecewise(PiecewiseConstantDecay {
                precision: precision(p, dtype),
                boundaries: numbers(p, "boundaries")?,
                values: numbers(p, "values")?,
            }))
        },
    },
    Api {
        family: "keras.PolynomialDecay",
        pasted: Some(Pasted {
            python: "PolynomialDecay",
            positional: &[
                "initial_learning_rate",
                "decay_steps",
                "end_learning_rate",
                "power",
                "cycle",
                "name",
            ],
            nested: None,
        }),
        build: |p, dtype| {
            Ok(Mode::KerasPolynomial(PolynomialDecay {
                precision: precision(p, dtype),
                initial_learning_rate: p.num("initial_learning_rate")?,
                decay_steps: p.num("decay_steps")?,
                end_learning_rate: p.num_or("end_learning_rate", 0.0001)?,
                power: p.num_or("power", 1.0)?,
                cycle: p.flag_or("cycle", false)?,
            }))
        },
    },
    Api {
        family: "keras.InverseTimeDecay",
        pasted: Some(Pasted {
            python: "InverseTimeDecay",
            positional: &[
                "initial_learning_rate",
                "decay_steps",
                "decay_rate",
                "staircase",
                "name",
            ],
            nested: None,
        }),
        build: |p, dtype| rate_decay(p, dtype, RateShape::InverseTime),
    },
];

/// ExponentialDecay's and InverseTimeDecay's shared arguments.
fn rate_decay(p: &Params, dtype: &str, shape: RateShape) -> Result<Mode, ScheduleError> {
    Ok(Mode::KerasRateDecay(RateDecay {
        shape,
        precision: precision(p, dtype),
        initial_learning_rate: p.num("initial_learning_rate")?,
        decay_steps: p.num("decay_steps")?,
        decay_rate: p.num("decay_rate")?,
        staircase: p.flag_or("staircase", false)?,
    }))
}

/// A list of numbers.
fn numbers(p: &Params, key: &'static str) -> Result<Vec<f64>, ScheduleError> {
    let bad = |got: &Arg| ScheduleError::new(key, format!("expected a list of numbers, got {got}"));
    let list = p.raw(key).ok_or_else(|| p.required(key))?;
    list.as_list()
        .ok_or_else(|| bad(list))?
        .iter()
        .map(|x| x.as_f64().filter(|v| v.is_finite()).ok_or_else(|| bad(x)))
        .collect()
}

/// The schedule's dtype: an int `initial_learning_rate` makes it int32, else the golden
/// `dtype`'s float; the schedule's `name` never changes the lr.
fn precision(p: &Params, dtype: &str) -> Precision {
    p.ignore(&["name"]);
    if matches!(p.raw("initial_learning_rate"), Some(Arg::Int(_))) {
        return Precision::Int32;
    }
    // A byte scan, not `str::contains`: the dtype is only known at run time here, and the
    // substring searcher it would link costs the page ≈ 2 KB for one seven-byte word.
    if dtype.as_bytes().windows(7).any(|w| w == b"float32") {
        Precision::Float32
    } else {
        Precision::Float64
    }
}
