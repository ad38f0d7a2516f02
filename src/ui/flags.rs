//! The pitfall flags on the schedule chart: the schedule's own, the stepping pitfall of the
//! training setup, and a resumed run's jump at its checkpoint.

use leptos::prelude::*;

use super::chart_view::css_x;
use super::overlays::resume_label;
use super::screen::device_pixel_ratio;
use super::state::{use_app, AppState};
use crate::charts::PlotArea;
use crate::schedule::{pitfalls, stepping_pitfall, Pitfall};

/// The flags to draw on the chart, following the schedule and the resume preview.
pub fn chart_flags(app: &AppState) -> Memo<Vec<Pitfall>> {
    let (resolved, resume) = (app.resolved, app.resume);
    let own = Memo::new(move |_| {
        resolved.with(|r| {
            // Judged over the run, not the chart: an automatic horizon shows a fifth more.
            let mut all = pitfalls(&r.phases, r.run_steps);
            all.extend(
                r.total_steps
                    .and_then(|t| stepping_pitfall(&r.phases, r.steps_per_epoch, t)),
            );
            all
        })
    });
    // A resumed run whose η jumps at the checkpoint is flagged there too.
    Memo::new(move |_| {
        let mut all = own.get();
        // One flag for both ways, so neither hides the other's tip.
        resume.with(|r| {
            let jumped: Vec<_> = r.iter().flatten().flatten().filter(|w| w.jumps).collect();
            if let Some(first) = jumped.first() {
                let told: Vec<String> = jumped
                    .iter()
                    .map(|w| format!("{} ({}): {}", resume_label(w), w.code, w.verdict))
                    .collect();
                all.push(Pitfall {
                    at: first.points[0].0,
                    title: "Resumed: η jumps at the checkpoint",
                    detail: told.join(" · "),
                });
            }
        });
        all
    })
}

/// The flags on the chart at their steps, placed by the chart's `plot` area; on a still page
/// each is only its number, the footnotes ([`FlagNotes`]) saying what it means.
#[component]
pub fn FlagMarks(plot: RwSignal<Option<PlotArea>>, flags: Memo<Vec<Pitfall>>) -> impl IntoView {
    let app = use_app();
    let marks = move || {
        let p = plot.get()?;
        let dpr = device_pixel_ratio();
        let still = app.still();
        // Where each flag sits, read from the schedule once for all of them.
        let places: Vec<(f64, f64)> = app.resolved.with(|r| {
            flags.with(|fs| {
                fs.iter()
                    .map(|f| (f.at / r.horizon_steps.max(1.0), r.phases.lr(f.at)))
                    .collect()
            })
        });
        let marks = flags
            .get()
            .into_iter()
            .zip(places)
            .enumerate()
            .map(|(i, (f, (frac, lr)))| {
                let x = css_x(&p, frac);
                let y = p.y_of(lr) / dpr;
                let text = format!("{}: {}", f.title, f.detail);
                // The tip opens towards the middle of the chart, so it never leaves the page.
                let side = if frac > 0.66 {
                    "flag flag-end"
                } else if frac < 0.34 {
                    "flag flag-start"
                } else {
                    "flag"
                };
                view! {
                    <button
                        type="button"
                        class=side
                        style:left=format!("{x:.1}px")
                        style:top=format!("{y:.1}px")
                        aria-label=text.clone()
                        tabindex=still.then_some("-1")
                        aria-hidden=still.then_some("true")
                    >
                        <span aria-hidden="true">{if still { (i + 1).to_string() } else { "!".into() }}</span>
                        <span class="flag-tip" role="tooltip">
                            <strong>{f.title}</strong>
                            " "
                            {f.detail}
                        </span>
                    </button>
                }
            })
            .collect_view();
        Some(marks)
    };
    view! { <div class="flag-layer">{marks}</div> }
}

/// The flags as numbered footnotes under the chart, for a still page.
#[component]
pub fn FlagNotes(flags: Memo<Vec<Pitfall>>) -> impl IntoView {
    move || {
        let all = flags.get();
        (!all.is_empty()).then(|| {
            let notes = all
                .into_iter()
                .map(|f| view! { <li><strong>{f.title}</strong>" "{f.detail}</li> })
                .collect_view();
            view! { <ol class="flag-notes">{notes}</ol> }
        })
    }
}
