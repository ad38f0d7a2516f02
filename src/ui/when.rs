//! `When`: Leptos's `Show` for this app, its children type-erased, so the page's twenty uses
//! share one compiled view instead of one per use (`docs/performance.md`, transfer size).

use leptos::prelude::*;

/// `children` while `when` holds, nothing otherwise; built anew each time it turns true.
#[component]
pub fn When(#[prop(into)] when: Signal<bool>, children: ChildrenFn) -> impl IntoView {
    let when = Memo::new(move |_| when.get());
    move || when.get().then(|| children())
}
