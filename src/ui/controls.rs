//! The schedule's controls beside the chart: the link notices, five fieldsets of controls and
//! the schedule's own notices.

use leptos::prelude::*;

use super::key_control::KeyControl;
use super::link_notices::LinkNotices;
use super::phases::PhasesEditor;
use super::state::use_app;
use super::training::TrainingSetup;
use crate::share::key;

/// The controls section: link notices, the fieldsets, then what the schedule notes.
#[component]
pub fn Controls() -> impl IntoView {
    let app = use_app();
    let resolved = app.resolved;
    let no_cosine_note = no_cosine();
    let phases = app.view.with_untracked(|v| v.shows_control("phases"));
    view! {
        <section class="controls" aria-label="Schedule parameters">
            <LinkNotices />
            <LearningRate />
            <Cycles />
            <WarmUp />
            <TrainingSetup />
            <ViewControls />
            {phases.then(PhasesEditor)}
            {move || {
                no_cosine_note
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
#[component]
fn LearningRate() -> impl IntoView {
    let no_cosine = no_cosine();
    view! {
        <fieldset prop:disabled=no_cosine>
            <legend>"Learning rate"</legend>
            <KeyControl key=key!("eta_max") />
            <KeyControl key=key!("eta_min_rel") />
            <KeyControl key=key!("eta_min") />
            <KeyControl key=key!("eta_min_frac") />
        </fieldset>
    }
}

/// The cosine cycle and its warm restarts.
#[component]
fn Cycles() -> impl IntoView {
    let no_cosine = no_cosine();
    view! {
        <fieldset prop:disabled=no_cosine>
            <legend>"Cycles"</legend>
            <KeyControl key=key!("t_max") />
            <KeyControl key=key!("t_max_ratio") />
            <KeyControl key=key!("restarts") />
            <KeyControl key=key!("t_mult") />
            <KeyControl key=key!("decay") />
            <KeyControl key=key!("cycle_limit") />
            <KeyControl key=key!("k_decay") />
        </fieldset>
    }
}

/// The warm-up's length, shape and start.
#[component]
fn WarmUp() -> impl IntoView {
    let no_cosine = no_cosine();
    view! {
        <fieldset prop:disabled=no_cosine>
            <legend>"Warm-up"</legend>
            <KeyControl key=key!("warmup") />
            <KeyControl key=key!("warmup_ratio") />
            <KeyControl key=key!("warmup_shape") />
            <KeyControl key=key!("warmup_start") />
            <KeyControl key=key!("warmup_every") />
            <KeyControl key=key!("warmup_overlap") />
        </fieldset>
    }
}

/// What the chart spans and how: horizon, unit, η axis.
#[component]
fn ViewControls() -> impl IntoView {
    view! {
        <fieldset>
            <legend>"View"</legend>
            <KeyControl key=key!("horizon") />
            <KeyControl key=key!("unit") />
            <KeyControl key=key!("log_y") />
        </fieldset>
    }
}
