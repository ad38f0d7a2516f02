//! View options: what the page shows and how, for sharing, embedding and slides.

use serde::{Deserialize, Serialize};

/// Parts of the page a link can hide (`hide=controls,landscape`), in link order.
pub const PARTS: [&str; 7] = [
    "title",
    "controls",
    "chart",
    "compare",
    "export",
    "landscape",
    "code",
];

/// The colour scheme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeChoice {
    /// Follow the system's `prefers-color-scheme`.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// Every choice, in link order.
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::Auto, ThemeChoice::Light, ThemeChoice::Dark];

    /// The name used in links.
    pub const fn name(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "auto",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }

    /// The choice called `name` in links.
    pub fn from_name(name: &str) -> Option<ThemeChoice> {
        ThemeChoice::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// How the page is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct View {
    /// Overlay the five frameworks' versions of the schedule.
    pub compare: bool,
    /// Chrome-less view for an iframe.
    pub embed: bool,
    /// Hidden parts, one bit per entry of [`PARTS`].
    pub hide: u32,
    /// Colour scheme.
    pub theme: ThemeChoice,
    /// The end state, without interaction (for print and slides).
    pub still: bool,
}

impl View {
    /// Whether the part called `name` is hidden.
    pub fn hides(&self, name: &str) -> bool {
        PARTS
            .iter()
            .position(|p| *p == name)
            .is_some_and(|i| self.hide & (1 << i) != 0)
    }

    /// The hidden parts as a link writes them.
    pub fn hidden_names(&self) -> Vec<&'static str> {
        PARTS
            .iter()
            .enumerate()
            .filter(|(i, _)| self.hide & (1 << i) != 0)
            .map(|(_, p)| *p)
            .collect()
    }
}
