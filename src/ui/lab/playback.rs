//! Play, pause, step, reset and a scrubber over the runs; respects prefers-reduced-motion.

use leptos::prelude::*;

use super::{use_lab, LabCtx};
use crate::format::{format_value, round_significant};
use crate::ui::screen::{now, reduced_motion};

/// Seconds a full run takes to play.
const DURATION: f64 = 8.0;

/// Advances playback by the time since the last frame and asks for the next frame.
fn tick(ctx: LabCtx, playing: RwSignal<bool>, last: StoredValue<f64>) {
    request_animation_frame(move || {
        if !playing.try_get_untracked().unwrap_or(false) {
            return;
        }
        let t = now();
        let dt = ((t - last.get_value()) / 1000.0).clamp(0.0, 0.1);
        last.set_value(t);
        let at = ctx.app.settings.with_untracked(|s| s.lab.lab_t) + dt / DURATION;
        if at >= 1.0 {
            ctx.app.settings.update(|s| s.lab.lab_t = 1.0);
            playing.set(false);
        } else {
            ctx.app.settings.update(|s| s.lab.lab_t = at);
            tick(ctx, playing, last);
        }
    });
}

/// Playback controls and the position read-out.
#[component]
pub fn Playback() -> impl IntoView {
    let ctx = use_lab();
    let playing = RwSignal::new(false);
    let last = StoredValue::new(0.0);
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
        last.set_value(now());
        playing.set(true);
        tick(ctx, playing, last);
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
                    let lr = c.lrs.get(k.min(c.lrs.len().saturating_sub(1))).copied();
                    format!(
                        "{} {}",
                        c.label,
                        lr.map_or("–".into(), |v| format_value(round_significant(v, 4)))
                    )
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
