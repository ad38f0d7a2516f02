//! Anneal's schedule as a short Python function of the step, for a library with no built-in
//! call that reproduces it: each phase's closed form written with this schedule's numbers, in
//! the same operations, in the same order, as the page computes it.

use super::python::py_float as f;
use crate::schedule::{Family, Schedule};

mod cosine;
mod families;

use families::lines;

/// What a library's closure snippet is written from.
pub struct ClosureInput<'a> {
    /// The standard-library imports `function` needs, one line each.
    pub imports: &'a str,
    /// `lr_at(step)`, after the helpers it calls.
    pub function: &'a str,
    /// Steps the snippet prints.
    pub steps: u64,
    /// Why no built-in call reproduces the schedule.
    pub why: &'a str,
    /// The nearest built-in call, when there is one that differs, for the reader to weigh.
    pub nearest: Option<&'a str>,
    /// The schedule's peak: the optimizer's lr a torch `LambdaLR` scales.
    pub peak: f64,
}

/// Python defining `lr_at(step)`: (its standard-library imports, one helper per cosine phase
/// and then the function choosing the phase by the step).
pub fn function(s: &Schedule) -> (String, String) {
    let mut helpers = String::new();
    let mut body = String::from("    step = float(step)\n");
    for (i, phase) in s.phases.iter().enumerate() {
        let start = s.start(i);
        let t = if start == 0.0 {
            "step".to_string()
        } else {
            format!("step - {}", f(start))
        };
        let last = i + 1 == s.phases.len();
        // The largest local time the phase sees: at whole steps below a whole boundary from a
        // whole start, one step short of it (exact); otherwise up to the boundary (rounding).
        let span = match s.boundaries.get(i) {
            None => f64::INFINITY,
            Some(&next) if start.fract() == 0.0 && next.fract() == 0.0 => next - 1.0 - start,
            Some(&next) => next - start,
        };
        let code = lines(phase, i + 1, span, &mut helpers);
        let indent = if last { "    " } else { "        " };
        if !last {
            body += &format!("    if step < {}:\n", f(s.start(i + 1)));
        }
        if !matches!(phase, Family::Constant(_)) {
            body += &format!("{indent}t = {t}\n");
        }
        for line in code {
            body += &format!("{indent}{line}\n");
        }
    }
    let bisect = if body.contains("bisect.") {
        "import bisect\n"
    } else {
        ""
    };
    let function = format!(
        "{helpers}def lr_at(step):\n    \"\"\"Anneal's learning rate at `step`: {}.\"\"\"\n{body}",
        summary(s)
    );
    (format!("{bisect}import math\n"), function)
}

/// "Linear, then Tanh from step 200".
fn summary(s: &Schedule) -> String {
    s.phases
        .iter()
        .enumerate()
        .map(|(i, p)| match i {
            0 => p.kind().label().to_string(),
            _ => format!(
                "then {} from step {}",
                p.kind().label(),
                crate::format::format_value(s.start(i))
            ),
        })
        .collect::<Vec<_>>()
        .join(", ")
}
