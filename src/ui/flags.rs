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
        resume.with(|r| {
            all.extend(
                r.iter()
                    .flatten()
                    .flatten()
                    .filter(|w| w.jumps)
                    .map(|w| Pitfall {
                        at: w.points[0].0,
                        title: "Resumed: η jumps at the checkpoint",
                        detail: format!("{} ({}): {}", resume_label(w), w.code, w.verdict),
                    }),
            )
        });
        all
    })
}
