//! Play, pause, step, reset and a scrubber over the runs; respects prefers-reduced-motion.

use leptos::prelude::*;

use super::{use_lab, LabCtx};
use crate::format::{format_value, round_significant};
use crate::ui::screen::{now, reduced_motion};

/// Seconds a full run takes to play.
const DURATION: f64 = 8.0;

/// Where playback is: the time of the last frame, and the fraction of the run played, which
/// moves smoothly while the link's `lab_t` names the step it has reached.
#[derive(Clone, Copy)]
struct Clock {
    last: f64,
    at: f64,
}

/// Advances playback by the time since the last frame and asks for the next frame; the runs
/// are redrawn only when a new step is reached.
fn tick(ctx: LabCtx, playing: RwSignal<bool>, clock: StoredValue<Clock>) {
    request_animation_frame(move || {
        if !playing.try_get_untracked().unwrap_or(false) {
            return;
        }
        let t = now();
        let Clock { last, at } = clock.get_value();
        let at = (at + ((t - last) / 1000.0).clamp(0.0, 0.1) / DURATION).min(1.0);
        clock.set_value(Clock { last: t, at });
        let step = (at * ctx.steps.get_untracked() as f64).floor() as usize;
        if step != ctx.cursor.get_untracked() {
            ctx.seek(step);
        }
        if at >= 1.0 {
            playing.set(false);
        } else {
            tick(ctx, playing, clock);
        }
    });
}

/// Playback controls and the position read-out.
#[component]
pub fn Playback() -> impl IntoView {
    let ctx = use_lab();
    let playing = RwSignal::new(false);
    let clock = StoredValue::new(Clock { last: 0.0, at: 0.0 });
    let play = move |_| {
        if playing.get_untracked() {
            playing.set(false);
            return;
        }
        if reduced_motion() {
            ctx.seek(usize::MAX);
            return;
        }
        if ctx.app.settings.with_untracked(|s| s.lab.lab_t) >= 1.0 {
            ctx.seek(0);
        }
        // From the step shown (lab_t rounds to it; the clock floors).
        let at = ctx.cursor.get_untracked() as f64 / ctx.steps.get_untracked().max(1) as f64;
        clock.set_value(Clock { last: now(), at });
        playing.set(true);
        tick(ctx, playing, clock);
    };
    let step = move |_| {
        playing.set(false);
        ctx.seek(ctx.cursor.get_untracked() + 1);
    };
    let reset = move |_| {
        playing.set(false);
        ctx.seek(0);
    };
    let on_scrub = move |ev| {
        playing.set(false);
        ctx.seek(event_target_value(&ev).parse().unwrap_or(0));
    };
    let readout = move || {
        let k = ctx.cursor.get();
        // The runs drawn: a run switched off (run_const=0…) is not read out either.
        let shown = ctx.shown.get();
        let lrs: Vec<String> = ctx.contenders.with(|cs| {
            cs.iter()
                .zip(shown)
                .filter(|(_, on)| *on)
                .map(|(c, _)| {
                    let lr = c.lrs.get(k).copied().unwrap_or(c.end);
                    format!("{} {}", c.label, format_value(round_significant(lr, 4)))
                })
                .collect()
        });
        format!("step {k} of {} · η: {}", ctx.steps.get(), lrs.join(", "))
    };

    view! {
        <div class="playback" role="group" aria-label="Playback">
            <button type="button" name="play" on:click=play>
                {move || if playing.get() { "Pause" } else { "Play" }}
            </button>
            <button type="button" name="step" on:click=step>"Step"</button>
            <button type="button" name="reset" on:click=reset>"Reset"</button>
            <input
                type="range"
                name="lab_t"
                aria-label="time"
                title="How far along the three runs are drawn"
                min="0"
                max=move || ctx.steps.get().to_string()
                step="1"
                prop:value=move || ctx.cursor.get().to_string()
                on:input=on_scrub
            />
            <p class="playback-readout" aria-live="off">{readout}</p>
        </div>
    }
}
