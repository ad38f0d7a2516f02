//! A pasted call's arguments as the golden format's keyword dictionary, with the numbers the
//! pasted code assigns by name filled in (`T_max=total - warmup` after `total = 1876`).

use super::{error, last, ImportError};
use crate::export::pycall::{parse_value_at, Call, Py};
use crate::export::pyexpr::{expression, Names};
use crate::format::{format_value, round_significant};
use crate::schedule::frameworks::{Arg, Framework, Nested, Pasted};

/// Reads arguments with the names the pasted code assigns.
pub(super) struct Args {
    /// The code, where the optimizer's lr is looked for.
    code: Vec<char>,
    names: Names,
    /// Each argument written with names, with its value (`total - warmup = 1764`), and the
    /// parameter it fed once that is known.
    said: Vec<(Option<String>, String)>,
}

impl Args {
    /// A reader of the calls in `code` (comments blanked, `quoted` marking string characters)
    /// with the names assigned before character `call`, where the imported call's line starts.
    pub fn new(code: &[char], quoted: &[bool], call: usize) -> Self {
        Args {
            // Strings blanked: `f"lr={lr:.2e}"` is not an optimizer's lr.
            code: code
                .iter()
                .zip(quoted)
                .map(|(&c, &q)| if q { ' ' } else { c })
                .collect(),
            names: Names::assigned(&code[..call], &quoted[..call]),
            said: Vec::new(),
        }
    }

    /// The note naming what was read from assignments, each with the parameter it fed (not
    /// when it is the name itself: `epochs = 10`, not `epochs = epochs = 10`), once each.
    pub fn note(&self) -> Option<String> {
        let mut shown: Vec<String> = Vec::new();
        for (key, said) in &self.said {
            let line = match key {
                Some(k) if !said.starts_with(&format!("{k} ")) => format!("{k} = {said}"),
                _ => said.clone(),
            };
            if !shown.contains(&line) {
                shown.push(line);
            }
        }
        (!shown.is_empty()).then(|| {
            format!(
                "read from the numbers assigned in the pasted code: {}",
                shown.join(", ")
            )
        })
    }

    fn value(&mut self, p: &Py) -> Arg {
        match p {
            Py::Int(i) => Arg::Int(*i),
            Py::Num(v) => Arg::Num(*v),
            Py::Str(s) => Arg::Str(s.clone()),
            Py::Bool(b) => Arg::Bool(*b),
            Py::None => Arg::Null,
            Py::Name(n) => {
                // A float's noise is left out of the note, and "≈" says so.
                let (arg, said) = match expression(n, &self.names) {
                    Py::Int(i) => (Arg::Int(i), format!("{n} = {}", format_value(i as f64))),
                    Py::Num(v) => {
                        let shown = round_significant(v, 15);
                        let sign = if shown == v { "=" } else { "≈" };
                        (Arg::Num(v), format!("{n} {sign} {}", format_value(shown)))
                    }
                    _ => return Arg::Name(n.clone()),
                };
                self.said.push((None, said));
                arg
            }
            Py::List(items) => Arg::List(items.iter().map(|p| self.value(p)).collect()),
            // A nested call's or dict's values fed its own keys (`total_iters = warmup`).
            Py::Dict(pairs) => Arg::Dict(
                pairs
                    .iter()
                    .map(|(k, v)| (k.clone(), self.keyed(k, v)))
                    .collect(),
            ),
            // Python's float() of a string, as written in a call: float("inf"), float("1e-3")
            // (of a number, pycall has evaluated it).
            Py::Call(c) if c.name == "float" && c.kwargs.is_empty() && c.args.len() == 1 => {
                match &c.args[0] {
                    Py::Str(s) => s
                        .trim()
                        .parse()
                        .map_or_else(|_| Arg::Str(s.clone()), Arg::Num),
                    other => self.value(other),
                }
            }
            Py::Call(c) => Arg::Dict(
                c.kwargs
                    .iter()
                    .map(|(k, v)| (k.clone(), self.keyed(k, v)))
                    .collect(),
            ),
        }
    }

    /// [`Args::value`] of the argument `key`, whose names read from assignments the note
    /// says it fed (`T_max = total - warmup = 1764`).
    fn keyed(&mut self, key: &str, p: &Py) -> Arg {
        let before = self.said.len();
        let arg = self.value(p);
        for (fed, _) in &mut self.said[before..] {
            fed.get_or_insert_with(|| key.to_string());
        }
        arg
    }

    /// The call's arguments as the golden format's keyword dictionary (positional ones named).
    pub fn params(
        &mut self,
        call: &Call,
        names: &[&str],
    ) -> Result<Vec<(String, Arg)>, ImportError> {
        if call.args.len() > names.len() {
            return Err(error(
                None,
                format!(
                    "{} takes at most {} positional arguments",
                    last(&call.name),
                    names.len()
                ),
            ));
        }
        let mut out: Vec<(String, Arg)> = Vec::new();
        for (name, value) in names.iter().zip(&call.args) {
            if *name != "optimizer" {
                let arg = self.keyed(name, value);
                out.push((name.to_string(), arg));
            }
        }
        for (k, v) in &call.kwargs {
            if k == "optimizer" {
                continue;
            }
            if out.iter().any(|(name, _)| name == k) {
                return Err(error(
                    None,
                    format!("'{k}' given both by position and by keyword"),
                ));
            }
            let arg = self.keyed(k, v);
            out.push((k.clone(), arg));
        }
        out.retain(|(k, v)| {
            !(*v == Arg::Null && (k == "name" || k == "warmup_target" || k == "noise_range_t"))
        });
        Ok(out)
    }

    /// A chaining call's inner scheduler calls become the golden format's list of dicts, each
    /// naming its call under the nested list's tag; an inner call must be one of the same
    /// library's pasted APIs, and may chain others in turn.
    pub fn nested(
        &mut self,
        call: &Call,
        framework: Framework,
        pasted: &Pasted,
        nested: &Nested,
        p: &mut [(String, Arg)],
    ) -> Result<(), ImportError> {
        let needs = || {
            error(
                None,
                format!("{} needs its list of {}", pasted.python, nested.arg),
            )
        };
        let list = p
            .iter_mut()
            .find(|(k, _)| k == nested.arg)
            .map(|(_, list)| list)
            .ok_or_else(needs)?;
        let by_position = pasted.positional.iter().position(|n| *n == nested.arg);
        let Some(Py::List(items)) = call.arg(by_position, nested.arg) else {
            return Err(needs());
        };
        let mut calls = Vec::new();
        for item in items {
            let c = match item {
                Py::Call(c) => c,
                Py::Name(n) => {
                    return Err(error(
                        None,
                        format!(
                            "{}'s {}: {n} is not assigned a scheduler call above it in the text",
                            pasted.python, nested.arg
                        ),
                    ))
                }
                _ => {
                    return Err(error(
                        None,
                        format!("{}'s {} must be scheduler calls", pasted.python, nested.arg),
                    ))
                }
            };
            let name = last(&c.name);
            let Some(inner) = framework
                .apis()
                .iter()
                .filter_map(|api| api.pasted.as_ref())
                .find(|q| q.python == name)
            else {
                return Err(error(
                    None,
                    format!(
                        "{name} inside {} is not a {} scheduler Anneal reads",
                        pasted.python,
                        framework.name()
                    ),
                ));
            };
            let mut q = self.params(c, inner.positional)?;
            if let Some(n) = &inner.nested {
                self.nested(c, framework, inner, n, &mut q)?;
            }
            q.insert(0, (nested.tag.to_string(), Arg::Str(name.to_string())));
            calls.push(Arg::Dict(q));
        }
        *list = Arg::List(calls);
        Ok(())
    }

    /// The first `lr=…` in the code with a value: the optimizer's learning rate; else the
    /// first one written, if any.
    pub fn optimizer_lr(&mut self) -> Result<f64, Option<String>> {
        // Taken while `value` records what it reads, then put back.
        let code = std::mem::take(&mut self.code);
        let mut first = None;
        let mut lr = None;
        for i in 0..code.len() {
            // `lr` as a whole name (not `max_lr`), then `=` (not `==`).
            let boundary = i == 0 || !(code[i - 1].is_alphanumeric() || code[i - 1] == '_');
            if !boundary || !code[i..].starts_with(&['l', 'r']) {
                continue;
            }
            let mut eq = i + 2;
            while code.get(eq).is_some_and(|c| c.is_whitespace()) {
                eq += 1;
            }
            if code.get(eq) != Some(&'=') || code.get(eq + 1) == Some(&'=') {
                continue;
            }
            let Ok((value, end)) = parse_value_at(&code, eq + 1) else {
                continue;
            };
            if let Some(v) = self.keyed("lr", &value).as_f64() {
                lr = Some(v);
                break;
            }
            first.get_or_insert_with(|| {
                code[eq + 1..end]
                    .iter()
                    .collect::<String>()
                    .trim()
                    .to_string()
            });
        }
        self.code = code;
        lr.ok_or(first)
    }
}
