//! The state's typed key table: names, ranges and defaults shared by controls and links.

pub mod codec;
mod keys;
mod lab;
mod number;
mod pins;
mod presets;
mod settings;
mod view;

pub use crate::format::{format_value, round_significant};
pub use keys::*;
pub use lab::*;
pub use number::{Clamped, NumberKey, Scale, SLIDER_STEPS};
pub use pins::{pin_text, Pin, MAX_PINS};
pub use presets::{Contrast, Preset, PRESETS};
pub use settings::{Resolved, Settings, Unit};
pub use view::{ThemeChoice, View, PARTS};
