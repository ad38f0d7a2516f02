//! The "Embed" panel: builds an iframe snippet for the current state (size, parts to hide,
//! theme, static) with a live preview of exactly that snippet.

use std::time::Duration;

use leptos::prelude::*;

use super::copy_link::copy_text;
use super::state::{use_app, AppState};
use super::url::base_url;
use super::when::When;
use crate::share::codec::encode;
use crate::share::{key_named, NumberKey, Scale, Settings, ThemeChoice, CONTROLS, PARTS};

/// Parts hidden by default: a chart-only figure for a tutorial.
const DEFAULT_HIDDEN: [&str; 5] = ["controls", "compare", "export", "landscape", "code"];

/// The preview follows the snippet this long after the last change, not on every drag event.
const PREVIEW_DELAY: Duration = Duration::from_millis(400);

/// The host page's half of auto-height: sets each Anneal frame's height from its message.
pub const HOST_SCRIPT: &str = "<script>addEventListener(\"message\",(e)=>{const d=e.data;\
if(d&&d.type===\"anneal:height\")for(const f of document.getElementsByTagName(\"iframe\"))\
if(f.contentWindow===e.source)f.style.height=d.height+\"px\"});</script>";

/// A frame side in CSS px: a whole number that a page can hold, said so when typed outside
/// (the boxes' `min` and `max` attributes repeat 200 and 2000 as text).
const fn frame_side(key: &'static str, default: f64) -> NumberKey {
    NumberKey {
        key,
        label: key,
        min: 200.0,
        max: 2000.0,
        default,
        scale: Scale::Linear,
        integer: true,
        length: false,
    }
}

/// The frame's width and height boxes.
const FRAME_WIDTH: NumberKey = frame_side("width", 640.0);
const FRAME_HEIGHT: NumberKey = frame_side("height", 480.0);

/// One checkbox per name in `names`, each setting its bit of `mask`.
fn mask_boxes(
    names: &'static [&'static str],
    mask: RwSignal<u32>,
    input: &'static str,
    text: fn(&'static str) -> &'static str,
) -> impl IntoView {
    names
        .iter()
        .enumerate()
        .map(|(i, p)| {
            view! {
                <label class="toggle">
                    <input
                        type="checkbox"
                        name=input
                        value=*p
                        prop:checked=move || mask.get() & (1 << i) != 0
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            mask.update(|m| if on { *m |= 1 << i } else { *m &= !(1 << i) });
                        }
                    />
                    <span>{text(p)}</span>
                </label>
            }
        })
        .collect_view()
}

/// A control as the page labels it, not by its link key (`eta_min_rel` is "η_min relative to
/// η_max").
fn label(name: &'static str) -> &'static str {
    key_named(name).and_then(|k| k.label).unwrap_or(name)
}

/// The embed URL and the iframe snippet for `settings` at `base`.
pub fn snippet(
    base: &str,
    settings: &Settings,
    unknown: &[(String, String)],
    (width, height): (u32, u32),
) -> (String, String) {
    let url = format!("{base}?{}", encode(settings, unknown));
    let attr = url.replace('&', "&amp;").replace('"', "&quot;");
    let html = format!(
        "<iframe src=\"{attr}\" width=\"{width}\" height=\"{height}\" style=\"border:0\" \
         title=\"Anneal: learning-rate schedule\" loading=\"lazy\"></iframe>"
    );
    (url, html)
}

/// The builder's panel.
#[component]
pub fn EmbedPanel() -> impl IntoView {
    let AppState {
        settings, unknown, ..
    } = use_app();
    let width = RwSignal::new(FRAME_WIDTH.default as u32);
    let height = RwSignal::new(FRAME_HEIGHT.default as u32);
    // What a size box changed in what was typed (out of range, a fraction, not a number).
    // Each box says what it changed, so a width and a height corrected together both show.
    let size_notes = [RwSignal::new(None::<String>), RwSignal::new(None::<String>)];
    let mask = DEFAULT_HIDDEN
        .iter()
        .filter_map(|p| PARTS.iter().position(|q| q == p))
        .fold(0u32, |m, i| m | 1 << i);
    let hide = RwSignal::new(mask);
    let controls = RwSignal::new(0u32);
    let theme = RwSignal::new(ThemeChoice::Auto);
    let still = RwSignal::new(false);
    // A closed panel builds nothing: every slider input would otherwise encode a link for it.
    let open = RwSignal::new(false);
    let built = Memo::new(move |_| {
        if !open.get() {
            return (String::new(), String::new());
        }
        let mut s = settings.get();
        s.view.embed = true;
        s.view.hide = hide.get();
        s.view.controls = controls.get();
        s.view.theme = theme.get();
        s.view.still = still.get();
        snippet(
            &base_url(),
            &s,
            &unknown.get_value(),
            (width.get(), height.get()),
        )
    });
    let preview = RwSignal::new(None::<String>);
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let url = built.with(|b| b.0.clone());
        generation.update_value(|g| *g += 1);
        if url.is_empty() {
            // Closed: no stale preview when it opens again.
            preview.set(None);
            return;
        }
        // Just opened: at once, as when it was kept up to date while closed.
        if preview.with_untracked(Option::is_none) {
            preview.set(Some(url));
            return;
        }
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.try_get_value() == Some(mine) {
                    let _ = preview.try_set(Some(url));
                }
            },
            PREVIEW_DELAY,
        );
    });
    // The preview navigates with location.replace, not a new src: changing an iframe's src
    // adds a history entry, and Back would then step the preview instead of the page.
    let frame = NodeRef::<leptos::html::Iframe>::new();
    // A closed panel loads no preview (it is a second copy of the app).
    let panel = NodeRef::<leptos::html::Details>::new();
    Effect::new(move |_| {
        let url = preview.get();
        if let (Some(url), Some(f)) = (url, frame.get()) {
            if let Some(w) = f.content_window() {
                let _ = w.location().replace(&url);
            }
        }
    });
    let status = RwSignal::new(None::<&'static str>);
    let area = NodeRef::<leptos::html::Textarea>::new();
    let copy = move |_| {
        let select = move || {
            if let Some(a) = area.get_untracked() {
                let _ = a.focus();
                a.select();
            }
        };
        let messages = ("Snippet copied", "Snippet selected: press Ctrl+C to copy");
        copy_text(
            &built.with_untracked(|b| b.1.clone()),
            select,
            status,
            messages,
        );
    };
    let size = move |side: NumberKey,
                     name: &'static str,
                     value: RwSignal<u32>,
                     note: RwSignal<Option<String>>| {
        view! {
            <label class="embed-size">
                {side.label}
                <input
                    type="number"
                    name=name
                    min=side.min.to_string()
                    max=side.max.to_string()
                    prop:value=move || value.get().to_string()
                    on:change=move |ev| {
                        let taken = side.parse(&event_target_value(&ev));
                        note.set(taken.message);
                        value.set(taken.value as u32);
                    }
                />
            </label>
        }
    };
    view! {
        <details class="embed-panel" node_ref=panel on:toggle=move |_| open.set(panel.get_untracked().is_some_and(|d| d.open()))>
            <summary>"Embed"</summary>
            <div class="embed-options">
                {size(FRAME_WIDTH, "embed_width", width, size_notes[0])}
                {size(FRAME_HEIGHT, "embed_height", height, size_notes[1])}
                <label class="embed-size">
                    "theme"
                    <select name="embed_theme" on:change=move |ev| {
                        theme.set(ThemeChoice::from_name(&event_target_value(&ev)).unwrap_or_default())
                    }>
                        {ThemeChoice::OPTIONS.iter().map(|&(name, text)| view! { <option value=name>{text}</option> }).collect_view()}
                    </select>
                </label>
                <label class="toggle">
                    <input type="checkbox" name="embed_static" on:change=move |ev| still.set(event_target_checked(&ev)) />
                    <span>"static (print, slides)"</span>
                </label>
            </div>
            {size_notes.map(|note| move || note.get().map(|m| view! { <p class="notice embed-size-note" role="status">{m}</p> }))}
            <fieldset class="embed-parts">
                <legend>"Hide"</legend>
                {mask_boxes(&PARTS, hide, "embed_hide", |p| p)}
            </fieldset>
            <fieldset class="embed-parts" prop:disabled=move || hide.get() & 2 != 0>
                <legend>"Show only these controls"</legend>
                {mask_boxes(&CONTROLS, controls, "embed_controls", label)}
            </fieldset>
            <textarea class="embed-snippet" readonly rows="4" aria-label="Embed snippet" node_ref=area prop:value=move || built.with(|b| b.1.clone())></textarea>
            <label class="embed-host">
                "Auto-height: add once to the host page (Canvas LMS needs nothing: it reads the frame's lti.frameResize)"
                <textarea class="embed-snippet" name="embed_host" readonly rows="2" prop:value=HOST_SCRIPT></textarea>
            </label>
            <div class="embed-actions">
                <button type="button" name="copy_embed" on:click=copy>"Copy snippet"</button>
                <span class="copied" role="status">{move || status.get()}</span>
            </div>
            <div class="embed-preview">
                <When when=move || open.get() && preview.with(Option::is_some)>
                    <iframe
                        node_ref=frame
                        width=move || width.get().to_string()
                        height=move || height.get().to_string()
                        title="Preview of the embedded view"
                    ></iframe>
                </When>
            </div>
        </details>
    }
}
