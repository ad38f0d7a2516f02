//! The schedule's controls beside the chart: five fieldsets of controls and the schedule's own
//! notices.

use leptos::prelude::*;

use super::key_control::KeyFieldset;
use super::phases::PhasesEditor;
use super::state::use_app;
use super::training::TrainingSetup;
use crate::share::{key, Key};

/// The controls section: the fieldsets, then what the schedule notes.
#[component]
pub fn Controls() -> impl IntoView {
    let app = use_app();
    let resolved = app.resolved;
    let no_cosine = no_cosine();
    let phases = app.view.with_untracked(|v| v.shows_control("phases"));
    view! {
        <section class="controls" aria-label="Schedule parameters">
            <KeyFieldset legend="Learning rate" keys=LEARNING_RATE disabled=no_cosine />
            <KeyFieldset legend="Cycles" keys=CYCLES disabled=no_cosine />
            <KeyFieldset legend="Warm-up" keys=WARM_UP disabled=no_cosine />
            <TrainingSetup />
            <KeyFieldset legend="View" keys=VIEW />
            {phases.then(PhasesEditor)}
            {move || {
                no_cosine
                    .get()
                    .then(|| view! { <p class="notice" role="status">"No phase is the controls' cosine: the learning-rate, cycle and warm-up controls are off until a phase is Cosine."</p> })
            }}
            {move || {
                resolved
                    .with(|r| r.notices.clone())
                    .into_iter()
                    .map(|m| view! { <p class="notice" role="status">{m}</p> })
                    .collect_view()
            }}
        </section>
    }
}

/// Whether the schedule has no phase the cosine controls set (they would change nothing).
fn no_cosine() -> Signal<bool> {
    let settings = use_app().settings;
    Memo::new(move |_| settings.with(|s| !s.uses_cosine_controls())).into()
}

/// η_max and η_min, absolute or as a fraction.
const LEARNING_RATE: &[&Key] = &[
    key!("eta_max"),
    key!("eta_min_rel"),
    key!("eta_min"),
    key!("eta_min_frac"),
];

/// The cosine cycle and its warm restarts.
const CYCLES: &[&Key] = &[
    key!("t_max"),
    key!("t_max_ratio"),
    key!("restarts"),
    key!("t_mult"),
    key!("decay"),
    key!("cycle_limit"),
    key!("k_decay"),
];

/// The warm-up's length, shape and start.
const WARM_UP: &[&Key] = &[
    key!("warmup"),
    key!("warmup_ratio"),
    key!("warmup_shape"),
    key!("warmup_start"),
    key!("warmup_every"),
    key!("warmup_overlap"),
];

/// What the chart spans and how: horizon, η axis.
const VIEW: &[&Key] = &[key!("horizon"), key!("log_y")];
