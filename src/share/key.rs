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
    /// A curve drawn over the schedule: a pinned schedule's slot, an imported call.
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
    /// The schedule's phases in their text form (see [`crate::schedule::Schedule::parse`]).
    Phases,
    /// The code a scheduler call was imported from (see [`crate::export::import`]).
    Call,
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
    /// Text checked by its key (the phases, an imported call's code).
    Text(String),
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
    /// One line for the README's URL reference (empty in the web build, which never shows it).
    pub meaning: &'static str,
    /// Whether its control is disabled for these settings (the value has no effect there).
    pub disabled: fn(&Settings) -> bool,
    /// Reads the key's value from the settings.
    pub get: fn(&Settings) -> Val,
    /// Writes a value of the key's kind into the settings.
    pub set: fn(&mut Settings, Val),
    /// What a change made at its control does.
    pub edit: Edit,
}

/// What a change made at a key's control does to the settings and the history.
#[derive(Clone, Copy, Debug)]
pub enum Edit {
    /// Writes the value with [`Key::set`]; the current history entry is replaced.
    Set,
    /// Applies this change instead, as a new history entry (Back undoes it): for a key whose
    /// change also resets other keys, which a link's value must not do.
    Entry(fn(&mut Settings, Val)),
}

/// The widget a key's control is, with what it shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Control {
    /// A slider with a number box, over this key's range and scale.
    Number(&'static NumberKey),
    /// A checkbox with this label.
    Flag(&'static str),
    /// A select with this label and these `(name, text shown)` options.
    Choice(&'static str, &'static [(&'static str, &'static str)]),
}

impl Key {
    /// Its control's widget; `None` for a key the page sets otherwise (pins, hidden parts, embed).
    pub fn control(&'static self) -> Option<Control> {
        match (&self.kind, self.label) {
            (Kind::Number(spec), Some(_)) => Some(Control::Number(spec)),
            (Kind::Flag, Some(label)) => Some(Control::Flag(label)),
            (Kind::Choice(_), Some(label)) => Some(Control::Choice(label, self.options)),
            _ => None,
        }
    }
}

impl Val {
    /// The number it holds; NaN for another kind of value.
    pub fn num(&self) -> f64 {
        match self {
            Val::Num(x) => *x,
            _ => f64::NAN,
        }
    }

    /// Whether it is a flag that is on.
    pub fn on(&self) -> bool {
        *self == Val::Flag(true)
    }

    /// The text it holds; empty for another kind of value.
    pub fn text(self) -> String {
        match self {
            Val::Text(t) => t,
            _ => String::new(),
        }
    }

    /// The choice's name it holds; empty for another kind of value.
    pub fn name(&self) -> &'static str {
        match self {
            Val::Name(n) => n,
            _ => "",
        }
    }
}
