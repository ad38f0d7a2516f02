//! optax's schedule functions, one row each, and the builders of their modes from keyword
//! arguments.

use super::modes::{CosineDecay, CosineOnecycle, Sgdr, WarmupCosineDecay};
use crate::schedule::error::ScheduleError;
use crate::schedule::frameworks::{Api, Arg, Mode, Params, Pasted};

/// optax's rows.
pub(super) const APIS: [Api; 4] = [
    Api {
        family: "optax.cosine_decay_schedule",
        pasted: Some(Pasted {
            python: "cosine_decay_schedule",
            positional: &["init_value", "decay_steps", "alpha", "exponent"],
            nested: None,
        }),
        build: |p, _| {
            Ok(Mode::OptaxCosine(CosineDecay {
                init_value: p.num("init_value")?,
                decay_steps: p.num("decay_steps")?,
                alpha: p.num_or("alpha", 0.0)?,
                exponent: p.num_or("exponent", 1.0)?,
            }))
        },
    },
    Api {
        family: "optax.warmup_cosine_decay_schedule",
        pasted: Some(Pasted {
            python: "warmup_cosine_decay_schedule",
            positional: &[
                "init_value",
                "peak_value",
                "warmup_steps",
                "decay_steps",
                "end_value",
                "exponent",
            ],
            nested: None,
        }),
        build: |p, _| Ok(Mode::OptaxWarmupCosine(warmup_cosine(p)?)),
    },
    Api {
        family: "optax.sgdr_schedule",
        pasted: Some(Pasted {
            python: "sgdr_schedule",
            positional: &["cosine_kwargs"],
            nested: None,
        }),
        build: sgdr,
    },
    Api {
        family: "optax.cosine_onecycle_schedule",
        pasted: None,
        build: |p, _| {
            Ok(Mode::OptaxOnecycle(CosineOnecycle {
                transition_steps: p.num("transition_steps")?,
                peak_value: p.num("peak_value")?,
                pct_start: p.num_or("pct_start", 0.3)?,
                div_factor: p.num_or("div_factor", 25.0)?,
                final_div_factor: p.num_or("final_div_factor", 1e4)?,
            }))
        },
    },
];

fn warmup_cosine(p: &Params) -> Result<WarmupCosineDecay, ScheduleError> {
    Ok(WarmupCosineDecay {
        init_value: p.num("init_value")?,
        peak_value: p.num("peak_value")?,
        warmup_steps: p.num("warmup_steps")?,
        decay_steps: p.num("decay_steps")?,
        end_value: p.num_or("end_value", 0.0)?,
        exponent: p.num_or("exponent", 1.0)?,
    })
}

fn sgdr(p: &Params, _: &str) -> Result<Mode, ScheduleError> {
    let list = p
        .raw("cosine_kwargs")
        .and_then(Arg::as_list)
        .ok_or_else(|| ScheduleError::new("cosine_kwargs", "expected a list of dicts"))?;
    let cycles = list
        .iter()
        .map(|kw| {
            let q = Params::new(kw)?;
            let cycle = warmup_cosine(&q)?;
            q.finish().map(|_| cycle)
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Mode::OptaxSgdr(Sgdr { cycles }))
}
