//! The scheduler calls in pasted code, each outside the others' parentheses, with the variable
//! it is assigned to: which one is imported, with a chaining call's named schedulers filled in
//! (`SequentialLR(opt, [warmup, cosine], …)` after `warmup = LinearLR(…)`), and which are not.

use super::{error, last, unsupported, ImportError};
use crate::export::pycall::{parse_call_at, Call, Py};
use crate::schedule::frameworks::{apis, Api, Framework, Pasted};

/// A scheduler call read from the code: its library, API and arguments.
pub(super) struct Read {
    /// The library it belongs to.
    pub framework: Framework,
    /// Its entry in the library's table of APIs.
    pub api: &'static Api,
    /// How its pasted form reads.
    pub pasted: &'static Pasted,
    /// Its arguments.
    pub call: Call,
}

/// A scheduler call in the code, read or refused, with where it is and what it is assigned to.
pub(super) struct Found {
    /// The call, or why it cannot be imported (no library can draw it, or it does not parse).
    what: Result<Read, String>,
    /// The variable it is assigned to (`warmup = LinearLR(…)`).
    bound: Option<String>,
    /// The line it starts on, from 1.
    line: usize,
}

/// Every scheduler call in `code` (comments blanked, `quoted` marking string characters), in
/// order. Until one is read, a call no library can draw or one that does not parse refuses the
/// import; after, it is kept with its reason.
pub(super) fn calls(code: &[char], quoted: &[bool]) -> Result<Vec<Found>, ImportError> {
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
        let read_any = found.iter().any(|f| f.what.is_ok());
        if let Some(refusal) = unsupported(&code[..i], &called) {
            if !read_any {
                return Err(refusal);
            }
            found.push(at(code, i, Err(refusal.message)));
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
        let (what, end) = match parse_call_at(code, i) {
            Ok((call, end)) => {
                let read = Read {
                    framework,
                    api,
                    pasted,
                    call,
                };
                (Ok(read), end)
            }
            Err(e) if !read_any => {
                return Err(error(Some(line_and_column(code, e.column)), e.message))
            }
            Err(e) => {
                // The column in its own line, as the note names the line.
                let why = format!(
                    "{}(…) cannot be read: column {}: {}",
                    pasted.python,
                    line_and_column(code, e.column).1,
                    e.message
                );
                (Err(why), i + 1)
            }
        };
        found.push(at(code, i, what));
        i = end;
    }
    Ok(found)
}

/// The line and the column in it (both from 1) of the character at `column` (from 1) of `code`.
fn line_and_column(code: &[char], column: usize) -> (usize, usize) {
    let before = &code[..column.saturating_sub(1).min(code.len())];
    let line_start = before.iter().rposition(|c| *c == '\n').map_or(0, |p| p + 1);
    let line = 1 + before.iter().filter(|c| **c == '\n').count();
    (line, column - line_start)
}

/// The call starting at `i` of `code`, with the variable it is assigned to and its line.
fn at(code: &[char], i: usize, what: Result<Read, String>) -> Found {
    Found {
        what,
        bound: bound_to(&code[..i]),
        line: code[..i].iter().filter(|c| **c == '\n').count() + 1,
    }
}

/// The end of `s[..end]` once the characters `skip` takes are taken off.
fn back(s: &[char], mut end: usize, skip: impl Fn(&char) -> bool) -> usize {
    while end > 0 && skip(&s[end - 1]) {
        end -= 1;
    }
    end
}

/// The variable a call is assigned to, from the code `before` it in its statement (after the
/// last line break or `;`): `name = `, `self.name = ` or `name: Type = `, then any module path
/// (`torch.optim.lr_scheduler.`).
fn bound_to(before: &[char]) -> Option<String> {
    let path = |c: &char| c.is_alphanumeric() || *c == '_' || *c == '.';
    let space = |c: &char| c.is_whitespace();
    let from = before
        .iter()
        .rposition(|c| matches!(c, '\n' | ';'))
        .map_or(0, |i| i + 1);
    let s = &before[from..];
    let end = back(s, back(s, s.len(), path), space);
    if end == 0 || s[end - 1] != '=' {
        return None;
    }
    // `==`, `+=` and the like leave no name right before the `=`.
    let end = back(s, end - 1, space);
    let start = back(s, end, path);
    let colon = back(s, start, space);
    let (start, end) = if start < end && colon > 0 && s[colon - 1] == ':' {
        let name_end = back(s, colon - 1, space);
        (back(s, name_end, path), name_end)
    } else {
        (start, end)
    };
    let alone = s[..start].iter().all(space);
    (start < end && alone).then(|| s[start..end].iter().collect())
}

/// The call to import, with the notes naming each call left out: the last chaining call whose
/// list names schedulers assigned before it, with those names replaced by their calls (in
/// lists of those calls too), or else the first call read. `None` when none was read; an error
/// when a name stands for a call that cannot be imported. With the call, the line it is on.
pub(super) fn chosen(found: &[Found]) -> Result<Option<(Read, usize, Vec<String>)>, ImportError> {
    let named = |f: &Found| {
        f.what.as_ref().is_ok_and(|r| {
            matches!(list(r).and_then(|(i, a)| r.call.arg(i, a)), Some(Py::List(items))
                if items.iter().any(|p| matches!(p, Py::Name(_))))
        })
    };
    let Some(pick) = found
        .iter()
        .rposition(named)
        .or_else(|| found.iter().position(|f| f.what.is_ok()))
    else {
        return Ok(None);
    };
    let Ok(first) = &found[pick].what else {
        return Ok(None);
    };
    let mut used = vec![false; found.len()];
    used[pick] = true;
    let mut call = first.call.clone();
    fill(&mut call, first, pick, found, &mut used)?;
    let left = found
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|(f, _)| match &f.what {
            Ok(r) => format!(
                "{}(…) on line {} is left out: the import reads one schedule, {}(…) on line {}",
                last(&r.call.name),
                f.line,
                first.pasted.python,
                found[pick].line
            ),
            Err(why) => format!("line {} is left out: {why}", f.line),
        })
        .collect();
    let read = Read {
        framework: first.framework,
        api: first.api,
        pasted: first.pasted,
        call,
    };
    Ok(Some((read, found[pick].line, left)))
}

/// Where `r` passes its list of schedulers: its position and keyword, when it chains any.
fn list(r: &Read) -> Option<(Option<usize>, &'static str)> {
    let arg = r.pasted.nested.as_ref()?.arg;
    Some((r.pasted.positional.iter().position(|p| *p == arg), arg))
}

/// Replaces the names in `call`'s list of schedulers (`call` is `of`'s, found at `at`) by the
/// calls assigned to them before `at`, and the names in theirs in turn, marking those `used`.
fn fill(
    call: &mut Call,
    of: &Read,
    at: usize,
    found: &[Found],
    used: &mut [bool],
) -> Result<(), ImportError> {
    let Some((index, arg)) = list(of) else {
        return Ok(());
    };
    let Some(Py::List(items)) = call.arg_mut(index, arg) else {
        return Ok(());
    };
    for item in items {
        let Py::Name(name) = item else { continue };
        // The latest assignment before the call that lists it.
        let Some(j) = found[..at]
            .iter()
            .rposition(|f| f.bound.as_deref() == Some(name.as_str()))
        else {
            continue;
        };
        match &found[j].what {
            Ok(inner) if inner.framework == of.framework => {
                let mut inner_call = inner.call.clone();
                fill(&mut inner_call, inner, j, found, used)?;
                *item = Py::Call(inner_call);
                used[j] = true;
            }
            Ok(_) => {}
            Err(why) => {
                return Err(error(
                    None,
                    format!("{name} (line {}): {why}", found[j].line),
                ))
            }
        }
    }
    Ok(())
}
