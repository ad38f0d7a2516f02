//! The schedule's formula at the cursor, with its numbers substituted. The term a control
//! changes is highlighted while that control has focus (a slider being dragged has it): the
//! root element names the focused control's term in `data-focus` and CSS does the rest, so
//! the formula stays one HTML string.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::state::use_app;
use crate::schedule::formula_html;

/// Each term of the formula (`data-term`) and the controls that change it.
const TERMS: [(&str, &[&str]); 5] = [
    ("peak", &["eta_max", "decay"]),
    ("floor", &["eta_min", "eta_min_frac", "eta_min_rel"]),
    (
        "ti",
        &["t_max", "t_mult", "restarts", "cycle_limit", "t_max_ratio"],
    ),
    ("k", &["k_decay"]),
    (
        "warmup",
        &["warmup", "warmup_start", "warmup_shape", "warmup_ratio"],
    ),
];

/// The term the control named `name` changes.
fn term_of(name: &str) -> Option<&'static str> {
    TERMS
        .iter()
        .find(|(_, controls)| controls.contains(&name))
        .map(|(term, _)| *term)
}

/// Names on the root element the term the control `focused` changes, or none.
fn mark(focused: Option<Element>) {
    let term = focused
        .and_then(|e| e.get_attribute("name"))
        .and_then(|name| term_of(&name));
    if let Some(root) = document().document_element() {
        let _ = match term {
            Some(term) => root.set_attribute("data-focus", term),
            None => root.remove_attribute("data-focus"),
        };
    }
}

/// The formula panel for the step `step`.
#[component]
pub fn Formula(step: Signal<f64>) -> impl IntoView {
    let resolved = use_app().resolved;
    // One HTML string, not a view per term: the panel changes with every cursor move.
    let html = move || resolved.with(|r| formula_html(&r.phases, step.get()));
    // On the root, not through a signal: a focus change touches one attribute, no view.
    mark(document().active_element());
    let on_focus = window_event_listener_untyped("focusin", |ev| {
        mark(ev.target().and_then(|t| t.dyn_into::<Element>().ok()));
    });
    let on_blur = window_event_listener_untyped("focusout", |_| mark(None));
    on_cleanup(move || {
        on_focus.remove();
        on_blur.remove();
        mark(None);
    });
    view! { <section class="formula" aria-label="Formula at the cursor" inner_html=html></section> }
}
