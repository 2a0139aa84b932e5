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
pub mod chunks;
#[cfg(feature = "csr")]
pub mod enhance;
#[cfg(feature = "csr")]
pub mod widget;
#[cfg(feature = "ssr")]
pub mod prerender;

#[cfg(feature = "csr")]
mod start;
#[cfg(feature = "csr")]
pub use start::start_spa;
