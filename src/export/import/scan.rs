//! The scheduler calls in pasted code, each outside the others' parentheses, with the variable
//! it is assigned to: which one is imported, with a chaining call's named schedulers filled in
//! (`SequentialLR(opt, [warmup, cosine], …)` after `warmup = LinearLR(…)`), and which are not.

use super::{error, last, unsupported, ImportError};
use crate::export::pycall::{parse_call_at, Call, Py};
use crate::schedule::frameworks::{apis, Api, Framework, Pasted};

/// A scheduler call found in the code.
pub(super) struct Found {
    pub framework: Framework,
    pub api: &'static Api,
    pub pasted: &'static Pasted,
    pub call: Call,
    /// The variable the call is assigned to (`warmup = LinearLR(…)`).
    bound: Option<String>,
    /// The line it starts on, from 1.
    line: usize,
}

/// Every scheduler call in `code` (comments blanked, `quoted` marking string characters), in
/// order. Until one is found, a call no library can draw or one that does not parse refuses
/// the import; after, such a call is named in `left`.
pub(super) fn calls(
    code: &[char],
    quoted: &[bool],
    left: &mut Vec<String>,
) -> Result<Vec<Found>, ImportError> {
    let mut found: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < code.len() {
        // A name starts after anything but a name character (a module path's dot included).
        let boundary = i == 0 || !(code[i - 1].is_alphanumeric() || code[i - 1] == '_');
        if !boundary || quoted[i] {
            i += 1;
            continue;
        }
        let rest: String = code[i..].iter().take(64).collect();
        let called =
            |name: &str| rest.starts_with(name) && rest[name.len()..].trim_start().starts_with('(');
        let line = code[..i].iter().filter(|c| **c == '\n').count() + 1;
        if let Some(refusal) = unsupported(&code[..i], &called) {
            if found.is_empty() {
                return Err(refusal);
            }
            left.push(format!("line {line} is left out: {}", refusal.message));
            i += 1;
            continue;
        }
        let hit = apis().find_map(|(framework, api)| {
            let pasted = api.pasted.as_ref().filter(|p| called(p.python))?;
            Some((framework, api, pasted))
        });
        let Some((framework, api, pasted)) = hit else {
            i += 1;
            continue;
        };
        match parse_call_at(code, i) {
            Ok((call, end)) => {
                found.push(Found {
                    framework,
                    api,
                    pasted,
                    call,
                    bound: bound_to(&code[..i]),
                    line,
                });
                i = end;
            }
            Err(e) if found.is_empty() => return Err(error(Some(e.column), e.message)),
            Err(e) => {
                left.push(format!(
                    "{}(…) on line {line} is left out: column {}: {}",
                    pasted.python, e.column, e.message
                ));
                i += 1;
            }
        }
    }
    Ok(found)
}

/// The variable a call is assigned to, from the code `before` it on its line: `name = ` or
/// `self.name = `, then any module path (`torch.optim.lr_scheduler.`).
fn bound_to(before: &[char]) -> Option<String> {
    let line: String = before.iter().rev().take_while(|c| **c != '\n').collect();
    let line: String = line.chars().rev().collect();
    let path = |c: char| c.is_alphanumeric() || c == '_' || c == '.';
    let lhs = line
        .trim_end_matches(path)
        .trim_end()
        .strip_suffix('=')?
        .trim();
    let ok = !lhs.is_empty()
        && !lhs.ends_with(['=', '!', '<', '>'])
        && lhs
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.');
    ok.then(|| lhs.to_string())
}

/// The call to import: the last chaining call whose list names schedulers assigned before it,
/// with those names replaced by their calls, or else the first. The calls neither imported nor
/// filled in are named in `left`.
pub(super) fn chosen(found: Vec<Found>, left: &mut Vec<String>) -> Option<Found> {
    let named = |f: &Found| {
        let Some(n) = &f.pasted.nested else {
            return false;
        };
        list_mut(&mut f.call.clone(), f.pasted, n.arg)
            .is_some_and(|items| items.iter().any(|p| matches!(p, Py::Name(_))))
    };
    if found.is_empty() {
        return None;
    }
    let pick = found.iter().rposition(named).unwrap_or(0);
    let mut used = vec![false; found.len()];
    used[pick] = true;
    let mut call = found[pick].call.clone();
    if let Some(n) = &found[pick].pasted.nested {
        if let Some(items) = list_mut(&mut call, found[pick].pasted, n.arg) {
            for item in items.iter_mut() {
                let Py::Name(name) = item else { continue };
                // The latest assignment before the chaining call, in the same library.
                let source = (0..pick).rev().find(|&j| {
                    found[j].bound.as_deref() == Some(name.as_str())
                        && found[j].framework == found[pick].framework
                });
                if let Some(j) = source {
                    *item = Py::Call(found[j].call.clone());
                    used[j] = true;
                }
            }
        }
    }
    for (f, _) in found.iter().zip(&used).filter(|(_, used)| !**used) {
        left.push(format!(
            "only one scheduler is imported: {}(…) on line {} is left out",
            last(&f.call.name),
            f.line
        ));
    }
    let mut chosen = found.into_iter().nth(pick)?;
    chosen.call = call;
    Some(chosen)
}

/// The list of scheduler calls `call` passes as `arg`, to change.
fn list_mut<'a>(call: &'a mut Call, pasted: &Pasted, arg: &str) -> Option<&'a mut Vec<Py>> {
    let index = pasted.positional.iter().position(|n| *n == arg);
    match call.arg_mut(index, arg) {
        Some(Py::List(items)) => Some(items),
        _ => None,
    }
}
