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

#[test]
fn lengths_past_the_step_anneal_computes_to_are_cut_there_and_said_so() {
    // 1e12 examples × 100,000 epochs at batch 1: 1e17 steps, where every curve stops at 1e15.
    let huge = Settings {
        examples: 1e12,
        batch: 1.0,
        epochs: 1e5,
        warmup_ratio: 0.06,
        t_max_ratio: 1.0,
        ..Settings::default()
    };
    let r = huge.resolve();
    assert_eq!((r.total_steps, r.run_steps), (Some(1e15), 1e15));
    assert_eq!((r.schedule.warmup.length, r.schedule.t_0), (6e13, 9.4e14));
    assert!(
        r.notices.contains(&"The training setup gives 1e17 optimizer steps: Anneal computes schedules up to step 1e15, so the run is cut to 1e15 steps.".to_string()),
        "{:?}",
        r.notices
    );
    let epochs = Settings {
        unit: Unit::Epochs,
        steps_per_epoch: 1e12,
        t_max: 5000.0,
        ..Settings::default()
    }
    .resolve();
    assert_eq!(epochs.schedule.t_0, 1e15);
    assert!(
        epochs.notices.contains(&"t_max 5000 epochs = 5e15 optimizer steps: Anneal computes schedules up to step 1e15; set to 1e15 whole steps.".to_string()),
        "{:?}",
        epochs.notices
    );
}
