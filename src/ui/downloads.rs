//! Download buttons: the visible series as CSV and the state as JSON.

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::{Blob, BlobPropertyBag, Url};

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};

use super::chart_view::{draw_explorer, Look};
use super::compare::FrameworkCurve;
use super::image_export::{png, save_url, svg, PNG_SCALE};
use super::screen::theme;
use super::state::{use_app, AppState, Imported};
use crate::export::{csv_steps, series_csv, state_json, Column};
use crate::schedule::frameworks::Mode;
use crate::share::{drawn_pins, Pin, Resolved, View};

/// Saves `text` as a file called `name`.
pub fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else {
        return;
    };
    save_url(name, &url);
    let _ = Url::revoke_object_url(&url);
}

/// The CSV: the current schedule, visible pins, (when comparing) each framework and an imported
/// call, with the momentum a framework or the import cycles when the chart shows it.
fn csv(
    r: &Resolved,
    pins: &[Option<Pin>],
    frameworks: &[FrameworkCurve],
    imported: Option<&Imported>,
    view: View,
) -> String {
    let momentum = view.momentum;
    let steps = csv_steps(r);
    let schedules: Vec<(String, crate::schedule::Schedule)> = drawn_pins(pins)
        .map(|(slot, p)| (p.label(slot), p.settings.resolve().phases))
        .collect();
    let modes: Vec<(String, &Mode)> = frameworks
        .iter()
        .filter(|f| view.compares(f.framework))
        .filter_map(|f| Some((f.framework.name().to_string(), f.mode.as_ref()?)))
        .chain(imported.map(|i| (i.overlay.label.clone(), &i.mode)))
        .collect();
    let framework_values: Vec<(String, Vec<f64>)> = modes
        .iter()
        .map(|(name, mode)| {
            // A scheduler that raises past its last step (OneCycleLR) leaves the rest blank.
            let upto = mode
                .last_step()
                .map_or(steps.len(), |last| steps.partition_point(|&s| s <= last));
            (name.clone(), mode.eval(&steps[..upto]).unwrap_or_default())
        })
        .collect();
    let at = |t: f64| steps.partition_point(|&s| s < t);
    let pin_fns: Vec<Box<dyn Fn(f64) -> Option<f64>>> = schedules
        .iter()
        .map(|(_, a)| Box::new(move |t: f64| Some(a.lr(t))) as Box<dyn Fn(f64) -> Option<f64>>)
        .collect();
    let fw_fns: Vec<Box<dyn Fn(f64) -> Option<f64> + '_>> = framework_values
        .iter()
        .map(|(_, v)| {
            Box::new(move |t: f64| v.get(at(t)).copied()) as Box<dyn Fn(f64) -> Option<f64>>
        })
        .collect();
    let mut columns: Vec<Column> = Vec::new();
    for ((name, _), f) in schedules.iter().zip(&pin_fns) {
        columns.push(Column {
            name,
            value: f.as_ref(),
        });
    }
    for ((name, _), f) in framework_values.iter().zip(&fw_fns) {
        columns.push(Column {
            name,
            value: f.as_ref(),
        });
    }
    let cycled: Vec<(String, &Mode)> = modes
        .iter()
        .filter(|(_, m)| momentum && m.momentum(0.0).is_some())
        .map(|(name, m)| (format!("{name} momentum"), *m))
        .collect();
    let momentum_fns: Vec<Box<dyn Fn(f64) -> Option<f64> + '_>> = cycled
        .iter()
        .map(|(_, m)| Box::new(move |t: f64| m.momentum(t)) as Box<dyn Fn(f64) -> Option<f64>>)
        .collect();
    for ((name, _), f) in cycled.iter().zip(&momentum_fns) {
        columns.push(Column {
            name,
            value: f.as_ref(),
        });
    }
    series_csv(r, &columns)
}

/// Draws the explorer's current chart on any backend (for the image downloads).
fn draw_current<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, scale: f64, app: AppState) {
    let look = app.settings.with_untracked(|s| Look {
        log_y: s.log_y,
        unit: s.unit,
        titled: true,
    });
    let columns = area.dim_in_pixel().0 as usize;
    app.resolved.with_untracked(|r| {
        app.overlays.with_untracked(|o| {
            let _ = draw_explorer(area, r, o, look, columns, scale, &theme());
        })
    });
}

/// Size of exported chart images, in CSS pixels.
const IMAGE_SIZE: (u32, u32) = (960, 480);

/// A slide's PNG: 960 × 540 CSS pixels drawn at 2×, 1920 × 1080 pixels.
const SLIDE_SIZE: (u32, u32) = (960, 540);

/// "Download CSV", "Download JSON", and the chart as PNG and SVG.
#[component]
pub fn Downloads() -> impl IntoView {
    let app = use_app();
    let AppState {
        settings,
        resolved,
        frameworks,
        imported,
        ..
    } = app;
    let save_svg = move |_| {
        let text = svg(IMAGE_SIZE, |area, scale| draw_current(area, scale, app));
        download("anneal-schedule.svg", "image/svg+xml", &text);
    };
    let save_png = move |size: (u32, u32), name: &str| {
        let drawn = png(size, PNG_SCALE, |area, scale| {
            draw_current(area, scale, app)
        });
        if let Some(url) = drawn {
            save_url(name, &url);
        }
    };
    let save_csv = move |_| {
        let text = resolved.with_untracked(|r| {
            settings.with_untracked(|s| {
                frameworks.with_untracked(|f| {
                    imported.with_untracked(|i| csv(r, &s.pins, f, i.as_ref(), s.view))
                })
            })
        });
        download("anneal-schedule.csv", "text/csv", &text);
    };
    let save_json = move |_| {
        download(
            "anneal-state.json",
            "application/json",
            &settings.with_untracked(state_json),
        );
    };
    view! {
        <div class="downloads">
            <button type="button" name="download_csv" on:click=save_csv>"Download CSV"</button>
            <button type="button" name="download_json" on:click=save_json>"Download JSON"</button>
            <button type="button" name="download_png" on:click=move |_| save_png(IMAGE_SIZE, "anneal-schedule.png")>"PNG"</button>
            <button type="button" name="download_png_slide" on:click=move |_| save_png(SLIDE_SIZE, "anneal-schedule-1920x1080.png")>"PNG 1920 × 1080 (slide)"</button>
            <button type="button" name="download_svg" on:click=save_svg>"SVG"</button>
        </div>
    }
}
