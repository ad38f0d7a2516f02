//! One key's value as text: parsing (with the reason for a refusal) and display, a pin's
//! `name~key:value~…` form included.

use super::key::{Key, Kind, Scope, Val};
use super::pins::pin_name;
use super::settings::{Pin, Settings};
use super::table::keys_in;
use crate::format::format_value;
use crate::schedule::{Anneal, Schedule};

/// Longest value accepted for one key; anything longer is not a number or a name.
const MAX_VALUE_LEN: usize = 64;

/// Longest pin, phases or name-list value accepted.
pub const MAX_PIN_LEN: usize = 600;

/// Longest imported call's code a link holds, in characters: a longer paste stays on the page,
/// out of its links (a long address is slow to write on every input, and to share).
pub const MAX_CALL_LEN: usize = 2_000;

/// Whether imported code is short enough for a link to hold it.
pub fn fits_link(code: &str) -> bool {
    code.chars().count() <= MAX_CALL_LEN
}

/// A value for showing in a notice: short, and never mistaken for markup by a reader.
pub(crate) fn shown(raw: &str) -> String {
    let cut: String = raw.chars().take(24).collect();
    if cut.len() < raw.len() {
        format!("\"{cut}…\"")
    } else {
        format!("\"{cut}\"")
    }
}

/// Checks one raw value against its key; `Err` says why it was refused.
pub(crate) fn parse_value(key: &Key, raw: &str) -> Result<Val, String> {
    let limit = match key.kind {
        Kind::Pin | Kind::Phases | Kind::Parts(_) => MAX_PIN_LEN,
        Kind::Call => MAX_CALL_LEN,
        _ => MAX_VALUE_LEN,
    };
    let length = match key.kind {
        Kind::Call => raw.chars().count(),
        _ => raw.len(),
    };
    if length > limit {
        return Err(format!("value too long ({length} characters)"));
    }
    match key.kind {
        Kind::Number(spec) => {
            let v: f64 = raw
                .trim()
                .parse()
                .map_err(|_| format!("{} is not a number", shown(raw)))?;
            let c = spec.clamp(v);
            match c.message {
                None => Ok(Val::Num(c.value)),
                Some(_) if !v.is_finite() => Err(format!("{} is not a finite number", shown(raw))),
                Some(_) if c.rounded => Err(format!("{} is not a whole number", shown(raw))),
                Some(_) => Err(format!(
                    "{} is outside {} … {}",
                    shown(raw),
                    format_value(spec.min),
                    format_value(spec.max)
                )),
            }
        }
        Kind::Flag => match raw {
            "1" | "true" => Ok(Val::Flag(true)),
            "0" | "false" => Ok(Val::Flag(false)),
            _ => Err(format!("{} is not 1 or 0", shown(raw))),
        },
        Kind::Choice(names) => names
            .iter()
            .find(|n| **n == raw)
            .map(|n| Val::Name(n))
            .ok_or_else(|| format!("{} is not one of {}", shown(raw), names.join(", "))),
        Kind::Parts(names) => match read_parts(raw, names) {
            (mask, wrong) if wrong.is_empty() => Ok(Val::Mask(mask)),
            (_, wrong) => Err(format!(
                "{} {} not one of {}",
                named(&wrong.iter().map(|w| shown(w)).collect::<Vec<_>>(), ", "),
                if wrong.len() > 1 { "are" } else { "is" },
                names.join(", ")
            )),
        },
        Kind::Pin => parse_pin(raw, 0).map(|p| Val::Pin(Some(Box::new(p)))),
        Kind::Phases => Schedule::parse(raw, &Anneal::default())
            .map(|_| Val::Text(raw.to_string()))
            .map_err(|e| e.to_string()),
        // Read with the rest of the link's settings once they are all decoded (a
        // `TrainingArguments` counts its steps from the link's training setup).
        Kind::Call => Ok(Val::Text(raw.to_string())),
    }
}

/// The names of `names` that the comma-separated `raw` lists, as a mask, and the entries
/// that are none of them.
pub(crate) fn read_parts<'a>(raw: &'a str, names: &[&str]) -> (u32, Vec<&'a str>) {
    let mut wrong = Vec::new();
    let mask = raw
        .split(',')
        .filter(|p| !p.is_empty())
        .fold(0u32, |mask, part| {
            match names.iter().position(|n| *n == part) {
                Some(i) => mask | 1 << i,
                None => {
                    wrong.push(part);
                    mask
                }
            }
        });
    (mask, wrong)
}

/// A value of a key of `kind` as a link writes it.
pub(crate) fn text(v: Val, kind: &Kind) -> String {
    match v {
        Val::Flag(b) => if b { "1" } else { "0" }.to_string(),
        Val::Num(x) => format_value(x),
        Val::Name(n) => n.to_string(),
        Val::Mask(mask) => match kind {
            Kind::Parts(names) => super::view::mask_names(mask, names).join(","),
            _ => String::new(),
        },
        Val::Pin(p) => p.map(|p| pin_text(&p)).unwrap_or_default(),
        Val::Text(t) => t,
    }
}

/// The pin as a link writes it: its name, then the schedule keys that differ from the
/// defaults as `key:value`, and `hidden:1` when it is hidden; `~` separates the fields (a `~`
/// in a name becomes `-`).
pub fn pin_text(p: &Pin) -> String {
    let defaults = Settings::default();
    let mut fields = vec![p.name.replace('~', "-")];
    for key in keys_in(Scope::Schedule) {
        let v = (key.get)(&p.settings);
        if v != (key.get)(&defaults) {
            fields.push(format!("{}:{}", key.name, text(v, &key.kind)));
        }
    }
    if p.hidden {
        fields.push("hidden:1".into());
    }
    fields.join("~")
}

/// Wrong entries a notice names at most (a pin's fields, a list's names), then how many more.
const MAX_NAMED: usize = 3;

/// Reads a pin written by [`pin_text`]; `Err` names the fields that are wrong.
pub fn parse_pin(raw: &str, id: u32) -> Result<Pin, String> {
    let mut fields = raw.split('~');
    let name = pin_name(fields.next().unwrap_or_default());
    let mut pin = Pin::of(&Settings::default(), name, id);
    let mut wrong = Vec::new();
    for field in fields.filter(|f| !f.is_empty()) {
        let Some((k, v)) = field.split_once(':') else {
            wrong.push(format!("field '{field}' is not key:value"));
            continue;
        };
        if k == "hidden" {
            pin.hidden = v == "1";
            continue;
        }
        let Some(key) = keys_in(Scope::Schedule).find(|key| key.name == k) else {
            wrong.push(format!("'{k}' is not a schedule key"));
            continue;
        };
        match parse_value(key, v) {
            Ok(value) => (key.set)(&mut pin.settings, value),
            Err(why) => wrong.push(format!("{k}: {why}")),
        }
    }
    if wrong.is_empty() {
        Ok(pin)
    } else {
        Err(named(&wrong, "; "))
    }
}

/// The first [`MAX_NAMED`] of `wrong` joined by `sep`, then how many more there are.
fn named(wrong: &[String], sep: &str) -> String {
    let first = wrong[..wrong.len().min(MAX_NAMED)].join(sep);
    match wrong.len().saturating_sub(MAX_NAMED) {
        0 => first,
        n => format!("{first}{sep}and {n} more"),
    }
}
