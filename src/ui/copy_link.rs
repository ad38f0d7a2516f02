//! Copying to the clipboard when the browser allows it, else selecting the text for Ctrl+C;
//! and the "Copy link" button built on it.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::state::use_app;
use super::url::link;
use crate::share::fits_link;

/// Copy link's messages (copied, selected) for a link that leaves out an imported call's code,
/// longer than [`crate::share::MAX_CALL_LEN`] characters.
const WITHOUT_IMPORT: (&str, &str) = (
    "Link copied without the imported curve: its code is over 2000 characters; import only the scheduler's lines to share it",
    "Link selected: press Ctrl+C to copy; it leaves out the imported curve: its code is over 2000 characters; import only the scheduler's lines to share it",
);

/// Copies `text`; when the clipboard is refused, calls `select` so the user can press Ctrl+C.
/// `status` gets the first message on success, the second otherwise.
pub fn copy_text(
    text: &str,
    select: impl Fn() + 'static,
    status: RwSignal<Option<&'static str>>,
    (copied, selected): (&'static str, &'static str),
) {
    let written = window().navigator().clipboard().write_text(text);
    leptos::task::spawn_local(async move {
        let message = if JsFuture::from(written).await.is_ok() {
            copied
        } else {
            // No clipboard access (permissions, insecure context).
            select();
            selected
        };
        let _ = status.try_set(Some(message));
    });
}

/// A button that copies the page's link, with the link shown beside it and a confirmation.
/// The field is written when it is used (focused or copied), not at every input, and emptied
/// when the state moves on, so it never shows a stale link.
#[component]
pub fn CopyLink() -> impl IntoView {
    let app = use_app();
    let status = RwSignal::new(None::<&'static str>);
    let field = NodeRef::<leptos::html::Input>::new();
    let fill = move || {
        let link = app.settings.with(|s| link(s, &app.unknown.get_value()));
        if let Some(input) = field.get_untracked() {
            input.set_value(&link);
        }
        link
    };
    Effect::new(move |_| {
        app.settings.track();
        if let Some(input) = field.get_untracked().filter(|i| !i.value().is_empty()) {
            input.set_value("");
            status.set(None);
        }
    });
    let on_focus = move |_| {
        fill();
        if let Some(input) = field.get_untracked() {
            input.select();
        }
    };
    let copy = move |_| {
        let link = fill();
        let select = move || {
            if let Some(input) = field.get_untracked() {
                let _ = input.focus();
                input.select();
            }
        };
        // An imported call's code too long for a link is left out of it, and says so.
        let long = app.settings.with_untracked(|s| !fits_link(&s.imported));
        let messages = if long {
            WITHOUT_IMPORT
        } else {
            ("Link copied", "Link selected: press Ctrl+C to copy")
        };
        copy_text(&link, select, status, messages);
    };
    view! {
        <div class="share">
            <button type="button" name="copy_link" on:click=copy>"Copy link"</button>
            <input
                type="text"
                name="link"
                readonly
                aria-label="Link to this state"
                placeholder="click for the link"
                node_ref=field
                on:focus=on_focus
            />
            <span class="copied" role="status">{move || status.get()}</span>
        </div>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_long_code_messages_name_the_links_limit() {
        let limit = format!("over {} characters", crate::share::MAX_CALL_LEN);
        assert!(super::WITHOUT_IMPORT.0.contains(&limit));
        assert!(super::WITHOUT_IMPORT.1.contains(&limit));
    }
}
