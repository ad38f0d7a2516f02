//! Web entry point: mounts the Anneal app into the page body.

fn main() {
    anneal::ui::crash::install();
    leptos::mount::mount_to_body(anneal::ui::App);
}
