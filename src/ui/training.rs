//! The training setup: the unit of the lengths, dataset, batch, devices, accumulation and epochs,
//! and the optimizer steps each trainer counts for them (the chosen one drives the schedule's
//! lengths).

use leptos::prelude::*;

use super::key_control::KeyFieldset;
use super::state::use_app;
use crate::share::{key, Key};
use crate::training::Counter;

/// What the training is: the unit of the schedule's lengths (epochs are this setup's), data,
/// batch, devices, accumulation, epochs and who counts the steps.
const SETUP: &[&Key] = &[
    key!("unit"),
    key!("examples"),
    key!("batch"),
    key!("devices"),
    key!("steps_per_epoch"),
    key!("grad_accum"),
    key!("drop_last"),
    key!("epochs"),
    key!("steps_rule"),
];

/// Below the counts, the classic mistake drawn: a schedule in steps stepped per epoch barely moves.
const PER_EPOCH: &[&Key] = &[key!("per_epoch")];

/// The setup's controls and every counter's steps per epoch and in all, with its arithmetic.
#[component]
pub fn TrainingSetup() -> impl IntoView {
    let settings = use_app().settings;
    // What the list reads, so a schedule control leaves it alone (it redraws as a whole).
    let setup = Memo::new(move |_| settings.with(|s| (s.setup(), s.steps_rule)));
    let rows = move || {
        let (setup, rule) = setup.get();
        Counter::ALL
            .iter()
            .map(|&c| {
                let used = c == rule;
                let n = setup.count(c);
                let total = n.total.map_or_else(
                    || "give the epochs for the total".to_string(),
                    |t| format!("{t} in all"),
                );
                let tag = if used { " (used)" } else { "" };
                let note = n.note.map(|m| format!(" — {m}")).unwrap_or_default();
                let text = format!("{}{tag}: {} per epoch, {total}", c.label(), n.per_epoch);
                view! {
                    <li class:used=used data-rule=c.name()>{text}{note}<code>{n.formula}</code></li>
                }
            })
            .collect_view()
    };
    view! {
        <KeyFieldset legend="Training setup" keys=SETUP after=PER_EPOCH class="training">
            <p class="hint">"Optimizer steps, as each trainer counts them:"</p>
            <ul class="step-counts" aria-live="polite">{rows}</ul>
        </KeyFieldset>
    }
}
