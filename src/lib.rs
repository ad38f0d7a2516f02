//! Anneal: learning-rate schedules, exact to the frameworks, drawn in the browser.
//!
//! Layers (arrows point down only):
//! `ui` → `charts` → `export` → `share` → `training`, `landscape` → `schedule` →
//! `format`, `fmath`, `named`.
//! Everything but `ui` is pure Rust with no web types; the CLI (`src/bin/anneal/`) and the page
//! (`src/main.rs`) sit on top.

pub mod charts;
pub mod export;
pub mod fmath;
pub mod format;
pub mod landscape;
mod named;
pub mod schedule;
pub mod share;
pub mod sort;
pub mod training;
pub mod ui;
