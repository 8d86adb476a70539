//! Hostile input through the command line: exit codes, messages, order of output, and the
//! stream protocol at scale (ten thousand tiny documents and a 1 MB record by default; a
//! million documents and a 100 MB record in the ignored scale tests that `.ci/run` runs with
//! `--ignored`).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn tempograph(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tempograph"))
        .args(args)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        let input = input.to_vec();
        // Write from another thread so a full stdout pipe cannot deadlock us.
        std::thread::spawn(move || {
            let _ = pipe.write_all(&input);
        });
    }
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn invalid_dct_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    std::fs::write(&f, "Sony canceled the release on Wednesday.\n").unwrap();
    for bad in ["2014-02-31", "yesterday", "", "+2014-12-18", "2014-12-18T00:00"] {
        let o = tempograph(&["tag", "--dct", bad, f.to_str().unwrap()], None);
        assert_eq!(o.status.code(), Some(2), "{bad:?}");
        assert_eq!(
            text(&o.stderr),
            format!("tempograph: error: invalid --dct `{bad}`: expected a date YYYY-MM-DD, such as 2014-12-17\n")
        );
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn bad_files_among_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n).display().to_string();
    std::fs::write(p("1-good.txt"), "12/17/14\nSony canceled the release on Wednesday.\n").unwrap();
    std::fs::write(p("2-empty.txt"), "").unwrap();
    std::fs::write(p("3-binary.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(p("4-latin1.txt"), b"12/17/14\nCaf\xe9").unwrap();
    std::fs::write(p("5-good.txt"), "12/18/14\nThe FBI spoke on Friday.\n").unwrap();
    let args = [
        "tag".to_string(),
        "--jobs".into(),
        "2".into(),
        p("1-good.txt"),
        p("2-empty.txt"),
        p("3-binary.txt"),
        p("missing.txt"),
        p("4-latin1.txt"),
        p("5-good.txt"),
    ];
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = tempograph(&args, None);
    assert_eq!(o.status.code(), Some(2));
    let out = text(&o.stdout);
    let good1 = out.find("1-good.txt (DCT 2014-12-17)").unwrap();
    let good5 = out.find("5-good.txt (DCT 2014-12-18)").unwrap();
    assert!(good1 < good5);
    assert!(out.contains("Wednesday\tDATE\t2014-12-17"), "{out}");
    let err = text(&o.stderr).replace(&dir.path().display().to_string(), "DIR");
    assert_eq!(
        err,
        "tempograph: error: DIR/2-empty.txt: expected a text document, found an empty file\n\
         tempograph: error: DIR/3-binary.txt: expected a text document, found binary content (NUL byte at byte 8)\n\
         tempograph: error: DIR/missing.txt: No such file or directory (os error 2)\n\
         tempograph: error: DIR/4-latin1.txt:2:4: invalid UTF-8 at byte 12: expected UTF-8 text (convert the file, e.g. with iconv)\n\
         tempograph: error: some files could not be tagged\n"
    );
}

#[test]
fn jobs_must_be_a_positive_number() {
    for bad in ["0", "-1", "many", ""] {
        let o = tempograph(&["tag", "--jobs", bad, "x.txt"], None);
        assert_eq!(o.status.code(), Some(2), "{bad:?}");
        let err = text(&o.stderr);
        assert!(err.contains("--jobs") || err.contains(&format!("'{bad}'")), "{err}");
    }
}

#[test]
fn same_output_for_every_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for i in 0..60 {
        let f = dir.path().join(format!("{i:03}.txt"));
        std::fs::write(
            &f,
            format!(
                "{}/{}/2014\nSony said on Monday that {} days ago the hack began; the FBI will report next week.\n",
                i % 12 + 1,
                i % 28 + 1,
                i
            ),
        )
        .unwrap();
        files.push(f.display().to_string());
    }
    let run = |jobs: &str| {
        let mut args = vec!["tag", "--format", "jsonl", "--jobs", jobs];
        args.extend(files.iter().map(String::as_str));
        let o = tempograph(&args, None);
        assert!(o.status.success());
        o.stdout
    };
    let one = run("1");
    assert!(one.len() > 1000);
    assert_eq!(run("2"), one);
    assert_eq!(run("7"), one);
}

#[test]
fn stream_of_ten_thousand_tiny_documents() {
    stream_of_tiny_documents(10_000);
}

#[test]
#[ignore = "scale test: with the 100 MB record below, 180 s of a 277 s `cargo test`; run by .ci/run with --ignored"]
fn stream_of_a_million_tiny_documents() {
    stream_of_tiny_documents(1_000_000);
}

fn stream_of_tiny_documents(n: u32) {
    let mut input = Vec::with_capacity(64 * n as usize);
    for i in 0..n {
        let text = match i % 4 {
            0 => "on Monday",
            1 => "",
            2 => "x",
            _ => "99/99/99 and 31/02/2014",
        };
        writeln!(
            input,
            "{{\"id\":\"{i}\",\"published\":\"2014-12-18\",\"text\":\"{text}\"}}"
        )
        .unwrap();
    }
    let o = tempograph(&["tag", "--stream"], Some(&input));
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), n as usize);
    assert!(
        lines[0].starts_with("{\"id\":\"0\",\"published\":\"2014-12-18\",\"timexes\":[{"),
        "{}",
        lines[0]
    );
    assert_eq!(lines[1], "{\"id\":\"1\",\"published\":\"2014-12-18\",\"timexes\":[]}");
    let last = format!("{{\"id\":\"{}\",", n - 1);
    assert!(lines[n as usize - 1].starts_with(&last), "{}", lines[n as usize - 1]);
    assert!(text(&o.stderr).is_empty());
}

#[test]
fn stream_with_one_1_mb_record_and_bad_lines() {
    stream_with_one_big_record_and_bad_lines(1 << 20);
}

#[test]
#[ignore = "scale test: with the million documents above, 180 s of a 277 s `cargo test`; run by .ci/run with --ignored"]
fn stream_with_one_100_mb_record_and_bad_lines() {
    stream_with_one_big_record_and_bad_lines(100 << 20);
}

/// A record of about `size` bytes between a small one and two bad lines.
fn stream_with_one_big_record_and_bad_lines(size: usize) {
    // About one expression per kilobyte, so that the output stays small and the test cheap.
    let unit = format!(
        "{}Sony canceled the release on Wednesday. ",
        "the studio said that its films were leaked ".repeat(23)
    );
    let mut body = String::with_capacity(size);
    while body.len() + unit.len() < size {
        body.push_str(&unit);
    }
    let mut input = Vec::with_capacity(size + (1 << 20));
    input.extend_from_slice(b"{\"id\":\"small\",\"published\":\"2014-12-18\",\"text\":\"yesterday\"}\n");
    input.extend_from_slice(b"{\"id\":\"big\",\"published\":\"2014-12-18\",\"text\":\"");
    input.extend_from_slice(body.as_bytes());
    input.extend_from_slice(b"\"}\n");
    input.extend_from_slice(b"\xff\xfe not utf-8\n{\"id\":\"bad-date\",\"published\":\"2014-13-01\",\"text\":\"x\"}\n");
    let o = tempograph(
        &["tag", "--stream", "--jobs", "2", "--max-record-bytes", "128M"],
        Some(&input),
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4);
    assert!(lines[0].starts_with("{\"id\":\"small\""));
    let big: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(big["id"], "big");
    let n = big["timexes"].as_array().unwrap().len();
    assert_eq!(n, body.len() / unit.len());
    assert_eq!(
        lines[2],
        "{\"id\":null,\"line\":3,\"error\":\"<stdin>:3:1: invalid UTF-8 at byte 0: expected UTF-8 text (convert the file, e.g. with iconv)\"}"
    );
    assert!(lines[3].starts_with("{\"id\":\"bad-date\",\"line\":4,\"error\":"));
    assert_eq!(
        text(&o.stderr),
        "tempograph: 2 of 4 records could not be tagged (see their \"error\" lines)\n"
    );
}

#[test]
fn absurd_numbers_in_text_give_sane_values() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("absurd.txt");
    std::fs::write(
        &f,
        "It happened 10000000000000 years ago. Dates: 99/99/99, 31/02/2014, 00/00/0000. \
         In the year 0 and in 99999, or 9999999999999999999999 days later, around 2014-02-30.\n",
    )
    .unwrap();
    let o = tempograph(
        &["tag", "--dct", "2014-12-18", "--format", "jsonl", f.to_str().unwrap()],
        None,
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    for line in text(&o.stdout).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let value = v["value"].as_str().unwrap();
        // Whatever is tagged has a value that is a TIMEX3 value, not an impossible date.
        if value.len() == 10 && value.as_bytes()[4] == b'-' && value.as_bytes()[7] == b'-' {
            assert!(chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_ok(), "{line}");
        }
        assert!(!value.is_empty(), "{line}");
        assert!(!value.contains("31/02"), "{line}");
    }
}

#[test]
fn output_over_an_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path().join("t.yaml");
    std::fs::write(
        &t,
        "schema: tempograph/1\nevents:\n  - {id: a, label: A, date: 2014-12-17}\n",
    )
    .unwrap();
    let before = std::fs::read(&t).unwrap();
    let o = tempograph(
        &[
            "render",
            t.to_str().unwrap(),
            "--format",
            "dot",
            "-o",
            t.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("it is one of the input files"),
        "{}",
        text(&o.stderr)
    );
    assert_eq!(std::fs::read(&t).unwrap(), before);
    // An unwritable destination is an error that names it.
    let o = tempograph(
        &[
            "render",
            t.to_str().unwrap(),
            "--format",
            "dot",
            "-o",
            "/nonexistent-dir/x.dot",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("/nonexistent-dir/x.dot"),
        "{}",
        text(&o.stderr)
    );
    assert!(!Path::new("/nonexistent-dir").exists());
}
