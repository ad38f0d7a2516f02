//! What the schedule chart draws over the current curve: pins and the frameworks' versions, each in its own colour.

use super::framework_curves::FrameworkCurve;
use crate::charts::{Overlay, OverlaySource, PER_EPOCH_COLOR, PIN_COLORS, RESUME_COLORS};
use crate::schedule::frameworks::resume::Way;
use crate::schedule::stepped_per_epoch;
use crate::share::{drawn_pins, Pin, Resolved, Resumed, View, MAX_PINS};

/// The overlays to draw: visible pins, then the frameworks `view` compares (with their momentum
/// when shown).
pub fn overlays(
    pins: &[Option<Pin>; MAX_PINS],
    frameworks: &[FrameworkCurve],
    view: View,
) -> Vec<Overlay> {
    let momentum = view.momentum;
    // A pin's colour is its slot's, so it keeps its colour when others are removed.
    let pinned = drawn_pins(pins).map(|(slot, p)| Overlay {
        label: p.label(slot),
        color: PIN_COLORS[slot],
        source: OverlaySource::Schedule(p.settings.resolve().phases),
        momentum: Vec::new(),
    });
    let fw = frameworks
        .iter()
        .filter(|f| view.compares(f.framework))
        .filter_map(|f| {
            let pts = f.samples.as_ref().ok()?;
            Some(Overlay {
                label: f.framework.name().to_string(),
                color: f.framework.color(),
                source: OverlaySource::Samples(pts.clone()),
                momentum: if momentum {
                    f.momentum.clone()
                } else {
                    Vec::new()
                },
            })
        });
    pinned.chain(fw).collect()
}

/// The schedule as it runs with `scheduler.step()` once per epoch; none when an epoch is a step.
pub fn per_epoch_overlay(r: &Resolved) -> Option<Overlay> {
    let (pts, staircase) = stepped_per_epoch(&r.phases, r.steps_per_epoch, r.horizon_steps);
    (!pts.is_empty()).then(|| Overlay {
        label: "step() per epoch".into(),
        color: PER_EPOCH_COLOR,
        source: if staircase {
            OverlaySource::Staircase(pts)
        } else {
            OverlaySource::Samples(pts)
        },
        momentum: Vec::new(),
    })
}

/// The resume preview's curves from step k on, one per way.
pub fn resume_overlays(ways: &[Resumed]) -> Vec<Overlay> {
    ways.iter()
        .map(|w| Overlay {
            label: resume_label(w).into(),
            color: RESUME_COLORS[w.way as usize],
            source: OverlaySource::Samples(w.points.clone()),
            momentum: Vec::new(),
        })
        .collect()
}

/// A way's name in the legend and the panel.
pub fn resume_label(w: &Resumed) -> &'static str {
    match w.way {
        Way::Restored => "resumed: state restored",
        Way::Recreated => "resumed: re-created",
    }
}

/// A colour as CSS.
pub fn swatch((r, g, b): (u8, u8, u8)) -> String {
    format!("rgb({r}, {g}, {b})")
}
