//! The thread's state and the section that shows it.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::account::AccountPanel;
use super::comment::CommentView;
use super::form::{CommentForm, FormTarget};
use crate::model::{Comment, CommentState, NewComment, Origin, SortOrder, ThreadPage};
use crate::source::comments::{AnyStore, CommentError, CommentStore};
use crate::locale::count_phrase;
use crate::strings::Strings;

/// The thread as the page was built with it (a pre-rendered page's static thread file), shown at
/// once and then refreshed from the store; and the dates that page shows, one `datetime\ttext` a
/// line, which the live thread keeps: were the browser's CLDR to word a date a little differently
/// (a space for a narrow space), the reader sees no change.
#[derive(Clone, Default)]
pub struct InitialThread(pub Option<ThreadPage>, pub String);

/// Loading the thread, or why it could not be.
#[derive(Clone, PartialEq)]
enum Status {
    Loading,
    Ready,
    Failed(CommentError),
}

/// The thread as shown, shared by every comment and form in the section. `Copy`.
#[derive(Clone, Copy)]
pub(super) struct Thread {
    pub store: StoredValue<AnyStore>,
    pub strings: &'static Strings,
    /// Names drafts in this browser's storage: one per thread and form.
    pub key: StoredValue<String>,
    /// The language tag comment dates are written in (the article's, unless the interface's is forced).
    pub language: StoredValue<String>,
    /// The article's time zone, for comment dates.
    pub offset_seconds: i32,
    /// Dates as the pre-rendered page wrote them (see [`InitialThread`]).
    pub shown_dates: StoredValue<String>,
    comments: RwSignal<Vec<Comment>>,
    total: RwSignal<u32>,
    hidden: RwSignal<u32>,
    sort: RwSignal<SortOrder>,
    status: RwSignal<Status>,
    /// The comment whose reply form is open.
    pub replying_to: RwSignal<Option<String>>,
    /// The comment being edited.
    pub editing: RwSignal<Option<String>>,
    /// The account this reader is signed in to on the comments server (Waline), by name. Read
    /// after mount (session storage); what the reader may change follows it.
    pub account: RwSignal<Option<String>>,
    next_temporary_id: StoredValue<u32>,
    /// Comments this reader posted since the page opened: an answer to a load that started
    /// before them must not make them vanish.
    posted: StoredValue<Vec<String>>,
}

impl Thread {
    fn new(store: AnyStore, strings: &'static Strings, key: String, language: String, offset_seconds: i32) -> Thread {
        Thread {
            store: StoredValue::new(store),
            strings,
            key: StoredValue::new(key),
            language: StoredValue::new(language),
            offset_seconds,
            shown_dates: StoredValue::new(String::new()),
            comments: RwSignal::new(Vec::new()),
            total: RwSignal::new(0),
            hidden: RwSignal::new(0),
            sort: RwSignal::new(SortOrder::default()),
            status: RwSignal::new(Status::Loading),
            replying_to: RwSignal::new(None),
            editing: RwSignal::new(None),
            account: RwSignal::new(None),
            next_temporary_id: StoredValue::new(0),
            posted: StoredValue::new(Vec::new()),
        }
    }

    fn store(&self) -> AnyStore {
        self.store.get_value()
    }

    /// False once the section is gone (its widget removed, its page left): answers that arrive
    /// afterwards have nowhere to go.
    fn alive(&self) -> bool {
        self.comments.try_with_untracked(|_| ()).is_some() && self.posted.try_with_value(|_| ()).is_some()
    }

    /// (Re)loads the first page in the current order. What is shown stays until the answer comes.
    fn reload(self) {
        if self.status.get_untracked() != Status::Ready {
            self.status.set(Status::Loading);
        }
        spawn_local(async move {
            let answer = self.store().load(self.sort.get_untracked(), 0).await;
            if !self.alive() {
                return;
            }
            match answer {
                Ok(mut page) => {
                    self.carry_over_own(&mut page.comments);
                    self.comments.set(page.comments);
                    self.total.set(page.total);
                    self.hidden.set(page.hidden);
                    self.status.set(Status::Ready);
                }
                Err(error) => self.status.set(Status::Failed(error)),
            }
        });
    }

    /// Keeps what this reader is posting or has posted since the page opened, when a load answer
    /// that predates it arrives (the server's list will include it on the next load).
    fn carry_over_own(&self, loaded: &mut Vec<Comment>) {
        let posted = self.posted.get_value();
        let ours = |c: &Comment| c.state == CommentState::Sending || posted.contains(&c.id);
        self.comments.with_untracked(|current| {
            for comment in current {
                match loaded.iter_mut().find(|l| l.id == comment.id) {
                    Some(same) => {
                        for reply in comment.replies.iter().filter(|r| ours(r)) {
                            if !same.replies.iter().any(|r| r.id == reply.id) {
                                same.replies.push(reply.clone());
                            }
                        }
                    }
                    None if ours(comment) => loaded.push(comment.clone()),
                    None => {}
                }
            }
        });
    }

    fn load_more(self) {
        let offset = self.comments.with_untracked(|c| c.iter().filter(|c| c.origin == Origin::Shared).count()) as u32;
        spawn_local(async move {
            let answer = self.store().load(self.sort.get_untracked(), offset).await;
            if !self.alive() {
                return;
            }
            match answer {
                Ok(page) => {
                    self.comments.update(|comments| {
                        for comment in page.comments {
                            if !comments.iter().any(|c| c.id == comment.id) {
                                comments.push(comment);
                            }
                        }
                    });
                    self.hidden.set(page.hidden);
                }
                Err(error) => self.status.set(Status::Failed(error)),
            }
        });
    }

    pub fn more_replies(self, parent: String) {
        let shown = self.find(&parent, |c| c.replies.len()).unwrap_or(0) as u32;
        spawn_local(async move {
            let answer = self.store().load_replies(&parent, shown).await;
            if !self.alive() {
                return;
            }
            if let Ok((replies, remaining)) = answer {
                self.update(&parent, |comment| {
                    for reply in replies {
                        if !comment.replies.iter().any(|r| r.id == reply.id) {
                            comment.replies.push(reply);
                        }
                    }
                    comment.hidden_replies = remaining;
                });
            }
        });
    }

    /// The replies of `parent` as shown now (tracked).
    pub fn replies_of(&self, parent: &str) -> Vec<Comment> {
        self.comments.with(|comments| comments.iter().find(|c| c.id == parent).map(|c| c.replies.clone()).unwrap_or_default())
    }

    fn find<T>(&self, id: &str, read: impl FnOnce(&Comment) -> T) -> Option<T> {
        self.comments.with_untracked(|comments| {
            comments.iter().flat_map(|c| std::iter::once(c).chain(c.replies.iter())).find(|c| c.id == id).map(read)
        })
    }

    /// Changes the comment `id`, top-level or reply, in place.
    fn update(&self, id: &str, change: impl FnOnce(&mut Comment)) {
        self.comments.update(|comments| {
            let found = comments.iter_mut().find_map(|top| {
                if top.id == id {
                    Some(top)
                } else {
                    top.replies.iter_mut().find(|reply| reply.id == id)
                }
            });
            if let Some(comment) = found {
                change(comment);
            }
        });
    }

    /// Shows `new` at once, sends it, and replaces it by what the store kept; on refusal the
    /// comment is taken back and the error returned (the form keeps the draft).
    pub async fn post(self, parent: Option<String>, new: NewComment) -> Result<(), CommentError> {
        let temporary = self.temporary(parent.clone(), &new);
        let temporary_id = temporary.id.clone();
        self.insert(temporary);
        let answer = self.store().post(parent.as_deref(), &new).await;
        if !self.alive() {
            return answer.map(|_| ());
        }
        match answer {
            Ok(stored) => {
                self.posted.update_value(|posted| posted.push(stored.id.clone()));
                self.replace(&temporary_id, stored);
                self.total.update(|t| *t += 1);
                Ok(())
            }
            Err(error) => {
                self.remove(&temporary_id);
                Err(error)
            }
        }
    }

    pub async fn edit(self, id: String, new: NewComment) -> Result<(), CommentError> {
        let edited = self.store().edit(&id, &new).await.inspect_err(|error| self.after_refusal(error))?;
        if !self.alive() {
            return Ok(());
        }
        self.update(&id, |comment| {
            let hash = std::mem::take(&mut comment.author_hash);
            let replies = std::mem::take(&mut comment.replies);
            let hidden = comment.hidden_replies;
            let origin = comment.origin;
            *comment = Comment { replies, hidden_replies: hidden, origin, ..edited };
            if comment.author_hash.is_empty() {
                comment.author_hash = hash;
            }
        });
        Ok(())
    }

    pub async fn delete(self, id: String) -> Result<(), CommentError> {
        let placeholder = self.store().delete(&id).await.inspect_err(|error| self.after_refusal(error))?;
        if !self.alive() {
            return Ok(());
        }
        match placeholder {
            Some(placeholder) => self.update(&id, |comment| {
                comment.state = CommentState::Deleted;
                comment.text = placeholder.text;
                comment.author = None;
                comment.website = None;
            }),
            None => {
                let gone = 1 + self.find(&id, |c| c.replies.len() as u32 + c.hidden_replies).unwrap_or(0);
                self.remove(&id);
                self.total.update(|t| *t = t.saturating_sub(gone));
            }
        }
        Ok(())
    }

    /// Likes `id`, or takes the like back (`on` false).
    pub async fn like(self, id: String, on: bool) -> Result<(), CommentError> {
        let likes = self.store().like(&id, on).await?;
        if !self.alive() {
            return Ok(());
        }
        self.update(&id, |comment| comment.likes = likes);
        Ok(())
    }

    /// Signs in to the comments server; then the thread is loaded again (it lists the reader's
    /// own comments awaiting moderation) and every comment asks again what the reader may do.
    pub async fn sign_in(self, email: String, password: String) -> Result<(), CommentError> {
        let name = self.store().sign_in(&email, &password).await?;
        if self.alive() {
            self.account.set(Some(name));
            self.reload();
        }
        Ok(())
    }

    /// A sign-in the server no longer accepts is gone from the store: show the reader signed out.
    fn after_refusal(&self, error: &CommentError) {
        if *error == CommentError::SignInNeeded && self.alive() {
            self.account.set(self.store.with_value(|s| s.signed_in_as()));
        }
    }

    pub fn sign_out(self) {
        self.store.with_value(|s| s.sign_out());
        self.account.set(None);
        self.reload();
    }

    fn temporary(&self, parent: Option<String>, new: &NewComment) -> Comment {
        let n = self.next_temporary_id.get_value();
        self.next_temporary_id.set_value(n + 1);
        Comment {
            id: format!("sending-{n}"),
            parent,
            author: new.author.clone(),
            website: None,
            text: crate::model::RichText::parse(&new.text),
            blocks: Vec::new(),
            source: new.text.clone(),
            created: js_sys::Date::now() / 1000.0,
            modified: None,
            likes: 0,
            author_hash: new.author.clone().unwrap_or_default(),
            state: CommentState::Sending,
            origin: Origin::Shared,
            replies: Vec::new(),
            hidden_replies: 0,
            owner: None,
        }
    }

    fn insert(&self, comment: Comment) {
        let newest_first = self.sort.get_untracked() == SortOrder::Newest;
        self.comments.update(|comments| match comment.parent.clone() {
            Some(parent) => {
                if let Some(top) = comments.iter_mut().find(|c| c.id == parent) {
                    top.replies.push(comment);
                }
            }
            None if newest_first => comments.insert(0, comment),
            None => comments.push(comment),
        });
    }

    fn replace(&self, id: &str, stored: Comment) {
        self.update(id, |comment| *comment = stored);
    }

    fn remove(&self, id: &str) {
        self.comments.update(|comments| {
            comments.retain(|c| c.id != id);
            for comment in comments.iter_mut() {
                comment.replies.retain(|r| r.id != id);
            }
        });
    }
}

/// What changes a comment's own look: its key in keyed lists, so only changed comments re-render.
/// Replies are not part of it: they have their own list, so a reply form stays open while a
/// reply is added.
pub(super) fn fingerprint(comment: &Comment) -> String {
    format!("{}|{:?}|{}|{:?}|{}", comment.id, comment.modified, comment.likes, comment.state, comment.hidden_replies)
}

/// The comments under an article: heading with the count, sort, the thread, "Load more", the form.
#[component]
pub fn CommentsSection(
    store: AnyStore,
    strings: &'static Strings,
    /// Names this thread's drafts in this browser (the article's path).
    #[prop(into)]
    thread_key: String,
    /// The language tag dates are written in.
    #[prop(into)]
    language: String,
    /// The article's time zone (seconds east of UTC), for dates.
    #[prop(optional)]
    offset_seconds: i32,
) -> impl IntoView {
    let keeps_locally = store.keeps_comments_locally();
    let has_accounts = store.has_accounts();
    let thread = Thread::new(store, strings, thread_key, language, offset_seconds);
    let initial = use_context::<InitialThread>().unwrap_or_default();
    thread.shown_dates.set_value(initial.1);
    if let Some(page) = initial.0 {
        thread.comments.set(page.comments);
        thread.total.set(page.total);
        thread.hidden.set(page.hidden);
        thread.status.set(Status::Ready);
    }
    provide_context(thread);
    // Browser work starts after mount, never during render.
    Effect::new(move |_| {
        thread.account.set(thread.store.with_value(|s| s.signed_in_as()));
        thread.reload();
    });

    let on_sort = move |event: leptos::ev::Event| {
        thread.sort.set(SortOrder::from_str(&event_target_value(&event)));
        thread.reload();
    };
    let sort_options = SortOrder::ALL
        .into_iter()
        .map(|order| {
            let label = match order {
                SortOrder::Oldest => strings.sort_oldest,
                SortOrder::Newest => strings.sort_newest,
                SortOrder::MostLiked => strings.sort_most_liked,
            };
            view! { <option value=order.as_str() selected=move || thread.sort.get() == order>{label}</option> }
        })
        .collect_view();

    let body = move || match thread.status.get() {
        Status::Loading => view! { <p class="comments-status" role="status">{strings.comments_loading}</p> }.into_any(),
        Status::Failed(error) => view! {
            <div class="comments-error" role="alert">
                <p>{error.explain(strings)}</p>
                <button type="button" class="button" on:click=move |_| thread.reload()>{strings.try_again}</button>
            </div>
        }
        .into_any(),
        Status::Ready => view! {
            <Show when=move || thread.comments.with(Vec::is_empty)>
                <p class="comments-status">{strings.comments_none}</p>
            </Show>
            <ol class="comment-list">
                <For each=move || thread.comments.get() key=fingerprint let:comment>
                    <li><CommentView comment/></li>
                </For>
            </ol>
            <Show when=move || { thread.hidden.get() > 0 }>
                <button type="button" class="button button-quiet" on:click=move |_| thread.load_more()>{strings.load_more}</button>
            </Show>
        }
        .into_any(),
    };
    let note = keeps_locally.then(|| view! { <p class="comments-note">{strings.local_note}</p> });

    view! {
        <section class="comments" lang=strings.language.tag() aria-labelledby="comments-heading">
            <div class="comments-header">
                <h2 id="comments-heading">
                    {move || match thread.status.get() {
                        Status::Ready => count_phrase(&strings.comments_count, thread.total.get().into(), strings.language),
                        _ => strings.comments_heading.to_owned(),
                    }}
                </h2>
                <label class="comments-sort">
                    <span>{strings.sort_label}</span>
                    <select on:change=on_sort>{sort_options}</select>
                </label>
            </div>
            {body}
            <noscript><p class="comments-note">{strings.comments_need_js}</p></noscript>
            {note}
            {has_accounts.then(|| view! { <AccountPanel/> })}
            <CommentForm target=FormTarget::New/>
        </section>
    }
}
