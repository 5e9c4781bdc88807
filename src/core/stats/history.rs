//! What the statistics plots show: the due forecast, reviews per day (the
//! calendar heatmap), true retention per week and mastery per kind. Pure:
//! `now`, the UTC offset and the day-start hour are arguments, and days are
//! the scheduler's days ([`day_index`]: they begin at the day-start hour).

use serde::Serialize;

use super::CardView;
use crate::core::dates::{Ymd, weekday};
use crate::core::extract::FactKind;
use crate::core::model::{CardState, Queue, Rating, Review};
use crate::core::scheduler::{Scheduler, day_index};

/// A review card counts as mature from this interval on (Anki's 21 days).
pub const MATURE_DAYS: u32 = 21;

/// The calendar date of a scheduling day (day 0 is 1970-01-01).
pub fn day_date(day: i64) -> Ymd {
    Ymd::from_days(day)
}

/// "Mon 3 March 2025"-style label of a scheduling day.
pub fn day_label(day: i64) -> String {
    const NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let d = day_date(day);
    format!("{} {}", NAMES[weekday(day) as usize], d.display())
}

/// Cards due on each of the next `days` days; `[0]` is today and also
/// holds every overdue card. New and suspended cards are left out; a buried
/// card counts on the day it comes back.
pub fn due_forecast(
    states: &[&CardState],
    now: i64,
    utc_offset: i32,
    day_start_hour: u8,
    days: usize,
) -> Vec<usize> {
    let mut out = vec![0usize; days];
    let today = day_index(now, utc_offset, day_start_hour);
    for s in states {
        if s.queue == Queue::New || s.suspended {
            continue;
        }
        let due = s.due.max(s.buried_until.unwrap_or(i64::MIN));
        let offset = (day_index(due, utc_offset, day_start_hour) - today).max(0);
        if let Some(slot) = usize::try_from(offset).ok().and_then(|i| out.get_mut(i)) {
            *slot += 1;
        }
    }
    out
}

/// Reviews per day over whole weeks (Monday to Sunday), the last week
/// holding today: what the calendar heatmap draws.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Heatmap {
    /// The scheduling day of the first cell: a Monday.
    pub first_day: i64,
    /// Today (cells after it are in the future).
    pub today: i64,
    /// Number of week columns.
    pub weeks: usize,
    /// Reviews per day, `weeks * 7` entries from `first_day`.
    pub counts: Vec<usize>,
}

impl Heatmap {
    /// The busiest day's count (0 if none).
    pub fn max(&self) -> usize {
        self.counts.iter().copied().max().unwrap_or(0)
    }

    /// All reviews in the window.
    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }

    /// The count for column `week`, row `weekday` (0 = Monday), and its
    /// day; `None` for a day after today.
    pub fn cell(&self, week: usize, weekday: usize) -> Option<(i64, usize)> {
        let i = week * 7 + weekday;
        let day = self.first_day + i as i64;
        (day <= self.today)
            .then(|| self.counts.get(i).map(|&c| (day, c)))
            .flatten()
    }
}

/// Count `reviews` per scheduling day over the last `weeks` weeks.
pub fn review_heatmap(
    reviews: &[Review],
    now: i64,
    utc_offset: i32,
    day_start_hour: u8,
    weeks: usize,
) -> Heatmap {
    let weeks = weeks.max(1);
    let today = day_index(now, utc_offset, day_start_hour);
    let monday = today - i64::from(weekday(today));
    let first_day = monday - 7 * (weeks as i64 - 1);
    let mut counts = vec![0usize; weeks * 7];
    for r in reviews {
        let d = day_index(r.time, utc_offset, day_start_hour);
        if d < first_day || d > today {
            continue;
        }
        counts[(d - first_day) as usize] += 1;
    }
    Heatmap {
        first_day,
        today,
        weeks,
        counts,
    }
}

/// True retention over one week: answers to cards that were in review.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WeekRetention {
    /// The week's Monday (a scheduling day).
    pub week_start: i64,
    /// Answers to review-queue cards.
    pub answers: usize,
    /// Of those, the ones that were not Again.
    pub passed: usize,
}

impl WeekRetention {
    /// `passed / answers`, or `None` for a week without review answers.
    pub fn rate(&self) -> Option<f32> {
        (self.answers > 0).then(|| self.passed as f32 / self.answers as f32)
    }
}

/// True retention per week for the last `weeks` weeks (oldest first, the
/// current week last; weeks without review answers are kept, rate `None`).
pub fn weekly_retention(
    reviews: &[Review],
    now: i64,
    utc_offset: i32,
    day_start_hour: u8,
    weeks: usize,
) -> Vec<WeekRetention> {
    let weeks = weeks.max(1);
    let today = day_index(now, utc_offset, day_start_hour);
    let first = today - i64::from(weekday(today)) - 7 * (weeks as i64 - 1);
    let mut out: Vec<WeekRetention> = (0..weeks)
        .map(|w| WeekRetention {
            week_start: first + 7 * w as i64,
            answers: 0,
            passed: 0,
        })
        .collect();
    for r in reviews.iter().filter(|r| r.before.queue == Queue::Review) {
        let d = day_index(r.time, utc_offset, day_start_hour);
        if d < first || d > today {
            continue;
        }
        let w = &mut out[((d - first) / 7) as usize];
        w.answers += 1;
        if r.rating != Rating::Again {
            w.passed += 1;
        }
    }
    out
}

/// How well one kind of fact is known: its cards by stage, and the mean
/// recall probability now over the studied ones.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindMastery {
    pub kind: FactKind,
    pub new: usize,
    /// In (re)learning steps.
    pub learning: usize,
    /// In review with an interval under [`MATURE_DAYS`].
    pub young: usize,
    /// In review with an interval of [`MATURE_DAYS`] or more.
    pub mature: usize,
    pub retrievability: Option<f32>,
}

impl KindMastery {
    pub fn cards(&self) -> usize {
        self.new + self.learning + self.young + self.mature
    }

    /// Share of the kind's cards in `n` (0 for an empty kind).
    pub fn share(&self, n: usize) -> f32 {
        match self.cards() {
            0 => 0.0,
            c => n as f32 / c as f32,
        }
    }
}

/// Mastery per kind, in [`FactKind::ALL`] order; kinds without cards are
/// left out.
pub fn kind_mastery(cards: &[CardView], sched: &Scheduler, now: i64) -> Vec<KindMastery> {
    let mut out = Vec::new();
    for kind in FactKind::ALL {
        let mut m = KindMastery {
            kind,
            new: 0,
            learning: 0,
            young: 0,
            mature: 0,
            retrievability: None,
        };
        let (mut sum, mut n) = (0.0f32, 0usize);
        for c in cards.iter().filter(|c| c.kind == kind) {
            match c.state.queue {
                Queue::New => m.new += 1,
                Queue::Learning | Queue::Relearning => m.learning += 1,
                Queue::Review if c.state.interval_days >= MATURE_DAYS => m.mature += 1,
                Queue::Review => m.young += 1,
            }
            if let Some(r) = sched.retrievability(c.state, now) {
                sum += r;
                n += 1;
            }
        }
        m.retrievability = (n > 0).then(|| sum / n as f32);
        if m.cards() > 0 {
            out.push(m);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Settings;
    use crate::core::scheduler::DAY_SECS;

    /// 2023-11-14 22:13:20 UTC, a Tuesday.
    const T0: i64 = 1_700_000_000;

    fn review(time: i64, rating: Rating, before: Queue) -> Review {
        Review {
            seq: 0,
            time,
            deck: "d".into(),
            card: "c".into(),
            rating,
            taken_ms: 1000,
            before: CardState {
                queue: before,
                ..CardState::default()
            },
            after: CardState::default(),
        }
    }

    fn state(queue: Queue, due: i64) -> CardState {
        CardState {
            queue,
            due,
            ..CardState::default()
        }
    }

    #[test]
    fn labels_name_the_calendar_day() {
        let today = day_index(T0, 0, 4);
        assert_eq!(day_label(today), "Tue November 14, 2023");
        // 01:00 local is still the day before under a 4 a.m. boundary.
        let early = day_index(T0 + 3 * 3600, 0, 4);
        assert_eq!(early, today);
        assert_eq!(day_label(early + 1), "Wed November 15, 2023");
    }

    #[test]
    fn forecast_counts_overdue_today_and_skips_new_and_suspended() {
        let overdue = state(Queue::Review, T0 - 5 * DAY_SECS);
        let later_today = state(Queue::Learning, T0 + 600);
        let tomorrow = state(Queue::Review, T0 + DAY_SECS);
        let in_ten = state(Queue::Review, T0 + 10 * DAY_SECS);
        let beyond = state(Queue::Review, T0 + 40 * DAY_SECS);
        let new = state(Queue::New, 0);
        let suspended = CardState {
            suspended: true,
            ..state(Queue::Review, T0)
        };
        let buried = CardState {
            buried_until: Some(T0 + 2 * DAY_SECS),
            ..state(Queue::Review, T0 - DAY_SECS)
        };
        let all = [
            &overdue,
            &later_today,
            &tomorrow,
            &in_ten,
            &beyond,
            &new,
            &suspended,
            &buried,
        ];
        let f = due_forecast(&all, T0, 0, 4, 30);
        assert_eq!(f.len(), 30);
        assert_eq!(f[0], 2);
        assert_eq!(f[1], 1);
        assert_eq!(f[2], 1, "the buried card comes back in two days");
        assert_eq!(f[10], 1);
        assert_eq!(f.iter().sum::<usize>(), 5, "beyond 30 days is left out");
    }

    #[test]
    fn forecast_follows_the_day_boundary() {
        // 22:13 UTC at UTC+3 is 01:13 local: before 4 a.m., still "today";
        // a card due at 05:00 local is tomorrow's.
        let offset = 3 * 3600;
        let due = state(Queue::Review, T0 + 4 * 3600);
        let f = due_forecast(&[&due], T0, offset, 4, 3);
        assert_eq!(f, vec![0, 1, 0]);
        // With midnight as the boundary it is also tomorrow (local 01:13
        // is already the 15th; 05:13 the same day).
        let f = due_forecast(&[&due], T0, offset, 0, 3);
        assert_eq!(f, vec![1, 0, 0]);
    }

    #[test]
    fn heatmap_has_whole_weeks_ending_with_today() {
        let reviews = vec![
            review(T0, Rating::Good, Queue::New),
            review(T0 - 60, Rating::Good, Queue::New),
            review(T0 - DAY_SECS, Rating::Again, Queue::Review),
            review(T0 - 27 * 7 * DAY_SECS, Rating::Good, Queue::Review),
            review(T0 + DAY_SECS, Rating::Good, Queue::Review),
        ];
        let h = review_heatmap(&reviews, T0, 0, 4, 26);
        assert_eq!(h.weeks, 26);
        assert_eq!(h.counts.len(), 26 * 7);
        assert_eq!(weekday(h.first_day), 0, "columns start on Monday");
        assert_eq!(h.total(), 3, "too old and future reviews are left out");
        assert_eq!(h.max(), 2);
        // Today is a Tuesday: last column, second row.
        assert_eq!(h.cell(25, 1), Some((h.today, 2)));
        assert_eq!(h.cell(25, 0), Some((h.today - 1, 1)));
        assert_eq!(h.cell(25, 2), None, "tomorrow is not drawn");
        assert_eq!(h.cell(0, 0), Some((h.first_day, 0)));
    }

    #[test]
    fn retention_per_week_counts_only_review_answers() {
        let reviews = vec![
            review(T0, Rating::Good, Queue::Review),
            review(T0 - 60, Rating::Again, Queue::Review),
            review(T0 - 120, Rating::Hard, Queue::Review),
            review(T0 - 180, Rating::Again, Queue::Learning),
            review(T0 - 7 * DAY_SECS, Rating::Again, Queue::Review),
            review(T0 - 30 * 7 * DAY_SECS, Rating::Again, Queue::Review),
        ];
        let w = weekly_retention(&reviews, T0, 0, 4, 4);
        assert_eq!(w.len(), 4);
        assert_eq!(weekday(w[0].week_start), 0);
        assert_eq!(w[3].week_start - w[0].week_start, 21);
        assert_eq!((w[3].answers, w[3].passed), (3, 2));
        assert!((w[3].rate().unwrap() - 2.0 / 3.0).abs() < 1e-6);
        assert_eq!((w[2].answers, w[2].passed), (1, 0));
        assert_eq!(w[2].rate(), Some(0.0));
        assert_eq!(w[1].rate(), None);
        assert_eq!(w[0].answers, 0);
    }

    #[test]
    fn mastery_splits_kinds_by_stage() {
        let sched = Scheduler::new(&Settings::default()).unwrap();
        let new = CardState::default();
        let learning = state(Queue::Learning, T0);
        let mut young = CardState::default();
        for (i, r) in [Rating::Good, Rating::Good].into_iter().enumerate() {
            young = sched.answer("y", &young, r, T0 - 10 * DAY_SECS + i as i64 * 700);
        }
        assert_eq!(young.queue, Queue::Review);
        let mature = CardState {
            interval_days: 30,
            ..young.clone()
        };
        let view = |kind, state| CardView {
            id: "x",
            kind,
            state,
        };
        let cards = vec![
            view(FactKind::Date, &new),
            view(FactKind::Date, &learning),
            view(FactKind::Date, &young),
            view(FactKind::Speaker, &mature),
            view(FactKind::Speaker, &mature),
        ];
        let m = kind_mastery(&cards, &sched, T0);
        assert_eq!(m.len(), 2, "kinds without cards are left out");
        let dates = &m[0];
        assert_eq!(dates.kind, FactKind::Date);
        assert_eq!(
            (dates.new, dates.learning, dates.young, dates.mature),
            (1, 1, 1, 0)
        );
        assert!((dates.share(dates.new) - 1.0 / 3.0).abs() < 1e-6);
        let speakers = &m[1];
        assert_eq!((speakers.mature, speakers.cards()), (2, 2));
        assert!(speakers.retrievability.is_some_and(|r| r > 0.0 && r <= 1.0));
        assert_eq!(speakers.share(speakers.mature), 1.0);
    }
}
