//! The values of the opening link that were not used as written, until dismissed.

use leptos::prelude::*;

use super::state::use_app;

/// An alert listing each rejected link value and why, with a "Dismiss" button.
#[component]
pub fn LinkNotices() -> impl IntoView {
    let link_notices = use_app().link_notices;
    move || {
        let notices = link_notices.get();
        (!notices.is_empty()).then(|| {
            view! {
                <div class="link-notices" role="alert">
                    <p>"Some values in this link were not used as written:"</p>
                    <ul>
                        {notices
                            .into_iter()
                            .map(|n| view! { <li><code>{n.key}</code> ": " {n.reason}</li> })
                            .collect_view()}
                    </ul>
                    <button type="button" name="dismiss" on:click=move |_| link_notices.set(Vec::new())>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    }
}
