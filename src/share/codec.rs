//! The share-link codec: the explorer's state as a short, versioned, validated query string.
//!
//! One table ([`KEYS`]) drives decoding, encoding, validation messages and the README's URL
//! reference. Decoding never fails as a whole: a bad value falls back to its default with a
//! notice naming the key, unknown keys are kept and written back, `v` allows migrations.

use super::keys::*;
use super::lab::*;
use super::number::NumberKey;
use super::pins::{parse_pin, pin_text, Pin, MAX_PIN_LEN};
use super::settings::{Settings, Unit};
use super::view::{ThemeChoice, PARTS};
use crate::format::format_value;
use crate::landscape::{Rule, Surface};
use crate::schedule::WarmupShape;

/// The schema version this build writes.
pub const VERSION: u32 = 1;

/// Longest value accepted for one key; anything longer is not a number or a name.
const MAX_VALUE_LEN: usize = 64;

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
    /// A pinned schedule (see [`super::pins`]).
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

/// One link key: its name, what it holds, what it means, and where it lives in [`Settings`].
#[derive(Clone, Copy, Debug)]
pub struct Key {
    /// Name in the query string (and the control's `name`).
    pub name: &'static str,
    /// Type and valid values.
    pub kind: Kind,
    /// One line for the README.
    pub meaning: &'static str,
    /// Reads the key's value from the settings.
    pub get: fn(&Settings) -> Val,
    /// Writes a value of the key's kind into the settings.
    pub set: fn(&mut Settings, Val),
}

fn num(v: Val) -> f64 {
    match v {
        Val::Num(x) => x,
        _ => f64::NAN,
    }
}

fn on(v: Val) -> bool {
    v == Val::Flag(true)
}

macro_rules! number {
    ($spec:expr, $($field:ident).+, $meaning:expr) => {
        Key {
            name: $spec.key,
            kind: Kind::Number($spec),
            meaning: $meaning,
            get: |s| Val::Num(s.$($field).+),
            set: |s, v| s.$($field).+ = num(v),
        }
    };
}

macro_rules! flag {
    ($($field:ident).+, $meaning:expr) => {
        Key {
            name: last!($($field).+),
            kind: Kind::Flag,
            meaning: $meaning,
            get: |s| Val::Flag(s.$($field).+),
            set: |s, v| s.$($field).+ = on(v),
        }
    };
}

/// A pin slot's key.
macro_rules! pin {
    ($i:expr, $name:expr) => {
        Key {
            name: $name,
            kind: Kind::Pin,
            meaning: "a pinned schedule: name~key:value~… (schedule keys that differ from the defaults; hidden:1 hides it)",
            get: |s| Val::Pin(s.pins[$i].clone().map(Box::new)),
            set: |s, v| {
                if let Val::Pin(p) = v {
                    s.pins[$i] = p.map(|mut p| {
                        p.id = $i + 1;
                        *p
                    });
                }
            },
        }
    };
}

/// The last segment of a field path, as the key's name.
macro_rules! last {
    ($field:ident) => {
        stringify!($field)
    };
    ($head:ident . $($rest:ident).+) => {
        last!($($rest).+)
    };
}

/// Every key a link may carry besides `v`, in the order links write them.
pub const KEYS: [Key; 46] = [
    number!(ETA_MAX, eta_max, "peak learning rate η_max"),
    number!(ETA_MIN, eta_min, "floor η_min (absolute)"),
    flag!(eta_min_rel, "read the floor as a fraction of η_max"),
    number!(ETA_MIN_FRAC, eta_min_frac, "floor as a fraction of η_max"),
    number!(T_MAX, t_max, "first cycle length T_max / T_0, in `unit`"),
    flag!(restarts, "warm restarts on"),
    number!(T_MULT, t_mult, "cycle growth T_mult"),
    number!(DECAY, decay, "peak decay γ per restart"),
    number!(
        CYCLE_LIMIT,
        cycle_limit,
        "cycles before the floor holds (0 = no limit)"
    ),
    number!(K_DECAY, k_decay, "k-decay exponent"),
    number!(WARMUP, warmup, "warm-up length, in `unit`"),
    Key {
        name: "warmup_shape",
        kind: Kind::Choice(&["linear", "cosine", "exponential"]),
        meaning: "warm-up curve",
        get: |s| Val::Name(s.warmup_shape.name()),
        set: |s, v| {
            if let Val::Name(n) = v {
                s.warmup_shape = WarmupShape::from_name(n).unwrap_or_default();
            }
        },
    },
    number!(WARMUP_START, warmup_start, "warm-up start value"),
    flag!(warmup_every, "warm up before every cycle"),
    flag!(
        warmup_overlap,
        "warm-up overlaps the cosine (timm's default)"
    ),
    number!(HORIZON, horizon, "length shown, in `unit` (0 = automatic)"),
    Key {
        name: "unit",
        kind: Kind::Choice(&["steps", "epochs"]),
        meaning: "unit of the lengths",
        get: |s| {
            Val::Name(if s.unit == Unit::Epochs {
                "epochs"
            } else {
                "steps"
            })
        },
        set: |s, v| {
            s.unit = if v == Val::Name("epochs") {
                Unit::Epochs
            } else {
                Unit::Steps
            }
        },
    },
    number!(STEPS_PER_EPOCH, steps_per_epoch, "batches per epoch"),
    number!(
        GRAD_ACCUM,
        grad_accum,
        "batches per optimizer step (gradient accumulation)"
    ),
    flag!(log_y, "logarithmic η axis"),
    Key {
        name: "surface",
        kind: Kind::Choice(&SURFACE_NAMES),
        meaning: "landscape surface",
        get: |s| Val::Name(s.lab.surface.name()),
        set: |s, v| {
            if let Val::Name(n) = v {
                s.lab.surface = Surface::from_name(n).unwrap_or_default();
            }
        },
    },
    Key {
        name: "opt",
        kind: Kind::Choice(&RULE_NAMES),
        meaning: "optimizer",
        get: |s| Val::Name(s.lab.rule.name()),
        set: |s, v| {
            if let Val::Name(n) = v {
                s.lab.rule = Rule::from_name(n).unwrap_or_default();
            }
        },
    },
    number!(BETA, lab.beta, "momentum β (RMSProp's α)"),
    number!(BETA1, lab.beta1, "Adam's β₁"),
    number!(BETA2, lab.beta2, "Adam's β₂"),
    number!(EPS, lab.eps, "ε of RMSProp and Adam"),
    number!(CLIP, lab.clip, "gradient-norm clipping (0 = off)"),
    number!(NOISE, lab.noise, "gradient noise σ"),
    number!(SEED, lab.seed, "noise seed"),
    number!(X0, lab.x0, "start point x"),
    number!(Y0, lab.y0, "start point y"),
    number!(LAB_LR, lab.lab_lr, "learning rate of the constant run"),
    number!(LAB_STEPS, lab.lab_steps, "steps per landscape run"),
    flag!(lab.run_const, "show the constant run"),
    flag!(lab.run_cos, "show the single-cosine run"),
    flag!(lab.run_sgdr, "show the warm-restarts run"),
    number!(LAB_T, lab.lab_t, "playback position (0 = start, 1 = end)"),
    flag!(view.compare, "overlay the five frameworks' versions"),
    flag!(view.embed, "chrome-less view for an iframe"),
    Key {
        name: "hide",
        kind: Kind::Parts(&PARTS),
        meaning: "parts of the page to hide, comma-separated",
        get: |s| Val::Mask(s.view.hide),
        set: |s, v| {
            if let Val::Mask(m) = v {
                s.view.hide = m;
            }
        },
    },
    Key {
        name: "theme",
        kind: Kind::Choice(&["auto", "light", "dark"]),
        meaning: "colour scheme (auto follows the system)",
        get: |s| Val::Name(s.view.theme.name()),
        set: |s, v| {
            if let Val::Name(n) = v {
                s.view.theme = ThemeChoice::from_name(n).unwrap_or_default();
            }
        },
    },
    pin!(0, "pin1"),
    pin!(1, "pin2"),
    pin!(2, "pin3"),
    pin!(3, "pin4"),
    Key {
        name: "static",
        kind: Kind::Flag,
        meaning: "the end state without interaction (print, slides)",
        get: |s| Val::Flag(s.view.still),
        set: |s, v| s.view.still = on(v),
    },
];

const SURFACE_NAMES: [&str; 7] = {
    let mut names = [""; 7];
    let mut i = 0;
    while i < 7 {
        names[i] = Surface::ALL[i].name();
        i += 1;
    }
    names
};

const RULE_NAMES: [&str; 5] = {
    let mut names = [""; 5];
    let mut i = 0;
    while i < 5 {
        names[i] = Rule::ALL[i].name();
        i += 1;
    }
    names
};

/// Why a key's value was not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The key, as written in the link.
    pub key: String,
    /// What was wrong and what was used instead.
    pub reason: String,
}

/// A decoded link: the state, what was wrong with it, and keys this version does not know.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// The state, every field valid.
    pub settings: Settings,
    /// One notice per rejected value.
    pub notices: Vec<Notice>,
    /// Unknown keys with their raw values, written back unchanged.
    pub unknown: Vec<(String, String)>,
}

/// `%XX` and `+` decoding; `None` for malformed escapes or bytes that are not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = s.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// Escapes everything but unreserved characters, commas and colons (legal in a query; they keep
/// `hide=controls,landscape` and `pin1=name~t_max:50` readable).
fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b',' | b':' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A value for showing in a notice: short, and never mistaken for markup by a reader.
fn shown(raw: &str) -> String {
    let cut: String = raw.chars().take(24).collect();
    if cut.len() < raw.len() {
        format!("\"{cut}…\"")
    } else {
        format!("\"{cut}\"")
    }
}

/// Checks one raw value against its key; `Err` says why it was refused.
pub(crate) fn parse_value(key: &Key, raw: &str) -> Result<Val, String> {
    let limit = if matches!(key.kind, Kind::Pin) {
        MAX_PIN_LEN
    } else {
        MAX_VALUE_LEN
    };
    if raw.len() > limit {
        return Err(format!("value too long ({} characters)", raw.len()));
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
        Kind::Parts(names) => raw
            .split(',')
            .filter(|p| !p.is_empty())
            .try_fold(0u32, |mask, part| {
                names
                    .iter()
                    .position(|n| *n == part)
                    .map(|i| mask | 1 << i)
                    .ok_or_else(|| format!("{} is not one of {}", shown(part), names.join(", ")))
            })
            .map(Val::Mask),
        Kind::Pin => parse_pin(raw, 0).map(|p| Val::Pin(Some(Box::new(p)))),
    }
}

/// Brings parameters written by schema `version` up to [`VERSION`], one step per version.
///
/// Version 1 is the first schema, so there is nothing to rewrite yet; a version 2 adds
/// `if version < 2 { … }` here, and `tests/fixtures/links_v1.json` must keep decoding the same.
pub fn migrate(version: u32, params: Vec<(String, String)>) -> Vec<(String, String)> {
    debug_assert!((1..=VERSION).contains(&version));
    params
}

/// Decodes a query string (with or without the leading `?`).
pub fn decode(query: &str) -> Decoded {
    let defaults = Settings::default();
    let mut settings = Settings::default();
    let mut notices = Vec::new();
    let mut unknown = Vec::new();
    let mut note = |key: &str, reason: String| {
        notices.push(Notice {
            key: if key.is_empty() { "(no key)" } else { key }.to_string(),
            reason,
        })
    };

    let mut pairs = Vec::new();
    for part in query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        match (percent_decode(k), percent_decode(v)) {
            (Some(k), Some(v)) => pairs.push((k, v)),
            (Some(k), None) => note(&k, "badly escaped value: ignored".into()),
            _ => note(&shown(k), "badly escaped key: ignored".into()),
        }
    }
    let version = match pairs.iter().position(|(k, _)| k == "v") {
        None => VERSION,
        Some(i) => {
            let (_, raw) = pairs.remove(i);
            match raw.parse::<u32>() {
                Ok(v) if (1..=VERSION).contains(&v) => v,
                Ok(v) if v > VERSION => {
                    note(
                        "v",
                        format!(
                            "link made by a newer Anneal (v={v}); reading what this version knows"
                        ),
                    );
                    VERSION
                }
                _ => {
                    note(
                        "v",
                        format!(
                            "{} is not a schema version; read as v={VERSION}",
                            shown(&raw)
                        ),
                    );
                    VERSION
                }
            }
        }
    };
    let mut seen: Vec<String> = Vec::new();
    for (k, raw) in migrate(version, pairs) {
        let Some(key) = KEYS.iter().find(|key| key.name == k) else {
            if !unknown.iter().any(|(u, _): &(String, String)| *u == k) && unknown.len() < 32 {
                unknown.push((k, raw));
            }
            continue;
        };
        if seen.contains(&k) {
            note(&k, "given more than once: the first value is used".into());
            continue;
        }
        seen.push(k.clone());
        match parse_value(key, &raw) {
            Ok(v) => (key.set)(&mut settings, v),
            Err(why) => note(
                &k,
                format!("{why}; using the default {}", text((key.get)(&defaults))),
            ),
        }
    }
    Decoded {
        settings,
        notices,
        unknown,
    }
}

/// A value as a link writes it.
pub(crate) fn text(v: Val) -> String {
    match v {
        Val::Flag(b) => if b { "1" } else { "0" }.to_string(),
        Val::Num(x) => format_value(x),
        Val::Name(n) => n.to_string(),
        Val::Mask(m) => PARTS
            .iter()
            .enumerate()
            .filter(|(i, _)| m & (1 << i) != 0)
            .map(|(_, p)| *p)
            .collect::<Vec<_>>()
            .join(","),
        Val::Pin(p) => p.map(|p| pin_text(&p)).unwrap_or_default(),
    }
}

/// Encodes `settings` (only values that differ from the defaults) and the kept unknown keys.
pub fn encode(settings: &Settings, unknown: &[(String, String)]) -> String {
    let defaults = Settings::default();
    let mut parts = vec![format!("v={VERSION}")];
    for key in KEYS {
        let v = (key.get)(settings);
        if v != (key.get)(&defaults) {
            parts.push(format!("{}={}", key.name, percent_encode(&text(v))));
        }
    }
    for (k, v) in unknown {
        parts.push(format!("{}={}", percent_encode(k), percent_encode(v)));
    }
    parts.join("&")
}

/// The README's URL reference, generated from [`KEYS`].
pub fn reference_markdown() -> String {
    let mut out = String::from("| key | meaning | values | default |\n|---|---|---|---|\n");
    out += &format!("| `v` | schema version | {VERSION} | {VERSION} |\n");
    let defaults = Settings::default();
    for key in KEYS {
        let values = match key.kind {
            Kind::Number(spec) => format!(
                "{} … {}{}",
                format_value(spec.min),
                format_value(spec.max),
                if spec.integer { ", whole" } else { "" }
            ),
            Kind::Flag => "1, 0".to_string(),
            Kind::Choice(names) => names.join(", "),
            Kind::Parts(names) => format!("any of {}", names.join(", ")),
            Kind::Pin => "text".to_string(),
        };
        out += &format!(
            "| `{}` | {} | {values} | {} |\n",
            key.name,
            key.meaning,
            text((key.get)(&defaults))
        );
    }
    out
}
