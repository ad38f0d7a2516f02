//! The phases editor: the schedule as a list of phases, each a family with its own controls
//! built from the family's parameter table, that can be added, removed and reordered.

use leptos::prelude::*;
use web_sys::HtmlSelectElement;

use super::state::use_app;
use crate::format::editable;
use crate::schedule::{Family, FamilyKind, ParamKind, ParamSpec, ParamValue};
use crate::share::PhaseEdit;

/// A parameter's value as its box shows it.
fn shown(v: &ParamValue) -> String {
    match v {
        ParamValue::Num(x) => editable(*x),
        ParamValue::List(xs) => xs
            .iter()
            .map(|x| editable(*x))
            .collect::<Vec<_>>()
            .join(", "),
        ParamValue::Choice(i) => i.to_string(),
    }
}

/// What was typed into a parameter's box, read as its kind; `None` when it is not a number.
fn typed(spec: &ParamSpec, raw: &str) -> Option<ParamValue> {
    match spec.kind {
        ParamKind::List => raw
            .split([',', ' ', '_'])
            .filter(|p| !p.is_empty())
            .map(|p| p.parse::<f64>().ok())
            .collect::<Option<Vec<f64>>>()
            .map(ParamValue::List),
        _ => raw.trim().parse::<f64>().ok().map(ParamValue::Num),
    }
}

/// The editor, under the explorer's controls.
#[component]
pub fn PhasesEditor() -> impl IntoView {
    let app = use_app();
    let message = RwSignal::new(None::<String>);
    let apply = move |edit: PhaseEdit| {
        let mut result = Ok(());
        app.settings.update(|s| result = s.edit_phases(edit));
        message.set(result.err());
    };
    // What the rows show, so a control that moves only the controls' cosine (η_max dragged)
    // leaves the editor's DOM alone.
    let model = Memo::new(move |_| {
        app.resolved.with(|r| {
            let controls = Family::Cosine(r.schedule.clone());
            r.phases
                .phases
                .iter()
                .enumerate()
                .map(|(i, f)| Row {
                    start: r.phases.start(i),
                    own: (*f != controls).then(|| f.clone()),
                })
                .collect::<Vec<_>>()
        })
    });
    let rows = move || {
        model.with(|rows| {
            rows.iter()
                .enumerate()
                .map(|(i, row)| phase_row(i, rows.len(), row, apply))
                .collect_view()
        })
    };
    view! {
        <fieldset class="phases">
            <legend>"Phases"</legend>
            <p class="hint">"Lengths in optimizer steps. A cosine phase uses the controls above."</p>
            <ol class="phase-list">{rows}</ol>
            <button type="button" class="add-phase" on:click=move |_| apply(PhaseEdit::Append)>
                "Add a phase"
            </button>
            {move || message.get().map(|m| view! { <p class="notice" role="alert">{m}</p> })}
        </fieldset>
    }
}

/// One row of the editor: where the phase starts, and its family unless it is the controls' cosine.
#[derive(Clone, PartialEq)]
struct Row {
    start: f64,
    own: Option<Family>,
}

fn phase_row(
    i: usize,
    n: usize,
    row: &Row,
    apply: impl Fn(PhaseEdit) + Copy + 'static,
) -> impl IntoView {
    let (start, is_controls) = (row.start, row.own.is_none());
    let kind = row.own.as_ref().map_or(FamilyKind::Cosine, Family::kind);
    let on_kind = move |ev| {
        let select = event_target::<HtmlSelectElement>(&ev);
        if let Some(&k) = usize::try_from(select.selected_index())
            .ok()
            .and_then(|c| FamilyKind::ALL.get(c))
        {
            apply(PhaseEdit::Kind(i, k));
        }
        // A refused family leaves the phase as it was, and so the menu; a taken one rebuilds
        // the row with its new family.
        select.set_value(kind.name());
    };
    let params = row.own.as_ref().map(|f| {
        kind.params()
            .iter()
            .zip(f.values())
            .enumerate()
            .map(|(p, (spec, value))| param_control(i, p, spec, value, apply))
            .collect_view()
    });
    let label = format!("Phase {} family", i + 1);
    view! {
        <li class="phase" data-phase=i.to_string()>
            <div class="phase-head">
                <select
                    aria-label=label
                    title="The curve this phase follows until the next one starts"
                    name="phase-family"
                    on:change=on_kind
                >
                    {FamilyKind::OPTIONS
                        .iter()
                        .map(|&(v, text)| {
                            view! { <option value=v selected=v == kind.name()>{text}</option> }
                        })
                        .collect_view()}
                </select>
                {(i > 0).then(|| {
                    view! {
                        <label class="phase-start">
                            "from step "
                            <input
                                type="number"
                                name="phase-start"
                                title="The optimizer step this phase starts at"
                                step="any"
                                prop:value=editable(start)
                                on:change=move |ev| {
                                    if let Ok(v) = event_target_value(&ev).trim().parse() {
                                        apply(PhaseEdit::Start(i, v));
                                    }
                                }
                            />
                        </label>
                        <button type="button" title="Move earlier" aria-label="Move earlier"
                            on:click=move |_| apply(PhaseEdit::Earlier(i))>"↑"</button>
                    }
                })}
                {(n > 1).then(|| view! {
                    <button type="button" title="Remove this phase" aria-label="Remove this phase"
                        on:click=move |_| apply(PhaseEdit::Remove(i))>"✕"</button>
                })}
            </div>
            {if is_controls {
                Some(view! { <p class="hint">"The cosine set by the controls above."</p> })
            } else {
                None
            }}
            <div class="phase-params">{params}</div>
        </li>
    }
}

fn param_control(
    i: usize,
    p: usize,
    spec: &'static ParamSpec,
    value: ParamValue,
    apply: impl Fn(PhaseEdit) + Copy + 'static,
) -> impl IntoView {
    let input = match spec.kind {
        ParamKind::Choice(options) => {
            let chosen = match value {
                ParamValue::Choice(c) => c,
                _ => 0,
            };
            view! {
                <select aria-label=spec.label title=spec.help name=spec.name on:change=move |ev| {
                    let c = event_target::<HtmlSelectElement>(&ev).selected_index();
                    if let Ok(c) = usize::try_from(c) {
                        apply(PhaseEdit::Param(i, p, ParamValue::Choice(c)));
                    }
                }>
                    {options
                        .iter()
                        .enumerate()
                        .map(|(k, &(v, text))| view! { <option value=v selected=k == chosen>{text}</option> })
                        .collect_view()}
                </select>
            }
            .into_any()
        }
        _ => view! {
            <input
                type="text"
                inputmode="decimal"
                aria-label=spec.label
                title=spec.help
                name=spec.name
                prop:value=shown(&value)
                on:change=move |ev| match typed(spec, &event_target_value(&ev)) {
                    Some(v) => apply(PhaseEdit::Param(i, p, v)),
                    None => apply(PhaseEdit::Param(i, p, ParamValue::Num(f64::NAN))),
                }
            />
        }
        .into_any(),
    };
    view! { <label class="phase-param"><span>{spec.label}</span>{input}</label> }
}
