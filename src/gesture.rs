//! Pointer gestures on the lightbox's picture, as plain state: swipe to move between images,
//! double-tap (or double-click) to toggle 2×, pinch to zoom, drag to pan when zoomed. The view
//! feeds it pointer events and applies what it returns; keeping it free of the browser lets it be
//! tested natively.

/// How far the picture is zoomed and panned (CSS pixels), applied as a CSS transform.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Zoom {
    pub scale: f64,
    pub x: f64,
    pub y: f64,
}

impl Zoom {
    pub const NONE: Zoom = Zoom { scale: 1.0, x: 0.0, y: 0.0 };
    pub const MAX_SCALE: f64 = 4.0;
    pub const DOUBLE_TAP_SCALE: f64 = 2.0;

    pub fn is_zoomed(self) -> bool {
        self.scale > 1.0
    }

    /// The CSS `transform` value.
    pub fn css(self) -> String {
        format!("translate({:.1}px, {:.1}px) scale({:.3})", self.x, self.y, self.scale)
    }
}

/// What a finished gesture asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gesture {
    Next,
    Previous,
    ToggleZoom,
}

/// A finger (or mouse) farther than this from where it went down has moved, not tapped (CSS px).
const TAP_SLOP: f64 = 10.0;
/// A horizontal travel at least this long, and mostly horizontal, is a swipe (CSS px).
const SWIPE_DISTANCE: f64 = 50.0;
/// Two taps within this time (ms) and distance (CSS px) are a double tap.
const DOUBLE_TAP_MS: f64 = 300.0;
const DOUBLE_TAP_DISTANCE: f64 = 30.0;

#[derive(Clone, Copy, Debug)]
struct Pointer {
    id: i32,
    x: f64,
    y: f64,
}

#[derive(Clone, Copy, Debug)]
enum Start {
    /// One pointer: a tap, a swipe or (when zoomed) a pan.
    Single { x: f64, y: f64, zoom: Zoom, moved: bool },
    /// Two pointers: a pinch.
    Pinch { distance: f64, zoom: Zoom },
    /// A pinch has ended with one pointer still down: that pointer does nothing more.
    Spent,
}

/// Tracks the pointers on the picture and the zoom they produce.
#[derive(Clone, Debug)]
pub struct Gestures {
    pointers: Vec<Pointer>,
    start: Option<Start>,
    last_tap: Option<(f64, f64, f64)>,
    zoom: Zoom,
}

impl Default for Gestures {
    fn default() -> Self {
        Gestures { pointers: Vec::new(), start: None, last_tap: None, zoom: Zoom::NONE }
    }
}

impl Gestures {
    pub fn zoom(&self) -> Zoom {
        self.zoom
    }

    /// Back to 1× (a new picture, or the zoom toggled off).
    pub fn reset(&mut self) {
        *self = Gestures::default();
    }

    pub fn toggle_zoom(&mut self) -> Zoom {
        self.zoom = if self.zoom.is_zoomed() {
            Zoom::NONE
        } else {
            Zoom { scale: Zoom::DOUBLE_TAP_SCALE, ..Zoom::NONE }
        };
        self.zoom
    }

    pub fn down(&mut self, id: i32, x: f64, y: f64) {
        self.pointers.retain(|p| p.id != id);
        self.pointers.push(Pointer { id, x, y });
        self.start = match self.pointers.as_slice() {
            [_] => Some(Start::Single { x, y, zoom: self.zoom, moved: false }),
            [a, b, ..] => Some(Start::Pinch { distance: distance(a, b), zoom: self.zoom }),
            [] => None,
        };
    }

    /// A pointer moved; returns the new zoom when the picture should follow (pinch or pan).
    pub fn moved(&mut self, id: i32, x: f64, y: f64) -> Option<Zoom> {
        let pointer = self.pointers.iter_mut().find(|p| p.id == id)?;
        pointer.x = x;
        pointer.y = y;
        match self.start.as_mut()? {
            Start::Single { x: x0, y: y0, zoom, moved } => {
                let (dx, dy) = (x - *x0, y - *y0);
                if dx.hypot(dy) > TAP_SLOP {
                    *moved = true;
                }
                if !zoom.is_zoomed() {
                    return None;
                }
                self.zoom = Zoom { x: zoom.x + dx, y: zoom.y + dy, ..*zoom };
                Some(self.zoom)
            }
            Start::Pinch { distance: d0, zoom } => {
                let [a, b, ..] = self.pointers.as_slice() else { return None };
                if *d0 <= 0.0 {
                    return None;
                }
                let scale = (zoom.scale * distance(a, b) / *d0).clamp(1.0, Zoom::MAX_SCALE);
                self.zoom = Zoom { scale, ..*zoom };
                Some(self.zoom)
            }
            Start::Spent => None,
        }
    }

    /// A pointer went up at `time_ms`; returns what the gesture asks for, if anything.
    pub fn up(&mut self, id: i32, x: f64, y: f64, time_ms: f64) -> Option<Gesture> {
        let before = self.pointers.len();
        self.pointers.retain(|p| p.id != id);
        if self.pointers.len() == before {
            return None;
        }
        match self.start.take()? {
            Start::Pinch { .. } | Start::Spent => {
                if self.zoom.scale < 1.05 {
                    self.zoom = Zoom::NONE;
                }
                self.start = (!self.pointers.is_empty()).then_some(Start::Spent);
                None
            }
            Start::Single { x: x0, y: y0, zoom, moved } => {
                let (dx, dy) = (x - x0, y - y0);
                if !zoom.is_zoomed() && dx.abs() >= SWIPE_DISTANCE && dx.abs() > dy.abs() * 1.2 {
                    self.last_tap = None;
                    return Some(if dx < 0.0 { Gesture::Next } else { Gesture::Previous });
                }
                if moved {
                    self.last_tap = None;
                    return None;
                }
                match self.last_tap.take() {
                    Some((t, tx, ty))
                        if time_ms - t <= DOUBLE_TAP_MS && (x - tx).hypot(y - ty) <= DOUBLE_TAP_DISTANCE =>
                    {
                        Some(Gesture::ToggleZoom)
                    }
                    _ => {
                        self.last_tap = Some((time_ms, x, y));
                        None
                    }
                }
            }
        }
    }

    /// The browser took the pointer away (scrolling, a system gesture): forget it, do nothing.
    pub fn cancel(&mut self, id: i32) {
        self.pointers.retain(|p| p.id != id);
        self.start = None;
    }
}

fn distance(a: &Pointer, b: &Pointer) -> f64 {
    (a.x - b.x).hypot(a.y - b.y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_swipe_left_is_next_and_right_is_previous() {
        let mut g = Gestures::default();
        g.down(1, 300.0, 200.0);
        g.moved(1, 200.0, 205.0);
        assert_eq!(g.up(1, 180.0, 210.0, 100.0), Some(Gesture::Next));
        g.down(1, 100.0, 200.0);
        assert_eq!(g.up(1, 220.0, 190.0, 500.0), Some(Gesture::Previous));
    }

    #[test]
    fn short_or_vertical_moves_are_not_swipes() {
        let mut g = Gestures::default();
        g.down(1, 300.0, 200.0);
        assert_eq!(g.up(1, 270.0, 200.0, 0.0), None);
        g.down(1, 300.0, 200.0);
        assert_eq!(g.up(1, 240.0, 400.0, 1000.0), None);
    }

    #[test]
    fn two_quick_taps_toggle_zoom_and_slow_ones_do_not() {
        let mut g = Gestures::default();
        g.down(1, 100.0, 100.0);
        assert_eq!(g.up(1, 100.0, 100.0, 0.0), None);
        g.down(1, 104.0, 102.0);
        assert_eq!(g.up(1, 104.0, 102.0, 250.0), Some(Gesture::ToggleZoom));

        g.down(1, 100.0, 100.0);
        assert_eq!(g.up(1, 100.0, 100.0, 1000.0), None);
        g.down(1, 100.0, 100.0);
        assert_eq!(g.up(1, 100.0, 100.0, 1400.0), None, "too slow for a double tap");
    }

    #[test]
    fn toggle_zoom_goes_to_two_times_and_back() {
        let mut g = Gestures::default();
        assert_eq!(g.toggle_zoom().scale, 2.0);
        assert_eq!(g.toggle_zoom(), Zoom::NONE);
    }

    #[test]
    fn a_pinch_zooms_within_limits_and_never_swipes() {
        let mut g = Gestures::default();
        g.down(1, 100.0, 100.0);
        g.down(2, 200.0, 100.0);
        assert_eq!(g.moved(2, 300.0, 100.0).unwrap().scale, 2.0);
        assert_eq!(g.moved(2, 2000.0, 100.0).unwrap().scale, Zoom::MAX_SCALE);
        assert_eq!(g.moved(2, 120.0, 100.0).unwrap().scale, 1.0, "never below 1x");
        g.moved(2, 300.0, 100.0);
        assert_eq!(g.up(2, 300.0, 100.0, 0.0), None);
        // The finger left on the glass after a pinch does not swipe.
        g.moved(1, 0.0, 100.0);
        assert_eq!(g.up(1, -200.0, 100.0, 10.0), None);
        assert_eq!(g.zoom().scale, 2.0);
    }

    #[test]
    fn dragging_pans_only_when_zoomed() {
        let mut g = Gestures::default();
        g.down(1, 100.0, 100.0);
        assert_eq!(g.moved(1, 150.0, 120.0), None);
        g.up(1, 110.0, 100.0, 0.0);

        g.toggle_zoom();
        g.down(1, 100.0, 100.0);
        let zoom = g.moved(1, 150.0, 120.0).unwrap();
        assert_eq!((zoom.x, zoom.y, zoom.scale), (50.0, 20.0, 2.0));
        assert_eq!(g.up(1, 40.0, 120.0, 0.0), None, "a zoomed drag is a pan, not a swipe");
    }

    #[test]
    fn css_transform() {
        assert_eq!(Zoom { scale: 2.0, x: 3.0, y: -4.0 }.css(), "translate(3.0px, -4.0px) scale(2.000)");
    }
}
