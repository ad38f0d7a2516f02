//! "The same settings" as each framework would run them: its nearest built-in call, as an exact
//! mode of the core, with what it cannot express said in words.

use crate::schedule::frameworks::{keras, optax, timm, torch, transformers, Mode};
use crate::schedule::{Anneal, WarmupPlacement, WarmupScope, WarmupShape};

/// One framework's rendering of an Anneal schedule.
#[derive(Clone, Debug)]
pub struct Equivalent {
    /// Framework name as users know it.
    pub framework: &'static str,
    /// The call, in the framework's own spelling.
    pub call: String,
    /// The exact mode that computes it.
    pub mode: Mode,
    /// Where it differs from the Anneal schedule, and why.
    pub notes: Vec<String>,
}

/// Cycles handed to optax's sgdr_schedule at most (it needs one dict per cycle).
const MAX_SGDR_CYCLES: u64 = 64;

fn common_notes(a: &Anneal, notes: &mut Vec<String>, has_k_decay: bool, has_shapes: bool) {
    if a.k_decay != 1.0 && !has_k_decay {
        notes.push("no k-decay: plain cosine".into());
    }
    if a.warmup.length > 0.0 && a.warmup.shape != WarmupShape::Linear && !has_shapes {
        notes.push("warm-up is linear only".into());
    }
}

fn torch(a: &Anneal, horizon: f64) -> Equivalent {
    let base = a.eta_max;
    let (floor, t_0) = (a.floor(), a.t_0.round().max(1.0));
    let mut notes = Vec::new();
    common_notes(a, &mut notes, false, false);
    let w = a.warmup.length.round();
    let (call, mode) = if a.restarts {
        let m = a.t_mult.round().max(1.0);
        if m != a.t_mult {
            notes.push(format!("T_mult must be a whole number: {} → {m}", a.t_mult));
        }
        if a.decay < 1.0 {
            notes.push("no peak decay: every restart returns to η_max".into());
        }
        if a.cycle_limit.is_some() {
            notes.push("no cycle limit: restarts never stop".into());
        }
        if w > 0.0 {
            notes.push("warm-up dropped: no built-in warm-up before warm restarts".into());
        }
        notes.push(
            "never reaches η_min inside a cycle: the step at T_i is already the restart".into(),
        );
        (
            format!("CosineAnnealingWarmRestarts(opt, T_0={t_0}, T_mult={m}, eta_min={floor})"),
            Mode::TorchWarmRestarts(torch::WarmRestarts {
                base,
                t_0: t_0 as u64,
                t_mult: m as u64,
                eta_min: floor,
            }),
        )
    } else if w > 0.0 {
        let start_factor = (a.warmup.start / base).clamp(1e-8, 1.0);
        if a.warmup.start <= 0.0 {
            notes.push("LinearLR needs start_factor > 0: warm-up starts at 1e-8·η_max".into());
        }
        if a.warmup.placement == WarmupPlacement::Overlap {
            notes.push("SequentialLR starts the cosine after the warm-up (no overlap)".into());
        }
        notes.push(
            "the warm-up never shows η_max: the first η_max is the cosine's, at step W".into(),
        );
        (
            format!(
                "SequentialLR(opt, [LinearLR(opt, start_factor={start_factor}, total_iters={w}), CosineAnnealingLR(opt, T_max={t_0}, eta_min={floor})], milestones=[{w}])"
            ),
            Mode::TorchLinearThenCosine(torch::LinearThenCosine {
                base,
                start_factor,
                end_factor: 1.0,
                total_iters: w,
                cosine: torch::CosineAnnealing { base, t_max: t_0, eta_min: floor },
                milestone: w as u64,
            }),
        )
    } else {
        (
            format!("CosineAnnealingLR(opt, T_max={t_0}, eta_min={floor})"),
            Mode::TorchCosine(torch::CosineAnnealing {
                base,
                t_max: t_0,
                eta_min: floor,
            }),
        )
    };
    if !a.restarts && horizon > w + t_0 {
        notes.push("CosineAnnealingLR does not stop at T_max: it climbs back towards η_max".into());
    }
    Equivalent {
        framework: "PyTorch",
        call,
        mode,
        notes,
    }
}

fn timm(a: &Anneal) -> Equivalent {
    let w = &a.warmup;
    let mut notes = Vec::new();
    common_notes(a, &mut notes, true, false);
    if w.scope == WarmupScope::EveryCycle && w.length > 0.0 {
        notes.push("warm-up on the first cycle only".into());
    }
    let (cycle_mul, cycle_limit) = if a.restarts {
        (a.t_mult, a.cycle_limit.map_or(1e9, f64::from))
    } else {
        (1.0, 1.0)
    };
    let prefix = w.placement == WarmupPlacement::Prefix;
    let m = timm::CosineLr {
        base: a.eta_max,
        t_initial: a.t_0,
        lr_min: a.floor(),
        cycle_mul,
        cycle_decay: a.decay,
        cycle_limit,
        warmup_t: w.length,
        warmup_lr_init: w.start,
        warmup_prefix: prefix,
        k_decay: a.k_decay,
    };
    if w.length > 0.0 && !prefix {
        notes.push(format!(
            "overlapping warm-up hands off mid-curve: at step {} the cosine is already at {}, not η_max",
            w.length,
            crate::format::format_value(m.at(w.length))
        ));
    }
    let call = format!(
        "CosineLRScheduler(opt, t_initial={}, lr_min={}, cycle_mul={cycle_mul}, cycle_decay={}, cycle_limit={}, warmup_t={}, warmup_lr_init={}, warmup_prefix={}, k_decay={})",
        a.t_0, a.floor(), a.decay, cycle_limit, w.length, w.start, if prefix { "True" } else { "False" }, a.k_decay
    );
    Equivalent {
        framework: "timm",
        call,
        mode: Mode::Timm(m),
        notes,
    }
}

fn transformers(a: &Anneal, horizon: f64) -> Equivalent {
    let base = a.eta_max;
    let w = a.warmup.length.round();
    let mut notes = Vec::new();
    common_notes(a, &mut notes, false, false);
    if w > 0.0 && a.warmup.start > 0.0 {
        notes.push("warm-up starts at 0, not at the start value".into());
    }
    let (call, kind, n, cycles) = if a.restarts {
        let cycles = (horizon / a.t_0).ceil().max(1.0);
        let n = w + a.t_0 * cycles;
        notes.push(
            "equal cycles only (T_mult ignored), floor 0 (η_min ignored), no peak decay".into(),
        );
        (
            format!("get_cosine_with_hard_restarts_schedule_with_warmup(opt, num_warmup_steps={w}, num_training_steps={n}, num_cycles={cycles})"),
            transformers::Cosine::HardRestarts,
            n,
            cycles,
        )
    } else {
        let n = w + a.t_0;
        let rate = if base > 0.0 { a.floor() / base } else { 0.0 };
        if horizon > n {
            notes.push("no clamp past num_training_steps: the cosine rises again".into());
        }
        (
            format!("get_cosine_with_min_lr_schedule_with_warmup(opt, num_warmup_steps={w}, num_training_steps={n}, min_lr_rate={rate})"),
            transformers::Cosine::MinLr { min_lr_rate: rate },
            n,
            0.5,
        )
    };
    let mode = Mode::HfCosine(transformers::CosineSchedule {
        base,
        kind,
        num_warmup_steps: w,
        num_training_steps: n,
        num_cycles: cycles,
    });
    Equivalent {
        framework: "Hugging Face",
        call,
        mode,
        notes,
    }
}

fn optax(a: &Anneal, horizon: f64) -> Equivalent {
    let w = &a.warmup;
    let mut notes = Vec::new();
    common_notes(a, &mut notes, false, false);
    let cycle = |i: u64| {
        let warm = if w.scope == WarmupScope::EveryCycle || i == 0 {
            w.length
        } else {
            0.0
        };
        let (peak, floor) = a.bounds(i);
        optax::WarmupCosineDecay {
            init_value: if warm > 0.0 { w.start } else { peak },
            peak_value: peak,
            warmup_steps: warm,
            decay_steps: warm + a.cycles().cosine_len(i),
            end_value: floor,
            exponent: a.exponent,
        }
    };
    if w.length > 0.0 {
        notes.push("decay_steps counts the warm-up: decay_steps = W + T_0".into());
    }
    let (call, mode) = if a.restarts {
        let n = a.restart_steps(horizon, MAX_SGDR_CYCLES as usize).len() as u64 + 1;
        let n = a.cycles_run().map_or(n, |limit| n.min(limit));
        let cycles: Vec<_> = (0..n).map(cycle).collect();
        (
            format!(
                "sgdr_schedule([{} warmup_cosine_decay_schedule dicts, one per cycle])",
                cycles.len()
            ),
            Mode::OptaxSgdr(optax::Sgdr { cycles }),
        )
    } else {
        let c = cycle(0);
        (
            format!(
                "warmup_cosine_decay_schedule(init_value={}, peak_value={}, warmup_steps={}, decay_steps={}, end_value={})",
                c.init_value, c.peak_value, c.warmup_steps, c.decay_steps, c.end_value
            ),
            Mode::OptaxWarmupCosine(c),
        )
    };
    Equivalent {
        framework: "optax",
        call,
        mode,
        notes,
    }
}

fn keras(a: &Anneal) -> Equivalent {
    let w = &a.warmup;
    let base = a.eta_max;
    let alpha = if base > 0.0 { a.floor() / base } else { 0.0 };
    let mut notes = vec!["computed in float32, Keras's default".to_string()];
    common_notes(a, &mut notes, false, false);
    let (call, mode) = if a.restarts {
        if w.length > 0.0 {
            notes.push("no warm-up in CosineDecayRestarts".into());
        }
        if a.decay < 1.0 {
            notes.push("m_mul scales only the cosine part; the alpha floor never decays (timm's cycle_decay scales the peak)".into());
        }
        (
            format!("CosineDecayRestarts({base}, first_decay_steps={}, t_mul={}, m_mul={}, alpha={alpha})", a.t_0, a.t_mult, a.decay),
            Mode::KerasRestarts(keras::CosineDecayRestarts {
                initial_learning_rate: base,
                first_decay_steps: a.t_0,
                t_mul: a.t_mult,
                m_mul: a.decay,
                alpha,
                precision: keras::Precision::Float32,
            }),
        )
    } else {
        let warm = w.length > 0.0;
        (
            if warm {
                format!("CosineDecay({}, decay_steps={}, alpha={alpha}, warmup_target={base}, warmup_steps={})", w.start, a.t_0, w.length)
            } else {
                format!("CosineDecay({base}, decay_steps={}, alpha={alpha})", a.t_0)
            },
            Mode::KerasCosine(keras::CosineDecay {
                initial_learning_rate: if warm { w.start } else { base },
                decay_steps: a.t_0,
                alpha,
                warmup_target: warm.then_some(base),
                warmup_steps: w.length,
                precision: keras::Precision::Float32,
            }),
        )
    };
    Equivalent {
        framework: "Keras",
        call,
        mode,
        notes,
    }
}

/// The five frameworks' nearest calls for `a`, shown over `horizon` steps.
pub fn equivalents(a: &Anneal, horizon: f64) -> Vec<Equivalent> {
    vec![
        torch(a, horizon),
        timm(a),
        transformers(a, horizon),
        optax(a, horizon),
        keras(a),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::Warmup;

    fn max_diff(a: &Anneal, e: &Equivalent, n: usize) -> f64 {
        let ts: Vec<f64> = (0..n).map(|i| i as f64).collect();
        let got = e.mode.eval(&ts).expect("evaluates");
        ts.iter()
            .zip(got)
            .map(|(&t, v)| (a.lr(t) - v).abs())
            .fold(0.0, f64::max)
    }

    #[test]
    fn plain_cosine_is_the_same_in_every_framework_inside_t_max() {
        let a = Anneal {
            eta_min: 1e-3,
            ..Anneal::default()
        };
        for e in equivalents(&a, 100.0) {
            assert_eq!(e.mode.validate(), Ok(()), "{}", e.framework);
            let tol = if e.framework == "Keras" { 1e-7 } else { 1e-15 };
            assert!(
                max_diff(&a, &e, 101) <= tol,
                "{}: {}",
                e.framework,
                max_diff(&a, &e, 101)
            );
        }
    }

    #[test]
    fn sgdr_with_warmup_and_decay_is_exact_in_optax_and_timm() {
        let a = Anneal {
            t_0: 10.0,
            restarts: true,
            t_mult: 2.0,
            decay: 0.5,
            warmup: Warmup {
                length: 3.0,
                start: 0.01,
                ..Warmup::default()
            },
            ..Anneal::default()
        };
        let eq = equivalents(&a, 200.0);
        for name in ["optax", "timm"] {
            let e = eq.iter().find(|e| e.framework == name).expect("present");
            assert!(
                max_diff(&a, e, 200) < 1e-15,
                "{name}: {}",
                max_diff(&a, e, 200)
            );
        }
        let torch = eq
            .iter()
            .find(|e| e.framework == "PyTorch")
            .expect("present");
        assert!(torch.notes.iter().any(|n| n.contains("no peak decay")));
        let keras = eq.iter().find(|e| e.framework == "Keras").expect("present");
        assert!(keras.notes.iter().any(|n| n.contains("m_mul")));
    }

    #[test]
    fn overlap_warmup_reports_timms_hand_off_jump() {
        let a = Anneal {
            warmup: Warmup {
                length: 10.0,
                placement: WarmupPlacement::Overlap,
                ..Warmup::default()
            },
            ..Anneal::default()
        };
        let timm = &equivalents(&a, 120.0)[1];
        assert!(
            timm.notes.iter().any(|n| n.contains("hands off mid-curve")),
            "{:?}",
            timm.notes
        );
    }
}
