//! Personal FSRS parameters from the review log, via
//! `fsrs::compute_parameters`.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

use fsrs::{ComputeParametersInput, FSRSItem, FSRSReview};

use super::day::day_index;
use crate::core::model::{Queue, Review};

/// Usable reviews (FSRS training items) needed before optimising. Anki
/// warns below 400 items; the `fsrs` crate itself silently returns the
/// defaults below 8 items and only fits initial stabilities below 64.
pub const MIN_REVIEWS_FOR_OPTIMISE: usize = 400;

/// Why no parameters were computed.
#[derive(Debug, Clone, PartialEq)]
pub enum OptimiseError {
    /// Too little history: `reviews` usable reviews, `needed` required.
    NotEnoughData { reviews: usize, needed: usize },
    /// The `fsrs` crate returned an error.
    Fsrs(String),
    /// Training produced something other than 21 finite numbers.
    InvalidResult,
    /// The `fsrs` crate panicked (caught; should not happen with our input).
    Panicked(String),
}

impl std::fmt::Display for OptimiseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OptimiseError::NotEnoughData { reviews, needed } => write!(
                f,
                "not enough review history to optimise: {reviews} usable reviews, {needed} needed"
            ),
            OptimiseError::Fsrs(e) => write!(f, "FSRS optimiser failed: {e}"),
            OptimiseError::InvalidResult => write!(f, "FSRS optimiser produced invalid parameters"),
            OptimiseError::Panicked(e) => write!(f, "FSRS optimiser crashed: {e}"),
        }
    }
}

impl std::error::Error for OptimiseError {}

/// Training items as Anki builds them: per card, starting at its (last)
/// first answer as a new card, one item per later review that happened on a
/// later scheduling day than the previous one (delta_t > 0), holding the
/// whole history up to it; delta_t is the difference of [`day_index`]es.
/// Cards whose first answer is missing from the log are skipped. Items are
/// sorted by the time of their last review; the second vector holds a
/// numeric id per card, aligned with the items.
pub fn fsrs_items(
    reviews: &[Review],
    utc_offset_secs: i32,
    day_start_hour: u8,
) -> (Vec<FSRSItem>, Vec<i64>) {
    let mut by_card: BTreeMap<&str, Vec<&Review>> = BTreeMap::new();
    for r in reviews {
        by_card.entry(r.card.as_str()).or_default().push(r);
    }
    let mut items: Vec<(i64, u64, i64, FSRSItem)> = Vec::new();
    for (card_no, (_, mut log)) in by_card.into_iter().enumerate() {
        log.sort_by_key(|r| (r.time, r.seq));
        let Some(start) = log.iter().rposition(|r| r.before.queue == Queue::New) else {
            continue;
        };
        let log = &log[start..];
        let mut history = Vec::with_capacity(log.len());
        let mut prev_day = None;
        for (idx, r) in log.iter().enumerate() {
            let day = day_index(r.time, utc_offset_secs, day_start_hour);
            let delta_t = prev_day
                .map(|p: i64| (day - p).clamp(0, i64::from(u32::MAX)) as u32)
                .unwrap_or(0);
            prev_day = Some(day);
            history.push(FSRSReview {
                rating: r.rating as u32,
                delta_t,
            });
            if idx >= 1 && delta_t > 0 {
                items.push((
                    r.time,
                    r.seq,
                    card_no as i64,
                    FSRSItem {
                        reviews: history.clone(),
                    },
                ));
            }
        }
    }
    items.sort_by_key(|(time, seq, card, _)| (*time, *seq, *card));
    items
        .into_iter()
        .map(|(_, _, card, item)| (item, card))
        .unzip()
}

/// [`optimise_with`] using UTC days starting at 4 a.m.
pub fn optimise(reviews: &[Review]) -> Result<Vec<f32>, OptimiseError> {
    optimise_with(reviews, 0, 4)
}

/// Fit personal FSRS parameters (21 values) to the review log. Needs at least
/// [`MIN_REVIEWS_FOR_OPTIMISE`] usable reviews. Never panics. Takes about
/// 10–20 ms per 2 000 items even in debug builds, but CPU time grows with the
/// log: run it off the UI thread for big collections.
pub fn optimise_with(
    reviews: &[Review],
    utc_offset_secs: i32,
    day_start_hour: u8,
) -> Result<Vec<f32>, OptimiseError> {
    let (items, card_ids) = fsrs_items(reviews, utc_offset_secs, day_start_hour);
    if items.len() < MIN_REVIEWS_FOR_OPTIMISE {
        return Err(OptimiseError::NotEnoughData {
            reviews: items.len(),
            needed: MIN_REVIEWS_FOR_OPTIMISE,
        });
    }
    let usable = items.len();
    let input = ComputeParametersInput {
        train_set: items,
        card_ids: Some(card_ids),
        ..ComputeParametersInput::default()
    };
    let result = catch_unwind(AssertUnwindSafe(|| fsrs::compute_parameters(input)));
    let params = match result {
        Ok(Ok(p)) => p,
        Ok(Err(fsrs::FSRSError::NotEnoughData)) => {
            return Err(OptimiseError::NotEnoughData {
                reviews: usable,
                needed: MIN_REVIEWS_FOR_OPTIMISE,
            });
        }
        Ok(Err(e)) => return Err(OptimiseError::Fsrs(format!("{e:?}"))),
        Err(panic) => {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            return Err(OptimiseError::Panicked(msg));
        }
    };
    if params.len() != 21 || params.iter().any(|w| !w.is_finite()) {
        return Err(OptimiseError::InvalidResult);
    }
    Ok(params)
}
