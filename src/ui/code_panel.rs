//! The "Code" panel: the schedule as ready-to-run code in five frameworks (with a copy
//! button), and the way back: paste a framework call and Anneal shows it.

use leptos::prelude::*;

use super::copy_link::copy_text;
use super::imported::ImportSetup;
use super::state::{use_app, AppState};
use super::when::When;
use crate::export::{call_rates, departure, import, snippet};
use crate::format::{format_value, round_significant};
use crate::schedule::frameworks::Framework;

/// Code out, calls in.
#[component]
pub fn CodePanel() -> impl IntoView {
    let app = use_app();
    let AppState {
        settings,
        resolved,
        imported,
        ..
    } = app;
    let chosen = RwSignal::new(0usize);
    // Only the open panel's chosen snippet is built: checking a call against Anneal costs up to
    // tens of milliseconds at long horizons, too much to pay on every input for a closed panel.
    let open = RwSignal::new(false);
    let panel = NodeRef::<leptos::html::Details>::new();
    let code = Memo::new(move |_| {
        let i = chosen.get();
        open.get()
            .then(|| resolved.with(|r| snippet(&r.phases, r.horizon_steps, i)))
            .flatten()
    });
    // Where the explorer only comes near an imported call, its code is not the call: said above
    // the code and at its top, so a pasted copy says it too. The call's rates are computed once
    // per import and run length; an input that changes only the explorer's curve compares them.
    let run_steps = Memo::new(move |_| resolved.with(|r| r.run_steps));
    let rates = Memo::new(move |_| {
        if !open.get() {
            return None;
        }
        imported.with(|i| {
            // A new import's curve is still being computed: the last one's is not compared.
            let i = i
                .as_ref()
                .filter(|i| app.imported_code.with(|c| *c == i.code))?;
            Some((
                i.function.clone(),
                call_rates(&i.mode, i.every, run_steps.get())?,
            ))
        })
    });
    let departs = Memo::new(move |_| {
        rates.with(|r| {
            let (function, rates) = r.as_ref()?;
            let (step, by) = resolved.with(|r| departure(&r.phases, rates))?;
            Some(format!(
                "Not the imported {function}: this is the explorer's curve, up to {} % off the \
                 call (at step {}).\nThe pasted call itself is exact.",
                format_value(round_significant(100.0 * by, 2)),
                format_value(step)
            ))
        })
    });
    let status = RwSignal::new(None::<&'static str>);
    let area = NodeRef::<leptos::html::Textarea>::new();
    let current = move || {
        let code = code.with(|c| c.as_ref().map(|s| s.code.clone()).unwrap_or_default());
        match departs.get() {
            Some(why) if !code.is_empty() => format!("# {}\n{code}", why.replace('\n', "\n# ")),
            _ => code,
        }
    };
    let copy = move |_| {
        let select = move || {
            if let Some(a) = area.get_untracked() {
                let _ = a.focus();
                a.select();
            }
        };
        copy_text(
            &current(),
            select,
            status,
            ("Code copied", "Code selected: press Ctrl+C to copy"),
        );
    };

    let pasted = RwSignal::new(String::new());
    // What the last Import said: its code, notes (what it changed in the setup is said only
    // then) and the training setup they were read with, or why it failed.
    let clicked = RwSignal::new(None::<Result<(String, Vec<String>, ImportSetup), String>>);
    // The box holds the imported code: a link's, and again after Back or Remove (unless it
    // holds text not imported yet), when what the last Import said goes too.
    let imported_code = app.imported_code;
    Effect::new(move |before: Option<String>| {
        let code = imported_code.get();
        let stale = clicked.with_untracked(|c| {
            c.as_ref()
                .is_some_and(|r| r.as_ref().map_or(true, |(was, _, _)| *was != code))
        });
        if stale {
            clicked.set(None);
        }
        if before.is_none_or(|b| pasted.with_untracked(|p| *p == b)) {
            pasted.set(code.clone());
        }
        code
    });
    let run_import = move |_| {
        let text = pasted.get_untracked();
        let result = settings.with_untracked(|s| import(&text, s));
        match result {
            Ok(found) => {
                let setup = ImportSetup::of(&found.settings);
                let said = [found.notes, found.changes].concat();
                clicked.set(Some(Ok((found.code.clone(), said, setup))));
                pasted.set(found.code.clone());
                // The code goes into the settings (and the link); the curve follows from it.
                app.push(|s| {
                    *s = found.settings;
                    s.imported = found.code;
                });
            }
            Err(e) => {
                // The curve, its CSV column and code stay the last import's: said, not left to
                // be taken for the text in the box.
                let mut why = e.to_string();
                if imported_code.with_untracked(|c| !c.is_empty()) {
                    why += ". The chart still shows the last import.";
                }
                clicked.set(Some(Err(why)))
            }
        }
    };
    // The last Import's words while its code is imported with the same training setup; else the
    // notes of the code as read with the settings as they are (a link's, Back's, a new setup's).
    let outcome = move || match clicked.get() {
        Some(Ok((_, notes, at))) if at == app.import_setup.get() => Some(Ok(notes)),
        Some(Err(e)) => Some(Err(e)),
        _ => match app.import_failed.get() {
            Some(why) => Some(Err(format!(
                "The imported call no longer reads with these settings: {why}"
            ))),
            None => imported.with(|i| i.as_ref().map(|i| Ok(i.notes.clone()))),
        },
    };

    view! {
        <details
            class="code-panel"
            node_ref=panel
            on:toggle=move |_| open.set(panel.get_untracked().is_some_and(|d| d.open()))
        >
            <summary>"Code"</summary>
            <div class="code-tabs" role="tablist">
                // A fixed list (the frameworks never change), so the buttons are built once.
                {Framework::ALL
                    .iter()
                    .enumerate()
                    .map(|(i, f)| {
                        view! {
                            <button
                                type="button"
                                role="tab"
                                name="code_framework"
                                value=f.key()
                                aria-selected=move || (chosen.get() == i).to_string()
                                class:active=move || chosen.get() == i
                                on:click=move |_| chosen.set(i)
                            >
                                {f.name()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            {move || departs.get().map(|why| view! { <p class="notice" role="status">{why}</p> })}
            <textarea class="code-snippet" readonly rows="14" aria-label="Code for the chosen framework" node_ref=area prop:value=current></textarea>
            <div class="embed-actions">
                <button type="button" name="copy_code" on:click=copy>"Copy code"</button>
                <span class="copied" role="status">{move || status.get()}</span>
            </div>
            <label class="import-label" for="import-text">"Import: paste a framework call"</label>
            <textarea
                id="import-text"
                name="import_text"
                rows="3"
                placeholder="CosineAnnealingWarmRestarts(opt, T_0=10, T_mult=2, eta_min=1e-5)"
                prop:value=move || pasted.get()
                on:input=move |ev| pasted.set(event_target_value(&ev))
            ></textarea>
            <div class="embed-actions">
                <button type="button" name="import" on:click=run_import>"Import"</button>
                <When when=move || imported_code.with(|c| !c.is_empty())>
                    <button type="button" name="clear_import" on:click=move |_| app.push(|s| s.imported.clear())>"Remove imported curve"</button>
                </When>
            </div>
            {move || {
                outcome().map(|o| match o {
                    Ok(notes) => view! {
                        <div class="import-ok" role="status">
                            <p>"Imported: the explorer shows it as Anneal's schedule to edit, the indigo curve is the library's own."</p>
                            <ul>{notes.into_iter().map(|n| {
                                // What the call probably does not mean to do stands out.
                                let check = n.starts_with("Check: ");
                                view! { <li class:check=check>{n}</li> }
                            }).collect_view()}</ul>
                        </div>
                    }
                    .into_any(),
                    Err(e) => view! { <p class="notice import-error" role="alert">{e}</p> }.into_any(),
                })
            }}
        </details>
    }
}
