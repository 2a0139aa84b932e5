//! Which unit to say "3 days ago" in. The words come from the browser's `Intl.RelativeTimeFormat`.

/// A whole number of a unit, in `Intl.RelativeTimeFormat` terms (negative = in the past).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RelativeTime {
    pub value: i64,
    pub unit: &'static str,
}

/// The largest unit in which `seconds` (then minus now) is at least one, rounded toward zero.
///
/// ```
/// use broadsheet::model::{relative_time, RelativeTime};
/// assert_eq!(relative_time(-90.0), RelativeTime { value: -1, unit: "minute" });
/// assert_eq!(relative_time(-3.0 * 86_400.0), RelativeTime { value: -3, unit: "day" });
/// ```
pub fn relative_time(seconds: f64) -> RelativeTime {
    const UNITS: [(&str, f64); 6] = [
        ("year", 365.0 * 86_400.0),
        ("month", 30.0 * 86_400.0),
        ("week", 7.0 * 86_400.0),
        ("day", 86_400.0),
        ("hour", 3_600.0),
        ("minute", 60.0),
    ];
    for (unit, size) in UNITS {
        if seconds.abs() >= size {
            return RelativeTime { value: (seconds / size).trunc() as i64, unit };
        }
    }
    RelativeTime { value: seconds.trunc() as i64, unit: "second" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_largest_whole_unit() {
        assert_eq!(relative_time(-5.0), RelativeTime { value: -5, unit: "second" });
        assert_eq!(relative_time(-3_700.0), RelativeTime { value: -1, unit: "hour" });
        assert_eq!(relative_time(-8.0 * 86_400.0), RelativeTime { value: -1, unit: "week" });
        assert_eq!(relative_time(-400.0 * 86_400.0), RelativeTime { value: -1, unit: "year" });
        assert_eq!(relative_time(120.0), RelativeTime { value: 2, unit: "minute" });
        assert_eq!(relative_time(0.0), RelativeTime { value: 0, unit: "second" });
    }
}
