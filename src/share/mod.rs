//! The state's typed key table: names, ranges and defaults shared by controls and links.

mod keys;
mod number;
mod presets;
mod settings;

pub use keys::*;
pub use number::{format_value, round_significant, Clamped, NumberKey, Scale, SLIDER_STEPS};
pub use presets::{Preset, PRESETS};
pub use settings::{Resolved, Settings, Unit};
