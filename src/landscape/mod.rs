//! The loss-landscape lab's core: 2-D surfaces, optimizers driven by a schedule, seeded noise,
//! runs that stop at the first non-finite iterate, and where each run ends up.
//!
//! Pure Rust with no web types. Transcendentals come from [`crate::fmath`] so a seeded run is
//! the same bit for bit natively and in the browser.

mod basin_map;
mod basins;
mod contenders;
mod experiment;
mod heatmap;
mod optimizer;
mod outcome;
mod race;
mod rng;
mod run;
mod surface;

pub use basin_map::BasinMap;
pub use basins::{nearest, settle, Basins};
pub use contenders::{contenders, fit_to_run, is_composed, Contender, YOUR_SCHEDULE};
pub use experiment::{Experiment, Tally};
pub use heatmap::Heatmap;
pub use optimizer::{Hyper, Optimizer, Rule, State};
pub use outcome::{outcome, Judge, Outcome, Snapshot};
pub use race::Race;
pub use rng::Gaussian;
pub use run::{run, run_with, Noise, Run, RunSpec, Runner, Stop};
pub use surface::{Minimum, Point, Surface};
