//! Leptos components: thin views over the pure core.

pub mod canvas;
mod chart_area;
mod chart_view;
mod code_panel;
mod compare;
mod control;
mod controls;
mod copy_link;
pub mod crash;
mod downloads;
mod embed;
mod embed_credit;
mod flags;
mod formula;
mod frame_job;
mod framework_curves;
mod header;
mod image_export;
mod imported;
mod key_control;
mod lab;
mod link_notices;
mod overlays;
mod phases;
mod resume;
mod screen;
mod state;
mod training;
mod url;
mod when;

use leptos::prelude::*;

use chart_area::ChartArea;
use controls::Controls;
use embed_credit::EmbedCredit;
use header::Header;
use lab::LabPanel;
use link_notices::LinkNotices;
use state::AppState;
use when::When;

/// The whole app: presets, grouped controls and the live chart.
#[component]
pub fn App() -> impl IntoView {
    let app = AppState::from_link();
    provide_context(app);
    // The first frame paints the header and the chart; the list of presets, the controls beside
    // the chart, the formula and the panels below it are built in the next frame, the lab (runs,
    // basins, heatmap) in the one after, so none of them delays the chart. Controls above the
    // chart (narrow screens) come at once, or the chart would jump down when they arrive.
    let stage = RwSignal::new(0u8);
    request_animation_frame(move || {
        request_animation_frame(move || {
            stage.set(1);
            request_animation_frame(move || stage.set(2));
        })
    });
    // The chart is first on every layout (phones put the controls below it), so the controls
    // are built in the frame after it paints.
    let controls = move || stage.get() >= 1 && app.interactive("controls");
    let panels = Signal::derive(move || stage.get() >= 1);
    let lab_shown = move || stage.get() >= 2 && app.shows("landscape");

    view! {
        // A form only for its autocomplete="off": the browser would otherwise save every control's
        // value into each history entry the app writes (1.5 ms a write, not 0.4). Nothing submits
        // it; every button is type="button", so Enter in a field clicks none of them.
        <form class="page" autocomplete="off" on:submit=|ev| ev.prevent_default()>
        // The chart comes after every control in the tab order: one key press skips them.
        <When when=move || app.shows("chart") && !app.still()>
            <a class="skip-link" href="#chart">"Skip to the chart"</a>
        </When>
        // Above everything, so they show wherever the controls are: hidden, static, below the
        // chart on a phone, or in an embed's closed drawer.
        <LinkNotices />
        <main class="app" class:no-controls=move || !app.interactive("controls")>
            <When when=move || !app.embed.get() && app.shows("title")>
                <Header listed=panels />
            </When>
            <When when=controls>
                {move || {
                    if app.embed.get() {
                        // Embedded, the controls wait in a drawer under the chart, so the chart
                        // fills the frame; open when the link picks a few (`controls=`).
                        let open = app.view.with_untracked(|v| v.controls != 0);
                        view! {
                            <details class="drawer" open=open>
                                <summary>"Controls"</summary>
                                <Controls />
                            </details>
                        }
                        .into_any()
                    } else {
                        view! { <Controls /> }.into_any()
                    }
                }}
            </When>
            <When when=move || app.shows("chart") || app.shows("formula")>
                <ChartArea panels=panels />
            </When>
        </main>
        <When when=lab_shown>
            <LabPanel />
        </When>
        <When when=move || app.view.with(|v| v.shows_nothing())>
            <p class="notice page-notice" role="status">
                "Nothing to show: this link hides the chart, the formula, the lab and the controls (hide=…). Take one of them out of hide= to show it."
            </p>
        </When>
        <When when=move || app.embed.get()>
            <EmbedCredit />
        </When>
        </form>
    }
}
