//! One row per scheduler API: its golden family id, how a pasted call names it, and the
//! builder of its exact mode from keyword arguments.

use super::arg::Arg;
use super::framework::Framework;
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
    /// Its parameters in positional order (`optimizer` is dropped: the schedule never reads it).
    pub positional: &'static [&'static str],
    /// Scheduler calls nested in one of its arguments, when it chains others.
    pub nested: Option<Nested>,
}

/// Calls nested in a list argument (SequentialLR's `schedulers`), each becoming a dict of its
/// keyword arguments under its own name.
pub struct Nested {
    /// The argument holding the list.
    pub arg: &'static str,
    /// The calls the list must hold, in order: (Python name, positional parameters).
    pub calls: &'static [(&'static str, &'static [&'static str])],
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

/// Every API of every framework, with its framework, in [`Framework::ALL`] order.
pub fn apis() -> impl Iterator<Item = (Framework, &'static Api)> {
    Framework::ALL
        .into_iter()
        .flat_map(|f| f.apis().iter().map(move |api| (f, api)))
}

/// Every golden family [`Mode::from_golden`] understands.
pub fn families() -> impl Iterator<Item = &'static str> {
    apis().map(|(_, api)| api.family)
}

/// The API with golden family id `family`.
pub fn by_family(family: &str) -> Result<&'static Api, ScheduleError> {
    apis()
        .map(|(_, api)| api)
        .find(|api| api.family == family)
        .ok_or_else(|| {
            ScheduleError::new(
                "family",
                format!("'{family}' is not supported; see the README for the supported families"),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn family_ids_are_unique_and_prefixed_by_their_library() {
        let all: Vec<_> = families().collect();
        assert!(all.contains(&"torch.CosineAnnealingWarmRestarts.step_epoch"));
        for (i, f) in all.iter().enumerate() {
            assert!(!all[..i].contains(f), "{f} twice");
        }
        let prefix = |f: Framework| match f {
            Framework::Transformers => "transformers.".to_string(),
            other => format!("{}.", other.key()),
        };
        for (f, api) in apis() {
            assert!(api.family.starts_with(&prefix(f)), "{}", api.family);
        }
    }

    #[test]
    fn pasted_names_are_unique() {
        let names: Vec<_> = apis()
            .filter_map(|(_, api)| api.pasted.as_ref().map(|p| p.python))
            .collect();
        assert!(names.contains(&"SequentialLR"));
        for (i, n) in names.iter().enumerate() {
            assert!(!names[..i].contains(n), "{n} twice");
        }
    }

    #[test]
    fn an_unknown_family_is_named() {
        let err = by_family("torch.StepLR").err().expect("unknown");
        assert!(err.to_string().contains("'torch.StepLR' is not supported"));
    }
}
