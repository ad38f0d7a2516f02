//! Work too long for one frame, done a slice per animation frame with its progress published.

use std::rc::Rc;

use leptos::prelude::*;

use super::screen::now;

/// Main-thread time per frame for a job a button starts (the escape rate, the basin map),
/// leaving half of a 60 Hz frame to input and drawing.
const FRAME_BUDGET_MS: f64 = 8.0;

/// Main-thread time per frame for a job every input restarts (the framework curves, the lab's
/// race) while the input may still be streaming: its first slice runs in the input's handler and
/// the next in the following frame, so both stay within one 60 Hz frame with the redraw. Once no
/// input has restarted it for [`SETTLE_MS`], it runs at [`FRAME_BUDGET_MS`] and finishes sooner.
const INPUT_BUDGET_MS: f64 = 2.0;

/// How long after the last start jobs keep the small budget they were created with, and how long
/// an owner's results may stay out of date before its running job is let finish.
const SETTLE_MS: f64 = 100.0;

/// What a [`FrameJob`]'s owner hears after a slice: its view of the unfinished job, or the job.
pub enum Slice<R, J> {
    /// More to do; the job as `view` sees it.
    Working(R),
    /// Finished: the job itself, no longer held.
    Done(J),
}

/// How a job is worked and what its owner hears.
struct Work<J, R> {
    /// One bounded piece of work; whether the job is done.
    step: fn(&mut J) -> bool,
    view: fn(&J) -> R,
    publish: Box<dyn Fn(Slice<R, J>)>,
}

/// A job with how it is worked, its type out of sight, so the scheduling below is compiled once.
trait Task {
    /// One bounded piece of work; whether the job is done.
    fn step(&mut self) -> bool;
    /// Telling the owner how far the job is, to be done once the job is put back.
    fn news(&self) -> Box<dyn FnOnce()>;
    /// Handing the finished job to its owner.
    fn done(self: Box<Self>);
}

/// A job and how it is worked.
struct Held<J, R> {
    job: J,
    work: Rc<Work<J, R>>,
}

impl<J: 'static, R: 'static> Task for Held<J, R> {
    fn step(&mut self) -> bool {
        (self.work.step)(&mut self.job)
    }

    fn news(&self) -> Box<dyn FnOnce()> {
        let (seen, work) = ((self.work.view)(&self.job), Rc::clone(&self.work));
        Box::new(move || (work.publish)(Slice::Working(seen)))
    }

    fn done(self: Box<Self>) {
        (self.work.publish)(Slice::Done(self.job));
    }
}

/// At most one job at a time, advanced for its budget per animation frame. Starting a job
/// replaces the one before (whose frames stop), except for inputs' jobs while inputs stream in
/// and the owner has had no result for [`SETTLE_MS`]: then the running job finishes and the
/// latest start waits for it, so inputs that keep coming (a drag) show results on the way
/// instead of restarting forever.
/// [`FrameJob::cancel`] drops both.
pub struct FrameJob<J: 'static, R: 'static> {
    work: StoredValue<Rc<Work<J, R>>, LocalStorage>,
    jobs: Jobs,
}

impl<J: 'static, R: 'static> Clone for FrameJob<J, R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<J: 'static, R: 'static> Copy for FrameJob<J, R> {}

impl<J: 'static, R: 'static> FrameJob<J, R> {
    /// For jobs every input restarts (the lab's race, the framework curves), worked by `step`s
    /// (each a bounded piece of work that says whether the job is done), with `publish` handed
    /// the job's `view` after every slice and the job when done. They run for
    /// [`INPUT_BUDGET_MS`] per frame until [`SETTLE_MS`] after the last start, then for
    /// [`FRAME_BUDGET_MS`]; a start may wait for the running job (see [`FrameJob`]).
    pub fn for_inputs(
        step: fn(&mut J) -> bool,
        view: fn(&J) -> R,
        publish: impl Fn(Slice<R, J>) + 'static,
    ) -> Self {
        Self::new(true, step, view, Box::new(publish))
    }

    /// For jobs a button starts (the escape rate, the basin map), as [`FrameJob::for_inputs`]
    /// but for [`FRAME_BUDGET_MS`] per frame, and a start always replaces the running job.
    pub fn for_button(
        step: fn(&mut J) -> bool,
        view: fn(&J) -> R,
        publish: impl Fn(Slice<R, J>) + 'static,
    ) -> Self {
        Self::new(false, step, view, Box::new(publish))
    }

    fn new(
        inputs: bool,
        step: fn(&mut J) -> bool,
        view: fn(&J) -> R,
        publish: Box<dyn Fn(Slice<R, J>)>,
    ) -> Self {
        let work = Work {
            step,
            view,
            publish,
        };
        Self {
            work: StoredValue::new_local(Rc::new(work)),
            jobs: Jobs::new(inputs),
        }
    }

    /// Drops the running job and the one waiting, if any.
    pub fn cancel(self) {
        self.jobs.cancel();
    }

    /// Starts `job`, or has it wait for the running job (see [`FrameJob`]). With `at_once` its
    /// first slice runs now, so short jobs finish without a frame of stale results; without,
    /// its view is published at once.
    pub fn start(self, job: J, at_once: bool) {
        if let Some(work) = self.work.try_get_value() {
            self.jobs.start(Box::new(Held { job, work }), at_once);
        }
    }
}

/// A place for at most one value, kept with the component.
type Slot<T> = StoredValue<Option<T>, LocalStorage>;

/// The scheduling of a [`FrameJob`], whatever its job.
#[derive(Clone, Copy)]
struct Jobs {
    /// The running job and its start's number, and the start waiting for it.
    slot: Slot<(u64, Box<dyn Task>)>,
    next: Slot<Box<dyn Task>>,
    started: StoredValue<u64>,
    /// When the last start came, and since when the owner's results have been out of date.
    last_start: StoredValue<f64>,
    stale_since: StoredValue<f64>,
    /// Whether inputs start the jobs (a small budget while they stream in, and a start may
    /// wait for the running job) or a button does.
    inputs: bool,
}

impl Jobs {
    fn new(inputs: bool) -> Self {
        Self {
            slot: StoredValue::new_local(None),
            next: StoredValue::new_local(None),
            started: StoredValue::new(0),
            last_start: StoredValue::new(0.0),
            stale_since: StoredValue::new(0.0),
            inputs,
        }
    }

    fn cancel(self) {
        self.slot.set_value(None);
        self.next.set_value(None);
    }

    /// A start from the owner: it waits for the running job while inputs stream in (the last
    /// came less than [`SETTLE_MS`] ago) and the owner has had no result for as long.
    fn start(self, task: Box<dyn Task>, at_once: bool) {
        let t = now();
        let Some(previous) = self.last_start.try_get_value() else {
            return;
        };
        self.last_start.set_value(t);
        let running = self.slot.try_with_value(Option::is_some).unwrap_or(false);
        let stale = self.stale_since.try_get_value().map_or(0.0, |s| t - s);
        if running && self.inputs && t - previous < SETTLE_MS && stale > SETTLE_MS {
            self.next.set_value(Some(task));
            return;
        }
        self.launch(task, at_once);
    }

    /// Runs `task` from now on in place of any running job.
    fn launch(self, task: Box<dyn Task>, at_once: bool) {
        let t = now();
        if self.slot.try_with_value(Option::is_none).unwrap_or(false) {
            self.stale_since.set_value(t);
        }
        let Some(id) = self.started.try_get_value().map(|n| n + 1) else {
            return;
        };
        self.started.set_value(id);
        self.slot.set_value(Some((id, task)));
        if !at_once {
            // A slice of no time: the job's progress is on show at once, so no frame between
            // two jobs says the owner is idle.
            self.slice(id, 0.0);
        }
        let run = move || {
            // A frame may come after the owner is gone: then there is nothing to do.
            let Some(last) = self.last_start.try_get_value() else {
                return true;
            };
            let t = now();
            let budget = if self.inputs && t - last < SETTLE_MS {
                INPUT_BUDGET_MS
            } else {
                FRAME_BUDGET_MS
            };
            self.slice(id, t + budget)
        };
        if !at_once || !run() {
            in_frames(run);
        }
    }

    /// Works on job `id` until `deadline`; whether there is nothing left to do for it.
    fn slice(self, id: u64, deadline: f64) -> bool {
        let state = self
            .slot
            .try_update_value(|slot| {
                let (_, task) = slot.as_mut().filter(|(started, _)| *started == id)?;
                let mut done = false;
                while !done && now() < deadline {
                    done = task.step();
                }
                Some((!done).then(|| task.news()))
            })
            .flatten();
        match state {
            None => true,
            Some(Some(news)) => {
                news();
                false
            }
            Some(None) => {
                if let Some((_, task)) = self.slot.try_update_value(Option::take).flatten() {
                    task.done();
                }
                if let Some(task) = self.next.try_update_value(Option::take).flatten() {
                    self.launch(task, false);
                }
                true
            }
        }
    }
}

/// Calls `slice` once per animation frame until it returns `true` (finished or gone).
fn in_frames(mut slice: impl FnMut() -> bool + 'static) {
    request_animation_frame(move || {
        if !slice() {
            in_frames(slice);
        }
    });
}
