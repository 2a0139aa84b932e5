//! The browser's `Intl` formatters, reached without trapping: js-sys's constructors throw (and so
//! abort the module) on a language tag or option the browser refuses, `Reflect.construct` returns
//! the error instead. They touch no DOM, so views may call them while rendering.
//!
//! Formatters are kept once made: constructing one loads locale data (the page's first took
//! ~16 ms in Chromium here), and a thread of comments asks for the same one for every comment.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// Made formatters (and refusals) by what was asked: kind, languages, options.
    static MADE: RefCell<HashMap<String, Option<JsValue>>> = RefCell::new(HashMap::new());
}

/// `new Intl[kind](language, options)`, trying each language in turn; the first the browser accepts.
pub fn formatter(kind: &str, languages: &[&str], options: &[(&str, &str)]) -> Option<JsValue> {
    let mut key = format!("{kind}|{}|", languages.join(","));
    for (name, value) in options {
        key.push_str(&format!("{name}={value};"));
    }
    if let Some(made) = MADE.with_borrow(|made| made.get(&key).cloned()) {
        return made;
    }
    let made = construct(kind, languages, options);
    MADE.with_borrow_mut(|all| all.insert(key, made.clone()));
    made
}

fn construct(kind: &str, languages: &[&str], options: &[(&str, &str)]) -> Option<JsValue> {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: Function = Reflect::get(&intl, &kind.into()).ok()?.dyn_into().ok()?;
    let settings = Object::new();
    for (name, value) in options {
        Reflect::set(&settings, &(*name).into(), &(*value).into()).ok()?;
    }
    languages
        .iter()
        .find_map(|language| Reflect::construct(&constructor, &Array::of2(&(*language).into(), &settings)).ok())
}

/// `formatter.format(...arguments)` as text.
pub fn format(formatter: &JsValue, arguments: &[JsValue]) -> Option<String> {
    call(formatter, "format", arguments)
}

/// `formatter[method](...arguments)` as text (`format`, or `select` for `PluralRules`).
pub fn call(formatter: &JsValue, method: &str, arguments: &[JsValue]) -> Option<String> {
    let function: Function = Reflect::get(formatter, &method.into()).ok()?.dyn_into().ok()?;
    let arguments: Array = arguments.iter().collect();
    function.apply(formatter, &arguments).ok()?.as_string()
}
