//! Settings for the engine that runs the page (WebKitGTK's JavaScriptCore). They must be in place
//! before the first webview starts: WebKit's web process inherits this process's environment,
//! and JavaScriptCore reads its options from `JSC_*` variables there.

/// The JavaScriptCore option that turns its JIT compilers off.
const JIT_OPTION: &str = "JSC_useJIT";

/// Runs the page's JavaScript in JavaScriptCore's interpreter, without its JIT compilers.
///
/// Why: the page is small (one bundle of about 130 KB, lists of twenty rows a page, all the
/// numbers are computed in Rust), so little of its code runs hot enough for a compiler to pay
/// off, while the compilers' code and working memory stay in the web process all day. Measured
/// with scripts/bench.sh (20 launches each way): the app holds 11.5 MB less after start-up
/// (219.7 instead of 231.2 MB) and its page takes about 24 ms longer to its first view (170
/// instead of 146 ms). It also leaves JavaScriptCore no pool of writable and executable memory
/// in the process that shows the user's data, the memory JIT exploits need (SECURITY.md).
///
/// A value the user set is kept, so `JSC_useJIT=true` brings the JIT back to compare.
/// Call it at the start of `main`, before any thread runs: changing the environment while
/// another thread reads it is not safe.
pub fn configure() {
    if cfg!(target_os = "linux") && std::env::var_os(JIT_OPTION).is_none() {
        std::env::set_var(JIT_OPTION, "false");
    }
}
