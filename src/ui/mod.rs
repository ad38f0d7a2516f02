//! Leptos components: thin views over the pure core.

mod canvas;
mod chart_view;
mod code_panel;
mod compare;
mod control;
mod copy_link;
pub mod crash;
mod downloads;
mod embed;
mod framework_curves;
mod image_export;
mod lab;
mod screen;
mod url;

use leptos::prelude::*;

use crate::schedule::{pitfalls, WarmupShape};
use crate::share::*;
use chart_view::{Overlay, ScheduleCanvas};
use code_panel::CodePanel;
use compare::{overlays, ComparePanel, ContrastCurve};
use control::{Choice, NumberControl, Toggle};
use copy_link::CopyLink;
use downloads::Downloads;
use embed::EmbedPanel;
use framework_curves::framework_curves;
use lab::LabPanel;

type Getter<T> = fn(&Settings) -> T;
type Putter<T> = fn(&mut Settings, T);

/// A read signal and a setter for one field of the settings.
fn field<T: Clone + Send + Sync + 'static>(
    settings: RwSignal<Settings>,
    get: Getter<T>,
    put: Putter<T>,
) -> (Signal<T>, Callback<T>) {
    (
        Signal::derive(move || settings.with(get)),
        Callback::new(move |v| settings.update(|s| put(s, v))),
    )
}

/// The whole app: presets, grouped controls and the live chart.
#[component]
pub fn App() -> impl IntoView {
    let opened = url::initial_state();
    let settings = RwSignal::new(opened.settings);
    let link_notices = RwSignal::new(opened.notices);
    let unknown = StoredValue::new(opened.unknown);
    let push_next = StoredValue::new(false);
    url::sync(settings, unknown, push_next);
    let resolved = Memo::new(move |_| settings.with(Settings::resolve));

    macro_rules! number {
        ($spec:expr, $field:ident) => {{
            let (value, set) = field(settings, |s| s.$field, |s, v| s.$field = v);
            view! { <NumberControl spec=&$spec value=value set=set /> }
        }};
        ($spec:expr, $field:ident, disabled: $off:expr) => {{
            let (value, set) = field(settings, |s| s.$field, |s, v| s.$field = v);
            view! { <NumberControl spec=&$spec value=value set=set disabled=Signal::derive($off) /> }
        }};
    }
    macro_rules! toggle {
        ($key:literal, $label:literal, $field:ident) => {{
            let (value, set) = field(settings, |s| s.$field, |s, v| s.$field = v);
            view! { <Toggle key=$key label=$label value=value set=set /> }
        }};
    }

    let rel = move || settings.with(|s| s.eta_min_rel);
    let no_restarts = move || settings.with(|s| !s.restarts);
    let in_steps = move || settings.with(|s| s.unit == Unit::Steps);
    let shape = Signal::derive(move || settings.with(|s| s.warmup_shape.name()));
    let set_shape = Callback::new(move |v: String| {
        let shape = WarmupShape::from_name(&v).unwrap_or_default();
        settings.update(|s| s.warmup_shape = shape);
    });
    let unit_name = Signal::derive(move || settings.with(|s| s.unit.name()));
    let set_unit = Callback::new(move |v: String| {
        settings.update(|s| s.unit = Unit::from_name(&v).unwrap_or_default())
    });
    // Memos, not derived signals: the chart and the framework curves must not redo their work
    // on every change elsewhere (a lab input redrew the chart and restarted the curves).
    let log_y: Signal<bool> = Memo::new(move |_| settings.with(|s| s.log_y)).into();
    let unit: Signal<Unit> = Memo::new(move |_| settings.with(|s| s.unit)).into();
    let compare: Signal<bool> = Memo::new(move |_| settings.with(|s| s.view.compare)).into();
    let pins = Memo::new(move |_| settings.with(|s| s.pins.clone()));
    let set_compare = Callback::new(move |on| settings.update(|s| s.view.compare = on));
    let view_opts = Memo::new(move |_| settings.with(|s| s.view));
    Effect::new(move |_| view_opts.with(screen::apply_view));
    let theme_tick = Signal::derive(move || view_opts.with(|v| v.theme));
    let shows = move |part: &'static str| move || view_opts.with(|v| !v.hides(part));
    let interactive =
        move |part: &'static str| move || view_opts.with(|v| !v.still && !v.hides(part));
    let embed = Signal::derive(move || view_opts.with(|v| v.embed));
    // The first frame paints the header and the chart; the controls beside it and the panels
    // below it are built in the next frame, the lab (runs, basins, heatmap) in the one after, so
    // none of them delays the chart. Controls above the chart (narrow screens) come at once, or
    // the chart would jump down when they arrive.
    let stage = RwSignal::new(0u8);
    request_animation_frame(move || {
        request_animation_frame(move || {
            stage.set(1);
            request_animation_frame(move || stage.set(2));
        })
    });
    let staged = move |at: u8, part: &'static str| move || stage.get() >= at && interactive(part)();
    let controls_at = u8::from(embed.get_untracked() || !screen::narrow_layout());
    let embed_panel = move || stage.get() >= 1 && !embed.get() && !view_opts.with(|v| v.still);
    let lab_shown = move || stage.get() >= 2 && shows("landscape")();
    let (frameworks, updating) = framework_curves(compare, resolved);
    let contrast = RwSignal::new(None::<ContrastCurve>);
    let imported = RwSignal::new(None::<Overlay>);
    let drawn = Memo::new(move |_| {
        let mut all =
            contrast.with(|c| pins.with(|p| frameworks.with(|f| overlays(c.as_ref(), p, f))));
        all.extend(imported.get());
        all
    });
    let flags = Memo::new(move |_| resolved.with(|r| pitfalls(&r.schedule, r.horizon_steps)));
    let preset_source = RwSignal::new(None::<&'static str>);
    let on_preset = move |ev| {
        let key = event_target_value(&ev);
        if let Some(p) = PRESETS.iter().find(|p| p.key == key) {
            push_next.set_value(true);
            settings.set((p.settings)());
            preset_source.set(Some(p.source));
            contrast.set(p.contrast.map(|c| ContrastCurve {
                label: c.label,
                family: (c.family)(),
                shown: true,
            }));
        }
    };

    view! {
        <div class="page">
        <main class="app" class:no-controls=move || !interactive("controls")()>
            <Show when=move || !embed.get() && shows("title")()>
            <header class="app-header">
                <div>
                    <h1>"Anneal"</h1>
                    <p class="tagline">"Learning-rate schedules, centred on cosine annealing"</p>
                </div>
                <div class="control preset">
                    <label for="preset-choice">"Preset"</label>
                    <select id="preset-choice" name="preset" on:change=on_preset>
                        <option value="" selected>"Choose a preset…"</option>
                        {PRESETS.iter().map(|p| view! { <option value=p.key>{p.name}</option> }).collect_view()}
                    </select>
                    {move || preset_source.get().map(|s| view! { <p class="source">"Source: " {s}</p> })}
                    <CopyLink />
                </div>
            </header>
            </Show>
            <Show when=staged(controls_at, "controls")>
            <section class="controls" aria-label="Schedule parameters">
                {move || {
                    let notices = link_notices.get();
                    (!notices.is_empty())
                        .then(|| {
                            view! {
                                <div class="link-notices" role="alert">
                                    <p>"Some values in this link could not be used:"</p>
                                    <ul>
                                        {notices
                                            .into_iter()
                                            .map(|n| view! { <li><code>{n.key}</code> ": " {n.reason}</li> })
                                            .collect_view()}
                                    </ul>
                                    <button type="button" name="dismiss" on:click=move |_| link_notices.set(Vec::new())>
                                        "Dismiss"
                                    </button>
                                </div>
                            }
                        })
                }}
                <fieldset>
                    <legend>"Learning rate"</legend>
                    {number!(ETA_MAX, eta_max)}
                    {toggle!("eta_min_rel", "η_min as a fraction of η_max", eta_min_rel)}
                    {number!(ETA_MIN, eta_min, disabled: rel)}
                    {number!(ETA_MIN_FRAC, eta_min_frac, disabled: move || !rel())}
                </fieldset>
                <fieldset>
                    <legend>"Cycles"</legend>
                    {number!(T_MAX, t_max)}
                    {toggle!("restarts", "warm restarts (SGDR)", restarts)}
                    {number!(T_MULT, t_mult, disabled: no_restarts)}
                    {number!(DECAY, decay, disabled: no_restarts)}
                    {number!(CYCLE_LIMIT, cycle_limit, disabled: no_restarts)}
                    {number!(K_DECAY, k_decay)}
                </fieldset>
                <fieldset>
                    <legend>"Warm-up"</legend>
                    {number!(WARMUP, warmup)}
                    <Choice key="warmup_shape" label="warm-up shape" options=&WarmupShape::OPTIONS value=shape set=set_shape />
                    {number!(WARMUP_START, warmup_start)}
                    {toggle!("warmup_every", "warm up before every cycle", warmup_every)}
                    {toggle!("warmup_overlap", "overlap the cosine (timm's default)", warmup_overlap)}
                </fieldset>
                <fieldset>
                    <legend>"View"</legend>
                    {number!(HORIZON, horizon)}
                    <Choice key="unit" label="unit" options=&Unit::OPTIONS value=unit_name set=set_unit />
                    {number!(STEPS_PER_EPOCH, steps_per_epoch, disabled: in_steps)}
                    {number!(GRAD_ACCUM, grad_accum, disabled: in_steps)}
                    {toggle!("log_y", "logarithmic η axis", log_y)}
                </fieldset>
                {move || {
                    resolved
                        .with(|r| r.notices.clone())
                        .into_iter()
                        .map(|m| view! { <p class="notice" role="status">{m}</p> })
                        .collect_view()
                }}
            </section>
            </Show>
            <Show when=shows("chart")>
            <section class="chart-panel">
                <ScheduleCanvas resolved=resolved overlays=drawn.into() flags=flags.into() log_y=log_y unit=unit fill=embed theme_tick=theme_tick />
                <Show when=staged(1, "compare")>
                    <ComparePanel settings=settings push_next=push_next compare=compare set_compare=set_compare frameworks=frameworks updating=updating contrast=contrast />
                </Show>
                <Show when=staged(1, "export")>
                    <Downloads settings=settings resolved=resolved frameworks=frameworks overlays=drawn.into() />
                </Show>
                <Show when=staged(1, "code")>
                    <CodePanel settings=settings resolved=resolved push_next=push_next imported=imported />
                </Show>
                <Show when=embed_panel>
                    <EmbedPanel settings=settings unknown=unknown />
                </Show>
            </section>
            </Show>
        </main>
        <Show when=lab_shown>
            <LabPanel settings=settings resolved=resolved push_next=push_next theme_tick=theme_tick still=Signal::derive(move || view_opts.with(|v| v.still)) />
        </Show>
        <Show when=move || embed.get()>
            <p class="embed-credit">
                <a href=move || settings.with(|s| url::standalone_link(s, &unknown.get_value())) target="_blank" rel="noopener">"Open in Anneal ↗"</a>
            </p>
        </Show>
        </div>
    }
}
