//! How credit is shared: the attribution model, the lookback window and the half-life.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::word_enum;

word_enum! {
    /// How an inquiry's credit is shared over the posts in its window. A confirmed source
    /// (the client said which post brought them) always gets all of it, whatever the model.
    AttributionModel {
        ConfirmedOnly => "confirmed_only",
        LastTouch => "last_touch",
        FirstTouch => "first_touch",
        Linear => "linear",
        TimeDecay => "time_decay",
        Position => "position",
    }
}

impl Default for AttributionModel {
    /// Time decay: recent posts get more credit, older ones still some. It assumes least.
    fn default() -> Self {
        AttributionModel::TimeDecay
    }
}

impl AttributionModel {
    /// The spelling the command line uses and `report --json` prints: `time-decay`.
    pub fn cli_name(self) -> &'static str {
        match self {
            AttributionModel::ConfirmedOnly => "confirmed-only",
            AttributionModel::LastTouch => "last-touch",
            AttributionModel::FirstTouch => "first-touch",
            AttributionModel::Linear => "linear",
            AttributionModel::TimeDecay => "time-decay",
            AttributionModel::Position => "position",
        }
    }
}

pub const DEFAULT_WINDOW_DAYS: i64 = 30;
pub const DEFAULT_HALF_LIFE_DAYS: f64 = 7.0;
/// Ten years: longer than anyone's posts keep bringing inquiries, short enough that the window
/// in milliseconds can never overflow.
pub const MAX_WINDOW_DAYS: i64 = 3650;
pub const MAX_HALF_LIFE_DAYS: f64 = 3650.0;

/// The knobs of the insights view and of `afterword report`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export)]
pub struct InsightSettings {
    pub model: AttributionModel,
    /// An inquiry can be credited to posts published up to this many days (24 h each) before it.
    #[ts(type = "number")]
    pub window_days: i64,
    /// Time decay: a post this many days older than another gets half its weight.
    pub half_life_days: f64,
}

impl Default for InsightSettings {
    fn default() -> Self {
        InsightSettings {
            model: AttributionModel::default(),
            window_days: DEFAULT_WINDOW_DAYS,
            half_life_days: DEFAULT_HALF_LIFE_DAYS,
        }
    }
}

impl InsightSettings {
    /// Validated settings; see [`InsightSettings::validate`].
    pub fn new(model: AttributionModel, window_days: i64, half_life_days: f64) -> Result<Self> {
        let settings = InsightSettings {
            model,
            window_days,
            half_life_days,
        };
        settings.validate()?;
        Ok(settings)
    }

    /// Window 1..=3650 days; half-life above 0 and at most 3650 days. The half-life is checked
    /// whatever the model, so a saved setting stays valid when the user switches models.
    pub fn validate(&self) -> Result<()> {
        if !(1..=MAX_WINDOW_DAYS).contains(&self.window_days) {
            return Err(Error::invalid(
                "window_days",
                "window_days_invalid",
                format!(
                    "the window must be between 1 and {MAX_WINDOW_DAYS} days, not {}",
                    self.window_days
                ),
            ));
        }
        // Written so that NaN fails too.
        if !(self.half_life_days > 0.0 && self.half_life_days <= MAX_HALF_LIFE_DAYS) {
            return Err(Error::invalid(
                "half_life_days",
                "half_life_days_invalid",
                format!(
                    "the half-life must be more than 0 and at most {MAX_HALF_LIFE_DAYS} days, not {}",
                    self.half_life_days
                ),
            ));
        }
        Ok(())
    }
}
