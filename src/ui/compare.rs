//! Pinned schedules and the five frameworks' versions of the current one, overlaid.

use leptos::prelude::*;

pub use super::framework_curves::FrameworkCurve;
use super::key_control::KeyControl;
use super::overlays::swatch;
use super::resume::ResumePanel;
use super::state::{use_app, AppState};
use super::when::When;
use crate::charts::PIN_COLORS;
use crate::format::difference_text;
use crate::share::{key, pin_name, Pin, MAX_PINS, MAX_PIN_NAME};

/// Pin controls and the framework comparison table.
#[component]
pub fn ComparePanel() -> impl IntoView {
    let app = use_app();
    let AppState {
        settings,
        compare,
        frameworks,
        updating,
        overlays,
        ..
    } = app;
    // Asked for, but nothing drawn cycles it: say so rather than show an axis that is not there.
    let no_momentum = move || {
        settings.with(|s| s.view.momentum)
            && updating.with(Option::is_none)
            && overlays.with(|o| o.iter().all(|o| o.momentum.is_empty()))
    };
    let count = move || settings.with(|s| s.pins.iter().flatten().count());
    let full = move || count() >= MAX_PINS;
    // (slot, pin) for the list; a pin's id changes when a link replaces it, so its row is rebuilt.
    let listed = move || {
        settings.with(|s| {
            s.pins
                .iter()
                .enumerate()
                .filter_map(|(i, p)| p.clone().map(|p| (i, p)))
                .collect::<Vec<_>>()
        })
    };
    let pin_current = move |_| {
        app.push(|s| {
            s.pin_current();
        });
    };
    let update = move |slot: usize, f: &dyn Fn(&mut Pin)| {
        settings.update(|s| s.pins[slot].iter_mut().for_each(f));
    };

    view! {
        <section class="compare" aria-label="Compare">
            <div class="pins">
                <button
                    type="button"
                    name="pin"
                    on:click=pin_current
                    prop:disabled=full
                >
                    "Pin current schedule"
                </button>
                <span class="hint">{move || format!("{} of {MAX_PINS} pinned", count())}</span>
                <For each=listed key=|(slot, p)| (*slot, p.id) let:((slot, pin))>
                    <div class="pin">
                        <span class="swatch" style:background=swatch(PIN_COLORS[slot])></span>
                        <input
                            type="text"
                            name="pin_name"
                            aria-label="Pin name"
                            maxlength=MAX_PIN_NAME.to_string()
                            prop:value=pin.name.clone()
                            on:input=move |ev| {
                                let name = event_target_value(&ev);
                                update(slot, &|p| p.name = pin_name(&name))
                            }
                        />
                        <label class="toggle">
                            <input
                                type="checkbox"
                                name="pin_visible"
                                prop:checked=!pin.hidden
                                on:change=move |ev| {
                                    let shown = event_target_checked(&ev);
                                    update(slot, &|p| p.hidden = !shown)
                                }
                            />
                            <span>"show"</span>
                        </label>
                        <button
                            type="button"
                            name="pin_remove"
                            aria-label=format!("Remove {}", pin.label(slot))
                            on:click=move |_| {
                                app.push(|s| s.pins[slot] = None)
                            }
                        >
                            "Remove"
                        </button>
                    </div>
                </For>
            </div>
            <KeyControl key=key!("compare") />
            <KeyControl key=key!("momentum") />
            <When when=no_momentum>
                <p class="notice momentum-none" role="status">
                    "No curve on the chart cycles the momentum: PyTorch's OneCycleLR and CyclicLR do (a one-cycle or cyclic phase compared, or such a call imported)."
                </p>
            </When>
            <When when=move || compare.get()>
                {move || {
                    updating.get().map(|f| {
                        view! { <p class="notice" role="status">{format!("Updating the framework curves… {:.0} %", f * 100.0)}</p> }
                    })
                }}
                <div class="table-scroll">
                <table class="frameworks">
                    <caption>"Each library's nearest call for this schedule, and how far it strays"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Framework (drawn)"</th>
                            <th scope="col">"Nearest call"</th>
                            <th scope="col">"Largest |Δη| in the run"</th>
                            <th scope="col">"Where it differs"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            frameworks
                                .get()
                                .into_iter()
                                .map(|f| {
                                    let diff = match (&f.samples, f.max_diff) {
                                        (Err(e), _) => e.clone(),
                                        (_, Some((d, at))) => difference_text(d, at, f.peak),
                                        _ => "—".to_string(),
                                    };
                                    view! {
                                        <tr>
                                            <th scope="row">
                                                // Untick to leave this framework off the chart and out of the CSV.
                                                <input
                                                    type="checkbox"
                                                    name="compare_show"
                                                    value=f.framework.key()
                                                    aria-label=format!("Draw {}", f.framework.name())
                                                    prop:checked=move || settings.with(|s| s.view.compares(f.framework))
                                                    on:change=move |ev| {
                                                        let on = event_target_checked(&ev);
                                                        settings.update(|s| s.view.set_compares(f.framework, on))
                                                    }
                                                />
                                                <span class="swatch" style:background=swatch(f.framework.color())></span>
                                                {f.framework.name()}
                                            </th>
                                            <td>{call_code(&f.call)}</td>
                                            <td class="num">{diff}</td>
                                            <td>
                                                <ul>{f.notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
                </div>
            </When>
            <ResumePanel />
        </section>
    }
}

/// A library call as code that wraps between its arguments, never inside a name (a narrow table
/// scrolls sideways instead): a break is allowed after the opening parenthesis.
fn call_code(call: &str) -> impl IntoView {
    let (head, tail) = call.split_once('(').unwrap_or((call, ""));
    let open = if call.contains('(') { "(" } else { "" };
    view! { <code>{head.to_string()}{open}<wbr />{tail.to_string()}</code> }
}
