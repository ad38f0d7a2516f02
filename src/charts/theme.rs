//! Colours for charts, so every backend draws the same picture.

use plotters::style::RGBColor;

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
    };
}
