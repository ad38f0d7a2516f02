//! The current schedule as ready-to-run code for PyTorch, timm, Hugging Face, optax and Keras.
//!
//! Each snippet is built from the framework's nearest call (see [`equivalents`]), so its
//! numbers are the ones the compare overlay draws for that framework; each library's module
//! writes its own code, this module decides whether the call is exact.

use crate::schedule::frameworks::{equivalents, Equivalent, Framework, SnippetInput};
use crate::schedule::Anneal;

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

/// Why a schedule of several phases, or of another family than the cosine, gets no library
/// code and no library curves (yet), said wherever they would be.
pub const COMPOSED: &str = "This schedule is built from phases: Anneal writes library code and draws the libraries' nearest calls for the cosine family alone so far. The CSV and JSON downloads hold its values, and an imported SequentialLR, join_schedules or get_wsd_schedule call draws the library's own curve beside it.";

/// Steps compared to decide whether a built-in call is exact.
const MAX_CHECKED: f64 = 20_000.0;

/// Whether `e`'s values equal Anneal's at every whole step up to `horizon`, to the
/// framework's tolerance (float32 rounding for Keras).
fn exact(a: &Anneal, e: &Equivalent, horizon: f64) -> bool {
    let steps = super::whole_steps(e.mode.shown_end(horizon), MAX_CHECKED);
    let tol = e.framework.tolerance();
    e.mode.eval(&steps).is_ok_and(|values| {
        steps.iter().zip(values).all(|(&t, v)| {
            let want = a.lr(t);
            (v - want).abs() <= tol * want.abs().max(1e-12)
        })
    })
}

/// `e`'s snippet for `a`, printing the learning rate for every step up to `horizon`.
fn snippet_for(a: &Anneal, e: &Equivalent, horizon: f64) -> Snippet {
    let input = SnippetInput {
        anneal: a,
        equivalent: e,
        steps: horizon.ceil().max(1.0) as u64,
        exact: exact(a, e, horizon),
        horizon,
    };
    Snippet {
        framework: e.framework,
        key: e.framework.key(),
        code: (e.framework.library().snippet)(&input),
        exact: input.exact,
    }
}

/// The five snippets for `a`, printing the learning rate for every step up to `horizon`.
pub fn snippets(a: &Anneal, horizon: f64) -> Vec<Snippet> {
    equivalents(a, horizon)
        .iter()
        .map(|e| snippet_for(a, e, horizon))
        .collect()
}

/// The `index`-th of [`snippets`] alone (the page shows one at a time; each costs a check).
pub fn snippet(a: &Anneal, horizon: f64, index: usize) -> Option<Snippet> {
    let f = Framework::ALL.get(index)?;
    let e = (f.library().equivalent)(a, horizon);
    Some(snippet_for(a, &e, horizon))
}
