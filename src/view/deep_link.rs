//! The lightbox's `#image-<n>` deep link in the address bar. Called from event handlers and effects
//! only (never during render). History entries carry a marker so that only our own entries are
//! treated as the lightbox's.

use wasm_bindgen::JsValue;

const MARKER: &str = "broadsheetLightbox";

fn history() -> Option<web_sys::History> {
    web_sys::window()?.history().ok()
}

/// The address's `#fragment` (with the `#`), or "".
pub fn current_hash() -> String {
    web_sys::window().and_then(|window| window.location().hash().ok()).unwrap_or_default()
}

fn marked_state() -> JsValue {
    let state = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&state, &MARKER.into(), &JsValue::TRUE);
    state.into()
}

/// Adds a history entry for the open lightbox, so the browser's Back button closes it.
pub fn push(hash: &str) {
    if let Some(history) = history() {
        let _ = history.push_state_with_url(&marked_state(), "", Some(hash));
    }
}

/// Changes the current entry's fragment (moving between images adds no entries).
pub fn replace(hash: &str) {
    if let Some(history) = history() {
        let _ = history.replace_state_with_url(&marked_state(), "", Some(hash));
    }
}

/// Removes our fragment from the current entry without a new one (the lightbox was opened by a
/// deep link, so there is no entry of ours to go back from).
pub fn clear() {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else { return };
    if let Some(history) = history() {
        // Keep whatever state the page (a widget's host) keeps in this entry.
        let state = history.state().unwrap_or(JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&format!("{path}{search}")));
    }
}

/// Leaves the lightbox's entry, as the Back button would.
pub fn back() {
    if let Some(history) = history() {
        let _ = history.back();
    }
}
