//! An imported call's curve, derived from the code the settings keep: a link, Back and a preset
//! carry it as they carry pins.

use leptos::prelude::*;

use super::chart_view::{Overlay, OverlaySource};
use crate::charts::IMPORTED_COLOR;
use crate::export::{import, whole_steps};
use crate::schedule::frameworks::Mode;
use crate::share::Settings;

/// Samples of an imported curve at most, as for the framework overlays.
const MAX_SAMPLES: f64 = 20_000.0;

/// An imported call: its overlay, and its mode for the CSV's steps.
#[derive(Clone, Debug)]
pub struct Imported {
    /// What the chart draws.
    pub overlay: Overlay,
    /// The library's exact mode.
    pub mode: Mode,
}

/// The curve of the call in `settings.imported` (none while it is empty or reads nothing). It
/// is read again when the code changes, and on an η_max change only for a call whose lr η_max
/// stands in for. A signal an effect sets, not a memo: a memo would compare every mode's
/// parameters (2 KiB of code) to tell a new curve from the last.
pub fn imported_curve(settings: RwSignal<Settings>) -> ReadSignal<Option<Imported>> {
    let code = Memo::new(move |_| settings.with(|s| s.imported.clone()));
    let eta_max = Memo::new(move |_| settings.with(|s| s.eta_max));
    let (curve, set_curve) = signal(None::<Imported>);
    Effect::new(move |_| {
        let text = code.get();
        let found = (!text.is_empty())
            .then(|| settings.with_untracked(|s| import(&text, s)).ok())
            .flatten();
        if found.as_ref().is_some_and(|f| f.lr_assumed) {
            eta_max.track();
        }
        set_curve.set(found.map(curve_of));
    });
    curve
}

/// What the chart draws for `found`, and its mode.
fn curve_of(found: crate::export::Imported) -> Imported {
    let horizon = found.settings.resolve().horizon_steps;
    let steps = whole_steps(horizon, MAX_SAMPLES);
    let samples: Vec<(f64, f64)> = found
        .mode
        .eval(&steps)
        .map(|v| {
            steps
                .iter()
                .copied()
                .zip(v)
                .filter(|p| p.1.is_finite())
                .collect()
        })
        .unwrap_or_default();
    Imported {
        overlay: Overlay {
            label: found.label(),
            color: IMPORTED_COLOR,
            source: OverlaySource::Samples(samples),
            momentum: found.mode.momentum_curve(&steps),
        },
        mode: found.mode,
    }
}
