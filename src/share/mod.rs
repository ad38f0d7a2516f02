//! The state's typed key table: names, ranges and defaults shared by controls and links.

mod keys;
mod number;

pub use keys::{ETA_MAX, ETA_MIN, T_MAX};
pub use number::{format_value, round_significant, Clamped, NumberKey, Scale, SLIDER_STEPS};
