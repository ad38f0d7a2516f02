//! Keeps the address bar and the state in step: the link always reproduces the page.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::share::codec::{decode, encode, with_query, Decoded};
use crate::share::Settings;

/// Address-bar writes while dragging happen at most this often.
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

/// Writes every change of `settings` to the address bar (throttled; one history entry when
/// `push_next` is set) and follows Back/Forward.
pub fn sync(
    settings: RwSignal<Settings>,
    unknown: StoredValue<Vec<(String, String)>>,
    push_next: StoredValue<bool>,
) {
    let written = StoredValue::new(encode(&settings.get_untracked(), &unknown.get_value()));
    let cooling = StoredValue::new(false);
    // Runs from a timer, possibly after the app is gone: then there is nothing to write.
    let flush = move || {
        let Some(extra) = unknown.try_get_value() else {
            return;
        };
        let Some(query) = settings.try_with_untracked(|s| encode(s, &extra)) else {
            return;
        };
        if written.try_get_value().is_some_and(|w| w != query) {
            write(&query, false);
            written.set_value(query);
        }
    };
    Effect::new(move |_| {
        let query = settings.with(|s| encode(s, &unknown.get_value()));
        if query == written.get_value() {
            return;
        }
        if push_next.get_value() {
            push_next.set_value(false);
            write(&query, true);
            written.set_value(query);
        } else if !cooling.get_value() {
            write(&query, false);
            written.set_value(query);
            cooling.set_value(true);
            set_timeout(
                move || {
                    if cooling.try_set_value(false).is_none() {
                        flush();
                    }
                },
                THROTTLE,
            );
        }
    });
    let back = window_event_listener(leptos::ev::popstate, move |_| {
        let d = decode(&current_query());
        written.set_value(encode(&d.settings, &d.unknown));
        unknown.set_value(d.unknown);
        settings.set(d.settings);
    });
    on_cleanup(move || back.remove());
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

/// This page's own address for `settings` without the embedding keys: the full app, same state.
pub fn standalone_link(settings: &Settings, unknown: &[(String, String)]) -> String {
    let s = Settings {
        view: settings.view.standalone(),
        ..settings.clone()
    };
    with_query(&base_url(), &encode(&s, unknown))
}
