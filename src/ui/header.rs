//! The page header: title, tagline and the preset picker with the "Copy link" button.

use leptos::prelude::*;

use super::copy_link::CopyLink;
use super::state::use_app;
use crate::share::PRESETS;

/// Title and tagline beside the preset picker, whose presets are listed once `listed` is set.
#[component]
pub fn Header(listed: Signal<bool>) -> impl IntoView {
    view! {
        <header class="app-header">
            <div>
                <h1>"Anneal"</h1>
                <p class="tagline">"Learning-rate schedules, centred on cosine annealing"</p>
            </div>
            <PresetPicker listed />
        </header>
    }
}

/// A preset sets the schedule (one history entry), keeps the pins, names its source and may pin
/// a schedule to compare against. The picker shows the preset the state is (after Back, from a
/// link), else its prompt. The presets are listed once `listed` is set: laying out a select's
/// options took a sixth of the first chart's layout, and the picker is as wide (CSS) before as
/// after.
#[component]
fn PresetPicker(listed: Signal<bool>) -> impl IntoView {
    let app = use_app();
    let current = Memo::new(move |_| app.settings.with(|s| s.preset().map(|p| p.key)));
    // The plain cosine is the page's own start: its state shows the prompt, as a fresh page does
    // (kept apart from "no preset" in `current`, so choosing it after an edit still notifies).
    let shown = move || current.get().filter(|&k| k != PRESETS[0].key);
    let on_preset = move |ev| {
        let key = event_target_value(&ev);
        if let Some(p) = PRESETS.iter().find(|p| p.key == key) {
            app.push(|s| s.apply_preset(p));
        }
    };
    let source = move || {
        let p = PRESETS.iter().find(|p| Some(p.key) == shown())?;
        Some(view! { <p class="source">"Source: " {p.source}</p> })
    };
    view! {
        <div class="control preset">
            <label for="preset-choice">"Preset"</label>
            <select id="preset-choice" name="preset" on:change=on_preset>
                <option value="" prop:selected=move || shown().is_none()>"Choose a preset…"</option>
                {move || {
                    listed.get().then(|| {
                        PRESETS
                            .iter()
                            .map(|p| {
                                let on = move || shown() == Some(p.key);
                                view! { <option value=p.key prop:selected=on>{p.name}</option> }
                            })
                            .collect_view()
                    })
                }}
            </select>
            {source}
            <CopyLink />
        </div>
    }
}
