//! What the page needs to know about the screen: pixel ratio, colour scheme, motion preference.

use leptos::prelude::*;
use std::cell::RefCell;

use web_sys::{HtmlCanvasElement, MediaQueryList};

use crate::charts::Theme;
use crate::share::{ThemeChoice, View};

/// Whether a media query matches. Its `MediaQueryList` is made once and stays live: every chart
/// draw asks for the scheme, and parsing the query each time cost 0.1 ms an input.
fn media(query: &'static str) -> bool {
    type Lists = Vec<(&'static str, Option<MediaQueryList>)>;
    thread_local! {
        static LISTS: RefCell<Lists> = const { RefCell::new(Vec::new()) };
    }
    LISTS.with_borrow_mut(|lists| {
        let at = match lists.iter().position(|(q, _)| *q == query) {
            Some(at) => at,
            None => {
                lists.push((query, window().match_media(query).ok().flatten()));
                lists.len() - 1
            }
        };
        lists[at].1.as_ref().is_some_and(MediaQueryList::matches)
    })
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

/// Whether the user asked for less motion (then playback jumps instead of animating).
pub fn reduced_motion() -> bool {
    media("(prefers-reduced-motion: reduce)")
}

/// Embedded in a fixed frame, the CSS height the frame leaves `canvas` beside the rest of the
/// page. `None` outside one (index.html marks the root `data-fixed-frame` in a frame, and not
/// once its host follows the height the page posts: fitting would then freeze a passing,
/// squashed state), and while the controls' drawer is open (the frame then scrolls rather than
/// squash the chart under the sliders).
pub fn frame_room(canvas: &HtmlCanvasElement) -> Option<f64> {
    let doc = document();
    let root = doc.document_element()?;
    if !root.has_attribute("data-fixed-frame")
        || doc
            .query_selector("details.drawer[open]")
            .ok()
            .flatten()
            .is_some()
    {
        return None;
    }
    let content = root.get_bounding_client_rect().height();
    let own = canvas.get_bounding_client_rect().height();
    Some(window().inner_height().ok()?.as_f64()? - (content - own))
}

/// Milliseconds on the page's high-resolution clock.
pub fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
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

/// Whether `target` shows in the window, checked on scroll and resize, and a frame after
/// `changed` changes while it did not show (what is above may have moved it into view); `true`
/// until the first check, so what the target needs is computed once.
pub fn on_screen(
    target: NodeRef<leptos::html::Section>,
    changed: impl Fn() + 'static,
) -> RwSignal<bool> {
    let seen = RwSignal::new(true);
    let check = move || {
        // A frame may come after the lab is gone (Back can change what the page shows).
        let Some(el) = target.try_get_untracked().flatten() else {
            return;
        };
        let rect = el.get_bounding_client_rect();
        let height = window().inner_height().ok().and_then(|h| h.as_f64());
        let on = height.is_none_or(|h| rect.bottom() > 0.0 && rect.top() < h);
        if seen.try_get_untracked().is_some_and(|s| s != on) {
            seen.set(on);
        }
    };
    let scroll = window_event_listener(leptos::ev::scroll, move |_| check());
    let resize = window_event_listener(leptos::ev::resize, move |_| check());
    on_cleanup(move || {
        scroll.remove();
        resize.remove();
    });
    Effect::new(move |first: Option<()>| {
        changed();
        target.track();
        // Off screen, each change costs one check in the next frame (its layout is due then
        // anyway); on screen, scrolling is what can take it away.
        if first.is_none() || !seen.get_untracked() {
            request_animation_frame(check);
        }
    });
    seen
}
