//! RFC 3339 timestamps, checked when a file is read and kept as written for `<time datetime>`.

use serde::Serialize;
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

use super::{FormatError, Node};

/// A point in time from a file, e.g. `2020-08-26T12:00:00+03:00`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Timestamp {
    rfc3339: String,
    #[serde(skip)]
    unix_seconds: i64,
    /// The offset it was written with, in seconds east of UTC: where it happened.
    #[serde(skip)]
    offset_seconds: i32,
}

impl Timestamp {
    pub fn parse(text: &str) -> Option<Timestamp> {
        let parsed = OffsetDateTime::parse(text.trim(), &Rfc3339).ok()?;
        Some(Timestamp {
            rfc3339: text.trim().to_owned(),
            unix_seconds: parsed.unix_timestamp(),
            offset_seconds: parsed.offset().whole_seconds(),
        })
    }

    /// As written in the file: the value for `<time datetime>` and for the browser's `Date`.
    /// From Unix seconds (a comments server's clock), in UTC.
    pub fn from_unix_seconds(seconds: f64) -> Option<Timestamp> {
        let whole = seconds.floor();
        let parsed = OffsetDateTime::from_unix_timestamp(whole as i64).ok()?;
        let rfc3339 = parsed.format(&Rfc3339).ok()?;
        Some(Timestamp { rfc3339, unix_seconds: whole as i64, offset_seconds: 0 })
    }

    /// Reads a required timestamp field, naming it when it is not RFC 3339.
    pub fn read(node: &Node) -> Result<Timestamp, FormatError> {
        let text = node.str()?;
        Timestamp::parse(text)
            .ok_or_else(|| node.invalid(&format!("{text:?} is not an RFC 3339 date-time (e.g. 2020-08-26T12:00:00+03:00)")))
    }

    pub fn as_rfc3339(&self) -> &str {
        &self.rfc3339
    }

    pub fn unix_seconds(&self) -> i64 {
        self.unix_seconds
    }

    /// The UTC offset it was written with, in seconds (`+03:00` → 10800): the article's time zone.
    pub fn offset_seconds(&self) -> i32 {
        self.offset_seconds
    }

    /// The calendar date (year, month, day) at `offset_seconds` east of UTC.
    ///
    /// ```
    /// use broadsheet::model::Timestamp;
    /// let late = Timestamp::parse("2020-08-26T23:30:00Z").unwrap();
    /// assert_eq!(late.date_at_offset(0), Some((2020, 8, 26)));
    /// assert_eq!(late.date_at_offset(3 * 3600), Some((2020, 8, 27)));
    /// ```
    pub fn date_at_offset(&self, offset_seconds: i32) -> Option<(i32, u8, u8)> {
        let offset = UtcOffset::from_whole_seconds(offset_seconds).ok()?;
        let date = OffsetDateTime::from_unix_timestamp(self.unix_seconds).ok()?.to_offset(offset).date();
        Some((date.year(), date.month() as u8, date.day()))
    }

    /// The calendar date as written (`YYYY-MM-DD`), shown until the browser has formatted the date.
    pub fn date_part(&self) -> &str {
        self.rfc3339.get(..10).unwrap_or(&self.rfc3339)
    }
}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.unix_seconds.cmp(&other.unix_seconds).then_with(|| self.rfc3339.cmp(&other.rfc3339))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_offsets_and_utc() {
        let moscow = Timestamp::parse("2020-08-26T12:00:00+03:00").unwrap();
        let utc = Timestamp::parse("2020-08-26T09:00:00Z").unwrap();
        assert_eq!(moscow.unix_seconds(), utc.unix_seconds());
        assert_eq!(moscow.date_part(), "2020-08-26");
        assert_eq!(moscow.offset_seconds(), 3 * 3600);
        assert_eq!(utc.offset_seconds(), 0);
    }

    #[test]
    fn from_unix_seconds_is_utc_rfc_3339() {
        let t = Timestamp::from_unix_seconds(1_598_454_000.7).unwrap();
        assert_eq!(t.as_rfc3339(), "2020-08-26T15:00:00Z");
        assert_eq!(Timestamp::parse(t.as_rfc3339()).unwrap().unix_seconds(), 1_598_454_000);
    }

    #[test]
    fn refuses_what_is_not_rfc_3339() {
        for bad in ["2020-08-26", "26 August 2020", "2020-13-01T00:00:00Z", "", "2020-08-26T12:00:00"] {
            assert!(Timestamp::parse(bad).is_none(), "{bad:?}");
        }
    }
}
