//! Signing in to the comments server's account (Waline), for readers who want to edit and delete
//! their comments; and, signed out, why they cannot.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::thread::Thread;
use crate::strings::fill;

#[component]
pub fn AccountPanel() -> impl IntoView {
    let thread = expect_context::<Thread>();
    let strings = thread.strings;
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let form_id = format!("comments-sign-in-{}", thread.key.with_value(|key| key.replace(|c: char| !c.is_ascii_alphanumeric(), "-")));
    let email_id = format!("{form_id}-email");
    let password_id = format!("{form_id}-password");

    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (address, secret) = (email.get_untracked().trim().to_owned(), password.get_untracked());
        if address.is_empty() || secret.is_empty() {
            failure.set(Some(strings.sign_in_incomplete.to_owned()));
            return;
        }
        failure.set(None);
        busy.set(true);
        spawn_local(async move {
            let result = thread.sign_in(address, secret).await;
            let _ = busy.try_set(false);
            match result {
                // The password is not kept anywhere, not even in the form.
                Ok(()) => {
                    let _ = password.try_set(String::new());
                }
                Err(error) => {
                    let _ = failure.try_set(Some(error.explain(strings)));
                }
            }
        });
    };

    view! {
        <div class="comments-account">
            {move || match thread.account.get() {
                Some(name) => view! {
                    <p class="comments-note">
                        {fill(strings.signed_in_as, &[("name", &name)])} " "
                        <button type="button" class="link-button" on:click=move |_| thread.sign_out()>{strings.sign_out}</button>
                    </p>
                }
                .into_any(),
                None => view! {
                    <p class="comments-note">{strings.signed_out_note}</p>
                    <details class="comments-sign-in">
                        <summary>{strings.sign_in_heading}</summary>
                        <form class="comment-form" id=form_id.clone() novalidate on:submit=on_submit aria-label=strings.sign_in_heading>
                            <div class="form-row">
                                <label for=email_id.clone()>{strings.field_email}</label>
                                <input id=email_id.clone() name="email" type="email" autocomplete="username" required
                                    prop:value=move || email.get() on:input=move |e| email.set(event_target_value(&e))/>
                            </div>
                            <div class="form-row">
                                <label for=password_id.clone()>{strings.field_password}</label>
                                <input id=password_id.clone() name="password" type="password" autocomplete="current-password" required
                                    prop:value=move || password.get() on:input=move |e| password.set(event_target_value(&e))/>
                            </div>
                            <p class="field-hint">{strings.sign_in_hint}</p>
                            {move || failure.get().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
                            <div class="form-actions">
                                <button type="submit" class="button" disabled=move || busy.get()>
                                    {move || if busy.get() { strings.signing_in } else { strings.sign_in }}
                                </button>
                            </div>
                        </form>
                    </details>
                }
                .into_any(),
            }}
        </div>
    }
}
