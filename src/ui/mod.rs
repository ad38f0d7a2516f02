//! Leptos components: thin views over the pure core.

mod chart_view;
mod control;

use leptos::prelude::*;

use crate::schedule::Anneal;
use crate::share::{format_value, ETA_MAX, ETA_MIN, T_MAX};
use chart_view::ScheduleCanvas;
use control::NumberControl;

/// Points sampled across the horizon; enough for a smooth curve at the canvas's width.
const SAMPLES: usize = 960;

/// The visible horizon: the cycle plus a fifth more, so the hold at η_min shows.
fn horizon(t_max: f64) -> f64 {
    (t_max * 1.2).ceil()
}

/// The whole app: controls beside a live chart.
#[component]
pub fn App() -> impl IntoView {
    let eta_max = RwSignal::new(ETA_MAX.default);
    let eta_min = RwSignal::new(ETA_MIN.default);
    let t_max = RwSignal::new(T_MAX.default);

    // η_min above η_max would turn the curve upside down: draw with the floor at the peak instead.
    let floor = Memo::new(move |_| eta_min.get().min(eta_max.get()));
    let floor_notice = move || {
        (eta_min.get() > eta_max.get()).then(|| {
            format!(
                "η_min ({}) is above η_max ({}): drawn with η_min = η_max.",
                format_value(eta_min.get()),
                format_value(eta_max.get())
            )
        })
    };

    let series = Memo::new(move |_| {
        let schedule = Anneal {
            eta_max: eta_max.get(),
            eta_min: floor.get(),
            t_0: t_max.get(),
            ..Anneal::default()
        };
        schedule.sample(0.0, horizon(t_max.get()), SAMPLES + 1)
    });
    let x_max = Signal::derive(move || horizon(t_max.get()));

    view! {
        <main class="app">
            <header class="app-header">
                <h1>"Anneal"</h1>
                <p class="tagline">"Cosine annealing: ηₜ = η_min + ½(η_max − η_min)(1 + cos(π·t/T_max))"</p>
            </header>
            <section class="controls" aria-label="Schedule parameters">
                <NumberControl spec=&ETA_MAX value=eta_max />
                <NumberControl spec=&ETA_MIN value=eta_min />
                <NumberControl spec=&T_MAX value=t_max />
                {move || floor_notice().map(|m| view! { <p class="notice" role="status">{m}</p> })}
            </section>
            <section class="chart-panel">
                <ScheduleCanvas series=series x_max=x_max />
            </section>
        </main>
    }
}
