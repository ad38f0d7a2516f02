//! Chart drawing, generic over plotters' backends: the browser canvas, SVG exports, test bitmaps.

mod schedule_chart;
mod theme;

pub use schedule_chart::{draw_schedule, tick_label, ScheduleChart};
pub use theme::Theme;
