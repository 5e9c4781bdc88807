//! Interval fuzz, ported from Anki's `rslib/src/scheduler/states/fuzz.rs`:
//! no fuzz below 2.5 days, otherwise ±(1 day + 15 % of the days in 2.5–7 +
//! 10 % of the days in 7–20 + 5 % of the days above 20). The random factor is
//! derived deterministically from the card id and its review count, so a
//! preview, the real answer, an undo/redo and a replay all agree.

/// A band of interval lengths and how much fuzz each day inside it adds.
struct FuzzRange {
    start: f32,
    end: f32,
    factor: f32,
}

const FUZZ_RANGES: [FuzzRange; 3] = [
    FuzzRange {
        start: 2.5,
        end: 7.0,
        factor: 0.15,
    },
    FuzzRange {
        start: 7.0,
        end: 20.0,
        factor: 0.1,
    },
    FuzzRange {
        start: 20.0,
        end: f32::MAX,
        factor: 0.05,
    },
];

/// Days of fuzz in each direction (Anki's delta formula).
pub(crate) fn fuzz_delta(interval: f32) -> f32 {
    if interval < 2.5 {
        0.0
    } else {
        FUZZ_RANGES.iter().fold(1.0, |delta, range| {
            delta + range.factor * (interval.min(range.end) - range.start).max(0.0)
        })
    }
}

fn fuzz_bounds(interval: f32) -> (u32, u32) {
    let delta = fuzz_delta(interval);
    (
        (interval - delta).round().max(0.0) as u32,
        (interval + delta).round().max(0.0) as u32,
    )
}

/// Fuzz range clamped into `[minimum, maximum]`; like Anki, a range that
/// collapses to one value above 2 days is widened by a day when allowed.
pub(crate) fn constrained_fuzz_bounds(interval: f32, minimum: u32, maximum: u32) -> (u32, u32) {
    let minimum = minimum.min(maximum);
    let interval = if interval.is_nan() {
        minimum as f32
    } else {
        interval.clamp(minimum as f32, maximum as f32)
    };
    let (lower, upper) = fuzz_bounds(interval);
    let lower = lower.clamp(minimum, maximum);
    let mut upper = upper.clamp(minimum, maximum);
    if upper == lower && upper > 2 && upper < maximum {
        upper = lower + 1;
    }
    (lower, upper)
}

/// Apply fuzz (a factor in `[0, 1)`), or just round and clamp when `None`.
pub(crate) fn with_review_fuzz(
    fuzz_factor: Option<f32>,
    interval: f32,
    minimum: u32,
    maximum: u32,
) -> u32 {
    let minimum = minimum.min(maximum);
    match fuzz_factor {
        Some(f) => {
            let (lower, upper) = constrained_fuzz_bounds(interval, minimum, maximum);
            let f = f.clamp(0.0, 0.999_999);
            let picked = (lower as f32 + f * ((1 + upper - lower) as f32)).floor() as u32;
            picked.clamp(lower, upper)
        }
        None => {
            let r = if interval.is_nan() {
                0.0
            } else {
                interval.round().max(0.0)
            };
            (r as u32).clamp(minimum, maximum)
        }
    }
}

/// 64-bit FNV-1a.
fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// SplitMix64 finaliser: spreads FNV's low-entropy high bits.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The fuzz factor in `[0, 1)` for a card answered with `reps` earlier
/// reviews: FNV-1a over the card id and `reps`, then mixed.
pub fn fuzz_factor(card_id: &str, reps: u32) -> f32 {
    let h = mix(fnv1a(
        card_id.bytes().chain([0xff]).chain(reps.to_le_bytes()),
    ));
    // 24 random bits: exactly representable, strictly below 1.
    (h >> 40) as f32 / (1u32 << 24) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anki_reference_bounds() {
        // Anki's own vectors (lower, middle, upper at factors 0, 0.5, 0.99).
        let cases: [(f32, u32, u32, u32, u32, u32); 9] = [
            (1.0, 1, 1000, 1, 1, 1),
            (2.49, 1, 1000, 2, 2, 2),
            (2.5, 1, 1000, 2, 3, 4),
            (7.0, 1, 1000, 5, 7, 9),
            (17.0, 1, 1000, 14, 17, 20),
            (37.0, 1, 1000, 33, 37, 41),
            (100.0, 101, 1000, 101, 105, 108),
            (100.0, 1, 99, 92, 96, 99),
            (100.0, 97, 103, 97, 100, 103),
        ];
        for (ivl, min, max, lo, mid, hi) in cases {
            assert_eq!(with_review_fuzz(Some(0.0), ivl, min, max), lo, "{ivl}");
            assert_eq!(with_review_fuzz(Some(0.5), ivl, min, max), mid, "{ivl}");
            assert_eq!(with_review_fuzz(Some(0.99), ivl, min, max), hi, "{ivl}");
        }
    }

    #[test]
    fn no_fuzz_under_two_and_a_half_days() {
        for ivl in [0.3f32, 1.0, 1.4, 1.6, 2.0, 2.49] {
            let expected = ivl.round().max(1.0) as u32;
            for i in 0..500 {
                let f = fuzz_factor(&format!("card-{i}"), i);
                assert_eq!(with_review_fuzz(Some(f), ivl, 1, 36_500), expected, "{ivl}");
            }
            assert_eq!(fuzz_delta(ivl), 0.0);
        }
        assert_eq!(fuzz_delta(2.5), 1.0);
    }

    #[test]
    fn fuzz_stays_in_percentage_bands() {
        // Anki's delta is "1 day + a share per band"; relative to the interval
        // it never exceeds the band's percentage plus the 1-day base.
        for ivl in [
            3.0f32, 5.0, 7.0, 10.0, 15.0, 20.0, 30.0, 100.0, 365.0, 3650.0,
        ] {
            let pct = if ivl <= 7.0 {
                0.15
            } else if ivl <= 20.0 {
                0.10
            } else {
                0.05
            };
            let (lo, hi) = constrained_fuzz_bounds(ivl, 1, 36_500);
            let slack = 1.0 + pct * ivl + 1.5 + 0.5; // base day, nested bands, rounding
            assert!(
                ivl - lo as f32 <= slack && hi as f32 - ivl <= slack,
                "{ivl}"
            );
            assert!(lo < hi, "{ivl} must actually be fuzzed");
            for i in 0..300 {
                let d = with_review_fuzz(Some(fuzz_factor(&format!("x{i}"), 3)), ivl, 1, 36_500);
                assert!((lo..=hi).contains(&d), "{ivl}: {d} not in {lo}..={hi}");
            }
        }
        // Long intervals: within ±5 % (plus the base day and the lower bands).
        let (lo, hi) = constrained_fuzz_bounds(1000.0, 1, 36_500);
        assert!(lo >= 940 && hi <= 1060, "{lo}..{hi}");
    }

    #[test]
    fn factor_is_deterministic_and_spread() {
        assert_eq!(fuzz_factor("abc", 4), fuzz_factor("abc", 4));
        assert_ne!(fuzz_factor("abc", 4), fuzz_factor("abc", 5));
        assert_ne!(fuzz_factor("abc", 4), fuzz_factor("abd", 4));
        let mut hist = [0usize; 10];
        for i in 0..5_000 {
            let f = fuzz_factor(&format!("deck/card-{i}"), 2);
            assert!((0.0..1.0).contains(&f));
            hist[(f * 10.0) as usize] += 1;
        }
        for (bucket, n) in hist.iter().enumerate() {
            assert!((380..=620).contains(n), "bucket {bucket} has {n}");
        }
        // Different ids spread one interval across its whole fuzz range.
        let mut seen = std::collections::BTreeSet::new();
        for i in 0..400 {
            seen.insert(with_review_fuzz(
                Some(fuzz_factor(&format!("id{i}"), 7)),
                37.0,
                1,
                36_500,
            ));
        }
        assert_eq!(
            seen.into_iter().collect::<Vec<_>>(),
            (33..=41).collect::<Vec<_>>()
        );
    }

    #[test]
    fn degenerate_inputs_do_not_panic() {
        assert_eq!(with_review_fuzz(Some(0.5), f32::NAN, 1, 10), 1);
        assert_eq!(with_review_fuzz(None, f32::NAN, 1, 10), 1);
        assert!((8..=10).contains(&with_review_fuzz(Some(0.5), f32::INFINITY, 1, 10)));
        assert_eq!(with_review_fuzz(Some(1.0), 50.0, 1, 10), 10);
        assert_eq!(constrained_fuzz_bounds(1.0, 3, 2), (2, 2));
    }
}
