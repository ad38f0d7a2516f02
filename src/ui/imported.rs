//! An imported call's curve, derived from the code the settings keep: a link, Back and a preset
//! carry it as they carry pins. Its values are computed over frames, to the chart's horizon.

use leptos::prelude::*;

use super::chart_view::{Overlay, OverlaySource};
use super::frame_job::{FrameJob, Slice};
use crate::charts::IMPORTED_COLOR;
use crate::export::{import, whole_steps};
use crate::schedule::frameworks::{Mode, Progress};
use crate::schedule::held;
use crate::share::{format_value, Resolved, Settings, Unit};
use crate::training::{Counter, Setup};

/// Samples of an imported curve at most, as for the framework overlays.
const MAX_SAMPLES: f64 = 20_000.0;

/// An imported call: its overlay, its mode for the CSV's steps, and what the import said.
#[derive(Clone, Debug)]
pub struct Imported {
    /// What the chart draws.
    pub overlay: Overlay,
    /// The library's exact mode.
    pub mode: Mode,
    /// Optimizer steps between two of its steps: 1, or an epoch's for a call stepped per epoch.
    pub every: f64,
    /// The import's notes, read with the settings as they are.
    pub notes: Vec<String>,
    /// The function as named in the code (the last dotted part).
    pub function: String,
    /// The settings' imported code it was read from (a newer import's is being computed while
    /// they differ).
    pub code: String,
}

/// The call as read from its code.
#[derive(Clone)]
struct Read {
    /// Its name in the legend.
    label: String,
    /// The function as named in the code.
    function: String,
    /// The code it was read from.
    code: String,
    /// What the import said.
    notes: Vec<String>,
    /// The library's exact mode.
    mode: Mode,
    /// Optimizer steps between two of its steps.
    every: f64,
}

/// An imported curve being computed.
struct Job {
    read: Read,
    /// The call's own steps it is evaluated at (epochs, for a call stepped per epoch).
    counts: Vec<f64>,
    progress: Progress,
    /// Where the last epoch's rate is held to, for a call stepped per epoch at every epoch:
    /// drawn as the staircase training sees, exact between the epochs' first steps too.
    held_to: Option<f64>,
}

impl Job {
    fn step(&mut self) -> bool {
        self.progress.advance(2_000)
    }

    fn fraction(&self) -> f64 {
        self.progress.fraction()
    }

    fn finish(self) -> Imported {
        let Read {
            label,
            function,
            code,
            notes,
            mode,
            every,
        } = self.read;
        // Each of the call's steps at the optimizer step it is taken at.
        let steps: Vec<f64> = self.counts.iter().map(|&c| c * every).collect();
        let momentum = mode
            .momentum_curve(&self.counts)
            .into_iter()
            .zip(&steps)
            .map(|((_, m), &t)| (t, m))
            .collect();
        let samples: Vec<(f64, f64)> = self
            .progress
            .finish()
            .map(|v| {
                steps
                    .iter()
                    .copied()
                    .zip(v)
                    .filter(|p| p.1.is_finite())
                    .collect()
            })
            .unwrap_or_default();
        let source = match self.held_to {
            Some(end) => OverlaySource::Staircase(held(samples, every, end)),
            None => OverlaySource::Samples(samples),
        };
        Imported {
            overlay: Overlay {
                label,
                color: IMPORTED_COLOR,
                source,
                momentum,
            },
            mode,
            every,
            notes,
            function,
            code,
        }
    }
}

/// What an imported call reads from the training setup: a `TrainingArguments` counts its steps
/// from it, a call stepped per epoch the length of its epochs; and the unit, which the notes
/// an Import gave describe.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ImportSetup(Setup, Counter, Unit);

impl ImportSetup {
    /// The training setup of `s`.
    pub fn of(s: &Settings) -> Self {
        Self(s.setup(), s.steps_rule, s.unit)
    }
}

/// The curve of the call in `code` (the settings' imported code) over the chart's horizon (none
/// while the code is empty or reads nothing), and why the code no longer reads, when it does
/// not. The code is read again when it or the training `setup` changes, and on an η_max change
/// for code whose lr η_max stands in for (a link written by hand: an import writes the lr it
/// assumed into the code); its values again when the horizon changes.
pub fn imported_curve(
    code: Memo<String>,
    setup: Memo<ImportSetup>,
    settings: RwSignal<Settings>,
    resolved: Memo<Resolved>,
) -> (ReadSignal<Option<Imported>>, ReadSignal<Option<String>>) {
    let eta_max = Memo::new(move |_| settings.with(|s| s.eta_max));
    let horizon = Memo::new(move |_| resolved.with(|r| r.horizon_steps));
    let (read, set_read) = signal(None::<Read>);
    let (failed, set_failed) = signal(None::<String>);
    Effect::new(move |_| {
        let text = code.get();
        setup.track();
        let found = (!text.is_empty()).then(|| settings.with_untracked(|s| import(&text, s)));
        if found
            .as_ref()
            .is_some_and(|f| f.as_ref().is_ok_and(|f| f.lr_assumed))
        {
            eta_max.track();
        }
        let (found, why) = match found {
            Some(Ok(f)) => (Some(f), None),
            Some(Err(e)) => (None, Some(e.to_string())),
            None => (None, None),
        };
        set_failed.set(why);
        set_read.set(found.map(|f| Read {
            label: f.label(),
            function: f.function,
            code: text,
            notes: f.notes,
            mode: f.mode,
            every: f.step_every,
        }));
    });
    let (curve, set_curve) = signal(None::<Imported>);
    let job = FrameJob::for_inputs(Job::step, Job::fraction, move |slice| {
        if let Slice::Done(job) = slice {
            set_curve.set(Some(job.finish()));
        }
    });
    Effect::new(move |_| {
        let h = horizon.get();
        let Some(mut read) = read.get() else {
            job.cancel();
            set_curve.set(None);
            return;
        };
        // The horizon in the call's own steps (epochs, for a call stepped per epoch).
        let own = h / read.every;
        let shown = read.mode.shown_end(own);
        let end = if shown < own {
            read.notes.push(format!(
                "stepped one step at a time: drawn up to step {}",
                format_value(shown * read.every)
            ));
            shown * read.every
        } else {
            h
        };
        // One value per epoch for a call stepped per epoch, held over its steps.
        let (counts, held_to) = if read.every > 1.0 {
            let epochs = whole_steps(end / read.every, MAX_SAMPLES / 2.0);
            let every_epoch = epochs.get(1).is_none_or(|&e| e == 1.0);
            (epochs, every_epoch.then_some(end))
        } else {
            (whole_steps(end, MAX_SAMPLES), None)
        };
        let progress = Progress::new(&read.mode, counts.clone());
        job.start(
            Job {
                read,
                counts,
                progress,
                held_to,
            },
            true,
        );
    });
    (curve, failed)
}
