//! The schedule's formula at the cursor, with its numbers substituted. The term a control
//! changes is highlighted while that control has focus (a slider being dragged has it): the
//! root element names the focused control's term in `data-focus` and CSS does the rest, so
//! the formula stays one HTML string.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

use super::state::use_app;
use crate::schedule::formula_html;

/// Each term of the formula (`data-term`) and the controls that change it.
const TERMS: [(&str, &[&str]); 5] = [
    ("peak", &["eta_max", "decay"]),
    ("floor", &["eta_min", "eta_min_frac", "eta_min_rel"]),
    (
        "ti",
        &["t_max", "t_mult", "restarts", "cycle_limit", "t_max_ratio"],
    ),
    ("k", &["k_decay"]),
    (
        "warmup",
        &["warmup", "warmup_start", "warmup_shape", "warmup_ratio"],
    ),
];

/// The term the control named `name` changes.
fn term_of(name: &str) -> Option<&'static str> {
    TERMS
        .iter()
        .find(|(_, controls)| controls.contains(&name))
        .map(|(term, _)| *term)
}

/// Names on the root element the term the control `focused` changes, or none.
fn mark(focused: Option<Element>) {
    let term = focused
        .and_then(|e| e.get_attribute("name"))
        .and_then(|name| term_of(&name));
    if let Some(root) = document().document_element() {
        let _ = match term {
            Some(term) => root.set_attribute("data-focus", term),
            None => root.remove_attribute("data-focus"),
        };
    }
}

/// The text nodes under `root`, in document order.
fn text_nodes(root: &Node) -> Vec<Node> {
    let mut out = Vec::new();
    let mut at = root.first_child();
    while let Some(node) = at {
        if node.node_type() == Node::TEXT_NODE {
            out.push(node.clone());
        }
        at = node.first_child().or_else(|| {
            let mut up = node;
            loop {
                if let Some(next) = up.next_sibling() {
                    return Some(next);
                }
                up = up.parent_node().filter(|p| p != root)?;
            }
        });
    }
    out
}

/// The `k`-th piece of an HTML string split at `<`: the tag's inside and the text after it
/// (the first piece is text only).
fn piece(k: usize, p: &str) -> (&str, &str) {
    if k == 0 {
        ("", p)
    } else {
        p.split_once('>').unwrap_or((p, ""))
    }
}

/// Makes `panel`, which shows `old`, show `new`. Where both have the same tags (a slider moved
/// a number), only the texts that changed are rewritten: replacing the panel's HTML had the
/// browser build and lay out its math anew, 0.7 ms of every input.
fn show(panel: &Element, old: &str, new: &str) {
    if old == new {
        return;
    }
    // Each piece after the first is a tag's inside, then the text up to the next tag. With the
    // same tags and the same empty texts, the nodes are the same and the k-th text is the k-th
    // text node (a character reference would make a text differ from its node's value).
    let mut same = !new.contains('&') && old.split('<').count() == new.split('<').count();
    let (mut texts, mut edits) = (0, Vec::new());
    for (k, (a, b)) in old.split('<').zip(new.split('<')).enumerate() {
        let ((tag, was), (new_tag, now)) = (piece(k, a), piece(k, b));
        if !same || tag != new_tag || was.is_empty() != now.is_empty() {
            same = false;
            break;
        }
        if !was.is_empty() {
            if was != now {
                edits.push((texts, now));
            }
            texts += 1;
        }
    }
    let nodes = if same { text_nodes(panel) } else { Vec::new() };
    if same && nodes.len() == texts {
        for (i, text) in edits {
            nodes[i].set_node_value(Some(text));
        }
    } else {
        panel.set_inner_html(new);
    }
}

/// The formula panel for the step `step`.
#[component]
pub fn Formula(step: Signal<f64>) -> impl IntoView {
    let app = use_app();
    let resolved = app.resolved;
    let panel = NodeRef::<leptos::html::Section>::new();
    // One HTML string, not a view per term: the panel changes with every cursor move.
    let shown = StoredValue::new(String::new());
    Effect::new(move |_| {
        let per_epoch = move |r: &crate::share::Resolved| {
            (app.unit.get() == crate::share::Unit::Epochs).then_some(r.steps_per_unit)
        };
        let html = resolved.with(|r| formula_html(&r.phases, step.get(), per_epoch(r)));
        if let Some(el) = panel.get() {
            shown.update_value(|old| show(&el, old, &html));
            shown.set_value(html);
        }
    });
    // On the root, not through a signal: a focus change touches one attribute, no view.
    mark(document().active_element());
    let on_focus = window_event_listener_untyped("focusin", |ev| {
        mark(ev.target().and_then(|t| t.dyn_into::<Element>().ok()));
    });
    let on_blur = window_event_listener_untyped("focusout", |_| mark(None));
    on_cleanup(move || {
        on_focus.remove();
        on_blur.remove();
        mark(None);
    });
    view! { <section class="formula" aria-label="Formula at the cursor" node_ref=panel></section> }
}
