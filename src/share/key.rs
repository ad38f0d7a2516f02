//! What one link key is: its name, scope, type, control and where it lives in [`Settings`].

use super::number::NumberKey;
use super::settings::{Pin, Settings};

/// Which part of the state a key belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The schedule and its axis (unit, horizon, steps per epoch, log scale): what a pin keeps.
    Schedule,
    /// The landscape lab.
    Lab,
    /// How the page is shown (comparison, embedding, hidden parts, theme, still).
    View,
    /// A pinned schedule's slot.
    Pin,
}

/// What a key holds.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    /// A number with its range and slider.
    Number(NumberKey),
    /// `1`/`0` (also `true`/`false`).
    Flag,
    /// One of fixed names.
    Choice(&'static [&'static str]),
    /// A comma list of some of these names (as a bit mask, in this order).
    Parts(&'static [&'static str]),
    /// A pinned schedule, written `name~key:value~…`.
    Pin,
}

/// A key's value, typed.
#[derive(Clone, Debug, PartialEq)]
pub enum Val {
    /// A number.
    Num(f64),
    /// A flag.
    Flag(bool),
    /// One of a choice's names.
    Name(&'static str),
    /// Some of a parts list's names, one bit each.
    Mask(u32),
    /// A pin slot's content.
    Pin(Option<Box<Pin>>),
}

/// One link key: its name, what it holds, its control, and where it lives in [`Settings`].
#[derive(Clone, Copy, Debug)]
pub struct Key {
    /// Name in the query string (and the control's `name`).
    pub name: &'static str,
    /// The part of the state it belongs to.
    pub scope: Scope,
    /// Type and valid values.
    pub kind: Kind,
    /// The text beside its control, as the page shows it; `None` for a key without a control.
    pub label: Option<&'static str>,
    /// A choice's `(name, text shown)` pairs, in [`Kind::Choice`]'s order; empty otherwise.
    pub options: &'static [(&'static str, &'static str)],
    /// One line of help: the README's meaning and the control's hint.
    pub meaning: &'static str,
    /// Whether its control is disabled for these settings (the value has no effect there).
    pub disabled: fn(&Settings) -> bool,
    /// Reads the key's value from the settings.
    pub get: fn(&Settings) -> Val,
    /// Writes a value of the key's kind into the settings.
    pub set: fn(&mut Settings, Val),
}
