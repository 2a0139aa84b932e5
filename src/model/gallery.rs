//! The lightbox's state as plain data: which image of the article's sequence is shown, how it moves,
//! and the `#image-<n>` deep link. The browser side (dialog, history, gestures) lives in
//! `view::lightbox`.

/// A position in an article's image sequence (figures of the body, then the gallery).
///
/// Next and previous **wrap around** (the last image's Next is the first), as readers know from
/// photo apps and as PhotoSwipe and GLightbox do by default; Home and End go to either end.
///
/// ```
/// use broadsheet::model::GalleryPosition;
/// let at = GalleryPosition::new(4, 3).unwrap();
/// assert_eq!(at.next().index(), 0);
/// assert_eq!(at.previous().index(), 2);
/// assert_eq!(at.counter(), "4 / 4");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GalleryPosition {
    index: usize,
    len: usize,
}

impl GalleryPosition {
    /// `None` when `index` is outside a sequence of `len` images.
    pub fn new(len: usize, index: usize) -> Option<GalleryPosition> {
        (index < len).then_some(GalleryPosition { index, len })
    }

    /// 0-based.
    pub fn index(self) -> usize {
        self.index
    }

    pub fn len(self) -> usize {
        self.len
    }

    pub fn is_empty(self) -> bool {
        self.len == 0
    }

    pub fn next(self) -> GalleryPosition {
        GalleryPosition { index: (self.index + 1) % self.len, ..self }
    }

    pub fn previous(self) -> GalleryPosition {
        GalleryPosition { index: (self.index + self.len - 1) % self.len, ..self }
    }

    pub fn first(self) -> GalleryPosition {
        GalleryPosition { index: 0, ..self }
    }

    pub fn last(self) -> GalleryPosition {
        GalleryPosition { index: self.len - 1, ..self }
    }

    /// The neighbours to preload so that Next and Previous show at once (none for a single image).
    pub fn neighbours(self) -> Vec<usize> {
        let mut around = vec![self.next().index, self.previous().index];
        around.dedup();
        around.retain(|&i| i != self.index);
        around
    }

    /// What the reader sees: "2 / 5" (1-based).
    pub fn counter(self) -> String {
        format!("{} / {}", self.index + 1, self.len)
    }

    /// The deep link for this image on a page of its own: `#image-2` for the second (1-based).
    pub fn hash(self) -> String {
        ImageLink::page().hash(self)
    }

    /// Reads a deep link (`#image-<n>`, 1-based) against a sequence of `len` images.
    ///
    /// ```
    /// use broadsheet::model::GalleryPosition;
    /// assert_eq!(GalleryPosition::from_hash("#image-2", 5).map(|p| p.index()), Some(1));
    /// assert_eq!(GalleryPosition::from_hash("#image-9", 5), None);
    /// ```
    pub fn from_hash(hash: &str, len: usize) -> Option<GalleryPosition> {
        ImageLink::page().parse(hash, len)
    }
}

/// The shape of the lightbox's deep links. On the article's own page they are `#image-<n>`; in a
/// widget on someone else's page they carry the article's slug, `#<slug>-image-<n>`, so that two
/// widgets, and the host's own fragments, never answer to each other's links.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageLink {
    prefix: String,
}

impl ImageLink {
    pub fn page() -> ImageLink {
        ImageLink { prefix: "image-".into() }
    }

    pub fn scoped(slug: &str) -> ImageLink {
        ImageLink { prefix: format!("{slug}-image-") }
    }

    pub fn hash(&self, at: GalleryPosition) -> String {
        format!("#{}{}", self.prefix, at.index + 1)
    }

    /// The position a fragment names, or `None` when it is not one of ours.
    ///
    /// ```
    /// use broadsheet::model::ImageLink;
    /// let link = ImageLink::scoped("nica");
    /// assert_eq!(link.parse("#nica-image-2", 5).map(|p| p.index()), Some(1));
    /// assert_eq!(link.parse("#image-2", 5), None);
    /// ```
    pub fn parse(&self, hash: &str, len: usize) -> Option<GalleryPosition> {
        let number = hash.strip_prefix('#').unwrap_or(hash).strip_prefix(self.prefix.as_str())?;
        if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: usize = number.parse().ok()?;
        GalleryPosition::new(len, n.checked_sub(1)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(len: usize, index: usize) -> GalleryPosition {
        GalleryPosition::new(len, index).unwrap()
    }

    #[test]
    fn moves_and_wraps() {
        assert_eq!(at(5, 0).next().index(), 1);
        assert_eq!(at(5, 4).next().index(), 0);
        assert_eq!(at(5, 0).previous().index(), 4);
        assert_eq!(at(5, 2).first().index(), 0);
        assert_eq!(at(5, 2).last().index(), 4);
        assert_eq!(at(1, 0).next().index(), 0);
        assert_eq!(at(1, 0).previous().index(), 0);
    }

    #[test]
    fn refuses_positions_outside_the_sequence() {
        assert_eq!(GalleryPosition::new(3, 3), None);
        assert_eq!(GalleryPosition::new(0, 0), None);
    }

    #[test]
    fn neighbours_are_the_images_either_side() {
        assert_eq!(at(5, 2).neighbours(), vec![3, 1]);
        assert_eq!(at(5, 0).neighbours(), vec![1, 4]);
        assert_eq!(at(2, 0).neighbours(), vec![1]);
        assert!(at(1, 0).neighbours().is_empty());
    }

    #[test]
    fn counter_and_hash_are_one_based() {
        assert_eq!(at(5, 1).counter(), "2 / 5");
        assert_eq!(at(5, 1).hash(), "#image-2");
    }

    #[test]
    fn parses_deep_links() {
        assert_eq!(GalleryPosition::from_hash("#image-1", 3), Some(at(3, 0)));
        assert_eq!(GalleryPosition::from_hash("image-3", 3), Some(at(3, 2)));
        for bad in ["", "#", "#image-", "#image-0", "#image-4", "#image--1", "#image-+1", "#image-1a", "#img-1",
            "#image-99999999999999999999999"] {
            assert_eq!(GalleryPosition::from_hash(bad, 3), None, "{bad:?}");
        }
        assert_eq!(GalleryPosition::from_hash("#image-1", 0), None);
    }

    #[test]
    fn scoped_links_answer_only_to_their_article() {
        let nica = ImageLink::scoped("nica");
        assert_eq!(nica.hash(at(3, 1)), "#nica-image-2");
        assert_eq!(nica.parse("#nica-image-3", 3), Some(at(3, 2)));
        assert_eq!(nica.parse("#image-3", 3), None);
        assert_eq!(ImageLink::scoped("east").parse("#nica-image-3", 3), None);
        assert_eq!(ImageLink::page().parse("#nica-image-3", 3), None);
    }

    #[test]
    fn round_trips_through_the_hash() {
        for i in 0..7 {
            let position = at(7, i);
            assert_eq!(GalleryPosition::from_hash(&position.hash(), 7), Some(position));
        }
    }
}
