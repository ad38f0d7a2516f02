use super::*;

#[test]
fn the_run_ends_where_the_schedule_does_and_the_chart_a_fifth_later() {
    let plain = Settings::default().resolve();
    assert_eq!((plain.run_steps, plain.horizon_steps), (100.0, 120.0));
    let warm = Settings {
        warmup: 10.0,
        ..Settings::default()
    }
    .resolve();
    assert_eq!((warm.run_steps, warm.horizon_steps), (110.0, 132.0));
    let set = Settings {
        horizon: 250.0,
        ..Settings::default()
    }
    .resolve();
    assert_eq!((set.run_steps, set.horizon_steps), (250.0, 250.0));
}

#[test]
fn epochs_map_to_optimizer_steps_through_accumulation() {
    let s = Settings {
        unit: Unit::Epochs,
        t_max: 10.0,
        steps_per_epoch: 1000.0,
        grad_accum: 4.0,
        ..Settings::default()
    };
    let r = s.resolve();
    assert_eq!(r.steps_per_unit, 250.0);
    assert_eq!(r.schedule.t_0, 2500.0);
    let odd = Settings {
        steps_per_epoch: 1001.0,
        ..s.clone()
    };
    assert_eq!(
        odd.steps_per_unit(),
        251.0,
        "transformers ≥ 4.52 steps on a partial accumulation"
    );
    let older = Settings {
        steps_rule: Counter::TrainerFloor,
        ..odd
    };
    assert_eq!(older.steps_per_unit(), 250.0, "up to 4.51 it is dropped");
}

#[test]
fn default_settings_are_the_skeleton_curve() {
    let r = Settings::default().resolve();
    assert_eq!(r.schedule.validate(), Ok(()));
    assert_eq!(r.horizon_steps, 120.0);
    assert!(r.notices.is_empty());
    assert_eq!(r.schedule.lr(0.0), 0.1);
}

#[test]
fn conflicts_are_resolved_with_a_notice() {
    let s = Settings {
        eta_min: 0.5,
        warmup: 10.0,
        warmup_shape: WarmupShape::Exponential,
        ..Settings::default()
    };
    let r = s.resolve();
    assert_eq!(r.notices.len(), 2, "{:?}", r.notices);
    assert_eq!(r.schedule.validate(), Ok(()));
}

#[test]
fn auto_horizon_shows_the_limited_cycles_or_four() {
    let sgdr = Settings {
        t_max: 10.0,
        restarts: true,
        ..Settings::default()
    };
    // 10 + 20 + 40 + 80 = 150 → 180.
    assert_eq!(sgdr.resolve().horizon_steps, 180.0);
    let limited = Settings {
        cycle_limit: 2.0,
        ..sgdr
    };
    assert_eq!(limited.resolve().horizon_steps, 36.0);
}

#[test]
fn an_exponential_warm_up_from_zero_says_where_it_starts_as_people_write_it() {
    let s = Settings {
        eta_max: 1.12e-6,
        warmup: 5.0,
        warmup_shape: WarmupShape::Exponential,
        ..Settings::default()
    };
    let notices = s.resolve().notices;
    assert!(
        notices.contains(
            &"An exponential warm-up cannot start at 0: starting at η_max/100 = 1.12e-8.".into()
        ),
        "{notices:?}"
    );
}
