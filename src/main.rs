//! The SPA's entry point: mount the app. Everything else lives in the library.

fn main() {
    console_error_panic_hook::set_once();
    let config = broadsheet::app::config_from_document();
    leptos::mount::mount_to_body(move || leptos::view! { <broadsheet::app::App config/> });
}
