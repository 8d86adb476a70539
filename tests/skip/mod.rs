//! Tests that need a tool the machine may lack (Graphviz, mermaid-cli, Chromium) skip
//! without it, and say so where it shows. See: #17.
//!
//! libtest captures what `eprintln!` prints (it shows only for a failing test, or with
//! `--nocapture`), so a skipped test used to read `ok` with no word of the skip. The line is
//! written to the process's standard error through `std::io::stderr()` directly, which the
//! capture does not intercept: `cargo test` shows `skipped: …` next to the test's `ok`.
//! Under `CI=true` a missing tool fails the test instead.

use std::io::Write;

/// True under CI (`CI=true` or `CI=1`), where a missing tool is a failure.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// Report a skipped test: panic under CI, else write `skipped: TEST: WHY` past the capture.
pub fn skip(test: &str, why: &str) {
    if in_ci() {
        panic!("{test}: {why} (CI=true: failing instead of skipping)");
    }
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "skipped: {test}: {why}");
}
