//! A lab result a link key turns on (`escape=1`, `basin_map=1`): computed while the key is on,
//! again after every change to the lab's runs, so a shared link or an embedded slide opens
//! with it.

use leptos::prelude::*;

use super::use_lab;
use crate::landscape::RunSpec;
use crate::share::Settings;

/// Calls `start` when `on` comes to hold for the settings and, while it does, again whenever the
/// schedules raced or the part of the runs' spec the result reads (`reads`) change; `clear` when
/// it stops holding.
pub(super) fn kept_while(
    on: fn(&Settings) -> bool,
    reads: fn(RunSpec) -> RunSpec,
    start: impl Fn() + 'static,
    clear: impl Fn() + 'static,
) {
    let ctx = use_lab();
    let on = Memo::new(move |_| ctx.app.settings.with(on));
    let spec = Memo::new(move |_| reads(ctx.spec.get()));
    // Off, only the key is followed: an input elsewhere in the lab costs it nothing.
    Effect::new(move |_| {
        if on.get() {
            spec.track();
            ctx.contenders.track();
            start();
        } else {
            clear();
        }
    });
}
