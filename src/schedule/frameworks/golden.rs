//! Golden-format cases (`family`, `params` as the library's keyword arguments, `dtype`) → modes.

use super::arg::Arg;
use super::params::Params;
use super::{keras, optax, timm, torch, transformers, Mode};
use crate::schedule::error::ScheduleError;

/// Reads the keyword arguments of `family`, rejecting unknown ones as the library would.
pub fn build(family: &str, params: &Arg, dtype: &str) -> Result<Mode, ScheduleError> {
    let p = Params::new(params)?;
    let framework = family.split('.').next().unwrap_or_default();
    let mode = match framework {
        "torch" => torch_mode(family, &p)?,
        "timm" if family == "timm.CosineLRScheduler" => timm_mode(&p)?,
        "transformers" => transformers_mode(family, &p)?,
        "optax" => optax_mode(family, &p)?,
        "keras" => keras_mode(family, &p, dtype)?,
        _ => return Err(unknown_family(family)),
    };
    p.finish()?;
    Ok(mode)
}

fn torch_mode(family: &str, p: &Params) -> Result<Mode, ScheduleError> {
    p.require_default("last_epoch", &Arg::Int(-1))?;
    let base = p.num("optimizer_lr")?;
    Ok(match family {
        "torch.CosineAnnealingLR" => Mode::TorchCosine(torch::CosineAnnealing {
            base,
            t_max: p.num("T_max")?,
            eta_min: p.num_or("eta_min", 0.0)?,
        }),
        "torch.CosineAnnealingWarmRestarts" | "torch.CosineAnnealingWarmRestarts.step_epoch" => {
            p.ignore(&["epochs", "iters_per_epoch"]);
            let w = torch::WarmRestarts {
                base,
                t_0: p.int("T_0")?,
                t_mult: p.opt_int("T_mult")?.unwrap_or(1),
                eta_min: p.num_or("eta_min", 0.0)?,
            };
            if family.ends_with("step_epoch") {
                Mode::TorchWarmRestartsEpoch(w)
            } else {
                Mode::TorchWarmRestarts(w)
            }
        }
        "torch.SequentialLR(LinearLR,CosineAnnealingLR)" => {
            let linear = Params::new(p.raw("LinearLR").unwrap_or(&Arg::Null))?;
            let cosine = Params::new(p.raw("CosineAnnealingLR").unwrap_or(&Arg::Null))?;
            let milestones = p.raw("milestones").and_then(Arg::as_list);
            let milestone = match milestones {
                Some([m]) => m.as_u64(),
                _ => None,
            }
            .ok_or_else(|| ScheduleError::new("milestones", "expected one integer milestone"))?;
            let mode = torch::LinearThenCosine {
                base,
                start_factor: linear.num_or("start_factor", 1.0 / 3.0)?,
                end_factor: linear.num_or("end_factor", 1.0)?,
                total_iters: linear.num_or("total_iters", 5.0)?,
                cosine: torch::CosineAnnealing {
                    base,
                    t_max: cosine.num("T_max")?,
                    eta_min: cosine.num_or("eta_min", 0.0)?,
                },
                milestone,
            };
            linear.finish()?;
            cosine.finish()?;
            Mode::TorchLinearThenCosine(mode)
        }
        "torch.OneCycleLR" => {
            p.ignore(&["cycle_momentum", "base_momentum", "max_momentum"]);
            let total_steps = match p.opt_int("total_steps")? {
                Some(n) => n,
                None => p.int("epochs")?.saturating_mul(p.int("steps_per_epoch")?),
            };
            let strategy = p.text_or("anneal_strategy", "cos")?;
            if strategy != "cos" && strategy != "linear" {
                return Err(ScheduleError::new(
                    "anneal_strategy",
                    format!("expected 'cos' or 'linear', got '{strategy}'"),
                ));
            }
            Mode::TorchOneCycle(torch::OneCycle {
                max_lr: p.num("max_lr")?,
                total_steps,
                pct_start: p.num_or("pct_start", 0.3)?,
                div_factor: p.num_or("div_factor", 25.0)?,
                final_div_factor: p.num_or("final_div_factor", 1e4)?,
                three_phase: p.flag_or("three_phase", false)?,
                linear: strategy == "linear",
            })
        }
        other => return Err(unknown_family(other)),
    })
}

fn timm_mode(p: &Params) -> Result<Mode, ScheduleError> {
    p.ignore(&[
        "t_in_epochs",
        "noise_pct",
        "noise_std",
        "noise_seed",
        "initialize",
    ]);
    if p.raw("noise_range_t").is_some() {
        return Err(ScheduleError::new(
            "noise_range_t",
            "noisy timm schedules are random; only noise_range_t=None is supported",
        ));
    }
    Ok(Mode::Timm(timm::CosineLr {
        base: p.num("optimizer_lr")?,
        t_initial: p.num("t_initial")?,
        lr_min: p.num_or("lr_min", 0.0)?,
        cycle_mul: p.num_or("cycle_mul", 1.0)?,
        cycle_decay: p.num_or("cycle_decay", 1.0)?,
        cycle_limit: p.num_or("cycle_limit", 1.0)?,
        warmup_t: p.num_or("warmup_t", 0.0)?,
        warmup_lr_init: p.num_or("warmup_lr_init", 0.0)?,
        warmup_prefix: p.flag_or("warmup_prefix", false)?,
        k_decay: p.num_or("k_decay", 1.0)?,
    }))
}

fn transformers_mode(family: &str, p: &Params) -> Result<Mode, ScheduleError> {
    p.require_default("last_epoch", &Arg::Int(-1))?;
    let base = p.num("optimizer_lr")?;
    let min_rate = |p: &Params| -> Result<f64, ScheduleError> {
        match (p.opt_num("min_lr")?, p.opt_num("min_lr_rate")?) {
            (Some(_), Some(_)) => Err(ScheduleError::new(
                "min_lr",
                "give only one of min_lr and min_lr_rate",
            )),
            (Some(min_lr), None) => Ok(min_lr / base),
            (None, Some(rate)) => Ok(rate),
            (None, None) => Err(ScheduleError::new(
                "min_lr_rate",
                "one of min_lr and min_lr_rate is required",
            )),
        }
    };
    let kind = match family {
        "transformers.get_cosine_schedule_with_warmup" => transformers::Cosine::WithWarmup,
        "transformers.get_cosine_with_hard_restarts_schedule_with_warmup" => {
            transformers::Cosine::HardRestarts
        }
        "transformers.get_cosine_with_min_lr_schedule_with_warmup" => transformers::Cosine::MinLr {
            min_lr_rate: min_rate(p)?,
        },
        "transformers.get_cosine_with_min_lr_schedule_with_warmup_lr_rate" => {
            transformers::Cosine::MinLrRate {
                min_lr_rate: min_rate(p)?,
                warmup_lr_rate: p.opt_num("warmup_lr_rate")?,
            }
        }
        "transformers.get_wsd_schedule" => {
            let warmup = p.num("num_warmup_steps")?;
            let decay = p.num("num_decay_steps")?;
            let stable = match (
                p.opt_num("num_stable_steps")?,
                p.opt_num("num_training_steps")?,
            ) {
                (Some(s), _) => s,
                (None, Some(n)) => n - warmup - decay,
                (None, None) => {
                    return Err(ScheduleError::new(
                        "num_training_steps",
                        "one of num_training_steps and num_stable_steps is required",
                    ))
                }
            };
            return Ok(Mode::HfWsd(transformers::Wsd {
                base,
                warmup,
                stable,
                decay,
                warmup_type: transformers::WsdShape::parse(
                    "warmup_type",
                    p.text_or("warmup_type", "linear")?,
                )?,
                decay_type: transformers::WsdShape::parse(
                    "decay_type",
                    p.text_or("decay_type", "cosine")?,
                )?,
                min_lr_ratio: p.num_or("min_lr_ratio", 0.0)?,
                num_cycles: p.num_or("num_cycles", 0.5)?,
            }));
        }
        other => return Err(unknown_family(other)),
    };
    let default_cycles = if kind == transformers::Cosine::HardRestarts {
        1.0
    } else {
        0.5
    };
    Ok(Mode::HfCosine(transformers::CosineSchedule {
        base,
        kind,
        num_warmup_steps: p.num("num_warmup_steps")?,
        num_training_steps: p.num("num_training_steps")?,
        num_cycles: p.num_or("num_cycles", default_cycles)?,
    }))
}

fn warmup_cosine(p: &Params) -> Result<optax::WarmupCosineDecay, ScheduleError> {
    Ok(optax::WarmupCosineDecay {
        init_value: p.num("init_value")?,
        peak_value: p.num("peak_value")?,
        warmup_steps: p.num("warmup_steps")?,
        decay_steps: p.num("decay_steps")?,
        end_value: p.num_or("end_value", 0.0)?,
        exponent: p.num_or("exponent", 1.0)?,
    })
}

fn optax_mode(family: &str, p: &Params) -> Result<Mode, ScheduleError> {
    Ok(match family {
        "optax.cosine_decay_schedule" => Mode::OptaxCosine(optax::CosineDecay {
            init_value: p.num("init_value")?,
            decay_steps: p.num("decay_steps")?,
            alpha: p.num_or("alpha", 0.0)?,
            exponent: p.num_or("exponent", 1.0)?,
        }),
        "optax.warmup_cosine_decay_schedule" => Mode::OptaxWarmupCosine(warmup_cosine(p)?),
        "optax.sgdr_schedule" => {
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
            Mode::OptaxSgdr(optax::Sgdr { cycles })
        }
        "optax.cosine_onecycle_schedule" => Mode::OptaxOnecycle(optax::CosineOnecycle {
            transition_steps: p.num("transition_steps")?,
            peak_value: p.num("peak_value")?,
            pct_start: p.num_or("pct_start", 0.3)?,
            div_factor: p.num_or("div_factor", 25.0)?,
            final_div_factor: p.num_or("final_div_factor", 1e4)?,
        }),
        other => return Err(unknown_family(other)),
    })
}

fn keras_mode(family: &str, p: &Params, dtype: &str) -> Result<Mode, ScheduleError> {
    p.ignore(&["name"]);
    let precision = if dtype.contains("float32") {
        keras::Precision::Float32
    } else {
        keras::Precision::Float64
    };
    Ok(match family {
        "keras.CosineDecay" => Mode::KerasCosine(keras::CosineDecay {
            initial_learning_rate: p.num("initial_learning_rate")?,
            decay_steps: p.num("decay_steps")?,
            alpha: p.num_or("alpha", 0.0)?,
            warmup_target: p.opt_num("warmup_target")?,
            warmup_steps: p.num_or("warmup_steps", 0.0)?,
            precision,
        }),
        "keras.CosineDecayRestarts" => Mode::KerasRestarts(keras::CosineDecayRestarts {
            initial_learning_rate: p.num("initial_learning_rate")?,
            first_decay_steps: p.num("first_decay_steps")?,
            t_mul: p.num_or("t_mul", 2.0)?,
            m_mul: p.num_or("m_mul", 1.0)?,
            alpha: p.num_or("alpha", 0.0)?,
            precision,
        }),
        other => return Err(unknown_family(other)),
    })
}

fn unknown_family(family: &str) -> ScheduleError {
    ScheduleError::new(
        "family",
        format!("'{family}' is not supported; see the README for the supported families"),
    )
}
