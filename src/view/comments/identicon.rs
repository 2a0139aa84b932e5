//! The poster's identicon as inline SVG, drawn from their hash (no request leaves the page).

use leptos::prelude::*;

use crate::model::Identicon;

#[component]
pub fn IdenticonView(#[prop(into)] hash: String) -> impl IntoView {
    let icon = Identicon::from_hash(&hash);
    let fill = format!("hsl({} 55% 45%)", icon.hue);
    view! {
        <svg class="identicon" viewBox="-0.5 -0.5 6 6" width="36" height="36" aria-hidden="true" focusable="false" fill=fill>
            <path d=icon.path()/>
        </svg>
    }
}
