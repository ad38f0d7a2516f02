//! The explorer chart's height: from its width, and embedded, shrunk to the room a fixed frame
//! leaves it, so a slide-sized frame shows the chart and what is under it without scrolling.

/// The chart's CSS height for `width` CSS px. `embedded` charts are taller for their width, to
/// fill a small frame; `room` is the height a frame leaves the chart beside everything else it
/// shows (`None` outside a frame, or while a drawer of controls is open).
pub fn chart_height(width: f64, embedded: bool, room: Option<f64>) -> f64 {
    if !embedded {
        return (width * 0.5).clamp(240.0, 480.0);
    }
    let natural = (width * if width < 480.0 { 0.7 } else { 0.55 }).clamp(120.0, 600.0);
    // Squashed to less than half its height the chart stops reading well: the frame scrolls
    // instead, as when what it shows (the lab, the code) is far taller than any frame.
    match room {
        Some(room) if room < natural && room >= (natural * 0.5).max(120.0) => room.floor(),
        _ => natural,
    }
}

#[cfg(test)]
mod tests {
    use super::chart_height;

    #[test]
    fn the_page_chart_follows_its_width_only() {
        assert_eq!(chart_height(800.0, false, Some(100.0)), 400.0);
        assert_eq!(chart_height(300.0, false, None), 240.0);
        assert_eq!(chart_height(2000.0, false, None), 480.0);
    }

    #[test]
    fn an_embedded_chart_shrinks_to_the_room_a_slide_frame_leaves() {
        // 960 × 540: 940 px wide, 124 px of formula and padding under it.
        assert_eq!(chart_height(940.0, true, None), 517.0);
        assert_eq!(chart_height(940.0, true, Some(540.0 - 124.0)), 416.0);
        assert_eq!(
            chart_height(940.0, true, Some(700.0)),
            517.0,
            "never taller than its own"
        );
        assert_eq!(
            chart_height(300.0, true, Some(180.5)),
            180.0,
            "whole CSS px"
        );
    }

    #[test]
    fn a_frame_too_small_for_half_the_chart_scrolls_instead() {
        assert_eq!(chart_height(940.0, true, Some(250.0)), 517.0);
        assert_eq!(chart_height(200.0, true, Some(119.0)), 140.0);
        assert_eq!(chart_height(940.0, true, Some(-300.0)), 517.0);
    }
}
