//! The embedded view's way out: a link to the full app in the same state.

use leptos::prelude::*;

use super::state::use_app;
use super::url::standalone_link;

/// "Open in Anneal ↗", under an embedded view.
#[component]
pub fn EmbedCredit() -> impl IntoView {
    let app = use_app();
    view! {
        <p class="embed-credit">
            <a href=move || app.settings.with(|s| standalone_link(s, &app.unknown.get_value())) target="_blank" rel="noopener">"Open in Anneal ↗"</a>
        </p>
    }
}
