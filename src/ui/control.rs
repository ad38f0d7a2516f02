//! Controls named for their URL key: a slider with a number box, a checkbox, a choice; each
//! with a one-line hint shown on hover and focus (`style/main.css`), read out as its description.
//! The hint follows its inputs as a sibling, so CSS shows it without `:has()` (which made
//! Chromium restyle on every DOM change of the page).

use leptos::prelude::*;
use web_sys::HtmlSelectElement;

use crate::share::{format_value, NumberKey, SLIDER_STEPS};

/// The hint under the control of `key`, with the id its inputs are described by.
fn hint_of(key: &str, hint: &'static str) -> (String, impl IntoView) {
    let id = format!("{key}-hint");
    let view = view! { <p class="control-hint" id=id.clone()>{hint}</p> };
    (id, view)
}

/// Slider plus number box for one numeric key; out-of-range typing is clamped with a message.
#[component]
pub fn NumberControl(
    spec: &'static NumberKey,
    hint: &'static str,
    value: Signal<f64>,
    set: Callback<f64>,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    // The box is written only when the value comes from elsewhere (the slider, Back, a commit):
    // writing it while the user types would take "0." back to "0" and turn 0.8 into 80. `echo`
    // is the value this box's own typing last set.
    let input = NodeRef::<leptos::html::Input>::new();
    let echo = StoredValue::new(None::<f64>);
    let show = move |v: f64| {
        if let Some(el) = input.get_untracked() {
            el.set_value(&format_value(v));
        }
    };
    Effect::new(move |_| {
        let v = value.get();
        if let Some(el) = input.get() {
            // Any other value ends the echo: Back to the typed value must still be shown.
            if echo.get_value() != Some(v) {
                echo.set_value(None);
                el.set_value(&format_value(v));
            }
        }
    });
    // A clamp's notice, shown while the value is the one it set: a value set elsewhere (Back)
    // takes the notice with it.
    let message = RwSignal::new(None::<String>);
    let message_at = StoredValue::new(0.0);
    let slider_id = format!("{}-slider", spec.key);
    let (hint_id, hint) = hint_of(spec.key, hint);

    // A value from the slider or the arrow keys: nothing typed or clamped is left to show.
    let put = move |v| {
        echo.set_value(None);
        set.run(v);
        message.set(None);
    };
    let on_slide =
        move |ev| put(spec.from_position(event_target_value(&ev).parse().unwrap_or(0.0)));
    // A number in range applies as it is typed; anything else waits for the commit (Enter, or
    // leaving the box), which clamps it with a notice. A half-typed "1e-" reads as "" here.
    let on_type = move |ev| {
        if let Ok(v) = event_target_value(&ev).trim().parse::<f64>() {
            let c = spec.clamp(v);
            if c.message.is_none() {
                echo.set_value(Some(c.value));
                set.run(c.value);
                message.set(None);
            }
        }
    };
    // Arrow keys move to the next value `nudge` gives (a round number on a log scale, the next
    // whole number): in the box the browser would add 1 (step="any"), and on the slider a
    // position that rounds back to the same value would not move at all. ← and → stay the
    // box's caret keys.
    let arrow = move |ev: web_sys::KeyboardEvent, sideways: bool| {
        let up = match ev.key().as_str() {
            "ArrowUp" => true,
            "ArrowDown" => false,
            "ArrowRight" if sideways => true,
            "ArrowLeft" if sideways => false,
            _ => return,
        };
        ev.prevent_default();
        put(spec.nudge(value.get_untracked(), up));
    };
    let on_commit = move |ev| {
        let c = spec.parse(&event_target_value(&ev));
        echo.set_value(None);
        set.run(c.value);
        let now = value.get_untracked();
        show(now);
        message_at.set_value(now);
        message.set(c.message);
    };

    view! {
        <div class="control hinted">
            <label for=slider_id.clone()>{spec.label}</label>
            <div class="control-inputs">
                <input
                    type="range"
                    id=slider_id
                    name=spec.key
                    min="0"
                    max=SLIDER_STEPS.to_string()
                    step="1"
                    aria-describedby=hint_id.clone()
                    prop:disabled=move || disabled.get()
                    prop:value=move || spec.to_position(value.get()).to_string()
                    on:input=on_slide
                    on:keydown=move |ev| arrow(ev, true)
                />
                <input
                    type="number"
                    class="number"
                    name=spec.key
                    aria-label=spec.label
                    aria-describedby=hint_id
                    step="any"
                    min=spec.min.to_string()
                    max=spec.max.to_string()
                    node_ref=input
                    prop:disabled=move || disabled.get()
                    on:input=on_type
                    on:keydown=move |ev| arrow(ev, false)
                    on:change=on_commit
                />
                {hint}
            </div>
            {move || {
                // `value` is read only while a notice is up, so a slide pays nothing for it.
                message
                    .get()
                    .filter(|_| message_at.get_value() == value.get())
                    .map(|m| view! { <p class="notice" role="status">{m}</p> })
            }}
        </div>
    }
}

/// A labelled checkbox for a boolean key.
#[component]
pub fn Toggle(
    key: &'static str,
    label: &'static str,
    hint: &'static str,
    value: Signal<bool>,
    set: Callback<bool>,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    let id = format!("{key}-toggle");
    let (hint_id, hint) = hint_of(key, hint);
    view! {
        <div class="hinted toggle">
            <input
                type="checkbox"
                id=id.clone()
                name=key
                aria-describedby=hint_id
                prop:disabled=move || disabled.get()
                prop:checked=move || value.get()
                on:change=move |ev| set.run(event_target_checked(&ev))
            />
            <label for=id>{label}</label>
            {hint}
        </div>
    }
}

/// A labelled select over fixed options, each `(value, text)`; it sets the chosen option's value.
#[component]
pub fn Choice(
    key: &'static str,
    label: &'static str,
    hint: &'static str,
    options: &'static [(&'static str, &'static str)],
    value: Signal<&'static str>,
    set: Callback<&'static str>,
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    let id = format!("{key}-choice");
    let (hint_id, hint) = hint_of(key, hint);
    let on_change = move |ev| {
        let chosen = event_target::<HtmlSelectElement>(&ev).selected_index();
        if let Some(&(name, _)) = usize::try_from(chosen).ok().and_then(|i| options.get(i)) {
            set.run(name);
        }
    };
    view! {
        <div class="control choice hinted">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                name=key
                aria-describedby=hint_id
                prop:disabled=move || disabled.get()
                on:change=on_change
            >
                {options
                    .iter()
                    .map(|&(v, text)| {
                        view! { <option value=v prop:selected=move || value.get() == v>{text}</option> }
                    })
                    .collect_view()}
            </select>
            {hint}
        </div>
    }
}
