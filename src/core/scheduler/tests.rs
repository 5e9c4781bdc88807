use super::*;
use crate::core::model::{CardState, Memory, Queue, Rating, Review, Settings};
use fsrs::{FSRS, MemoryState};

// 2024-03-10 10:00:00 UTC: a fixed clock for every test.
const NOW: i64 = 1_710_064_800;
const MIN: i64 = 60;
const DAY: i64 = DAY_SECS;

fn sched() -> Scheduler {
    Scheduler::new(&Settings::default()).expect("default settings are valid")
}

/// Deterministic test RNG (SplitMix64).
struct Rng(u64);
impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next_u64() % (hi - lo + 1) as u64) as i64
    }
}

fn review_state(stability: f32, difficulty: f32, interval: u32, elapsed_days: i64) -> CardState {
    CardState {
        queue: Queue::Review,
        due: NOW - (elapsed_days - i64::from(interval)) * DAY,
        step: 0,
        memory: Some(Memory {
            stability,
            difficulty,
        }),
        interval_days: interval,
        reps: 5,
        lapses: 0,
        last_review: Some(NOW - elapsed_days * DAY),
        ..CardState::default()
    }
}

#[test]
fn learning_steps_good_good_graduates() {
    let s = sched();
    let c0 = CardState::default();
    let c1 = s.answer("card", &c0, Rating::Good, NOW);
    assert_eq!(
        (c1.queue, c1.step, c1.due),
        (Queue::Learning, 1, NOW + 10 * MIN)
    );
    assert_eq!(c1.reps, 1);
    assert_eq!(c1.last_review, Some(NOW));
    assert_eq!(c1.interval_days, 0);
    // The first answer sets the memory exactly as FSRS's first review.
    let first = FSRS::new(&[]).unwrap().next_states(None, 0.9, 0).unwrap();
    assert_eq!(c1.memory.map(to_fsrs), Some(first.good.memory));

    let t2 = NOW + 10 * MIN;
    let c2 = s.answer("card", &c1, Rating::Good, t2);
    assert_eq!(c2.queue, Queue::Review);
    assert_eq!(c2.step, 0);
    assert_eq!(c2.reps, 2);
    assert!(c2.interval_days >= 1);
    assert_eq!(c2.due, t2 + i64::from(c2.interval_days) * DAY);
    // Graduating uses the FSRS good interval (fuzzed within Anki's bounds).
    let ns = s.next_states(&c1, t2);
    assert_eq!(c2.memory.map(to_fsrs), Some(ns.good.memory));
    let (lo, hi) = fuzz::constrained_fuzz_bounds(ns.good.interval.round().max(1.0), 1, 36_500);
    assert!(
        (lo..=hi).contains(&c2.interval_days),
        "{} not in {lo}..={hi}",
        c2.interval_days
    );
}

#[test]
fn again_resets_hard_repeats_easy_graduates() {
    let s = sched();
    let c0 = CardState::default();
    // Hard on the first step: average of 1m and 10m.
    let h = s.answer("c", &c0, Rating::Hard, NOW);
    assert_eq!((h.queue, h.step, h.due), (Queue::Learning, 0, NOW + 330));
    // Good to step 1, then Hard repeats step 1 (10m), Again back to step 0 (1m).
    let g = s.answer("c", &c0, Rating::Good, NOW);
    let gh = s.answer("c", &g, Rating::Hard, NOW + 600);
    assert_eq!(
        (gh.queue, gh.step, gh.due),
        (Queue::Learning, 1, NOW + 1200)
    );
    let ga = s.answer("c", &g, Rating::Again, NOW + 600);
    assert_eq!((ga.queue, ga.step, ga.due), (Queue::Learning, 0, NOW + 660));
    // Again on a new card: first step.
    let a = s.answer("c", &c0, Rating::Again, NOW);
    assert_eq!((a.queue, a.step, a.due), (Queue::Learning, 0, NOW + 60));
    assert_eq!(a.lapses, 0, "failing a learning card is not a lapse");
    // Easy graduates immediately, at least a day beyond the good interval.
    let e = s.answer("c", &c0, Rating::Easy, NOW);
    assert_eq!(e.queue, Queue::Review);
    let first = s.next_states(&c0, NOW);
    let good = fuzz::with_review_fuzz(Some(fuzz_factor("c", 0)), first.good.interval, 1, 36_500);
    assert!(e.interval_days > good);
    assert_eq!(e.memory.map(to_fsrs), Some(first.easy.memory));

    // A lone step: Hard is 1.5× it (capped at +1 day).
    let one = Scheduler::new(&Settings {
        learning_steps: vec![600],
        ..Settings::default()
    })
    .unwrap();
    assert_eq!(one.answer("c", &c0, Rating::Hard, NOW).due, NOW + 900);
    let long = Scheduler::new(&Settings {
        learning_steps: vec![3 * 86_400],
        ..Settings::default()
    })
    .unwrap();
    assert_eq!(long.answer("c", &c0, Rating::Hard, NOW).due, NOW + 4 * DAY);
    // No steps at all: every answer graduates.
    let none = Scheduler::new(&Settings {
        learning_steps: vec![],
        ..Settings::default()
    })
    .unwrap();
    for r in Rating::ALL {
        assert_eq!(none.answer("c", &c0, r, NOW).queue, Queue::Review, "{r:?}");
    }
}

#[test]
fn relearning_after_lapse() {
    let s = sched();
    let rev = review_state(20.0, 5.0, 20, 21);
    let lapsed = s.answer("c", &rev, Rating::Again, NOW);
    assert_eq!((lapsed.queue, lapsed.step), (Queue::Relearning, 0));
    assert_eq!(lapsed.due, NOW + 10 * MIN);
    assert_eq!(lapsed.lapses, 1);
    assert_eq!(lapsed.interval_days, 0);
    let ns = s.next_states(&rev, NOW);
    assert_eq!(lapsed.memory.map(to_fsrs), Some(ns.again.memory));
    assert!(lapsed.memory.unwrap().stability < 20.0);

    // Again while relearning: back to the first step, not another lapse.
    let again = s.answer("c", &lapsed, Rating::Again, NOW + 10 * MIN);
    assert_eq!(
        (again.queue, again.step, again.lapses),
        (Queue::Relearning, 0, 1)
    );
    // Hard on the lone relearning step: 15 minutes.
    let hard = s.answer("c", &lapsed, Rating::Hard, NOW + 10 * MIN);
    assert_eq!(hard.due, NOW + 25 * MIN);
    // Good graduates back to review with the FSRS interval.
    let back = s.answer("c", &lapsed, Rating::Good, NOW + 10 * MIN);
    assert_eq!(back.queue, Queue::Review);
    assert_eq!(back.lapses, 1);
    assert!(back.interval_days >= 1);
    assert!(back.interval_days < 20, "a lapse shortens the interval");

    // Without relearning steps the card stays in review with FSRS's again interval.
    let no_steps = Scheduler::new(&Settings {
        relearning_steps: vec![],
        ..Settings::default()
    })
    .unwrap();
    let direct = no_steps.answer("c", &rev, Rating::Again, NOW);
    assert_eq!(direct.queue, Queue::Review);
    assert_eq!(direct.lapses, 1);
    assert_eq!(
        direct.interval_days,
        ns.again.interval.round().max(1.0) as u32
    );
}

#[test]
fn previews_equal_answers() {
    let s = sched();
    let mut states = vec![CardState::default()];
    let mut rng = Rng(7);
    // Walk a few cards through random answers, checking every state on the way.
    for card in 0..40 {
        let id = format!("card-{card}");
        let mut st = CardState::default();
        let mut t = NOW;
        for _ in 0..12 {
            let previews = s.preview(&id, &st, t);
            for (p, r) in previews.iter().zip(Rating::ALL) {
                assert_eq!(p.rating, r);
                let answered = s.answer(&id, &st, r, t);
                assert_eq!(p.next, answered, "{id} {r:?} {st:?}");
                assert_eq!(p.interval_secs, answered.due - t);
                assert_eq!(p.label, format_interval(answered.due - t));
            }
            let r = Rating::ALL[rng.range(0, 3) as usize];
            st = s.answer(&id, &st, r, t);
            states.push(st.clone());
            t = st.due + rng.range(0, 2 * DAY);
        }
    }
    // Typical labels for a new card: 1m / 6m / 10m / days.
    let p = s.preview("x", &CardState::default(), NOW);
    assert_eq!(p[0].label, "1m");
    assert_eq!(p[1].label, "6m");
    assert_eq!(p[2].label, "10m");
    assert!(p[3].label.ends_with('d'), "{}", p[3].label);
}

#[test]
fn hard_good_easy_are_ordered_for_random_review_states() {
    let mut rng = Rng(42);
    for max in [36_500u32, 30, 3] {
        let s = Scheduler::new(&Settings {
            maximum_interval_days: max,
            ..Settings::default()
        })
        .unwrap();
        for i in 0..1_500 {
            let stability = (0.05f64 * (5_000.0f64 / 0.05).powf(rng.unit())) as f32;
            let difficulty = 1.0 + 9.0 * rng.unit() as f32;
            let interval = rng.range(1, 3_650) as u32;
            let elapsed = rng.range(0, 3 * i64::from(interval));
            let mut st = review_state(stability, difficulty, interval, elapsed);
            st.reps = rng.range(1, 50) as u32;
            let id = format!("r{i}");
            let [_, h, g, e] = s.preview(&id, &st, NOW).map(|p| p.next.interval_days);
            assert!(h <= g && g <= e, "{h} {g} {e} for {st:?}");
            assert!(e <= max && h >= 1);
            if e < max {
                assert!(
                    h < g && g < e,
                    "Anki: good ≥ hard+1, easy ≥ good+1: {h} {g} {e}"
                );
            }
        }
    }
}

#[test]
fn review_matches_fsrs_next_states_exactly() {
    let s = sched();
    let fsrs = FSRS::new(&fsrs::DEFAULT_PARAMETERS).unwrap();
    for (stab, diff, ivl, elapsed) in [
        (10.0f32, 5.0f32, 10u32, 10i64),
        (45.3, 3.2, 40, 52),
        (3.1, 8.7, 3, 3),
        (200.0, 6.0, 180, 200),
        (1.5, 2.0, 1, 2),
    ] {
        let st = review_state(stab, diff, ivl, elapsed);
        let expected = fsrs
            .next_states(
                Some(MemoryState {
                    stability: stab,
                    difficulty: diff,
                }),
                0.9,
                elapsed as u32,
            )
            .unwrap();
        assert_eq!(s.next_states(&st, NOW), expected);
        for (r, item) in Rating::ALL.into_iter().zip([
            &expected.again,
            &expected.hard,
            &expected.good,
            &expected.easy,
        ]) {
            let next = s.answer("id", &st, r, NOW);
            assert_eq!(next.memory.map(to_fsrs), Some(item.memory), "{r:?}");
        }
        // Before fuzz the intervals are FSRS's, rounded.
        let (h, g, e) = s.review_intervals(ivl, &expected, None);
        assert_eq!(
            (h, g, e),
            (
                expected.hard.interval.round() as u32,
                expected.good.interval.round() as u32,
                expected.easy.interval.round() as u32
            ),
            "{stab} {diff} {ivl} {elapsed}"
        );
        assert!(
            h < g && g < e,
            "precondition: no Anki constraint binds here"
        );
        // With fuzz each lies in Anki's fuzz range around that value.
        for (p, raw) in s.preview("id", &st, NOW)[1..].iter().zip([
            expected.hard.interval,
            expected.good.interval,
            expected.easy.interval,
        ]) {
            let (lo, hi) = fuzz::constrained_fuzz_bounds(raw, 1, 36_500);
            assert!(
                (lo..=hi).contains(&p.next.interval_days),
                "{raw} -> {}",
                p.next.interval_days
            );
        }
    }
    // When rounding makes Hard and Good equal, Good is pushed a day beyond Hard.
    let st = review_state(3.1, 8.7, 3, 1);
    let ns = s.next_states(&st, NOW);
    assert_eq!(
        (ns.hard.interval.round(), ns.good.interval.round()),
        (4.0, 4.0),
        "precondition"
    );
    assert_eq!(
        s.review_intervals(3, &ns, None),
        (4, 5, ns.easy.interval.round() as u32)
    );
}

#[test]
fn fuzz_is_deterministic_per_card_and_review_count_and_spreads() {
    let s = sched();
    let st = review_state(40.0, 5.0, 35, 40);
    let a = s.answer("same", &st, Rating::Good, NOW);
    let b = s.answer("same", &st, Rating::Good, NOW);
    assert_eq!(a, b);
    let good = s.next_states(&st, NOW).good.interval;
    assert!(good > 20.0, "precondition: a fuzzed interval ({good})");
    let mut seen = std::collections::BTreeSet::new();
    for i in 0..300 {
        seen.insert(
            s.answer(&format!("card-{i}"), &st, Rating::Good, NOW)
                .interval_days,
        );
    }
    let (lo, hi) = fuzz::constrained_fuzz_bounds(good, 1, 36_500);
    assert!(seen.iter().all(|d| (lo..=hi).contains(d)));
    assert!(
        seen.len() as u32 >= (hi - lo + 1) * 3 / 4,
        "{seen:?} vs {lo}..={hi}"
    );
    // Same id, different review count: a different draw for at least some reps.
    let by_reps: std::collections::BTreeSet<u32> = (0..50)
        .map(|reps| {
            let st = CardState { reps, ..st.clone() };
            s.answer("same", &st, Rating::Good, NOW).interval_days
        })
        .collect();
    assert!(by_reps.len() > 3, "{by_reps:?}");
}

#[test]
fn no_fuzz_under_two_and_a_half_days() {
    let s = sched();
    // A weak memory reviewed the next day: FSRS gives short intervals.
    let st = review_state(0.6, 8.0, 1, 1);
    let ns = s.next_states(&st, NOW);
    assert!(ns.hard.interval < 2.5, "precondition: {}", ns.hard.interval);
    let expected = ns.hard.interval.round().max(1.0) as u32;
    for i in 0..300 {
        let id = format!("id-{i}");
        assert_eq!(
            s.answer(&id, &st, Rating::Hard, NOW).interval_days,
            expected
        );
    }
}

#[test]
fn elapsed_days_follow_the_local_day_boundary() {
    // UTC+2, day starts 04:00 local = 02:00 UTC.
    let s = sched().with_utc_offset(7_200);
    let midnight = 1_710_028_800; // 2024-03-10 00:00 UTC
    let last = midnight - 2 * 3_600; // 22:00 UTC the day before = 00:00 local
    let st = CardState {
        last_review: Some(last),
        ..review_state(5.0, 5.0, 1, 0)
    };
    assert_eq!(s.elapsed_days(&st, midnight + 3_600), 0); // 03:00 local
    assert_eq!(s.elapsed_days(&st, midnight + 2 * 3_600), 1); // 04:00 local
    assert_eq!(sched().elapsed_days(&st, midnight + 2 * 3_600), 0); // UTC: 02:00 UTC
}

#[test]
fn clock_going_backwards_keeps_state_valid() {
    let s = sched();
    // Last review "in the future": elapsed days clamp to zero.
    let mut st = review_state(12.0, 5.0, 12, 0);
    st.last_review = Some(NOW + 5 * DAY);
    assert_eq!(s.elapsed_days(&st, NOW), 0);
    assert_eq!(s.retrievability(&st, NOW), Some(1.0));
    for r in Rating::ALL {
        let n = s.answer("c", &st, r, NOW);
        let m = n.memory.unwrap();
        assert!(m.stability.is_finite() && m.stability > 0.0);
        assert!((1.0..=10.0).contains(&m.difficulty));
        assert!(n.due > NOW, "{r:?}");
        assert_eq!(n.last_review, Some(NOW));
    }
    // Corrupt memory (NaN) falls back to a fresh memory rather than NaN.
    let bad = CardState {
        memory: Some(Memory {
            stability: f32::NAN,
            difficulty: 5.0,
        }),
        ..review_state(1.0, 1.0, 3, 3)
    };
    let n = s.answer("c", &bad, Rating::Good, NOW);
    assert!(n.memory.unwrap().stability.is_finite());
    assert_eq!(s.retrievability(&bad, NOW), None);
}

#[test]
fn leech_at_eight_lapses() {
    let s = sched();
    let mut st = review_state(30.0, 5.0, 30, 30);
    let mut t = NOW;
    for lapse in 1..=8 {
        st.suspended = false; // as if the learner kept going
        st = s.answer("leechy", &st, Rating::Again, t);
        assert_eq!(st.lapses, lapse);
        assert_eq!(st.leech, lapse == 8, "lapse {lapse}");
        assert_eq!(st.suspended, lapse == 8, "lapse {lapse}");
        t = st.due;
        st = s.answer("leechy", &st, Rating::Good, t);
        assert_eq!(st.queue, Queue::Review);
        t = st.due;
    }
    // A custom threshold, and Anki's re-suspension at every half threshold.
    let s3 = Scheduler::new(&Settings {
        leech_lapses: 4,
        ..Settings::default()
    })
    .unwrap();
    let mut flags = Vec::new();
    let mut st = review_state(30.0, 5.0, 30, 30);
    for _ in 0..8 {
        st.suspended = false;
        st = s3.answer("c", &st, Rating::Again, NOW);
        flags.push(st.suspended);
        st = s3.answer("c", &st, Rating::Good, NOW + 600);
    }
    assert_eq!(flags, [false, false, false, true, false, true, false, true]);
}

#[test]
fn undo_returns_the_before_state() {
    let s = sched();
    let before = review_state(8.0, 4.0, 8, 9);
    let after = s.answer("c", &before, Rating::Good, NOW);
    let review = Review {
        seq: 1,
        time: NOW,
        deck: "d".into(),
        card: "c".into(),
        rating: Rating::Good,
        taken_ms: 1200,
        before: before.clone(),
        after: after.clone(),
    };
    assert_ne!(before, after);
    assert_eq!(undo(&review), before);
}

#[test]
fn invalid_parameters_are_an_error_not_a_panic() {
    for params in [
        vec![1.0; 5],
        vec![f32::NAN; 21],
        vec![f32::INFINITY; 19],
        vec![0.0; 22],
    ] {
        let r = Scheduler::new(&Settings {
            fsrs_params: params.clone(),
            ..Settings::default()
        });
        assert!(
            matches!(r, Err(SchedulerError::InvalidParameters { .. })),
            "{params:?}"
        );
    }
    // FSRS-5 (19 values) upgrades; extreme but finite values are clipped.
    let five = Scheduler::new(&Settings {
        fsrs_params: fsrs::DEFAULT_PARAMETERS[..19].to_vec(),
        ..Settings::default()
    })
    .unwrap();
    assert_eq!(five.parameters().len(), 21);
    let wild = Scheduler::new(&Settings {
        fsrs_params: vec![1e30; 21],
        ..Settings::default()
    });
    if let Ok(w) = wild {
        let n = w.answer("c", &review_state(10.0, 5.0, 10, 10), Rating::Good, NOW);
        assert!(n.memory.unwrap().stability.is_finite());
    }
    // Retention is clamped into 0.70–0.97.
    let hi = Scheduler::new(&Settings {
        desired_retention: 0.999,
        ..Settings::default()
    })
    .unwrap();
    assert_eq!(hi.desired_retention(), 0.97);
    let lo = Scheduler::new(&Settings {
        desired_retention: 0.1,
        ..Settings::default()
    })
    .unwrap();
    assert_eq!(lo.desired_retention(), 0.70);
    let st = review_state(30.0, 5.0, 30, 30);
    assert!(
        lo.answer("c", &st, Rating::Good, NOW).interval_days
            > hi.answer("c", &st, Rating::Good, NOW).interval_days
    );
}

#[test]
fn maximum_interval_is_respected() {
    let s = Scheduler::new(&Settings {
        maximum_interval_days: 10,
        ..Settings::default()
    })
    .unwrap();
    let st = review_state(300.0, 2.0, 200, 200);
    for r in [Rating::Hard, Rating::Good, Rating::Easy] {
        assert!(s.answer("c", &st, r, NOW).interval_days <= 10);
    }
    let e = s.answer("c", &CardState::default(), Rating::Easy, NOW);
    assert!(e.interval_days <= 10);
}

#[test]
fn retrievability_follows_the_forgetting_curve() {
    let s = sched();
    assert_eq!(s.retrievability(&CardState::default(), NOW), None);
    let st = review_state(10.0, 5.0, 10, 0);
    assert_eq!(s.retrievability(&st, NOW), Some(1.0));
    let at_s = s.retrievability(&st, NOW + 10 * DAY).unwrap();
    assert!((at_s - 0.9).abs() < 1e-4, "R(S) = 0.9, got {at_s}");
    let later = s.retrievability(&st, NOW + 100 * DAY).unwrap();
    assert!(later < at_s && later > 0.0);
}

#[test]
fn format_interval_labels() {
    let cases = [
        (-5, "0s"),
        (45, "45s"),
        (60, "1m"),
        (330, "6m"),
        (600, "10m"),
        (3_599, "1h"),
        (5_400, "1.5h"),
        (86_400, "1d"),
        (4 * 86_400, "4d"),
        (96 * 86_400, "3.2mo"),
        (365 * 86_400, "1y"),
        (548 * 86_400, "1.5y"),
    ];
    for (secs, label) in cases {
        assert_eq!(format_interval(secs), label, "{secs}");
    }
}

// ---- Simulated history, for replay and the optimiser -------------------

/// Simulate `cards` cards introduced over the first `intro_days` days and studied for
/// `days` days, each review answered by a learner whose recall follows the
/// scheduler's own retrievability.
fn simulate(
    cards: usize,
    intro_days: i64,
    days: i64,
    seed: u64,
) -> (Vec<Review>, Vec<(String, CardState)>) {
    let s = sched();
    let mut rng = Rng(seed);
    let mut log = Vec::new();
    let mut finals = Vec::new();
    let end = NOW + days * DAY;
    for c in 0..cards {
        let id = format!("sim-{c}");
        let mut st = CardState::default();
        let mut t = NOW + (c as i64 * intro_days / cards as i64) * DAY + rng.range(0, 8 * 3_600);
        while t < end {
            let rating = match st.queue {
                Queue::New | Queue::Learning | Queue::Relearning => {
                    if rng.unit() < 0.85 {
                        Rating::Good
                    } else {
                        Rating::Again
                    }
                }
                Queue::Review => {
                    let p = f64::from(s.retrievability(&st, t).unwrap_or(0.9)) * 0.98;
                    let u = rng.unit();
                    if u >= p {
                        Rating::Again
                    } else if u < p * 0.1 {
                        Rating::Hard
                    } else if u > p * 0.9 {
                        Rating::Easy
                    } else {
                        Rating::Good
                    }
                }
            };
            let after = s.answer(&id, &st, rating, t);
            log.push(Review {
                seq: log.len() as u64,
                time: t,
                deck: "sim".into(),
                card: id.clone(),
                rating,
                taken_ms: 3_000,
                before: st.clone(),
                after: after.clone(),
            });
            st = after;
            st.suspended = false; // keep leeches in play
            // Review a little late sometimes, never early.
            t = st.due + rng.range(0, 3_600);
        }
        finals.push((id, st));
    }
    (log, finals)
}

#[test]
fn replay_reproduces_live_answers() {
    let (log, finals) = simulate(30, 60, 120, 1);
    let s = sched();
    for (id, live) in &finals {
        let mut replayed = s.replay(id, &log);
        replayed.suspended = live.suspended; // manual unsuspends are not logged
        assert_eq!(&replayed, live, "{id}");
    }
    // The free function with the same settings agrees.
    let (id, live) = &finals[3];
    let mut r = replay(id, &log, &Settings::default());
    r.suspended = live.suspended;
    assert_eq!(&r, live);
    assert_eq!(
        replay("nobody", &log, &Settings::default()),
        CardState::default()
    );
}

#[test]
fn optimise_needs_enough_history() {
    assert_eq!(
        optimise(&[]),
        Err(OptimiseError::NotEnoughData {
            reviews: 0,
            needed: MIN_REVIEWS_FOR_OPTIMISE
        })
    );
    // Plenty of answers, but all on the first day: nothing usable.
    let (log, _) = simulate(40, 1, 1, 3);
    assert!(log.len() >= 80);
    assert!(matches!(
        optimise(&log),
        Err(OptimiseError::NotEnoughData { reviews: 0, .. })
    ));
    // Some history, under the threshold.
    let (log, _) = simulate(20, 20, 90, 4);
    match optimise(&log) {
        Err(OptimiseError::NotEnoughData { reviews, needed }) => {
            assert!(reviews > 0 && reviews < needed, "{reviews}");
        }
        other => panic!("expected NotEnoughData, got {other:?}"),
    }
}

#[test]
fn fsrs_items_follow_anki_rules() {
    let (log, _) = simulate(10, 10, 60, 5);
    let (items, ids) = fsrs_items(&log, 0, 4);
    assert_eq!(items.len(), ids.len());
    assert!(!items.is_empty());
    for it in &items {
        assert_eq!(it.reviews[0].delta_t, 0, "first review has delta_t 0");
        assert!(it.reviews.len() >= 2);
        assert!(
            it.reviews.last().unwrap().delta_t > 0,
            "each item ends on a later day"
        );
        assert!(it.reviews.iter().all(|r| (1..=4).contains(&r.rating)));
    }
    // A card whose first answer is missing from the log is skipped.
    let without_first: Vec<Review> = log
        .iter()
        .filter(|r| !(r.card == "sim-0" && r.before.queue == Queue::New))
        .cloned()
        .collect();
    let (fewer, _) = fsrs_items(&without_first, 0, 4);
    assert!(fewer.len() < items.len());
}

/// A few hundred cards over five months (about 2 000 training items): enough
/// to train. Fast even in a debug build (well under a second).
#[test]
fn optimise_with_months_of_history_returns_21_parameters() {
    let (log, _) = simulate(300, 60, 150, 11);
    let (items, _) = fsrs_items(&log, 0, 4);
    assert!(
        items.len() >= MIN_REVIEWS_FOR_OPTIMISE,
        "{} items",
        items.len()
    );
    let start = std::time::Instant::now();
    let params = optimise(&log).expect("enough data");
    eprintln!("optimise: {} items in {:?}", items.len(), start.elapsed());
    assert_eq!(params.len(), 21);
    assert!(params.iter().all(|w| w.is_finite()));
    // Trained: not the defaults, and not merely the fitted initial
    // stabilities (w0–w3) the crate returns for tiny data sets.
    assert_ne!(params[4..], fsrs::DEFAULT_PARAMETERS[4..], "{params:?}");
    // The result is usable by the scheduler.
    let s = Scheduler::new(&Settings {
        fsrs_params: params,
        ..Settings::default()
    })
    .unwrap();
    let n = s.answer("x", &CardState::default(), Rating::Good, NOW);
    assert_eq!(n.queue, Queue::Learning);
}

mod prop {
    use super::*;
    use proptest::prelude::*;

    fn any_queue() -> impl Strategy<Value = Queue> {
        prop_oneof![
            Just(Queue::New),
            Just(Queue::Learning),
            Just(Queue::Review),
            Just(Queue::Relearning)
        ]
    }

    fn any_f32() -> impl Strategy<Value = f32> {
        prop_oneof![
            -10.0f32..40_000.0,
            Just(f32::NAN),
            Just(f32::INFINITY),
            Just(0.0f32),
            Just(-1.0f32),
        ]
    }

    prop_compose! {
        fn any_state()(
            queue in any_queue(),
            due in any::<i64>(),
            step in prop_oneof![0u32..4, Just(u32::MAX)],
            memory in proptest::option::of((any_f32(), any_f32())),
            interval_days in prop_oneof![0u32..40_000, Just(u32::MAX)],
            reps in any::<u32>(),
            lapses in any::<u32>(),
            last_offset in proptest::option::of(-40_000i64 * 86_400..40_000 * 86_400),
            suspended in any::<bool>(),
            leech in any::<bool>(),
        ) -> CardState {
            CardState {
                queue,
                due,
                step,
                memory: memory.map(|(stability, difficulty)| Memory { stability, difficulty }),
                interval_days,
                reps,
                lapses,
                last_review: last_offset.map(|o| NOW + o),
                suspended,
                buried_until: None,
                leech,
            }
        }
    }

    proptest! {
        /// Any stored state, any button, any clock: no panic, a valid result,
        /// and the preview agrees with the answer.
        #[test]
        fn answers_are_always_valid(
            state in any_state(),
            now in prop_oneof![NOW - 1_000 * DAY..NOW + 1_000 * DAY, any::<i64>()],
            r in 0usize..4,
            id in "[a-z0-9-]{0,12}",
        ) {
            let s = sched();
            let rating = Rating::ALL[r];
            let next = s.answer(&id, &state, rating, now);
            prop_assert_eq!(&s.preview(&id, &state, now)[r].next, &next);
            prop_assert_eq!(next.reps, state.reps.saturating_add(1));
            prop_assert_eq!(next.last_review, Some(now));
            let m = next.memory.expect("memory after an answer");
            prop_assert!(m.stability.is_finite() && m.stability > 0.0, "{:?}", m);
            prop_assert!((1.0..=10.0).contains(&m.difficulty), "{:?}", m);
            match next.queue {
                Queue::Review => {
                    prop_assert!((1..=36_500).contains(&next.interval_days));
                    prop_assert_eq!(
                        next.due,
                        now.saturating_add(i64::from(next.interval_days) * DAY)
                    );
                }
                Queue::Learning | Queue::Relearning => {
                    prop_assert!(next.due >= now);
                    prop_assert_eq!(next.interval_days, 0);
                }
                Queue::New => prop_assert!(false, "an answered card is never new"),
            }
            if let Some(r) = s.retrievability(&next, now) {
                prop_assert!((0.0..=1.0).contains(&r));
            }
        }
    }
}
