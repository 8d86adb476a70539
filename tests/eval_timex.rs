//! `tempograph eval`, `timeml annotate` and `tag` from the command line.

use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_tempograph");

fn tml(body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>D1</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2014-12-18\" functionInDocument=\"CREATION_TIME\">2014-12-18</TIMEX3></DCT>\n<TEXT>\n{body}\n</TEXT>\n</TimeML>\n"
    )
}

fn t(id: usize, text: &str, value: &str) -> String {
    format!("<TIMEX3 tid=\"t{id}\" type=\"DATE\" value=\"{value}\">{text}</TIMEX3>")
}

/// The worked example of SCORING.md: 13 gold timexes; the system has one shrunk extent, one
/// wrong value, one missing and one spurious timex.
#[test]
fn worked_example_figures() {
    let dir = tempfile::tempdir().unwrap();
    let (gold, sys) = (dir.path().join("gold"), dir.path().join("sys"));
    std::fs::create_dir_all(&gold).unwrap();
    std::fs::create_dir_all(&sys).unwrap();
    let words: Vec<String> = (1..=14).map(|k| format!("day{k:02} early")).collect();
    let mut g = String::new();
    let mut s = String::new();
    for (k, w) in words.iter().enumerate() {
        let id = k + 1;
        let v = format!("2014-12-{id:02}");
        if k < 13 {
            g.push_str(&t(id, w, &v));
        } else {
            g.push_str(w);
        }
        match k {
            0 => s.push_str(&format!("{} early", t(id, "day01", &v))), // shrunk extent
            1 => s.push_str(&t(id, w, "2014-11-30")),                  // wrong value
            12 => s.push_str(w),                                       // missing
            13 => s.push_str(&t(id, w, "2014-12-14")),                 // spurious
            _ => s.push_str(&t(id, w, &v)),
        }
        g.push(' ');
        s.push(' ');
    }
    std::fs::write(gold.join("doc.tml"), tml(&g)).unwrap();
    std::fs::write(sys.join("doc.tml"), tml(&s)).unwrap();
    let out = Command::new(BIN)
        .args(["eval"])
        .arg(&gold)
        .arg(&sys)
        .arg("--errors")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let all = stdout.lines().find(|l| l.starts_with("all")).expect("an `all` line");
    let f: Vec<&str> = all.split_whitespace().collect();
    // corpus docs gold sys sP sR sF1 rP rR rF1 vF1 tF1
    assert_eq!(&f[1..4], ["1", "13", "13"]);
    assert_eq!(f[6], "84.62", "strict F1: {all}");
    assert_eq!(f[9], "92.31", "relaxed F1: {all}");
    assert_eq!(f[10], "84.62", "value F1: {all}");
    assert_eq!(f[11], "92.31", "type F1: {all}");
    for kind in ["extent", "value", "missing", "extra"] {
        assert!(
            stdout.lines().any(|l| l.contains(&format!(": {kind} "))),
            "no `{kind}` line in\n{stdout}"
        );
    }
}

#[test]
fn annotate_te3input_keeps_text_and_drops_gold() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("NAME.tml.TE3input");
    let body = "AT&amp;T <EVENT eid=\"e1\">said</EVENT> <TIMEX3 tid=\"t9\" type=\"DATE\" value=\"X\">Friday</TIMEX3> it lost money last year.";
    std::fs::write(&input, tml(body)).unwrap();
    let out_dir = dir.path().join("out");
    let out = Command::new(BIN)
        .args(["timeml", "annotate"])
        .arg(&input)
        .arg("--out-dir")
        .arg(&out_dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let written = std::fs::read_to_string(out_dir.join("NAME.tml")).unwrap();
    let a = tempograph_timeml::parse(Path::new("a"), &tml(body)).unwrap();
    let b = tempograph_timeml::parse(Path::new("b"), &written).unwrap();
    assert_eq!(a.text, b.text);
    // Gold tags are dropped; system EVENTs (with a class) are written by the events stage.
    assert!(!written.contains("<EVENT eid=\"e1\">") && !written.contains("tid=\"t9\""));
    assert!(written.contains("class=\"REPORTING\">said</EVENT>"), "{written}");
    assert!(written.contains("AT&amp;T"));
    let values: Vec<&str> = b.tagged("TIMEX3").filter_map(|x| x.attr("value")).collect();
    assert_eq!(values, ["2014-12-12", "2013"]);
}

#[test]
fn tag_jsonl_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.txt");
    std::fs::write(
        &f,
        "“Quote” — On Thursday, officials met. It's been languishing for several years.",
    )
    .unwrap();
    let out = Command::new(BIN)
        .args(["tag", "--format", "jsonl", "--dct", "2014-12-18"])
        .arg(&f)
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    // Offsets are in characters: “ and — are one character each.
    assert_eq!(lines[0]["start"], 13);
    assert_eq!(lines[0]["end"], 21);
    assert_eq!(lines[0]["text"], "Thursday");
    assert_eq!(lines[0]["value"], "2014-12-18");
    assert_eq!(lines[0]["rule"], "date/weekday");
    assert_eq!(lines[0]["anchor"], "dct");
    assert_eq!(lines[0]["direction"], "past");
    assert_eq!(lines[1]["value"], "PXY");

    // No dateline and no --dct: a clear error and exit 2, after tagging the good file.
    let bad = dir.path().join("b.txt");
    std::fs::write(&bad, "No date here at all.").unwrap();
    let d = dir.path().join("c.txt");
    std::fs::write(&d, "12/17/14\nIt happened yesterday.").unwrap();
    let out = Command::new(BIN)
        .args(["tag", "--format", "jsonl"])
        .arg(&bad)
        .arg(&d)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no publication date found"), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"value\":\"2014-12-16\""));

    let out = Command::new(BIN)
        .args(["tag", "--dct", "17/12/2014"])
        .arg(&d)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid --dct"));
}

#[test]
fn tag_manifest_uses_published_dates() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "On Thursday, Earnest told reporters.").unwrap();
    std::fs::write(
        dir.path().join("sources.yaml"),
        "- file: a.txt\n  published: 2014-12-18\n",
    )
    .unwrap();
    let out = Command::new(BIN)
        .args(["tag", "--format", "jsonl", "--manifest"])
        .arg(dir.path().join("sources.yaml"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("\"value\":\"2014-12-18\""), "{s}");
}
