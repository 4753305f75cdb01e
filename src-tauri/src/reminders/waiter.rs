//! Sleeping until the next reminder without polling: one `poll(2)` on three file descriptors.
//!
//! - a `timerfd` on the wall clock (CLOCK_REALTIME, absolute, cancelled when the clock is set):
//!   it fires at the planned moment also when the machine slept through it (the wall clock keeps
//!   running during suspend, the monotonic clock that `thread::sleep` uses does not), and wakes us
//!   when the user or NTP changes the time;
//! - an `eventfd` the window's commands and the tray poke when settings change, or to stop;
//! - an `inotify` watch on the data dir: any process writing the database (the window, or the
//!   command line in a terminal) changes the plan.
//!
//! Idle, the thread blocks in `poll` with no timeout and does not wake at all.

use std::ffi::OsStr;
use std::os::fd::AsFd;
use std::path::Path;
use std::sync::Arc;

use nix::errno::Errno;
use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
use nix::sys::eventfd::{EfdFlags, EventFd};
use nix::sys::inotify::{AddWatchFlags, InitFlags, Inotify};
use nix::sys::time::TimeSpec;
use nix::sys::timerfd::{ClockId, Expiration, TimerFd, TimerFlags, TimerSetTimeFlags};

/// How long the database files must be quiet before a change counts as done (ms).
const SETTLE_MS: u16 = 300;

/// Why the waiter returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wake {
    /// The planned moment came (or the wall clock was set: plan again either way).
    Timer,
    /// Someone called [`Poker::poke`].
    Poked,
    /// A database file in the data dir changed.
    DataChanged,
}

/// Wakes a [`Waiter`] from any thread.
#[derive(Clone)]
pub struct Poker(Arc<EventFd>);

impl Poker {
    pub fn poke(&self) {
        // The counter only saturates after 2^64-2 pokes nobody read; nothing to handle.
        let _ = self.0.write(1);
    }
}

pub struct Waiter {
    timer: TimerFd,
    poke: Arc<EventFd>,
    /// None when inotify is unavailable (too many watches); pokes still work then.
    inotify: Option<Inotify>,
    /// Names (without the dir) whose changes count, e.g. afterword.sqlite3 and its -wal.
    watched_prefix: String,
}

impl Waiter {
    /// A waiter watching the files of database `db_file_name` in `dir`.
    pub fn new(dir: &Path, db_file_name: &str) -> nix::Result<Waiter> {
        let timer = TimerFd::new(
            ClockId::CLOCK_REALTIME,
            TimerFlags::TFD_CLOEXEC | TimerFlags::TFD_NONBLOCK,
        )?;
        let poke = Arc::new(EventFd::from_value_and_flags(
            0,
            EfdFlags::EFD_CLOEXEC | EfdFlags::EFD_NONBLOCK,
        )?);
        let inotify = Inotify::init(InitFlags::IN_CLOEXEC | InitFlags::IN_NONBLOCK)
            .and_then(|i| {
                i.add_watch(
                    dir,
                    AddWatchFlags::IN_MODIFY
                        | AddWatchFlags::IN_CLOSE_WRITE
                        | AddWatchFlags::IN_CREATE
                        | AddWatchFlags::IN_MOVED_TO,
                )?;
                Ok(i)
            })
            .map_err(|e| eprintln!("afterword: not watching {} for changes: {e}", dir.display()))
            .ok();
        Ok(Waiter {
            timer,
            poke,
            inotify,
            watched_prefix: db_file_name.to_string(),
        })
    }

    pub fn poker(&self) -> Poker {
        Poker(self.poke.clone())
    }

    /// Blocks until `at_ms` (UTC epoch ms; None = no deadline), a poke, or a database change.
    pub fn wait(&self, at_ms: Option<i64>) -> nix::Result<Wake> {
        match at_ms {
            Some(at) => {
                // Absolute moments at or before 1970 would mean "never" to the kernel.
                let at = at.max(1);
                let spec = TimeSpec::new(at.div_euclid(1000), at.rem_euclid(1000) * 1_000_000);
                self.timer.set(
                    Expiration::OneShot(spec),
                    TimerSetTimeFlags::TFD_TIMER_ABSTIME
                        | TimerSetTimeFlags::TFD_TIMER_CANCEL_ON_SET,
                )?;
            }
            None => self.timer.unset()?,
        }
        loop {
            let mut fds = vec![
                PollFd::new(self.timer.as_fd(), PollFlags::POLLIN),
                PollFd::new(self.poke.as_fd(), PollFlags::POLLIN),
            ];
            if let Some(inotify) = &self.inotify {
                fds.push(PollFd::new(inotify.as_fd(), PollFlags::POLLIN));
            }
            match poll(&mut fds, PollTimeout::NONE) {
                Ok(_) => {}
                Err(Errno::EINTR) => continue,
                Err(e) => return Err(e),
            }
            let ready = |i: usize| {
                fds.get(i)
                    .and_then(|f| f.revents())
                    .is_some_and(|r| r.intersects(PollFlags::POLLIN | PollFlags::POLLERR))
            };
            let (timer, poked, changed) = (ready(0), ready(1), ready(2));
            drop(fds);
            if poked {
                // Reading resets the counter; EAGAIN means another reader got it first.
                let _ = self.poke.read();
                return Ok(Wake::Poked);
            }
            if changed && self.drain_inotify() {
                self.settle()?;
                return Ok(Wake::DataChanged);
            }
            if timer {
                // Clears the expiry (or the "clock was set" cancellation, which also means: plan
                // again).
                let _ = self.timer.wait();
                return Ok(Wake::Timer);
            }
        }
    }

    /// Waits until the database files have been quiet for [`SETTLE_MS`]. The last write to the
    /// WAL comes a moment before SQLite publishes the commit (in the -shm index, which is
    /// memory-mapped and raises no inotify event): planning right away could still read the
    /// data from before the write and then sleep through the change.
    fn settle(&self) -> nix::Result<()> {
        let Some(inotify) = &self.inotify else {
            return Ok(());
        };
        loop {
            let mut fds = [PollFd::new(inotify.as_fd(), PollFlags::POLLIN)];
            match poll(&mut fds, PollTimeout::from(SETTLE_MS)) {
                Ok(0) => return Ok(()),
                Ok(_) => {
                    self.drain_inotify();
                }
                Err(Errno::EINTR) => {}
                Err(e) => return Err(e),
            }
        }
    }

    /// Reads the pending inotify events; true when one was about our database files.
    fn drain_inotify(&self) -> bool {
        let Some(inotify) = &self.inotify else {
            return false;
        };
        let mut ours = false;
        while let Ok(events) = inotify.read_events() {
            if events.is_empty() {
                break;
            }
            ours |= events.iter().any(|e| {
                e.name
                    .as_deref()
                    .and_then(OsStr::to_str)
                    .is_some_and(|n| is_database_file(n, &self.watched_prefix))
            });
        }
        ours
    }
}

/// The database itself or its WAL (the -shm file changes on reads too, so it is left out).
fn is_database_file(name: &str, db_file_name: &str) -> bool {
    name == db_file_name
        || name
            .strip_prefix(db_file_name)
            .is_some_and(|rest| rest == "-wal" || rest == "-journal")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

    fn now_ms() -> i64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or(0)
    }

    #[test]
    fn wakes_at_the_moment_on_a_poke_and_on_a_database_change() {
        let dir = tempfile::tempdir().expect("temp dir");
        let waiter = Waiter::new(dir.path(), "afterword.sqlite3").expect("waiter");

        let start = Instant::now();
        assert_eq!(waiter.wait(Some(now_ms() + 150)).unwrap(), Wake::Timer);
        let took = start.elapsed();
        assert!(took >= Duration::from_millis(100), "woke early: {took:?}");

        // A moment in the past fires at once.
        assert_eq!(waiter.wait(Some(now_ms() - 1_000)).unwrap(), Wake::Timer);

        let poker = waiter.poker();
        let t = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            poker.poke();
        });
        assert_eq!(waiter.wait(None).unwrap(), Wake::Poked);
        t.join().unwrap();

        let path = dir.path().join("afterword.sqlite3-wal");
        let t = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            // Other files in the dir (the sample-data database, say) do not count.
            std::fs::write(path.with_file_name("notes.txt"), b"x").unwrap();
            std::fs::write(path.with_file_name("afterword-demo.sqlite3-wal"), b"x").unwrap();
            std::thread::sleep(Duration::from_millis(50));
            std::fs::write(&path, b"x").unwrap();
        });
        assert_eq!(
            waiter.wait(Some(now_ms() + 60_000)).unwrap(),
            Wake::DataChanged
        );
        t.join().unwrap();
    }

    #[test]
    fn only_the_database_and_its_journal_count() {
        assert!(is_database_file("afterword.sqlite3", "afterword.sqlite3"));
        assert!(is_database_file(
            "afterword.sqlite3-wal",
            "afterword.sqlite3"
        ));
        assert!(!is_database_file(
            "afterword.sqlite3-shm",
            "afterword.sqlite3"
        ));
        assert!(!is_database_file(
            "afterword-demo.sqlite3",
            "afterword.sqlite3"
        ));
    }
}
