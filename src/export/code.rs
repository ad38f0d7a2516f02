//! The current schedule as ready-to-run code for PyTorch, timm, Hugging Face, optax and Keras.
//!
//! Each snippet is built from the framework's nearest call (see [`composed`]), so its
//! numbers are the ones the compare overlay draws for that framework; each library's module
//! writes its own code, this module decides whether the call is exact.

use crate::format::{format_value, shown, shown_3};
use crate::schedule::frameworks::closure::{function, ClosureInput};
use crate::schedule::frameworks::compose::{composed, cosine_form};
use crate::schedule::frameworks::{Equivalent, Framework, SnippetInput};
use crate::schedule::Schedule;

/// One framework's code.
#[derive(Clone, Debug, PartialEq)]
pub struct Snippet {
    /// The framework.
    pub framework: Framework,
    /// Short name for files and the CLI (the framework's key: `torch`, `timm`, `hf`, …).
    pub key: &'static str,
    /// The Python code.
    pub code: String,
    /// Whether the built-in call gives Anneal's learning rate at every whole step shown (a
    /// stepped PyTorch scheduler: up to [`crate::schedule::frameworks::Mode::shown_end`]).
    pub exact: bool,
}

/// Steps compared to decide whether a built-in call is exact.
const MAX_CHECKED: f64 = 20_000.0;

/// How far a library's `value` is from Anneal's `want`, as a fraction of `want`, measured at
/// the scale `framework` rounds at for a schedule peaking at `peak`: float32 at the peak's,
/// float64 at the value's down to 1e-4 of the peak. Below that, a cosine's 1 + cos(…) near 0
/// cancels, and two exact formulas part by ulps of the peak (4.5e-12 of 3.7e-9 by 12500).
/// Beyond [`Framework::tolerance`], it is not rounding.
pub(super) fn off(value: f64, want: f64, framework: Framework, peak: f64) -> f64 {
    let floor = if framework.float_bits() == 32 {
        peak
    } else {
        peak * 1e-4
    };
    (value - want).abs() / want.abs().max(floor)
}

/// Where `e`'s values are furthest from the schedule's, over every whole step up to `horizon`,
/// beyond the framework's tolerance (float32 rounding for Keras); `None` when the call is exact.
fn gap(s: &Schedule, e: &Equivalent, horizon: f64) -> Option<String> {
    let steps = super::whole_steps(e.mode.shown_end(horizon), MAX_CHECKED);
    let tol = e.framework.tolerance();
    let peak = s.peak(horizon);
    let Ok(values) = e.mode.eval(&steps) else {
        return Some("its rates could not be computed over the steps shown".into());
    };
    let (worst, t, v, want) = steps
        .iter()
        .zip(values)
        .map(|(&t, v)| {
            let want = s.lr(t);
            (off(v, want, e.framework, peak), t, v, want)
        })
        .fold((0.0, 0.0, 0.0, 0.0), |m, x| if x.0 > m.0 { x } else { m });
    (worst > tol).then(|| {
        // Every digit where six do not tell them apart.
        let (mut got, mut at) = (shown(v), shown(want));
        if got == at {
            (got, at) = (format_value(v), format_value(want));
        }
        let t = format_value(t);
        let apart = shown_3(worst * 100.0);
        format!("up to {apart} % apart, at step {t}: {got} where Anneal's curve is at {at}")
    })
}

/// `e`'s snippet for `s`, printing the learning rate for every step up to `horizon`.
fn snippet_for(s: &Schedule, e: &Equivalent, horizon: f64) -> Snippet {
    let cosine = cosine_form(s);
    let input = SnippetInput {
        anneal: cosine.as_ref(),
        equivalent: e,
        // A scheduler that raises past its end prints up to its last step.
        steps: e
            .mode
            .last_step()
            .map_or(horizon.ceil(), |last| horizon.ceil().min(last + 1.0))
            .max(1.0) as u64,
        gap: gap(s, e, horizon),
        horizon,
    };
    Snippet {
        framework: e.framework,
        key: e.framework.key(),
        code: (e.framework.library().snippet)(&input),
        exact: input.exact(),
    }
}

/// `f`'s code over Anneal's own formula for `s`, which no built-in call of `f` reproduces.
fn closure_for(f: Framework, s: &Schedule, horizon: f64, why: &str) -> Snippet {
    let (imports, function) = function(s);
    let input = ClosureInput {
        imports: &imports,
        function: &function,
        steps: horizon.ceil().max(1.0) as u64,
        why,
        nearest: None,
        peak: s.peak(horizon),
    };
    Snippet {
        framework: f,
        key: f.key(),
        code: (f.library().closure)(&input),
        exact: false,
    }
}

/// The five frameworks' snippets for `s`, each printing the learning rate for every step up to
/// `horizon`: the built-in call, or a closure over Anneal's formula where a library has none.
pub fn snippets(s: &Schedule, horizon: f64) -> Vec<Snippet> {
    (0..Framework::ALL.len())
        .filter_map(|i| snippet(s, horizon, i))
        .collect()
}

/// The `index`-th of [`snippets`] alone (the page shows one at a time; each costs a check).
pub fn snippet(s: &Schedule, horizon: f64, index: usize) -> Option<Snippet> {
    let f = *Framework::ALL.get(index)?;
    Some(match composed(f, s, horizon) {
        Ok(e) => snippet_for(s, &e, horizon),
        Err(why) => closure_for(f, s, horizon, &why),
    })
}
