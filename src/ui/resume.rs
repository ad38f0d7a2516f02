//! The resume preview: stop at step k, resume in one library both ways it can, see the curve
//! each gives and whether it jumps.

use leptos::prelude::*;

use super::key_control::KeyFieldset;
use super::overlays::{resume_label, swatch};
use super::state::use_app;
use crate::charts::RESUME_COLORS;
use crate::share::{key, Key};

/// Where to stop and how the run resumes.
const RESUME: &[&Key] = &[
    key!("resume"),
    key!("resume_lib"),
    key!("resume_t_max"),
    key!("resume_eta_max"),
];

/// The preview's controls and, while it is on, one line per way.
#[component]
pub fn ResumePanel() -> impl IntoView {
    let app = use_app();
    let resume = app.resume;
    let lines = move || {
        resume.get().map(|r| match r {
            Err(why) => view! { <p class="notice" role="status">{why}</p> }.into_any(),
            Ok(ways) => view! {
                <ul class="resume-ways">
                    {ways
                        .into_iter()
                        .map(|w| {
                            view! {
                                <li>
                                    <span class="swatch" style:background=swatch(RESUME_COLORS[w.way as usize])></span>
                                    <b>{resume_label(&w)}</b>
                                    " ("<code>{w.code}</code>"): "
                                    {w.verdict}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any(),
        })
    };
    view! {
        <KeyFieldset legend="Resume from a checkpoint" keys=RESUME class="resume">{lines}</KeyFieldset>
    }
}
