//! View options: what the page shows and how, for sharing, embedding and slides.

use serde::{Deserialize, Serialize};

use crate::named::named;
use crate::schedule::frameworks::Framework;

/// Parts of the page a link can hide (`hide=controls,landscape`), in link order.
pub const PARTS: [&str; 8] = [
    "title",
    "controls",
    "chart",
    "compare",
    "export",
    "landscape",
    "code",
    "formula",
];

/// The explorer's controls a link can pick (`controls=eta_max,t_max`), in link order: an
/// embed then shows only those (all of them when none is picked).
pub const CONTROLS: [&str; 30] = [
    "eta_max",
    "eta_min_rel",
    "eta_min",
    "eta_min_frac",
    "t_max",
    "t_max_ratio",
    "restarts",
    "t_mult",
    "decay",
    "cycle_limit",
    "k_decay",
    "warmup",
    "warmup_ratio",
    "warmup_shape",
    "warmup_start",
    "warmup_every",
    "warmup_overlap",
    "horizon",
    "unit",
    "log_y",
    "examples",
    "batch",
    "devices",
    "steps_per_epoch",
    "grad_accum",
    "drop_last",
    "epochs",
    "steps_rule",
    "per_epoch",
    "phases",
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

named!(ThemeChoice {
    Auto => "auto";
    Light => "light";
    Dark => "dark";
});

/// How the page is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct View {
    /// Overlay the five frameworks' versions of the schedule.
    pub compare: bool,
    /// Draw the momentum a scheduler cycles (OneCycleLR, CyclicLR) on a second axis.
    pub momentum: bool,
    /// Also draw the schedule as it runs with `scheduler.step()` called once per epoch.
    #[serde(default)]
    pub per_epoch: bool,
    /// Frameworks left out of the comparison, one bit per entry of [`Framework::ALL`].
    ///
    #[serde(default)]
    pub compare_hide: u32,
    /// Chrome-less view for an iframe.
    pub embed: bool,
    /// Hidden parts, one bit per entry of [`PARTS`].
    pub hide: u32,
    /// The controls shown, one bit per entry of [`CONTROLS`]; none set shows them all.
    #[serde(default)]
    pub controls: u32,
    /// Colour scheme.
    pub theme: ThemeChoice,
    /// The end state, without interaction (for print and slides).
    pub still: bool,
}

/// The names whose bits are set in `mask`, in `names`' order.
pub fn mask_names(mask: u32, names: &[&'static str]) -> Vec<&'static str> {
    names
        .iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << i) != 0)
        .map(|(_, n)| *n)
        .collect()
}

/// `f`'s bit in [`View::compare_hide`].
fn bit(f: Framework) -> u32 {
    1 << Framework::ALL.iter().position(|g| *g == f).unwrap_or(0)
}

impl View {
    /// Whether `f` is drawn and listed when comparing (not left out by `compare_hide`).
    pub fn compares(&self, f: Framework) -> bool {
        self.compare_hide & bit(f) == 0
    }

    /// Draws `f` when comparing, or leaves it out.
    pub fn set_compares(&mut self, f: Framework, on: bool) {
        if on {
            self.compare_hide &= !bit(f);
        } else {
            self.compare_hide |= bit(f);
        }
    }

    /// Whether the part called `name` is hidden.
    pub fn hides(&self, name: &str) -> bool {
        PARTS
            .iter()
            .position(|p| *p == name)
            .is_some_and(|i| self.hide & (1 << i) != 0)
    }

    /// Whether the page shows nothing: no chart (which holds the comparison, the code and the
    /// downloads), no formula, no lab, no controls to use and no title (an embed has none).
    pub fn shows_nothing(&self) -> bool {
        let hidden = |part| self.hides(part);
        hidden("chart")
            && hidden("formula")
            && hidden("landscape")
            && (self.still || hidden("controls"))
            && (self.embed || hidden("title"))
    }

    /// Whether the control of key `name` is shown: every one unless the link picks some.
    pub fn shows_control(&self, name: &str) -> bool {
        self.controls == 0
            || CONTROLS
                .iter()
                .position(|c| *c == name)
                .is_none_or(|i| self.controls & (1 << i) != 0)
    }

    /// The hidden parts as a link writes them.
    pub fn hidden_names(&self) -> Vec<&'static str> {
        mask_names(self.hide, &PARTS)
    }

    /// The view a link to the full app keeps ("Open in Anneal" from an embed): no embedding,
    /// nothing hidden, interactive; the comparison and the colour scheme stay.
    pub fn standalone(self) -> View {
        View {
            embed: false,
            hide: 0,
            controls: 0,
            still: false,
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_names_follow_the_parts_order() {
        let v = View {
            hide: 1 << 5 | 1 << 1,
            ..View::default()
        };
        assert_eq!(v.hidden_names(), ["controls", "landscape"]);
        assert!(v.hides("landscape") && !v.hides("chart"));
    }

    #[test]
    fn standalone_drops_only_the_embedding() {
        let embedded = View {
            compare: true,
            momentum: true,
            per_epoch: true,
            compare_hide: 0b10,
            embed: true,
            hide: 0b101,
            controls: 0b11,
            theme: ThemeChoice::Dark,
            still: true,
        };
        let want = View {
            compare: true,
            momentum: true,
            per_epoch: true,
            compare_hide: 0b10,
            theme: ThemeChoice::Dark,
            ..View::default()
        };
        assert_eq!(embedded.standalone(), want);
    }

    #[test]
    fn a_link_that_picks_controls_shows_only_those() {
        let all = View::default();
        assert!(CONTROLS.iter().all(|c| all.shows_control(c)));
        let picked = View {
            controls: 0b10001,
            ..View::default()
        };
        let shown: Vec<&str> = CONTROLS
            .into_iter()
            .filter(|c| picked.shows_control(c))
            .collect();
        assert_eq!(shown, ["eta_max", "t_max"]);
        // Keys that are not explorer controls are never dropped by it.
        assert!(picked.shows_control("surface"));
    }
}
