//! The automatic backup while the app runs: once the window's first view is there when today's
//! is missing, then once a day. Each time, first, what was deleted longer ago than undo reaches
//! is erased (afterword_core's store/erase.rs), so that it leaves neither the database nor the
//! backups, also when no backup is due.
//!
//! The thread sleeps until 00:05 local time of the next day on a `timerfd` on the wall clock
//! (CLOCK_REALTIME, absolute): unlike `thread::sleep`, it fires on time after the machine was
//! suspended through midnight, and it wakes when the clock is set (travel, NTP), to plan again.
//! It never polls: one wake a day.

use std::path::PathBuf;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use afterword_core::{backup, Store};
use chrono::{Local, NaiveTime, TimeZone};
use nix::sys::time::TimeSpec;
use nix::sys::timerfd::{ClockId, Expiration, TimerFd, TimerFlags, TimerSetTimeFlags};

const THREAD_NAME: &str = "afterword-backups";

/// `first_view` returns once the window's first view is there (crate::startup::FirstView). The
/// first backup waits for it, because copying the database holds the store and the first view
/// must not wait behind it. Right after it, the copy (tens of milliseconds) is done before the
/// user has read the screen, and the app is idle from then on; a backup at any later moment
/// would wake it once more.
pub fn start(
    store: Arc<Store>,
    dir: PathBuf,
    first_view: Box<dyn FnOnce() + Send>,
) -> std::io::Result<JoinHandle<()>> {
    std::thread::Builder::new()
        .name(THREAD_NAME.into())
        .spawn(move || {
            first_view();
            run(&store, &dir)
        })
}

fn run(store: &Store, dir: &std::path::Path) {
    let timer = TimerFd::new(ClockId::CLOCK_REALTIME, TimerFlags::TFD_CLOEXEC).ok();
    loop {
        if let Err(e) = store.erase_expired(Local::now().timestamp_millis()) {
            eprintln!("afterword: could not erase deleted content: {e}");
        }
        let today = Local::now().date_naive();
        if let Err(e) = backup::ensure_daily(store, dir, today) {
            eprintln!("afterword: the automatic backup failed: {e}");
        }
        let next_ms = next_run_ms(today);
        let waited = timer.as_ref().is_some_and(|t| wait_until(t, next_ms));
        if !waited {
            // No timerfd (or it failed): the monotonic sleep, which is late after a suspend.
            let left = next_ms - Local::now().timestamp_millis();
            std::thread::sleep(Duration::from_millis(left.clamp(60_000, 86_400_000) as u64));
        }
    }
}

/// 00:05 on the local day after `today` (five minutes in, so a clock a little off still sees
/// the new day), in epoch ms.
fn next_run_ms(today: chrono::NaiveDate) -> i64 {
    let next = today.succ_opt().unwrap_or(today);
    let at = next.and_time(NaiveTime::from_hms_opt(0, 5, 0).unwrap_or_default());
    match Local.from_local_datetime(&at).earliest() {
        Some(t) => t.timestamp_millis(),
        // 00:05 skipped by a clock change: an hour later exists.
        None => at.and_utc().timestamp_millis() + 3_600_000,
    }
}

/// Blocks until the wall clock reaches `at_ms` or is set; false when the timer failed.
fn wait_until(timer: &TimerFd, at_ms: i64) -> bool {
    let spec = TimeSpec::new(at_ms.div_euclid(1000), at_ms.rem_euclid(1000) * 1_000_000);
    let flags = TimerSetTimeFlags::TFD_TIMER_ABSTIME | TimerSetTimeFlags::TFD_TIMER_CANCEL_ON_SET;
    if timer.set(Expiration::OneShot(spec), flags).is_err() {
        return false;
    }
    match timer.wait() {
        Ok(()) => true,
        // The clock was set: go round and plan again from the new time.
        Err(nix::errno::Errno::ECANCELED) => true,
        Err(_) => false,
    }
}
