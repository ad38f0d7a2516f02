//! The schedule's text form for share links: phases joined by `!<start>!`, each
//! `name(v,v,…)` in its table's order with trailing defaults left out, lists as `a_b_c`, numbers
//! in their shortest round-trip form; only characters a URL query keeps as they are.

use super::{PhaseError, Schedule};
use crate::schedule::{Anneal, Family, FamilyKind, ParamKind, ParamSpec, ParamValue};

/// The token for a cosine phase that is exactly the explorer's cosine controls.
const CONTROLS: &str = "cos";

/// Joins phases to the step the next one starts at.
const JOIN: char = '!';

/// The shortest text that parses back to exactly `v` (`3e-4`, `0.1`, `2000`, `1e5`).
pub fn number(v: f64) -> String {
    let plain = format!("{v}");
    let exp = format!("{v:e}");
    if exp.len() < plain.len() {
        exp
    } else {
        plain
    }
}

fn value_text(spec: &ParamSpec, value: &ParamValue) -> String {
    match (spec.kind, value) {
        (ParamKind::Choice(options), ParamValue::Choice(i)) => options
            .get(*i)
            .map_or_else(|| i.to_string(), |o| o.0.to_string()),
        (_, ParamValue::List(list)) => list
            .iter()
            .map(|&v| number(v))
            .collect::<Vec<_>>()
            .join("_"),
        (_, ParamValue::Num(v)) => number(*v),
        (_, ParamValue::Choice(i)) => i.to_string(),
    }
}

fn phase_text(phase: &Family, controls: &Anneal) -> String {
    if matches!(phase, Family::Cosine(a) if a == controls) {
        return CONTROLS.to_string();
    }
    let kind = phase.kind();
    let specs = kind.params();
    let values = phase.values();
    let mut kept = values.len();
    while kept > 0
        && specs.get(kept - 1).map(ParamSpec::default_value).as_ref() == values.get(kept - 1)
    {
        kept -= 1;
    }
    if kept == 0 {
        return kind.name().to_string();
    }
    let args: Vec<String> = specs
        .iter()
        .zip(&values)
        .take(kept)
        .map(|(s, v)| value_text(s, v))
        .collect();
    format!("{}({})", kind.name(), args.join(","))
}

/// `text` cut to a length fit for a message.
fn shown(text: &str) -> String {
    const MAX: usize = 24;
    if text.chars().count() > MAX {
        format!("{}…", text.chars().take(MAX).collect::<String>())
    } else {
        text.to_string()
    }
}

fn parse_number(text: &str) -> Option<f64> {
    text.parse::<f64>().ok()
}

fn parse_value(spec: &ParamSpec, text: &str, phase: usize) -> Result<ParamValue, PhaseError> {
    let bad = |what: String| PhaseError::new(Some(phase), spec.name, what);
    match spec.kind {
        ParamKind::Choice(options) => options
            .iter()
            .position(|o| o.0 == text)
            .map(ParamValue::Choice)
            .ok_or_else(|| {
                let names: Vec<&str> = options.iter().map(|o| o.0).collect();
                bad(format!(
                    "expected one of {}, got '{}'",
                    names.join(", "),
                    shown(text)
                ))
            }),
        ParamKind::List if text.is_empty() => Ok(ParamValue::List(Vec::new())),
        ParamKind::List => text
            .split('_')
            .map(parse_number)
            .collect::<Option<Vec<f64>>>()
            .map(ParamValue::List)
            .ok_or_else(|| {
                bad(format!(
                    "expected numbers joined by _, got '{}'",
                    shown(text)
                ))
            }),
        _ => parse_number(text)
            .map(ParamValue::Num)
            .ok_or_else(|| bad(format!("expected a number, got '{}'", shown(text)))),
    }
}

fn parse_phase(text: &str, phase: usize, controls: &Anneal) -> Result<Family, PhaseError> {
    if text == CONTROLS {
        return Ok(Family::Cosine(controls.clone()));
    }
    let (name, args) = match text.split_once('(') {
        Some((name, rest)) => {
            let inner = rest.strip_suffix(')').ok_or_else(|| {
                PhaseError::new(
                    Some(phase),
                    "family",
                    "expected ')' at the end of the phase",
                )
            })?;
            (name, Some(inner))
        }
        None => (text, None),
    };
    let kind = FamilyKind::from_name(name).ok_or_else(|| {
        PhaseError::new(
            Some(phase),
            "family",
            format!(
                "expected {CONTROLS} or one of {}, got '{}'",
                FamilyKind::NAMES.join(", "),
                shown(name)
            ),
        )
    })?;
    let specs = kind.params();
    let given: Vec<&str> = match args {
        Some("") | None => Vec::new(),
        Some(inner) => inner.split(',').collect(),
    };
    if given.len() > specs.len() {
        return Err(PhaseError::new(
            Some(phase),
            kind.name(),
            format!(
                "expected at most {} values, got {}",
                specs.len(),
                given.len()
            ),
        ));
    }
    let values = specs
        .iter()
        .enumerate()
        .map(|(i, spec)| match given.get(i) {
            Some(text) => parse_value(spec, text, phase),
            None => Ok(spec.default_value()),
        })
        .collect::<Result<Vec<_>, _>>()?;
    Family::from_values(kind, &values).map_err(|e| PhaseError::new(Some(phase), e.field, e.reason))
}

impl Schedule {
    /// The compact text form; a cosine phase equal to `controls` is written `cos`.
    pub fn to_text(&self, controls: &Anneal) -> String {
        let mut out = String::new();
        for (i, phase) in self.phases.iter().enumerate() {
            if i > 0 {
                out.push(JOIN);
                out.push_str(&number(self.start(i)));
                out.push(JOIN);
            }
            out.push_str(&phase_text(phase, controls));
        }
        out
    }

    /// Reads [`Schedule::to_text`]'s form back, `cos` standing for `controls`; validated.
    pub fn parse(text: &str, controls: &Anneal) -> Result<Schedule, PhaseError> {
        let parts: Vec<&str> = text.split(JOIN).collect();
        if parts.len().is_multiple_of(2) {
            return Err(PhaseError::new(
                None,
                "schedule",
                "expected phases joined by !start!, as linear(0,0.1,100)!100!cos",
            ));
        }
        let mut phases = Vec::new();
        let mut boundaries = Vec::new();
        for (k, part) in parts.iter().enumerate() {
            let phase = k / 2 + 1;
            if k % 2 == 0 {
                phases.push(parse_phase(part, phase, controls)?);
            } else {
                let b = parse_number(part).ok_or_else(|| {
                    PhaseError::new(
                        Some(phase + 1),
                        "start",
                        format!("expected a step number, got '{}'", shown(part)),
                    )
                })?;
                boundaries.push(b);
            }
        }
        let schedule = Schedule { phases, boundaries };
        schedule.validate()?;
        Ok(schedule)
    }
}
