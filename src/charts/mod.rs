//! Chart drawing, generic over plotters' backends: the browser canvas, SVG exports, test bitmaps.

mod envelope;
mod schedule_chart;
mod theme;

pub use envelope::{decimate, envelope};
pub use schedule_chart::{draw_schedule, tick_label, Curve, PlotArea, ScheduleChart};
pub use theme::Theme;
