//! The numeric keys of the schedule explorer, each named as it appears in a link.

use super::number::{NumberKey, Scale};

/// Peak learning rate η_max.
pub const ETA_MAX: NumberKey = NumberKey {
    key: "eta_max",
    label: "η_max (peak learning rate)",
    min: 1e-6,
    max: 10.0,
    default: 0.1,
    scale: Scale::Log,
    integer: false,
};

/// Floor learning rate η_min; zero is allowed and sits at the slider's left end.
pub const ETA_MIN: NumberKey = NumberKey {
    key: "eta_min",
    label: "η_min (floor learning rate)",
    min: 0.0,
    max: 10.0,
    default: 0.0,
    scale: Scale::LogWithZero { smallest: 1e-7 },
    integer: false,
};

/// Length of the cosine cycle T_max, in steps.
pub const T_MAX: NumberKey = NumberKey {
    key: "t_max",
    label: "T_max (steps per cycle)",
    min: 1.0,
    max: 1_000_000.0,
    default: 100.0,
    scale: Scale::Log,
    integer: true,
};
