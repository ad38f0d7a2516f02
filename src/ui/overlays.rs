//! What the schedule chart draws over the current curve: pins and the frameworks' versions, each in its own colour.

use super::framework_curves::FrameworkCurve;
use crate::charts::{Overlay, OverlaySource};
use crate::share::{Pin, View, MAX_PINS};

/// Colours for pins (orange, green, purple, pink), apart from the current curve's blue.
pub const PIN_COLORS: [(u8, u8, u8); MAX_PINS] =
    [(234, 88, 12), (22, 163, 74), (147, 51, 234), (219, 39, 119)];

/// The overlays to draw: visible pins, then the frameworks `view` compares (with their momentum
/// when shown).
pub fn overlays(
    pins: &[Option<Pin>; MAX_PINS],
    frameworks: &[FrameworkCurve],
    view: View,
) -> Vec<Overlay> {
    let momentum = view.momentum;
    // A pin's colour is its slot's, so it keeps its colour when others are removed.
    let pinned = pins.iter().enumerate().filter_map(|(slot, p)| {
        let p = p.as_ref().filter(|p| !p.hidden)?;
        Some(Overlay {
            label: p.name.clone(),
            color: PIN_COLORS[slot],
            source: OverlaySource::Schedule(p.settings.resolve().phases),
            momentum: Vec::new(),
        })
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

/// A colour as CSS.
pub fn swatch((r, g, b): (u8, u8, u8)) -> String {
    format!("rgb({r}, {g}, {b})")
}
