//! Which kinds of messages bring clients: the credited totals per channel, kind, feeling, motive
//! and weekday, per post, with "too early to tell" on small groups.

use std::sync::Arc;

use chrono::{Offset, TimeZone};

use super::engine::Tally;
use super::facts::PostFacts;
use super::par;
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
    fn add(&mut self, minutes: Option<u32>, tally: &Tally) {
        self.posts += 1;
        self.inquiries += tally.inquiries;
        self.clients += tally.clients;
        self.revenue_cents = self.revenue_cents.saturating_add(tally.revenue_cents);
        if let Some(m) = minutes {
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

/// Monday first, as in most of the world Afterword is used in.
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Which groups one listed post goes into. `channel` indexes [`Placed::channels`].
#[derive(Debug, Clone, Copy, Default)]
struct Slots {
    channel: usize,
    kind: u8,
    felt: u8,
    motive: u8,
    weekday: u8,
    minutes: Option<u32>,
}

/// Where the listed posts go: `slots[k]` for the post at `listed[k]`, and the channel names in
/// the order a pass over them meets them.
pub(crate) struct Placed<'a> {
    slots: Vec<Slots>,
    channels: Vec<&'a Arc<str>>,
}

impl Placed<'_> {
    /// The channel name of the `k`-th listed post (read once here, where it is in cache); None
    /// only for a `k` out of range.
    pub(crate) fn channel(&self, k: usize) -> Option<&Arc<str>> {
        self.slots
            .get(k)
            .and_then(|s| self.channels.get(s.channel))
            .copied()
    }
}

/// Listed posts that make a thread worth starting for finding their groups.
const POSTS_PER_THREAD: usize = 5_000;

/// Finds the groups of the posts listed in the report (`listed` holds positions in time order:
/// `sorted[pos]` indexes `posts`). Reading each post's channel name (scattered in memory) and
/// local weekday is what costs in grouping, so it is done once, here, in parallel chunks.
pub(crate) fn place<'a, Tz: TimeZone + Sync>(
    posts: &'a [PostFacts],
    sorted: &[usize],
    listed: &[usize],
    tz: &Tz,
) -> Placed<'a> {
    let threads = par::threads_for(listed.len(), POSTS_PER_THREAD);
    let bounds = par::even_bounds(listed.len(), threads);
    let mut slots = vec![Slots::default(); listed.len()];
    // Per chunk, the channel names in the order it met them. A list, not a map: people have a
    // handful of channels, and comparing a few short names beats hashing one per post.
    let names: Vec<Vec<&Arc<str>>> = par::chunks(&mut slots, &bounds, |start, part| {
        let mine = listed.get(start..start + part.len()).unwrap_or(&[]);
        touch(
            mine.iter()
                .filter_map(|&pos| sorted.get(pos).and_then(|&i| posts.get(i)))
                .map(|p| &*p.channel),
        );
        let mut names: Vec<&Arc<str>> = Vec::new();
        let mut days = LocalDays::new(tz);
        for (slot_of, &pos) in part.iter_mut().zip(listed.get(start..).unwrap_or(&[])) {
            let Some(post) = sorted.get(pos).and_then(|&i| posts.get(i)) else {
                continue;
            };
            // The same name is mostly the same shared string: no need to read its bytes.
            let same =
                |name: &&Arc<str>| Arc::ptr_eq(name, &post.channel) || **name == post.channel;
            let channel = match names.iter().position(same) {
                Some(k) => k,
                None => {
                    names.push(&post.channel);
                    names.len() - 1
                }
            };
            *slot_of = Slots {
                channel,
                kind: slot(PostKind::ALL, Some(post.kind)) as u8,
                felt: slot(Felt::ALL, post.felt) as u8,
                motive: slot(Motive::ALL, post.motive) as u8,
                weekday: days.weekday(post.published_at_ms) as u8,
                minutes: post.minutes,
            };
        }
        names
    });
    // One list of names for all chunks, in the order a single pass would have met them.
    let mut channels: Vec<&Arc<str>> = Vec::new();
    for (chunk, b) in names.iter().zip(bounds.windows(2)) {
        let remap: Vec<usize> = chunk
            .iter()
            .map(|name| match channels.iter().position(|n| **n == **name) {
                Some(k) => k,
                None => {
                    channels.push(name);
                    channels.len() - 1
                }
            })
            .collect();
        for s in slots.get_mut(b[0]..b[1]).unwrap_or(&mut []) {
            s.channel = remap.get(s.channel).copied().unwrap_or(0);
        }
    }
    Placed { slots, channels }
}

/// Reads the first byte of each string, in a loop so short that the processor has many of
/// them on the way at once: the strings of 50,000 posts lie all over memory, and a pass that
/// does real work per post would wait for each in turn.
pub(crate) fn touch<'a>(strings: impl Iterator<Item = &'a str>) {
    let mut any = 0u8;
    for s in strings {
        any |= s.as_bytes().first().copied().unwrap_or(0);
    }
    std::hint::black_box(any);
}

/// The group comparisons of the listed posts (`tallies[listed[k]]` is the credit of the post
/// placed at `placed.slots[k]`). The sums are added up in the order of `listed`, so they are
/// the same float whatever the number of threads that placed them.
pub(crate) fn groups(placed: &Placed<'_>, tallies: &[Tally], listed: &[usize]) -> InsightGroups {
    let mut channel: Vec<(&str, Sum)> = placed
        .channels
        .iter()
        .map(|name| (&***name, Sum::default()))
        .collect();
    let mut kind = vec![Sum::default(); PostKind::ALL.len()];
    let mut felt = vec![Sum::default(); Felt::ALL.len() + 1];
    let mut motive = vec![Sum::default(); Motive::ALL.len() + 1];
    let mut weekday = vec![Sum::default(); 7];
    for (s, &pos) in placed.slots.iter().zip(listed) {
        let Some(tally) = tallies.get(pos) else {
            continue;
        };
        for sum in [
            channel.get_mut(s.channel).map(|(_, sum)| sum),
            kind.get_mut(usize::from(s.kind)),
            felt.get_mut(usize::from(s.felt)),
            motive.get_mut(usize::from(s.motive)),
            weekday.get_mut(usize::from(s.weekday)),
        ]
        .into_iter()
        .flatten()
        {
            sum.add(s.minutes, tally);
        }
    }
    let present = |sums: &[Sum], key: &dyn Fn(usize) -> &'static str| -> Vec<GroupInsight> {
        sums.iter()
            .enumerate()
            .filter(|(_, s)| s.posts > 0)
            .map(|(k, s)| s.insight(key(k)))
            .collect()
    };
    // Alphabetical as people read it: case-insensitive, then exact for names that differ in case.
    channel.sort_by_cached_key(|(name, _)| (name.to_lowercase(), name.to_string()));
    InsightGroups {
        channel: channel.iter().map(|(name, s)| s.insight(name)).collect(),
        kind: present(&kind, &|k| {
            PostKind::ALL.get(k).map_or("unknown", |v| v.as_str())
        }),
        felt: present(&felt, &|k| {
            Felt::ALL.get(k).map_or("unknown", |v| v.as_str())
        }),
        motive: present(&motive, &|k| {
            Motive::ALL.get(k).map_or("unknown", |v| v.as_str())
        }),
        weekday: present(&weekday, &|k| WEEKDAYS.get(k).copied().unwrap_or("unknown")),
    }
}

/// The position of `value` in `all`; "unknown" (None) is the slot after the last.
fn slot<T: PartialEq + Copy>(all: &[T], value: Option<T>) -> usize {
    value
        .and_then(|v| all.iter().position(|&a| a == v))
        .unwrap_or(all.len())
}

/// Local weekdays of instants (given in time order for speed, any order for correctness).
/// Time-zone lookups are the slowest step of grouping 50,000 posts, so when several posts fall
/// on the same UTC day, the day is checked once for a clock change and, without one, its
/// offset is reused; a post alone on its day costs one lookup.
struct LocalDays<'a, Tz: TimeZone> {
    tz: &'a Tz,
    /// The UTC day (days since the epoch) of the last post.
    day: i64,
    /// Whether that day has been checked, and the offset in ms if it holds all day.
    checked: bool,
    all_day: Option<i64>,
}

impl<'a, Tz: TimeZone> LocalDays<'a, Tz> {
    fn new(tz: &'a Tz) -> Self {
        LocalDays {
            tz,
            day: i64::MIN,
            checked: false,
            all_day: None,
        }
    }

    /// Monday = 0 .. Sunday = 6, in the local time of `at_ms`.
    fn weekday(&mut self, at_ms: i64) -> usize {
        let day = at_ms.div_euclid(MS_PER_DAY);
        if day != self.day {
            self.day = day;
            self.checked = false;
            self.all_day = None;
        } else if !self.checked {
            self.checked = true;
            let start = self.offset_ms(day * MS_PER_DAY);
            let end = self.offset_ms(day * MS_PER_DAY + MS_PER_DAY - 1);
            // Same offset at both ends: no clock change that day, so it holds all day.
            self.all_day = (start == end).then_some(start);
        }
        let offset_ms = match self.all_day {
            Some(offset) => offset,
            None => self.offset_ms(at_ms),
        };
        let local_day = at_ms.saturating_add(offset_ms).div_euclid(MS_PER_DAY);
        // 1970-01-01 was a Thursday (3 days after a Monday).
        (local_day + 3).rem_euclid(7) as usize
    }

    fn offset_ms(&self, at_ms: i64) -> i64 {
        let offset = self
            .tz
            .offset_from_utc_datetime(&from_ms(at_ms).naive_utc());
        i64::from(offset.fix().local_minus_utc()) * 1000
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, Utc};
    use chrono_tz::Europe::Amsterdam;

    #[test]
    fn weekdays_match_chrono_in_any_order() {
        let h = 3_600_000;
        // Around the DST changes of 2026 (29 March, 25 October), hour by hour, with repeats.
        let mut times: Vec<i64> = Vec::new();
        for base in [1_774_742_400_000i64, 1_792_886_400_000] {
            for k in -48..48 {
                times.push(base + k * h);
                times.push(base + k * h + 1);
            }
        }
        let mut shuffled = times.clone();
        shuffled.reverse();
        for list in [times, shuffled] {
            let mut days = LocalDays::new(&Amsterdam);
            let mut utc = LocalDays::new(&Utc);
            for t in list {
                let local = from_ms(t).with_timezone(&Amsterdam).weekday();
                assert_eq!(
                    days.weekday(t),
                    local.num_days_from_monday() as usize,
                    "{t}"
                );
                let plain = from_ms(t).weekday();
                assert_eq!(utc.weekday(t), plain.num_days_from_monday() as usize, "{t}");
            }
        }
    }
}
