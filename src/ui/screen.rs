//! What the page needs to know about the screen: pixel ratio, colour scheme, motion preference.

use leptos::prelude::*;
use web_sys::HtmlCanvasElement;

use crate::charts::Theme;
use crate::share::{ThemeChoice, View};

fn media(query: &str) -> bool {
    window()
        .match_media(query)
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// The chart theme: the link's `theme` (set on the root element) or the system's scheme.
pub fn theme() -> Theme {
    let forced = document()
        .document_element()
        .and_then(|e| e.get_attribute("data-theme"));
    let dark = match forced.as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ => media("(prefers-color-scheme: dark)"),
    };
    if dark {
        Theme::DARK
    } else {
        Theme::LIGHT
    }
}

/// Puts the view options on the root element, where the CSS and [`theme`] read them.
pub fn apply_view(view: &View) {
    let Some(root) = document().document_element() else {
        return;
    };
    let _ = match view.theme {
        ThemeChoice::Auto => root.remove_attribute("data-theme"),
        t => root.set_attribute("data-theme", t.name()),
    };
    let classes = root.class_list();
    let _ = classes.toggle_with_force("embed", view.embed);
    let _ = classes.toggle_with_force("still", view.still);
}

/// Whether the page is in its one-column layout (controls above the chart); the breakpoint is
/// the stylesheet's.
pub fn narrow_layout() -> bool {
    media("(max-width: 760px)")
}

/// Whether the user asked for less motion (then playback jumps instead of animating).
pub fn reduced_motion() -> bool {
    media("(prefers-reduced-motion: reduce)")
}

/// Milliseconds on the page's high-resolution clock.
pub fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// Spreads a long job over animation frames: calls `slice` once per frame with the page-clock
/// time it should stop by (`budget_ms` from now) until it returns `true` (finished or gone).
pub fn in_frames(budget_ms: f64, mut slice: impl FnMut(f64) -> bool + 'static) {
    request_animation_frame(move || {
        if !slice(now() + budget_ms) {
            in_frames(budget_ms, slice);
        }
    });
}

/// Runs the job in `job` over frames, `step` by `step` for `budget_ms` each, handing `publish`
/// a `view` of it after every frame; the job is dropped when done. Taking it out of `job`
/// (the settings changed) stops the work.
pub fn job_in_frames<J, R>(
    budget_ms: f64,
    job: StoredValue<Option<J>>,
    step: fn(&mut J) -> bool,
    view: fn(&J) -> R,
    publish: impl Fn(R) + 'static,
) where
    J: Send + Sync + 'static,
    R: 'static,
{
    in_frames(budget_ms, move |deadline| {
        let progress = job
            .try_update_value(|j| {
                let j = j.as_mut()?;
                let mut done = false;
                while !done && now() < deadline {
                    done = step(j);
                }
                Some((done, view(j)))
            })
            .flatten();
        let Some((done, seen)) = progress else {
            return true;
        };
        publish(seen);
        if done {
            job.set_value(None);
        }
        done
    });
}

/// Device pixels per CSS pixel, within reason.
pub fn device_pixel_ratio() -> f64 {
    window().device_pixel_ratio().clamp(1.0, 4.0)
}

/// Gives `canvas` a backing store of `css_w × css_h` CSS pixels at the device's pixel ratio
/// (untouched when already that size, which would clear it); returns the ratio.
pub fn fit_canvas(canvas: &HtmlCanvasElement, css_w: f64, css_h: f64) -> f64 {
    let dpr = device_pixel_ratio();
    let (w, h) = ((css_w * dpr).round() as u32, (css_h * dpr).round() as u32);
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    dpr
}

/// The performance timeline, when a benchmark asked for timings (`window.__annealTiming`);
/// otherwise `None`, so marks never pile up in a long session.
pub fn timing() -> Option<web_sys::Performance> {
    let on = js_sys::Reflect::get(&window(), &"__annealTiming".into()).is_ok_and(|v| v.is_truthy());
    on.then(|| window().performance()).flatten()
}

/// Runs `f` inside a `performance.measure` named `name` when a benchmark asked for timings.
pub fn timed<R>(name: &str, f: impl FnOnce() -> R) -> R {
    let perf = timing();
    let start = format!("{name}-start");
    if let Some(p) = &perf {
        let _ = p.mark(&start);
    }
    let out = f();
    if let Some(p) = &perf {
        let _ = p.measure_with_start_mark(name, &start);
    }
    out
}
