//! The comment form: new comment, reply or edit. Its draft is saved in this browser as the reader
//! types and is cleared only when the store has accepted the comment.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::thread::Thread;
use crate::model::{CommentDraft, Field, FieldProblem, TEXT_MAX, TEXT_MIN};
use crate::locale::number;
use crate::source::storage;
use crate::strings::{fill, Strings};
use crate::view::RichTextView;

/// What a reader typed into a pre-rendered page's comment form before the app took it over: the
/// new-comment form starts from it (and saves it as its draft at once).
#[derive(Clone, Default)]
pub struct CarriedDraft(pub CommentDraft);

/// What the form is for.
#[derive(Clone, PartialEq)]
pub enum FormTarget {
    New,
    Reply { parent: String, name: String },
    Edit { id: String, author: Option<String>, website: Option<String>, text: String },
}

impl FormTarget {
    /// Names the form's draft and its element ids.
    fn slot(&self) -> String {
        match self {
            FormTarget::New => "new".into(),
            FormTarget::Reply { parent, .. } => format!("reply-{parent}"),
            FormTarget::Edit { id, .. } => format!("edit-{id}"),
        }
    }

    fn starting_draft(&self) -> CommentDraft {
        match self {
            FormTarget::Edit { author, website, text, .. } => CommentDraft {
                name: author.clone().unwrap_or_default(),
                website: website.clone().unwrap_or_default(),
                text: text.clone(),
                ..CommentDraft::default()
            },
            _ => CommentDraft::default(),
        }
    }
}

fn problem_text(strings: &Strings, problem: FieldProblem) -> String {
    match problem {
        FieldProblem::Required => strings.problem_required.to_owned(),
        FieldProblem::TooShort => fill(strings.problem_too_short, &[("min", &number(TEXT_MIN as u64, strings.language))]),
        FieldProblem::TooLong => fill(strings.problem_too_long, &[("max", &number(TEXT_MAX as u64, strings.language))]),
        FieldProblem::NotAnEmail => strings.problem_email.to_owned(),
        FieldProblem::NotAWebsite => strings.problem_website.to_owned(),
    }
}

#[component]
pub fn CommentForm(target: FormTarget) -> impl IntoView {
    let thread = expect_context::<Thread>();
    let strings = thread.strings;
    let slot = target.slot();
    let form_id = StoredValue::new(format!("comment-form-{slot}"));
    let draft_key = StoredValue::new(format!("broadsheet:draft:{}:{slot}", thread.key.get_value()));
    let draft = RwSignal::new(target.starting_draft());
    let carried = (target == FormTarget::New).then(|| use_context::<CarriedDraft>()).flatten().map(|c| c.0);
    // The saved draft is read after mount: storage is a browser API. What a reader typed into the
    // page before the app took it over is newer than any saved draft.
    Effect::new(move |_| match carried.clone().filter(|typed| !typed.is_empty()) {
        Some(typed) => {
            draft.set(typed.clone());
            draft_key.with_value(|key| storage::write(key, &typed));
        }
        None => {
            if let Some(saved) = draft_key.with_value(|key| storage::read::<CommentDraft>(key)) {
                draft.set(saved);
            }
        }
    });
    let problems = RwSignal::new(Vec::<(Field, FieldProblem)>::new());
    let failure = RwSignal::new(None::<String>);
    let sending = RwSignal::new(false);
    let honeypot = RwSignal::new(String::new());
    let text_ref = NodeRef::<html::Textarea>::new();
    let name_ref = NodeRef::<html::Input>::new();
    let email_ref = NodeRef::<html::Input>::new();
    let website_ref = NodeRef::<html::Input>::new();
    // A reply or an edit opens where the reader asked for it: the focus goes to its text, so that
    // they can type at once, and a keyboard reader sees where they are. (The new-comment form is
    // part of the page and takes the focus only when the reader gives it.)
    if target != FormTarget::New {
        Effect::new(move |_| {
            if let Some(text) = text_ref.get() {
                let _ = text.focus();
            }
        });
    }

    let save = move || {
        let current = draft.get_untracked();
        draft_key.with_value(|key| {
            if current.is_empty() {
                storage::remove(key);
            } else {
                storage::write(key, &current);
            }
        });
    };
    let field = move |change: fn(&mut CommentDraft, String)| {
        move |event: leptos::ev::Event| {
            let value = event_target_value(&event);
            draft.update(|d| change(d, value));
            save();
        }
    };
    let problem_of = move |f: Field| move || problems.with(|all| all.iter().find(|(p, _)| *p == f).map(|(_, problem)| *problem));
    let error_id = move |f: Field| form_id.with_value(|id| format!("{id}-{f:?}-error").to_lowercase());
    let field_id = move |f: Field| form_id.with_value(|id| format!("{id}-{f:?}").to_lowercase());

    let close = {
        let target = target.clone();
        move || match target {
            FormTarget::New => {}
            FormTarget::Reply { .. } => thread.replying_to.set(None),
            FormTarget::Edit { .. } => thread.editing.set(None),
        }
    };
    let on_submit = {
        let target = target.clone();
        let close = close.clone();
        move |event: SubmitEvent| {
            event.prevent_default();
            if sending.get_untracked() {
                return;
            }
            // Bots fill every field; people never see this one. Pretend all is well, send nothing.
            if !honeypot.get_untracked().is_empty() {
                draft.set(CommentDraft::default());
                draft_key.with_value(|key| storage::remove(key));
                return;
            }
            let new = match draft.get_untracked().validate() {
                Ok(new) => new,
                Err(found) => {
                    let first = found[0].0;
                    problems.set(found);
                    let focused = match first {
                        Field::Comment => text_ref.get().map(|e| e.focus()),
                        Field::Name => name_ref.get().map(|e| e.focus()),
                        Field::Email => email_ref.get().map(|e| e.focus()),
                        Field::Website => website_ref.get().map(|e| e.focus()),
                    };
                    let _ = focused;
                    return;
                }
            };
            problems.set(Vec::new());
            failure.set(None);
            sending.set(true);
            let target = target.clone();
            let close = close.clone();
            spawn_local(async move {
                let result = match target {
                    FormTarget::New => thread.post(None, new).await,
                    FormTarget::Reply { parent, .. } => thread.post(Some(parent), new).await,
                    FormTarget::Edit { id, .. } => thread.edit(id, new).await,
                };
                let _ = sending.try_set(false);
                match result {
                    Ok(()) => {
                        // The form may be gone by now (its widget removed); its draft still goes.
                        let _ = draft_key.try_with_value(|key| storage::remove(key));
                        let keep_identity = draft.try_get_untracked().unwrap_or_default();
                        let _ = draft.try_set(CommentDraft { text: String::new(), ..keep_identity });
                        close();
                    }
                    Err(error) => {
                        let _ = failure.try_set(Some(format!("{} {}", error.explain(strings), strings.draft_kept)));
                    }
                }
            });
        }
    };

    let is_edit = matches!(target, FormTarget::Edit { .. });
    let heading = match &target {
        FormTarget::Reply { name, .. } => Some(fill(strings.replying_to, &[("name", name)])),
        _ => None,
    };
    let submit_label = if is_edit { strings.save_edit } else { strings.post_comment };
    let cancel = (!matches!(target, FormTarget::New)).then(|| {
        let close = close.clone();
        view! { <button type="button" class="link-button" on:click=move |_| close()>{strings.cancel}</button> }
    });
    let error_view = move |f: Field| {
        let id = error_id(f);
        let problem = problem_of(f);
        move || problem().map(|p| view! { <p class="field-error" id=id.clone() role="alert">{problem_text(strings, p)}</p> })
    };
    let described = move |f: Field, hint: Option<String>| {
        let id = error_id(f);
        let problem = problem_of(f);
        move || {
            let mut ids: Vec<String> = hint.iter().cloned().collect();
            if problem().is_some() {
                ids.push(id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move |f: Field| {
        let problem = problem_of(f);
        move || problem().is_some().then_some("true")
    };
    let comment_hint_id = form_id.with_value(|id| format!("{id}-comment-hint"));
    let email_hint_id = form_id.with_value(|id| format!("{id}-email-hint"));
    let form_label = heading.clone().unwrap_or_else(|| submit_label.to_owned());
    let count = move || draft.with(|d| d.text.trim().chars().count());

    let identity = view! {
        <div class="form-row">
            <label for=field_id(Field::Name)>{strings.field_name} " " <span class="optional">{strings.optional}</span></label>
            <input node_ref=name_ref id=field_id(Field::Name) name="name" type="text" autocomplete="name" maxlength="200"
                prop:value=move || draft.with(|d| d.name.clone())
                aria-invalid=invalid(Field::Name) aria-describedby=described(Field::Name, None)
                on:input=field(|d, v| d.name = v)/>
            {error_view(Field::Name)}
        </div>
        <Show when=move || !is_edit>
            <div class="form-row">
                <label for=field_id(Field::Email)>{strings.field_email} " " <span class="optional">{strings.optional}</span></label>
                <input node_ref=email_ref id=field_id(Field::Email) name="email" type="email" autocomplete="email" maxlength="254"
                    prop:value=move || draft.with(|d| d.email.clone())
                    aria-invalid=invalid(Field::Email) aria-describedby=described(Field::Email, Some(email_hint_id.clone()))
                    on:input=field(|d, v| d.email = v)/>
                <p class="field-hint" id=email_hint_id.clone()>{strings.email_hint}</p>
                {error_view(Field::Email)}
            </div>
        </Show>
        <div class="form-row">
            <label for=field_id(Field::Website)>{strings.field_website} " " <span class="optional">{strings.optional}</span></label>
            <input node_ref=website_ref id=field_id(Field::Website) name="website" type="url" inputmode="url" autocomplete="url" maxlength="254"
                prop:value=move || draft.with(|d| d.website.clone())
                aria-invalid=invalid(Field::Website) aria-describedby=described(Field::Website, None)
                on:input=field(|d, v| d.website = v)/>
            {error_view(Field::Website)}
        </div>
    };

    // A pre-rendered page's form (written natively) works before the app has started, in part:
    // what a reader types is kept (boot.js saves it under the form's `data-draft-key`), and it
    // says so; it cannot post, and never submits anywhere by itself (its button is disabled).
    // boot.js shows the "getting ready" note when it runs (without JavaScript the section's
    // <noscript> note says why the form cannot post), and swaps it for `form_unavailable` if the
    // app cannot be loaded at all.
    let prerendered = cfg!(feature = "ssr");
    let static_key = prerendered.then(|| draft_key.get_value());
    let static_notes = prerendered.then(|| {
        view! {
            <p class="form-note" data-getting-ready="" hidden=true role="status">{strings.form_getting_ready}</p>
            <p class="form-error" data-unavailable="" hidden=true role="alert">{strings.form_unavailable}</p>
        }
    });
    view! {
        <form class="comment-form" id=form_id.get_value() novalidate on:submit=on_submit aria-label=form_label data-draft-key=static_key>
            {heading.map(|h| view! { <p class="comment-form-heading">{h}</p> })}
            <div class="form-row">
                <label for=field_id(Field::Comment)>{strings.field_comment}</label>
                <textarea node_ref=text_ref id=field_id(Field::Comment) name="comment" rows="5" required
                    prop:value=move || draft.with(|d| d.text.clone())
                    aria-invalid=invalid(Field::Comment)
                    aria-describedby=described(Field::Comment, Some(comment_hint_id.clone()))
                    on:input=field(|d, v| d.text = v)></textarea>
                <p class="field-hint" id=comment_hint_id.clone()>
                    {move || {
                        let n = |value: usize| number(value as u64, strings.language);
                        fill(strings.comment_hint, &[("min", &n(TEXT_MIN)), ("max", &n(TEXT_MAX)), ("count", &n(count()))])
                    }}
                </p>
                {error_view(Field::Comment)}
            </div>
            // Signed in to the comments server, the account's name and website are used instead.
            <div class="form-identity" hidden=move || thread.account.get().is_some()>{identity}</div>
            <div class="honeypot" aria-hidden="true">
                <label>{strings.honeypot_label} <input type="text" name="homepage" tabindex="-1" autocomplete="off"
                    on:input=move |event| honeypot.set(event_target_value(&event))/></label>
            </div>
            <details class="comment-preview">
                <summary>{strings.preview}</summary>
                <div class="comment-preview-text">
                    {move || {
                        let text = draft.with(|d| d.text.clone());
                        if text.trim().is_empty() {
                            view! { <p class="field-hint">{strings.preview_empty}</p> }.into_any()
                        } else {
                            view! { <p><RichTextView text=crate::model::RichText::parse(&text)/></p> }.into_any()
                        }
                    }}
                </div>
            </details>
            {move || failure.get().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
            <div class="form-actions">
                <button type="submit" class="button" disabled=move || sending.get() || prerendered>
                    {move || if sending.get() { strings.posting } else { submit_label }}
                </button>
                {cancel}
            </div>
            {static_notes}
        </form>
    }
}
