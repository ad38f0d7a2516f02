//! Chart drawing, generic over plotters' backends: the browser canvas, SVG exports, test bitmaps.

mod basin_chart;
mod colour_scale;
mod dense;
mod envelope;
mod explorer_chart;
mod landscape_chart;
mod legend;
mod path_pieces;
mod recording;
mod schedule_chart;
mod secondary_axis;
mod size;
mod svg;
mod theme;
mod tiles;

pub use basin_chart::{basin_color, draw_basin_map};
pub use colour_scale::draw_colour_scale;
pub use envelope::{decimate, envelope};
pub use explorer_chart::{draw_explorer, Look, Overlay, OverlaySource};
pub use landscape_chart::{draw_paths, draw_surface, Frame, PathView, PALETTE};
pub use recording::{record, replay, replay_op, Font, Op, Recording, Stroke};
pub use schedule_chart::{draw_schedule, tick_label, Curve, PlotArea, ScheduleChart, NARROW_CHART};
pub use size::chart_height;
pub use svg::svg;
pub use theme::{sans, Theme, IMPORTED_COLOR, PER_EPOCH_COLOR, PIN_COLORS, RESUME_COLORS};
pub use tiles::{is_tile, tiles, Tiles, MIN_TILES};
