//! Colours for charts, so every backend draws the same picture.

use plotters::style::RGBColor;

/// Pins' colours by slot (pink, rose, wine, plum). With the theme's curve and the frameworks'
/// colours they are told apart with any colour vision: `tests/palette.rs` checks every pair.
pub const PIN_COLORS: [(u8, u8, u8); crate::share::MAX_PINS] = [
    (204, 121, 167),
    (238, 102, 119),
    (170, 51, 119),
    (153, 68, 85),
];

/// An imported call's own curve (indigo), apart from every other curve's colour.
pub const IMPORTED_COLOR: (u8, u8, u8) = (85, 0, 238);

/// The schedule stepped once per epoch (violet), apart from every other curve's colour.
pub const PER_EPOCH_COLOR: (u8, u8, u8) = (119, 34, 153);

/// The resume preview's two ways: state restored (cyan), scheduler re-created (navy).
pub const RESUME_COLORS: [(u8, u8, u8); 2] = [(0, 187, 204), (0, 68, 187)];

/// The colours a chart is drawn with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    /// Fill behind everything.
    pub background: RGBColor,
    /// Titles, tick labels and axis names.
    pub text: RGBColor,
    /// Axis lines.
    pub axis: RGBColor,
    /// Major grid lines.
    pub grid: RGBColor,
    /// Minor grid lines.
    pub grid_light: RGBColor,
    /// The schedule curve.
    pub curve: RGBColor,
    /// Restart markers.
    pub marker: RGBColor,
    /// Warm-up shading.
    pub band: RGBColor,
}

impl Theme {
    /// The light theme used by default and in exports.
    pub const LIGHT: Theme = Theme {
        background: RGBColor(255, 255, 255),
        text: RGBColor(33, 37, 41),
        axis: RGBColor(73, 80, 87),
        grid: RGBColor(222, 226, 230),
        grid_light: RGBColor(241, 243, 245),
        curve: RGBColor(37, 99, 235),
        marker: RGBColor(134, 142, 150),
        band: RGBColor(255, 212, 121),
    };

    /// The dark theme, for `prefers-color-scheme: dark`.
    pub const DARK: Theme = Theme {
        background: RGBColor(24, 26, 31),
        text: RGBColor(222, 226, 230),
        axis: RGBColor(173, 181, 189),
        grid: RGBColor(52, 58, 64),
        grid_light: RGBColor(36, 40, 46),
        curve: RGBColor(96, 165, 250),
        marker: RGBColor(134, 142, 150),
        band: RGBColor(180, 130, 40),
    };
}

/// The charts' sans-serif font at `size` px. Built from the family, not parsed from
/// "sans-serif": plotters lowercases a parsed name, which links Unicode's case tables (~4 KiB
/// of the download).
pub fn sans(size: f64) -> plotters::style::FontDesc<'static> {
    plotters::style::FontDesc::new(
        plotters::style::FontFamily::SansSerif,
        size,
        plotters::style::FontStyle::Normal,
    )
}
