//! Broadsheet: publish a featured article on the web.
//!
//! Data flows one way: [`source`] (fetch, adapt) → [`model`] (typed, validated, pure Rust) → `view`
//! (Leptos components), with `pages` and `app` as the single-page app's shell. The model compiles
//! without the browser: `cargo test --no-default-features`.
//!
//! Features: `views` is the component code; `csr` adds the browser entry points (the WebAssembly
//! that trunk builds: the SPA, pre-rendered pages made interactive, the widget); `ssr` renders the
//! same components to HTML natively (`tools/prerender`).

pub mod config;
pub mod gesture;
pub mod json;
pub mod language;
pub mod model;
pub mod publish;
pub mod source;
pub mod strings;

#[cfg(feature = "views")]
pub mod app;
#[cfg(feature = "views")]
pub mod locale;
#[cfg(feature = "views")]
pub mod pages;
#[cfg(feature = "views")]
pub mod view;
#[cfg(feature = "csr")]
pub mod enhance;
#[cfg(feature = "csr")]
pub mod widget;
#[cfg(feature = "ssr")]
pub mod prerender;

/// Starts the app (called by the build's `boot.js`): takes over a pre-rendered page in place, or
/// renders the single-page app into `<body>`.
#[cfg(feature = "csr")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn start_spa() {
    console_error_panic_hook::set_once();
    let config = app::config_from_document();
    if enhance::enhance_prerendered(config.clone()) {
        return;
    }
    leptos::mount::mount_to_body(move || leptos::view! { <app::App config/> });
}
