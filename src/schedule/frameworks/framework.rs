//! The five libraries as a type: what the page, the CLI and the exports know of each, read
//! from the library's own module; the interface that module fills in ([`Library`], with the
//! [`Equivalent`] and [`SnippetInput`] it speaks in); and the look-ups over every library.

use std::fmt;

use super::api::Api;
use super::Mode;
use crate::schedule::error::ScheduleError;
use crate::schedule::Anneal;

/// A machine-learning library whose schedulers Anneal reproduces exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Framework {
    /// PyTorch's `torch.optim.lr_scheduler`.
    Torch,
    /// timm's `timm.scheduler`.
    Timm,
    /// Hugging Face `transformers.optimization`.
    Transformers,
    /// optax's schedules.
    Optax,
    /// Keras 3 `keras.optimizers.schedules`.
    Keras,
}

/// Everything about one library that is not a mode's maths: its module fills one in.
pub struct Library {
    /// Name as users know it.
    pub name: &'static str,
    /// Short key for the CLI, snippet files and links.
    pub key: &'static str,
    /// Overlay colour in the compare view.
    pub color: (u8, u8, u8),
    /// Width of the floats it computes in by default.
    pub float_bits: u32,
    /// Its schedulers multiply the optimizer's lr (which a pasted call may not show).
    pub scales_optimizer_lr: bool,
    /// The keyword that, left at its default `True`, makes a pasted scheduler's lengths count
    /// epochs (timm's `t_in_epochs`: the loop calls `step(epoch)`); Anneal draws steps.
    pub epochs_flag: Option<&'static str>,
    /// Its scheduler APIs, one row each.
    pub apis: &'static [Api],
    /// Its scheduler calls Anneal cannot draw, each with the reason (Python name, reason).
    pub unsupported: &'static [(&'static str, &'static str)],
    /// Its nearest call for an Anneal schedule shown over a horizon.
    pub equivalent: fn(&Anneal, f64) -> Equivalent,
    /// Its nearest call for a schedule of phases, or why it has none.
    pub compose: super::compose::Compose,
    /// What a chained call is prefixed with in its snippet (`optax.`), as the snippet imports it.
    pub qualifier: &'static str,
    /// Its ready-to-run code for that call.
    pub snippet: fn(&SnippetInput) -> String,
    /// Its ready-to-run code over Anneal's own formula, where no built-in call reproduces it.
    pub closure: fn(&super::closure::ClosureInput) -> String,
    /// How a run resumed from a checkpoint continues its schedule.
    pub resume: super::resume::Resume,
}

/// One framework's rendering of an Anneal schedule.
#[derive(Clone, Debug)]
pub struct Equivalent {
    /// The framework.
    pub framework: Framework,
    /// The call, in the framework's own spelling.
    pub call: String,
    /// The exact mode that computes it.
    pub mode: Mode,
    /// Where it differs from the Anneal schedule, and why.
    pub notes: Vec<String>,
    /// The optimizer's lr the call multiplies (its `lr=`, for the libraries that scale it).
    pub base: f64,
}

/// What a library's snippet is written from.
pub struct SnippetInput<'a> {
    /// The schedule, when it is Anneal's cosine family (a closure can then stand in for an
    /// inexact built-in call); `None` for a schedule of other phases.
    pub anneal: Option<&'a Anneal>,
    /// The library's nearest call for it.
    pub equivalent: &'a Equivalent,
    /// Steps the snippet prints.
    pub steps: u64,
    /// Where the call is furthest from Anneal's learning rate over the whole steps shown;
    /// `None` when it gives it at every one (the call is exact).
    pub gap: Option<String>,
    /// The horizon shown, in steps.
    pub horizon: f64,
}

impl SnippetInput<'_> {
    /// Whether the call gives Anneal's learning rate at every whole step shown.
    pub fn exact(&self) -> bool {
        self.gap.is_none()
    }
}

/// Every framework's key, in [`Framework::ALL`]'s order (for keys that name frameworks).
pub const FRAMEWORK_KEYS: [&str; 5] = [
    super::torch::LIBRARY.key,
    super::timm::LIBRARY.key,
    super::transformers::LIBRARY.key,
    super::optax::LIBRARY.key,
    super::keras::LIBRARY.key,
];

/// Every framework's key and name, in [`Framework::ALL`]'s order (for a menu of frameworks).
pub const FRAMEWORK_OPTIONS: [(&str, &str); 5] = [
    (super::torch::LIBRARY.key, super::torch::LIBRARY.name),
    (super::timm::LIBRARY.key, super::timm::LIBRARY.name),
    (
        super::transformers::LIBRARY.key,
        super::transformers::LIBRARY.name,
    ),
    (super::optax::LIBRARY.key, super::optax::LIBRARY.name),
    (super::keras::LIBRARY.key, super::keras::LIBRARY.name),
];

impl Framework {
    /// Every framework, in the order the page lists them.
    pub const ALL: [Framework; 5] = [
        Framework::Torch,
        Framework::Timm,
        Framework::Transformers,
        Framework::Optax,
        Framework::Keras,
    ];

    /// Name as users know it ("PyTorch", "timm", "Hugging Face", "optax", "Keras").
    pub fn name(self) -> &'static str {
        self.library().name
    }

    /// Short key (`torch`, `timm`, `hf`, `optax`, `keras`).
    pub fn key(self) -> &'static str {
        self.library().key
    }

    /// Overlay colour.
    pub fn color(self) -> (u8, u8, u8) {
        self.library().color
    }

    /// Width of the floats it computes in by default (64, or 32 for Keras).
    pub fn float_bits(self) -> u32 {
        self.library().float_bits
    }

    /// Relative tolerance for "the same learning rate": float64 agreement, or float32 rounding.
    pub fn tolerance(self) -> f64 {
        if self.float_bits() == 32 {
            1e-6
        } else {
            1e-12
        }
    }

    /// Its schedulers multiply the optimizer's lr.
    pub fn scales_optimizer_lr(self) -> bool {
        self.library().scales_optimizer_lr
    }

    /// Its scheduler APIs.
    pub fn apis(self) -> &'static [Api] {
        self.library().apis
    }

    /// The keyword whose default makes its lengths count epochs, if it has one.
    pub fn epochs_flag(self) -> Option<&'static str> {
        self.library().epochs_flag
    }

    /// The top-level Python module its calls are imported from (`transformers`, `keras`).
    pub fn module(self) -> &'static str {
        match self {
            Framework::Transformers => "transformers",
            other => other.key(),
        }
    }

    /// Its scheduler calls Anneal cannot draw, with the reason for each.
    pub fn unsupported(self) -> &'static [(&'static str, &'static str)] {
        self.library().unsupported
    }

    /// The framework a key names.
    pub fn from_key(key: &str) -> Option<Framework> {
        Framework::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// The name users know.
impl fmt::Display for Framework {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
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

/// The five frameworks' nearest calls for `a`, shown over `horizon` steps.
pub fn equivalents(a: &Anneal, horizon: f64) -> Vec<Equivalent> {
    Framework::ALL
        .iter()
        .map(|f| (f.library().equivalent)(a, horizon))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::{Warmup, WarmupPlacement};

    #[test]
    fn names_keys_and_colours_are_distinct_and_in_page_order() {
        let names: Vec<_> = Framework::ALL.iter().map(|f| f.name()).collect();
        assert_eq!(names, ["PyTorch", "timm", "Hugging Face", "optax", "Keras"]);
        let keys: Vec<_> = Framework::ALL.iter().map(|f| f.key()).collect();
        assert_eq!(keys, ["torch", "timm", "hf", "optax", "keras"]);
        for f in Framework::ALL {
            assert_eq!(Framework::from_key(f.key()), Some(f));
            let same = Framework::ALL.iter().filter(|g| g.color() == f.color());
            assert_eq!(same.count(), 1, "{f}");
        }
        assert_eq!(Framework::from_key("csv"), None);
    }

    #[test]
    fn only_keras_computes_in_float32() {
        for f in Framework::ALL {
            let keras = f == Framework::Keras;
            assert_eq!(f.float_bits(), if keras { 32 } else { 64 });
            assert_eq!(f.tolerance(), if keras { 1e-6 } else { 1e-12 });
        }
    }

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
        let err = by_family("torch.NoSuchLR").err().expect("unknown");
        assert!(err
            .to_string()
            .contains("'torch.NoSuchLR' is not supported"));
    }

    fn max_diff(a: &Anneal, e: &Equivalent, n: usize) -> f64 {
        let ts: Vec<f64> = (0..n).map(|i| i as f64).collect();
        let got = e.mode.eval(&ts).expect("evaluates");
        ts.iter()
            .zip(got)
            .map(|(&t, v)| (a.lr(t) - v).abs())
            .fold(0.0, f64::max)
    }

    fn of(eq: &[Equivalent], f: Framework) -> &Equivalent {
        eq.iter().find(|e| e.framework == f).expect("present")
    }

    #[test]
    fn one_per_framework_in_order_each_computed_by_its_own_modes() {
        let eq = equivalents(&Anneal::default(), 100.0);
        let order: Vec<_> = eq.iter().map(|e| e.framework).collect();
        assert_eq!(order, Framework::ALL);
        for e in &eq {
            assert_eq!(e.mode.framework(), e.framework);
        }
    }

    #[test]
    fn plain_cosine_is_the_same_in_every_framework_inside_t_max() {
        let a = Anneal {
            eta_min: 1e-3,
            ..Anneal::default()
        };
        for e in equivalents(&a, 100.0) {
            assert_eq!(e.mode.validate(), Ok(()), "{}", e.framework);
            let tol = if e.framework.float_bits() == 32 {
                1e-7
            } else {
                1e-15
            };
            assert!(
                max_diff(&a, &e, 101) <= tol,
                "{}: {}",
                e.framework,
                max_diff(&a, &e, 101)
            );
        }
    }

    #[test]
    fn sgdr_with_warmup_and_decay_is_exact_in_optax_and_timm() {
        let a = Anneal {
            t_0: 10.0,
            restarts: true,
            t_mult: 2.0,
            decay: 0.5,
            warmup: Warmup {
                length: 3.0,
                start: 0.01,
                ..Warmup::default()
            },
            ..Anneal::default()
        };
        let eq = equivalents(&a, 200.0);
        for f in [Framework::Optax, Framework::Timm] {
            let e = of(&eq, f);
            assert!(
                max_diff(&a, e, 200) < 1e-15,
                "{f}: {}",
                max_diff(&a, e, 200)
            );
        }
        let torch = of(&eq, Framework::Torch);
        assert!(torch.notes.iter().any(|n| n.contains("no peak decay")));
        let keras = of(&eq, Framework::Keras);
        assert!(keras.notes.iter().any(|n| n.contains("m_mul")));
    }

    #[test]
    fn overlap_warmup_reports_timms_hand_off_jump() {
        let a = Anneal {
            warmup: Warmup {
                length: 10.0,
                placement: WarmupPlacement::Overlap,
                ..Warmup::default()
            },
            ..Anneal::default()
        };
        let eq = equivalents(&a, 120.0);
        let timm = of(&eq, Framework::Timm);
        assert!(
            timm.notes
                .iter()
                .any(|n| n.contains("hands off mid-curve") && n.contains("already at 0.0975528,")),
            "{:?}",
            timm.notes
        );
    }
}
