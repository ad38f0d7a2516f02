//! The schedule chart on a canvas: sharp at any devicePixelRatio, redrawn at most once per
//! animation frame, with a pointer and keyboard read-out of the exact step and η.

use leptos::prelude::*;
use web_sys::{HtmlCanvasElement, HtmlDivElement};

use super::canvas;
use super::flags::{chart_flags, FlagMarks, FlagNotes};
use super::formula::Formula;
use super::overlays::swatch;
use super::screen::{device_pixel_ratio, fit_canvas, frame_room, theme, timing};
use super::state::{use_app, AppState};
use super::when::When;
use crate::charts::{chart_height, PlotArea, NARROW_CHART};
pub use crate::charts::{draw_explorer, Look, Overlay, OverlaySource};
use crate::format::shown;
use crate::schedule::{locate, Terms};
use crate::share::{format_value, Resolved};

/// Sizes the canvas to its box at the device's pixel ratio and draws; returns the plot area.
/// A narrow page chart whose legend goes in rows under it is that much taller (`strip`, in CSS
/// px, the last drawing's), so its plot keeps its height: drawn again when the rows change.
fn paint(
    wrapper: &HtmlDivElement,
    canvas: &HtmlCanvasElement,
    r: &Resolved,
    overlays: &[Overlay],
    look: Look,
    fill: bool,
    mut strip: f64,
) -> Option<PlotArea> {
    let css_w = f64::from(wrapper.client_width().max(200));
    // From the width, so an auto-height frame settles; in a fixed frame, no taller than the
    // room the rest leaves (the canvas's own height measured out), which settles too.
    let room = fill.then(|| frame_room(canvas)).flatten();
    let css_h = chart_height(css_w, fill, room);
    let grows = !fill && css_w < NARROW_CHART;
    let mut drawn = None;
    // Twice at most: the rows follow from the width and the legend alone.
    for _ in 0..2 {
        let dpr = fit_canvas(canvas, css_w, css_h + if grows { strip } else { 0.0 });
        let columns = canvas.width() as usize;
        let look = Look { grows, ..look };
        drawn = canvas::paint(canvas, |area| {
            draw_explorer(area, r, overlays, look, columns, dpr, &theme()).ok()
        })?;
        let rows = drawn.as_ref().map_or(0.0, |p| f64::from(p.strip) / dpr);
        if !grows || rows == strip {
            break;
        }
        strip = rows;
    }
    drawn
}

/// The CSS x (from the canvas's left edge) of the fraction `frac` across the plot.
pub fn css_x(p: &PlotArea, frac: f64) -> f64 {
    (f64::from(p.left) + frac * f64::from(p.right - p.left)) / device_pixel_ratio()
}

/// The read-out's size in CSS px: its width is at most this (style/main.css), one line a curve.
const READOUT_W: f64 = 240.0;
const READOUT_LINE: f64 = 19.0;

/// Where the read-out goes for the cursor at CSS x `x`: (x of the edge it hangs from, whether
/// that is its right edge, its top), in CSS px. It sits beside the cursor line on the side
/// towards the plot's middle (the other side where that has no room), so it never covers the
/// pointer or the curves under it, and below the legend where it would overlap it.
fn readout_place(p: &PlotArea, x: f64, lines: usize, dpr: f64) -> (f64, bool, f64) {
    let css = |v: i32| f64::from(v) / dpr;
    let (left, right, top) = (css(p.left), css(p.right), css(p.top));
    let gap = 10.0;
    // The side towards the middle, else the other; where neither has room (a phone), it
    // stays inside the chart even if it then covers the cursor.
    let room_left = x - gap - READOUT_W >= 0.0;
    let room_right = x + gap + READOUT_W <= right + gap;
    let leftwards = room_left && (x > (left + right) / 2.0 || !room_right);
    let (edge, x0) = if leftwards {
        (x - gap, x - gap - READOUT_W)
    } else if room_right {
        (x + gap, x + gap)
    } else {
        let x0 = (right + gap - READOUT_W).max(0.0);
        (x0, x0)
    };
    let h = READOUT_LINE * lines as f64 + 8.0;
    let y0 = top + 6.0;
    // Off the legend: below it when it is at the top, above it when it sits lower down.
    let y = match p.legend {
        Some([l, t, r, b])
            if x0 < css(r) && x0 + READOUT_W > css(l) && y0 < css(b) && y0 + h > css(t) =>
        {
            if css(t) > y0 {
                (css(t) - h - 6.0).max(top)
            } else {
                css(b) + 6.0
            }
        }
        _ => y0,
    };
    (edge, leftwards, y)
}

/// A canvas that redraws whenever the schedule, the overlays or the view change, coalesced per
/// frame, with pitfall flags on the curve; the formula under it once `below` is set (laying out
/// its math fonts took a quarter of the first chart's layout).
#[component]
pub fn ScheduleCanvas(below: Signal<bool>) -> impl IntoView {
    let app = use_app();
    let AppState {
        resolved,
        overlays,
        log_y,
        unit,
        // Embedded, the chart is taller for its width.
        embed: fill,
        theme_tick,
        ..
    } = app;
    let flags = chart_flags(&app);
    // `hide=title` drops the chart's own title too (embedded, the page header is gone).
    let titled = Memo::new(move |_| app.view.with(|v| !v.hides("title")));
    let wrapper = NodeRef::<leptos::html::Div>::new();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let plot = RwSignal::new(None::<PlotArea>);
    let frame_pending = StoredValue::new(false);
    // The step under the read-out, and where to show it (CSS px from the canvas's left edge).
    let cursor = RwSignal::new(None::<(f64, f64)>);
    // The plot's top and bottom in CSS px, for the cursor line.
    // The formula follows the cursor; without one, a quarter into the run.
    let formula_step = Signal::derive(move || {
        cursor
            .get()
            .map_or_else(|| resolved.with(|r| (r.run_steps / 4.0).round()), |c| c.0)
    });
    let plot_band = move || {
        plot.get().map_or((0.0, 0.0), |p| {
            let dpr = device_pixel_ratio();
            (f64::from(p.top) / dpr, f64::from(p.bottom - p.top) / dpr)
        })
    };

    let draw_now = move || {
        let (Some(w), Some(c)) = (wrapper.get_untracked(), canvas.get_untracked()) else {
            return;
        };
        let perf = timing();
        if let Some(p) = &perf {
            let _ = p.mark("anneal-draw-start");
        }
        let area = resolved.with_untracked(|r| {
            overlays.with_untracked(|o| {
                let look = Look {
                    log_y: log_y.get_untracked(),
                    unit: unit.get_untracked(),
                    titled: titled.get_untracked(),
                    // `paint` says, from the chart's width and frame.
                    grows: false,
                };
                let strip = plot.with_untracked(|p| {
                    p.as_ref()
                        .map_or(0.0, |p| f64::from(p.strip) / device_pixel_ratio())
                });
                paint(&w, &c, r, o, look, fill.get_untracked(), strip)
            })
        });
        if let Some(p) = &perf {
            let _ = p.mark("anneal-draw-end");
        }
        if plot.get_untracked() != area {
            plot.set(area);
        }
    };
    // The first draw happens at once, so the chart is in the page's first frame; later ones are
    // coalesced to one per animation frame.
    let drawn_once = StoredValue::new(false);
    let redraw = move || {
        if !drawn_once.get_value() {
            drawn_once.set_value(true);
            draw_now();
            return;
        }
        if frame_pending.get_value() {
            return;
        }
        frame_pending.set_value(true);
        request_animation_frame(move || {
            frame_pending.set_value(false);
            draw_now();
        });
    };
    Effect::new(move |_| {
        resolved.track();
        overlays.track();
        log_y.track();
        unit.track();
        fill.track();
        theme_tick.track();
        titled.track();
        redraw();
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| redraw());
    // Embedded, index.html's height observer says when the page's height changed (the formula
    // arrived, the drawer closed): the chart fits the room left in a fixed frame again.
    let content = window_event_listener_untyped("anneal:content", move |_| redraw());
    on_cleanup(move || {
        resize.remove();
        content.remove();
    });

    // Maps a backend x to the nearest whole step, and back to a CSS x for the overlay.
    let step_at = move |backend_x: f64| -> Option<(f64, f64)> {
        let p = plot.get_untracked()?;
        let span = f64::from(p.right - p.left).max(1.0);
        let frac = ((backend_x - f64::from(p.left)) / span).clamp(0.0, 1.0);
        let end = resolved.with_untracked(|r| r.horizon_steps);
        let step = (frac * end).round();
        Some((step, css_x(&p, step / end)))
    };
    // Pointer events, so a finger dragged across the chart moves the read-out too.
    let on_move = move |ev: leptos::ev::PointerEvent| {
        cursor.set(step_at(f64::from(ev.offset_x()) * device_pixel_ratio()));
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let end = resolved.with_untracked(|r| r.horizon_steps);
        let here = cursor.get_untracked().map_or(0.0, |c| c.0);
        let stride = if ev.shift_key() {
            1.0
        } else {
            (end / 100.0).round().max(1.0)
        };
        let step = match ev.key().as_str() {
            "ArrowRight" => here + stride,
            "ArrowLeft" => here - stride,
            "Home" => 0.0,
            "End" => end,
            _ => return,
        };
        ev.prevent_default();
        let step = step.clamp(0.0, end);
        if let Some(p) = plot.get_untracked() {
            cursor.set(Some((step, css_x(&p, step / end.max(1.0)))));
        }
    };

    let readout = move || {
        let (step, x) = cursor.get()?;
        let p = plot.get()?;
        let (lr, epoch) = resolved.with(|r| {
            let epoch = (r.steps_per_unit != 1.0)
                .then(|| format!(" · epoch {}", shown(step / r.steps_per_unit)));
            (r.phases.lr(step), epoch)
        });
        // Every visible curve's η at the cursor; "≈" where a strided curve has no sample there,
        // said in a line under them.
        let mut sampled = false;
        let rows = overlays.with(|o| {
            o.iter()
                .filter_map(|o| {
                    let (v, exact) = o.value_at(step)?;
                    sampled |= !exact;
                    let near = if exact { " " } else { " ≈ " };
                    Some(view! {
                        <div class="readout-row" aria-hidden="true">
                            <span class="swatch" style:background=swatch(o.color)></span>
                            {o.label.clone()} {near}
                            <span class="readout-value" data-exact=format_value(v)>{shown(v)}</span>
                        </div>
                    })
                })
                .collect_view()
        });
        // The cosine's cycle under the cursor: its terms in the read-out, T_i shaded on the chart.
        let cycle = resolved.with(|r| match locate(&r.phases, step).1 {
            Some((
                _,
                Terms::Cosine {
                    cycle,
                    start,
                    t_cur,
                    t_i,
                    ..
                },
            )) => {
                let end = r.horizon_steps.max(1.0);
                let x0 = css_x(&p, (start / end).clamp(0.0, 1.0));
                let x1 = css_x(&p, ((start + t_i) / end).clamp(0.0, 1.0));
                Some((cycle, t_cur, t_i, x0, x1))
            }
            _ => None,
        });
        let (band_top, height) = plot_band();
        // One style string each: a view per style property costs bytes in the download.
        let band = cycle.map(|(.., x0, x1)| {
            let style = format!(
                "left:{x0:.1}px;width:{:.1}px;top:{band_top:.1}px;height:{height:.1}px",
                x1 - x0
            );
            view! { <div class="cycle-band" style=style></div> }
        });
        // No-break spaces keep each "name = value" on one line when the read-out wraps.
        let terms = cycle.map(|(i, t_cur, t_i, ..)| {
            [
                "cycle\u{a0}i\u{a0}=\u{a0}",
                &i.to_string(),
                " · T_cur\u{a0}=\u{a0}",
                &shown(t_cur),
                " of T_i\u{a0}=\u{a0}",
                &shown(t_i),
            ]
            .concat()
        });
        let lines = overlays.with(Vec::len) + 3 + usize::from(sampled);
        let (edge, leftwards, top) = readout_place(&p, x, lines, device_pixel_ratio());
        Some(view! {
            {band}
            <div class="cursor-line" style:left=format!("{x:.1}px") style:top=format!("{band_top:.1}px") style:height=format!("{height:.1}px")></div>
            <div class="readout" class:leftwards=leftwards style:left=format!("{edge:.1}px") style:top=format!("{top:.1}px")>
                <div><span class="readout-step">"step " {format_value(step)}</span>{epoch}</div>
                <div class="readout-cycle" aria-hidden="true">{terms}</div>
                <div class="readout-row">
                    <span class="swatch current"></span>
                    "η = "
                    // Six digits to read; the exact value on hover and in the CSV.
                    <span class="readout-lr" title=format_value(lr) data-exact=format_value(lr)>{shown(lr)}</span>
                </div>
                {rows}
                {sampled.then(|| view! { <div class="readout-note">"≈ at the nearest step drawn; the CSV has every step"</div> })}
            </div>
        })
    };

    // The legend's box in CSS px (left,top,right,bottom), for tests that keep the read-out off it.
    let legend_box = move || {
        let dpr = device_pixel_ratio();
        plot.get()?
            .legend
            .map(|b| b.map(|v| format!("{:.1}", f64::from(v) / dpr)).join(","))
    };

    view! {
        <div class="chart-wrap" node_ref=wrapper>
            <canvas
                node_ref=canvas
                id="chart"
                class="chart"
                // A static page (static=1) has nothing to interact with: no read-out to move.
                tabindex=move || (!app.still()).then_some("0")
                role="img"
                aria-label=move || {
                    if app.still() {
                        "Chart of the learning rate η over training"
                    } else {
                        "Chart of the learning rate η over training; arrow keys move the read-out"
                    }
                }
                aria-describedby="chart-summary"
                on:pointermove=on_move
                on:mouseleave=move |_| cursor.set(None)
                on:keydown=on_key
                on:blur=move |_| cursor.set(None)
            ></canvas>
            <div class="readout-layer" role="status" aria-live="polite" data-legend=legend_box>{readout}</div>
            <FlagMarks plot flags />
            <p id="chart-summary" class="sr-only">{move || resolved.with(|r| r.summary(unit.get()))}</p>
        </div>
        <When when=move || app.still()>
            <FlagNotes flags />
        </When>
        <When when=move || below.get() && app.shows("formula")>
            <Formula step=formula_step />
        </When>
    }
}
