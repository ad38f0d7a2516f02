//! The loss-landscape lab: three optimizer runs on a 2-D surface, driven by the explorer's
//! schedule, to show why a learning rate that rises again lets the iterate leave sharp minima.

mod basin_panel;
mod escape;
mod kept;
mod line_charts;
mod outcome;
mod playback;
mod surface_view;

use std::sync::Arc;

use leptos::prelude::*;

use super::frame_job::{FrameJob, Slice};
use super::key_control::KeyFieldset;
use super::screen::{on_screen, timed};
use super::state::{use_app, AppState};
use super::when::When;
use crate::format::{format_value, round_significant, shown};
use crate::landscape::{
    contenders, fit_to_run, is_composed, settle, Basins, Contender, Noise, Outcome, Race, Rule,
    Run, RunSpec, Surface,
};
use crate::share::*;
use basin_panel::BasinPanel;
use escape::EscapePanel;
use line_charts::LabCharts;
use outcome::OutcomeTable;
use playback::Playback;
use surface_view::SurfaceView;

/// Colours of the three runs: constant, cosine, cosine with warm restarts.
pub const RUN_COLORS: [(u8, u8, u8); 3] = [(255, 159, 28), (77, 171, 247), (240, 62, 132)];

/// One run as the lab shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct RunView {
    /// Legend text.
    pub label: &'static str,
    /// Line colour.
    pub color: (u8, u8, u8),
    /// The surface it ran on (the page's may have changed while a new race is under way).
    pub surface: Surface,
    /// The path and losses.
    pub run: Run,
    /// What became of it.
    pub outcome: Outcome,
}

/// The lab's shared state, provided as context by [`LabPanel`]: the page's state and what the
/// lab derives from it, each recomputed only when its own inputs change.
#[derive(Clone, Copy)]
pub struct LabCtx {
    /// The page's state (the lab's settings live in `settings.lab`).
    pub app: AppState,
    /// The run's surface, optimizer, start and noise.
    pub spec: Memo<RunSpec>,
    /// The explorer's schedule as the lab uses it: kept while the lab is off screen, so a
    /// slider storm up in the explorer reruns and redraws nothing below the fold.
    pub source: Memo<Resolved>,
    /// The three schedules, a learning rate per step.
    pub contenders: Memo<Vec<Contender>>,
    /// Basins of the current surface, shared with the races that look them up.
    pub basins: Memo<Arc<Basins>>,
    /// Which runs the user shows (a change redraws the runs, never reruns them).
    pub shown: Memo<[bool; 3]>,
    /// The three runs of the last finished race (none before the first finishes).
    pub runs: ReadSignal<Vec<RunView>>,
    /// The share of a race under way that is done, while its runs are computed over frames.
    pub racing: ReadSignal<Option<f64>>,
    /// Path index shown by playback.
    pub cursor: Memo<usize>,
    /// Steps per run.
    pub steps: Memo<usize>,
    /// The minimum whose basin the start lies in (`None` when it settles nowhere).
    pub start_basin: Memo<Option<usize>>,
    /// The start basin's curvature λ and the rate above which the optimizer cannot rest there
    /// (`None` for adaptive rules, or a start that settles nowhere).
    pub limit: Memo<Option<(f64, f64)>>,
}

impl LabCtx {
    /// The lab's state; `seen` says whether the lab is on screen.
    fn new(app: AppState, seen: RwSignal<bool>) -> Self {
        let AppState {
            settings, resolved, ..
        } = app;
        let source = Memo::new(move |kept: Option<&Resolved>| {
            let on = seen.get();
            match kept {
                Some(k) if !on => k.clone(),
                _ => resolved.get(),
            }
        });
        let spec = Memo::new(move |_| settings.with(|s| s.lab.spec().0));
        let steps = Memo::new(move |_| settings.with(|s| s.lab.steps()));
        let constant = Memo::new(move |_| settings.with(|s| s.lab.lab_lr));
        let contenders = Memo::new(move |_| {
            let steps = steps.get();
            source.with(|r| {
                contenders(&r.schedule, &r.phases, r.run_steps, steps, constant.get()).to_vec()
            })
        });
        let start_basin = Memo::new(move |_| spec.with(|s| settle(s.surface, s.start)));
        let limit = Memo::new(move |_| {
            let b = start_basin.get()?;
            let m = spec.with(|s| s.surface.minima()[b]);
            Some((
                m.curvature,
                spec.with(|s| s.optimizer.rest_limit(m.curvature))?,
            ))
        });
        let surface = Memo::new(move |_| spec.with(|s| s.surface));
        let basins = Memo::new(move |_| Arc::new(Basins::new(surface.get())));
        let shown =
            Memo::new(move |_| settings.with(|s| [s.lab.run_const, s.lab.run_cos, s.lab.run_sgdr]));
        // Drawn again only when the seed, σ or the step count change, not on every drag.
        let draw = Memo::new(move |_| spec.with(|s| (s.seed, s.noise)));
        let noise = Memo::new(move |_| {
            let (seed, sigma) = draw.get();
            Noise::new(seed, sigma, steps.get())
        });
        let (runs, set_runs) = signal(Vec::<RunView>::new());
        let (racing, set_racing) = signal(None::<f64>);
        let job = FrameJob::for_inputs(Race::step, Race::fraction, move |slice| match slice {
            Slice::Working(fraction) => set_racing.set(Some(fraction)),
            Slice::Done(race) => {
                let surface = race.spec().surface;
                let labels: Vec<&'static str> = race.lanes().iter().map(|c| c.label).collect();
                set_runs.set(
                    Race::finish(race)
                        .into_iter()
                        .zip(labels)
                        .zip(RUN_COLORS)
                        .map(|(((run, outcome), label), color)| RunView {
                            label,
                            color,
                            surface,
                            run,
                            outcome,
                        })
                        .collect(),
                );
                set_racing.set(None);
            }
        });
        Effect::new(move |_| {
            let race = Race::new(spec.get(), contenders.get(), noise.get(), basins.get());
            timed("anneal-lab-compute", || job.start(race, true));
        });
        let cursor = Memo::new(move |_| {
            // A still page shows the end state.
            let t = if app.still() {
                1.0
            } else {
                settings.with(|s| s.lab.lab_t)
            };
            (t * steps.get() as f64).round() as usize
        });
        Self {
            app,
            spec,
            source,
            contenders,
            basins,
            shown,
            runs,
            racing,
            cursor,
            steps,
            start_basin,
            limit,
        }
    }

    /// Moves playback to path index `step`.
    pub fn seek(&self, step: usize) {
        let t = crate::share::lab_time(step, self.steps.get_untracked());
        self.app.settings.update(|s| s.lab.lab_t = t);
    }
}

/// The surface, the start, the runs' length and which runs are drawn.
const SURFACE_AND_RUNS: &[&Key] = &[
    key!("surface"),
    key!("x0"),
    key!("y0"),
    key!("lab_steps"),
    key!("lab_lr"),
    key!("run_const"),
    key!("run_cos"),
    key!("run_sgdr"),
];

/// The optimizer and its noise.
const OPTIMIZER: &[&Key] = &[
    key!("opt"),
    key!("beta"),
    key!("beta1"),
    key!("beta2"),
    key!("eps"),
    key!("clip"),
    key!("noise"),
    key!("seed"),
];

/// How gradient noise σ changes the story; `limited` when the update rule has a rest limit
/// (adaptive rules have none to be above or below).
fn noise_text(noise: f64, limited: bool) -> String {
    match (noise > 0.0, limited) {
        (true, true) => format!(
            " Gradient noise (σ = {}) also kicks the iterate, the harder the higher η, so a run \
             can leave a minimum below the limit too.",
            format_value(noise)
        ),
        (true, false) => format!(
            " Gradient noise (σ = {}) also kicks the iterate, the harder the higher η.",
            format_value(noise)
        ),
        (false, true) => " Without gradient noise every run is deterministic: it leaves a \
                           minimum only when η rises above the limit."
            .to_string(),
        (false, false) => " Without gradient noise every run is deterministic.".to_string(),
    }
}

/// The lab's state, from the context [`LabPanel`] provides.
fn use_lab() -> LabCtx {
    use_context().expect("LabPanel provides the lab state")
}

/// The lab section of the page.
#[component]
pub fn LabPanel() -> impl IntoView {
    let app = use_app();
    let settings = app.settings;
    let section = NodeRef::<leptos::html::Section>::new();
    // Any settings change may move what is above the lab (compare, hide, the training setup).
    let seen = on_screen(section, move || app.settings.track());
    let ctx = LabCtx::new(app, seen);
    // A pointer or focus in the lab means it is on screen, even before the scroll that brought
    // it there is reported: a run started by that click must see the current schedule.
    let here = move || {
        if !seen.get_untracked() {
            seen.set(true);
        }
    };
    provide_context(ctx);
    let still = Signal::derive(move || app.still());
    let notice = move || settings.with(|s| s.lab.spec().1);
    let eta_line = move || {
        let steps = settings.with(|s| s.lab.steps());
        ctx.source.with(|r| {
            if is_composed(&r.schedule, &r.phases) {
                return format!(
                    "The explorer's schedule ({}) is raced as it is: the third run follows it step \
                     for step in place of the cosine with warm restarts, and the cosine run falls \
                     from its peak ({}) to 0 over all steps.",
                    r.phases.kinds_text(),
                    shown(r.phases.peak(steps as f64))
                );
            }
            let fitted = fit_to_run(&r.schedule, r.run_steps, steps).map(|f| {
                format!(
                    " Its first restart would come after the lab's {} steps, so its run of {} \
                     steps is scaled onto them: T_0 = {} steps here.",
                    shown(steps as f64),
                    shown(r.run_steps),
                    shown(f.t_0)
                )
            });
            let a = &r.schedule;
            let mut terms = vec![
                format!("η_max = {}", shown(a.eta_max)),
                format!("η_min = {}", shown(a.floor())),
                format!("T_0 = {} steps", shown(a.t_0)),
                format!("T_mult = {}", shown(a.t_mult)),
            ];
            // Every other setting the runs follow is named too.
            if a.decay < 1.0 {
                terms.push(format!("γ = {}", shown(a.decay)));
            }
            if let Some(n) = a.cycle_limit {
                terms.push(format!("at most {n} cycles"));
            }
            if a.k_decay != 1.0 {
                terms.push(format!("k = {}", shown(a.k_decay)));
            }
            if a.warmup.length > 0.0 {
                let length = shown(a.warmup.length);
                terms.push(format!(
                    "{} {length}-step warm-up from {}",
                    crate::format::article(&length),
                    shown(a.warmup.start)
                ));
            }
            format!(
                "Runs use the explorer's schedule ({}): the cosine run stretches one cycle over all \
                 steps, the restarts run keeps T_0 and T_mult.{}",
                terms.join(", "),
                fitted.unwrap_or_default()
            )
        })
    };
    // What a high rate does, for the chosen update rule and noise.
    let rule_text = move || {
        let (optimizer, noise) = settings.with(|s| (s.lab.spec().0.optimizer, s.lab.noise));
        let rule = optimizer.rule;
        // The coefficient c of the limit c/η, from the optimizer's own rest limit (λ = 1).
        let Some(c) = optimizer.rest_limit(1.0) else {
            return format!(
                "{} divides each step by the gradient's running scale, so no 2/λ rule holds: \
                 its steps stay about η long, and a minimum narrower than that cannot keep it.{}",
                rule.label(),
                noise_text(noise, false)
            );
        };
        let limit = match rule {
            Rule::Momentum => format!("2(1+β)/η = {}/η (heavy-ball momentum)", format_value(c)),
            Rule::Nesterov => format!(
                "2(1+β)/((1+2β)η) = {}/η (Nesterov momentum)",
                format_value(round_significant(c, 6))
            ),
            _ => "2/η".to_string(),
        };
        format!(
            "{} cannot rest in a minimum whose curvature λ exceeds {limit}: each step overshoots \
             further than the last and throws the iterate out. A high rate leaves sharp minima and \
             settles in wide ones; as η falls, sharper minima can hold it again. The grey line on \
             the learning-rate chart is that limit for the start's basin.{}",
            rule.label(),
            noise_text(noise, true)
        )
    };
    view! {
        <section
            class="lab"
            // Its image buttons take a row above the surface, which a fixed frame must leave.
            class:with-images=move || app.shows("export")
            aria-labelledby="lab-title"
            aria-busy=move || ctx.racing.with(Option::is_some).then_some("true")
            node_ref=section
            on:pointerdown=move |_| here()
            on:focusin=move |_| here()
        >
            // Embedded, the explanation folds under its title so the surface fits the frame.
            <details class="lab-about" open=!app.embed.get_untracked()>
            <summary>
                <h2 id="lab-title">"What a high learning rate does, and what warm restarts add"</h2>
            </summary>
            <p class="lab-intro">{rule_text}</p>
            <p class="lab-intro">
                "Restarts add repeated chances: once the iterate has settled, η rises again and \
                 throws it out of any minimum too sharp for the peak. Each cycle also ends in a \
                 converged snapshot, and snapshots in different minima make a snapshot ensemble. \
                 One long cosine peaks first, so it leaves a trap met early as well; on "
                <em>"Late traps"</em>
                " the traps are met late, when its rate is already below their limit."
                <When when=move || !still.get()>
                    " Drag the start point, change the optimizer"
                    // Embedded alone, there is no schedule above to change.
                    {move || app.interactive("controls").then_some(" or the schedule above")}
                    ", and watch the three runs."
                </When>
            </p>
            <p class="lab-note">{eta_line}</p>
            </details>
            <div class="lab-grid">
                <div class="lab-surface">
                    <SurfaceView />
                    <When when=move || !still.get()>
                        <Playback />
                    </When>
                </div>
                <When when=move || !still.get()>
                <div class="lab-side">
                    {move || notice().map(|n| view! { <p class="notice" role="status">{n}</p> })}
                    <KeyFieldset legend="Surface and runs" keys=SURFACE_AND_RUNS />
                    <KeyFieldset legend="Optimizer" keys=OPTIMIZER />
                </div>
                </When>
            </div>
            <OutcomeTable />
            <LabCharts />
            // A static page (a slide) shows a result its link keeps on, without the box.
            <When when=move || !still.get() || settings.with(|s| s.lab.escape)>
                <EscapePanel />
            </When>
            <When when=move || !still.get() || settings.with(|s| s.lab.basin_map)>
                <BasinPanel />
            </When>
        </section>
    }
}
