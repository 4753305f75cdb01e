//! How the command line writes its output, on the real binary and a temp data dir.

use std::process::{Command, Stdio};

/// `afterword report --json | head -1`: the reader is gone before the report is written. That is
/// a normal way to use a command line, so it must end quietly, not in a panic.
#[test]
fn a_reader_that_closed_the_pipe_early_is_no_error() {
    let dir = tempfile::tempdir().unwrap();
    // The read end is closed before the binary starts, so its write always meets a closed pipe.
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_afterword"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["report", "--json"])
        .env_remove("AFTERWORD_DATA_DIR")
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .expect("run afterword");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}
