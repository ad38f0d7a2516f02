//! If Anneal ever panics, the page says so instead of going dead: an overlay with the state's
//! link, a reload link and the details to report. Built with plain DOM calls (the reactive
//! runtime may be what broke) and text only, never markup.

use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement, HtmlInputElement};

fn element(doc: &Document, tag: &str, text: Option<&str>) -> Option<HtmlElement> {
    let e: HtmlElement = doc.create_element(tag).ok()?.dyn_into().ok()?;
    if let Some(t) = text {
        e.set_text_content(Some(t));
    }
    Some(e)
}

/// Shows the crash overlay with `detail` (the panic message) as text.
pub fn show(detail: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.get_element_by_id("crash").is_some() {
        return;
    }
    let link = doc
        .location()
        .and_then(|l| l.href().ok())
        .unwrap_or_default();
    let build = || -> Option<HtmlElement> {
        let overlay = element(&doc, "div", None)?;
        overlay.set_id("crash");
        overlay.set_attribute("role", "alertdialog").ok()?;
        overlay
            .set_attribute("aria-labelledby", "crash-title")
            .ok()?;
        let panel = element(&doc, "div", None)?;
        panel.set_class_name("crash-panel");
        let title = element(&doc, "h2", Some("Something went wrong"))?;
        title.set_id("crash-title");
        let text = "Anneal stopped after an internal error. Your settings are in this link: \
                    reload to carry on, or report it with the details below.";
        let field: HtmlInputElement = doc.create_element("input").ok()?.dyn_into().ok()?;
        field.set_read_only(true);
        field.set_value(&link);
        field
            .set_attribute("aria-label", "Link to your state")
            .ok()?;
        field.set_attribute("name", "crash_link").ok()?;
        let reload = element(&doc, "a", Some("Reload"))?;
        reload.set_attribute("href", &link).ok()?;
        reload.set_class_name("crash-reload");
        let details = element(&doc, "pre", Some(detail))?;
        for child in [
            title.unchecked_ref::<web_sys::Node>(),
            element(&doc, "p", Some(text))?.unchecked_ref(),
            field.unchecked_ref(),
            reload.unchecked_ref(),
            details.unchecked_ref(),
        ] {
            panel.append_child(child).ok()?;
        }
        overlay.append_child(&panel).ok()?;
        doc.body()?.append_child(&overlay).ok()?;
        Some(overlay)
    };
    let _ = build();
}

/// Routes panics to the console (with the Rust message) and to [`show`].
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}
