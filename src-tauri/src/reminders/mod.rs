//! The reminder loop: a thread that asks core's planner for the next reminder, sleeps until its
//! moment (see [`waiter`]: no polling), shows it, logs it, and plans again. It also plans again
//! whenever the database changes (the window, the tray or the command line wrote something) or
//! the wall clock was set, and after a suspend its timer fires as soon as the machine wakes.
//!
//! Reminders always come from the user's own database, never from the sample data.

pub mod notify;
pub mod waiter;

use std::collections::HashSet;
use std::sync::Arc;
use std::thread::JoinHandle;

use afterword_core::rhythm::{next_reminder, ClosedPeriod, PlannedReminder};
use afterword_core::store::DB_FILE_NAME;
use afterword_core::{Clock, Store};

pub use waiter::Poker;
use waiter::Waiter;

/// The thread's name, so that tests and `top -H` can find it.
pub const THREAD_NAME: &str = "reminders";

/// Shows one reminder; returns false when it could not be shown (no notification server).
pub type Deliver = Box<dyn FnMut(&PlannedReminder) -> bool + Send>;

/// Starts the loop on `store` (the database in `store.path()`'s dir is watched).
/// `first_wait` runs on the loop's thread before anything else: the app passes a wait for its
/// first view (crate::startup::FirstView), so the planner's reads do not delay it.
pub fn start(
    store: Arc<Store>,
    clock: Arc<dyn Clock>,
    deliver: Deliver,
    first_wait: Box<dyn FnOnce() + Send>,
) -> std::io::Result<(Poker, JoinHandle<()>)> {
    let dir = store
        .path()
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or_default();
    let file_name = store
        .path()
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(DB_FILE_NAME)
        .to_string();
    let waiter = Waiter::new(&dir, &file_name).map_err(std::io::Error::from)?;
    let poker = waiter.poker();
    let thread = std::thread::Builder::new()
        .name(THREAD_NAME.into())
        .spawn(move || {
            first_wait();
            run(&store, clock.as_ref(), &waiter, deliver)
        })?;
    Ok((poker, thread))
}

fn run(store: &Store, clock: &dyn Clock, waiter: &Waiter, mut deliver: Deliver) {
    let started = clock.now_ms();
    // After the app was closed, at most one catch-up: the planner needs to know for how long.
    let closed = match store.app_last_seen() {
        Ok(Some(last)) if last < started => Some(ClosedPeriod {
            last_ran_ms: last,
            reopened_at_ms: started,
        }),
        _ => None,
    };
    if let Err(e) = store.record_app_seen(started) {
        eprintln!("afterword: reminders: {e}");
    }
    // Keys shown in this run: if logging ever failed, the same reminder must not come again.
    let mut shown: HashSet<String> = HashSet::new();
    loop {
        let now = clock.now_ms();
        let next = match store.plan_input(now) {
            Ok(mut input) => {
                input.closed = closed;
                next_reminder(&input, now, &chrono::Local)
            }
            Err(e) => {
                eprintln!("afterword: reminders: could not read the plan: {e}");
                None
            }
        };
        let next = next.filter(|r| !shown.contains(&r.key));
        if let Some(reminder) = next.as_ref().filter(|r| r.at_ms <= now) {
            shown.insert(reminder.key.clone());
            if !deliver(reminder) {
                eprintln!("afterword: reminders: could not show '{}'", reminder.key);
            }
            // Logged whether or not a notification server took it: a reminder is spent once,
            // never retried in a loop.
            if let Err(e) = store
                .log_reminder(reminder.kind, &reminder.key, now)
                .and_then(|()| store.record_app_seen(now))
            {
                eprintln!(
                    "afterword: reminders: could not log '{}': {e}",
                    reminder.key
                );
            }
            continue;
        }
        if let Err(e) = waiter.wait(next.map(|r| r.at_ms)) {
            eprintln!("afterword: reminders stopped: {e}");
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use afterword_core::rhythm::ReminderPrefs;
    use afterword_core::time::MS_PER_DAY;
    use afterword_core::{FixedClock, SystemClock};
    use std::sync::mpsc;
    use std::time::Duration;

    /// Reminders at any hour and day, so the test does not depend on when it runs.
    fn always_allowed(store: &Store) {
        let prefs = ReminderPrefs {
            quiet_from: "00:00".into(),
            quiet_until: "00:00".into(),
            weekends: true,
            max_per_day: 3,
            ..ReminderPrefs::default()
        };
        store.set_reminder_prefs(&prefs).unwrap();
    }

    fn old_inquiry(store: &Store, name: &str, days_ago: i64) {
        let now = SystemClock.now_ms();
        let received = afterword_core::time::from_ms(now - days_ago * MS_PER_DAY)
            .with_timezone(&chrono::Local)
            .format("%Y-%m-%d %H:%M")
            .to_string();
        let input = afterword_core::model::InquiryInput {
            name: name.into(),
            received_at: received,
            ..Default::default()
        };
        let valid = afterword_core::validate::inquiry(&input, now, &chrono::Local).unwrap();
        store.create_inquiry(&valid, now).unwrap();
    }

    #[test]
    fn shows_a_due_reminder_once_logs_it_and_wakes_on_new_data() {
        let dir = tempfile::tempdir().unwrap();
        let store = Arc::new(Store::open_in_dir(dir.path()).unwrap());
        always_allowed(&store);
        old_inquiry(&store, "Anna", 10);

        let clock = Arc::new(FixedClock::at_ms(SystemClock.now_ms()));
        let (tx, rx) = mpsc::channel();
        let deliver: Deliver = Box::new(move |r| tx.send(r.key.clone()).is_ok());
        let (_poker, _thread) =
            start(store.clone(), clock.clone(), deliver, Box::new(|| {})).unwrap();

        let first = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("a reminder");
        assert!(first.starts_with("follow_up:"), "{first}");
        assert!(
            rx.recv_timeout(Duration::from_millis(500)).is_err(),
            "shown twice"
        );
        assert_eq!(store.reminder_log(0).unwrap().len(), 1);

        // Four hours later (past the minimum gap), "another process" writes a second open
        // inquiry. Nobody pokes the loop: it must notice the database change by itself.
        clock.advance_ms(4 * 60 * 60 * 1000);
        let other = Store::open_in_dir(dir.path()).unwrap();
        old_inquiry(&other, "Bram", 9);
        let second = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("a second reminder");
        assert!(
            second.starts_with("follow_up:") && second != first,
            "{second}"
        );
        // The loop logs a reminder right after delivering it: wait for that write, as for the
        // channel (reading at once raced it).
        assert_eq!(logged_within(&store, 2, Duration::from_secs(10)), 2);
    }

    /// The reminder log's length once it reaches `want`, or at the deadline.
    fn logged_within(store: &Store, want: usize, limit: Duration) -> usize {
        let deadline = std::time::Instant::now() + limit;
        loop {
            let n = store.reminder_log(0).unwrap().len();
            if n >= want || std::time::Instant::now() >= deadline {
                return n;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}
