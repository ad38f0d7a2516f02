//! One control bound to one key of the table: its widget, label, range, options, disabled rule
//! and value all come from the key.

use leptos::prelude::*;

use super::control::{Choice, NumberControl, Toggle};
use super::state::use_app;
use crate::share::{Control, Edit, Key, Val};

/// The control of `key` (name it with `share::key!`), reading and writing its value in the
/// settings; a key without a control shows nothing.
#[component]
pub fn KeyControl(key: &'static Key) -> impl IntoView {
    let app = use_app();
    if !shown(key) {
        return None;
    }
    let settings = app.settings;
    // A memo, so the widget is touched only when the rule's answer changes.
    let disabled = Signal::from(Memo::new(move |_| settings.with(key.disabled)));
    let value = move || settings.with(key.get);
    let edit = move |v: Val| match key.edit {
        Edit::Set => settings.update(|s| (key.set)(s, v)),
        Edit::Entry(apply) => app.push(|s| apply(s, v)),
    };
    key.control().map(|control| match control {
        Control::Number(spec) => {
            let value = Signal::derive(move || value().num());
            let set = Callback::new(move |x| edit(Val::Num(x)));
            view! { <NumberControl spec hint=key.meaning value set disabled /> }.into_any()
        }
        Control::Flag(label) => {
            let value = Signal::derive(move || value().on());
            let set = Callback::new(move |on| edit(Val::Flag(on)));
            view! { <Toggle key=key.name label hint=key.meaning value set disabled /> }.into_any()
        }
        Control::Choice(label, options) => {
            let value = Signal::derive(move || value().name());
            let set = Callback::new(move |name| edit(Val::Name(name)));
            view! { <Choice key=key.name label hint=key.meaning options value set disabled /> }
                .into_any()
        }
    })
}

/// Whether the page shows `key`'s control: a link may pick its controls (`controls=`, read
/// once, on load), and a key without a control shows none.
fn shown(key: &'static Key) -> bool {
    key.control().is_some() && use_app().view.with_untracked(|v| v.shows_control(key.name))
}

/// The controls of `keys` in a fieldset under `legend`, then `children`, then the controls of
/// `after`; left out when the page shows none of the controls.
#[component]
pub fn KeyFieldset(
    legend: &'static str,
    keys: &'static [&'static Key],
    #[prop(optional)] after: &'static [&'static Key],
    #[prop(optional)] class: &'static str,
    #[prop(optional, into)] disabled: Signal<bool>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    keys.iter().chain(after).any(|&k| shown(k)).then(|| {
        view! {
            <fieldset class=class prop:disabled=disabled>
                <legend>{legend}</legend>
                {keys.iter().map(|&key| view! { <KeyControl key /> }).collect_view()}
                {children.map(|c| c())}
                {after.iter().map(|&key| view! { <KeyControl key /> }).collect_view()}
            </fieldset>
        }
    })
}
