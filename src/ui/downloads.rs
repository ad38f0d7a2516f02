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
use crate::export::{state_json, visible_csv, ModeColumn};
use crate::share::{Pin, Resolved, View};

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

/// The CSV of what the chart shows: the schedule, visible pins, (when comparing) each framework
/// and an imported call.
fn csv(
    r: &Resolved,
    pins: &[Option<Pin>],
    frameworks: &[FrameworkCurve],
    imported: Option<&Imported>,
    view: View,
) -> String {
    let modes: Vec<ModeColumn> = frameworks
        .iter()
        .filter(|f| view.compares(f.framework))
        .filter_map(|f| {
            Some(ModeColumn {
                name: f.framework.name().to_string(),
                mode: f.mode.as_ref()?,
                every: 1.0,
            })
        })
        .chain(imported.map(|i| ModeColumn {
            name: i.overlay.label.clone(),
            mode: &i.mode,
            every: i.every,
        }))
        .collect();
    visible_csv(r, pins, &modes, view.momentum)
}

/// Draws the explorer's current chart on any backend (for the image downloads).
fn draw_current<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, scale: f64, app: AppState) {
    let look = app.settings.with_untracked(|s| Look {
        log_y: s.log_y,
        unit: s.unit,
        titled: true,
        grows: false,
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
