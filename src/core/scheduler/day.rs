//! Day boundaries. A scheduling "day" starts at `day_start_hour` local time
//! (Anki's "next day starts at", default 4 a.m.), where local time is UTC
//! shifted by a fixed `utc_offset_secs` supplied by the caller.

use crate::core::model::CardState;

/// Seconds in a day.
pub const DAY_SECS: i64 = 86_400;

/// Local-time shift of the day boundary: the offset minus the start hour.
fn shift(utc_offset_secs: i32, day_start_hour: u8) -> i64 {
    i64::from(utc_offset_secs) - i64::from(day_start_hour.min(23)) * 3_600
}

/// Days since the Unix epoch, where each day starts at `day_start_hour`
/// local time. Day 0 starts at 1970-01-01 `day_start_hour`:00 local time;
/// earlier instants give negative days (floor division, never truncation).
pub fn day_index(now: i64, utc_offset_secs: i32, day_start_hour: u8) -> i64 {
    now.saturating_add(shift(utc_offset_secs, day_start_hour))
        .div_euclid(DAY_SECS)
}

/// Unix time at which the scheduling day containing `now` began.
pub fn day_start(now: i64, utc_offset_secs: i32, day_start_hour: u8) -> i64 {
    day_index(now, utc_offset_secs, day_start_hour)
        .saturating_mul(DAY_SECS)
        .saturating_sub(shift(utc_offset_secs, day_start_hour))
}

/// Unix time at which the next scheduling day begins (strictly after `now`):
/// the moment "bury until tomorrow" ends and today's limits reset.
pub fn next_day_start(now: i64, utc_offset_secs: i32, day_start_hour: u8) -> i64 {
    day_start(now, utc_offset_secs, day_start_hour).saturating_add(DAY_SECS)
}

/// Bury a card until the start of the next scheduling day.
pub fn bury(state: &CardState, now: i64, utc_offset_secs: i32, day_start_hour: u8) -> CardState {
    CardState {
        buried_until: Some(next_day_start(now, utc_offset_secs, day_start_hour)),
        ..state.clone()
    }
}

/// Remove a burial (e.g. "unbury" from the browser).
pub fn unbury(state: &CardState) -> CardState {
    CardState {
        buried_until: None,
        ..state.clone()
    }
}

/// Suspend a card: it leaves every queue until unsuspended.
pub fn suspend(state: &CardState) -> CardState {
    CardState {
        suspended: true,
        ..state.clone()
    }
}

/// Unsuspend a card. The leech flag is kept (it is history, like Anki's tag).
pub fn unsuspend(state: &CardState) -> CardState {
    CardState {
        suspended: false,
        ..state.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2024-03-10 00:00:00 UTC.
    const MIDNIGHT_UTC: i64 = 1_710_028_800;
    const H: i64 = 3_600;

    #[test]
    fn day_boundary_at_4am_utc() {
        let d = day_index(MIDNIGHT_UTC + 4 * H, 0, 4);
        assert_eq!(day_index(MIDNIGHT_UTC + 4 * H - 1, 0, 4), d - 1);
        assert_eq!(day_index(MIDNIGHT_UTC + 28 * H - 1, 0, 4), d);
        assert_eq!(day_index(MIDNIGHT_UTC + 28 * H, 0, 4), d + 1);
        assert_eq!(day_start(MIDNIGHT_UTC + 12 * H, 0, 4), MIDNIGHT_UTC + 4 * H);
    }

    #[test]
    fn day_boundary_at_4am_with_positive_offset() {
        // UTC+2: local 04:00 is 02:00 UTC.
        let off = 2 * 3_600;
        let boundary = MIDNIGHT_UTC + 2 * H;
        assert_eq!(
            day_index(boundary, off, 4),
            day_index(boundary - 1, off, 4) + 1
        );
        // Local 03:00 (01:00 UTC): the day still started yesterday at 02:00 UTC.
        let local_3am = MIDNIGHT_UTC + H;
        assert_eq!(day_start(local_3am, off, 4), boundary - 24 * H);
        assert_eq!(next_day_start(local_3am, off, 4), boundary);
        // Exactly at the boundary the next start is a full day later.
        assert_eq!(next_day_start(boundary, off, 4), boundary + 24 * H);
        // Ignoring the offset would put the boundary at 04:00 UTC instead.
        assert_ne!(
            day_index(MIDNIGHT_UTC + 3 * H, off, 4),
            day_index(MIDNIGHT_UTC + 3 * H, 0, 4)
        );
    }

    #[test]
    fn day_boundary_with_negative_offset_and_before_epoch() {
        // UTC-5: local 04:00 is 09:00 UTC.
        let off = -5 * 3_600;
        let boundary = MIDNIGHT_UTC + 9 * H;
        assert_eq!(
            day_index(boundary, off, 4),
            day_index(boundary - 1, off, 4) + 1
        );
        assert_eq!(next_day_start(boundary - 1, off, 4), boundary);
        // Floor division before the epoch.
        assert_eq!(day_index(-1, 0, 0), -1);
        assert_eq!(day_index(0, 0, 0), 0);
        assert_eq!(next_day_start(-1, 0, 0), 0);
        // Hours above 23 are treated as 23 rather than overflowing a day.
        assert_eq!(
            day_index(MIDNIGHT_UTC, 0, 99),
            day_index(MIDNIGHT_UTC, 0, 23)
        );
    }

    #[test]
    fn bury_until_tomorrow_and_suspend_round_trip() {
        let s = CardState::default();
        let now = MIDNIGHT_UTC + 10 * H;
        let b = bury(&s, now, 0, 4);
        assert_eq!(b.buried_until, Some(MIDNIGHT_UTC + 28 * H));
        assert_eq!(unbury(&b), s);
        let sus = suspend(&s);
        assert!(sus.suspended);
        assert_eq!(unsuspend(&sus), s);
        let leech = CardState {
            leech: true,
            suspended: true,
            ..CardState::default()
        };
        assert!(unsuspend(&leech).leech);
        assert!(!unsuspend(&leech).suspended);
    }
}
