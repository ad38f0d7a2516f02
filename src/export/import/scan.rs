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
        let line = || code[..i].iter().filter(|c| **c == '\n').count() + 1;
        if let Some(refusal) = unsupported(&code[..i], &called) {
            if found.is_empty() {
                return Err(refusal);
            }
            left.push(format!("line {} is left out: {}", line(), refusal.message));
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
                    line: line(),
                });
                i = end;
            }
            Err(e) if found.is_empty() => return Err(error(Some(e.column), e.message)),
            Err(e) => {
                left.push(format!(
                    "{}(…) on line {} is left out: column {}: {}",
                    pasted.python,
                    line(),
                    e.column,
                    e.message
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
    let path = |c: &char| c.is_alphanumeric() || *c == '_' || *c == '.';
    let line = &before[before.iter().rposition(|c| *c == '\n').map_or(0, |i| i + 1)..];
    let mut end = line.len();
    while end > 0 && path(&line[end - 1]) {
        end -= 1;
    }
    while end > 0 && line[end - 1].is_whitespace() {
        end -= 1;
    }
    if end == 0 || line[end - 1] != '=' {
        return None;
    }
    end -= 1;
    // `==`, `+=` and the like are no assignment of the call.
    while end > 0 && line[end - 1].is_whitespace() {
        end -= 1;
    }
    let start = line[..end]
        .iter()
        .rposition(|c| !path(c))
        .map_or(0, |i| i + 1);
    let alone = line[..start].iter().all(|c| c.is_whitespace());
    (start < end && alone).then(|| line[start..end].iter().collect())
}

/// The call to import: the last chaining call whose list names schedulers assigned before it,
/// with those names replaced by their calls, or else the first. The calls neither imported nor
/// filled in are named in `left`.
pub(super) fn chosen(mut found: Vec<Found>, left: &mut Vec<String>) -> Option<Found> {
    let list = |f: &Found| {
        let n = f.pasted.nested.as_ref()?;
        let index = f.pasted.positional.iter().position(|p| *p == n.arg);
        Some((index, n.arg))
    };
    let named = |f: &Found| {
        list(f).is_some_and(|(index, arg)| {
            matches!(f.call.arg(index, arg), Some(Py::List(items))
                if items.iter().any(|p| matches!(p, Py::Name(_))))
        })
    };
    let mut before = found.iter().rposition(named).unwrap_or(0);
    let mut chosen = (before < found.len()).then(|| found.remove(before))?;
    if let Some((index, arg)) = list(&chosen) {
        if let Some(Py::List(items)) = chosen.call.arg_mut(index, arg) {
            for item in items {
                let Py::Name(name) = item else { continue };
                // The latest assignment before the chaining call, in the same library.
                let source = found[..before].iter().rposition(|f| {
                    f.bound.as_deref() == Some(name.as_str()) && f.framework == chosen.framework
                });
                if let Some(j) = source {
                    *item = Py::Call(found.remove(j).call);
                    before -= 1;
                }
            }
        }
    }
    for f in found {
        left.push(format!(
            "only one scheduler is imported: {}(…) on line {} is left out",
            last(&f.call.name),
            f.line
        ));
    }
    Some(chosen)
}
