use super::*;

fn svg_of(chart: &ScheduleChart) -> String {
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, (640, 360)).into_drawing_area();
        draw_schedule(&area, chart, &Theme::LIGHT).expect("draws");
    }
    out
}

fn chart<'a>(curves: &'a [Curve<'a>]) -> ScheduleChart<'a> {
    ScheduleChart {
        title: "Cosine annealing",
        x_label: "step",
        y_label: "learning rate η",
        cursor: None,
        x_max: 100.0,
        curves,
        secondary: None,
        restarts: &[],
        warmup_bands: &[],
        log_y: false,
        scale: 1.0,
        grows: false,
    }
}

/// One unlabelled curve through `points`.
fn plain(points: &[(f64, f64)]) -> [Curve<'_>; 1] {
    [Curve {
        points,
        color: Theme::LIGHT.curve,
        label: None,
    }]
}

fn line() -> Vec<(f64, f64)> {
    (0..=100)
        .map(|t| (t as f64, 0.1 - t as f64 * 9e-4))
        .collect()
}

#[test]
fn chart_has_title_axis_names_and_the_curve() {
    let pts = line();
    let curves = plain(&pts);
    let svg = svg_of(&chart(&curves));
    assert!(svg.contains("Cosine annealing"));
    assert!(svg.contains("learning rate η"));
    assert!(svg.lines().any(|l| l.trim() == "step"), "x-axis name");
    assert!(
        svg.contains("<polyline"),
        "the curve is drawn as a polyline"
    );
}

#[test]
fn log_axis_labels_decades() {
    let pts = line();
    let curves = plain(&pts);
    let svg = svg_of(&ScheduleChart {
        log_y: true,
        ..chart(&curves)
    });
    assert!(svg.contains("learning rate η (log)"));
    assert!(svg.lines().any(|l| l.trim() == "0.01"), "a decade tick");
    assert!(svg.lines().any(|l| l.trim() == "0.1"), "the next decade");
    assert!(
        !svg.lines().any(|l| l.trim() == "0.05"),
        "no ticks between decades"
    );
}

#[test]
fn a_warm_up_from_zero_does_not_stretch_the_log_axis_past_four_decades() {
    // 1e-12 of the peak a billionth of a step in, then the run at 1e-3.
    let pts = [(1e-9, 1e-15), (1.0, 1e-6), (500.0, 1e-3), (1000.0, 2e-4)];
    let curves = plain(&pts);
    let log = ScheduleChart {
        log_y: true,
        ..chart(&curves)
    };
    assert_eq!(y_range(&log), (-7.0, -3.0));
    let svg = svg_of(&log);
    assert!(svg.lines().any(|l| l.trim() == "1e-7"), "the lowest decade");
    assert!(!svg.lines().any(|l| l.trim() == "1e-8"), "nothing below it");
}

#[test]
fn markers_bands_and_legend_are_drawn() {
    let pts = line();
    let curves = [
        Curve {
            points: &pts,
            color: Theme::LIGHT.curve,
            label: Some("Anneal"),
        },
        Curve {
            points: &pts,
            color: Theme::LIGHT.marker,
            label: Some("pinned"),
        },
    ];
    let svg = svg_of(&ScheduleChart {
        restarts: &[(50.0, 1)],
        warmup_bands: &[(0.0, 10.0)],
        ..chart(&curves)
    });
    assert!(svg.lines().any(|l| l.trim() == "Anneal") && svg.lines().any(|l| l.trim() == "pinned"));
    assert!(
        svg.lines().any(|l| l.trim() == "1"),
        "the restart's cycle index"
    );
    assert!(svg.contains("<rect"), "warm-up band");
}

#[test]
fn cycle_numbers_that_would_touch_are_left_out_and_their_lines_kept() {
    let pts = line();
    let curves = plain(&pts);
    // Restarts 1 and 2 a pixel apart, 3 far from both.
    let svg = svg_of(&ScheduleChart {
        restarts: &[(50.0, 1), (50.2, 2), (80.0, 3)],
        ..chart(&curves)
    });
    let numbers: Vec<&str> = svg
        .lines()
        .map(str::trim)
        .filter(|l| ["1", "2", "3"].contains(l))
        .collect();
    assert_eq!(numbers, ["1", "3"]);
    let plain = svg_of(&chart(&curves));
    assert_eq!(
        svg.matches("<polyline").count(),
        plain.matches("<polyline").count() + 3,
        "every marker's line"
    );
}

#[test]
fn the_legend_box_takes_the_emptiest_corner_the_upper_right_first() {
    let pts = line();
    let labelled = [Curve {
        points: &pts,
        color: Theme::LIGHT.curve,
        label: Some("PyTorch"),
    }];
    let mut out = String::new();
    let area = SVGBackend::with_string(&mut out, (640, 360)).into_drawing_area();
    let p = draw_schedule(&area, &chart(&labelled), &Theme::LIGHT).expect("draws");
    let [l, t, r, b] = p.legend.expect("a labelled curve has a legend");
    assert!(
        p.left < l && l < r && r <= p.right && p.top <= t && t < b,
        "{p:?}"
    );
    assert!(
        l > (p.left + p.right) / 2 && b < (p.top + p.bottom) / 2,
        "{p:?}"
    );
    // A curve that ends high leaves the upper left free, and the legend goes there.
    let rising: Vec<(f64, f64)> = pts.iter().map(|&(t, v)| (t, 0.11 - v)).collect();
    let up = [Curve {
        points: &rising,
        ..labelled[0]
    }];
    let q = draw_schedule(&area, &chart(&up), &Theme::LIGHT).expect("draws");
    let [l, _, _, b] = q.legend.expect("a legend");
    assert!(
        l < (q.left + q.right) / 2 && b < (q.top + q.bottom) / 2,
        "{q:?}"
    );
    let unlabelled = [Curve {
        label: None,
        ..labelled[0]
    }];
    let p = draw_schedule(&area, &chart(&unlabelled), &Theme::LIGHT).expect("draws");
    assert_eq!(p.legend, None);
}

#[test]
fn negative_values_and_a_cursor_are_drawn() {
    let pts: Vec<(f64, f64)> = (0..=100)
        .map(|t| (t as f64, -2.0 + t as f64 * 0.01))
        .collect();
    let curves = plain(&pts);
    let loss = ScheduleChart {
        y_label: "loss",
        ..chart(&curves)
    };
    let svg = svg_of(&loss);
    assert!(svg.lines().any(|l| l.trim() == "loss"));
    assert!(svg.lines().any(|l| l.trim() == "-2"), "a negative tick");
    let with_cursor = svg_of(&ScheduleChart {
        cursor: Some(40.0),
        ..loss
    });
    assert_eq!(
        with_cursor.matches("<polyline").count(),
        svg.matches("<polyline").count() + 1,
        "the cursor line"
    );
}

#[test]
fn tick_labels_hide_float_noise() {
    assert_eq!(tick_label(0.060000000000000005), "0.06");
    assert_eq!(tick_label(0.0), "0");
    assert_eq!(tick_label(2e-5), "2e-5");
}

#[test]
fn an_empty_or_flat_zero_series_still_draws() {
    let svg = svg_of(&chart(&[]));
    assert!(svg.contains("Cosine annealing"));
    let zeros = [(0.0, 0.0), (1.0, 0.0)];
    let curves = [Curve {
        points: &zeros,
        color: Theme::LIGHT.curve,
        label: None,
    }];
    assert!(svg_of(&ScheduleChart {
        log_y: true,
        ..chart(&curves)
    })
    .contains("learning rate"));
}

/// The y of the SVG text element reading `label`.
fn text_y(svg: &str, label: &str) -> f64 {
    // plotters writes a text's content on a line of its own.
    let at = svg
        .find(&format!("\n{label}\n</text>"))
        .unwrap_or_else(|| panic!("{label} is written"));
    let tag = &svg[svg[..at].rfind("<text").expect("its tag")..at];
    let y = tag.split(" y=\"").nth(1).expect("a y");
    y[..y.find('"').expect("closed")].parse().expect("a number")
}

/// The five libraries' names and the current schedule's, as a compare legend lists them.
const COMPARED: [&str; 6] = [
    "PyTorch",
    "timm",
    "Hugging Face",
    "optax",
    "Keras",
    "current",
];

/// Each of [`COMPARED`] as a labelled curve through `pts`.
fn compared(pts: &[(f64, f64)]) -> Vec<Curve<'_>> {
    COMPARED
        .iter()
        .map(|&name| Curve {
            points: pts,
            color: Theme::LIGHT.curve,
            label: Some(name),
        })
        .collect()
}

/// `curves` drawn at `size`: the plot area and the SVG.
fn drawn(size: (u32, u32), curves: &[Curve]) -> (PlotArea, String) {
    let mut out = String::new();
    let p = {
        let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
        draw_schedule(&area, &chart(curves), &Theme::LIGHT).expect("draws")
    };
    (p, out)
}

#[test]
fn a_phones_legend_of_many_curves_goes_in_rows_under_the_chart() {
    let pts = line();
    let curves = compared(&pts);
    let (phone, svg) = drawn((344, 280), &curves);
    assert_eq!(phone.legend, None, "no box over the curves");
    assert!(phone.strip > 0);
    for name in COMPARED {
        // Below the x-axis's name, itself below the plot.
        assert!(
            text_y(&svg, name) > f64::from(phone.bottom) + 30.0,
            "{name}: {phone:?}"
        );
    }
    assert!(
        text_y(&svg, "timm") == text_y(&svg, "PyTorch"),
        "rows, not a column"
    );
    // Two curves keep their box in the plot; so does a wide chart's legend of six.
    let (two, _) = drawn((344, 280), &curves[..2]);
    assert!(two.legend.is_some() && two.strip == 0, "{two:?}");
    let (wide, _) = drawn((900, 450), &curves);
    assert!(wide.legend.is_some() && wide.strip == 0, "{wide:?}");
}

#[test]
fn a_page_chart_that_grows_takes_rows_however_many() {
    let pts = line();
    let mut curves = compared(&pts);
    curves[0].label = Some("ResNet-50 step decay, from the paper");
    let size = (358, 160);
    let draw = |grows: bool| {
        let mut out = String::new();
        let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
        let chart = ScheduleChart {
            grows,
            ..chart(&curves)
        };
        draw_schedule(&area, &chart, &Theme::LIGHT).expect("draws")
    };
    // Fixed, the rows would take over a third of the plot: the box.
    let fixed = draw(false);
    assert!(fixed.legend.is_some() && fixed.strip == 0, "{fixed:?}");
    let page = draw(true);
    assert!(page.legend.is_none() && page.strip > 0, "{page:?}");
}

#[test]
fn a_tiny_frames_legend_stays_a_box_rather_than_take_the_plot() {
    let pts = line();
    let (p, _) = drawn((300, 150), &compared(&pts));
    assert_eq!(p.strip, 0);
    assert!(p.legend.is_some() && p.bottom - p.top > 20, "{p:?}");
}

#[test]
fn an_axis_reaching_ten_million_writes_every_tick_the_same_way() {
    let pts: Vec<(f64, f64)> = (0..=120).map(|t| (t as f64 * 1e5, 0.1)).collect();
    let curves = plain(&pts);
    let svg = svg_of(&ScheduleChart {
        x_max: 1.2e7,
        ..chart(&curves)
    });
    let ticks: Vec<&str> = svg
        .lines()
        .map(str::trim)
        .filter(|l| l.ends_with("e6") || l.ends_with("e7") || l.ends_with("000"))
        .collect();
    assert!(
        ticks.contains(&"2e6") && ticks.contains(&"1e7"),
        "{ticks:?}"
    );
    assert!(!ticks.contains(&"2000000"), "{ticks:?}");
}
