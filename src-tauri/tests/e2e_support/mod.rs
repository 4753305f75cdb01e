//! The end-to-end harness: starts `tauri-driver` (which starts `WebKitWebDriver`, which starts the
//! real `afterword` binary in a WebKitGTK window) on private ports with a private data dir, and
//! drives the window with fantoccini the way a person would: fields by their visible label,
//! buttons by their visible text.
//!
//! When `AFTERWORD_E2E=1` (./test.sh sets it, under Xvfb with a private session bus) every test
//! runs and a missing display or driver is a failure. Without it each test says it was skipped and
//! returns, so a plain `cargo test` works on a machine without a display.
//!
//! Failures inside the window save a screenshot to `target/e2e-failures/<test>.png` and print the
//! page source and the driver's log.

use std::fs::File;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

/// The app binary under test.
pub const APP: &str = env!("CARGO_BIN_EXE_afterword");

/// How long a person would wait for something to show up.
pub const WAIT: Duration = Duration::from_secs(15);
/// Starting the driver and the app (a cold WebKitGTK start on a busy two-core machine).
const START_WAIT: Duration = Duration::from_secs(90);
/// How long a failing test waits for the driver to hand over a screenshot or the page source.
const EVIDENCE_WAIT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(100);

/// One window at a time: two or three WebKitGTK processes on a two-core machine make every wait
/// slower and flakier, and the tests gain nothing from overlapping. Each test still has its own
/// ports and data dir, so the lock is only about load.
static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Serialises the end-to-end tests of this binary. Hold the guard for the whole test.
pub async fn serial() -> tokio::sync::MutexGuard<'static, ()> {
    SERIAL.lock().await
}

/// True when the end-to-end tests should run. Otherwise prints why `test` was skipped.
/// With `AFTERWORD_E2E=1` a missing display or driver panics: the tests must never pass silently.
pub fn enabled(test: &str) -> bool {
    if std::env::var_os("AFTERWORD_E2E").is_none_or(|v| v.is_empty() || v == "0") {
        println!(
            "skipped {test}: AFTERWORD_E2E is not set (./test.sh runs the end-to-end tests under \
             Xvfb; by hand: xvfb-run -a dbus-run-session -- env AFTERWORD_E2E=1 cargo test -p \
             afterword --test e2e)"
        );
        return false;
    }
    // Checked here, once per test, so that the failure names what is missing.
    let _ = tools();
    true
}

/// The programs the tests need, found or the test fails saying which is missing.
struct Tools {
    tauri_driver: PathBuf,
    native_driver: PathBuf,
}

fn tools() -> Tools {
    let display = std::env::var("DISPLAY").unwrap_or_default();
    assert!(
        !display.is_empty(),
        "AFTERWORD_E2E=1 but DISPLAY is not set: run the end-to-end tests under xvfb-run \
         (./test.sh does)"
    );
    // A local display ":N" (or ":N.S") listens on /tmp/.X11-unix/XN.
    if let Some(number) = display
        .strip_prefix(':')
        .and_then(|d| d.split('.').next())
        .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    {
        let socket = Path::new("/tmp/.X11-unix").join(format!("X{number}"));
        assert!(
            socket.exists(),
            "AFTERWORD_E2E=1 but DISPLAY={display} has no X server ({} is missing): run the \
             end-to-end tests under xvfb-run (./test.sh does)",
            socket.display()
        );
    }
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|c| c.join("bin"));
    let tauri_driver = find_program("tauri-driver", cargo_bin.as_deref()).unwrap_or_else(|| {
        panic!(
            "AFTERWORD_E2E=1 but tauri-driver is not installed (not in PATH nor in \
             ~/.cargo/bin): cargo install tauri-driver --locked"
        )
    });
    let native_driver = find_program("WebKitWebDriver", Some(Path::new("/usr/bin")))
        .unwrap_or_else(|| {
            panic!(
                "AFTERWORD_E2E=1 but WebKitWebDriver is not installed: apt-get install \
                 webkit2gtk-driver"
            )
        });
    Tools {
        tauri_driver,
        native_driver,
    }
}

fn find_program(name: &str, also: Option<&Path>) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(also.map(Path::to_path_buf))
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// A port nobody listens on right now (the OS picks it).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("no free local port")
}

/// Where failure screenshots go: `<target>/e2e-failures`, next to the binary's profile dir.
fn failure_dir() -> PathBuf {
    let target = Path::new(APP)
        .parent()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../target")));
    target.join("e2e-failures")
}

/// The start-up mark file's name, in the launch's own temporary directory.
const MARK_FILE: &str = "startup-mark";

/// tauri-driver and everything it starts (WebKitWebDriver, the app, its WebKit processes), in a
/// process group of their own. Dropping it ends the whole group, also when a test panics.
struct DriverProcess {
    child: Child,
    log: PathBuf,
    stopped: bool,
}

impl DriverProcess {
    fn start(
        port: u16,
        native_port: u16,
        locale: &str,
        log: &Path,
        mark_file: &Path,
    ) -> DriverProcess {
        let tools = tools();
        let out = File::create(log).expect("create the driver log");
        let err = out.try_clone().expect("clone the driver log handle");
        let child = Command::new(&tools.tauri_driver)
            .arg("--port")
            .arg(port.to_string())
            .arg("--native-port")
            .arg(native_port.to_string())
            .arg("--native-driver")
            .arg(&tools.native_driver)
            // The UI follows the system locale, which sys-locale reads from these; tauri-driver
            // passes its environment on to WebKitWebDriver and the app.
            .env("LANG", locale)
            .env("LC_ALL", locale)
            .env_remove("LC_MESSAGES")
            .env_remove("LANGUAGE")
            .env("NO_AT_BRIDGE", "1")
            .env_remove("AFTERWORD_DATA_DIR")
            // Where the app writes its start-up mark and the steps to it (src/startup.rs).
            .env(afterword_lib::startup::MARK_FILE_ENV, mark_file)
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| panic!("could not start {}: {e}", tools.tauri_driver.display()));
        DriverProcess {
            child,
            log: log.to_path_buf(),
            stopped: false,
        }
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// True once tauri-driver has exited. It stays a zombie (not reaped) until `stop`, so its
    /// pid, which is also the process group's id, cannot be reused by anyone else meanwhile.
    fn exited(&self) -> bool {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id()));
        match stat {
            Ok(stat) => stat
                .rsplit_once(") ")
                .is_none_or(|(_, rest)| rest.starts_with('Z') || rest.starts_with('X')),
            Err(_) => true,
        }
    }

    /// Signals the process group (tauri-driver's pid is its id).
    fn signal_group(&self, signal: &str) {
        let kill = find_program("kill", Some(Path::new("/usr/bin")))
            .or_else(|| find_program("kill", Some(Path::new("/bin"))))
            .unwrap_or_else(|| PathBuf::from("kill"));
        let _ = Command::new(kill)
            .arg(format!("-{signal}"))
            .arg("--")
            .arg(format!("-{}", self.child.id()))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }

    /// Ends tauri-driver and everything left in its process group, once.
    fn stop(&mut self) {
        if self.stopped {
            return;
        }
        self.stopped = true;
        if !self.exited() {
            // TERM first: tauri-driver then ends WebKitWebDriver itself.
            self.signal_group("TERM");
            let deadline = Instant::now() + Duration::from_secs(3);
            while Instant::now() < deadline && !self.exited() {
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        // Whatever is left of the group, then reap tauri-driver.
        self.signal_group("KILL");
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for DriverProcess {
    fn drop(&mut self) {
        self.stop();
    }
}

/// GET /status until the driver (and the native driver behind it) says it is ready.
fn wait_until_ready(port: u16, driver: &DriverProcess) {
    let deadline = Instant::now() + START_WAIT;
    loop {
        if driver.exited() {
            panic!(
                "tauri-driver exited before it was ready; its log:\n{}",
                driver.log_text()
            );
        }
        if let Some(body) = http_get(port, "/status") {
            if let Ok(v) = serde_json::from_str::<Value>(&body) {
                if v["value"]["ready"] == json!(true) {
                    return;
                }
            }
        }
        assert!(
            Instant::now() < deadline,
            "tauri-driver on port {port} was not ready after {START_WAIT:?}; its log:\n{}",
            driver.log_text()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A tiny HTTP/1.1 GET on localhost; the body of a 200 response.
fn http_get(port: u16, path: &str) -> Option<String> {
    let mut stream =
        TcpStream::connect_timeout(&([127, 0, 0, 1], port).into(), Duration::from_secs(2)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    let (head, body) = response.split_once("\r\n\r\n")?;
    head.starts_with("HTTP/1.1 200").then(|| body.to_string())
}

/// Pids of the live children of `parent` whose name (`comm`, at most 15 bytes) is `name`.
pub fn children_named(parent: u32, name: &str) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
                return false;
            };
            // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split at
            // the last ')'.
            let Some((head, rest)) = stat.rsplit_once(')') else {
                return false;
            };
            let comm = head.split_once('(').map_or("", |(_, c)| c);
            let ppid = rest
                .split_whitespace()
                .nth(1)
                .and_then(|p| p.parse::<u32>().ok());
            comm == name && ppid == Some(parent)
        })
        .collect()
}

/// Pids of live processes running the app binary on `data_dir` (read from /proc).
pub fn app_pids(data_dir: &Path) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    let dir = data_dir.to_string_lossy().into_owned();
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            let Ok(raw) = std::fs::read(format!("/proc/{pid}/cmdline")) else {
                return false;
            };
            let args: Vec<String> = raw
                .split(|b| *b == 0)
                .map(|a| String::from_utf8_lossy(a).into_owned())
                .collect();
            let is_app = args
                .first()
                .is_some_and(|a| a == APP || a.ends_with("/afterword"));
            // A zombie has an empty cmdline, so it never matches: it has quit.
            is_app && args.contains(&dir)
        })
        .collect()
}

/// Quotes `s` as an XPath 1.0 string literal (which has no escapes).
pub fn xpath_literal(s: &str) -> String {
    if !s.contains('\'') {
        format!("'{s}'")
    } else if !s.contains('"') {
        format!("\"{s}\"")
    } else {
        let parts: Vec<String> = s.split('\'').map(|p| format!("'{p}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}

/// The app in its window, driven through WebDriver.
pub struct App {
    client: Option<Client>,
    test: String,
    data_dir: PathBuf,
    log_dir: tempfile::TempDir,
    driver: DriverProcess,
}

impl App {
    /// Starts tauri-driver on fresh ports and the app on `data_dir` with an English system
    /// locale, and waits until the UI is ready (the app's own sidebar is there).
    pub async fn launch(test: &str, data_dir: &Path) -> App {
        App::launch_with_locale(test, data_dir, "en_US.UTF-8").await
    }

    /// Like `launch`, with the system locale `locale` (e.g. "nl_NL.UTF-8").
    pub async fn launch_with_locale(test: &str, data_dir: &Path, locale: &str) -> App {
        let log_dir = tempfile::tempdir().expect("temp dir for the driver log");
        let port = free_port();
        let mut native_port = free_port();
        while native_port == port {
            native_port = free_port();
        }
        let driver = DriverProcess::start(
            port,
            native_port,
            locale,
            &log_dir.path().join("driver.log"),
            &log_dir.path().join(MARK_FILE),
        );
        wait_until_ready(port, &driver);

        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            json!({
                "application": APP,
                "args": ["--data-dir", data_dir.to_string_lossy()],
            }),
        );
        let url = format!("http://127.0.0.1:{port}");
        let mut builder = ClientBuilder::native();
        builder.capabilities(caps);
        let connect = builder.connect(&url);
        tokio::pin!(connect);
        // WebKitWebDriver waits for a window that never comes when the app dies at start (no
        // display, a panic): watch its log so that such a failure is quick and says why.
        let deadline = Instant::now() + START_WAIT;
        let client = loop {
            tokio::select! {
                result = &mut connect => match result {
                    Ok(client) => break client,
                    Err(e) => panic!(
                        "could not start a session with the app: {e}; driver log:\n{}",
                        driver.log_text()
                    ),
                },
                () = tokio::time::sleep(Duration::from_millis(250)) => {
                    let log = driver.log_text();
                    if log.contains("panicked at") || log.contains("Failed to initialize") {
                        // Give the rest of the message a moment to reach the log.
                        tokio::time::sleep(Duration::from_millis(500)).await;
                        panic!("the app failed to start; driver log:\n{}", driver.log_text());
                    }
                    assert!(
                        Instant::now() < deadline,
                        "no session with the app after {START_WAIT:?}; driver log:\n{log}"
                    );
                }
            }
        };
        let app = App {
            client: Some(client),
            test: test.to_string(),
            data_dir: data_dir.to_path_buf(),
            log_dir,
            driver,
        };
        // The app's own sidebar: under the shell's first frame (src/first_frame) #app stays hidden
        // until the app has taken it over, and the frame's controls are only copies until then.
        app.find(
            "the sidebar",
            "//*[@id='app' and not(@hidden)]//nav//button",
        )
        .await;
        app
    }

    /// The start-up mark file the app writes when its first view is there: the moment, then one
    /// "name epoch-µs" line per step (src/startup.rs). Waits for it (the sidebar that `launch`
    /// waits for comes a little before the mark); empty when none came within [`WAIT`].
    pub async fn startup_mark(&self) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let text =
                std::fs::read_to_string(self.log_dir.path().join(MARK_FILE)).unwrap_or_default();
            // Written in one go; the last line ends with a newline.
            if text.ends_with('\n') || Instant::now() >= deadline {
                return text;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    pub fn client(&self) -> &Client {
        self.client.as_ref().expect("the session is open")
    }

    /// Ends the session the way the window closes: WebKitWebDriver closes the window, the app
    /// quits. Fails when the app process is still there afterwards.
    pub async fn quit(mut self) {
        let client = self.client.take().expect("the session is open");
        if let Err(e) = client.close().await {
            panic!("could not end the WebDriver session: {e}");
        }
        let deadline = Instant::now() + WAIT;
        loop {
            let left = app_pids(&self.data_dir);
            if left.is_empty() {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "the app (pids {left:?}) did not quit within {WAIT:?} after its window was \
                 closed; driver log:\n{}",
                self.driver.log_text()
            );
            tokio::time::sleep(POLL).await;
        }
        self.driver.stop();
    }

    /// Fails the test, saving a screenshot and printing the page source and the driver's log
    /// first (each waited for at most [`EVIDENCE_WAIT`]).
    pub async fn fail<T>(&self, why: impl AsRef<str>) -> T {
        let why = why.as_ref();
        if let Some(client) = &self.client {
            // A screenshot lags the DOM by a frame.
            tokio::time::sleep(Duration::from_millis(300)).await;
            let dir = failure_dir();
            let file = dir.join(format!("{}.png", self.test));
            // Bounded: a WebKitWebDriver that stopped answering (which may be why the test
            // failed) would otherwise hang the test here instead of letting it fail.
            match tokio::time::timeout(EVIDENCE_WAIT, client.screenshot()).await {
                Ok(Ok(png)) => match std::fs::create_dir_all(&dir)
                    .and_then(|()| std::fs::write(&file, png))
                {
                    Ok(()) => eprintln!("screenshot: {}", file.display()),
                    Err(e) => eprintln!("could not save the screenshot {}: {e}", file.display()),
                },
                Ok(Err(e)) => eprintln!("no screenshot: {e}"),
                Err(_) => {
                    eprintln!("no screenshot: the driver did not answer in {EVIDENCE_WAIT:?}")
                }
            }
            match tokio::time::timeout(EVIDENCE_WAIT, client.source()).await {
                Ok(Ok(source)) => {
                    eprintln!("---- page source ----\n{source}\n---- end of page source ----")
                }
                Ok(Err(e)) => eprintln!("no page source: {e}"),
                Err(_) => {
                    eprintln!("no page source: the driver did not answer in {EVIDENCE_WAIT:?}")
                }
            }
        }
        eprintln!(
            "---- driver log ----\n{}\n---- end of driver log ----",
            self.driver.log_text()
        );
        panic!("{}: {why}", self.test);
    }

    /// Polls `check` until it gives a value, or fails after `WAIT` saying what was awaited.
    async fn poll<T, F, Fut>(&self, what: &str, mut check: F) -> T
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Result<Option<T>, String>>,
    {
        let deadline = Instant::now() + WAIT;
        let mut last = String::new();
        loop {
            match check().await {
                Ok(Some(v)) => return v,
                Ok(None) => {}
                Err(e) => last = e,
            }
            if Instant::now() >= deadline {
                let detail = if last.is_empty() {
                    String::new()
                } else {
                    format!(" (last error: {last})")
                };
                return self
                    .fail(format!(
                        "timed out after {WAIT:?} waiting for {what}{detail}"
                    ))
                    .await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// The first displayed element matching `xpath`, if any.
    async fn displayed(&self, xpath: &str) -> Result<Option<Element>, String> {
        let found = self
            .client()
            .find_all(Locator::XPath(xpath))
            .await
            .map_err(|e| e.to_string())?;
        for el in found {
            if el.is_displayed().await.unwrap_or(false) {
                return Ok(Some(el));
            }
        }
        Ok(None)
    }

    /// Waits for a displayed element matching `xpath`.
    pub async fn find(&self, what: &str, xpath: &str) -> Element {
        self.poll(what, || self.displayed(xpath)).await
    }

    /// The text visible on the page (innerText: nothing hidden, no input values).
    pub async fn page_text(&self) -> Result<String, String> {
        let v = self
            .client()
            .execute(
                "return document.body ? document.body.innerText : '';",
                vec![],
            )
            .await
            .map_err(|e| e.to_string())?;
        Ok(v.as_str().unwrap_or_default().to_string())
    }

    /// Waits until `text` is visible somewhere on the page.
    pub async fn wait_for_text(&self, text: &str) {
        self.poll(&format!("the text {text:?} to be visible"), || async {
            Ok(self.page_text().await?.contains(text).then_some(()))
        })
        .await
    }

    /// Waits until `text` is nowhere visible on the page.
    pub async fn wait_for_no_text(&self, text: &str) {
        self.poll(&format!("the text {text:?} to go away"), || async {
            Ok((!self.page_text().await?.contains(text)).then_some(()))
        })
        .await
    }

    /// The displayed `<label>` whose text is `label`.
    async fn label(&self, label: &str) -> Element {
        let xpath = format!("//label[normalize-space(.)={}]", xpath_literal(label));
        self.find(&format!("a field labelled {label:?}"), &xpath)
            .await
    }

    /// The control a visible `<label for=…>` with this text names.
    pub async fn field(&self, label: &str) -> Element {
        let el = self.label(label).await;
        let id = match el.attr("for").await {
            Ok(Some(id)) if !id.is_empty() => id,
            other => {
                return self
                    .fail(format!(
                        "the label {label:?} names no control (for = {other:?})"
                    ))
                    .await
            }
        };
        match self.client().find(Locator::Id(&id)).await {
            Ok(control) => control,
            Err(e) => {
                self.fail(format!(
                    "the label {label:?} points at #{id}, which is missing: {e}"
                ))
                .await
            }
        }
    }

    /// Clears the field labelled `label` and types `text` into it, as a person would.
    pub async fn fill(&self, label: &str, text: &str) {
        let el = self.field(label).await;
        if let Err(e) = el.clear().await {
            self.fail::<()>(format!("could not clear {label:?}: {e}"))
                .await;
        }
        if let Err(e) = el.send_keys(text).await {
            self.fail::<()>(format!("could not type into {label:?}: {e}"))
                .await;
        }
        let value = el.prop("value").await.ok().flatten().unwrap_or_default();
        if value != text {
            self.fail::<()>(format!(
                "typed {text:?} into {label:?} but it holds {value:?}"
            ))
            .await;
        }
    }

    /// The current value of the field labelled `label`.
    pub async fn value_of(&self, label: &str) -> String {
        let el = self.field(label).await;
        el.prop("value").await.ok().flatten().unwrap_or_default()
    }

    /// Picks the option whose visible text is `text` in the select labelled `label`.
    pub async fn select_option(&self, label: &str, text: &str) {
        let xpath = format!(".//option[normalize-space(.)={}]", xpath_literal(text));
        self.pick(label, text, &xpath).await;
    }

    /// Picks the (first) option whose visible text contains `text` in the select labelled
    /// `label`, waiting for it to be offered.
    pub async fn select_option_containing(&self, label: &str, text: &str) {
        let xpath = format!(
            ".//option[contains(normalize-space(.), {})]",
            xpath_literal(text)
        );
        self.pick(label, text, &xpath).await;
    }

    async fn pick(&self, label: &str, text: &str, option_xpath: &str) {
        let what = format!("the option {text:?} in {label:?}");
        let option = self
            .poll(&what, || async {
                let select = self.field(label).await;
                match select.find(Locator::XPath(option_xpath)).await {
                    Ok(option) => Ok(Some(option)),
                    Err(e) => Err(e.to_string()),
                }
            })
            .await;
        if let Err(e) = option.click().await {
            self.fail::<()>(format!("could not choose {what}: {e}"))
                .await;
        }
        let chosen = option.prop("selected").await.ok().flatten();
        if chosen.as_deref() != Some("true") {
            self.fail::<()>(format!(
                "clicked {what} but it is not selected ({chosen:?})"
            ))
            .await;
        }
    }

    /// Clicks the displayed, enabled button whose visible text is `text`.
    pub async fn click_button(&self, text: &str) {
        let xpath = format!("//button[normalize-space(.)={}]", xpath_literal(text));
        self.click(&format!("the button {text:?}"), &xpath).await;
    }

    /// Clicks the sidebar item `text`.
    pub async fn click_nav(&self, text: &str) {
        let xpath = format!(
            "//nav//*[self::a or self::button][normalize-space(.)={}]",
            xpath_literal(text)
        );
        self.click(&format!("the sidebar item {text:?}"), &xpath)
            .await;
    }

    /// Clicks the first displayed, enabled element matching `xpath`, retrying while it is covered
    /// or re-rendered.
    pub async fn click(&self, what: &str, xpath: &str) {
        self.poll(&format!("{what} to be clickable"), || async {
            let Some(el) = self.displayed(xpath).await? else {
                return Ok(None);
            };
            if !el.is_enabled().await.unwrap_or(false) {
                return Err(format!("{what} is disabled"));
            }
            el.click().await.map(Some).map_err(|e| e.to_string())
        })
        .await
    }

    /// The error shown next to the field labelled `label` (an element with role="alert" in the
    /// same field as the label), waiting for it to appear.
    pub async fn field_error(&self, label: &str) -> String {
        let xpath = format!(
            "//label[normalize-space(.)={}]/parent::*//*[@role='alert']",
            xpath_literal(label)
        );
        let el = self
            .find(&format!("an error next to {label:?}"), &xpath)
            .await;
        el.text().await.unwrap_or_default()
    }

    /// Whether the field labelled `label` is marked invalid for assistive technology.
    pub async fn is_marked_invalid(&self, label: &str) -> bool {
        let el = self.field(label).await;
        el.attr("aria-invalid").await.ok().flatten().as_deref() == Some("true")
    }

    /// Presses `key` (e.g. Enter, Escape) in whatever has the keyboard focus.
    pub async fn press(&self, key: fantoccini::key::Key) {
        let focused = match self.client().active_element().await {
            Ok(el) => el,
            Err(e) => return self.fail(format!("nothing has the focus: {e}")).await,
        };
        if let Err(e) = focused.send_keys(&key).await {
            self.fail::<()>(format!("could not press {key:?}: {e}"))
                .await;
        }
    }

    /// The id and visible text of the element that has the keyboard focus.
    pub async fn focused(&self) -> (String, String) {
        let script = "const e = document.activeElement; \
                      return e ? [e.id || '', (e.innerText || '').trim()] : ['', ''];";
        match self.client().execute(script, vec![]).await {
            Ok(v) => (
                v[0].as_str().unwrap_or_default().to_string(),
                v[1].as_str().unwrap_or_default().to_string(),
            ),
            Err(e) => {
                self.fail(format!("could not ask what has the focus: {e}"))
                    .await
            }
        }
    }

    /// Whether the field labelled `label` has the keyboard focus.
    pub async fn has_focus(&self, label: &str) -> bool {
        let el = self.label(label).await;
        let id = el.attr("for").await.ok().flatten().unwrap_or_default();
        !id.is_empty() && self.focused().await.0 == id
    }

    /// Whether a displayed button with this visible text is on the page now (no waiting).
    pub async fn has_button(&self, text: &str) -> bool {
        let xpath = format!("//button[normalize-space(.)={}]", xpath_literal(text));
        matches!(self.displayed(&xpath).await, Ok(Some(_)))
    }

    /// The window's title.
    pub async fn title(&self) -> String {
        match self.client().title().await {
            Ok(t) => t,
            Err(e) => self.fail(format!("no window title: {e}")).await,
        }
    }

    /// Asserts `ok`, failing with a screenshot otherwise.
    pub async fn check(&self, ok: bool, why: impl AsRef<str>) {
        if !ok {
            self.fail::<()>(why).await;
        }
    }
}

impl Drop for App {
    fn drop(&mut self) {
        // The session dies with the driver; the client's background task just ends.
        self.client.take();
        self.driver.stop();
    }
}

/// A fresh, empty data dir for one test.
pub fn data_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("afterword-e2e-")
        .tempdir()
        .expect("temp data dir")
}

/// The user's own database in `dir`, opened read-only (never the sample-data one).
pub fn open_db(dir: &Path) -> rusqlite::Connection {
    let path = dir.join("afterword.sqlite3");
    rusqlite::Connection::open_with_flags(
        &path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .unwrap_or_else(|e| panic!("open {} read-only: {e}", path.display()))
}

/// Every post row in the user's database, deleted or not.
pub fn count_rows(dir: &Path, table: &str) -> i64 {
    open_db(dir)
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("count {table}: {e}"))
}
