//! Crash safety: the command line is killed with SIGKILL at random moments during a burst of
//! writes, many times. Afterwards the database must pass `integrity_check`, and every post the
//! command line reported as saved (it printed the new id) must be there.

use std::io::Read;
use std::os::unix::process::ExitStatusExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const ROUNDS: usize = 100;
/// Writers alive at once in each round, so kills land while others are mid-transaction.
const WRITERS_PER_ROUND: usize = 4;

fn spawn_writer(dir: &std::path::Path, label: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_afterword"))
        .arg("--data-dir")
        .arg(dir)
        .args([
            "log",
            "post",
            "--channel",
            "LinkedIn",
            "--at",
            "2026-01-15 10:00",
        ])
        .args(["--title", label, "--text", &"burst ".repeat(2_000)])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start afterword")
}

/// Tiny deterministic jitter source; the seed is printed so a failure can be replayed.
struct Jitter(u64);
impl Jitter {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn writes_reported_saved_survive_sigkill_and_the_file_stays_sound() {
    let dir = tempfile::tempdir().expect("temp dir");

    // One undisturbed write tells how long a write takes here; kills are spread over three times
    // that span (four writers share two cores), so some land before, some during, some after.
    let started = Instant::now();
    let first = spawn_writer(dir.path(), "warm-up")
        .wait_with_output()
        .expect("run");
    assert!(first.status.success(), "a plain write must succeed");
    let span_us = (started.elapsed().as_micros() as u64).max(1_000) * 3;

    let seed = std::env::var("CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| started.elapsed().as_nanos() as u64 | 1);
    eprintln!("crash test seed: {seed} (set CRASH_SEED to replay)");
    let mut jitter = Jitter(seed);

    let mut acknowledged: Vec<(i64, String)> = Vec::new();
    let mut killed = 0;
    for round in 0..ROUNDS {
        let mut children: Vec<(Child, String)> = (0..WRITERS_PER_ROUND)
            .map(|w| {
                let label = format!("round {round} writer {w}");
                (spawn_writer(dir.path(), &label), label)
            })
            .collect();
        std::thread::sleep(Duration::from_micros(jitter.next() % span_us));
        for (child, label) in &mut children {
            // SIGKILL on Unix; an error only means the writer had already been reaped.
            let _ = child.kill();
            let status = child.wait().expect("reap");
            if status.signal() == Some(9) {
                killed += 1;
            }
            let mut out = String::new();
            if let Some(mut stdout) = child.stdout.take() {
                let _ = stdout.read_to_string(&mut out);
            }
            // The id is printed only after the commit returned: that is "reported saved".
            if let Ok(id) = out.trim().parse::<i64>() {
                acknowledged.push((id, label.clone()));
            } else {
                assert!(
                    !status.success(),
                    "a writer that exited 0 must have printed an id"
                );
            }
        }
    }
    eprintln!(
        "{} writes acknowledged, {killed} writers killed mid-flight over {ROUNDS} rounds",
        acknowledged.len()
    );
    assert!(killed > 0, "the test must actually interrupt writers");

    let db = rusqlite::Connection::open(dir.path().join("afterword.sqlite3")).expect("open db");
    let check: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    assert_eq!(check, "ok");
    let fk: i64 = db
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .expect("foreign_key_check");
    assert_eq!(fk, 0);
    for (id, label) in &acknowledged {
        let title: String = db
            .query_row("SELECT title FROM posts WHERE id = ?1", [id], |r| r.get(0))
            .unwrap_or_else(|e| panic!("acknowledged post {id} ({label}) is missing: {e}"));
        assert_eq!(&title, label);
    }
    // And the store still opens and accepts writes after all that.
    let after = spawn_writer(dir.path(), "after")
        .wait_with_output()
        .expect("run");
    assert!(after.status.success());
}
