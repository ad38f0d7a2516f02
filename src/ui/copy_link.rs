//! The "Copy link" button: the clipboard when the browser allows it, else the link selected.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// A button that copies the page's link, with the link shown beside it and a confirmation.
#[component]
pub fn CopyLink() -> impl IntoView {
    let status = RwSignal::new(None::<&'static str>);
    let field = NodeRef::<leptos::html::Input>::new();
    let copy = move |_| {
        let link = window().location().href().unwrap_or_default();
        if let Some(input) = field.get_untracked() {
            input.set_value(&link);
        }
        let written = window().navigator().clipboard().write_text(&link);
        leptos::task::spawn_local(async move {
            let outcome = JsFuture::from(written).await;
            let message = if outcome.is_ok() {
                "Link copied"
            } else {
                // No clipboard access (permissions, insecure context): select it for Ctrl+C.
                if let Some(input) = field.get_untracked() {
                    let _ = input.focus();
                    input.select();
                }
                "Link selected: press Ctrl+C to copy"
            };
            let _ = status.try_set(Some(message));
        });
    };
    view! {
        <div class="share">
            <button type="button" name="copy_link" on:click=copy>"Copy link"</button>
            <input type="text" name="link" readonly aria-label="Link to this state" node_ref=field />
            <span class="copied" role="status">{move || status.get()}</span>
        </div>
    }
}
