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
