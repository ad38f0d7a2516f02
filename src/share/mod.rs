//! The state's typed key table: names, scopes, ranges, defaults and controls shared by the
//! page's controls and its links.

pub mod codec;
mod key;
mod keys;
mod lab;
mod lengths;
mod number;
mod phase_edit;
mod pins;
mod presets;
mod resume;
mod settings;
mod summary;
mod table;
mod table_macros;
mod value;
mod view;

pub use crate::format::{format_value, round_significant};
pub use key::{Control, Edit, Key, Kind, Scope, Val};
pub use keys::*;
pub use lab::*;
pub use number::{Clamped, NumberKey, Scale, SLIDER_STEPS};
pub use phase_edit::PhaseEdit;
pub use pins::{drawn_pins, pin_name, MAX_PIN_NAME};
pub use presets::{Preset, PRESETS};
pub use resume::{preview, ResumeAt, Resumed};
pub use settings::{Pin, Resolved, Settings, Unit, MAX_PINS};
pub(crate) use table::key;
pub use table::{key_named, keys_in, position, KEYS};
pub use value::{fits_link, parse_pin, pin_text, MAX_CALL_LEN};
pub use view::{ThemeChoice, View, CONTROLS, PARTS};
