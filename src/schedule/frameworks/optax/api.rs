//! optax's schedule functions, one row each, and the builders of their modes from keyword
//! arguments.

use super::modes::{
    Constant, CosineDecay, CosineOnecycle, ExponentialDecay, Interpolate, Join, PiecewiseConstant,
    PiecewiseInterpolate, Polynomial, Sgdr, WarmupCosineDecay,
};
use crate::schedule::error::ScheduleError;
use crate::schedule::frameworks::python::py_str;
use crate::schedule::frameworks::{Api, Arg, Mode, Nested, Params, Pasted};

/// optax's rows.
pub(super) const APIS: [Api; 14] = [
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
        pasted: Some(Pasted {
            python: "cosine_onecycle_schedule",
            positional: &[
                "transition_steps",
                "peak_value",
                "pct_start",
                "div_factor",
                "final_div_factor",
            ],
            nested: None,
        }),
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
    Api {
        family: "optax.constant_schedule",
        pasted: Some(Pasted {
            python: "constant_schedule",
            positional: &["value"],
            nested: None,
        }),
        build: |p, _| {
            Ok(Mode::OptaxConstant(Constant {
                value: p.num("value")?,
            }))
        },
    },
    Api {
        family: "optax.linear_schedule",
        pasted: Some(Pasted {
            python: "linear_schedule",
            positional: &[
                "init_value",
                "end_value",
                "transition_steps",
                "transition_begin",
            ],
            nested: None,
        }),
        build: |p, _| Ok(Mode::OptaxPolynomial(polynomial(p, 1.0)?)),
    },
    Api {
        family: "optax.polynomial_schedule",
        pasted: Some(Pasted {
            python: "polynomial_schedule",
            positional: &[
                "init_value",
                "end_value",
                "power",
                "transition_steps",
                "transition_begin",
            ],
            nested: None,
        }),
        build: |p, _| Ok(Mode::OptaxPolynomial(polynomial(p, p.num("power")?)?)),
    },
    Api {
        family: "optax.warmup_constant_schedule",
        pasted: Some(Pasted {
            python: "warmup_constant_schedule",
            positional: &["init_value", "peak_value", "warmup_steps"],
            nested: None,
        }),
        build: |p, _| Ok(Mode::OptaxPolynomial(warmup(p)?)),
    },
    Api {
        family: "optax.exponential_decay",
        pasted: Some(Pasted {
            python: "exponential_decay",
            positional: &[
                "init_value",
                "transition_steps",
                "decay_rate",
                "transition_begin",
                "staircase",
                "end_value",
            ],
            nested: None,
        }),
        build: |p, _| Ok(Mode::OptaxExponential(exponential(p, "init_value")?)),
    },
    Api {
        family: "optax.warmup_exponential_decay_schedule",
        pasted: Some(Pasted {
            python: "warmup_exponential_decay_schedule",
            positional: &[
                "init_value",
                "peak_value",
                "warmup_steps",
                "transition_steps",
                "decay_rate",
                "transition_begin",
                "staircase",
                "end_value",
            ],
            nested: None,
        }),
        // optax joins the two at warmup_steps, as written here.
        build: |p, _| {
            let warm = warmup(p)?;
            Ok(Mode::OptaxJoin(Join {
                schedules: vec![
                    Mode::OptaxPolynomial(warm),
                    Mode::OptaxExponential(exponential(p, "peak_value")?),
                ],
                boundaries: vec![warm.transition_steps],
            }))
        },
    },
    Api {
        family: "optax.piecewise_constant_schedule",
        pasted: Some(Pasted {
            python: "piecewise_constant_schedule",
            positional: &["init_value", "boundaries_and_scales"],
            nested: None,
        }),
        build: |p, _| {
            Ok(Mode::OptaxPiecewiseConstant(PiecewiseConstant::new(
                p.num("init_value")?,
                &boundaries_and_scales(p)?,
            )))
        },
    },
    Api {
        family: "optax.piecewise_interpolate_schedule",
        pasted: Some(Pasted {
            python: "piecewise_interpolate_schedule",
            positional: &["interpolate_type", "init_value", "boundaries_and_scales"],
            nested: None,
        }),
        build: |p, _| {
            let kind = p.text_or("interpolate_type", "")?;
            Ok(Mode::OptaxPiecewiseInterpolate(PiecewiseInterpolate::new(
                Interpolate::parse(kind)?,
                p.num("init_value")?,
                &boundaries_and_scales(p)?,
            )))
        },
    },
    Api {
        family: "optax.linear_onecycle_schedule",
        pasted: Some(Pasted {
            python: "linear_onecycle_schedule",
            positional: &[
                "transition_steps",
                "peak_value",
                "pct_start",
                "pct_final",
                "div_factor",
                "final_div_factor",
            ],
            nested: None,
        }),
        build: linear_onecycle,
    },
    Api {
        family: "optax.join_schedules",
        pasted: Some(Pasted {
            python: "join_schedules",
            positional: &["schedules", "boundaries"],
            nested: Some(Nested {
                arg: "schedules",
                tag: "fn",
            }),
        }),
        build: join,
    },
];

/// `polynomial_schedule`'s keywords, at `power` (linear_schedule passes 1).
fn polynomial(p: &Params, power: f64) -> Result<Polynomial, ScheduleError> {
    Ok(Polynomial {
        init_value: p.num("init_value")?,
        end_value: p.num("end_value")?,
        power,
        transition_steps: p.num("transition_steps")?,
        transition_begin: p.num_or("transition_begin", 0.0)?,
    })
}

/// The linear warm-up `warmup_*_schedule` opens with: init → peak over warmup_steps.
fn warmup(p: &Params) -> Result<Polynomial, ScheduleError> {
    Ok(Polynomial {
        init_value: p.num("init_value")?,
        end_value: p.num("peak_value")?,
        power: 1.0,
        transition_steps: p.num("warmup_steps")?,
        transition_begin: 0.0,
    })
}

/// `exponential_decay`'s keywords, starting from the value named `init`.
fn exponential(p: &Params, init: &'static str) -> Result<ExponentialDecay, ScheduleError> {
    Ok(ExponentialDecay {
        init_value: p.num(init)?,
        transition_steps: p.num("transition_steps")?,
        decay_rate: p.num("decay_rate")?,
        transition_begin: p.num_or("transition_begin", 0.0)?,
        staircase: p.flag_or("staircase", false)?,
        end_value: p.opt_num("end_value")?,
    })
}

/// A `{step: scale}` dict (the golden format writes its steps as strings), in the order written.
fn boundaries_and_scales(p: &Params) -> Result<Vec<(f64, f64)>, ScheduleError> {
    const KEY: &str = "boundaries_and_scales";
    let Some(arg) = p.raw(KEY) else {
        return Ok(Vec::new());
    };
    let pairs = arg.as_dict().ok_or_else(|| {
        ScheduleError::new(
            KEY,
            format!("expected a dict of {{step: scale}}, got {arg}"),
        )
    })?;
    pairs
        .iter()
        .map(|(step, scale)| {
            let s = step
                .parse::<f64>()
                .ok()
                .filter(|s| s.is_finite())
                .ok_or_else(|| {
                    ScheduleError::new(KEY, format!("step {} is not a number", py_str(step)))
                })?;
            let v = scale.as_f64().filter(|v| v.is_finite()).ok_or_else(|| {
                ScheduleError::new(KEY, format!("scale {scale} is not a finite number"))
            })?;
            Ok((s, v))
        })
        .collect()
}

/// `linear_onecycle_schedule`: optax's three-boundary linear interpolation.
fn linear_onecycle(p: &Params, _: &str) -> Result<Mode, ScheduleError> {
    let t = p.num("transition_steps")?;
    if t <= 0.0 {
        return Err(ScheduleError::new(
            "transition_steps",
            "A linear onecycle schedule was set with a non-positive `transition_steps`",
        ));
    }
    let peak = p.num("peak_value")?;
    let pct_start = p.num_or("pct_start", 0.3)?;
    let pct_final = p.num_or("pct_final", 0.85)?;
    let div = p.num_or("div_factor", 25.0)?;
    let final_div = p.num_or("final_div_factor", 1e4)?;
    Ok(Mode::OptaxPiecewiseInterpolate(PiecewiseInterpolate::new(
        Interpolate::Linear,
        peak / div,
        &[
            ((pct_start * t).trunc(), div),
            ((pct_final * t).trunc(), 1.0 / div),
            (t, 1.0 / final_div),
        ],
    )))
}

/// `join_schedules`: each `{fn: name, …}` dict built by that optax row.
fn join(p: &Params, dtype: &str) -> Result<Mode, ScheduleError> {
    let list = p
        .raw("schedules")
        .and_then(Arg::as_list)
        .ok_or_else(|| ScheduleError::new("schedules", "expected a list of {fn, …} dicts"))?;
    let schedules = list
        .iter()
        .map(|item| inner(item, dtype))
        .collect::<Result<Vec<_>, _>>()?;
    let boundaries = p
        .raw("boundaries")
        .and_then(Arg::as_list)
        .ok_or_else(|| ScheduleError::new("boundaries", "expected a list of steps"))?
        .iter()
        .map(|b| {
            b.as_f64()
                .filter(|b| b.is_finite())
                .ok_or_else(|| ScheduleError::new("boundaries", format!("{b} is not a step")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Mode::OptaxJoin(Join {
        schedules,
        boundaries,
    }))
}

/// One of join_schedules' schedules: the optax row its `fn` names, over its other keys.
fn inner(item: &Arg, dtype: &str) -> Result<Mode, ScheduleError> {
    let bad = || ScheduleError::new("schedules", format!("expected {{fn: name, …}}, got {item}"));
    let pairs = item.as_dict().ok_or_else(bad)?;
    let name = item.get("fn").and_then(Arg::as_str).ok_or_else(bad)?;
    let api = APIS
        .iter()
        .find(|a| a.pasted.as_ref().is_some_and(|q| q.python == name))
        .ok_or_else(|| {
            ScheduleError::new(
                "schedules",
                format!("{name} is not an optax schedule Anneal reads"),
            )
        })?;
    let kwargs: Vec<(String, Arg)> = pairs.iter().filter(|(k, _)| k != "fn").cloned().collect();
    api.mode(&Arg::Dict(kwargs), dtype)
        .map_err(|e| ScheduleError::new(format!("{name}: {}", e.field), e.reason))
}

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
