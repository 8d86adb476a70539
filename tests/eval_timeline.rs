//! `tempograph eval timeline` (SemEval-2015 Task 4 entity timelines) on small hand-made
//! files, and what became of `tempograph relations` (moved to `tempograph-train`, issue #14).
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_tempograph");

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A TimeLine corpus file: `<s id>` sentences inside `<TEXT>`.
const DOC: &str =
    "<TimeML><DOCID>7</DOCID><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2005-06-06\">2005-06-06</TIMEX3></DCT>\
     <TEXT><s id=\"0\">Jobs speaks</s><s id=\"1\">Steve Jobs announced the switch on Monday .</s></TEXT></TimeML>";

#[test]
fn timeline_in_the_task_format_from_corpus_files() {
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(corpus.path().join("7.tml"), DOC).unwrap();
    let docs = corpus.path().to_str().unwrap();
    let (code, out, err) = run(&["eval", "timeline", "--docs", docs, "--about", "Steve Jobs"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Steve Jobs\n"), "{out}");
    assert!(out.contains("\t7-1-announced\n"), "{out}");
    assert!(err.is_empty(), "{err}");

    // Scored against a gold timeline: one line per entity, then the total.
    let gold = tempfile::tempdir().unwrap();
    std::fs::write(
        gold.path().join("steve_jobs.txt"),
        "Steve Jobs\n1\t2005-06-06\t7-1-announced\n",
    )
    .unwrap();
    let sys = gold.path().join("sys");
    let (code, out, err) = run(&[
        "eval",
        "timeline",
        "--docs",
        docs,
        "--gold",
        gold.path().to_str().unwrap(),
        "--out-dir",
        sys.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Steve Jobs "), "{out}");
    assert!(
        out.contains("TimeLine Track A, 1 timelines over 1 documents: P "),
        "{out}"
    );
    assert!(std::fs::read_to_string(sys.join("steve_jobs.txt"))
        .unwrap()
        .contains("7-1-announced"));

    // Plain documents have no gold events: Track B is a usage error.
    let txt = corpus.path().join("a.txt");
    std::fs::write(&txt, "Steve Jobs spoke on Monday.").unwrap();
    let (code, _, err) = run(&[
        "eval",
        "timeline",
        "--about",
        "Steve Jobs",
        "--dct",
        "2005-06-06",
        "--track",
        "b",
        txt.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("--track b needs the task's corpus files"), "{err}");
}

/// `eval GOLD SYSTEM` is still the TempEval-3 scorer next to the `timeline` subcommand, and
/// the two do not mix.
#[test]
fn eval_keeps_its_positional_form() {
    let (code, _, err) = run(&["eval", "no-such-gold", "no-such-system"]);
    assert_eq!(code, 2);
    assert!(err.contains("no-such-gold: no such file or folder"), "{err}");
    let (code, _, err) = run(&["eval"]);
    assert_eq!(code, 2);
    assert!(err.contains("<GOLD>"), "{err}");
    let (code, _, _) = run(&["eval", "gold", "timeline", "--about", "X"]);
    assert_eq!(code, 2);
}

/// The research commands left the product binary: each says where it went and exits 2;
/// `relations timeline`, a user form, still runs (as `eval timeline`) with a note.
#[test]
fn relations_moved_to_the_training_binary() {
    for sub in ["pairs", "links", "matres"] {
        let (code, out, err) = run(&["relations", sub, "--test", "tbaq/aquaint"]);
        assert_eq!(code, 2, "{sub}");
        assert!(out.is_empty(), "{out}");
        assert!(
            err.contains(&format!("cargo run --release -p tempograph-train -- relations {sub}")),
            "{err}"
        );
    }
    let (code, _, err) = run(&["relations"]);
    assert_eq!(code, 2);
    assert!(err.contains("tempograph-train"), "{err}");
    // Hidden from the list of commands (and so from completions and man pages).
    let (_, help, _) = run(&["--help"]);
    assert!(help.contains("\n  eval "), "{help}");
    assert!(!help.lines().any(|l| l.trim_start().starts_with("relations")), "{help}");

    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(corpus.path().join("7.tml"), DOC).unwrap();
    let docs = corpus.path().to_str().unwrap();
    let (code, out, err) = run(&["relations", "timeline", "--docs", docs, "--about", "Steve Jobs"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\t7-1-announced\n"), "{out}");
    assert!(
        err.contains("`tempograph relations timeline` is now `tempograph eval timeline`"),
        "{err}"
    );
    let (code, _, err) = run(&["relations", "timeline", "--no-such-flag"]);
    assert_eq!(code, 2);
    assert!(err.contains("--no-such-flag"), "{err}");
}

/// A corpus file whose `<DCT>` is missing or malformed takes the dateline among its first
/// sentences, tokenised as the task's corpus writes it ("June 8 , 2010"); without one the
/// file is left out with a warning naming it, and the others still run.
#[test]
fn a_missing_or_malformed_dct_falls_back_to_the_dateline() {
    let body = "<TEXT><s id=\"0\">Jobs speaks</s><s id=\"1\">June 8 , 2010</s>\
                <s id=\"2\">Steve Jobs announced the switch on Monday .</s></TEXT></TimeML>";
    let bad = "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2010-6-8x\">x</TIMEX3></DCT>";
    for (name, dct) in [("missing", ""), ("malformed", bad)] {
        let corpus = tempfile::tempdir().unwrap();
        std::fs::write(
            corpus.path().join("8.tml"),
            format!("<TimeML><DOCID>8</DOCID>{dct}{body}"),
        )
        .unwrap();
        let docs = corpus.path().to_str().unwrap();
        let (code, out, err) = run(&["eval", "timeline", "--docs", docs, "--about", "Steve Jobs"]);
        assert_eq!(code, 0, "{name}: {err}");
        // Monday before Tuesday 2010-06-08.
        assert!(out.contains("2010-06-07\t8-2-announced\n"), "{name}: {out}\n{err}");
    }
    // Negative: no DCT and no dateline: the file is left out, the good one is still read.
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(corpus.path().join("7.tml"), DOC).unwrap();
    std::fs::write(
        corpus.path().join("9.tml"),
        "<TimeML><DOCID>9</DOCID><TEXT><s id=\"0\">Steve Jobs spoke on Monday .</s></TEXT></TimeML>",
    )
    .unwrap();
    let docs = corpus.path().to_str().unwrap();
    let (code, out, err) = run(&["eval", "timeline", "--docs", docs, "--about", "Steve Jobs"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\t7-1-announced\n") && !out.contains("9-0-"), "{out}");
    assert!(err.contains("9.tml"), "the left-out file is named: {err}");
}
