//! A labelled slider paired with an editable number box, both named for their URL key.

use leptos::prelude::*;

use crate::share::{format_value, NumberKey, SLIDER_STEPS};

/// Slider plus number box for one numeric key; out-of-range typing is clamped with a message.
#[component]
pub fn NumberControl(spec: &'static NumberKey, value: RwSignal<f64>) -> impl IntoView {
    // The box keeps what the user typed until it is committed, so typing "0.10" is not rewritten.
    let text = RwSignal::new(format_value(value.get_untracked()));
    let message = RwSignal::new(None::<String>);
    let slider_id = format!("{}-slider", spec.key);

    let on_slide = move |ev| {
        let position = event_target_value(&ev).parse().unwrap_or(0.0);
        let v = spec.from_position(position);
        value.set(v);
        text.set(format_value(v));
        message.set(None);
    };
    // While typing, follow valid in-range numbers; anything else waits for the commit.
    let on_type = move |ev| {
        let raw = event_target_value(&ev);
        text.set(raw.clone());
        if let Ok(v) = raw.trim().parse::<f64>() {
            let c = spec.clamp(v);
            if c.message.is_none() {
                value.set(c.value);
                message.set(None);
            }
        }
    };
    let on_commit = move |ev| {
        let c = spec.parse(&event_target_value(&ev));
        value.set(c.value);
        text.set(format_value(c.value));
        message.set(c.message);
    };

    view! {
        <div class="control">
            <label for=slider_id.clone()>{spec.label}</label>
            <div class="control-inputs">
                <input
                    type="range"
                    id=slider_id
                    name=spec.key
                    min="0"
                    max=SLIDER_STEPS.to_string()
                    step="1"
                    prop:value=move || spec.to_position(value.get()).to_string()
                    on:input=on_slide
                />
                <input
                    type="number"
                    class="number"
                    name=spec.key
                    aria-label=spec.label
                    step="any"
                    min=spec.min.to_string()
                    max=spec.max.to_string()
                    prop:value=move || text.get()
                    on:input=on_type
                    on:change=on_commit
                />
            </div>
            {move || message.get().map(|m| view! { <p class="notice" role="status">{m}</p> })}
        </div>
    }
}
