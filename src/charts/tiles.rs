//! A run of opaque filled rectangles (a heatmap's cells, a basin map's starts) painted into one
//! RGBA image: the canvas puts it in one call, where thousands of `fillRect`s each cost Skia a
//! raster when the frame is committed (7,229 for Rastrigin's surface).

use plotters_backend::BackendCoord;

use super::Op;

/// Fewest rectangles worth an image: below this, `fillRect`s cost less than the image's copy.
pub const MIN_TILES: usize = 256;

/// An RGBA image (row by row, four bytes a pixel) to place at `left`, `top`.
pub struct Tiles {
    /// Left edge on the canvas, in pixels.
    pub left: u32,
    /// Top edge on the canvas, in pixels.
    pub top: u32,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The pixels.
    pub rgba: Vec<u8>,
}

/// Whether `op` is a rectangle an image can hold as it is: filled and opaque.
pub fn is_tile(op: &Op) -> bool {
    matches!(op, Op::Rect(_, _, s, true) if s.color.alpha >= 1.0)
}

/// `a`–`b` as pixel ranges on a canvas of `size`, as `fillRect` covers them (either corner first).
fn span(a: BackendCoord, b: BackendCoord, size: (u32, u32)) -> (u32, u32, u32, u32) {
    let clip = |v: i32, max: u32| v.clamp(0, max as i32) as u32;
    (
        clip(a.0.min(b.0), size.0),
        clip(a.0.max(b.0), size.0),
        clip(a.1.min(b.1), size.1),
        clip(a.1.max(b.1), size.1),
    )
}

/// The image of `ops` on a canvas of `size`, later rectangles over earlier ones as the canvas
/// paints them; `None` when one is not [`is_tile`], or they leave a pixel of their bounding box
/// uncovered (putting the image would erase what is under it), or cover no pixel.
pub fn tiles(ops: &[Op], size: (u32, u32)) -> Option<Tiles> {
    let mut rects = Vec::with_capacity(ops.len());
    let (mut left, mut right, mut top, mut bottom) = (u32::MAX, 0, u32::MAX, 0);
    for op in ops {
        let (true, Op::Rect(a, b, s, _)) = (is_tile(op), op) else {
            return None;
        };
        let r = span(*a, *b, size);
        if r.0 < r.1 && r.2 < r.3 {
            (left, right) = (left.min(r.0), right.max(r.1));
            (top, bottom) = (top.min(r.2), bottom.max(r.3));
            rects.push((r, s.color.rgb));
        }
    }
    if rects.is_empty() {
        return None;
    }
    let (width, height) = (right - left, bottom - top);
    let row = width as usize * 4;
    let mut rgba = vec![0_u8; row * height as usize];
    for ((x0, x1, y0, y1), (r, g, b)) in rects {
        for y in y0 - top..y1 - top {
            let at = y as usize * row;
            let line = &mut rgba[at + (x0 - left) as usize * 4..at + (x1 - left) as usize * 4];
            for px in line.chunks_exact_mut(4) {
                (px[0], px[1], px[2], px[3]) = (r, g, b, 255);
            }
        }
    }
    let covered = rgba.iter().skip(3).step_by(4).all(|&a| a == 255);
    covered.then_some(Tiles {
        left,
        top,
        width,
        height,
        rgba,
    })
}

#[cfg(test)]
mod tests {
    use plotters_backend::BackendColor;

    use super::*;
    use crate::charts::Stroke;

    fn rect(a: BackendCoord, b: BackendCoord, rgb: (u8, u8, u8), alpha: f64) -> Op {
        let color = BackendColor { alpha, rgb };
        Op::Rect(a, b, Stroke { color, width: 0 }, true)
    }

    fn pixel(t: &Tiles, x: u32, y: u32) -> [u8; 4] {
        let i = ((y - t.top) * t.width + (x - t.left)) as usize * 4;
        t.rgba[i..i + 4].try_into().unwrap()
    }

    #[test]
    fn cells_become_one_image_with_later_cells_on_top() {
        let ops = [
            rect((2, 3), (6, 5), (10, 20, 30), 1.0),
            // Corners given the other way round, as plotters does for a y axis that points up.
            rect((6, 5), (10, 3), (40, 50, 60), 1.0),
            rect((5, 3), (7, 5), (1, 2, 3), 1.0),
        ];
        let t = tiles(&ops, (100, 100)).expect("the cells cover their box");
        assert_eq!((t.left, t.top, t.width, t.height), (2, 3, 8, 2));
        assert_eq!(pixel(&t, 2, 3), [10, 20, 30, 255]);
        assert_eq!(pixel(&t, 4, 4), [10, 20, 30, 255]);
        assert_eq!(pixel(&t, 5, 4), [1, 2, 3, 255]);
        assert_eq!(pixel(&t, 6, 3), [1, 2, 3, 255]);
        assert_eq!(pixel(&t, 7, 4), [40, 50, 60, 255]);
        assert_eq!(pixel(&t, 9, 4), [40, 50, 60, 255]);
    }

    #[test]
    fn a_gap_or_nothing_to_cover_gives_no_image() {
        let gap = [
            rect((0, 0), (4, 4), (1, 1, 1), 1.0),
            rect((5, 0), (9, 4), (1, 1, 1), 1.0),
        ];
        assert!(tiles(&gap, (100, 100)).is_none());
        assert!(tiles(&[rect((200, 200), (300, 300), (1, 1, 1), 1.0)], (100, 100)).is_none());
        assert!(tiles(&[], (100, 100)).is_none());
        // A translucent cell blends with what is under it: no image can stand for it.
        let translucent = [rect((0, 0), (4, 4), (1, 1, 1), 0.5)];
        assert!(tiles(&translucent, (100, 100)).is_none());
    }

    #[test]
    fn cells_are_cut_at_the_canvas_edge() {
        let t = tiles(&[rect((-5, 90), (10, 120), (9, 9, 9), 1.0)], (100, 100)).unwrap();
        assert_eq!((t.left, t.top, t.width, t.height), (0, 90, 10, 10));
        assert_eq!(t.rgba.len(), 10 * 10 * 4);
    }

    #[test]
    fn only_opaque_fills_are_tiles() {
        assert!(is_tile(&rect((0, 0), (1, 1), (0, 0, 0), 1.0)));
        assert!(!is_tile(&rect((0, 0), (1, 1), (0, 0, 0), 0.5)));
        let outline = BackendColor {
            alpha: 1.0,
            rgb: (0, 0, 0),
        };
        let stroke = Stroke {
            color: outline,
            width: 1,
        };
        assert!(!is_tile(&Op::Rect((0, 0), (1, 1), stroke, false)));
    }
}
