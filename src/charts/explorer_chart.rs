//! The explorer's chart as data and drawing: the current schedule with its overlays (pins,
//! framework curves, an imported call), restart markers and warm-up bands, on any backend.

use std::cell::RefCell;

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingAreaErrorKind, DrawingBackend};
use plotters::style::RGBColor;

use super::{decimate, draw_schedule, envelope, Curve, PlotArea, ScheduleChart, Theme};
use crate::format::quantity;
use crate::schedule::{Schedule, ScheduleCache, WarmupScope};
use crate::share::{Resolved, Unit};

/// A curve drawn over the current schedule: a pinned schedule or a framework's values.
#[derive(Clone, Debug, PartialEq)]
pub struct Overlay {
    /// Legend text.
    pub label: String,
    /// Line colour.
    pub color: (u8, u8, u8),
    /// What to draw.
    pub source: OverlaySource,
    /// (step, momentum) the scheduler writes into the optimizer, drawn on a second axis; empty
    /// when it does not cycle it or the momentum is not shown.
    pub momentum: Vec<(f64, f64)>,
}

/// Where an overlay's points come from.
#[derive(Clone, Debug, PartialEq)]
pub enum OverlaySource {
    /// A schedule, drawn through the exact envelope.
    Schedule(Schedule),
    /// Values at given steps, decimated per pixel column.
    Samples(Vec<(f64, f64)>),
    /// Values each held from its step to the next sample's (a scheduler stepped less often
    /// than the optimizer), drawn like samples.
    Staircase(Vec<(f64, f64)>),
}

impl Overlay {
    /// η the curve has at `step`, and whether that is exact: the schedule's own value; a
    /// staircase's held value; or a sample's, exact at its own step and otherwise the last one
    /// before (a strided curve). `None` before the first sample and after the last (a library
    /// curve that stops early).
    pub fn value_at(&self, step: f64) -> Option<(f64, bool)> {
        let (v, held) = match &self.source {
            OverlaySource::Schedule(s) => return Some((s.lr(step), true)),
            OverlaySource::Samples(v) => (v, false),
            OverlaySource::Staircase(v) => (v, true),
        };
        let i = v.partition_point(|p| p.0 <= step);
        let (at, lr) = *v.get(i.checked_sub(1)?)?;
        if at == step {
            return Some((lr, true));
        }
        (i < v.len()).then_some((lr, held))
    }
}

/// The schedule's curve in x = steps, decimated to `columns`.
fn schedule_points(s: &Schedule, end: f64, columns: usize) -> Vec<(f64, f64)> {
    let cache = RefCell::new(ScheduleCache::default());
    let lr = |t: f64| s.lr_cached(t, &mut cache.borrow_mut());
    envelope(lr, |x, y, cap| s.breakpoints(x, y, cap), 0.0, end, columns)
}

/// Restart markers and warm-up bands drawn at most; more would be a solid smear.
const MAX_MARKS: usize = 60;

/// How the explorer's chart reads: its η axis, its x unit and whether it has a title.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Look {
    /// Logarithmic η axis.
    pub log_y: bool,
    /// Unit of the x axis.
    pub unit: Unit,
    /// Draw the title (`hide=title` drops it).
    pub titled: bool,
    /// The drawing grows by its legend's rows ([`ScheduleChart::grows`]).
    pub grows: bool,
}

/// Draws the explorer's chart for `r` and `overlays` on any backend, `columns` pixels across.
pub fn draw_explorer<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    r: &Resolved,
    overlays: &[Overlay],
    Look {
        log_y,
        unit,
        titled,
        grows,
    }: Look,
    columns: usize,
    scale: f64,
    theme: &Theme,
) -> Result<PlotArea, DrawingAreaErrorKind<DB::ErrorType>> {
    let (a, spu, end) = (&r.schedule, r.steps_per_unit, r.horizon_steps);
    let in_units = |pts: Vec<(f64, f64)>| -> Vec<(f64, f64)> {
        pts.into_iter().map(|(t, v)| (t / spu, v)).collect()
    };
    let points = in_units(schedule_points(&r.phases, end, columns));
    let overlay_points: Vec<Vec<(f64, f64)>> = overlays
        .iter()
        .map(|o| {
            in_units(match &o.source {
                OverlaySource::Schedule(s) => schedule_points(s, end, columns),
                OverlaySource::Samples(v) | OverlaySource::Staircase(v) => {
                    decimate(v, 0.0, end, columns)
                }
            })
        })
        .collect();
    // A composed schedule marks where each phase starts (numbered from 2), not the cosine's
    // restarts, and shades no warm-up: its phases say what each part is.
    let composed = r.composed();
    let (starts, first) = if composed {
        let mut b = r.phases.boundaries.clone();
        b.truncate(MAX_MARKS);
        (b, 2)
    } else {
        (a.restart_steps(end, MAX_MARKS), 1)
    };
    let restarts: Vec<(f64, u64)> = starts
        .iter()
        .zip(first..)
        .map(|(&t, i)| (t / spu, i))
        .collect();
    let w_len = a.warmup.length;
    let bands: Vec<(f64, f64)> = if w_len <= 0.0 || composed {
        Vec::new()
    } else if a.warmup.scope == WarmupScope::EveryCycle {
        std::iter::once(0.0)
            .chain(starts.iter().copied())
            .map(|s| (s / spu, (s + w_len) / spu))
            .collect()
    } else {
        vec![(0.0, w_len / spu)]
    };
    let mut curves: Vec<Curve> = overlays
        .iter()
        .zip(&overlay_points)
        .map(|(o, pts)| Curve {
            points: pts,
            color: RGBColor(o.color.0, o.color.1, o.color.2),
            label: Some(o.label.as_str()),
        })
        .collect();
    curves.push(Curve {
        points: &points,
        color: theme.curve,
        label: (!overlays.is_empty()).then_some("current"),
    });
    let cycled: Vec<&Overlay> = overlays.iter().filter(|o| !o.momentum.is_empty()).collect();
    let labels: Vec<String> = cycled
        .iter()
        .map(|o| format!("{} momentum", o.label))
        .collect();
    let momentum_points: Vec<Vec<(f64, f64)>> = cycled
        .iter()
        .map(|o| in_units(decimate(&o.momentum, 0.0, end, columns)))
        .collect();
    let momentum: Vec<Curve> = cycled
        .iter()
        .zip(&labels)
        .zip(&momentum_points)
        .map(|((o, label), pts)| Curve {
            points: pts,
            color: RGBColor(o.color.0, o.color.1, o.color.2),
            label: Some(label.as_str()),
        })
        .collect();
    let title = if !titled {
        String::new()
    } else if unit == Unit::Epochs {
        format!(
            "Learning rate over training (1 epoch = {})",
            quantity(spu, "optimizer step")
        )
    } else {
        "Learning rate over training".to_string()
    };
    let chart = ScheduleChart {
        title: &title,
        x_label: if unit == Unit::Epochs {
            "epoch"
        } else {
            "step"
        },
        y_label: "learning rate η",
        cursor: None,
        x_max: end / spu,
        curves: &curves,
        secondary: Some(("momentum", &momentum)),
        restarts: &restarts,
        warmup_bands: &bands,
        log_y,
        scale,
        grows,
    };
    draw_schedule(area, &chart, theme)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::{Anneal, Family};

    fn overlay(source: OverlaySource) -> Overlay {
        Overlay {
            label: "x".into(),
            color: (0, 0, 0),
            source,
            momentum: Vec::new(),
        }
    }

    #[test]
    fn an_overlay_reads_its_own_value_at_a_step() {
        let cosine = Anneal::default();
        let s = overlay(OverlaySource::Schedule(Schedule::single(Family::Cosine(
            cosine.clone(),
        ))));
        assert_eq!(s.value_at(37.0), Some((cosine.lr(37.0), true)));
        // Strided samples: the last one at or before the step, near but not exact between them,
        // and nothing past the last (a curve that stops early).
        let v = overlay(OverlaySource::Samples(vec![
            (0.0, 1.0),
            (5.0, 0.5),
            (10.0, 0.25),
        ]));
        assert_eq!(v.value_at(7.0), Some((0.5, false)));
        assert_eq!(v.value_at(10.0), Some((0.25, true)));
        assert_eq!(v.value_at(99.0), None);
        assert_eq!(v.value_at(-1.0), None);
        // Equal neighbours do not make a strided curve exact (samples landing on every peak).
        let peaks = overlay(OverlaySource::Samples(vec![(0.0, 1.0), (10.0, 1.0)]));
        assert_eq!(peaks.value_at(5.0), Some((1.0, false)));
        // A staircase holds its value to the next sample: exact all along.
        let stairs = overlay(OverlaySource::Staircase(vec![
            (0.0, 1.0),
            (4.0, 1.0),
            (4.0, 0.5),
            (8.0, 0.5),
        ]));
        assert_eq!(stairs.value_at(3.0), Some((1.0, true)));
        assert_eq!(stairs.value_at(4.0), Some((0.5, true)));
    }
}
