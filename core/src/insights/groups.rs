//! Which kinds of messages bring clients: the credited totals per channel, kind, feeling, motive
//! and weekday, per post, with "too early to tell" on small groups.

use std::collections::BTreeMap;

use chrono::{Datelike, Offset, TimeZone, Weekday};

use super::engine::Tally;
use super::facts::PostFacts;
use super::report::{GroupInsight, InsightGroups};
use crate::model::{Felt, Motive, PostKind};
use crate::time::{from_ms, MS_PER_DAY};

/// A group with fewer posts than this is too early to tell.
pub const MIN_POSTS: i64 = 10;
/// A group credited with fewer inquiries than this is too early to tell.
pub const MIN_INQUIRIES: f64 = 5.0;

#[derive(Debug, Clone, Default)]
struct Sum {
    posts: i64,
    inquiries: f64,
    clients: f64,
    revenue_cents: i64,
    minutes: u64,
    clients_with_minutes: f64,
}

impl Sum {
    fn add(&mut self, post: &PostFacts, tally: &Tally) {
        self.posts += 1;
        self.inquiries += tally.inquiries;
        self.clients += tally.clients;
        self.revenue_cents += tally.revenue_cents;
        if let Some(m) = post.minutes {
            self.minutes += u64::from(m);
            self.clients_with_minutes += tally.clients;
        }
    }

    fn insight(&self, key: &str) -> GroupInsight {
        let per_post = |x: f64| x / self.posts.max(1) as f64;
        GroupInsight {
            key: key.to_string(),
            posts: self.posts,
            credited_inquiries: self.inquiries,
            credited_clients: self.clients,
            credited_revenue_cents: self.revenue_cents,
            inquiries_per_post: per_post(self.inquiries),
            clients_per_post: per_post(self.clients),
            revenue_per_post_cents: per_post(self.revenue_cents as f64),
            clients_per_hour: (self.minutes > 0)
                .then(|| self.clients_with_minutes / (self.minutes as f64 / 60.0)),
            // Credit is a sum of floats: 5 inquiries may add up to 4.999999999999999.
            too_early: self.posts < MIN_POSTS || self.inquiries < MIN_INQUIRIES - 1e-9,
        }
    }
}

const WEEKDAYS: [(Weekday, &str); 7] = [
    (Weekday::Mon, "monday"),
    (Weekday::Tue, "tuesday"),
    (Weekday::Wed, "wednesday"),
    (Weekday::Thu, "thursday"),
    (Weekday::Fri, "friday"),
    (Weekday::Sat, "saturday"),
    (Weekday::Sun, "sunday"),
];

/// Groups the posts listed in the report (`listed` holds positions in time order: `sorted[pos]`
/// indexes `posts`, `tallies[pos]` is that post's credit).
pub(crate) fn groups<Tz: TimeZone>(
    posts: &[PostFacts],
    sorted: &[usize],
    tallies: &[Tally],
    listed: &[usize],
    tz: &Tz,
) -> InsightGroups {
    let mut channel: BTreeMap<(String, &str), Sum> = BTreeMap::new();
    let mut kind = vec![Sum::default(); PostKind::ALL.len()];
    let mut felt = vec![Sum::default(); Felt::ALL.len() + 1];
    let mut motive = vec![Sum::default(); Motive::ALL.len() + 1];
    let mut weekday = vec![Sum::default(); 7];
    let mut days = LocalDays::new(tz);
    for &pos in listed {
        let (post, tally) = (&posts[sorted[pos]], &tallies[pos]);
        channel
            .entry((post.channel.to_lowercase(), post.channel.as_str()))
            .or_default()
            .add(post, tally);
        kind[slot(PostKind::ALL, Some(post.kind))].add(post, tally);
        felt[slot(Felt::ALL, post.felt)].add(post, tally);
        motive[slot(Motive::ALL, post.motive)].add(post, tally);
        weekday[days.weekday(post.published_at_ms).num_days_from_monday() as usize]
            .add(post, tally);
    }
    let present = |sums: &[Sum], key: &dyn Fn(usize) -> &'static str| -> Vec<GroupInsight> {
        sums.iter()
            .enumerate()
            .filter(|(_, s)| s.posts > 0)
            .map(|(k, s)| s.insight(key(k)))
            .collect()
    };
    InsightGroups {
        channel: channel
            .iter()
            .map(|((_, name), s)| s.insight(name))
            .collect(),
        kind: present(&kind, &|k| {
            PostKind::ALL.get(k).map_or("unknown", |v| v.as_str())
        }),
        felt: present(&felt, &|k| {
            Felt::ALL.get(k).map_or("unknown", |v| v.as_str())
        }),
        motive: present(&motive, &|k| {
            Motive::ALL.get(k).map_or("unknown", |v| v.as_str())
        }),
        weekday: present(&weekday, &|k| WEEKDAYS.get(k).map_or("unknown", |w| w.1)),
    }
}

/// The position of `value` in `all`; "unknown" (None) is the slot after the last.
fn slot<T: PartialEq + Copy>(all: &[T], value: Option<T>) -> usize {
    value
        .and_then(|v| all.iter().position(|&a| a == v))
        .unwrap_or(all.len())
}

/// Local weekdays of instants, remembering the UTC offset of the last UTC day looked up: time-zone
/// lookups are the slowest step of grouping 50,000 posts, and posts mostly come in time order.
struct LocalDays<'a, Tz: TimeZone> {
    tz: &'a Tz,
    /// The UTC day (days since the epoch) and the offset in ms valid over all of it.
    cached: Option<(i64, i64)>,
}

impl<'a, Tz: TimeZone> LocalDays<'a, Tz> {
    fn new(tz: &'a Tz) -> Self {
        LocalDays { tz, cached: None }
    }

    fn weekday(&mut self, at_ms: i64) -> Weekday {
        let day = at_ms.div_euclid(MS_PER_DAY);
        let offset_ms = match self.cached {
            Some((d, offset)) if d == day => Some(offset),
            _ => {
                let start = self.offset_ms(day * MS_PER_DAY);
                let end = self.offset_ms(day * MS_PER_DAY + MS_PER_DAY - 1);
                // Same offset at both ends: no clock change that day, so it holds all day.
                if start == end {
                    self.cached = Some((day, start));
                    Some(start)
                } else {
                    None
                }
            }
        };
        let offset_ms = offset_ms.unwrap_or_else(|| self.offset_ms(at_ms));
        from_ms(at_ms.saturating_add(offset_ms)).weekday()
    }

    fn offset_ms(&self, at_ms: i64) -> i64 {
        let offset = self
            .tz
            .offset_from_utc_datetime(&from_ms(at_ms).naive_utc());
        i64::from(offset.fix().local_minus_utc()) * 1000
    }
}
