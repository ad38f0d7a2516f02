//! Anneal: learning-rate schedules, exact to the frameworks, drawn in the browser.
//!
//! Layers (arrows point down only): `ui` → `charts` → `share`, `export` → `schedule`.
//! `schedule`, `share` and `export` are pure Rust with no web types.

pub mod charts;
pub mod export;
pub mod format;
pub mod landscape;
mod named;
pub mod schedule;
pub mod share;
pub mod ui;
