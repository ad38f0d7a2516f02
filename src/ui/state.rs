//! The page's shared state: one `Copy` handle, provided as context by `App` and read by every
//! component with [`use_app`], instead of signals threaded through props.

use leptos::prelude::*;

use super::framework_curves::{framework_curves, FrameworkCurve};
pub use super::imported::Imported;
use super::imported::{imported_curve, ImportSetup};
use super::overlays::{overlays, per_epoch_overlay, resume_overlays};
use super::{screen, url};
use crate::charts::Overlay;
use crate::share::codec::Notice;
use crate::share::{preview, Resolved, Resumed, Settings, ThemeChoice, Unit, View};

/// Everything the components share: the settings, what is derived from them, and the curves
/// drawn over the schedule.
#[derive(Clone, Copy)]
pub struct AppState {
    /// All settings; the link follows every change.
    pub settings: RwSignal<Settings>,
    /// The settings resolved to a schedule in steps.
    pub resolved: Memo<Resolved>,
    /// Link keys this version does not know, written back unchanged.
    pub unknown: StoredValue<Vec<(String, String)>>,
    /// What the opening link held that is not used: rejected values and unknown keys.
    pub link_notices: RwSignal<Vec<Notice>>,
    /// How the page is shown.
    pub view: Memo<View>,
    /// Changes when the colour scheme does, so canvases redraw in the new colours.
    pub theme_tick: Signal<ThemeChoice>,
    /// Whether the page is embedded (chrome-less, the chart fills the frame).
    pub embed: Signal<bool>,
    /// Logarithmic η axis.
    pub log_y: Signal<bool>,
    /// The chart's unit.
    pub unit: Signal<Unit>,
    /// Whether the frameworks' versions are compared.
    pub compare: Signal<bool>,
    /// The frameworks' curves, while comparing.
    pub frameworks: ReadSignal<Vec<FrameworkCurve>>,
    /// Share of the framework curves computed, while they are being updated.
    pub updating: ReadSignal<Option<f64>>,
    /// The code a call was imported from (empty: none), as the settings keep it.
    pub imported_code: Memo<String>,
    /// The training setup the imported code is read with.
    pub import_setup: Memo<ImportSetup>,
    /// An imported call's exact curve, from that code.
    pub imported: ReadSignal<Option<Imported>>,
    /// Why the imported code no longer reads with the settings as they are (a preset left no
    /// training setup for a `TrainingArguments` to count its steps from).
    pub import_failed: ReadSignal<Option<String>>,
    /// The resume preview's two ways, or why there is none; `None` while it is off.
    pub resume: Memo<Option<Result<Vec<Resumed>, String>>>,
    /// Everything drawn over the current curve.
    pub overlays: Memo<Vec<Overlay>>,
    /// Whether the next change of `settings` is a new history entry.
    push_next: StoredValue<bool>,
}

impl AppState {
    /// The state the page was opened with, kept in step with the address bar and the root
    /// element.
    pub fn from_link() -> Self {
        let opened = url::initial_state();
        let link_notices = RwSignal::new(opened.shown_notices());
        let settings = RwSignal::new(opened.settings);
        let unknown = StoredValue::new(opened.unknown);
        let push_next = StoredValue::new(false);
        url::sync(settings, unknown, push_next);
        let resolved = Memo::new(move |_| settings.with(Settings::resolve));
        // Memos, not derived signals: the chart and the framework curves must not redo their
        // work on every change elsewhere (a lab input redrew the chart and restarted the curves).
        let log_y: Signal<bool> = Memo::new(move |_| settings.with(|s| s.log_y)).into();
        let unit: Signal<Unit> = Memo::new(move |_| settings.with(|s| s.unit)).into();
        let compare: Signal<bool> = Memo::new(move |_| settings.with(|s| s.view.compare)).into();
        let pins = Memo::new(move |_| settings.with(|s| s.pins.clone()));
        let view = Memo::new(move |_| settings.with(|s| s.view));
        Effect::new(move |_| view.with(screen::apply_view));
        let theme_tick = Signal::derive(move || view.with(|v| v.theme));
        let embed = Signal::derive(move || view.with(|v| v.embed));
        let (frameworks, updating) = framework_curves(compare, resolved);
        let imported_code = Memo::new(move |_| settings.with(|s| s.imported.clone()));
        let import_setup = Memo::new(move |_| settings.with(ImportSetup::of));
        let (imported, import_failed) =
            imported_curve(imported_code, import_setup, settings, resolved);
        // Only what the overlays read, so a theme or embed change does not rebuild them.
        let compared = Memo::new(move |_| {
            view.with(|v| View {
                momentum: v.momentum,
                compare_hide: v.compare_hide,
                ..View::default()
            })
        });
        // Follows the schedule only while it is shown, so slider inputs do not rebuild the rest.
        let per_epoch = Memo::new(move |_| {
            view.with(|v| v.per_epoch)
                .then(|| resolved.with(per_epoch_overlay))
                .flatten()
        });
        // Off, it reads one number; on, it follows every settings change (a lab input too):
        // well under a millisecond at the usual horizons, tens of milliseconds when a PyTorch
        // scheduler must be stepped to 10⁵–10⁶ steps (docs/performance.md).
        let resume = Memo::new(move |_| {
            settings.with(|s| (s.resume.at > 0.0).then(|| resolved.with(|r| preview(s, r))))
        });
        let drawn = Memo::new(move |_| {
            let v = compared.get();
            let shown = v.momentum;
            let mut all = pins.with(|p| frameworks.with(|f| overlays(p, f, v)));
            all.extend(per_epoch.get());
            resume.with(|r| all.extend(r.iter().flatten().flat_map(|w| resume_overlays(w))));
            all.extend(imported.with(|i| {
                i.as_ref().map(|Imported { overlay: o, .. }| Overlay {
                    label: o.label.clone(),
                    color: o.color,
                    source: o.source.clone(),
                    momentum: if shown {
                        o.momentum.clone()
                    } else {
                        Vec::new()
                    },
                })
            }));
            all
        });
        Self {
            settings,
            resolved,
            unknown,
            link_notices,
            view,
            theme_tick,
            embed,
            log_y,
            unit,
            compare,
            frameworks,
            updating,
            imported_code,
            import_setup,
            imported,
            import_failed,
            resume,
            overlays: drawn,
            push_next,
        }
    }

    /// Changes the settings as a new history entry (Back undoes it), not a replaced one.
    pub fn push(&self, change: impl FnOnce(&mut Settings)) {
        self.push_next.set_value(true);
        self.settings.update(change);
    }

    /// Whether the link shows `part` (tracked).
    pub fn shows(&self, part: &str) -> bool {
        self.view.with(|v| !v.hides(part))
    }

    /// Whether `part` is shown and can be used: not hidden, and the page is not static.
    pub fn interactive(&self, part: &str) -> bool {
        self.view.with(|v| !v.still && !v.hides(part))
    }

    /// Whether the page is static (print, slides): no controls, end states only.
    pub fn still(&self) -> bool {
        self.view.with(|v| v.still)
    }
}

/// The page's shared state, from the context `App` provides.
pub fn use_app() -> AppState {
    use_context().expect("App provides the shared state")
}
