//! The basin-outcome map: from every start on a 40 × 40 lattice, where each schedule ends.

use leptos::prelude::*;

use super::kept::kept_while;
use super::use_lab;
use crate::charts::{basin_color, draw_basin_map};
use crate::landscape::{BasinMap, RunSpec};
use crate::share::key;
use crate::ui::canvas::paint;
use crate::ui::frame_job::{FrameJob, Slice};
use crate::ui::key_control::KeyControl;
use crate::ui::screen::{fit_canvas, theme};
use crate::ui::when::When;

/// Starts per side of the lattice.
const SIDE: usize = 40;

/// The button, the progress and one small map per schedule.
#[component]
pub fn BasinPanel() -> impl IntoView {
    let ctx = use_lab();
    let shown = RwSignal::new(None::<BasinMap>);
    let canvases: [NodeRef<leptos::html::Canvas>; 3] = std::array::from_fn(|_| NodeRef::new());
    let job = FrameJob::for_button(
        |m: &mut BasinMap| m.advance(1),
        Clone::clone,
        move |slice| {
            shown.set(Some(match slice {
                Slice::Working(m) | Slice::Done(m) => m,
            }))
        },
    );
    kept_while(
        |s| s.lab.basin_map,
        // Every start of the lattice is run: the start point is not read, so a drag of it
        // leaves the map.
        |spec| RunSpec {
            start: [0.0, 0.0],
            ..spec
        },
        move || {
            let map = BasinMap::new(
                ctx.spec.get_untracked(),
                ctx.contenders.get_untracked(),
                SIDE,
            );
            job.start(map, false);
        },
        move || {
            job.cancel();
            shown.set(None);
        },
    );
    Effect::new(move |_| {
        ctx.app.theme_tick.track();
        shown.with(|m| {
            let Some(m) = m else { return };
            let labels: Vec<&str> = ctx
                .contenders
                .with_untracked(|cs| cs.iter().map(|c| c.label).collect());
            for (i, c) in canvases.iter().enumerate() {
                let Some(c) = c.get_untracked() else { continue };
                let dpr = fit_canvas(&c, 200.0, 220.0);
                let title = labels.get(i).copied().unwrap_or_default();
                paint(&c, |area| {
                    draw_basin_map(area, m, i, title, &theme(), dpr).ok()
                });
            }
        })
    });
    let progress = move || {
        shown.with(|m| {
            m.as_ref().map(|m| {
                let shares: Vec<String> = (0..3)
                    .map(|c| format!("{:.0} %", m.global_share(c) * 100.0))
                    .collect();
                format!(
                    "{} of {} starts · ending in a global minimum: constant {}, cosine {}, restarts {}",
                    m.done(),
                    m.total(),
                    shares[0],
                    shares[1],
                    shares[2]
                )
            })
        })
    };
    let legend = move || {
        let surface = ctx.spec.with(|s| s.surface);
        let minima = surface.minima();
        (minima.len() <= 12).then(|| {
            minima
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let c = basin_color(i, m.global);
                    view! {
                        <li>
                            <span class="swatch" style:background=format!("rgb({},{},{})", c.0, c.1, c.2)></span>
                            {super::outcome::minimum_name(surface, i)}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="basin-map">
            <h3>"Basin-outcome map"</h3>
            <p>"Every start on a 40 × 40 lattice, run with each schedule: the colour is the minimum it ends in (grey: diverged)."</p>
            <When when=move || !ctx.app.still()>
                <KeyControl key=key!("basin_map") />
            </When>
            <p class="progress" role="status">{progress}</p>
            <div class="basin-canvases" class:hidden=move || shown.with(Option::is_none)>
                {canvases
                    .into_iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let label = move || {
                            let run = ctx.contenders.with(|cs| cs.get(i).map(|c| c.label).unwrap_or_default());
                            format!("Basin-outcome map of the {run} run: each start's colour is the minimum it ends in (legend below)")
                        };
                        view! { <canvas node_ref=c class="basin-canvas" role="img" aria-label=label></canvas> }
                    })
                    .collect_view()}
            </div>
            <ul class="basin-legend">{legend}</ul>
        </div>
    }
}
