//! What the schedule chart draws over the current curve: a preset's contrast, pins and the
//! frameworks' versions, each in its own colour.

use super::framework_curves::FrameworkCurve;
use crate::charts::{Overlay, OverlaySource};
use crate::schedule::Family;
use crate::share::{Pin, MAX_PINS};

/// Colours for pins (orange, green, purple, pink), apart from the current curve's blue.
pub const PIN_COLORS: [(u8, u8, u8); MAX_PINS] =
    [(234, 88, 12), (22, 163, 74), (147, 51, 234), (219, 39, 119)];

/// Colour of a preset's contrast curve (slate).
pub const CONTRAST_COLOR: (u8, u8, u8) = (71, 85, 105);

/// A preset's contrast curve, when shown.
#[derive(Clone, Debug, PartialEq)]
pub struct ContrastCurve {
    /// Legend text.
    pub label: &'static str,
    /// The shape.
    pub family: Family,
    /// Drawn or not.
    pub shown: bool,
}

/// The overlays to draw: a preset's contrast, visible pins, then the frameworks.
pub fn overlays(
    contrast: Option<&ContrastCurve>,
    pins: &[Option<Pin>; MAX_PINS],
    frameworks: &[FrameworkCurve],
) -> Vec<Overlay> {
    let contrast = contrast.filter(|c| c.shown).map(|c| Overlay {
        label: c.label.to_string(),
        color: CONTRAST_COLOR,
        source: OverlaySource::Family(c.family.clone()),
    });
    // A pin's colour is its slot's, so it keeps its colour when others are removed.
    let pinned = pins.iter().enumerate().filter_map(|(slot, p)| {
        let p = p.as_ref().filter(|p| !p.hidden)?;
        Some(Overlay {
            label: p.name.clone(),
            color: PIN_COLORS[slot],
            source: OverlaySource::Schedule(p.settings.resolve().phases),
        })
    });
    let fw = frameworks.iter().filter_map(|f| {
        let pts = f.samples.as_ref().ok()?;
        Some(Overlay {
            label: f.framework.name().to_string(),
            color: f.framework.color(),
            source: OverlaySource::Samples(pts.clone()),
        })
    });
    contrast.into_iter().chain(pinned).chain(fw).collect()
}

/// A colour as CSS.
pub fn swatch((r, g, b): (u8, u8, u8)) -> String {
    format!("rgb({r}, {g}, {b})")
}
