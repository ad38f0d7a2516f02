//! The training setup: dataset, batch, devices, accumulation and epochs, and the optimizer
//! steps each trainer counts for them (the chosen one drives the schedule's lengths).

use leptos::prelude::*;

use super::key_control::KeyControl;
use super::state::use_app;
use crate::share::key;
use crate::training::Counter;

/// The setup's controls and every counter's steps per epoch and in all, with its arithmetic.
#[component]
pub fn TrainingSetup() -> impl IntoView {
    let settings = use_app().settings;
    // One line of text per counter: the view stays small (the whole list redraws together).
    let rows = move || {
        settings.with(|s| {
            let setup = s.setup();
            Counter::ALL
                .iter()
                .map(|&c| {
                    let used = c == s.steps_rule;
                    let n = setup.count(c);
                    let total = n.total.map_or_else(
                        || "give the epochs for the total".to_string(),
                        |t| format!("{t} in all"),
                    );
                    let tag = if used { " (used)" } else { "" };
                    let note = n.note.map(|m| format!(" — {m}")).unwrap_or_default();
                    let text = format!("{}{tag}: {} per epoch, {total}{note}", c.label(), n.per_epoch);
                    view! { <li class:used=used data-rule=c.name()>{text}<code>{n.formula}</code></li> }
                })
                .collect_view()
        })
    };
    view! {
        <fieldset class="training">
            <legend>"Training setup"</legend>
            <KeyControl key=key!("examples") />
            <KeyControl key=key!("batch") />
            <KeyControl key=key!("devices") />
            <KeyControl key=key!("steps_per_epoch") />
            <KeyControl key=key!("grad_accum") />
            <KeyControl key=key!("drop_last") />
            <KeyControl key=key!("epochs") />
            <KeyControl key=key!("steps_rule") />
            <p class="hint">"Optimizer steps, as each trainer counts them:"</p>
            <ul class="step-counts" aria-live="polite">{rows}</ul>
            // The classic mistake, drawn: a schedule in steps stepped per epoch barely moves.
            <KeyControl key=key!("per_epoch") />
        </fieldset>
    }
}
