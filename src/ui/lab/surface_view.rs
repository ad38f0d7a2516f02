//! The surface on two stacked canvases: the heatmap (drawn once per surface, size and theme)
//! and the paths over it (redrawn when the runs or the time cursor change, once per frame).

use std::cell::RefCell;

use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};
use plotters::style::RGBColor;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::outcome::ends_in;
use super::{use_lab, LabCtx};
use crate::charts::{draw_colour_scale, draw_paths, draw_surface, Frame, PathView};
use crate::format::{quantity, shown};
use crate::landscape::{Heatmap, Point, Surface};
use crate::ui::canvas::paint;
use crate::ui::downloads::download;
use crate::ui::image_export::{png, save_url, svg, PNG_SCALE};
use crate::ui::screen::{fit_canvas, theme, timed};
use crate::ui::when::When;

/// Heatmap cells per side: fine enough for smooth bands, computed once per surface.
const CELLS: usize = 160;

/// Bands of the heatmap.
const LEVELS: u8 = 16;

fn css_side(wrapper: &web_sys::HtmlDivElement) -> f64 {
    f64::from(wrapper.client_width()).clamp(240.0, 620.0)
}

fn clear(canvas: &HtmlCanvasElement) {
    if let Ok(Some(ctx)) = canvas.get_context("2d") {
        if let Ok(ctx) = ctx.dyn_into::<CanvasRenderingContext2d>() {
            ctx.clear_rect(
                0.0,
                0.0,
                f64::from(canvas.width()),
                f64::from(canvas.height()),
            );
        }
    }
}

/// Draws the shown runs' paths up to the cursor, on any backend.
fn draw_runs<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    ctx: &LabCtx,
    frame: &Frame,
    scale: f64,
) {
    let cursor = ctx.cursor.get_untracked();
    let start = ctx.spec.with_untracked(|s| s.start);
    let on = ctx.shown.get_untracked();
    ctx.runs.with_untracked(|runs| {
        // Until a race after a surface change is done, the old runs are not drawn on the new
        // surface's axes.
        let shown: Vec<_> = runs
            .iter()
            .zip(on)
            .filter(|(r, s)| *s && r.surface == frame.surface)
            .map(|(r, _)| r)
            .collect();
        let snaps: Vec<Vec<usize>> = shown
            .iter()
            .map(|r| r.outcome.snapshots.iter().map(|s| s.step).collect())
            .collect();
        let views: Vec<PathView> = shown
            .iter()
            .zip(&snaps)
            .map(|(r, s)| PathView {
                points: &r.run.path,
                color: RGBColor(r.color.0, r.color.1, r.color.2),
                label: r.label,
                snapshots: s,
            })
            .collect();
        let _ = draw_paths(area, frame, &views, cursor, start, scale);
    });
}

/// Draws the paths of `ctx`'s shown runs up to its cursor on the overlay canvas.
fn paint_paths(ctx: &LabCtx, canvas: &HtmlCanvasElement, frame: &Frame, side: f64) {
    let dpr = fit_canvas(canvas, side, side);
    clear(canvas);
    paint(canvas, |area| draw_runs(area, ctx, frame, dpr));
}

/// Size of exported surface images, in CSS pixels.
const IMAGE_SIZE: (u32, u32) = (640, 640);

/// The surface and the paths together on one backend, with the colour scale beside them (for
/// the image downloads).
fn draw_figure<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    ctx: &LabCtx,
    heat: &Heatmap,
    scale: f64,
) {
    let bar = (74.0 * scale).round() as u32;
    let (plot, key) = area.split_horizontally(area.dim_in_pixel().0.saturating_sub(bar));
    if let Ok(frame) = draw_surface(&plot, heat, &theme(), scale) {
        draw_runs(&plot, ctx, &frame, scale);
    }
    let _ = draw_colour_scale(&key, heat, &theme(), scale);
}

/// `surface`'s bands, computed once per surface: going back to one is a redraw, not 25,600
/// evaluations again in the change's handler (Rastrigin's: 3–4 ms of it).
fn heatmap(surface: Surface) -> Heatmap {
    thread_local! {
        static COMPUTED: RefCell<Vec<Heatmap>> = const { RefCell::new(Vec::new()) };
    }
    COMPUTED.with_borrow_mut(|computed| {
        if let Some(h) = computed.iter().find(|h| h.surface == surface) {
            return h.clone();
        }
        let h = Heatmap::new(surface, CELLS, CELLS, LEVELS);
        computed.push(h.clone());
        h
    })
}

/// The surface with the runs' paths; drag (or arrow keys) to move the start point.
#[component]
pub fn SurfaceView() -> impl IntoView {
    let ctx = use_lab();
    let wrapper = NodeRef::<leptos::html::Div>::new();
    let base = NodeRef::<leptos::html::Canvas>::new();
    let overlay = NodeRef::<leptos::html::Canvas>::new();
    let frame = RwSignal::new(None::<Frame>);
    let surface = Memo::new(move |_| ctx.spec.with(|s| s.surface));
    let heat = Memo::new(move |_| heatmap(surface.get()));
    let size = RwSignal::new(0u32);
    let pending = StoredValue::new(false);
    let dragging = StoredValue::new(false);

    let draw_base = move || {
        let (Some(w), Some(c)) = (wrapper.get_untracked(), base.get_untracked()) else {
            return;
        };
        let side = css_side(&w);
        let dpr = fit_canvas(&c, side, side);
        let Some(f) = paint(&c, |area| {
            heat.with_untracked(|h| draw_surface(area, h, &theme(), dpr).ok())
        }) else {
            return;
        };
        if frame.get_untracked() != f {
            frame.set(f);
        }
    };
    Effect::new(move |_| {
        heat.track();
        size.track();
        ctx.app.theme_tick.track();
        request_animation_frame(draw_base);
    });
    let redraw_paths = move || {
        if pending.get_value() {
            return;
        }
        pending.set_value(true);
        request_animation_frame(move || {
            pending.set_value(false);
            let (Some(w), Some(c), Some(f)) = (
                wrapper.get_untracked(),
                overlay.get_untracked(),
                frame.get_untracked(),
            ) else {
                return;
            };
            timed("anneal-lab-draw-paths", || {
                paint_paths(&ctx, &c, &f, css_side(&w))
            });
        });
    };
    Effect::new(move |_| {
        ctx.runs.track();
        ctx.shown.track();
        ctx.cursor.track();
        frame.track();
        // The start ring follows a drag at once, while a long race is still under way.
        ctx.spec.track();
        redraw_paths();
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        size.update(|s| *s = s.wrapping_add(1));
    });
    on_cleanup(move || resize.remove());

    let move_start = move |p: Point| {
        let round = |v: f64| (v * 1000.0).round() / 1000.0;
        ctx.app.settings.update(|s| {
            s.lab.x0 = round(p[0]);
            s.lab.y0 = round(p[1]);
        });
    };
    let point_at = move |ev: &leptos::ev::PointerEvent| -> Option<Point> {
        let f = frame.get_untracked()?;
        let c = overlay.get_untracked()?;
        // Canvas pixels per CSS pixel as laid out: the device's ratio, or other where CSS
        // scales the canvas (a box narrower than the smallest surface drawn).
        let scale = f64::from(c.width()) / f64::from(c.client_width().max(1));
        Some(f.to_point(
            f64::from(ev.offset_x()) * scale,
            f64::from(ev.offset_y()) * scale,
        ))
    };
    let on_down = move |ev: leptos::ev::PointerEvent| {
        if let Some(p) = point_at(&ev) {
            dragging.set_value(true);
            if let Some(c) = overlay.get_untracked() {
                let _ = c.set_pointer_capture(ev.pointer_id());
            }
            move_start(p);
        }
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        if dragging.get_value() {
            if let Some(p) = point_at(&ev) {
                move_start(p);
            }
        }
    };
    let announced = RwSignal::new(String::new());
    // A keyboard user hears where the runs from the new start end (a pointer user sees it),
    // once their race is done.
    let announce = StoredValue::new(false);
    let say = move || {
        let at = ctx.spec.with_untracked(|s| s.start);
        let on = ctx.shown.get_untracked();
        let ends = ctx.runs.with_untracked(|runs| {
            runs.iter()
                .zip(on)
                .filter(|(_, s)| *s)
                .map(|(r, _)| format!("{} ends in the {}", r.label, ends_in(r)))
                .collect::<Vec<_>>()
                .join("; ")
        });
        announced.set(format!(
            "Start ({}, {}): {ends}.",
            shown(at[0]),
            shown(at[1])
        ));
    };
    Effect::new(move |_| {
        ctx.runs.track();
        if announce.get_value() {
            announce.set_value(false);
            say();
        }
    });
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let ([x0, x1], [y0, y1]) = surface.get_untracked().domain();
        let (dx, dy) = ((x1 - x0) / 100.0, (y1 - y0) / 100.0);
        let d = match ev.key().as_str() {
            "ArrowLeft" => [-dx, 0.0],
            "ArrowRight" => [dx, 0.0],
            "ArrowUp" => [0.0, dy],
            "ArrowDown" => [0.0, -dy],
            _ => return,
        };
        ev.prevent_default();
        let s = ctx.spec.get_untracked().start;
        move_start([(s[0] + d[0]).clamp(x0, x1), (s[1] + d[1]).clamp(y0, y1)]);
        // At the edge the start stays, and so do its runs: no race to wait for.
        if ctx.spec.with_untracked(|now| now.start) == s {
            say();
        } else {
            announce.set_value(true);
        }
    };

    let save_svg = move |_| {
        let text = heat
            .with_untracked(|h| svg(IMAGE_SIZE, |area, scale| draw_figure(area, &ctx, h, scale)));
        download("anneal-landscape.svg", "image/svg+xml", &text);
    };
    let save_png = move |_| {
        let url = heat.with_untracked(|h| {
            png(IMAGE_SIZE, PNG_SCALE, |area, scale| {
                draw_figure(area, &ctx, h, scale)
            })
        });
        if let Some(url) = url {
            save_url("anneal-landscape.png", &url);
        }
    };

    view! {
        // Downloads, here as under the chart, go with `hide=export`.
        <When when=move || ctx.app.shows("export")>
            <div class="lab-images">
                <button type="button" name="download_lab_png" on:click=save_png>"PNG"</button>
                <button type="button" name="download_lab_svg" on:click=save_svg>"SVG"</button>
            </div>
        </When>
        <div class="surface-wrap" node_ref=wrapper>
            {move || {
                ctx.racing.get().map(|f| {
                    let steps = quantity(ctx.steps.get() as f64, "step");
                    view! {
                        <p class="racing" role="status">
                            {format!("Running 3 × {steps}… {:.0} %", f * 100.0)}
                        </p>
                    }
                })
            }}
            <canvas node_ref=base class="surface-base" aria-hidden="true"></canvas>
            <canvas
                node_ref=overlay
                class="surface-paths"
                // static=1: a picture, not a control.
                tabindex=move || (!ctx.app.still()).then_some("0")
                role="img"
                aria-label=move || {
                    if ctx.app.still() {
                        "Loss surface with the three optimizer paths"
                    } else {
                        "Loss surface with the three optimizer paths; drag or use the arrow keys to move the start point"
                    }
                }
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=move |_| dragging.set_value(false)
                on:pointercancel=move |_| dragging.set_value(false)
                on:keydown=on_key
            ></canvas>
        </div>
        <p class="sr-only" role="status" aria-live="polite">{announced}</p>
    }
}
