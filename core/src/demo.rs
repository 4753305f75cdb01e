//! Sample data for "try with sample data": a burn-out coach who posts on LinkedIn now and then and
//! sends an occasional newsletter — one of which, sent after weeks of silence, brought several
//! clients. Loaded into the separate demo database only, never into the user's own.

use chrono::{Duration, TimeZone};

use crate::error::Result;
use crate::model::{Felt, InquiryInput, InquiryStatus, Motive, PostInput, PostKind, Via};
use crate::store::Store;
use crate::validate;

struct DemoPost {
    days_ago: i64,
    hour: &'static str,
    newsletter: bool,
    title: &'static str,
    text: &'static str,
    felt: Felt,
    motive: Motive,
    minutes: i64,
}

struct DemoInquiry {
    days_ago: i64,
    name: &'static str,
    org: Option<&'static str>,
    via: Via,
    words: &'static str,
    /// Index into POSTS of the post the person named, if they did.
    confirmed: Option<usize>,
    not_from_posts: bool,
    status: InquiryStatus,
    value: Option<&'static str>,
}

const POSTS: &[DemoPost] = &[
    DemoPost { days_ago: 340, hour: "08:30", newsletter: false, title: "Three posts a week?", text: "Everyone says post three times a week. I tried. Here is what it did to my energy.", felt: Felt::Draining, motive: Motive::Obliged, minutes: 50 },
    DemoPost { days_ago: 333, hour: "09:10", newsletter: false, title: "Monday motivation", text: "Five tips to start your week with focus.", felt: Felt::Draining, motive: Motive::Obliged, minutes: 35 },
    DemoPost { days_ago: 326, hour: "08:45", newsletter: false, title: "Boundaries at work", text: "Saying no is a full sentence.", felt: Felt::Neutral, motive: Motive::Planned, minutes: 40 },
    DemoPost { days_ago: 312, hour: "12:00", newsletter: true, title: "Letter #1: why I started coaching", text: "The story I never told on LinkedIn: my own burn-out, and the slow way back.", felt: Felt::Energising, motive: Motive::Wanted, minutes: 120 },
    DemoPost { days_ago: 298, hour: "08:30", newsletter: false, title: "Rest is not a reward", text: "You do not have to earn your rest.", felt: Felt::Neutral, motive: Motive::Planned, minutes: 30 },
    DemoPost { days_ago: 284, hour: "09:00", newsletter: false, title: "Productivity hacks", text: "Ten apps that changed my workflow.", felt: Felt::Draining, motive: Motive::Obliged, minutes: 45 },
    DemoPost { days_ago: 262, hour: "17:30", newsletter: false, title: "A quiet win", text: "A client called to say she took her first real holiday in six years.", felt: Felt::Energising, motive: Motive::Wanted, minutes: 20 },
    DemoPost { days_ago: 241, hour: "08:15", newsletter: false, title: "Why I post less", text: "I stopped forcing posts. Fewer, truer words.", felt: Felt::Energising, motive: Motive::Wanted, minutes: 25 },
    DemoPost { days_ago: 220, hour: "12:30", newsletter: true, title: "Letter #2: the energy audit", text: "A simple worksheet to see what drains you and what feeds you.", felt: Felt::Neutral, motive: Motive::Planned, minutes: 150 },
    DemoPost { days_ago: 199, hour: "08:40", newsletter: false, title: "Event recap", text: "Notes from the HR summit in Utrecht.", felt: Felt::Neutral, motive: Motive::Obliged, minutes: 40 },
    DemoPost { days_ago: 180, hour: "09:20", newsletter: false, title: "On being an introvert coach", text: "Quiet is not weak. It is how I listen.", felt: Felt::Energising, motive: Motive::Wanted, minutes: 30 },
    DemoPost { days_ago: 151, hour: "08:30", newsletter: false, title: "Checklist: signs of burn-out", text: "Seven early signals that are easy to miss.", felt: Felt::Neutral, motive: Motive::Planned, minutes: 45 },
    DemoPost { days_ago: 96, hour: "20:15", newsletter: true, title: "Letter #3: the year I almost quit", text: "After weeks of silence, the letter I really wanted to send: what nearly made me stop, and what made me stay.", felt: Felt::Energising, motive: Motive::Wanted, minutes: 180 },
    DemoPost { days_ago: 81, hour: "08:45", newsletter: false, title: "Thank you", text: "So many replies to my letter. I read every one.", felt: Felt::Energising, motive: Motive::Wanted, minutes: 15 },
    DemoPost { days_ago: 60, hour: "09:00", newsletter: false, title: "Weekly tips #12", text: "Three ways to protect your calendar.", felt: Felt::Draining, motive: Motive::Obliged, minutes: 40 },
    DemoPost { days_ago: 45, hour: "08:30", newsletter: false, title: "Saying no to a client", text: "Why I turned down work last month, and why it was right.", felt: Felt::Neutral, motive: Motive::Wanted, minutes: 35 },
    DemoPost { days_ago: 24, hour: "12:00", newsletter: true, title: "Letter #4: slow mornings", text: "How I start the day without a phone, and what changed.", felt: Felt::Energising, motive: Motive::Wanted, minutes: 130 },
    DemoPost { days_ago: 9, hour: "08:50", newsletter: false, title: "A question for you", text: "What would you stop doing if nobody was watching?", felt: Felt::Neutral, motive: Motive::Planned, minutes: 20 },
];

const INQUIRIES: &[DemoInquiry] = &[
    DemoInquiry {
        days_ago: 305,
        name: "Marieke Jansen",
        org: Some("Jansen Advies"),
        via: Via::Email,
        words: "Your letter about your own burn-out hit home.",
        confirmed: Some(3),
        not_from_posts: false,
        status: InquiryStatus::Client,
        value: Some("1800"),
    },
    DemoInquiry {
        days_ago: 270,
        name: "Tom Bakker",
        org: None,
        via: Via::Referral,
        words: "Marieke said I should call you.",
        confirmed: None,
        not_from_posts: true,
        status: InquiryStatus::Client,
        value: Some("1200"),
    },
    DemoInquiry {
        days_ago: 255,
        name: "Anouk Visser",
        org: Some("Visser & Co"),
        via: Via::LinkedinMessage,
        words: "Saw your post about a quiet win.",
        confirmed: None,
        not_from_posts: false,
        status: InquiryStatus::NoDeal,
        value: None,
    },
    DemoInquiry {
        days_ago: 212,
        name: "Pieter de Boer",
        org: None,
        via: Via::Website,
        words: "Downloaded the energy audit.",
        confirmed: None,
        not_from_posts: false,
        status: InquiryStatus::Client,
        value: Some("950"),
    },
    DemoInquiry {
        days_ago: 140,
        name: "Lisa Smit",
        org: Some("Gemeente Zeist"),
        via: Via::Phone,
        words: "Found you via a colleague.",
        confirmed: None,
        not_from_posts: true,
        status: InquiryStatus::NoDeal,
        value: None,
    },
    DemoInquiry {
        days_ago: 95,
        name: "Fatima El Amrani",
        org: None,
        via: Via::Email,
        words: "Your letter made me cry. Can we talk?",
        confirmed: Some(12),
        not_from_posts: false,
        status: InquiryStatus::Client,
        value: Some("2400"),
    },
    DemoInquiry {
        days_ago: 94,
        name: "Joost van Dijk",
        org: Some("Van Dijk Bouw"),
        via: Via::Email,
        words: "I forwarded your letter to my wife; then I wrote to you myself.",
        confirmed: Some(12),
        not_from_posts: false,
        status: InquiryStatus::Client,
        value: Some("2400"),
    },
    DemoInquiry {
        days_ago: 93,
        name: "Emma Mulder",
        org: None,
        via: Via::LinkedinMessage,
        words: "Read your newsletter.",
        confirmed: None,
        not_from_posts: false,
        status: InquiryStatus::Client,
        value: Some("1800"),
    },
    DemoInquiry {
        days_ago: 91,
        name: "Sanne de Vries",
        org: Some("Studio Vries"),
        via: Via::Email,
        words: "The year you almost quit: that is my year.",
        confirmed: Some(12),
        not_from_posts: false,
        status: InquiryStatus::Client,
        value: Some("2400"),
    },
    DemoInquiry {
        days_ago: 88,
        name: "Daan Hendriks",
        org: None,
        via: Via::Website,
        words: "A friend forwarded your letter.",
        confirmed: None,
        not_from_posts: false,
        status: InquiryStatus::Client,
        value: Some("1800"),
    },
    DemoInquiry {
        days_ago: 84,
        name: "Noor Kuipers",
        org: None,
        via: Via::LinkedinMessage,
        words: "Loved your thank-you post.",
        confirmed: None,
        not_from_posts: false,
        status: InquiryStatus::NoDeal,
        value: None,
    },
    DemoInquiry {
        days_ago: 40,
        name: "Ruben Peters",
        org: Some("Peters ICT"),
        via: Via::LinkedinMessage,
        words: "Your post on saying no.",
        confirmed: None,
        not_from_posts: false,
        status: InquiryStatus::Talking,
        value: Some("1500"),
    },
    DemoInquiry {
        days_ago: 19,
        name: "Eva Willems",
        org: None,
        via: Via::Email,
        words: "Slow mornings: I want that.",
        confirmed: Some(16),
        not_from_posts: false,
        status: InquiryStatus::Talking,
        value: None,
    },
    DemoInquiry {
        days_ago: 3,
        name: "Bram Vos",
        org: None,
        via: Via::InPerson,
        words: "We met at the library talk.",
        confirmed: None,
        not_from_posts: true,
        status: InquiryStatus::New,
        value: None,
    },
];

/// Fills an empty store with the demo coach's year. Times are relative to `now_ms`, in `tz`.
pub fn load_sample_data<Tz: TimeZone>(store: &Store, now_ms: i64, tz: &Tz) -> Result<()> {
    let channels = store.list_channels()?;
    let channel_id = |newsletter: bool| {
        channels
            .iter()
            .find(|c| (c.kind == crate::model::ChannelKind::Newsletter) == newsletter)
            .map(|c| c.id)
            .unwrap_or(1)
    };
    let now = crate::time::from_ms(now_ms);
    let local_day = |days_ago: i64| {
        (now - Duration::days(days_ago))
            .with_timezone(tz)
            .date_naive()
            .format("%Y-%m-%d")
            .to_string()
    };
    let mut post_ids = Vec::with_capacity(POSTS.len());
    for p in POSTS {
        let input = PostInput {
            channel_id: channel_id(p.newsletter),
            kind: Some(if p.newsletter {
                PostKind::Newsletter
            } else {
                PostKind::Post
            }),
            published_at: format!("{} {}", local_day(p.days_ago), p.hour),
            title: Some(p.title.into()),
            text: Some(p.text.into()),
            url: None,
            felt: Some(p.felt),
            motive: Some(p.motive),
            minutes: Some(p.minutes),
        };
        let valid = validate::post(&input, now_ms, tz)?;
        post_ids.push(store.create_post(&valid, now_ms)?.id);
    }
    for i in INQUIRIES {
        let input = InquiryInput {
            received_at: format!("{} 10:00", local_day(i.days_ago)),
            name: i.name.into(),
            organisation: i.org.map(Into::into),
            via: i.via,
            their_words: Some(i.words.into()),
            source_post_id: i.confirmed.and_then(|idx| post_ids.get(idx).copied()),
            not_from_posts: i.not_from_posts,
            status: i.status,
            value: i.value.map(Into::into),
            currency: None,
            notes: None,
        };
        let valid = validate::inquiry(&input, now_ms, tz)?;
        store.create_inquiry(&valid, now_ms)?;
    }
    Ok(())
}
