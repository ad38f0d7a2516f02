//! The explorer settings for a framework mode: the library's module names the nearest Anneal
//! schedule, this writes it into the settings through each key's range.

use crate::format::{format_value, round_significant};
use crate::schedule::frameworks::Mode;
use crate::schedule::{Anneal, Family, Schedule, WarmupPlacement, WarmupScope};
use crate::share::{
    NumberKey, Settings, Unit, CYCLE_LIMIT, DECAY, ETA_MAX, ETA_MIN, ETA_MIN_FRAC, K_DECAY, T_MAX,
    T_MULT, WARMUP, WARMUP_START,
};

/// Schedule fields reset before a mode is written: the import describes the whole schedule, in
/// `unit` (the call's own). The pins and the training setup stay (it still says how long
/// training is), and the horizon is kept: its optimizer steps, rounded up to whole units of the
/// call's (the setup note says so).
fn cleared(current: &Settings, unit: Unit) -> Settings {
    let mut s = Settings {
        lab: current.lab.clone(),
        view: current.view,
        // Pins stay to compare against, as through a preset.
        pins: current.pins.clone(),
        log_y: current.log_y,
        unit,
        steps_per_epoch: current.steps_per_epoch,
        grad_accum: current.grad_accum,
        examples: current.examples,
        batch: current.batch,
        devices: current.devices,
        epochs: current.epochs,
        drop_last: current.drop_last,
        steps_rule: current.steps_rule,
        ..Settings::default()
    };
    s.horizon = (current.horizon * current.steps_per_unit() / s.steps_per_unit()).ceil();
    s
}

/// What an import that wrote `written` changes in `current` beyond its schedule, said so:
/// lengths counted in steps and ratios of training the call's own lengths replace.
pub fn setup_notes(current: &Settings, written: &Settings) -> Vec<String> {
    let mut notes = Vec::new();
    if current.unit != written.unit {
        let horizon = if current.horizon > 0.0 {
            format!(
                " (the horizon, {} {}, is now {} {})",
                format_value(current.horizon),
                current.unit.name(),
                format_value(written.horizon),
                written.unit.name()
            )
        } else {
            String::new()
        };
        let counts = match written.unit {
            Unit::Steps => "optimizer steps",
            Unit::Epochs => "epochs",
        };
        notes.push(format!(
            "the call counts {counts}: lengths are now in {}{horizon}",
            written.unit.name()
        ));
    }
    for (key, value) in [
        ("warmup_ratio", current.warmup_ratio),
        ("t_max_ratio", current.t_max_ratio),
    ] {
        if value > 0.0 {
            notes.push(format!(
                "{key} = {} is replaced by the call's own lengths",
                format_value(value)
            ));
        }
    }
    notes
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
    // To 15 digits, as a person writes it: `lr / 100` reads 3e-6 in its box and the link, not
    // Python's 2.9999999999999997e-6; the mode keeps the exact value.
    *field = round_significant(c.value, 15);
}

/// `a`, its lengths in `unit`, written into `current`'s settings (its lab and view kept), with a
/// note for every value the explorer cannot hold. Fields without a meaning for `a` keep the
/// explorer's defaults: T_mult without restarts, the absolute floor when the floor is relative
/// and vice versa.
fn settings_from(a: &Anneal, current: &Settings, unit: Unit) -> (Settings, Vec<String>) {
    let mut s = cleared(current, unit);
    let n = &mut Vec::new();
    put(&mut s.eta_max, &ETA_MAX, a.eta_max, n);
    if a.eta_min_relative {
        s.eta_min_rel = true;
        put(&mut s.eta_min_frac, &ETA_MIN_FRAC, a.eta_min, n);
    } else {
        put(&mut s.eta_min, &ETA_MIN, a.eta_min, n);
    }
    // The explorer counts whole steps: a fractional cycle (hard restarts over 700 steps in 3
    // cycles) is drawn whole, said here, while the call's own curve stays exact.
    if a.t_0.fract() != 0.0 {
        let (what, drift) = if a.restarts {
            ("cycles are", "its restarts drift from the call's")
        } else {
            ("cosine is", "it ends apart from the call's")
        };
        n.push(format!(
            "T_0 = {} {unit} is not whole: the explorer's {what} {} {unit}, so {drift}, whose own curve is drawn exactly",
            crate::format::shown(a.t_0),
            format_value(a.t_0.round().max(1.0)),
            unit = unit.name()
        ));
    }
    put(&mut s.t_max, &T_MAX, a.t_0.round(), n);
    s.restarts = a.restarts;
    if a.restarts {
        put(&mut s.t_mult, &T_MULT, a.t_mult, n);
    }
    put(&mut s.decay, &DECAY, a.decay, n);
    let limit = a.cycle_limit.map_or(0.0, f64::from);
    put(&mut s.cycle_limit, &CYCLE_LIMIT, limit, n);
    let w = &a.warmup;
    put(&mut s.warmup, &WARMUP, w.length, n);
    put(&mut s.warmup_start, &WARMUP_START, w.start, n);
    s.warmup_shape = w.shape;
    s.warmup_every = w.scope == WarmupScope::EveryCycle;
    s.warmup_overlap = w.placement == WarmupPlacement::Overlap;
    put(&mut s.k_decay, &K_DECAY, a.k_decay, n);
    if a.exponent != 1.0 {
        n.push(format!(
            "exponent = {}: the explorer draws exponent 1",
            format_value(a.exponent)
        ));
    }
    (s, std::mem::take(n))
}

/// The explorer's settings drawing `schedule`: its first cosine on the cosine controls (when they
/// hold it unchanged), every phase in the phases text, so each is editable.
fn settings_from_phases(
    schedule: &Schedule,
    current: &Settings,
    unit: Unit,
) -> Result<Settings, String> {
    let cosine = schedule.phases.iter().find_map(|f| match f {
        Family::Cosine(a) => Some(a),
        _ => None,
    });
    // Controls that would have to round the cosine stay at their defaults: the phase keeps it.
    let mut s = match cosine.map(|a| settings_from(a, current, unit)) {
        Some((s, notes)) if notes.is_empty() => s,
        _ => cleared(current, unit),
    };
    let controls = s.resolve().schedule;
    // T_mult means nothing without restarts: a cosine that differs from the controls only there
    // is theirs, so the sliders edit it.
    let mut schedule = schedule.clone();
    for phase in &mut schedule.phases {
        if let Family::Cosine(a) = phase {
            if !a.restarts && a.t_mult != controls.t_mult {
                let mut same = a.clone();
                same.t_mult = controls.t_mult;
                if same == controls {
                    *a = same;
                }
            }
        }
    }
    s.phases = schedule.to_text(&controls);
    Schedule::parse(&s.phases, &controls).map_err(|e| {
        format!("Anneal's phases cannot hold this call ({e}): shown as an overlay only")
    })?;
    Ok(s)
}

/// The nearest settings for `mode`, its lengths in `unit` (epochs of `every` optimizer steps,
/// for a call stepped per epoch), keeping `current`'s lab and view, with notes; a mode no phases
/// draw leaves `current` as it is.
pub fn settings_for(
    mode: &Mode,
    current: &Settings,
    (unit, every): (Unit, f64),
) -> (Settings, Vec<String>) {
    let nearest = mode.nearest();
    if let Some(a) = nearest.cosine() {
        let (s, mut notes) = settings_from(a, current, unit);
        notes.extend(nearest.notes);
        return (s, notes);
    }
    let mut notes = nearest.notes;
    match nearest.schedule.as_ref().map(|p| match unit {
        Unit::Steps => settings_from_phases(p, current, unit),
        Unit::Epochs => {
            let p = in_steps(p, every).ok_or_else(|| {
                "Anneal's phases count optimizer steps, not the call's epochs: the call is drawn as its own curve".to_string()
            })?;
            notes.push(format!(
                "Anneal's phases count optimizer steps: each of the call's epochs is {} there",
                crate::format::quantity(every, "step")
            ));
            settings_from_phases(&p, current, unit)
        }
    }) {
        Some(Ok(s)) => (s, notes),
        Some(Err(why)) => beside(mode, current, unit, vec![why]),
        None => beside(mode, current, unit, notes),
    }
}

/// `schedule`, counted in epochs, in optimizer steps for a call stepped once every `every` of
/// them: a step decay over whole epochs drops where training sees it drop. `None` where a
/// phase would not be exact so (a ramp held per epoch, a fractional length).
fn in_steps(schedule: &Schedule, every: f64) -> Option<Schedule> {
    let whole = |t: f64| t.fract() == 0.0;
    let mut s = schedule.clone();
    for phase in &mut s.phases {
        match phase {
            Family::Constant(_) => {}
            Family::Step(d) if whole(d.step_size) => d.step_size *= every,
            Family::Multistep(m) if m.milestones.iter().all(|&t| whole(t)) => {
                m.milestones.iter_mut().for_each(|t| *t *= every);
            }
            _ => return None,
        }
    }
    for b in &mut s.boundaries {
        if !whole(*b) {
            return None;
        }
        *b *= every;
    }
    Some(s)
}

/// Samples taken to find the peak of a call drawn only as an overlay.
const PEAK_SAMPLES: f64 = 4096.0;

/// A call no phases draw stays an overlay beside the explorer's cosine, which takes the call's
/// peak and length: both then read on one axis over the whole call (the default 0.1 over 120
/// steps flattened a 1e-3 call and cut it off). A horizon the user set stays, as in every
/// import: one set here carried a call's length into the next import.
fn beside(
    mode: &Mode,
    current: &Settings,
    unit: Unit,
    mut notes: Vec<String>,
) -> (Settings, Vec<String>) {
    let length = mode.length().ceil();
    let peak = (length.is_finite() && length >= 1.0)
        .then(|| {
            mode.eval(&crate::export::whole_steps(length, PEAK_SAMPLES))
                .ok()
        })
        .flatten()
        .and_then(|v| v.into_iter().filter(|x| x.is_finite()).reduce(f64::max))
        .filter(|&p| p > 0.0);
    let Some(peak) = peak else {
        return (current.clone(), notes);
    };
    // The fewest digits within a millionth of the peak: a tanh's sampled 0.0999999168471972
    // reads 0.1, a product's 0.059049 stays.
    let near = (1..=15)
        .map(|digits| round_significant(peak, digits))
        .find(|r| (r - peak).abs() <= 1e-6 * peak)
        .unwrap_or(peak);
    let cosine = Anneal {
        eta_max: near,
        t_0: length,
        ..Anneal::default()
    };
    let (s, clamped) = settings_from(&cosine, current, unit);
    notes.extend(clamped);
    notes.push(format!(
        "drawn beside a cosine of the call's peak ({}{}) and length ({} {}): the explorer edits \
         that cosine, and the Code panel writes it",
        if near == round_significant(peak, 15) {
            ""
        } else {
            "≈ "
        },
        format_value(s.eta_max),
        format_value(length),
        unit.name()
    ));
    (s, notes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::Warmup;

    #[test]
    fn the_defaults_write_the_explorers_defaults_without_notes() {
        let (s, notes) = settings_from(&Anneal::default(), &Settings::default(), Unit::Steps);
        assert_eq!(s, Settings::default());
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn out_of_range_values_are_clamped_and_named() {
        let a = Anneal {
            t_0: 2e7,
            restarts: true,
            t_mult: 20.0,
            cycle_limit: Some(500),
            exponent: 2.0,
            ..Anneal::default()
        };
        let (s, notes) = settings_from(&a, &Settings::default(), Unit::Steps);
        assert_eq!((s.t_max, s.t_mult, s.cycle_limit), (1e6, 10.0, 100.0));
        assert_eq!(
            notes,
            [
                "t_max = 2e7 is outside what the explorer shows: using 1000000",
                "t_mult = 20 is outside what the explorer shows: using 10",
                "cycle_limit = 500 is outside what the explorer shows: using 100",
                "exponent = 2: the explorer draws exponent 1",
            ]
        );
    }

    #[test]
    fn a_relative_floor_and_a_warm_up_land_in_their_own_fields() {
        let a = Anneal {
            eta_min: 0.25,
            eta_min_relative: true,
            warmup: Warmup {
                length: 10.0,
                start: 0.01,
                placement: WarmupPlacement::Overlap,
                scope: WarmupScope::EveryCycle,
                ..Warmup::default()
            },
            ..Anneal::default()
        };
        let (s, _) = settings_from(&a, &Settings::default(), Unit::Steps);
        assert!(s.eta_min_rel && s.warmup_every && s.warmup_overlap);
        assert_eq!((s.eta_min_frac, s.eta_min), (0.25, ETA_MIN.default));
        assert_eq!((s.warmup, s.warmup_start), (10.0, 0.01));
        assert_eq!(s.t_mult, T_MULT.default, "no restarts: T_mult untouched");
    }
}
