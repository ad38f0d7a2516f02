//! Web entry point: mounts the Anneal app into the page body.

/// Talc in place of dlmalloc: about 2 KiB less gzip in the download and faster allocation
/// (the page is single-threaded, so the unsynchronised allocator is the right one).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    anneal::ui::crash::install();
    // The static "Loading Anneal…" line from index.html, shown while the wasm downloads.
    if let Some(line) = leptos::prelude::document().get_element_by_id("loading") {
        line.remove();
    }
    leptos::mount::mount_to_body(anneal::ui::App);
}
