//! Broadsheet: publish a featured article on the web.
//!
//! Data flows one way: [`source`] (fetch, adapt) → [`model`] (typed, validated, pure Rust) → `view`
//! (Leptos components), with `pages` and `app` as the single-page app's shell. The model compiles
//! without the browser: `cargo test --no-default-features`.

pub mod config;
pub mod gesture;
pub mod model;
pub mod source;
pub mod strings;

#[cfg(feature = "csr")]
pub mod app;
#[cfg(feature = "csr")]
pub mod pages;
#[cfg(feature = "csr")]
pub mod view;
#[cfg(feature = "csr")]
pub mod widget;

/// Starts the single-page app on the page's `<body>` (called by the build's `boot.js`).
#[cfg(feature = "csr")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn start_spa() {
    console_error_panic_hook::set_once();
    let config = app::config_from_document();
    leptos::mount::mount_to_body(move || leptos::view! { <app::App config/> });
}
