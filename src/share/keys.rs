//! The numeric keys of the schedule explorer, each named as it appears in a link.

use super::number::{NumberKey, Scale};

pub(super) const fn key(
    key: &'static str,
    label: &'static str,
    (min, max, default): (f64, f64, f64),
    scale: Scale,
    integer: bool,
) -> NumberKey {
    NumberKey {
        key,
        label,
        min,
        max,
        default,
        scale,
        integer,
        length: false,
    }
}

/// `spec` as a length (see [`NumberKey::length`]).
const fn length(spec: NumberKey) -> NumberKey {
    NumberKey {
        length: true,
        ..spec
    }
}

/// Peak learning rate η_max.
pub const ETA_MAX: NumberKey = key(
    "eta_max",
    "η_max (peak learning rate)",
    (1e-6, 10.0, 0.1),
    Scale::Log,
    false,
);

/// Absolute floor η_min; zero sits at the slider's left end.
pub const ETA_MIN: NumberKey = key(
    "eta_min",
    "η_min (floor learning rate)",
    (0.0, 10.0, 0.0),
    Scale::LogWithZero { smallest: 1e-7 },
    false,
);

/// Floor as a fraction of η_max, when the floor is relative.
pub const ETA_MIN_FRAC: NumberKey = key(
    "eta_min_frac",
    "η_min ÷ η_max",
    (0.0, 1.0, 0.1),
    Scale::Linear,
    false,
);

/// First cycle length: T_max without restarts, T_0 with them (in the chosen unit).
pub const T_MAX: NumberKey = length(key(
    "t_max",
    "T_max / T_0 (cycle length)",
    (1.0, 1_000_000.0, 100.0),
    Scale::Log,
    true,
));

/// Restart multiplier T_mult.
pub const T_MULT: NumberKey = key(
    "t_mult",
    "T_mult (cycle growth)",
    (1.0, 10.0, 2.0),
    Scale::Linear,
    false,
);

/// Peak decay γ per restart.
pub const DECAY: NumberKey = key(
    "decay",
    "γ (peak decay per restart)",
    (0.01, 1.0, 1.0),
    Scale::Linear,
    false,
);

/// Cycles before the floor holds; 0 restarts forever.
pub const CYCLE_LIMIT: NumberKey = key(
    "cycle_limit",
    "cycle limit (0 = no limit)",
    (0.0, 100.0, 0.0),
    Scale::Linear,
    true,
);

/// k-decay exponent on the cosine's clock.
pub const K_DECAY: NumberKey = key(
    "k_decay",
    "k-decay (1 = plain cosine)",
    (0.1, 10.0, 1.0),
    Scale::Log,
    false,
);

/// Warm-up length (in the chosen unit).
pub const WARMUP: NumberKey = length(key(
    "warmup",
    "warm-up length",
    (0.0, 1_000_000.0, 0.0),
    Scale::LogWithZero { smallest: 1.0 },
    true,
));

/// Learning rate at the first warm-up step.
pub const WARMUP_START: NumberKey = key(
    "warmup_start",
    "warm-up start value",
    (0.0, 10.0, 0.0),
    Scale::LogWithZero { smallest: 1e-7 },
    false,
);

/// Total length shown; 0 picks one that shows the interesting part.
pub const HORIZON: NumberKey = length(key(
    "horizon",
    "horizon shown (0 = auto)",
    (0.0, 1_000_000.0, 0.0),
    Scale::LogWithZero { smallest: 1.0 },
    true,
));

/// Batches per epoch (the data loader's length).
pub const STEPS_PER_EPOCH: NumberKey = key(
    "steps_per_epoch",
    "batches per epoch",
    (1.0, 1_000_000.0, 100.0),
    Scale::Log,
    true,
);

/// Gradient-accumulation steps per optimizer step.
pub const GRAD_ACCUM: NumberKey = key(
    "grad_accum",
    "gradient accumulation",
    (1.0, 1024.0, 1.0),
    Scale::Log,
    true,
);

/// Examples in the training set; 0 leaves the batches per epoch as given.
pub const EXAMPLES: NumberKey = key(
    "examples",
    "dataset size (examples; 0 = give batches per epoch)",
    (0.0, 1e12, 0.0),
    Scale::LogWithZero { smallest: 1.0 },
    true,
);

/// Examples per batch on each device (`per_device_train_batch_size`).
pub const BATCH: NumberKey = key(
    "batch",
    "batch size per device",
    (1.0, 65_536.0, 8.0),
    Scale::Log,
    true,
);

/// Data-parallel processes (the world size).
pub const DEVICES: NumberKey = key(
    "devices",
    "devices (data-parallel processes)",
    (1.0, 65_536.0, 1.0),
    Scale::Log,
    true,
);

/// Epochs of training, fractional as `num_train_epochs` may be; 0 = not given.
pub const EPOCHS: NumberKey = key(
    "epochs",
    "epochs of training (0 = not given)",
    (0.0, 100_000.0, 0.0),
    Scale::LogWithZero { smallest: 0.01 },
    false,
);

/// Warm-up as a fraction of the training's optimizer steps (transformers' ratio rule).
pub const WARMUP_RATIO: NumberKey = key(
    "warmup_ratio",
    "warm-up as a fraction of training (0 = use the length)",
    (0.0, 1.0, 0.0),
    Scale::Linear,
    false,
);

/// Where the first cosine ends, as a fraction of the training's optimizer steps.
pub const T_MAX_RATIO: NumberKey = key(
    "t_max_ratio",
    "cosine ends at this fraction of training (0 = use T_max)",
    (0.0, 1.0, 0.0),
    Scale::Linear,
    false,
);

/// When a checkpoint was saved (in the chosen unit), for the resume preview (0 = none drawn).
pub const RESUME_AT: NumberKey = length(key(
    "resume",
    "stopped at k (0 = no resume preview)",
    (0.0, 1e8, 0.0),
    Scale::LogWithZero { smallest: 1.0 },
    true,
));

/// T_max / T_0 the resumed script is written with.
pub const RESUME_T_MAX: NumberKey = length(key(
    "resume_t_max",
    "T_max / T_0 on resume (0 = unchanged)",
    (0.0, 1_000_000.0, 0.0),
    Scale::LogWithZero { smallest: 1.0 },
    true,
));

/// η_max the resumed script is written with.
pub const RESUME_ETA_MAX: NumberKey = key(
    "resume_eta_max",
    "η_max on resume (0 = unchanged)",
    (0.0, 10.0, 0.0),
    Scale::LogWithZero { smallest: 1e-6 },
    false,
);
