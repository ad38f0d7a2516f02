//! The five libraries as a type: what the page, the CLI and the exports know of each, read
//! from the library's own module.

use std::fmt;

use super::api::Api;
use super::equivalent::Equivalent;
use super::snippet::SnippetInput;
use crate::schedule::Anneal;

/// A machine-learning library whose schedulers Anneal reproduces exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
    /// Its scheduler APIs, one row each.
    pub apis: &'static [Api],
    /// Its nearest call for an Anneal schedule shown over a horizon.
    pub equivalent: fn(&Anneal, f64) -> Equivalent,
    /// Its ready-to-run code for that call.
    pub snippet: fn(&SnippetInput) -> String,
}

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
