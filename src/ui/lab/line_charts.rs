//! The runs' learning rates and losses over the steps, with the restarts and the time cursor;
//! hovering either chart moves the playback (and so the dots on the surface).

use leptos::prelude::*;
use plotters::style::RGBColor;

use super::{use_lab, LabCtx, RUN_COLORS};
use crate::charts::{decimate, draw_schedule, Curve, PlotArea, ScheduleChart};
use crate::format::shown_3;
use crate::ui::canvas;
use crate::ui::screen::{device_pixel_ratio, fit_canvas, theme, timed};

/// One decimated curve and its colour.
type Series = (Vec<(f64, f64)>, RGBColor);

/// The start basin's rest limit on the learning-rate chart: grey, apart from the runs.
const LIMIT_COLOR: RGBColor = RGBColor(134, 142, 150);

/// Which quantity a chart plots.
#[derive(Clone, Copy, PartialEq)]
enum Quantity {
    Lr,
    Loss,
}

fn paint(
    ctx: &LabCtx,
    which: Quantity,
    wrapper: &web_sys::HtmlDivElement,
    canvas: &web_sys::HtmlCanvasElement,
) -> Option<PlotArea> {
    let css_w = f64::from(wrapper.client_width().max(240));
    let dpr = fit_canvas(canvas, css_w, 220.0);
    let columns = canvas.width() as usize;
    let steps = ctx.steps.get_untracked() as f64;
    let cursor = ctx.cursor.get_untracked() as f64;
    let shown = ctx.shown.get_untracked();
    let series: Vec<Series> = ctx.contenders.with_untracked(|cs| {
        let mut out = Vec::new();
        for (i, c) in cs.iter().enumerate().filter(|(i, _)| shown[*i]) {
            let pts: Vec<(f64, f64)> = match which {
                Quantity::Lr => c
                    .lrs
                    .iter()
                    .enumerate()
                    .map(|(t, &v)| (t as f64, v))
                    .collect(),
                // No runs until the first race finishes.
                Quantity::Loss => ctx.runs.with_untracked(|runs| {
                    runs.get(i).map_or_else(Vec::new, |r| {
                        r.run
                            .loss
                            .iter()
                            .enumerate()
                            .map(|(t, &v)| (t as f64, v))
                            .collect()
                    })
                }),
            };
            let (r, g, b) = RUN_COLORS[i % RUN_COLORS.len()];
            out.push((decimate(&pts, 0.0, steps, columns), RGBColor(r, g, b)));
        }
        out
    });
    let mut series = series;
    if let (Quantity::Lr, Some((_, limit))) = (which, ctx.limit.get_untracked()) {
        series.push((vec![(0.0, limit), (steps, limit)], LIMIT_COLOR));
    }
    let restarts: Vec<(f64, u64)> = ctx.contenders.with_untracked(|cs| {
        cs.last()
            .map(|c| {
                c.cycle_ends
                    .iter()
                    .zip(1..)
                    .map(|(&t, i)| (t as f64, i))
                    .collect()
            })
            .unwrap_or_default()
    });
    let curves: Vec<Curve> = series
        .iter()
        // The legend is HTML beside the charts: plotters' legend costs ~1 ms a draw.
        .map(|(points, color)| Curve {
            points,
            color: *color,
            label: None,
        })
        .collect();
    let chart = ScheduleChart {
        title: match which {
            Quantity::Lr => "Learning rate of each run",
            Quantity::Loss => "Loss along each run",
        },
        x_label: "step",
        y_label: match which {
            Quantity::Lr => "learning rate η",
            Quantity::Loss => "loss",
        },
        cursor: Some(cursor),
        x_max: steps.max(1.0),
        curves: &curves,
        secondary: None,
        restarts: &restarts,
        warmup_bands: &[],
        log_y: false,
        scale: dpr,
        grows: false,
    };
    canvas::paint(canvas, |area| draw_schedule(area, &chart, &theme()).ok())?
}

#[component]
fn LabChart(which: Quantity, name: &'static str) -> impl IntoView {
    let ctx = use_lab();
    let wrapper = NodeRef::<leptos::html::Div>::new();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let plot = StoredValue::new(None::<PlotArea>);
    let pending = StoredValue::new(false);
    let size = RwSignal::new(0u32);
    let redraw = move || {
        if pending.get_value() {
            return;
        }
        pending.set_value(true);
        request_animation_frame(move || {
            pending.set_value(false);
            if let (Some(w), Some(c)) = (wrapper.get_untracked(), canvas.get_untracked()) {
                plot.set_value(timed("anneal-lab-draw-chart", || {
                    paint(&ctx, which, &w, &c)
                }));
            }
        });
    };
    Effect::new(move |_| {
        // The learning rates do not depend on the start point: dragging redraws only the loss.
        if which == Quantity::Loss {
            ctx.runs.track();
        } else {
            ctx.limit.track();
        }
        ctx.shown.track();
        ctx.contenders.track();
        ctx.cursor.track();
        ctx.app.theme_tick.track();
        size.track();
        redraw();
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        size.update(|s| *s = s.wrapping_add(1))
    });
    on_cleanup(move || resize.remove());
    let on_hover = move |ev: leptos::ev::MouseEvent| {
        let Some(p) = plot.get_value() else { return };
        let x = f64::from(ev.offset_x()) * device_pixel_ratio();
        let frac = ((x - f64::from(p.left)) / f64::from((p.right - p.left).max(1))).clamp(0.0, 1.0);
        ctx.seek((frac * ctx.steps.get_untracked() as f64).round() as usize);
    };
    view! {
        <div class="lab-chart" node_ref=wrapper>
            <canvas node_ref=canvas class="lab-chart-canvas" data-chart=name role="img" aria-label=name on:mousemove=on_hover></canvas>
        </div>
    }
}

/// The learning-rate and loss charts side by side.
#[component]
pub fn LabCharts() -> impl IntoView {
    let ctx = use_lab();
    let legend = move || {
        let shown = ctx.shown.get();
        ctx.contenders.with(|cs| {
            cs.iter()
                .enumerate()
                .filter(|(i, _)| shown[*i])
                .map(|(i, c)| {
                    let (r, g, b) = RUN_COLORS[i % RUN_COLORS.len()];
                    view! {
                        <li>
                            <span class="swatch" style:background=format!("rgb({r},{g},{b})")></span>
                            {c.label}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let limit = move || {
        ctx.limit.get().map(|(lambda, limit)| {
            let RGBColor(r, g, b) = LIMIT_COLOR;
            view! {
                <li>
                    <span class="swatch" style:background=format!("rgb({r},{g},{b})")></span>
                    {format!(
                        "η = {}: above it the iterate cannot rest in the start's basin (λ = {})",
                        shown_3(limit),
                        shown_3(lambda)
                    )}
                </li>
            }
        })
    };
    view! {
        <ul class="lab-legend">{legend}{limit}</ul>
        <div class="lab-charts">
            <LabChart which=Quantity::Lr name="learning rate of each run" />
            <LabChart which=Quantity::Loss name="loss along each run" />
        </div>
    }
}
