//! Web entry point: mounts the Anneal app into the page body.

fn main() {
    anneal::ui::crash::install();
    // The static "Loading Anneal…" line from index.html, shown while the wasm downloads.
    if let Some(line) = leptos::prelude::document().get_element_by_id("loading") {
        line.remove();
    }
    leptos::mount::mount_to_body(anneal::ui::App);
}
