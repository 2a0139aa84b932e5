//! One comment: who, when, what, and what the reader can do with it.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::body::{body_of, CommentBody};
use super::form::{CommentForm, FormTarget};
use super::identicon::IdenticonView;
use super::relative_time::RelativeTime;
use super::thread::{fingerprint, Thread};
use crate::model::{Comment, CommentState, Origin};
use crate::source::comments::{CommentStore, Editable};
use crate::locale::{count_phrase, number};
use crate::strings::fill;

#[component]
pub fn CommentView(comment: Comment) -> AnyView {
    let thread = expect_context::<Thread>();
    let strings = thread.strings;
    let date_language = thread.language.get_value();
    let id = comment.id.clone();
    let is_top = comment.parent.is_none();
    let deleted = comment.state == CommentState::Deleted;
    let sending = comment.state == CommentState::Sending;
    // What this reader may do is in this browser's storage: read after mount, never during render.
    let (editable, set_editable) = signal(Editable::No);
    let (liked, set_liked) = signal(false);
    {
        let comment = comment.clone();
        Effect::new(move |_| {
            // Signing in or out changes what the reader may do.
            thread.account.track();
            if !sending && !deleted {
                set_editable.set(thread.store.with_value(|s| s.editable(&comment)));
                set_liked.set(thread.store.with_value(|s| s.liked(&comment.id)));
            }
        });
    }
    let (error, set_error) = signal(None::<String>);
    let (confirming, set_confirming) = signal(false);

    let author_name = comment.author.clone().unwrap_or_else(|| strings.anonymous.to_owned());
    let author = match (&comment.website, deleted) {
        (Some(website), false) => view! {
            <a class="comment-author" href=website.to_string() rel="nofollow ugc noopener noreferrer">{author_name}</a>
        }
        .into_any(),
        _ => view! { <span class="comment-author">{author_name}</span> }.into_any(),
    };
    let badges = [
        (comment.origin == Origin::ThisBrowser).then_some(strings.saved_in_this_browser),
        (comment.state == CommentState::AwaitingModeration).then_some(strings.awaiting_moderation),
        sending.then_some(strings.sending),
    ]
    .into_iter()
    .flatten()
    .map(|badge| view! { <span class="comment-badge">{badge}</span> })
    .collect_view();
    let edited = comment.modified.map(|_| view! { <span class="comment-edited">{strings.edited}</span> });

    let (rich_text, blocks) = body_of(&comment);
    let text = move || {
        if deleted {
            view! { <p class="comment-deleted">{strings.comment_deleted}</p> }.into_any()
        } else {
            view! { <CommentBody text=rich_text.clone() blocks=blocks.clone()/> }.into_any()
        }
    };
    let editing = {
        let id = id.clone();
        move || thread.editing.get().as_deref() == Some(id.as_str())
    };
    let edit_target = FormTarget::Edit {
        id: id.clone(),
        author: comment.author.clone(),
        website: comment.website.as_ref().map(ToString::to_string),
        text: comment.source.clone(),
    };
    let text_or_form = {
        let editing = editing.clone();
        move || {
            if editing() {
                view! { <CommentForm target=edit_target.clone()/> }.into_any()
            } else {
                text()
            }
        }
    };

    let run = move |work: std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), crate::source::comments::CommentError>>>>| {
        set_error.set(None);
        spawn_local(async move {
            if let Err(problem) = work.await {
                // The comment may have re-rendered meanwhile; then there is no one to tell here.
                let _ = set_error.try_set(Some(problem.explain(strings)));
            }
        });
    };

    let likes = comment.likes;
    let like = {
        let id = id.clone();
        // A pressed Like is taken back where the store can (Waline); Isso judges a second like itself.
        move |_| {
            let on = !(liked.get_untracked() && thread.store.with_value(|s| s.takes_likes_back()));
            run(Box::pin(thread.like(id.clone(), on)))
        }
    };
    let reply = {
        let id = id.clone();
        let parent = comment.parent.clone().unwrap_or_else(|| id.clone());
        move |_| thread.replying_to.set(Some(parent.clone()))
    };
    let edit = {
        let id = id.clone();
        move |_| thread.editing.set(Some(id.clone()))
    };
    let delete = {
        let id = id.clone();
        move |_| {
            set_confirming.set(false);
            run(Box::pin(thread.delete(id.clone())))
        }
    };
    let actions = (!sending && !deleted).then(|| {
        let own = move || match editable.get() {
            Editable::Yes => {
                let delete = delete.clone();
                view! {
                <button type="button" class="link-button" on:click=edit.clone()>{strings.edit}</button>
                <Show
                    when=move || confirming.get()
                    fallback=move || view! { <button type="button" class="link-button" on:click=move |_| set_confirming.set(true)>{strings.delete}</button> }
                >
                    <span class="comment-confirm" role="group" aria-label=strings.confirm_delete>
                        {strings.confirm_delete} " "
                        <button type="button" class="link-button danger" on:click=delete.clone()>{strings.delete}</button>
                        <button type="button" class="link-button" on:click=move |_| set_confirming.set(false)>{strings.cancel}</button>
                    </span>
                </Show>
                }
                .into_any()
            }
            Editable::WindowClosed => view! { <span class="comment-note">{strings.edit_window_closed}</span> }.into_any(),
            Editable::PostedSignedOut => view! { <span class="comment-note">{strings.posted_signed_out}</span> }.into_any(),
            Editable::No => ().into_any(),
        };
        view! {
            <div class="comment-actions">
                <button type="button" class="link-button" aria-pressed=move || liked.get().to_string() on:click=like>
                    {fill(strings.like, &[("count", &number(likes.into(), strings.language))])}
                </button>
                <button type="button" class="link-button" on:click=reply>{strings.reply}</button>
                {own}
            </div>
        }
    });

    let reply_form = is_top.then(|| {
        let id = id.clone();
        let name = comment.author.clone().unwrap_or_else(|| strings.anonymous.to_owned());
        move || {
            (thread.replying_to.get().as_deref() == Some(id.as_str())).then(|| {
                view! { <CommentForm target=FormTarget::Reply { parent: id.clone(), name: name.clone() }/> }
            })
        }
    });
    let replies = is_top.then(|| {
        let id = id.clone();
        view! {
            <ol class="comment-replies">
                <For each=move || thread.replies_of(&id) key=fingerprint let:reply>
                    <li><CommentView comment=reply/></li>
                </For>
            </ol>
        }
    });
    let more_replies = (comment.hidden_replies > 0).then(|| {
        let id = id.clone();
        let label = count_phrase(&strings.show_more_replies, comment.hidden_replies.into(), strings.language);
        view! { <button type="button" class="button button-quiet" on:click=move |_| thread.more_replies(id.clone())>{label}</button> }
    });

    view! {
        <article class="comment" class:comment-sending=sending id=format!("comment-{id}")>
            <header class="comment-header">
                <IdenticonView hash=comment.author_hash.clone()/>
                <div class="comment-meta">
                    {author}
                    <RelativeTime seconds=comment.created language=strings.language date_language offset_seconds=thread.offset_seconds shown=thread.shown_dates/>
                    {edited}
                    {badges}
                </div>
            </header>
            <div class="comment-text">{text_or_form}</div>
            {actions}
            {move || error.get().map(|message| view! { <p class="comment-error" role="alert">{message}</p> })}
            {reply_form}
            {replies}
            {more_replies}
        </article>
    }
    .into_any()
}
