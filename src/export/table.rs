//! The series as CSV and the state as JSON, for download.

use crate::format::format_value;
use crate::schedule::frameworks::Mode;
use crate::schedule::{
    number, scheduler_step, Anneal, Family, ParamKind, ParamValue, ScheduleCache,
};
use crate::share::codec::{Val, KEYS, VERSION};
use crate::share::{drawn_pins, pin_text, Pin, Resolved, Settings, View};

/// Rows written at most; longer horizons are strided evenly.
pub const MAX_ROWS: f64 = 100_000.0;

/// A named curve for the CSV, evaluated at whole steps.
pub struct Column<'a> {
    /// Header text.
    pub name: &'a str,
    /// The learning rate at a step, or `None` where the curve has no value there.
    pub value: &'a dyn Fn(f64) -> Option<f64>,
}

/// A library's exact call as a CSV column.
pub struct ModeColumn<'a> {
    /// Header text.
    pub name: String,
    /// The library's mode.
    pub mode: &'a Mode,
    /// Optimizer steps between two of its steps: 1, or an epoch's for a call stepped per epoch.
    pub every: f64,
}

/// `name` safe inside a CSV header: quoted, inner quotes doubled.
fn header(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Whole steps from 0 to ⌊end⌋, evenly strided so there are at most `max` of them.
pub fn whole_steps(end: f64, max: f64) -> Vec<f64> {
    let end = end.floor().max(0.0);
    let stride = ((end + 1.0) / max).ceil().max(1.0);
    (0..=(end / stride) as u64)
        .map(|k| k as f64 * stride)
        .collect()
}

/// The steps a CSV of `r` lists: 0 to the horizon, at most [`MAX_ROWS`] of them.
pub fn csv_steps(r: &Resolved) -> Vec<f64> {
    whole_steps(r.horizon_steps, MAX_ROWS)
}

/// CSV with `step`, `epoch` (when the unit is epochs), the current schedule, then `columns`.
pub fn series_csv(r: &Resolved, columns: &[Column]) -> String {
    let epochs = r.steps_per_unit != 1.0;
    let mut out = String::from("step");
    if epochs {
        out += ",epoch";
    }
    out += ",lr";
    for c in columns {
        out.push(',');
        out += &header(c.name);
    }
    out.push('\n');
    let mut cache = ScheduleCache::default();
    for t in csv_steps(r) {
        // Steps and epochs as plain numbers (a script reads int("1000"), not "1e3"); rates
        // round-trip exact in the shorter of the plain and the exponent form (3e-13, not
        // 0.0000000000003).
        out += &format!("{t}");
        if epochs {
            out += &format!(",{}", t / r.steps_per_unit);
        }
        out.push(',');
        out += &number(r.phases.lr_cached(t, &mut cache));
        for c in columns {
            out.push(',');
            if let Some(v) = (c.value)(t).filter(|v| v.is_finite()) {
                out += &number(v);
            }
        }
        out.push('\n');
    }
    out
}

/// The CSV of what a chart shows: the current schedule, the visible `pins`, each of `modes` (a
/// compared framework's call, an imported call: named, exact), and the momentum any of them
/// cycles when `momentum` is shown.
pub fn visible_csv(
    r: &Resolved,
    pins: &[Option<Pin>],
    modes: &[ModeColumn],
    momentum: bool,
) -> String {
    let steps = csv_steps(r);
    let schedules: Vec<(String, crate::schedule::Schedule)> = drawn_pins(pins)
        .map(|(slot, p)| (p.label(slot), p.settings.resolve().phases))
        .collect();
    let framework_values: Vec<(String, Vec<f64>)> = modes
        .iter()
        .map(|c| {
            let counts: Vec<f64> = steps.iter().map(|&t| scheduler_step(t, c.every)).collect();
            // A scheduler that raises past its last step (OneCycleLR) leaves the rest blank.
            let upto = c
                .mode
                .last_step()
                .map_or(counts.len(), |last| counts.partition_point(|&s| s <= last));
            (
                c.name.clone(),
                c.mode.eval(&counts[..upto]).unwrap_or_default(),
            )
        })
        .collect();
    let at = |t: f64| steps.partition_point(|&s| s < t);
    let pin_fns: Vec<Box<dyn Fn(f64) -> Option<f64>>> = schedules
        .iter()
        .map(|(_, a)| Box::new(move |t: f64| Some(a.lr(t))) as Box<dyn Fn(f64) -> Option<f64>>)
        .collect();
    let fw_fns: Vec<Box<dyn Fn(f64) -> Option<f64> + '_>> = framework_values
        .iter()
        .map(|(_, v)| {
            Box::new(move |t: f64| v.get(at(t)).copied()) as Box<dyn Fn(f64) -> Option<f64>>
        })
        .collect();
    let mut columns: Vec<Column> = Vec::new();
    for ((name, _), f) in schedules.iter().zip(&pin_fns) {
        columns.push(Column {
            name,
            value: f.as_ref(),
        });
    }
    for ((name, _), f) in framework_values.iter().zip(&fw_fns) {
        columns.push(Column {
            name,
            value: f.as_ref(),
        });
    }
    let cycled: Vec<(String, &ModeColumn)> = modes
        .iter()
        .filter(|c| momentum && c.mode.momentum(0.0).is_some())
        .map(|c| (format!("{} momentum", c.name), c))
        .collect();
    let momentum_fns: Vec<Box<dyn Fn(f64) -> Option<f64> + '_>> = cycled
        .iter()
        .map(|(_, c)| {
            Box::new(move |t: f64| c.mode.momentum(scheduler_step(t, c.every)))
                as Box<dyn Fn(f64) -> Option<f64>>
        })
        .collect();
    for ((name, _), f) in cycled.iter().zip(&momentum_fns) {
        columns.push(Column {
            name,
            value: f.as_ref(),
        });
    }
    series_csv(r, &columns)
}

/// The full state as JSON: every key with its value, and the schedule it resolves to.
pub fn state_json(s: &Settings) -> String {
    let mut fields = vec![format!("\"v\": {VERSION}")];
    for key in KEYS {
        let v = match (key.get)(s) {
            Val::Num(x) => format_value(x),
            Val::Flag(b) => b.to_string(),
            Val::Name(n) => format!("\"{n}\""),
            Val::Mask(hide) => format!(
                "[{}]",
                View {
                    hide,
                    ..View::default()
                }
                .hidden_names()
                .iter()
                .map(|p| format!("\"{p}\""))
                .collect::<Vec<_>>()
                .join(", ")
            ),
            Val::Pin(p) => match p {
                Some(p) => serde_json::to_string(&pin_text(&p)).unwrap_or_default(),
                None => "null".to_string(),
            },
            Val::Text(t) => serde_json::to_string(&t).unwrap_or_default(),
        };
        fields.push(format!("\"{}\": {v}", key.name));
    }
    let r = s.resolve();
    let resolved = if r.composed() {
        // The phases are what is drawn: the controls' cosine only as a phase that uses it.
        let mut out = format!(
            "{{\"horizon_steps\": {}, \"phases\": [",
            format_value(r.horizon_steps)
        );
        for (i, phase) in r.phases.phases.iter().enumerate() {
            if i > 0 {
                out += ", ";
            }
            phase_json(phase, r.phases.start(i), &mut out);
        }
        out + "]}"
    } else {
        let a: &Anneal = &r.schedule;
        format!(
            "{{\"eta_max\": {}, \"eta_min\": {}, \"t_0_steps\": {}, \"warmup_steps\": {}}}",
            format_value(a.eta_max),
            format_value(a.floor()),
            format_value(a.t_0),
            format_value(a.warmup.length)
        )
    };
    fields.push(format!("\"resolved\": {resolved}"));
    format!("{{\n  {}\n}}\n", fields.join(",\n  "))
}

/// One phase as JSON on `out`: the step it starts at, its family and each parameter by its
/// link name.
fn phase_json(phase: &Family, from: f64, out: &mut String) {
    let kind = phase.kind();
    *out += "{\"from_step\": ";
    *out += &format_value(from);
    *out += ", \"family\": \"";
    *out += kind.name();
    out.push('"');
    for (spec, value) in kind.params().iter().zip(phase.values()) {
        *out += ", \"";
        *out += spec.name;
        *out += "\": ";
        match (spec.kind, value) {
            (ParamKind::Choice(options), ParamValue::Choice(i)) => {
                out.push('"');
                *out += options.get(i).map_or("", |o| o.0);
                out.push('"');
            }
            (_, ParamValue::Choice(i)) => *out += &i.to_string(),
            (_, ParamValue::Num(v)) => *out += &format_value(v),
            (_, ParamValue::List(list)) => {
                out.push('[');
                for (k, v) in list.iter().enumerate() {
                    if k > 0 {
                        *out += ", ";
                    }
                    *out += &format_value(*v);
                }
                out.push(']');
            }
        }
    }
    out.push('}');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::Unit;

    #[test]
    fn csv_lists_every_step_with_the_exact_rates() {
        let r = Settings::default().resolve();
        let half = |t: f64| Some(r.schedule.lr(t) / 2.0);
        let csv = series_csv(
            &r,
            &[Column {
                name: "half \"pin\"",
                value: &half,
            }],
        );
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "step,lr,\"half \"\"pin\"\"\"");
        assert_eq!(lines.len(), 1 + 121);
        assert_eq!(lines[1], "0,0.1,0.05");
        let row: Vec<f64> = lines[51]
            .split(',')
            .map(|x| x.parse().expect("number"))
            .collect();
        assert_eq!(row[0], 50.0);
        assert_eq!(row[1], r.schedule.lr(50.0));
    }

    #[test]
    fn csv_holds_the_composed_schedule_not_the_cosine_controls() {
        let s = Settings {
            phases: "linear(0.1,0,100)!100!constant(0.02)".into(),
            horizon: 150.0,
            ..Settings::default()
        };
        let csv = series_csv(&s.resolve(), &[]);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[51], "50,0.05");
        assert_eq!(lines[121], "120,0.02");
    }

    #[test]
    fn whole_steps_stride_evenly_within_the_limit() {
        assert_eq!(whole_steps(4.0, 100.0), vec![0.0, 1.0, 2.0, 3.0, 4.0]);
        assert_eq!(whole_steps(9.5, 5.0), vec![0.0, 2.0, 4.0, 6.0, 8.0]);
        assert!(whole_steps(1e6, 20_000.0).len() <= 20_000);
    }

    #[test]
    fn epochs_get_their_own_column_and_long_horizons_are_strided() {
        let s = Settings {
            unit: Unit::Epochs,
            t_max: 2000.0,
            horizon: 2000.0,
            ..Settings::default()
        };
        let r = s.resolve();
        let csv = series_csv(&r, &[]);
        assert!(csv.starts_with("step,epoch,lr\n0,0,0.1\n"));
        assert!(csv.lines().count() <= MAX_ROWS as usize + 2);
    }

    #[test]
    fn state_json_parses_and_names_every_key() {
        let s = Settings {
            eta_max: 0.05,
            restarts: true,
            ..Settings::default()
        };
        let v: serde_json::Value = serde_json::from_str(&state_json(&s)).expect("valid JSON");
        assert_eq!(v["v"], 2);
        assert_eq!(v["eta_max"], 0.05);
        assert_eq!(v["restarts"], true);
        assert_eq!(v["unit"], "steps");
        for key in KEYS {
            assert!(v.get(key.name).is_some(), "{}", key.name);
        }
        assert_eq!(v["resolved"]["t_0_steps"], 100.0);
    }

    #[test]
    fn a_composed_schedule_resolves_to_its_phases_not_to_the_unused_cosine() {
        let s = Settings {
            phases: "linear(0.1,0.01,600)!600!step(0.01,100,0.5)!900!cyclic(0.001,0.01,50)".into(),
            ..Settings::default()
        };
        let v: serde_json::Value = serde_json::from_str(&state_json(&s)).expect("valid JSON");
        let r = &v["resolved"];
        assert!(r.get("t_0_steps").is_none(), "{r}");
        assert_eq!(r["phases"][0]["family"], "linear");
        assert_eq!(r["phases"][0]["end"], 0.01);
        assert_eq!(r["phases"][1]["from_step"], 600.0);
        assert_eq!(r["phases"][1]["step_size"], 100.0);
        assert_eq!(r["phases"][2]["mode"], "triangular");
        assert_eq!(r["horizon_steps"], s.resolve().horizon_steps);
    }
}
