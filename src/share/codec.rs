//! The share-link codec: the explorer's state as a short, versioned, validated query string.
//!
//! One table ([`KEYS`]) drives decoding, encoding, validation messages and the README's URL
//! reference. Decoding never fails as a whole: a bad value falls back to its default with a
//! notice naming the key, unknown keys are kept and written back, `v` allows migrations.

pub use super::key::{Key, Kind, Val};
use super::pins::MAX_PIN_NAME;
use super::settings::Settings;
use super::table::key_named;
pub use super::table::KEYS;
use super::value::{fits_link, parse_value, read_parts, shown, text, MAX_CALL_LEN, MAX_PIN_LEN};
use crate::format::format_value;

/// The schema version this build writes.
pub const VERSION: u32 = 2;

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

impl Decoded {
    /// What the page and the CLI tell about the link: each rejected value, then each key this
    /// version does not know (kept in the link, so nothing is dropped silently).
    pub fn shown_notices(&self) -> Vec<Notice> {
        let unknown = self.unknown.iter().map(|(k, _)| {
            // A control character (%00) would show as nothing: it shows as �.
            let cut: String = k
                .chars()
                .take(24)
                .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
                .collect();
            Notice {
                key: if k.chars().count() > 24 {
                    format!("{cut}…")
                } else {
                    cut
                },
                reason: "kept in the link, not used by this version of Anneal".into(),
            }
        });
        self.notices.iter().cloned().chain(unknown).collect()
    }
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

/// Escapes everything but unreserved characters, commas, colons, `!` and parentheses (legal in
/// a query; they keep `hide=controls,landscape`, `pin1=name~t_max:50` and
/// `phases=cos!100!linear(0.1,0)` readable).
fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b','
            | b':'
            | b'!'
            | b'('
            | b')' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Brings parameters written by schema `version` up to [`VERSION`], one step per version;
/// `tests/fixtures/links_v1.json` must keep decoding the same.
///
/// Version 2: a start left out of a link is the surface's own start, where version 1 read it
/// as the default surface's (-1.95, 1.53) on every surface, so a v1 link gets that start written.
pub fn migrate(version: u32, mut params: Vec<(String, String)>) -> Vec<(String, String)> {
    debug_assert!((1..=VERSION).contains(&version));
    if version < 2 && params.iter().any(|(k, _)| k == "surface") {
        for (key, v1) in [("x0", "-1.95"), ("y0", "1.53")] {
            if !params.iter().any(|(k, _)| k == key) {
                params.push((key.into(), v1.into()));
            }
        }
    }
    params
}

/// Decodes a query string (with or without the leading `?`).
pub fn decode(query: &str) -> Decoded {
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
    let pairs = migrate(version, pairs);
    // The start's default is the surface's own start, so the surface is read first.
    let mut defaults = Settings::default();
    let surface = pairs
        .iter()
        .find(|(k, _)| k == "surface")
        .and_then(|(k, raw)| {
            let key = key_named(k)?;
            Some((key, parse_value(key, raw).ok()?))
        });
    if let Some((key, v)) = surface {
        (key.set)(&mut defaults, v);
    }
    let defaults = defaults.link_defaults();
    let mut settings = defaults.clone();
    let mut seen: Vec<String> = Vec::new();
    for (k, raw) in pairs {
        let Some(key) = key_named(&k) else {
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
            Ok(v) => {
                if let Val::Pin(Some(pin)) = &v {
                    if let Some(why) = name_cut(&raw, &pin.name) {
                        note(&k, why);
                    }
                }
                (key.set)(&mut settings, v)
            }
            Err(why) if matches!(key.kind, Kind::Pin) => {
                note(&k, format!("{why}; the pin is left out"))
            }
            Err(why) if let Some(mask) = kept_parts(key, &raw) => {
                (key.set)(&mut settings, Val::Mask(mask));
                note(&k, format!("{why}; left out, the others used"))
            }
            Err(why) => {
                let default = text((key.get)(&defaults), &key.kind);
                let default = if default.is_empty() {
                    "(none)".into()
                } else {
                    default
                };
                note(&k, format!("{why}; using the default {default}"))
            }
        }
    }
    // Imported code is read with the settings it came with; code that reads no call is left
    // out with the import's reason (its first clause: the list of calls Anneal reads is long).
    if !settings.imported.is_empty() {
        if let Err(e) = crate::export::import(&settings.imported, &settings) {
            let why = e.to_string();
            let why = match why.split_once("; ") {
                Some((first, _)) if why.len() > 120 => first,
                _ => &why,
            };
            note(
                "import",
                format!("the imported call cannot be read ({why}); left out"),
            );
            settings.imported.clear();
        }
    }
    // A start off the surface is moved onto it here, so its boxes and the link say where it is.
    let (spec, moved) = settings.lab.spec();
    if let Some(why) = moved {
        let key = if spec.start[0] == settings.lab.x0 {
            "y0"
        } else {
            "x0"
        };
        note(key, why);
        [settings.lab.x0, settings.lab.y0] = spec.start;
    }
    Decoded {
        settings,
        notices,
        unknown,
    }
}

/// What a pin's link value `raw` lost when its name was cut to [`MAX_PIN_NAME`] characters.
fn name_cut(raw: &str, name: &str) -> Option<String> {
    let written = raw.split('~').next().unwrap_or_default();
    (written.chars().count() > MAX_PIN_NAME)
        .then(|| format!("the name is cut to {MAX_PIN_NAME} characters: \"{name}\""))
}

/// The right names of a list key's refused value, when it has any: one typo in `hide=` leaves
/// the other parts hidden.
fn kept_parts(key: &Key, raw: &str) -> Option<u32> {
    let Kind::Parts(names) = key.kind else {
        return None;
    };
    let (mask, _) = read_parts(raw, names);
    (raw.len() <= MAX_PIN_LEN && mask != 0).then_some(mask)
}

/// Encodes `settings` (only values that differ from the defaults) and the kept unknown keys.
pub fn encode(settings: &Settings, unknown: &[(String, String)]) -> String {
    let defaults = settings.link_defaults();
    let mut parts = vec![format!("v={VERSION}")];
    for key in KEYS {
        let v = (key.get)(settings);
        if v != (key.get)(&defaults) {
            let v = text(v, &key.kind);
            // Code too long for a link stays on the page (Copy link says so).
            if matches!(key.kind, Kind::Call) && !fits_link(&v) {
                continue;
            }
            parts.push(format!("{}={}", key.name, percent_encode(&v)));
        }
    }
    for (k, v) in unknown {
        parts.push(format!("{}={}", percent_encode(k), percent_encode(v)));
    }
    parts.join("&")
}

/// `base` with `query` appended, or `base` alone when the query holds nothing but the version
/// (a link to the defaults).
pub fn with_query(base: &str, query: &str) -> String {
    if query == format!("v={VERSION}") {
        base.to_string()
    } else {
        format!("{base}?{query}")
    }
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
            Kind::Phases => "phases: name(values)!start!name(values)…".to_string(),
            Kind::Call => format!("Python code, at most {MAX_CALL_LEN} characters"),
        };
        out += &format!(
            "| `{}` | {} | {values} | {} |\n",
            key.name,
            key.meaning,
            text((key.get)(&defaults), &key.kind)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_named_after_the_rejected_values() {
        let long = "k".repeat(40);
        let d = decode(&format!("?t_max=abc&warm_ratio=0.03&{long}=1"));
        let shown: Vec<(String, String)> = d
            .shown_notices()
            .into_iter()
            .map(|n| (n.key, n.reason))
            .collect();
        assert_eq!(shown.len(), 3);
        assert_eq!(shown[0].0, "t_max");
        assert_eq!(
            shown[1],
            (
                "warm_ratio".to_string(),
                "kept in the link, not used by this version of Anneal".to_string()
            )
        );
        assert_eq!(shown[2].0, format!("{}…", "k".repeat(24)));
        assert!(decode("?t_max=10").shown_notices().is_empty());
        let hidden = decode("?%00=1&a%07b=2").shown_notices();
        let keys: Vec<&str> = hidden.iter().map(|n| n.key.as_str()).collect();
        assert_eq!(keys, ["\u{FFFD}", "a\u{FFFD}b"], "no invisible key");
    }

    #[test]
    fn a_bare_version_leaves_the_base_alone() {
        let defaults = encode(&Settings::default(), &[]);
        assert_eq!(with_query("/anneal/", &defaults), "/anneal/");
        let s = Settings {
            restarts: true,
            ..Settings::default()
        };
        let q = encode(&s, &[]);
        assert_eq!(with_query("/anneal/", &q), format!("/anneal/?{q}"));
    }
}
