//! Keras's schedule classes, one row each, and the builders of their modes from keyword
//! arguments, in the precision the golden `dtype` names.

use super::modes::{CosineDecay, CosineDecayRestarts, Precision};
use crate::schedule::frameworks::{Api, Mode, Params, Pasted};

/// Keras's rows.
pub(super) const APIS: [Api; 2] = [
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
];

/// The golden `dtype`'s precision; the schedule's `name` never changes the lr.
fn precision(p: &Params, dtype: &str) -> Precision {
    p.ignore(&["name"]);
    // A byte scan, not `str::contains`: the dtype is only known at run time here, and the
    // substring searcher it would link costs the page ≈ 2 KB for one seven-byte word.
    if dtype.as_bytes().windows(7).any(|w| w == b"float32") {
        Precision::Float32
    } else {
        Precision::Float64
    }
}
