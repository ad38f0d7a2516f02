//! An optimizer's path cut into the polylines the landscape draws: clipped to the plot, close
//! points skipped, long runs in short pieces (Skia strokes one long self-crossing polyline far
//! slower than the same line in pieces).

use super::landscape_chart::Frame;
use crate::landscape::Point;

/// Points closer than this (backend px) to the last kept one are skipped: same picture, less work.
const MIN_SEGMENT: f64 = 0.75;

/// Most points in one stroked polyline. Skia strokes a long self-crossing path in time that
/// grows far faster than its length (a 20,000-step run: 0.9 s of rasterizing per redraw);
/// pieces this long, each starting where the last ended, draw the same lines in 1/25 of it.
const MAX_PIECE: usize = 64;

/// A path drawn longer than this (CSS px, all its pieces) is drawn with one-device-pixel lines:
/// it crosses the surface dozens of times, where wide lines only smear the picture, and Skia
/// draws a one-pixel line as a hairline. Rasterizing a 2-px line costs about 1 ms per 11,000 px
/// of it on a software-rendered page (a 20,000-step run bouncing across the surface: 210 ms;
/// as hairlines 11 ms).
pub(super) const DENSE_LENGTH: f64 = 15_000.0;

/// The length of `pieces` in backend px.
pub(super) fn drawn_length(pieces: &[Vec<(i32, i32)>]) -> f64 {
    pieces
        .iter()
        .flat_map(|p| p.windows(2))
        .map(|w| f64::from(w[1].0 - w[0].0).hypot(f64::from(w[1].1 - w[0].1)))
        .sum()
}

impl Frame {
    /// Whether backend point (x, y) lies inside the plot.
    pub(super) fn contains(&self, (x, y): (f64, f64)) -> bool {
        x >= f64::from(self.left)
            && x <= f64::from(self.right)
            && y >= f64::from(self.top)
            && y <= f64::from(self.bottom)
    }

    /// The part of segment a→b inside the frame (Liang–Barsky), if any.
    fn clip(&self, a: (f64, f64), b: (f64, f64)) -> Option<((f64, f64), (f64, f64))> {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
        for (p, q) in [
            (-dx, a.0 - f64::from(self.left)),
            (dx, f64::from(self.right) - a.0),
            (-dy, a.1 - f64::from(self.top)),
            (dy, f64::from(self.bottom) - a.1),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return None;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
            }
        }
        (t0 <= t1).then_some((
            (a.0 + t0 * dx, a.1 + t0 * dy),
            (a.0 + t1 * dx, a.1 + t1 * dy),
        ))
    }
}

pub(super) fn px_round((x, y): (f64, f64)) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}

/// Adds `p` to the polyline being built, first closing it as a piece when it is full (the next
/// piece starts at its last point, so the line stays joined).
fn extend(out: &mut Vec<Vec<(i32, i32)>>, current: &mut Vec<(i32, i32)>, p: (i32, i32)) {
    if current.len() == MAX_PIECE {
        let joint = current[MAX_PIECE - 1];
        out.push(std::mem::replace(current, vec![joint]));
    }
    current.push(p);
}

/// Most slots of [`Drawn`], a power of two.
const SLOTS: usize = 1 << 13;

/// The segments drawn lately, either way round, to skip one the path retraces: a noisy iterate
/// jitters among a few pixels of its minimum for thousands of steps (in the lab's default
/// 20,000-step runs, 45,000 segments over a few thousand distinct ones). A direct-mapped table:
/// a segment that lost its slot is drawn again, which costs a stroke, never a pixel.
struct Drawn(Vec<u64>);

impl Drawn {
    /// A table for a path of `points` points: twice as many slots, up to [`SLOTS`].
    fn new(points: usize) -> Self {
        Self(vec![
            u64::MAX;
            (2 * points).next_power_of_two().clamp(2, SLOTS)
        ])
    }

    /// Whether a→b (or b→a) is in the table; puts it there if not.
    fn seen(&mut self, a: (i32, i32), b: (i32, i32)) -> bool {
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        // Points lie inside the plot, so each coordinate fits 16 bits.
        let key = [a.0, a.1, b.0, b.1]
            .iter()
            .fold(0u64, |k, &c| (k << 16) | u64::from(c as u16));
        let slot = (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - self.0.len().trailing_zeros()))
            as usize;
        std::mem::replace(&mut self.0[slot], key) == key
    }
}

/// The path as polylines inside the frame: cut where it leaves and every [`MAX_PIECE`] points,
/// with points closer than [`MIN_SEGMENT`] to the last kept one skipped, and a segment already
/// drawn left out (the next piece starts after it): the same pixels, once.
pub(super) fn pieces(frame: &Frame, points: &[Point]) -> Vec<Vec<(i32, i32)>> {
    let mut out: Vec<Vec<(i32, i32)>> = Vec::new();
    let mut current: Vec<(i32, i32)> = Vec::new();
    let mut drawn = Drawn::new(points.len());
    let mut kept: Option<(f64, f64)> = None;
    let mut prev: Option<(f64, f64)> = None;
    for (k, p) in points.iter().enumerate() {
        let here = frame.to_px(*p);
        let last = k + 1 == points.len();
        match prev {
            None if frame.contains(here) => {
                current.push(px_round(here));
                kept = Some(here);
            }
            None => {}
            Some(from) => {
                let near =
                    kept.is_some_and(|q| (here.0 - q.0).abs() + (here.1 - q.1).abs() < MIN_SEGMENT);
                if frame.contains(here) && frame.contains(from) {
                    if !near || last {
                        let q = px_round(here);
                        match current.last() {
                            Some(&a) if drawn.seen(a, q) => {
                                if current.len() > 1 {
                                    out.push(std::mem::take(&mut current));
                                }
                                current = vec![q];
                            }
                            _ => extend(&mut out, &mut current, q),
                        }
                        kept = Some(here);
                    }
                } else if let Some((a, b)) = frame.clip(from, here) {
                    if current.is_empty() {
                        current.push(px_round(a));
                    }
                    extend(&mut out, &mut current, px_round(b));
                    kept = Some(b);
                    if !frame.contains(here) {
                        out.push(std::mem::take(&mut current));
                    }
                } else if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
            }
        }
        prev = Some(here);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}
