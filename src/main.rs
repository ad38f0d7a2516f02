//! Web entry point: mounts the Anneal app into the page body.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(anneal::ui::App);
}
