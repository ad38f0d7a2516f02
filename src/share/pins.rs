//! Pinned schedules in links: `pin1=baseline~t_max:50~restarts:1`, one key per slot.
//!
//! A pin is its name, then the schedule keys that differ from the defaults as `key:value`,
//! and `hidden:1` when it is hidden; `~` separates the fields (a `~` in a name becomes `-`).

use serde::{Deserialize, Serialize};

use super::codec::{parse_value, text, KEYS};
use super::settings::Settings;

/// Pins a link holds at most (slots `pin1` … `pin4`).
pub const MAX_PINS: usize = 4;

/// Keys at the head of [`KEYS`] that describe a schedule (and its axis), the ones a pin keeps.
pub const PIN_KEYS: usize = 20;

/// Longest pin value accepted.
pub const MAX_PIN_LEN: usize = 600;

/// A pinned schedule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pin {
    /// Identity for the page's list (not written to links).
    #[serde(skip)]
    pub id: u32,
    /// Legend name.
    pub name: String,
    /// Hidden from the chart.
    pub hidden: bool,
    /// The schedule when pinned (its lab, view and pins are the defaults).
    pub settings: Box<Settings>,
}

impl Pin {
    /// A pin of `settings`' schedule.
    pub fn of(settings: &Settings, name: String, id: u32) -> Pin {
        let schedule = Settings {
            lab: Default::default(),
            view: Default::default(),
            pins: Default::default(),
            ..settings.clone()
        };
        Pin {
            id,
            name,
            hidden: false,
            settings: Box::new(schedule),
        }
    }
}

/// The pin as a link writes it.
pub fn pin_text(p: &Pin) -> String {
    let defaults = Settings::default();
    let mut fields = vec![p.name.replace('~', "-")];
    for key in &KEYS[..PIN_KEYS] {
        let v = (key.get)(&p.settings);
        if v != (key.get)(&defaults) {
            fields.push(format!("{}:{}", key.name, text(v)));
        }
    }
    if p.hidden {
        fields.push("hidden:1".into());
    }
    fields.join("~")
}

/// Reads a pin written by [`pin_text`]; `Err` says which field is wrong.
pub fn parse_pin(raw: &str, id: u32) -> Result<Pin, String> {
    let mut fields = raw.split('~');
    let name: String = fields.next().unwrap_or_default().chars().take(40).collect();
    let mut pin = Pin::of(&Settings::default(), name, id);
    for field in fields.filter(|f| !f.is_empty()) {
        let Some((k, v)) = field.split_once(':') else {
            return Err(format!("field {field:?} is not key:value"));
        };
        if k == "hidden" {
            pin.hidden = v == "1";
            continue;
        }
        let Some(key) = KEYS[..PIN_KEYS].iter().find(|key| key.name == k) else {
            return Err(format!("{k:?} is not a schedule key"));
        };
        let value = parse_value(key, v).map_err(|why| format!("{k}: {why}"))?;
        (key.set)(&mut pin.settings, value);
    }
    Ok(pin)
}
