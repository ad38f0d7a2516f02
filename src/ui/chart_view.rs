//! The schedule chart on a canvas, redrawn at most once per animation frame.

use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

use crate::charts::{draw_schedule, ScheduleChart, Theme};

/// Canvas pixel size; CSS scales it to the panel width.
const WIDTH: u32 = 960;
const HEIGHT: u32 = 440;

/// A canvas that redraws the series whenever it changes, coalesced per frame.
#[component]
pub fn ScheduleCanvas(series: Memo<Vec<(f64, f64)>>, x_max: Signal<f64>) -> impl IntoView {
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let frame_pending = StoredValue::new(false);

    Effect::new(move |_| {
        series.track();
        x_max.track();
        if frame_pending.get_value() {
            return;
        }
        frame_pending.set_value(true);
        request_animation_frame(move || {
            frame_pending.set_value(false);
            let Some(element) = canvas.get_untracked() else {
                return;
            };
            let Some(backend) = CanvasBackend::with_canvas_object(element) else {
                return;
            };
            let area = backend.into_drawing_area();
            series.with_untracked(|points| {
                let chart = ScheduleChart {
                    title: "Learning rate over training",
                    x_label: "step",
                    x_max: x_max.get_untracked(),
                    series: points,
                };
                // A failed draw leaves the previous frame; the next input redraws.
                let _ = draw_schedule(&area, &chart, &Theme::LIGHT);
            });
        });
    });

    view! {
        <canvas
            node_ref=canvas
            class="chart"
            width=WIDTH
            height=HEIGHT
            role="img"
            aria-label="Chart of the learning rate η over training steps"
        ></canvas>
    }
}
