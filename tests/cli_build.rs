//! CLI tests of `tempograph build`: exit codes and messages for good and bad input.
//! See: issue 2 (items 2, 7, 10).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tempograph"))
}

fn run(args: &[&str], dir: &Path) -> Output {
    bin().args(args).current_dir(dir).output().expect("run tempograph")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("timelines/sony-hack-2014/sources")
}

#[test]
fn builds_the_bundled_example_to_stdout() {
    let o = run(&["build", "--manifest", "sources.yaml"], &example());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.starts_with("schema: tempograph/1\n"), "{out}");
    assert!(out.contains("published: 2014-12-18"));
}

#[test]
fn output_is_deterministic() {
    let a = run(&["build", "--manifest", "sources.yaml"], &example());
    let b = run(&["build", "--manifest", "sources.yaml"], &example());
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn missing_publication_date_names_the_three_ways() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Sony canceled the release on Thursday.\n").unwrap();
    let o = run(&["build", "a.txt"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("a.txt: no publication date found"), "{e}");
    assert!(
        e.contains("--dct") && e.contains("--manifest") && e.contains("dateline"),
        "{e}"
    );
}

#[test]
fn dct_flag_and_dateline() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Headline\n2:11 | 12/17/14\nObama spoke on Thursday.\n",
    )
    .unwrap();
    let o = run(&["build", "a.txt"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("published: 2014-12-17"));
    // --dct wins over the dateline, with a warning naming the line.
    let o = run(&["build", "a.txt", "--dct", "2014-12-18"], dir.path());
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("published: 2014-12-18"));
    assert!(
        stderr(&o).contains("a.txt:2: warning: dateline `2:11 | 12/17/14` says 2014-12-17"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn manifest_wins_over_dateline_with_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Headline\n12/17/14\nObama spoke.\n").unwrap();
    std::fs::write(dir.path().join("m.yaml"), "- file: a.txt\n  published: 2014-12-20\n").unwrap();
    let o = run(&["build", "--manifest", "m.yaml"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("published: 2014-12-20"));
    assert!(
        stderr(&o).contains("warning: dateline `12/17/14` says 2014-12-17, but the manifest"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn bad_inputs_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("empty.txt"), "").unwrap();
    std::fs::write(p.join("bin.txt"), b"PK\x03\x04\x00\x00junk").unwrap();
    std::fs::write(p.join("latin1.txt"), b"12/17/14\ncaf\xe9 au lait").unwrap();
    std::fs::write(
        p.join("broken.yaml"),
        "- file: a.txt\n  published: 2014-12-17\n   title: x: y\n",
    )
    .unwrap();
    std::fs::write(p.join("baddate.yaml"), "- file: a.txt\n  published: 2014-02-30\n").unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["build", "nope.txt", "--dct", "2014-12-17"],
            "nope.txt: No such file or directory",
        ),
        (
            &["build", "empty.txt", "--dct", "2014-12-17"],
            "empty.txt: expected a text document, found an empty file",
        ),
        (
            &["build", "bin.txt", "--dct", "2014-12-17"],
            "bin.txt: expected a text document, found binary content (NUL byte at byte 4)",
        ),
        (&["build", "latin1.txt"], "latin1.txt:2:4: invalid UTF-8 at byte 12"),
        (
            &["build", "--manifest", "broken.yaml"],
            // The scalar `2014-12-17` runs on into line 3, where `title:` cannot start a mapping.
            "broken.yaml:3:9: expected valid YAML, found a syntax error",
        ),
        (&["build", "--manifest", "baddate.yaml"], "baddate.yaml:2:14"),
        (
            &["build", "x.txt", "--dct", "2014-13-01"],
            "invalid --dct `2014-13-01`: expected a date YYYY-MM-DD",
        ),
        (&["build"], "build needs documents"),
    ];
    for (args, want) in cases {
        let o = run(args, p);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains(want),
            "{args:?}: expected `{want}` in\n{}",
            stderr(&o)
        );
        assert!(!stderr(&o).contains("panicked"), "{args:?}");
    }
}

#[test]
fn a_bad_file_among_good_ones_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("good.txt"), "Sony canceled the release on Thursday.\n").unwrap();
    std::fs::write(p.join("bad.txt"), b"\xff\xfe").unwrap();
    let o = run(
        &["build", "good.txt", "bad.txt", "--dct", "2014-12-18", "-o", "out.yaml"],
        p,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("bad.txt:1:1: invalid UTF-8"), "{}", stderr(&o));
    assert!(stderr(&o).contains("1 document(s) could not be read; nothing was written"));
    assert!(!p.join("out.yaml").exists());
}

#[test]
fn never_overwrites_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let original = "Sony canceled the release on Thursday.\n";
    std::fs::write(p.join("a.txt"), original).unwrap();
    let o = run(&["build", "a.txt", "--dct", "2014-12-18", "-o", "a.txt"], p);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("refusing to write output to a.txt: it is one of the input files"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(p.join("a.txt")).unwrap(), original);
}

#[test]
fn writes_output_file_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("a.txt"), "Sony canceled the release on Thursday.\n").unwrap();
    let o = run(&["build", "a.txt", "--dct", "2014-12-18", "-o", "t.yaml"], p);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let written = std::fs::read_to_string(p.join("t.yaml")).unwrap();
    assert!(written.starts_with("schema: tempograph/1"));
    let leftovers: Vec<_> = std::fs::read_dir(p)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty());
}

/// A made-up TimeLine-style TimeML file: a `<DCT>`, and `<s>` elements whose text runs
/// together once the tags are gone.
const TIMEML_SENTENCES: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<TimeML><DOCID>901</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2009-03-04" functionInDocument="CREATION_TIME">2009-03-04</TIMEX3></DCT>
<TEXT><s id="0">Harbor bridge reopens</s><s id="1">The city <EVENT eid="e1">reopened</EVENT> the harbor bridge on <TIMEX3 tid="t1" type="DATE" value="2009-03-02">Monday</TIMEX3> .</s><s id="2">Engineers had <EVENT eid="e2">closed</EVENT> it in 2007 .</s></TEXT>
</TimeML>
"#;

/// `build` reads TimeML files (and folders of them) as the text inside `<TEXT>`, dated by
/// their `<DCT>`; `--dct` wins with a warning; a file without a DCT falls back to a dateline
/// and is refused, naming it, without one. The `<s>` sentences stay apart: no label starts
/// with the full stop of the sentence before.
#[test]
fn builds_from_timeml_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("tml")).unwrap();
    std::fs::write(dir.path().join("tml/bridge.tml"), TIMEML_SENTENCES).unwrap();
    for args in [&["build", "tml/bridge.tml"][..], &["build", "tml"][..]] {
        let o = run(args, dir.path());
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        let out = String::from_utf8(o.stdout).unwrap();
        assert!(out.contains("published: 2009-03-04"), "{out}");
        assert!(out.contains("value: 2009-03-02"), "the reopening is Monday: {out}");
        assert!(out.contains("value: '2007'"), "the closing is 2007: {out}");
        assert!(!out.contains("label: ."), "a label glued to the sentence before: {out}");
        assert!(
            !out.contains("<EVENT") && !out.contains("eid="),
            "tags left in the text: {out}"
        );
        // A folder names the timeline; one file gives its id.
        let title = if args[1] == "tml" {
            "title: tml\n"
        } else {
            "title: bridge\n"
        };
        assert!(out.contains(title), "{args:?}: {out}");
    }
    // --dct wins over the file's own DCT, with a warning naming both.
    let o = run(&["build", "--dct", "2009-03-05", "tml/bridge.tml"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(
        e.contains("bridge.tml") && e.contains("2009-03-04") && e.contains("2009-03-05"),
        "{e}"
    );
    // Negative: no <DCT> and no dateline is the usual missing-date error, naming the file.
    let no_dct = TIMEML_SENTENCES.replace(
        r#"<DCT><TIMEX3 tid="t0" type="DATE" value="2009-03-04" functionInDocument="CREATION_TIME">2009-03-04</TIMEX3></DCT>"#,
        "",
    );
    std::fs::write(dir.path().join("nodct.tml"), &no_dct).unwrap();
    let o = run(&["build", "nodct.tml"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("nodct.tml: no publication date found"),
        "{}",
        stderr(&o)
    );
    // ... and a dateline in the first sentence dates it.
    std::fs::write(
        dir.path().join("dateline.tml"),
        no_dct.replace("Harbor bridge reopens", "March 4 , 2009"),
    )
    .unwrap();
    let o = run(&["build", "dateline.tml"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("published: 2009-03-04"));
    // Negative: malformed TimeML is an error with the file and what was expected.
    std::fs::write(dir.path().join("bad.tml"), "<TimeML><TEXT>unclosed <EVENT eid=\"e1\">x").unwrap();
    let o = run(&["build", "bad.tml"], dir.path());
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("bad.tml"), "{}", stderr(&o));
}

/// See: #20 item 9. `build DIR` titles the story from its documents: the name most headlines
/// share with the years published; with no shared name, the earliest headline; `--title` wins.
#[test]
fn a_folder_is_titled_from_its_headlines() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("corpus_x");
    std::fs::create_dir(&story).unwrap();
    let docs = [
        (
            "a.txt",
            "Kestrel unveils electric van\n\nKestrel unveiled the van on Monday.\n",
            "2023-05-03",
        ),
        (
            "b.txt",
            "Kestrel's van recalled\n\nThe company recalled 900 vans on Tuesday.\n",
            "2024-02-07",
        ),
        (
            "c.txt",
            "Regulator fines carmaker\n\nThe regulator fined Kestrel on Friday.\n",
            "2024-03-01",
        ),
    ];
    let mut manifest = String::new();
    for (f, text, _) in docs {
        std::fs::write(story.join(f), text).unwrap();
    }
    for (f, _, date) in docs {
        manifest.push_str(&format!("- file: {f}\n  published: {date}\n"));
    }
    let o = run(&["build", "--dct", "2024-03-02", "corpus_x"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("title: Kestrel, 2024\n"), "{out}");
    let o = run(
        &["build", "--dct", "2024-03-02", "--title", "Vans", "corpus_x"],
        dir.path(),
    );
    assert!(String::from_utf8(o.stdout).unwrap().contains("title: Vans\n"));
    // Negative: no name shared by two headlines: the earliest document's headline.
    let other = dir.path().join("mixed");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(
        other.join("a.txt"),
        "Storm floods harbour\n\nThe storm hit on Monday.\n",
    )
    .unwrap();
    std::fs::write(other.join("b.txt"), "Mayor resigns\n\nThe mayor resigned on Tuesday.\n").unwrap();
    let o = run(&["build", "--dct", "2024-03-02", "mixed"], dir.path());
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("title: Storm floods harbour\n"), "{out}");
    // Negative: a first line that is only a date (Wikinews pages) is no headline: with no
    // headline the folder names the story.
    let dated = dir.path().join("dated");
    std::fs::create_dir(&dated).unwrap();
    std::fs::write(dated.join("a.txt"), "May 7 , 2005\n\nThe storm hit on Monday.\n").unwrap();
    std::fs::write(
        dated.join("b.txt"),
        "January 09, 2008\n\nThe mayor resigned on Tuesday.\n",
    )
    .unwrap();
    let o = run(&["build", "--dct", "2024-03-02", "dated"], dir.path());
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("title: dated\n"), "{out}");
    // The manifest path keeps its folder title.
    std::fs::write(story.join("sources.yaml"), manifest).unwrap();
    let o = run(&["build", "--manifest", "corpus_x/sources.yaml"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("title: corpus_x\n"), "{out}");
}
