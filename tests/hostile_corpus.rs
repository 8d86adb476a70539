//! The hostile corpus (`tests/data/hostile/`, one small input per row of issue #18): every
//! command on every file, each run under a budget of 2 s and 256 MB (peak resident memory
//! of the child, from `wait4`), with its exit code and message; then each row's own
//! expectation. `tests/hostile_scaling.rs` doubles these inputs to check growth.
//!
//! The budgets hold for the debug build `cargo test` uses; the release binary is several
//! times faster.

mod hostile_support;

use hostile_support::run;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

pub const TIME_BUDGET: Duration = Duration::from_secs(2);
pub const MEMORY_BUDGET_KB: i64 = 256 * 1024;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/hostile")
}

fn p(rel: &str) -> String {
    corpus().join(rel).display().to_string()
}

/// Every file of the corpus (recursively; symbolic links as they are).
fn files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![corpus()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let path = e.path();
            if e.file_type().unwrap().is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_command_on_every_file_within_budget() {
    let out_dir = tempfile::tempdir().unwrap();
    let od = out_dir.path().display().to_string();
    let mut failures = Vec::new();
    let mut runs = 0;
    for f in files() {
        let fs = f.display().to_string();
        let bytes = std::fs::read(&f).unwrap_or_default();
        let mut commands: Vec<(Vec<&str>, Option<&[u8]>)> = vec![
            (vec!["tag", "--dct", "2014-12-18", "--format", "jsonl", &fs], None),
            (vec!["tag", "--stream", "--max-record-bytes", "2K"], Some(&bytes)),
            (vec!["build", "--dct", "2014-12-18", &fs], None),
            (vec!["check", &fs], None),
            (vec!["check", "--format", "json", &fs], None),
            (vec!["timeml", "annotate", &fs, "--out-dir", &od], None),
        ];
        for format in [
            "mermaid",
            "mermaid-gantt",
            "mermaid-flowchart",
            "dot",
            "json",
            "timeml",
            "timelinejs",
        ] {
            commands.push((vec!["render", &fs, "--format", format], None));
        }
        if f.file_name().is_some_and(|n| n == "sources.yaml") {
            commands.push((vec!["build", "--manifest", &fs], None));
            commands.push((vec!["tag", "--manifest", &fs], None));
        }
        for (args, stdin) in commands {
            runs += 1;
            let r = run(&args, stdin);
            let what = format!("tempograph {}", args.join(" "));
            if !matches!(r.code, Some(0..=2)) {
                failures.push(format!("{what}: exit {:?}\n{}", r.code, r.stderr));
            }
            if r.stderr.contains("panicked") {
                failures.push(format!("{what}: panicked\n{}", r.stderr));
            }
            // (`check --format json` reports a file it cannot read in its JSON, on stdout.)
            let json_error = args.contains(&"json") && String::from_utf8_lossy(&r.stdout).contains("\"error\"");
            if r.code == Some(2) && !r.stderr.contains("error: ") && !json_error {
                failures.push(format!("{what}: exit 2 without an error message"));
            }
            if r.elapsed > TIME_BUDGET {
                failures.push(format!("{what}: took {:?} (budget {TIME_BUDGET:?})", r.elapsed));
            }
            if r.maxrss_kb > MEMORY_BUDGET_KB {
                failures.push(format!("{what}: used {} MB (budget 256 MB)", r.maxrss_kb / 1024));
            }
        }
    }
    assert!(runs > 100, "{runs} runs");
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// See: #18, row 3.
#[test]
fn output_onto_symlinks_fifos_and_devices() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.mmd");
    std::fs::write(&real, "old").unwrap();
    let link = dir.path().join("link.mmd");
    std::os::unix::fs::symlink("real.mmd", &link).unwrap();
    let t = p("chain-contradicts-dates.yaml");
    let r = run(&["render", &t, "-o", link.to_str().unwrap()], None);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert!(std::fs::read_to_string(&real).unwrap().starts_with("timeline"));
    // /dev/null stays a device.
    let r = run(&["render", &t, "-o", "/dev/null"], None);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata("/dev/null").unwrap().file_type().is_char_device());
    // A FIFO is written to, not replaced.
    let fifo = dir.path().join("fifo");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let r = run(&["render", &t, "-o", fifo.to_str().unwrap()], None);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(reader.join().unwrap().starts_with("timeline"));
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    // A folder is refused.
    let r = run(&["render", &t, "-o", dir.path().to_str().unwrap()], None);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.contains(": is a directory; give the output a file name"),
        "{}",
        r.stderr
    );
}

// See: #18, row 4.
#[test]
fn oversized_stream_record_is_an_error_line_and_the_stream_goes_on() {
    let input = std::fs::read(corpus().join("dense-record.jsonl")).unwrap();
    let r = run(&["tag", "--stream", "--max-record-bytes", "2K"], Some(&input));
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let out = String::from_utf8(r.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].starts_with("{\"id\":\"before\",\"published\""), "{}", lines[0]);
    assert!(lines[1].starts_with("{\"id\":\"dense\",\"line\":2,\"error\":\"<stdin>:2: expected a record of at most 2048 bytes (--max-record-bytes), found "), "{}", lines[1]);
    assert!(lines[2].starts_with("{\"id\":\"after\",\"published\""), "{}", lines[2]);
    // With room for it, the record is tagged.
    let r = run(&["tag", "--stream"], Some(&input));
    assert!(String::from_utf8(r.stdout)
        .unwrap()
        .lines()
        .nth(1)
        .unwrap()
        .contains("\"timexes\":[{"));
    let r = run(&["tag", "--stream", "--max-record-bytes", "0"], Some(&input));
    assert_eq!(r.code, Some(2));
}

// See: #18, row 5.
#[test]
fn closed_pipe_is_quiet_and_a_full_disk_is_an_error() {
    let t = p("chain-contradicts-dates.yaml");
    for args in [
        vec!["check", t.as_str()],
        vec!["render", t.as_str(), "--format", "dot"],
        vec!["tag", "--dct", "2014-12-18", "--format", "jsonl", "--jobs", "1"],
    ] {
        let mut args = args.clone();
        let dense = p("dense.txt");
        if args[0] == "tag" {
            args.push(&dense);
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_tempograph"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 16];
        child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
        drop(child.stdout.take()); // like `| head -c 16`
        let o = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        if Path::new("/dev/full").exists() {
            let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
            let o = Command::new(env!("CARGO_BIN_EXE_tempograph"))
                .args(&args)
                .stdout(full)
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{args:?}: {stderr}");
            assert!(
                stderr.contains("tempograph: error: <stdout>: No space left on device"),
                "{stderr}"
            );
        }
    }
}

// See: #18, row 6.
#[test]
fn manifest_entries_stay_in_the_manifest_folder() {
    let m = p("manifest-escape/sources/sources.yaml");
    let r = run(&["build", "--manifest", &m], None);
    assert_eq!(r.code, Some(2));
    for (line, found) in [
        (3, "found ../outside.txt"),
        (4, "found link.txt"),
        (5, "found /etc/hostname"),
        (6, "found /dev/zero"),
    ] {
        let want = format!("sources.yaml:{line}: expected `file:` inside the manifest's folder");
        assert!(
            r.stderr.contains(&want) && r.stderr.contains(found),
            "{want} / {found}:\n{}",
            r.stderr
        );
    }
    assert!(r.stdout.is_empty());
    // With --allow-outside, the device is still refused before it is read; the others load.
    let r = run(&["build", "--manifest", &m, "--allow-outside"], None);
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("/dev/zero, a character device"), "{}", r.stderr);
    assert!(r.maxrss_kb < MEMORY_BUDGET_KB);
    // A FIFO does not hang.
    let dir = tempfile::tempdir().unwrap();
    assert!(Command::new("mkfifo")
        .arg(dir.path().join("pipe"))
        .status()
        .unwrap()
        .success());
    let man = dir.path().join("sources.yaml");
    std::fs::write(&man, "- file: pipe\n  published: 2014-12-17\n").unwrap();
    let r = run(&["tag", "--manifest", man.to_str().unwrap()], None);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr
            .contains("sources.yaml:1: expected `file:` naming a regular file, found pipe, a FIFO"),
        "{}",
        r.stderr
    );
    assert!(r.elapsed < TIME_BUDGET);
}

// See: #18, row 10.
#[test]
fn annotate_refuses_two_inputs_with_one_output() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (p("timeml-same-name/a/x.tml"), p("timeml-same-name/b/x.tml"));
    let out = dir.path().join("o");
    let r = run(
        &["timeml", "annotate", "--out-dir", out.to_str().unwrap(), &a, &b],
        None,
    );
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.contains(&format!("{a} and {b} would both be written to")),
        "{}",
        r.stderr
    );
    assert!(!out.join("x.tml").exists());
}

// See: #18, row 11.
#[test]
fn calendar_edges_keep_four_digit_values() {
    let f = p("calendar-edges.txt");
    for dct in ["0000-01-01", "9999-12-31", "0001-01-01", "9998-12-31"] {
        let r = run(&["tag", "--dct", dct, "--format", "jsonl", &f], None);
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        let out = String::from_utf8(r.stdout).unwrap();
        assert!(out.lines().count() >= 5, "{out}");
        for l in out.lines() {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let value = v["value"].as_str().unwrap();
            let ok = value.starts_with('P')
                || value.starts_with("PAST")
                || value.starts_with("FUTURE")
                || value.starts_with("PRESENT")
                || (value.len() >= 2
                    && value.bytes().take(2).all(|b| b.is_ascii_digit() || b == b'X')
                    && !value.starts_with('+')
                    && !value.starts_with('-')
                    && value.split(['-', 'T']).next().is_some_and(|y| y.len() <= 4));
            assert!(ok, "--dct {dct}: {} gives {value}", v["text"]);
        }
    }
}

// See: #18, row 12.
#[test]
fn jobs_4096_is_capped_with_a_warning() {
    let r = run(
        &[
            "build",
            "--dct",
            "2014-12-18",
            "--jobs",
            "4096",
            &p("calendar-edges.txt"),
        ],
        None,
    );
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stderr.contains("--jobs 4096 is more than 4 threads per core; using"),
        "{}",
        r.stderr
    );
}

// See: #18, row 13.
#[test]
fn impossible_dates_and_wrong_types_are_reported_precisely() {
    let r = run(
        &["build", "--manifest", &p("manifest-impossible-date/sources.yaml")],
        None,
    );
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.contains("sources.yaml:3:14: expected `published:` as a date that exists (YYYY-MM-DD), found impossible date 2014-02-30"),
        "{}",
        r.stderr
    );
    let input = std::fs::read(corpus().join("stream-wrong-types.jsonl")).unwrap();
    let r = run(&["tag", "--stream"], Some(&input));
    let out = String::from_utf8(r.stdout).unwrap();
    let ids: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].clone())
        .collect();
    assert_eq!(
        ids,
        ["ok", "num-date", "num-text", "bad-day", "", "", ""]
            .iter()
            .map(|s| if s.is_empty() {
                serde_json::Value::Null
            } else {
                serde_json::Value::from(*s)
            })
            .collect::<Vec<_>>()
    );
}

// See: #18, row 8.
#[test]
fn check_output_is_bounded() {
    let f = p("chain-contradicts-dates.yaml");
    let r = run(&["check", &f], None);
    assert_eq!(r.code, Some(1));
    let out = String::from_utf8(r.stdout).unwrap();
    assert!(out.contains("more facts on the cycle …"), "{out}");
    // 200 events: each finding lists at most 10 facts, so the report is a few KB per finding.
    let findings = out.lines().filter(|l| l.contains("error[")).count();
    assert!(
        out.len() < findings * 2_000 + 1_000,
        "{} bytes for {findings} findings",
        out.len()
    );
    let r = run(&["check", "--format", "json", &f], None);
    let v: serde_json::Value = serde_json::from_slice(&r.stdout).unwrap();
    assert!(v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["omitted"].as_u64().is_some_and(|n| n > 0)));
}

/// Crashes of the `stream` fuzz target, replayed through the CLI with the limit the target
/// derived from their first byte: one output line per non-blank input line.
#[test]
fn stream_fuzz_crashes_are_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz/stream");
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let data = std::fs::read(e.path()).unwrap();
        let Some((&first, input)) = data.split_first() else {
            continue;
        };
        let limit = (16 + usize::from(first) * 16).to_string();
        let r = run(
            &["tag", "--stream", "--dct", "2014-12-18", "--max-record-bytes", &limit],
            Some(input),
        );
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        let records = input
            .split(|&b| b == b'\n')
            .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
            .count();
        let out = String::from_utf8(r.stdout).unwrap();
        assert_eq!(out.lines().count(), records, "{}: {out}", e.path().display());
    }
}
