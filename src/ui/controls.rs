//! The schedule's controls beside the chart: the link notices, four fieldsets of controls and
//! the schedule's own notices.

use leptos::prelude::*;

use super::control::{Choice, NumberControl, Toggle};
use super::link_notices::LinkNotices;
use super::state::use_app;
use crate::schedule::WarmupShape;
use crate::share::*;

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

macro_rules! number {
    ($spec:expr, $field:ident) => {{
        let (value, set) = field(use_app().settings, |s| s.$field, |s, v| s.$field = v);
        view! { <NumberControl spec=&$spec value=value set=set /> }
    }};
    ($spec:expr, $field:ident, disabled: $off:expr) => {{
        let (value, set) = field(use_app().settings, |s| s.$field, |s, v| s.$field = v);
        view! { <NumberControl spec=&$spec value=value set=set disabled=Signal::derive($off) /> }
    }};
}
macro_rules! toggle {
    ($key:literal, $label:literal, $field:ident) => {{
        let (value, set) = field(use_app().settings, |s| s.$field, |s, v| s.$field = v);
        view! { <Toggle key=$key label=$label value=value set=set /> }
    }};
}

/// The controls section: link notices, the fieldsets, then what the schedule notes.
#[component]
pub fn Controls() -> impl IntoView {
    let resolved = use_app().resolved;
    view! {
        <section class="controls" aria-label="Schedule parameters">
            <LinkNotices />
            <LearningRate />
            <Cycles />
            <WarmUp />
            <ViewControls />
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

/// η_max and η_min, absolute or as a fraction.
#[component]
fn LearningRate() -> impl IntoView {
    let settings = use_app().settings;
    let rel = move || settings.with(|s| s.eta_min_rel);
    view! {
        <fieldset>
            <legend>"Learning rate"</legend>
            {number!(ETA_MAX, eta_max)}
            {toggle!("eta_min_rel", "η_min as a fraction of η_max", eta_min_rel)}
            {number!(ETA_MIN, eta_min, disabled: rel)}
            {number!(ETA_MIN_FRAC, eta_min_frac, disabled: move || !rel())}
        </fieldset>
    }
}

/// The cosine cycle and its warm restarts.
#[component]
fn Cycles() -> impl IntoView {
    let settings = use_app().settings;
    let no_restarts = move || settings.with(|s| !s.restarts);
    view! {
        <fieldset>
            <legend>"Cycles"</legend>
            {number!(T_MAX, t_max)}
            {toggle!("restarts", "warm restarts (SGDR)", restarts)}
            {number!(T_MULT, t_mult, disabled: no_restarts)}
            {number!(DECAY, decay, disabled: no_restarts)}
            {number!(CYCLE_LIMIT, cycle_limit, disabled: no_restarts)}
            {number!(K_DECAY, k_decay)}
        </fieldset>
    }
}

/// The warm-up's length, shape and start.
#[component]
fn WarmUp() -> impl IntoView {
    let settings = use_app().settings;
    let shape = Signal::derive(move || settings.with(|s| s.warmup_shape.name()));
    let set_shape = Callback::new(move |v: String| {
        let shape = WarmupShape::from_name(&v).unwrap_or_default();
        settings.update(|s| s.warmup_shape = shape);
    });
    view! {
        <fieldset>
            <legend>"Warm-up"</legend>
            {number!(WARMUP, warmup)}
            <Choice key="warmup_shape" label="warm-up shape" options=&WarmupShape::OPTIONS value=shape set=set_shape />
            {number!(WARMUP_START, warmup_start)}
            {toggle!("warmup_every", "warm up before every cycle", warmup_every)}
            {toggle!("warmup_overlap", "overlap the cosine (timm's default)", warmup_overlap)}
        </fieldset>
    }
}

/// What the chart spans and how: horizon, unit, epoch size, η axis.
#[component]
fn ViewControls() -> impl IntoView {
    let settings = use_app().settings;
    let in_steps = move || settings.with(|s| s.unit == Unit::Steps);
    let unit_name = Signal::derive(move || settings.with(|s| s.unit.name()));
    let set_unit = Callback::new(move |v: String| {
        settings.update(|s| s.unit = Unit::from_name(&v).unwrap_or_default())
    });
    view! {
        <fieldset>
            <legend>"View"</legend>
            {number!(HORIZON, horizon)}
            <Choice key="unit" label="unit" options=&Unit::OPTIONS value=unit_name set=set_unit />
            {number!(STEPS_PER_EPOCH, steps_per_epoch, disabled: in_steps)}
            {number!(GRAD_ACCUM, grad_accum, disabled: in_steps)}
            {toggle!("log_y", "logarithmic η axis", log_y)}
        </fieldset>
    }
}
