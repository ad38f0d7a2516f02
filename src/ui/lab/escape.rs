//! "Escape rate over 100 seeds": the experiment the native test runs, in the page.

use leptos::prelude::*;

use super::kept::kept_while;
use super::use_lab;
use crate::landscape::{Experiment, Tally};
use crate::share::key;
use crate::ui::frame_job::{FrameJob, Slice};
use crate::ui::key_control::KeyControl;
use crate::ui::when::When;

/// Seeds per experiment.
const SEEDS: u64 = 100;

fn percent(n: u32, of: u64) -> String {
    format!("{:.0} %", f64::from(n) * 100.0 / of.max(1) as f64)
}

/// The button, its progress and the table of shares.
#[component]
pub fn EscapePanel() -> impl IntoView {
    let ctx = use_lab();
    let result = RwSignal::new(None::<(u64, Vec<Tally>)>);
    let job = FrameJob::for_button(
        |e: &mut Experiment| e.advance(1),
        // No rows before the first seed is done: zero tallies would read 0 % in every column.
        |e| {
            (
                e.done(),
                if e.done() == 0 {
                    Vec::new()
                } else {
                    e.tallies.clone()
                },
            )
        },
        move |slice| {
            result.set(Some(match slice {
                Slice::Working(seen) => seen,
                Slice::Done(e) => (e.done(), e.tallies),
            }))
        },
    );
    // Started afresh on every change: a running experiment would mix two set-ups.
    kept_while(
        |s| s.lab.escape,
        |spec| spec,
        move || {
            let spec = ctx.spec.get_untracked();
            let contenders = ctx.contenders.get_untracked();
            let basins = ctx.basins.get_untracked();
            job.start(Experiment::new(spec, contenders, basins, SEEDS), false);
        },
        move || {
            job.cancel();
            result.set(None);
        },
    );
    let start_basin = move || {
        let surface = ctx.spec.with(|s| s.surface);
        ctx.start_basin
            .get()
            .map(|b| super::outcome::minimum_name(surface, b))
    };
    let table = move || {
        let (done, tallies) = result.get()?;
        let labels: Vec<(&str, bool)> = ctx.contenders.with(|cs| {
            cs.iter()
                .map(|c| (c.label, !c.cycle_ends.is_empty()))
                .collect()
        });
        let rows = tallies
            .iter()
            .zip(labels)
            .map(|(t, (label, cycles))| {
                view! {
                    <tr>
                        <th scope="row">{label}</th>
                        <td class="num">{percent(t.global, done)}</td>
                        <td class="num">{percent(t.stayed, done)}</td>
                        <td class="num">{percent(t.other, done)}</td>
                        <td class="num">{percent(t.stopped, done)}</td>
                        <td class="num">{if cycles { percent(t.diverse_snapshots, done) } else { "—".into() }}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <p class="progress" role="status">{format!("{done} of {SEEDS} seeds")}</p>
            <div class="table-scroll">
            <table class="escape-table">
                <caption>{format!("Where each run ends, over {SEEDS} noise seeds")}</caption>
                <thead>
                    <tr>
                        <th scope="col">"run"</th>
                        <th scope="col">"ends in a global minimum"</th>
                        <th scope="col">"stays where it started"</th>
                        <th scope="col">"ends in another local minimum"</th>
                        <th scope="col">"diverged"</th>
                        <th scope="col">"snapshots in ≥ 2 minima"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            </div>
            <p class="lab-note">
                "The first four columns add up to 100 %: the basin a run's last point settles \
                 into holds a global minimum; is the start's own (a local one); is another local \
                 minimum; or the run diverged or left the surface. The last counts runs whose \
                 cycle-end snapshots sit in two or more minima: diverse members for a snapshot \
                 ensemble (— for runs without restarts)."
            </p>
        })
    };
    view! {
        <div class="escape">
            <h3>"Escape rate over 100 seeds"</h3>
            <p>
                "The same three runs with noise seeds " {move || ctx.spec.with(|s| s.seed)} "…"
                {move || ctx.spec.with(|s| s.seed + SEEDS - 1)}
                ". The start lies in the basin of the "
                {move || start_basin().unwrap_or_default()} "."
            </p>
            <When when=move || !ctx.app.still()>
                <KeyControl key=key!("escape") />
            </When>
            {table}
        </div>
    }
}
