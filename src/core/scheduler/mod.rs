//! The spaced-repetition scheduler: Anki-style learning steps on top of FSRS
//! memory states (the `fsrs` crate does all FSRS maths).
//!
//! Pure: no clock, no files, no GUI. Every function takes `now` (Unix
//! seconds, UTC) and, where local days matter, a fixed `utc_offset_secs`.
//!
//! # Behaviour
//!
//! * **New/learning cards** walk `settings.learning_steps` (default 1m 10m).
//!   Again → first step; Hard → repeat the current step (on the first step:
//!   the average of the first two steps, or 1.5× a lone step capped at +1 day,
//!   like Anki); Good → next step, graduating after the last one with the FSRS
//!   "good" interval; Easy → graduate at once with the FSRS "easy" interval
//!   (at least one day more than the fuzzed "good" interval).
//! * **Review cards** get FSRS intervals from `FSRS::next_states` for the
//!   days elapsed since the last review (local scheduling days, see
//!   [`day_index`]). Hard ≤ Good ≤ Easy is enforced as in Anki (good is at
//!   least hard plus a day, easy at least good plus a day, and when FSRS grows
//!   an interval fuzz cannot take it back to last time's or below), all
//!   capped at the maximum interval. Again is a lapse: `lapses += 1`, the card enters `settings.relearning_steps`
//!   (default 10m) and graduates again with the FSRS interval.
//! * **Memory state** (stability, difficulty) is updated on every answer from
//!   the matching `NextStates` entry, learning steps included (Anki does the
//!   same; same-day answers use FSRS's short-term formula).
//! * **Fuzz**: Anki's ranges, seeded from the card id and review count
//!   ([`fuzz_factor`]), so previews equal answers and replays are stable.
//! * **Leeches**: reaching `settings.leech_lapses` lapses (and every half of
//!   that threshold after, as in Anki) sets `leech` and `suspended`.
//! * **Due times**: learning steps are due `now + step`. Review cards are due
//!   `now + interval_days × 86 400` (**not** snapped to the day start); the
//!   queue treats a review card as due for the whole local scheduling day
//!   that contains `due` (see [`due_queue`]), so this is equivalent to Anki's
//!   day-based due numbers.
//! * **Clock going backwards**: elapsed days are clamped at 0, so an answer
//!   "before" the last review is treated as a same-day review; the result
//!   is always a valid state with finite memory.

mod day;
mod fuzz;
mod optimise;
mod queue;

pub use day::{DAY_SECS, bury, day_index, day_start, next_day_start, suspend, unbury, unsuspend};
pub use fuzz::fuzz_factor;
pub use optimise::{MIN_REVIEWS_FOR_OPTIMISE, OptimiseError, fsrs_items, optimise, optimise_with};
pub use queue::{Counts, LEARN_AHEAD_SECS, counts, due_queue, next_learning_due};

use fsrs::{DEFAULT_PARAMETERS, FSRS, MemoryState, NextStates};

use crate::core::model::{CardState, Memory, Queue, Rating, Review, Settings};
use fuzz::with_review_fuzz;

/// Lowest and highest desired retention accepted (as in Anki's FSRS guide).
pub const MIN_RETENTION: f32 = 0.70;
pub const MAX_RETENTION: f32 = 0.97;

/// Why a [`Scheduler`] could not be built.
#[derive(Debug, Clone, PartialEq)]
pub enum SchedulerError {
    /// `settings.fsrs_params` has the wrong length (17, 19 or 21 accepted),
    /// contains a non-finite value, or produces non-finite memory states.
    InvalidParameters { len: usize, reason: String },
}

impl std::fmt::Display for SchedulerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SchedulerError::InvalidParameters { len, reason } => {
                write!(f, "invalid FSRS parameters ({len} values): {reason}")
            }
        }
    }
}

impl std::error::Error for SchedulerError {}

/// What pressing one button would do.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub rating: Rating,
    /// Exactly the state [`Scheduler::answer`] returns for this rating.
    pub next: CardState,
    /// `next.due - now`.
    pub interval_secs: i64,
    /// Short human interval for the button, e.g. "10m", "4d", "3.2mo".
    pub label: String,
}

/// The scheduler for one set of [`Settings`].
#[derive(Debug, Clone)]
pub struct Scheduler {
    fsrs: FSRS,
    /// The 21 effective parameters (empty settings → defaults; 17/19-value
    /// FSRS-4.5/5 sets are upgraded by the `fsrs` crate's rules).
    params: Vec<f32>,
    /// Forgetting-curve decay as the `fsrs` crate clips it.
    decay: f32,
    desired_retention: f32,
    settings: Settings,
    utc_offset_secs: i32,
    /// `next_states(None, ..)`: the fallback if a stored memory is corrupt.
    initial: NextStates,
}

impl Scheduler {
    /// Build a scheduler. `settings` is sanitised (retention clamped to
    /// 0.70–0.97, zero steps dropped, …). Uses `settings.fsrs_params` if
    /// non-empty, else [`DEFAULT_PARAMETERS`]. Local days default to UTC; see
    /// [`Scheduler::with_utc_offset`].
    pub fn new(settings: &Settings) -> Result<Scheduler, SchedulerError> {
        let settings = settings.clone().sanitized();
        let invalid = |reason: &str| SchedulerError::InvalidParameters {
            len: settings.fsrs_params.len(),
            reason: reason.to_string(),
        };
        let raw: &[f32] = if settings.fsrs_params.is_empty() {
            &DEFAULT_PARAMETERS
        } else {
            &settings.fsrs_params
        };
        let params = fsrs::check_and_fill_parameters(raw)
            .map_err(|_| invalid("expected 17, 19 or 21 finite values"))?;
        let fsrs = FSRS::new(&params).map_err(|_| invalid("rejected by fsrs"))?;
        let desired_retention = if settings.desired_retention.is_finite() {
            settings
                .desired_retention
                .clamp(MIN_RETENTION, MAX_RETENTION)
        } else {
            0.90
        };
        let initial = fsrs
            .next_states(None, desired_retention, 0)
            .map_err(|_| invalid("non-finite initial memory states"))?;
        // Probe a typical review too, so absurd parameters fail here rather
        // than producing garbage later.
        fsrs.next_states(Some(initial.good.memory), desired_retention, 3)
            .map_err(|_| invalid("non-finite review memory states"))?;
        // `FSRS::new` clips the decay into [0.1, 0.8]; mirror that for
        // `current_retrievability`.
        let decay = params[20].clamp(0.1, 0.8);
        Ok(Scheduler {
            fsrs,
            params,
            decay,
            desired_retention,
            settings,
            utc_offset_secs: 0,
            initial,
        })
    }

    /// Use this local-time offset for day boundaries (elapsed days between
    /// reviews). Must match the offset the UI passes to [`due_queue`].
    pub fn with_utc_offset(mut self, utc_offset_secs: i32) -> Scheduler {
        self.utc_offset_secs = utc_offset_secs;
        self
    }

    /// The sanitised settings in use.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The 21 FSRS parameters in use.
    pub fn parameters(&self) -> &[f32] {
        &self.params
    }

    /// Desired retention after clamping.
    pub fn desired_retention(&self) -> f32 {
        self.desired_retention
    }

    pub fn utc_offset_secs(&self) -> i32 {
        self.utc_offset_secs
    }

    /// Whole scheduling days between the last review and `now` (never
    /// negative, 0 for a card never reviewed).
    pub fn elapsed_days(&self, state: &CardState, now: i64) -> u32 {
        match state.last_review {
            Some(last) => {
                let h = self.settings.day_start_hour;
                let d = day_index(now, self.utc_offset_secs, h)
                    - day_index(last, self.utc_offset_secs, h);
                d.clamp(0, i64::from(u32::MAX)) as u32
            }
            None => 0,
        }
    }

    /// FSRS's four next states for this card at `now` (before any step or
    /// fuzz logic): what [`Scheduler::answer`] takes memory states from.
    pub fn next_states(&self, state: &CardState, now: i64) -> NextStates {
        let memory = if state.queue == Queue::New {
            None
        } else {
            state.memory.map(to_fsrs)
        };
        let days = self.elapsed_days(state, now);
        self.fsrs
            .next_states(memory, self.desired_retention, days)
            // A corrupt stored memory state: start the memory afresh.
            .or_else(|_| self.fsrs.next_states(None, self.desired_retention, days))
            .unwrap_or_else(|_| self.initial.clone())
    }

    /// Answer a card. Deterministic: same inputs, same result.
    pub fn answer(&self, card_id: &str, state: &CardState, rating: Rating, now: i64) -> CardState {
        let next = self.next_states(state, now);
        let fuzz = Some(fuzz_factor(card_id, state.reps));
        self.answer_with(state, rating, now, &next, fuzz)
    }

    /// The four buttons. Each `next` is exactly what [`Scheduler::answer`]
    /// returns for that rating.
    pub fn preview(&self, card_id: &str, state: &CardState, now: i64) -> [Preview; 4] {
        let next = self.next_states(state, now);
        let fuzz = Some(fuzz_factor(card_id, state.reps));
        Rating::ALL.map(|rating| {
            let next = self.answer_with(state, rating, now, &next, fuzz);
            let interval_secs = next.due.saturating_sub(now);
            Preview {
                rating,
                label: format_interval(interval_secs),
                next,
                interval_secs,
            }
        })
    }

    /// Probability of recall now, from the card's memory state (`None` for
    /// cards never answered). Uses fractional days since the last review.
    pub fn retrievability(&self, state: &CardState, now: i64) -> Option<f32> {
        let memory = state.memory?;
        let last = state.last_review?;
        if !(memory.stability.is_finite() && memory.stability > 0.0) {
            return None;
        }
        let days = (now.saturating_sub(last).max(0)) as f64 / DAY_SECS as f64;
        let r = fsrs::current_retrievability(to_fsrs(memory), days as f32, self.decay);
        r.is_finite().then(|| r.clamp(0.0, 1.0))
    }

    /// Recompute a card's state from its review log (ratings and times, in
    /// order), starting from a new card. Reviews of other cards are skipped.
    /// Manual actions (bury, suspend, unsuspend) are not in the log and so
    /// are not reproduced, except leech suspension, which `answer` does.
    pub fn replay<'a>(
        &self,
        card_id: &str,
        reviews: impl IntoIterator<Item = &'a Review>,
    ) -> CardState {
        reviews
            .into_iter()
            .filter(|r| r.card == card_id)
            .fold(CardState::default(), |state, r| {
                self.answer(card_id, &state, r.rating, r.time)
            })
    }

    /// Core of `answer`, shared with `preview`. `fuzz: None` disables fuzz.
    fn answer_with(
        &self,
        state: &CardState,
        rating: Rating,
        now: i64,
        next: &NextStates,
        fuzz: Option<f32>,
    ) -> CardState {
        let chosen = match rating {
            Rating::Again => &next.again,
            Rating::Hard => &next.hard,
            Rating::Good => &next.good,
            Rating::Easy => &next.easy,
        };
        let mut out = CardState {
            memory: Some(from_fsrs(chosen.memory)),
            reps: state.reps.saturating_add(1),
            last_review: Some(now),
            buried_until: None,
            ..state.clone()
        };
        match state.queue {
            Queue::New | Queue::Learning => {
                let steps = &self.settings.learning_steps;
                let step = if state.queue == Queue::New {
                    0
                } else {
                    state.step as usize
                };
                self.stepped(
                    &mut out,
                    steps,
                    step,
                    rating,
                    next,
                    fuzz,
                    now,
                    Queue::Learning,
                );
            }
            Queue::Relearning => {
                let steps = &self.settings.relearning_steps;
                let step = state.step as usize;
                self.stepped(
                    &mut out,
                    steps,
                    step,
                    rating,
                    next,
                    fuzz,
                    now,
                    Queue::Relearning,
                );
            }
            Queue::Review => {
                if rating == Rating::Again {
                    out.lapses = state.lapses.saturating_add(1);
                    if leech_threshold_met(out.lapses, self.settings.leech_lapses) {
                        out.leech = true;
                        out.suspended = true;
                    }
                    match self.settings.relearning_steps.first() {
                        Some(&secs) => set_step(&mut out, Queue::Relearning, 0, secs, now),
                        None => {
                            // No relearning steps: straight back to review
                            // with the FSRS "again" interval (unfuzzed, as Anki).
                            let days = self.clamp_days(next.again.interval, 1);
                            self.set_review(&mut out, days, now);
                        }
                    }
                } else {
                    let (hard, good, easy) = self.review_intervals(state.interval_days, next, fuzz);
                    let days = match rating {
                        Rating::Hard => hard,
                        Rating::Good => good,
                        _ => easy,
                    };
                    self.set_review(&mut out, days, now);
                }
            }
        }
        out
    }

    /// Learning or relearning steps. `step` is the current step index.
    #[allow(clippy::too_many_arguments)]
    fn stepped(
        &self,
        out: &mut CardState,
        steps: &[u32],
        step: usize,
        rating: Rating,
        next: &NextStates,
        fuzz: Option<f32>,
        now: i64,
        queue: Queue,
    ) {
        let step = step.min(steps.len().saturating_sub(1));
        let max = self.max_days();
        match rating {
            Rating::Again if !steps.is_empty() => set_step(out, queue, 0, steps[0], now),
            Rating::Hard if !steps.is_empty() => {
                set_step(out, queue, step, hard_delay_secs(steps, step), now)
            }
            Rating::Good if step + 1 < steps.len() => {
                set_step(out, queue, step + 1, steps[step + 1], now)
            }
            Rating::Easy => {
                // Anki: easy ≥ fuzzed good + 1 day.
                let good = with_review_fuzz(fuzz, next.good.interval, 1, max);
                let easy_ivl = round_days(next.easy.interval);
                let days = with_review_fuzz(fuzz, easy_ivl, good.saturating_add(1), max);
                self.set_review(out, days, now);
            }
            _ => {
                // Graduate (Good after the last step, or no steps at all).
                let ivl = match rating {
                    Rating::Again => next.again.interval,
                    Rating::Hard => next.hard.interval,
                    _ => next.good.interval,
                };
                let days = with_review_fuzz(fuzz, round_days(ivl), 1, max);
                self.set_review(out, days, now);
            }
        }
    }

    /// Hard/Good/Easy intervals for a review card (Anki's
    /// `passing_fsrs_review_intervals`). `fuzz: None` gives the plain rounded
    /// FSRS intervals under the same constraints.
    fn review_intervals(
        &self,
        last_interval: u32,
        next: &NextStates,
        fuzz: Option<f32>,
    ) -> (u32, u32, u32) {
        let max = self.max_days();
        // If FSRS grows the interval, don't let fuzz take it back below last time.
        let greater_than_last = |ivl: f32| {
            if round_days(ivl) as u32 > last_interval {
                last_interval.saturating_add(1)
            } else {
                0
            }
        };
        let hard = with_review_fuzz(
            fuzz,
            next.hard.interval,
            greater_than_last(next.hard.interval).max(1),
            max,
        );
        let good = with_review_fuzz(
            fuzz,
            next.good.interval,
            greater_than_last(next.good.interval).max(hard.saturating_add(1)),
            max,
        );
        let easy = with_review_fuzz(
            fuzz,
            next.easy.interval,
            greater_than_last(next.easy.interval).max(good.saturating_add(1)),
            max,
        );
        (hard, good, easy)
    }

    fn max_days(&self) -> u32 {
        self.settings.maximum_interval_days.max(1)
    }

    fn clamp_days(&self, interval: f32, minimum: u32) -> u32 {
        with_review_fuzz(None, interval, minimum, self.max_days())
    }

    fn set_review(&self, out: &mut CardState, days: u32, now: i64) {
        let days = days.clamp(1, self.max_days());
        out.queue = Queue::Review;
        out.step = 0;
        out.interval_days = days;
        out.due = now.saturating_add(i64::from(days) * DAY_SECS);
    }
}

fn set_step(out: &mut CardState, queue: Queue, step: usize, secs: u32, now: i64) {
    out.queue = queue;
    out.step = step as u32;
    out.interval_days = 0;
    out.due = now.saturating_add(i64::from(secs));
}

/// FSRS interval rounded to whole days, at least 1 (non-finite → 1).
fn round_days(interval: f32) -> f32 {
    if interval.is_finite() {
        interval.round().max(1.0)
    } else if interval > 0.0 {
        f32::MAX
    } else {
        1.0
    }
}

/// Anki's Hard delay: repeat the current step; on the first step use the
/// average of the first two steps, or 1.5× a lone step (at most +1 day).
fn hard_delay_secs(steps: &[u32], step: usize) -> u32 {
    let current = steps[step];
    if step > 0 {
        return current;
    }
    match steps.get(1) {
        Some(&next) => ((u64::from(current) + u64::from(next)) / 2) as u32,
        None => {
            let secs = (f64::from(current) * 1.5) as u32;
            secs.min(current.saturating_add(DAY_SECS as u32))
        }
    }
}

/// True at the threshold and every half threshold (rounded up) after it.
fn leech_threshold_met(lapses: u32, threshold: u32) -> bool {
    if threshold == 0 {
        return false;
    }
    let half = threshold.div_ceil(2).max(1);
    lapses >= threshold && (lapses - threshold).is_multiple_of(half)
}

fn to_fsrs(m: Memory) -> MemoryState {
    MemoryState {
        stability: m.stability,
        difficulty: m.difficulty,
    }
}

fn from_fsrs(m: MemoryState) -> Memory {
    Memory {
        stability: m.stability,
        difficulty: m.difficulty,
    }
}

/// Undo an answer: the state before it (the store restores it).
pub fn undo(review: &Review) -> CardState {
    review.before.clone()
}

/// [`Scheduler::replay`] with a scheduler built from `settings` and UTC day
/// boundaries. Invalid `fsrs_params` fall back to the default parameters.
/// For states identical to live answers, replay with the same scheduler
/// (same UTC offset) that answered them.
pub fn replay(card_id: &str, reviews: &[Review], settings: &Settings) -> CardState {
    let scheduler = Scheduler::new(settings).or_else(|_| {
        Scheduler::new(&Settings {
            fsrs_params: Vec::new(),
            ..settings.clone()
        })
    });
    match scheduler {
        Ok(s) => s.replay(card_id, reviews),
        // Unreachable in practice: default parameters always work.
        Err(_) => CardState::default(),
    }
}

/// A short human interval, as on Anki's buttons: "45s", "10m", "1.5h", "4d",
/// "3.2mo" (months of 365/12 days, as Anki), "1.5y" (365-day years). Negative → "0s".
pub fn format_interval(secs: i64) -> String {
    const MIN: f64 = 60.0;
    const HOUR: f64 = 3_600.0;
    const DAY: f64 = 86_400.0;
    const YEAR: f64 = 365.0 * DAY;
    const MONTH: f64 = YEAR / 12.0;
    let s = secs.max(0) as f64;
    let one_decimal = |v: f64, unit: &str| {
        let r = (v * 10.0).round() / 10.0;
        if r.fract() == 0.0 {
            format!("{r:.0}{unit}")
        } else {
            format!("{r:.1}{unit}")
        }
    };
    if s < MIN {
        format!("{}s", s as i64)
    } else if s < HOUR {
        let m = (s / MIN).round();
        if m >= 60.0 {
            "1h".to_string()
        } else {
            format!("{m:.0}m")
        }
    } else if s < DAY {
        let h = (s / HOUR * 10.0).round() / 10.0;
        if h >= 24.0 {
            "1d".to_string()
        } else {
            one_decimal(h, "h")
        }
    } else if s < MONTH {
        format!("{:.0}d", (s / DAY).round())
    } else if s < YEAR {
        let mo = (s / MONTH * 10.0).round() / 10.0;
        if mo >= 12.0 {
            "1y".to_string()
        } else {
            one_decimal(mo, "mo")
        }
    } else {
        one_decimal(s / YEAR, "y")
    }
}

#[cfg(test)]
mod tests;
