//! In-browser tests: the mounted app draws its chart and follows its controls.
#![cfg(target_arch = "wasm32")]

use anneal::share::{format_value, ETA_MAX};
use anneal::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{
    CanvasRenderingContext2d, Event, EventInit, HtmlCanvasElement, HtmlElement, HtmlInputElement,
};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "browser/labels.rs"]
mod labels;
#[path = "browser/tiles.rs"]
mod tiles;

/// Resolves in the browser's next animation frame.
async fn frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .request_animation_frame(&resolve)
            .expect("frame");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("frame comes");
}

/// Lets Leptos run its effects, the app build what it stages over its first frames, and a lab
/// race finish.
async fn settle() {
    // The app builds its controls and its lab in the second and third frames after mounting
    // (half a second in a debug build): a timer alone can fire before the third, with no lab yet.
    for _ in 0..3 {
        frame().await;
    }
    leptos::task::tick().await;
    // The lab races its runs over frames: wait for a race under way too (a debug build takes
    // several times the release build's few milliseconds for it).
    for _ in 0..50 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .expect("window")
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100)
                .expect("timer");
        });
        wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .expect("timer fires");
        let racing = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("section.lab[aria-busy]").ok().flatten());
        if racing.is_none() {
            break;
        }
    }
}

fn host() -> HtmlElement {
    // The app reads its state from the address bar: start each test from a clean link.
    let window = web_sys::window().expect("window");
    let path = window.location().pathname().expect("path");
    window
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .expect("reset the link");
    let document = window.document().expect("document");
    let host: HtmlElement = document
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    host
}

fn find<T: JsCast>(root: &HtmlElement, selector: &str) -> T {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

fn pixels(canvas: &HtmlCanvasElement) -> Vec<u8> {
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .expect("context")
        .expect("2d")
        .unchecked_into();
    let (w, h) = (canvas.width() as f64, canvas.height() as f64);
    ctx.get_image_data(0.0, 0.0, w, h)
        .expect("pixels")
        .data()
        .to_vec()
}

/// Pixels that are not the white background.
fn inked(px: &[u8]) -> usize {
    px.chunks(4).filter(|p| p[..3] != [255, 255, 255]).count()
}

fn fire(input: &HtmlInputElement, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).expect("event");
    input.dispatch_event(&event).expect("dispatch");
}

#[wasm_bindgen_test]
async fn chart_draws_and_redraws_when_eta_max_slides() {
    let root = host();
    let _app = leptos::mount::mount_to(root.clone(), App);
    settle().await;

    let canvas: HtmlCanvasElement = find(&root, "canvas.chart");
    let before = pixels(&canvas);
    assert!(
        inked(&before) > 2000,
        "the chart drew axes, labels and a curve"
    );

    let slider: HtmlInputElement = find(&root, "input[type=range][name=eta_max]");
    slider.set_value("300");
    fire(&slider, "input");
    settle().await;

    let after = pixels(&canvas);
    assert!(before != after, "moving η_max changes the picture");
    let number: HtmlInputElement = find(&root, "input[type=number][name=eta_max]");
    assert_eq!(number.value(), format_value(ETA_MAX.from_position(300.0)));
}

#[wasm_bindgen_test]
async fn typed_value_moves_the_slider_and_out_of_range_is_clamped_with_a_message() {
    let root = host();
    let _app = leptos::mount::mount_to(root.clone(), App);
    settle().await;

    let number: HtmlInputElement = find(&root, "input[type=number][name=t_max]");
    let slider: HtmlInputElement = find(&root, "input[type=range][name=t_max]");
    let start = slider.value();
    number.set_value("5000");
    fire(&number, "input");
    settle().await;
    assert_ne!(slider.value(), start, "the slider follows typing");

    number.set_value("0");
    fire(&number, "change");
    settle().await;
    assert_eq!(number.value(), "1");
    let notice: HtmlElement = find(&root, ".notice");
    let text = notice.text_content().unwrap_or_default();
    assert!(
        text.contains("T_max / T_0 (cycle length) must be between 1 and"),
        "notice says why: {text}"
    );
}

#[wasm_bindgen_test]
async fn keyboard_read_out_shows_the_cores_value_for_that_step() {
    let root = host();
    let _app = leptos::mount::mount_to(root.clone(), App);
    settle().await;
    let canvas: HtmlElement = find(&root, "canvas.chart");
    canvas.focus().expect("focusable");
    for _ in 0..3 {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("ArrowRight");
        init.set_bubbles(true);
        let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init)
            .expect("event");
        canvas.dispatch_event(&ev).expect("dispatch");
    }
    settle().await;
    // The default horizon is 120 steps, so an arrow moves the read-out one step.
    let step: HtmlElement = find(&root, ".readout-step");
    assert_eq!(step.text_content().as_deref(), Some("step 3"));
    let lr: HtmlElement = find(&root, ".readout-lr");
    // The text reads at 6 significant digits; the exact value is one hover away.
    let exact = anneal::schedule::Anneal::default().lr(3.0);
    assert_eq!(lr.text_content(), Some(anneal::format::shown(exact)));
    assert_eq!(lr.get_attribute("data-exact"), Some(format_value(exact)));
}

#[wasm_bindgen_test]
async fn a_preset_sets_the_controls() {
    let root = host();
    let _app = leptos::mount::mount_to(root.clone(), App);
    settle().await;
    let preset: web_sys::HtmlSelectElement = find(&root, "select[name=preset]");
    preset.set_value("sgdr");
    let init = EventInit::new();
    init.set_bubbles(true);
    preset
        .dispatch_event(&Event::new_with_event_init_dict("change", &init).expect("event"))
        .expect("dispatch");
    settle().await;
    let t_max: HtmlInputElement = find(&root, "input[type=number][name=t_max]");
    assert_eq!(t_max.value(), "10");
    let restarts: HtmlInputElement = find(&root, "input[name=restarts]");
    assert!(restarts.checked());
    let t_mult: HtmlInputElement = find(&root, "input[type=range][name=t_mult]");
    assert!(
        !t_mult.disabled(),
        "restart controls are enabled with restarts on"
    );
}

#[wasm_bindgen_test]
async fn pinning_adds_a_legend_curve_and_compare_lists_five_frameworks() {
    let root = host();
    let _app = leptos::mount::mount_to(root.clone(), App);
    settle().await;
    let canvas: HtmlCanvasElement = find(&root, "canvas.chart");
    let before = pixels(&canvas);
    let pin: HtmlElement = find(&root, "button[name=pin]");
    pin.click();
    let slider: HtmlInputElement = find(&root, "input[type=range][name=t_max]");
    slider.set_value("250");
    fire(&slider, "input");
    settle().await;
    assert_eq!(root.query_selector_all(".pin").expect("query").length(), 1);
    assert!(
        pixels(&canvas) != before,
        "pinned and current curves differ"
    );

    let compare: HtmlInputElement = find(&root, "input[name=compare]");
    compare.set_checked(true);
    fire(&compare, "change");
    settle().await;
    let rows = root
        .query_selector_all("table.frameworks tbody tr")
        .expect("query");
    assert_eq!(rows.length(), 5);
    let table: HtmlElement = find(&root, "table.frameworks");
    let text = table.text_content().unwrap_or_default();
    for name in ["PyTorch", "timm", "Hugging Face", "optax", "Keras"] {
        assert!(text.contains(name), "{name} listed");
    }
}

#[wasm_bindgen_test]
async fn every_enabled_slider_changes_the_chart() {
    let root = host();
    let _app = leptos::mount::mount_to(root.clone(), App);
    settle().await;
    // Turn on what the other controls depend on, so none of them is disabled.
    for name in ["restarts", "eta_min_rel"] {
        let toggle: HtmlInputElement = find(&root, &format!("input[name={name}]"));
        toggle.set_checked(true);
        fire(&toggle, "change");
    }
    let unit: web_sys::HtmlSelectElement = find(&root, "select[name=unit]");
    unit.set_value("epochs");
    let init = EventInit::new();
    init.set_bubbles(true);
    unit.dispatch_event(&Event::new_with_event_init_dict("change", &init).expect("event"))
        .expect("dispatch");
    let warmup: HtmlInputElement = find(&root, "input[type=number][name=warmup]");
    warmup.set_value("5");
    fire(&warmup, "input");
    settle().await;

    let canvas: HtmlCanvasElement = find(&root, "canvas.chart");
    let sliders = root
        .query_selector_all("section.controls input[type=range]")
        .expect("query");
    let mut moved = 0;
    for i in 0..sliders.length() {
        let slider: HtmlInputElement = sliders.item(i).expect("slider").unchecked_into();
        if slider.disabled() {
            continue;
        }
        // Some positions legitimately draw the same picture (a cycle limit beyond the cycles
        // shown), so try a few; one of them must change the chart. With every length in
        // epochs the training setup's sliders only rescale the steps behind the epoch axis,
        // so for them the step counts must change instead.
        let in_setup = slider.closest("fieldset.training").ok().flatten().is_some();
        let seen = || {
            if in_setup {
                find::<HtmlElement>(&root, "ul.step-counts")
                    .text_content()
                    .unwrap_or_default()
                    .into_bytes()
            } else {
                pixels(&canvas)
            }
        };
        let before = seen();
        let start = slider.value().parse::<f64>().unwrap_or(0.0);
        let mut changed = false;
        for next in [(start + 137.0) % 1000.0, 20.0, 700.0] {
            slider.set_value(&next.to_string());
            fire(&slider, "input");
            settle().await;
            if seen() != before {
                changed = true;
                break;
            }
        }
        assert!(changed, "{} changed what it drives", slider.name());
        moved += 1;
    }
    assert!(moved >= 12, "{moved} sliders tried");
}

/// Moves `slider` to a few positions until `canvas` changes; false if none did.
async fn changes(slider: &HtmlInputElement, canvas: &HtmlCanvasElement) -> bool {
    let before = pixels(canvas);
    let start = slider.value().parse::<f64>().unwrap_or(0.0);
    for next in [(start + 137.0) % 1000.0, 20.0, 700.0] {
        slider.set_value(&next.to_string());
        fire(slider, "input");
        settle().await;
        if pixels(canvas) != before {
            return true;
        }
    }
    false
}

#[wasm_bindgen_test]
async fn every_enabled_lab_slider_changes_the_paths() {
    let root = host();
    let _app = leptos::mount::mount_to(root.clone(), App);
    settle().await;
    let paths: HtmlCanvasElement = find(&root, "canvas.surface-paths");
    let mut moved = Vec::new();
    for rule in ["momentum", "adam"] {
        let opt: web_sys::HtmlSelectElement = find(&root, "select[name=opt]");
        opt.set_value(rule);
        let init = EventInit::new();
        init.set_bubbles(true);
        opt.dispatch_event(&Event::new_with_event_init_dict("change", &init).expect("event"))
            .expect("dispatch");
        settle().await;
        let sliders = root
            .query_selector_all("section.lab input[type=range]")
            .expect("query");
        for i in 0..sliders.length() {
            let slider: HtmlInputElement = sliders.item(i).expect("slider").unchecked_into();
            if slider.disabled() {
                continue;
            }
            assert!(
                changes(&slider, &paths).await,
                "{} changed the paths ({rule})",
                slider.name()
            );
            moved.push(slider.name());
        }
    }
    for name in [
        "x0", "y0", "noise", "seed", "beta", "beta1", "beta2", "eps", "lab_t",
    ] {
        assert!(
            moved.iter().any(|m| m == name),
            "{name} was tried: {moved:?}"
        );
    }
}

#[wasm_bindgen_test]
async fn a_panic_shows_the_crash_overlay_with_the_link_and_the_message_as_text() {
    let _root = host();
    let document = web_sys::window()
        .expect("window")
        .document()
        .expect("document");
    anneal::ui::crash::show("boom <img src=x onerror=alert(1)>");
    let overlay: HtmlElement = document
        .get_element_by_id("crash")
        .expect("overlay shown")
        .unchecked_into();
    let text = overlay.text_content().unwrap_or_default();
    assert!(text.contains("Something went wrong"));
    assert!(
        text.contains("boom <img src=x onerror=alert(1)>"),
        "the message is text"
    );
    assert!(
        overlay.query_selector("img").expect("query").is_none(),
        "no markup made"
    );
    let link: HtmlInputElement = overlay
        .query_selector("input[name=crash_link]")
        .expect("query")
        .expect("link field")
        .unchecked_into();
    assert_eq!(
        link.value(),
        web_sys::window()
            .expect("window")
            .location()
            .href()
            .expect("href")
    );
    overlay.remove();
}
