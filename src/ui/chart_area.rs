//! The chart and the panels below it: compare, downloads, code and embed.

use leptos::prelude::*;

use super::chart_view::ScheduleCanvas;
use super::code_panel::CodePanel;
use super::compare::ComparePanel;
use super::downloads::Downloads;
use super::embed::EmbedPanel;
use super::state::use_app;
use super::when::When;

/// The chart at once; the formula and the panels (each unless hidden or the page is static) once
/// `panels` is set, so they never delay the chart's first frame.
#[component]
pub fn ChartArea(panels: Signal<bool>) -> impl IntoView {
    let app = use_app();
    let staged = move |part: &'static str| move || panels.get() && app.interactive(part);
    let embed_panel = move || panels.get() && !app.embed.get() && !app.still();
    view! {
        <section class="chart-panel">
            <ScheduleCanvas below=panels />
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
