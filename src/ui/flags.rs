//! The pitfall flags on the schedule chart: the schedule's own, the stepping pitfall of the
//! training setup, and a resumed run's jump at its checkpoint.

use leptos::prelude::*;

use super::overlays::resume_label;
use super::state::AppState;
use crate::schedule::{pitfalls, stepping_pitfall, Pitfall};

/// The flags to draw on the chart, following the schedule and the resume preview.
pub fn chart_flags(app: &AppState) -> Memo<Vec<Pitfall>> {
    let (resolved, resume) = (app.resolved, app.resume);
    let own = Memo::new(move |_| {
        resolved.with(|r| {
            let mut all = pitfalls(&r.phases, r.horizon_steps);
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
