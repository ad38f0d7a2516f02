//! The explorer settings nearest to a framework mode, and what they cannot show.

use crate::format::format_value;
use crate::schedule::frameworks::transformers::Cosine;
use crate::schedule::frameworks::Mode;
use crate::schedule::WarmupShape;
use crate::share::{
    NumberKey, Settings, Unit, CYCLE_LIMIT, DECAY, ETA_MAX, ETA_MIN, ETA_MIN_FRAC, K_DECAY, T_MAX,
    T_MULT, WARMUP, WARMUP_START,
};

/// Schedule fields reset before a mode is written: the import describes the whole schedule.
fn cleared(current: &Settings) -> Settings {
    Settings {
        lab: current.lab.clone(),
        view: current.view,
        log_y: current.log_y,
        horizon: current.horizon,
        unit: Unit::Steps,
        ..Settings::default()
    }
}

/// Writes `value` into a field through its key's range, noting when it had to move.
fn put(field: &mut f64, key: &NumberKey, value: f64, notes: &mut Vec<String>) {
    let c = key.clamp(value);
    if c.message.is_some() {
        notes.push(format!(
            "{} = {} is outside what the explorer shows: using {}",
            key.key,
            format_value(value),
            format_value(c.value)
        ));
    }
    *field = c.value;
}

/// The nearest settings for `mode`, keeping `current`'s lab and view, with notes.
pub fn settings_for(mode: &Mode, current: &Settings) -> (Settings, Vec<String>) {
    let mut s = cleared(current);
    let mut n = Vec::new();
    match mode {
        Mode::TorchCosine(m) => {
            put(&mut s.eta_max, &ETA_MAX, m.base, &mut n);
            put(&mut s.eta_min, &ETA_MIN, m.eta_min, &mut n);
            put(&mut s.t_max, &T_MAX, m.t_max, &mut n);
        }
        Mode::TorchWarmRestarts(m) | Mode::TorchWarmRestartsEpoch(m) => {
            s.restarts = true;
            put(&mut s.eta_max, &ETA_MAX, m.base, &mut n);
            put(&mut s.eta_min, &ETA_MIN, m.eta_min, &mut n);
            put(&mut s.t_max, &T_MAX, m.t_0 as f64, &mut n);
            put(&mut s.t_mult, &T_MULT, m.t_mult as f64, &mut n);
        }
        Mode::TorchLinearThenCosine(m) => {
            put(&mut s.eta_max, &ETA_MAX, m.base, &mut n);
            put(&mut s.eta_min, &ETA_MIN, m.cosine.eta_min, &mut n);
            put(&mut s.t_max, &T_MAX, m.cosine.t_max, &mut n);
            put(&mut s.warmup, &WARMUP, m.milestone as f64, &mut n);
            put(
                &mut s.warmup_start,
                &WARMUP_START,
                m.base * m.start_factor,
                &mut n,
            );
            if m.end_factor != 1.0 || m.total_iters != m.milestone as f64 {
                n.push("the warm-up is drawn as a linear ramp to η_max over the milestone".into());
            }
        }
        Mode::Timm(m) => {
            put(&mut s.eta_max, &ETA_MAX, m.base, &mut n);
            put(&mut s.eta_min, &ETA_MIN, m.lr_min, &mut n);
            put(&mut s.t_max, &T_MAX, m.t_initial, &mut n);
            s.restarts = m.cycle_limit > 1.0;
            if s.restarts {
                put(&mut s.t_mult, &T_MULT, m.cycle_mul, &mut n);
                put(&mut s.decay, &DECAY, m.cycle_decay, &mut n);
                if m.cycle_limit < 1e6 {
                    put(&mut s.cycle_limit, &CYCLE_LIMIT, m.cycle_limit, &mut n);
                }
            }
            put(&mut s.warmup, &WARMUP, m.warmup_t, &mut n);
            put(&mut s.warmup_start, &WARMUP_START, m.warmup_lr_init, &mut n);
            s.warmup_overlap = !m.warmup_prefix && m.warmup_t > 0.0;
            put(&mut s.k_decay, &K_DECAY, m.k_decay, &mut n);
        }
        Mode::HfCosine(m) => {
            put(&mut s.eta_max, &ETA_MAX, m.base, &mut n);
            put(&mut s.warmup, &WARMUP, m.num_warmup_steps, &mut n);
            let decay = (m.num_training_steps - m.num_warmup_steps).max(1.0);
            match m.kind {
                Cosine::HardRestarts => {
                    let cycles = m.num_cycles.max(1.0);
                    s.restarts = true;
                    s.t_mult = 1.0;
                    put(&mut s.t_max, &T_MAX, decay / cycles, &mut n);
                    put(&mut s.cycle_limit, &CYCLE_LIMIT, cycles.round(), &mut n);
                }
                Cosine::MinLr { min_lr_rate } | Cosine::MinLrRate { min_lr_rate, .. } => {
                    put(&mut s.t_max, &T_MAX, decay, &mut n);
                    s.eta_min_rel = true;
                    put(&mut s.eta_min_frac, &ETA_MIN_FRAC, min_lr_rate, &mut n);
                }
                Cosine::WithWarmup => put(&mut s.t_max, &T_MAX, decay, &mut n),
            }
            if m.num_cycles != 0.5 && !matches!(m.kind, Cosine::HardRestarts) {
                n.push(format!(
                    "num_cycles = {}: the explorer draws half a cosine wave",
                    format_value(m.num_cycles)
                ));
            }
        }
        Mode::OptaxCosine(m) => {
            put(&mut s.eta_max, &ETA_MAX, m.init_value, &mut n);
            put(&mut s.eta_min, &ETA_MIN, m.alpha * m.init_value, &mut n);
            put(&mut s.t_max, &T_MAX, m.decay_steps, &mut n);
            exponent(m.exponent, &mut n);
        }
        Mode::OptaxWarmupCosine(m) => warmup_cosine(&mut s, m, &mut n),
        Mode::OptaxSgdr(m) => {
            if let Some(first) = m.cycles.first() {
                warmup_cosine(&mut s, first, &mut n);
                s.restarts = m.cycles.len() > 1;
                if let Some(second) = m.cycles.get(1) {
                    let cosine = |c: &crate::schedule::frameworks::optax::WarmupCosineDecay| {
                        (c.decay_steps - c.warmup_steps).max(1e-9)
                    };
                    put(
                        &mut s.t_mult,
                        &T_MULT,
                        cosine(second) / cosine(first),
                        &mut n,
                    );
                    let decay = second.peak_value / first.peak_value.max(1e-300);
                    put(&mut s.decay, &DECAY, decay, &mut n);
                    s.warmup_every = second.warmup_steps > 0.0;
                }
                put(
                    &mut s.cycle_limit,
                    &CYCLE_LIMIT,
                    m.cycles.len() as f64,
                    &mut n,
                );
                n.push("drawn from the first two cycles' lengths and peaks".into());
            }
        }
        Mode::KerasCosine(m) => {
            let peak = m.warmup_target.unwrap_or(m.initial_learning_rate);
            put(&mut s.eta_max, &ETA_MAX, peak, &mut n);
            put(&mut s.eta_min, &ETA_MIN, m.alpha * peak, &mut n);
            put(&mut s.t_max, &T_MAX, m.decay_steps, &mut n);
            if m.warmup_target.is_some() {
                put(&mut s.warmup, &WARMUP, m.warmup_steps, &mut n);
                put(
                    &mut s.warmup_start,
                    &WARMUP_START,
                    m.initial_learning_rate,
                    &mut n,
                );
            }
        }
        Mode::KerasRestarts(m) => {
            s.restarts = true;
            put(&mut s.eta_max, &ETA_MAX, m.initial_learning_rate, &mut n);
            put(
                &mut s.eta_min,
                &ETA_MIN,
                m.alpha * m.initial_learning_rate,
                &mut n,
            );
            put(&mut s.t_max, &T_MAX, m.first_decay_steps, &mut n);
            put(&mut s.t_mult, &T_MULT, m.t_mul, &mut n);
            put(&mut s.decay, &DECAY, m.m_mul, &mut n);
            if m.m_mul != 1.0 && m.alpha > 0.0 {
                n.push("Keras decays the floor with m_mul too; the explorer keeps it fixed".into());
            }
        }
        Mode::TorchOneCycle(_) | Mode::HfWsd(_) | Mode::OptaxOnecycle(_) => {
            n.push("not a cosine-annealing schedule: shown as an overlay only".into());
            return (current.clone(), n);
        }
    }
    (s, n)
}

fn exponent(e: f64, notes: &mut Vec<String>) {
    if e != 1.0 {
        notes.push(format!(
            "exponent = {}: the explorer draws exponent 1",
            format_value(e)
        ));
    }
}

fn warmup_cosine(
    s: &mut Settings,
    m: &crate::schedule::frameworks::optax::WarmupCosineDecay,
    n: &mut Vec<String>,
) {
    put(&mut s.eta_max, &ETA_MAX, m.peak_value, n);
    put(&mut s.eta_min, &ETA_MIN, m.end_value, n);
    put(&mut s.warmup, &WARMUP, m.warmup_steps, n);
    put(&mut s.warmup_start, &WARMUP_START, m.init_value, n);
    put(
        &mut s.t_max,
        &T_MAX,
        (m.decay_steps - m.warmup_steps).max(1.0),
        n,
    );
    s.warmup_shape = WarmupShape::Linear;
    exponent(m.exponent, n);
}
