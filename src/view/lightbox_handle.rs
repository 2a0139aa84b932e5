//! Opens and closes the lightbox: the state figures, thumbnails and the take-over of a pre-rendered
//! page share with the lightbox itself, and the `#image-<n>` deep link in the address bar. Small and
//! always loaded; the lightbox's own code comes when it is first wanted.

use leptos::prelude::*;
use web_sys::HtmlElement;

use super::deep_link;
use crate::model::{GalleryPosition, ImageLink};

/// Opens and closes the lightbox. Figures and thumbnails get it from context; it is `Copy`.
#[derive(Clone, Copy)]
pub struct LightboxHandle {
    position: RwSignal<Option<GalleryPosition>>,
    /// The lightbox's code is wanted: a reader opened, pointed at or focused a picture, the page
    /// went idle, or the address names an image.
    wanted: RwSignal<bool>,
    /// Its code could not be loaded: thumbnails then act as the plain links they are.
    unavailable: RwSignal<bool>,
    len: usize,
    /// The element that opened the lightbox, to get the focus back on close.
    opener: StoredValue<Option<HtmlElement>, LocalStorage>,
    /// Opening added a history entry, so closing goes back over it.
    pushed: StoredValue<bool>,
    /// Closed by going back over our entry: the page's scroll position when it was closed. When
    /// the browser has arrived (and perhaps scrolled to, and focused, the host page's own fragment),
    /// the reader is put back where they were, focus on the opener.
    returning: StoredValue<Option<(f64, f64)>>,
    link: StoredValue<ImageLink>,
}

impl LightboxHandle {
    pub fn new(len: usize, link: ImageLink) -> LightboxHandle {
        LightboxHandle {
            position: RwSignal::new(None),
            wanted: RwSignal::new(false),
            unavailable: RwSignal::new(false),
            len,
            opener: StoredValue::new_local(None),
            pushed: StoredValue::new(false),
            returning: StoredValue::new(None),
            link: StoredValue::new(link),
        }
    }

    fn hash(&self, at: GalleryPosition) -> String {
        self.link.with_value(|link| link.hash(at))
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The image shown, or `None` when closed (tracked).
    pub fn position(&self) -> Option<GalleryPosition> {
        self.position.get()
    }

    pub fn position_untracked(&self) -> Option<GalleryPosition> {
        self.position.get_untracked()
    }

    /// Asks for the lightbox's code (tracked by the slot that loads it). Harmless once the
    /// article is gone (a late idle callback, a removed widget).
    pub fn want(&self) {
        if self.wanted.try_get_untracked() == Some(false) {
            self.wanted.set(true);
        }
    }

    pub fn is_wanted(&self) -> bool {
        self.wanted.get()
    }

    /// The code failed to load: forget the request (the next one tries again) and any open image.
    pub fn load_failed(&self) {
        self.wanted.set(false);
        self.unavailable.set(true);
        if self.position.get_untracked().is_some() {
            self.position.set(None);
            deep_link::clear();
            self.pushed.set_value(false);
        }
    }

    /// Tries again to open `at` after its code failed to load, from the element that first asked.
    pub fn retry(&self, at: GalleryPosition) {
        let opener = self.opener.get_value();
        self.open(at.index(), opener);
    }

    pub fn loaded(&self) {
        self.unavailable.set(false);
    }

    /// Whether the last try to load the lightbox failed (thumbnails then follow their links).
    pub fn is_unavailable(&self) -> bool {
        self.unavailable.get_untracked()
    }

    /// Whether `hash` (an address's fragment) names one of this lightbox's images.
    pub fn names_an_image(&self, hash: &str) -> bool {
        self.link.with_value(|link| link.parse(hash, self.len)).is_some()
    }

    /// Opens at `index` (0-based) from `opener`, adding a history entry for the Back button.
    pub fn open(&self, index: usize, opener: Option<HtmlElement>) {
        let Some(at) = GalleryPosition::new(self.len, index) else { return };
        self.want();
        self.opener.set_value(opener);
        if self.pushed.get_value() {
            deep_link::replace(&self.hash(at));
        } else {
            deep_link::push(&self.hash(at));
            self.pushed.set_value(true);
        }
        self.position.set(Some(at));
    }

    /// Moves to another image (no new history entry).
    pub fn show(&self, at: GalleryPosition) {
        if self.position.get_untracked().is_some() {
            deep_link::replace(&self.hash(at));
            self.position.set(Some(at));
        }
    }

    /// Closes from the interface (button, Escape): leaves our history entry, or our fragment.
    pub fn close(&self) {
        if self.position.get_untracked().is_none() {
            return;
        }
        self.position.set(None);
        if self.pushed.get_value() {
            self.pushed.set_value(false);
            self.returning.set_value(web_sys::window().map(|w| (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0))));
            deep_link::back();
        } else {
            deep_link::clear();
        }
    }

    pub(super) fn refocus_opener(&self) {
        if let Some(opener) = self.opener.get_value() {
            let _ = opener.focus();
        }
    }

    /// The address changed under us (Back, Forward, a typed fragment, the page's first load).
    pub(super) fn follow_address(&self, from_our_entry: bool) {
        if let Some((x, y)) = self.returning.get_value() {
            self.returning.set_value(None);
            // After this event the browser may still scroll to the page's fragment: wait a frame.
            let handle = *self;
            request_animation_frame(move || {
                if let Some(window) = web_sys::window() {
                    window.scroll_to_with_x_and_y(x, y);
                }
                handle.refocus_opener();
            });
            return;
        }
        match self.link.with_value(|link| link.parse(&deep_link::current_hash(), self.len)) {
            // Already showing it (opened before the lightbox's code arrived): nothing to follow.
            Some(at) if self.position.get_untracked() == Some(at) => {}
            Some(at) => {
                self.pushed.set_value(from_our_entry);
                self.position.set(Some(at));
            }
            None if self.position.get_untracked().is_some() => {
                self.pushed.set_value(false);
                self.position.set(None);
            }
            None => {}
        }
    }
}
