//! End to end: the real app on a private session bus with a real notification server (dunst,
//! D-Bus-activated by ./test.sh's `dbus-run-session`), every `Notify` call captured with
//! `dbus-monitor`. One notification when a reminder is due, none when nothing is, a click on it
//! opens the right view, and idle the reminder loop does not wake up.
//!
//! Runs when `AFTERWORD_E2E=1` (./test.sh); otherwise every test prints that it was skipped.

// Each test binary uses part of the harness.
#[allow(dead_code)]
#[path = "e2e_support/mod.rs"]
mod support;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use afterword_core::model::InquiryInput;
use afterword_core::rhythm::ReminderPrefs;
use afterword_core::time::MS_PER_DAY;
use afterword_core::{validate, Clock, Store, SystemClock};
use support::{app_pids, count_rows, App};

/// Captures the `Notify` method calls on the session bus.
struct NotifyMonitor {
    child: Child,
    out: tempfile::NamedTempFile,
}

impl NotifyMonitor {
    fn start() -> NotifyMonitor {
        assert!(
            std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
            "no session bus: run the end-to-end tests under dbus-run-session (./test.sh does)"
        );
        let out = tempfile::NamedTempFile::new().expect("monitor output file");
        let child = Command::new("dbus-monitor")
            .arg("--session")
            .arg("type='method_call',interface='org.freedesktop.Notifications',member='Notify'")
            .stdout(out.reopen().expect("reopen the monitor file"))
            .stderr(Stdio::null())
            .stdin(Stdio::null())
            .spawn()
            .expect("dbus-monitor (apt-get install dbus-bin)");
        let monitor = NotifyMonitor { child, out };
        // dbus-monitor prints its own NameAcquired/NameLost lines once it is on the bus.
        let deadline = Instant::now() + Duration::from_secs(10);
        while monitor.text().is_empty() {
            assert!(Instant::now() < deadline, "dbus-monitor did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        monitor
    }

    fn text(&self) -> String {
        std::fs::read_to_string(self.out.path()).unwrap_or_default()
    }

    /// How many notifications were sent so far.
    fn count(&self) -> usize {
        self.text().matches("member=Notify").count()
    }

    async fn wait_for_count(&self, n: usize, within: Duration) {
        let deadline = Instant::now() + within;
        while self.count() < n {
            assert!(
                Instant::now() < deadline,
                "expected {n} notification(s) within {within:?}, saw {}:\n{}",
                self.count(),
                self.text()
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Drop for NotifyMonitor {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reminders at any hour and any day, so that the test does not depend on when it runs.
fn allow_any_time(store: &Store) {
    store
        .set_reminder_prefs(&ReminderPrefs {
            quiet_from: "00:00".into(),
            quiet_until: "00:00".into(),
            weekends: true,
            ..ReminderPrefs::default()
        })
        .expect("save the reminder settings");
}

/// An open inquiry received `days_ago` days ago.
fn open_inquiry(store: &Store, name: &str, days_ago: i64) {
    let now = SystemClock.now_ms();
    let received = afterword_core::time::from_ms(now - days_ago * MS_PER_DAY)
        .with_timezone(&chrono::Local)
        .format("%Y-%m-%d %H:%M")
        .to_string();
    let input = InquiryInput {
        name: name.into(),
        received_at: received,
        ..InquiryInput::default()
    };
    let valid = validate::inquiry(&input, now, &chrono::Local).expect("a valid inquiry");
    store.create_inquiry(&valid, now).expect("save the inquiry");
}

fn prepared(days_ago: i64) -> tempfile::TempDir {
    let dir = support::data_dir();
    let store = Store::open_in_dir(dir.path()).expect("open the test database");
    allow_any_time(&store);
    open_inquiry(&store, "Sanne de Vries", days_ago);
    dir
}

/// Context switches (voluntary + involuntary) per thread of `pid`: (tid, name) -> count.
fn switches(pid: u32) -> std::collections::BTreeMap<(String, String), u64> {
    let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).expect("the app's threads");
    let mut out = std::collections::BTreeMap::new();
    for task in tasks.flatten() {
        let path = task.path();
        let tid = task.file_name().to_string_lossy().into_owned();
        let comm = std::fs::read_to_string(path.join("comm")).unwrap_or_default();
        let status = std::fs::read_to_string(path.join("status")).unwrap_or_default();
        let count = status
            .lines()
            .filter(|l| {
                l.starts_with("voluntary_ctxt_switches")
                    || l.starts_with("nonvoluntary_ctxt_switches")
            })
            .filter_map(|l| l.split_whitespace().last()?.parse::<u64>().ok())
            .sum::<u64>();
        out.insert((tid, comm.trim().to_string()), count);
    }
    out
}

/// Wake-ups between two samples, of the threads alive at both: (the reminder loop, all).
fn wakeups(
    before: &std::collections::BTreeMap<(String, String), u64>,
    after: &std::collections::BTreeMap<(String, String), u64>,
) -> (Option<u64>, u64) {
    let mut reminder_loop = None;
    let mut all = 0;
    for (key, count) in after {
        let Some(earlier) = before.get(key) else {
            continue;
        };
        let woke = count.saturating_sub(*earlier);
        all += woke;
        if key.1 == "reminders" {
            reminder_loop = Some(woke);
        }
    }
    (reminder_loop, all)
}

fn the_app_pid(dir: &Path) -> u32 {
    let pids = app_pids(dir);
    assert_eq!(pids.len(), 1, "expected one app process, found {pids:?}");
    pids[0]
}

/// Closes what earlier tests left on screen in this session's dunst, so that `dunstctl action 0`
/// below acts on this test's notification. (dunst stops timing notifications out once the
/// display has had no input for a while, and under Xvfb it never has any.) Before dunst runs
/// there is nothing to close, and the call may fail: that is fine.
fn close_earlier_notifications() {
    let _ = Command::new("dunstctl").arg("close-all").status();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_due_follow_up_shows_one_notification_and_opening_it_shows_the_inquiries() {
    if !support::enabled("a_due_follow_up_shows_one_notification") {
        return;
    }
    let _serial = support::serial().await;
    let dir = prepared(10);
    close_earlier_notifications();
    let monitor = NotifyMonitor::start();
    let app = App::launch("a_due_follow_up_shows_one_notification", dir.path()).await;

    monitor.wait_for_count(1, support::WAIT).await;
    let text = monitor.text();
    app.check(
        text.contains("Sanne de Vries") && text.contains("\"Afterword\""),
        format!("the notification names the inquiry and the app:\n{text}"),
    )
    .await;
    // Nothing else follows: one a day at most, and this one is logged.
    tokio::time::sleep(Duration::from_secs(3)).await;
    app.check(
        monitor.count() == 1,
        format!("exactly one notification:\n{}", monitor.text()),
    )
    .await;
    app.check(
        count_rows(dir.path(), "reminder_log") == 1,
        "the reminder is logged once",
    )
    .await;

    // The window opened on Posts; clicking the notification (dunst's default action) shows the
    // inquiries.
    app.find("the posts heading", "//h1[@id='posts-title']")
        .await;
    let clicked = Command::new("dunstctl")
        .args(["action", "0"])
        .status()
        .expect("dunstctl (apt-get install dunst)");
    app.check(clicked.success(), "dunstctl action 0").await;
    app.find("the inquiries heading", "//h1[@id='inquiries-title']")
        .await;
    app.quit().await;

    // Started again: the reminder was spent, nothing new comes.
    let app = App::launch("a_due_follow_up_shows_one_notification (again)", dir.path()).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    app.check(
        monitor.count() == 1,
        format!(
            "no second notification after a restart:\n{}",
            monitor.text()
        ),
    )
    .await;
    app.quit().await;
}

/// Also the idle measurement: over 60 s with nothing due, the reminder thread must not wake more
/// than once (it blocks in poll(2) with no timeout; the figure is printed for the notes).
#[tokio::test(flavor = "multi_thread")]
async fn nothing_due_means_no_notification_and_an_idle_reminder_loop() {
    if !support::enabled("nothing_due_means_no_notification") {
        return;
    }
    let _serial = support::serial().await;
    // Received yesterday: a follow-up is four days away.
    let dir = prepared(1);
    let monitor = NotifyMonitor::start();
    let app = App::launch("nothing_due_means_no_notification", dir.path()).await;
    let pid = the_app_pid(dir.path());

    // Let start-up settle, then measure.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let idle = Duration::from_secs(60);
    let before = switches(pid);
    tokio::time::sleep(idle).await;
    let after = switches(pid);
    let (loop_wakeups, all) = wakeups(&before, &after);
    let Some(loop_wakeups) = loop_wakeups else {
        return app.fail("no thread named 'reminders' in the app").await;
    };
    println!(
        "idle for {idle:?}: reminder thread woke {loop_wakeups} time(s); the whole app \
         ({} threads: GTK main loop, WebKitGTK, IPC) {all} time(s)",
        after.len()
    );
    app.check(
        loop_wakeups <= 1,
        format!("the reminder loop woke {loop_wakeups} times in {idle:?} while idle"),
    )
    .await;
    app.check(
        monitor.count() == 0,
        format!("no notification when nothing is due:\n{}", monitor.text()),
    )
    .await;
    app.check(
        count_rows(dir.path(), "reminder_log") == 0,
        "nothing logged",
    )
    .await;
    app.quit().await;
}
