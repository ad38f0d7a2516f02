//! The chart and the panels below it: compare, downloads, code and embed.

use leptos::prelude::*;

use super::chart_view::ScheduleCanvas;
use super::code_panel::CodePanel;
use super::compare::ComparePanel;
use super::downloads::Downloads;
use super::embed::EmbedPanel;
use super::formula::Formula;
use super::state::use_app;
use super::when::When;

/// The chart at once; the formula and the panels (each unless hidden or the page is static) once
/// `panels` is set, so they never delay the chart's first frame. With the chart hidden, the
/// formula alone (`hide=chart` without `formula`: a slide of the formula and its live terms).
#[component]
pub fn ChartArea(panels: Signal<bool>) -> impl IntoView {
    let app = use_app();
    let chart = move || app.shows("chart");
    let staged = move |part: &'static str| move || panels.get() && chart() && app.interactive(part);
    let embed_panel = move || panels.get() && chart() && !app.embed.get() && !app.still();
    // Without a chart there is no cursor: the formula at a quarter of the run, as the chart
    // shows it before the pointer comes.
    let quarter = Signal::derive(move || app.resolved.with(|r| (r.run_steps / 4.0).round()));
    view! {
        <section class="chart-panel">
            <When when=chart>
                <ScheduleCanvas below=panels />
            </When>
            <When when=move || !chart() && panels.get() && app.shows("formula")>
                <Formula step=quarter />
            </When>
            <When when=staged("compare")>
                <ComparePanel />
            </When>
            <When when=staged("export")>
                <Downloads />
            </When>
            <When when=staged("code")>
                <CodePanel />
            </When>
            <When when=embed_panel>
                <EmbedPanel />
            </When>
        </section>
    }
}
