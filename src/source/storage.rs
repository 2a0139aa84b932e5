//! This browser's `localStorage`, as JSON values under Broadsheet's keys. Storage can be missing
//! (private modes, blocked cookies) or full: reads then find nothing and writes report failure,
//! never a panic.

use serde::{de::DeserializeOwned, Serialize};

fn local_storage() -> Option<web_sys::Storage> {
    // Rendering natively (pre-rendered pages) there is no browser and so no storage.
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    web_sys::window()?.local_storage().ok().flatten()
}

/// The value under `key`, or `None` when absent, unreadable or of another shape.
pub fn read<T: DeserializeOwned>(key: &str) -> Option<T> {
    let text = local_storage()?.get_item(key).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

/// Stores `value` under `key`; false when the browser refused (no storage, quota exceeded).
pub fn write<T: Serialize>(key: &str, value: &T) -> bool {
    let Ok(text) = serde_json::to_string(value) else { return false };
    local_storage().is_some_and(|storage| storage.set_item(key, &text).is_ok())
}

pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}

/// Now, in Unix seconds (the browser's clock).
pub fn now_seconds() -> f64 {
    js_sys::Date::now() / 1000.0
}
