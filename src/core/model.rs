//! Data types shared by the scheduler, statistics and the store: a card's
//! scheduling state, review log entries and the learner's settings.
//! Plain data with serde; all times are Unix seconds (UTC) passed in by the
//! caller, never read from a clock here.

use serde::{Deserialize, Serialize};

/// The four answer buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rating {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Rating {
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    pub fn from_number(n: u8) -> Option<Rating> {
        match n {
            1 => Some(Rating::Again),
            2 => Some(Rating::Hard),
            3 => Some(Rating::Good),
            4 => Some(Rating::Easy),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Rating::Again => "Again",
            Rating::Hard => "Hard",
            Rating::Good => "Good",
            Rating::Easy => "Easy",
        }
    }
}

/// Where a card is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Queue {
    #[default]
    New,
    Learning,
    Review,
    Relearning,
}

/// FSRS memory state (as in the `fsrs` crate).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Memory {
    pub stability: f32,
    pub difficulty: f32,
}

/// The scheduling state of one card, keyed by its stable card id.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CardState {
    pub queue: Queue,
    /// When the card is next due (Unix seconds). 0 for new cards.
    #[serde(default)]
    pub due: i64,
    /// Index into the learning or relearning steps.
    #[serde(default)]
    pub step: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<Memory>,
    /// Current interval in days for review cards (0 otherwise).
    #[serde(default)]
    pub interval_days: u32,
    #[serde(default)]
    pub reps: u32,
    #[serde(default)]
    pub lapses: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_review: Option<i64>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub suspended: bool,
    /// Buried until this time (Unix seconds): the start of the next day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buried_until: Option<i64>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub leech: bool,
}

/// One answer, as kept in the review log (append-only).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    /// Monotonic sequence number within the log (not the clock).
    pub seq: u64,
    /// When it was answered (Unix seconds).
    pub time: i64,
    pub deck: String,
    pub card: String,
    pub rating: Rating,
    /// Milliseconds the learner took.
    #[serde(default)]
    pub taken_ms: u32,
    /// State before and after the answer (before: for undo and replay checks).
    pub before: CardState,
    pub after: CardState,
}

/// The app's look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeChoice {
    /// Follow the operating system.
    #[default]
    System,
    Dark,
    Light,
}

/// The learner's settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Desired retention, 0.70–0.97.
    pub desired_retention: f32,
    /// Learning steps in seconds (default 1m 10m).
    pub learning_steps: Vec<u32>,
    /// Relearning steps in seconds (default 10m).
    pub relearning_steps: Vec<u32>,
    pub maximum_interval_days: u32,
    pub new_per_day: u32,
    pub reviews_per_day: u32,
    /// Local hour at which a new day starts.
    pub day_start_hour: u8,
    /// Lapses at which a card becomes a leech (flagged and suspended).
    pub leech_lapses: u32,
    /// Personal FSRS parameters from "optimise"; default parameters if empty.
    pub fsrs_params: Vec<f32>,
    /// Dark, light, or as the system says (desktop app).
    pub theme: ThemeChoice,
    /// Text size in the desktop app, 0.8–1.5 (1.0: as designed).
    pub text_scale: f32,
}

/// The range of [`Settings::text_scale`].
pub const TEXT_SCALE_RANGE: std::ops::RangeInclusive<f32> = 0.8..=1.5;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            desired_retention: 0.90,
            learning_steps: vec![60, 600],
            relearning_steps: vec![600],
            maximum_interval_days: 36_500,
            new_per_day: 20,
            reviews_per_day: 200,
            day_start_hour: 4,
            leech_lapses: 8,
            fsrs_params: Vec::new(),
            theme: ThemeChoice::System,
            text_scale: 1.0,
        }
    }
}

impl Settings {
    /// Clamp every field into its valid range.
    pub fn sanitized(mut self) -> Settings {
        self.desired_retention = self.desired_retention.clamp(0.70, 0.97);
        if self.desired_retention.is_nan() {
            self.desired_retention = 0.90;
        }
        self.learning_steps.retain(|&s| s > 0);
        self.relearning_steps.retain(|&s| s > 0);
        self.maximum_interval_days = self.maximum_interval_days.clamp(1, 36_500);
        self.day_start_hour = self.day_start_hour.min(23);
        self.leech_lapses = self.leech_lapses.max(1);
        self.text_scale = if self.text_scale.is_finite() {
            self.text_scale
                .clamp(*TEXT_SCALE_RANGE.start(), *TEXT_SCALE_RANGE.end())
        } else {
            1.0
        };
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_settings_without_text_scale_load_at_full_size() {
        let old = r#"{"desired_retention":0.85,"new_per_day":5,"theme":"dark"}"#;
        let s: Settings = serde_json::from_str(old).expect("old settings load");
        assert_eq!(s.text_scale, 1.0);
        assert_eq!(s.new_per_day, 5);
        assert_eq!(s.theme, ThemeChoice::Dark);
    }

    #[test]
    fn text_scale_is_clamped() {
        let big = Settings {
            text_scale: 4.0,
            ..Settings::default()
        };
        assert_eq!(big.sanitized().text_scale, 1.5);
        let nan = Settings {
            text_scale: f32::NAN,
            ..Settings::default()
        };
        assert_eq!(nan.sanitized().text_scale, 1.0);
    }
}
