//! Keeps the address bar and the state in step: the link always reproduces the page.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::share::codec::{decode, encode, with_query, Decoded};
use crate::share::{fits_link, Settings};

/// A change this long after the one before it is written after the next paint; a burst, when it
/// pauses this long.
const THROTTLE: Duration = Duration::from_millis(150);

/// The page's current query string, without the `?`.
pub fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

/// The state the page was opened with.
pub fn initial_state() -> Decoded {
    decode(&current_query())
}

fn write(query: &str, push: bool) {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = format!("{}{hash}", with_query(&path, query));
    if let Ok(history) = window().history() {
        let _ = if push {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

/// Runs `f` once the next frame has been rendered: the address bar can wait for the paint.
fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, Duration::ZERO));
}

/// Writes every change of `settings` to the address bar (one history entry when `push_next` is
/// set) and follows Back/Forward. A new entry, or a change after a quiet spell, is written once
/// the frame that shows it has been painted; during a drag only when it pauses: each write is a
/// synchronous round trip to the browser (1–3 ms, and 15 ms when writes come in a stream), more
/// than the rest of an input's work.
pub fn sync(
    settings: RwSignal<Settings>,
    unknown: StoredValue<Vec<(String, String)>>,
    push_next: StoredValue<bool>,
) {
    let written = StoredValue::new(encode(&settings.get_untracked(), &unknown.get_value()));
    // The query of the settings as they are now, written or not.
    let latest = StoredValue::new(written.get_value());
    // New history entries not yet pushed, after the state the entry they leave must keep.
    let pending = StoredValue::new(Vec::<String>::new());
    // Changes so far, and whether one came less than THROTTLE ago.
    let changes = StoredValue::new(0_u64);
    let busy = StoredValue::new(false);
    // Runs from a timer, possibly after the app is gone: then there is nothing to write.
    let flush = move || {
        let Some(query) = latest.try_get_value() else {
            return;
        };
        let mut now = written.get_value();
        let mut put = |q: String, push: bool| {
            if now != q {
                write(&q, push);
                now = q;
            }
        };
        // The entry left behind keeps the last state before the first new one (replaced, not
        // pushed), even if its write was still waiting for a paint or for the drag to pause.
        let entries = pending.try_update_value(std::mem::take).unwrap_or_default();
        for (i, q) in entries.into_iter().enumerate() {
            put(q, i > 0);
        }
        put(query, false);
        written.set_value(now);
    };
    Effect::new(move |_| {
        let query = settings.with(|s| encode(s, &unknown.get_value()));
        if push_next.get_value() {
            push_next.set_value(false);
            let before = latest.get_value();
            pending.update_value(|p| {
                if p.is_empty() {
                    p.push(before);
                }
                p.push(query.clone());
            });
            latest.set_value(query);
            after_paint(flush);
            return;
        }
        latest.set_value(query);
        let n = changes.get_value() + 1;
        changes.set_value(n);
        if !busy.get_value() {
            busy.set_value(true);
            after_paint(flush);
        }
        set_timeout(
            move || {
                // The last change of a burst writes what it left.
                if changes.try_get_value() == Some(n) {
                    busy.set_value(false);
                    flush();
                }
            },
            THROTTLE,
        );
    });
    let back = window_event_listener(leptos::ev::popstate, move |_| {
        let mut d = decode(&current_query());
        // Imported code too long for a link was never in one: it stays, as it was imported.
        let kept =
            settings.with_untracked(|s| (!fits_link(&s.imported)).then(|| s.imported.clone()));
        if let Some(code) = kept.filter(|_| d.settings.imported.is_empty()) {
            d.settings.imported = code;
        }
        pending.set_value(Vec::new());
        written.set_value(encode(&d.settings, &d.unknown));
        unknown.set_value(d.unknown);
        settings.set(d.settings);
    });
    // A slider let go or a number committed ends the burst: written after the paint, not when
    // the burst's timer runs out.
    let settled = window_event_listener(leptos::ev::change, move |_| after_paint(flush));
    on_cleanup(move || {
        back.remove();
        settled.remove();
    });
}

/// This page's address without query or hash: origin and path.
pub fn base_url() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// This page's address for `settings`, with no `#fragment` (the skip link's `#chart`).
pub fn link(settings: &Settings, unknown: &[(String, String)]) -> String {
    with_query(&base_url(), &encode(settings, unknown))
}

/// This page's own address for `settings` without the embedding keys: the full app, same state.
pub fn standalone_link(settings: &Settings, unknown: &[(String, String)]) -> String {
    let s = Settings {
        view: settings.view.standalone(),
        ..settings.clone()
    };
    link(&s, unknown)
}
