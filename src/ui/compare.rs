//! Pinned schedules and the five frameworks' versions of the current one, overlaid.

use leptos::prelude::*;

use super::chart_view::{Overlay, OverlaySource};
pub use super::framework_curves::FrameworkCurve;
use crate::schedule::Family;
use crate::share::{format_value, Pin, Settings, MAX_PINS};

/// Colours for pins (orange, green, purple, pink), apart from the current curve's blue.
const PIN_COLORS: [(u8, u8, u8); MAX_PINS] =
    [(234, 88, 12), (22, 163, 74), (147, 51, 234), (219, 39, 119)];

/// Colour of a preset's contrast curve (slate).
const CONTRAST_COLOR: (u8, u8, u8) = (71, 85, 105);

/// A preset's contrast curve, when shown.
#[derive(Clone, Debug, PartialEq)]
pub struct ContrastCurve {
    /// Legend text.
    pub label: &'static str,
    /// The shape.
    pub family: Family,
    /// Drawn or not.
    pub shown: bool,
}

/// The overlays to draw: a preset's contrast, visible pins, then the frameworks.
pub fn overlays(
    contrast: Option<&ContrastCurve>,
    pins: &[Option<Pin>; MAX_PINS],
    frameworks: &[FrameworkCurve],
) -> Vec<Overlay> {
    let contrast = contrast.filter(|c| c.shown).map(|c| Overlay {
        label: c.label.to_string(),
        color: CONTRAST_COLOR,
        source: OverlaySource::Family(c.family.clone()),
    });
    // A pin's colour is its slot's, so it keeps its colour when others are removed.
    let pinned = pins.iter().enumerate().filter_map(|(slot, p)| {
        let p = p.as_ref().filter(|p| !p.hidden)?;
        Some(Overlay {
            label: p.name.clone(),
            color: PIN_COLORS[slot],
            source: OverlaySource::Schedule(p.settings.resolve().schedule),
        })
    });
    let fw = frameworks.iter().filter_map(|f| {
        let pts = f.samples.as_ref().ok()?;
        Some(Overlay {
            label: f.framework.to_string(),
            color: f.framework.color(),
            source: OverlaySource::Samples(pts.clone()),
        })
    });
    contrast.into_iter().chain(pinned).chain(fw).collect()
}

fn swatch((r, g, b): (u8, u8, u8)) -> String {
    format!("rgb({r}, {g}, {b})")
}

/// Pin controls and the framework comparison table.
#[component]
pub fn ComparePanel(
    settings: RwSignal<Settings>,
    push_next: StoredValue<bool>,
    compare: Signal<bool>,
    set_compare: Callback<bool>,
    frameworks: ReadSignal<Vec<FrameworkCurve>>,
    /// Share of the framework curves computed, while they are being updated.
    updating: ReadSignal<Option<f64>>,
    contrast: RwSignal<Option<ContrastCurve>>,
) -> impl IntoView {
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
        push_next.set_value(true);
        settings.update(|s| {
            let next = s.pins.iter().flatten().map(|p| p.id).max().unwrap_or(0) + 1;
            if let Some(slot) = s.pins.iter().position(Option::is_none) {
                s.pins[slot] = Some(Pin::of(s, format!("pin {}", slot + 1), next));
            }
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
                            maxlength="40"
                            prop:value=pin.name.clone()
                            on:input=move |ev| {
                                let name = event_target_value(&ev);
                                update(slot, &|p| p.name = name.chars().take(40).collect())
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
                            aria-label=format!("Remove {}", pin.name)
                            on:click=move |_| {
                                push_next.set_value(true);
                                settings.update(|s| s.pins[slot] = None)
                            }
                        >
                            "Remove"
                        </button>
                    </div>
                </For>
            </div>
            {move || {
                contrast
                    .get()
                    .map(|c| {
                        view! {
                            <label class="toggle">
                                <input
                                    type="checkbox"
                                    name="contrast"
                                    prop:checked=c.shown
                                    on:change=move |ev| {
                                        let shown = event_target_checked(&ev);
                                        contrast.update(|c| c.iter_mut().for_each(|c| c.shown = shown))
                                    }
                                />
                                <span class="swatch" style:background=swatch(CONTRAST_COLOR)></span>
                                <span>"show the preset's contrast: " {c.label}</span>
                            </label>
                        }
                    })
            }}
            <label class="toggle">
                <input
                    type="checkbox"
                    name="compare"
                    prop:checked=move || compare.get()
                    on:change=move |ev| set_compare.run(event_target_checked(&ev))
                />
                <span>"Compare frameworks: PyTorch, timm, Hugging Face, optax, Keras"</span>
            </label>
            <Show when=move || compare.get()>
                {move || {
                    updating.get().map(|f| {
                        view! { <p class="notice" role="status">{format!("Updating the framework curves… {:.0} %", f * 100.0)}</p> }
                    })
                }}
                <table class="frameworks">
                    <thead>
                        <tr>
                            <th scope="col">"Framework"</th>
                            <th scope="col">"Nearest call"</th>
                            <th scope="col">"Largest |Δη|"</th>
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
                                        (_, Some((d, at))) => format!("{} at step {}", format_value(d), format_value(at)),
                                        _ => "—".to_string(),
                                    };
                                    view! {
                                        <tr>
                                            <th scope="row">
                                                <span class="swatch" style:background=swatch(f.framework.color())></span>
                                                {f.framework.name()}
                                            </th>
                                            <td><code>{f.call}</code></td>
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
            </Show>
        </section>
    }
}
