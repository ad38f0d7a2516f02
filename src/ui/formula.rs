//! The schedule's formula at the cursor, with its numbers substituted. The term a control
//! changes is highlighted while that control has focus (a slider being dragged has it): by CSS
//! alone (`style/main.css`, `:has()`), so this stays one HTML string.

use leptos::prelude::*;

use super::state::use_app;
use crate::schedule::formula_html;

/// The formula panel for the step `step`.
#[component]
pub fn Formula(step: Signal<f64>) -> impl IntoView {
    let resolved = use_app().resolved;
    // One HTML string, not a view per term: the panel changes with every cursor move.
    let html = move || resolved.with(|r| formula_html(&r.phases, step.get()));
    view! { <section class="formula" aria-label="Formula at the cursor" inner_html=html></section> }
}
