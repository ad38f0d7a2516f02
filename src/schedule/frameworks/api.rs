//! One row per scheduler API: its golden family id, how a pasted call names it, and the
//! builder of its exact mode from keyword arguments.

use super::arg::Arg;
use super::params::Params;
use super::Mode;
use crate::schedule::error::ScheduleError;

/// A scheduler API of one library.
pub struct Api {
    /// Its family id in the golden files (`torch.CosineAnnealingLR`).
    pub family: &'static str,
    /// How a pasted Python call selects it; `None` for families only the golden format names
    /// (a different way of stepping the same class, or a call the import does not read).
    pub pasted: Option<Pasted>,
    /// Reads the keyword arguments (and the golden `dtype`) into its mode, rejecting bad or
    /// unknown keys as the library would; [`Params::finish`] runs after it.
    pub build: fn(&Params, &str) -> Result<Mode, ScheduleError>,
}

/// A Python call as pasted text names it.
pub struct Pasted {
    /// The function or class name (last dotted part).
    pub python: &'static str,
    /// Its parameters in positional order, `optimizer` included (its value is never read).
    pub positional: &'static [&'static str],
    /// Scheduler calls nested in one of its arguments, when it chains others.
    pub nested: Option<Nested>,
}

/// A list argument of scheduler calls (SequentialLR's `schedulers`, join_schedules'
/// `schedules`): each call becomes a dict of its keyword arguments, its name under `tag`, as
/// the golden format writes composites.
pub struct Nested {
    /// The argument holding the list.
    pub arg: &'static str,
    /// The key naming each inner call (`class` for PyTorch, `fn` for optax).
    pub tag: &'static str,
}

impl Api {
    /// Builds and validates this API's mode from its keyword arguments.
    pub fn mode(&self, params: &Arg, dtype: &str) -> Result<Mode, ScheduleError> {
        let p = Params::new(params)?;
        let mode = (self.build)(&p, dtype)?;
        p.finish()?;
        mode.validate()?;
        Ok(mode)
    }
}
