//! What became of each run: where it ended, its loss, its escapes and its snapshots.

use leptos::prelude::*;

use super::{use_lab, RunView};
use crate::format::{format_value, round_significant, shown_3};
use crate::landscape::Surface;

/// "global minimum at (1.8, 0.6), f = -2.06, λ = 2.3" for minimum `i` of `surface`.
pub fn minimum_name(surface: Surface, i: usize) -> String {
    let m = surface.minima()[i];
    let (value, curvature) = m.shown();
    format!(
        "{} minimum at ({}, {}), f = {value}, λ = {curvature}",
        if m.global { "global" } else { "local" },
        shown_3(m.at[0]),
        shown_3(m.at[1]),
    )
}

/// Where run `r` ends: a minimum's name, or why it stopped.
pub fn ends_in(r: &RunView) -> String {
    match (r.run.stop.message(), r.outcome.basin) {
        (Some(why), _) => why,
        (None, Some(b)) => minimum_name(r.surface, b),
        (None, None) => "no minimum".to_string(),
    }
}

/// One row per shown run.
#[component]
pub fn OutcomeTable() -> impl IntoView {
    let ctx = use_lab();
    let rows = move || {
        let shown = ctx.shown.get();
        ctx.runs.with(|runs| {
            runs.iter()
                .zip(shown)
                .filter(|(_, s)| *s)
                .map(|(r, _)| {
                    let o = &r.outcome;
                    let ends = ends_in(r);
                    let loss = if o.final_loss.is_finite() {
                        format_value(round_significant(o.final_loss, 5))
                    } else {
                        "–".to_string()
                    };
                    let snaps = format!(
                        "{} snapshot{} in {} minim{}",
                        o.snapshots.len(),
                        if o.snapshots.len() == 1 { "" } else { "s" },
                        o.distinct_snapshot_minima(),
                        if o.distinct_snapshot_minima() == 1 { "um" } else { "a" }
                    );
                    let (cr, cg, cb) = r.color;
                    view! {
                        <tr>
                            <th scope="row">
                                <span class="swatch" style:background=format!("rgb({cr},{cg},{cb})")></span>
                                {r.label}
                            </th>
                            <td class="ends">{ends}</td>
                            <td class="num">{loss}</td>
                            <td class="num">{o.changes}</td>
                            <td>{snaps}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="table-scroll">
        <table class="outcomes">
            <caption>"Where each run ends"</caption>
            <thead>
                <tr>
                    <th scope="col">"run"</th>
                    <th scope="col">"ends in the basin of"</th>
                    <th scope="col">"final loss"</th>
                    <th scope="col">"basin changes"</th>
                    <th scope="col">"cycle-end snapshots"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        </div>
    }
}
