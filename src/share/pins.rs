//! Pin rules: what a pin keeps of the state, how the page adds one, how long its name may be.
//! (Its link form is in [`super::value`].)

use super::key::Scope;
use super::presets::PRESETS;
use super::settings::{Pin, Settings};
use super::table::keys_in;

/// Longest pin name, in characters (the name box's `maxlength` too).
pub const MAX_PIN_NAME: usize = 40;

/// `raw` cut to [`MAX_PIN_NAME`] characters.
pub fn pin_name(raw: &str) -> String {
    raw.chars().take(MAX_PIN_NAME).collect()
}

/// The pins drawn (not hidden), with their slots: the chart colours them by slot, and the
/// chart and the CSV name them by [`Pin::label`].
pub fn drawn_pins(pins: &[Option<Pin>]) -> impl Iterator<Item = (usize, &Pin)> {
    pins.iter()
        .enumerate()
        .filter_map(|(slot, p)| Some((slot, p.as_ref().filter(|p| !p.hidden)?)))
}

impl Pin {
    /// What the legend, the read-out and the CSV call the pin in `slot`: its name, or "pin 1"
    /// (by slot) when the name is blank, so no curve goes unlabelled.
    pub fn label(&self, slot: usize) -> String {
        if self.name.trim().is_empty() {
            format!("pin {}", slot + 1)
        } else {
            self.name.clone()
        }
    }

    /// Whether this is a preset's comparison as the preset pinned it, neither renamed nor
    /// another schedule: the next preset replaces it, where a user's own pins stay.
    pub fn from_preset(&self) -> bool {
        PRESETS.iter().filter_map(|p| p.pin).any(|(name, pinned)| {
            self.name == name && *self.settings == *Pin::of(&pinned(), String::new(), 0).settings
        })
    }

    /// A pin of `settings`' schedule: its schedule keys, everything else at the defaults.
    pub fn of(settings: &Settings, name: String, id: u32) -> Pin {
        let mut schedule = Settings::default();
        for key in keys_in(Scope::Schedule) {
            (key.set)(&mut schedule, (key.get)(settings));
        }
        Pin {
            id,
            name,
            hidden: false,
            settings: Box::new(schedule),
        }
    }
}

impl Settings {
    /// Pins the current schedule in the first free slot, named after the slot, with an id no
    /// listed pin has; the slot, or `None` when every slot is taken.
    pub fn pin_current(&mut self) -> Option<usize> {
        let next = self.pins.iter().flatten().map(|p| p.id).max().unwrap_or(0) + 1;
        let slot = self.pins.iter().position(Option::is_none)?;
        self.pins[slot] = Some(Pin::of(self, format!("pin {}", slot + 1), next));
        Some(slot)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::MAX_PINS;

    #[test]
    fn a_pin_with_a_blank_name_is_called_by_its_slot() {
        let s = Settings::default();
        assert_eq!(Pin::of(&s, "  ".into(), 1).label(1), "pin 2");
        assert_eq!(Pin::of(&s, "baseline".into(), 1).label(1), "baseline");
    }

    #[test]
    fn a_pin_keeps_every_schedule_field_and_drops_lab_view_and_pins() {
        let mut s = (crate::share::PRESETS[2].settings)();
        s.eta_min_rel = true;
        s.log_y = true;
        s.grad_accum = 4.0;
        s.lab.noise = 2.0;
        s.view.compare = true;
        s.pin_current();
        let pin = Pin::of(&s, "a".into(), 9);
        let want = Settings {
            lab: Default::default(),
            view: Default::default(),
            pins: Default::default(),
            ..s
        };
        assert_eq!(*pin.settings, want);
    }

    #[test]
    fn pins_fill_the_first_free_slot_with_a_fresh_id() {
        let mut s = Settings::default();
        assert_eq!(s.pin_current(), Some(0));
        assert_eq!(s.pin_current(), Some(1));
        s.pins[0] = None;
        assert_eq!(s.pin_current(), Some(0));
        let p = s.pins[0].as_ref().expect("pinned");
        assert_eq!((p.name.as_str(), p.id), ("pin 1", 3));
        while s.pin_current().is_some() {}
        assert_eq!(s.pins.iter().flatten().count(), MAX_PINS);
        let ids: Vec<u32> = s.pins.iter().flatten().map(|p| p.id).collect();
        assert!(ids
            .iter()
            .all(|i| ids.iter().filter(|j| *j == i).count() == 1));
    }

    #[test]
    fn names_are_cut_by_characters_not_bytes() {
        let long = "η".repeat(MAX_PIN_NAME + 5);
        assert_eq!(pin_name(&long).chars().count(), MAX_PIN_NAME);
        assert_eq!(pin_name("short"), "short");
    }
}
