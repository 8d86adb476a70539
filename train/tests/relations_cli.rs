//! `tempograph-train relations ...` on small hand-made files: output shape, exit codes, errors.
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_tempograph-train");

const TML: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DOCID>D1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2014-12-18" functionInDocument="CREATION_TIME">2014-12-18</TIMEX3></DCT>
<TEXT>
Sony <EVENT eid="e1" class="OCCURRENCE">pulled</EVENT> the film on <TIMEX3 tid="t1" type="DATE" value="2014-12-17">Wednesday</TIMEX3> after theaters <EVENT eid="e2" class="OCCURRENCE">refused</EVENT> to show it.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB" />
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" aspect="NONE" polarity="POS" pos="VERB" />
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0" />
<TLINK lid="l2" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1" />
<TLINK lid="l3" relType="AFTER" eventInstanceID="ei1" relatedToEventInstance="ei2" />
</TimeML>
"#;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn pairs_and_links_on_a_small_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("d1.tml"), TML).unwrap();
    let d = dir.path().to_str().unwrap();
    let (code, out, err) = run(&["relations", "pairs", "--test", d, "--model", "timebank", "--consistent"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("C-relation-only on 1 documents (model timebank): TA P "),
        "{out}"
    );
    assert!(out.contains("skipped gold links 0"), "{out}");
    let (code, out, err) = run(&["relations", "links", "--test", d, "--gold-entities", "--by-rule"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Task C on 1 documents"), "{out}");
    assert!(out.contains("link/signal-after"), "{out}");
}

/// The `Sys-` count of a `relations links` line.
fn sys_links(out: &str) -> usize {
    let rest = &out[out.find("(Sys- ").expect("a Sys- count") + 6..];
    rest[..rest.find(',').unwrap()].parse().unwrap()
}

#[test]
fn links_find_events_with_the_given_counts() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("d1.tml"), TML).unwrap();
    let d = dir.path().to_str().unwrap();
    let (code, out, err) = run(&["relations", "links", "--test", d]);
    assert_eq!(code, 0, "{err}");
    let builtin = sys_links(&out);
    // `relations links` with the counts of `table`: exit code, stdout, stderr.
    let lex = dir.path().join("lex.tsv");
    let with_counts = |table: Option<&str>| {
        let path = match table {
            Some(t) => {
                std::fs::write(&lex, t).unwrap();
                lex.clone()
            }
            None => dir.path().join("no-such.tsv"),
        };
        run(&[
            "relations",
            "links",
            "--test",
            d,
            "--event-lexicon",
            path.to_str().unwrap(),
        ])
    };
    // Counts in which the two verbs are common and never events: fewer events, fewer links.
    let (code, out, err) = with_counts(Some(
        "# form\toccurrences\tas_event\nrefused\t40\t0\t-\t-\npulled\t40\t0\t-\t-\n",
    ));
    assert_eq!(code, 0, "{err}");
    assert!(sys_links(&out) < builtin, "{out} (built-in counts: {builtin} links)");
    // Counts that agree with the built-in ones on these words: the same links.
    let (code, out, err) = with_counts(Some("pulled\t2\t2\tOCCURRENCE\tVERB\nrefused\t10\t10\tOCCURRENCE\t-\n"));
    assert_eq!(code, 0, "{err}");
    assert_eq!(sys_links(&out), builtin, "{out}");
    let (code, _, err) = with_counts(None);
    assert_eq!(code, 2);
    assert!(err.contains("no-such.tsv"), "{err}");
}

#[test]
fn cross_validation_folds_take_their_own_event_counts() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("a.tml"), TML).unwrap();
    std::fs::write(docs.join("b.tml"), TML.replace("D1", "D2")).unwrap();
    let lex = dir.path().join("lex");
    std::fs::create_dir(&lex).unwrap();
    let table = |held: &str| format!("# held out: {held}\npulled\t2\t2\tOCCURRENCE\tVERB\n");
    std::fs::write(lex.join("fold-0.tsv"), table("a.tml")).unwrap();
    std::fs::write(lex.join("fold-1.tsv"), table("b.tml")).unwrap();
    let (d, l) = (docs.to_str().unwrap(), lex.to_str().unwrap());
    let args = [
        "relations",
        "links",
        "--test",
        d,
        "--folds",
        "2",
        "--event-lexicon-folds",
        l,
    ];
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("2-fold document cross-validation, event counts from the training folds"),
        "{out}"
    );
    // A table made for other folds is refused, with its file and line.
    std::fs::write(lex.join("fold-1.tsv"), table("a.tml")).unwrap();
    let (code, _, err) = run(&args);
    assert_eq!(code, 2);
    assert!(err.contains("fold-1.tsv:1"), "{err}");
    assert!(err.contains("the 1 documents of fold 1 (b.tml, ...)"), "{err}");
    // Without --folds the option is a usage error.
    let (code, _, _) = run(&["relations", "links", "--test", d, "--event-lexicon-folds", l]);
    assert_eq!(code, 2);
}

#[test]
fn errors_exit_2_with_locations() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope");
    let (code, _, err) = run(&["relations", "pairs", "--test", missing.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("nope"), "{err}");
    std::fs::write(dir.path().join("d1.tml"), TML).unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, "D1\tpulled\trefused\t1\t2\tSOON\n").unwrap();
    let (code, _, err) = run(&[
        "relations",
        "matres",
        "--matres",
        bad.to_str().unwrap(),
        "--tml",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("bad.txt:1: expected BEFORE, AFTER, EQUAL or VAGUE, found `SOON`"),
        "{err}"
    );
    let (code, _, err) = run(&[
        "relations",
        "pairs",
        "--test",
        dir.path().to_str().unwrap(),
        "--folds",
        "1",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("--folds needs at least 2"), "{err}");
}

#[test]
fn matres_accuracy() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("d1.tml"), TML).unwrap();
    let m = dir.path().join("m.txt");
    std::fs::write(&m, "D1\tpulled\trefused\t1\t2\tAFTER\nD1\tpulled\tgone\t1\t9\tBEFORE\n").unwrap();
    let (code, out, err) = run(&[
        "relations",
        "matres",
        "--matres",
        m.to_str().unwrap(),
        "--tml",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("(1/1), pairs not found 1"), "{out}");
}

/// `tempograph-train models` on a two-document corpus: the three link models written, each
/// with a manifest that names its corpus files and the feature hash of the code here; an
/// output folder that is not a model store is refused.
#[test]
fn models_writes_the_store_with_manifests() {
    let corpora = tempfile::tempdir().unwrap();
    for (part, name) in [("timebank", "a.tml"), ("aquaint", "b.tml")] {
        let dir = corpora.path().join("tbaq").join(part);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(name), TML).unwrap();
    }
    let store = tempfile::tempdir().unwrap();
    let c = corpora.path().to_str().unwrap();
    let (code, _, err) = run(&["models", "--out", store.path().to_str().unwrap(), "--corpora", c]);
    assert_eq!(code, 0, "{err}");
    for m in tempograph_link::store::ALL {
        let dir = store.path().join("en/link").join(m.name);
        let weights = std::fs::read_to_string(dir.join("weights.tsv")).unwrap();
        let manifest: toml::Value =
            toml::from_str(&std::fs::read_to_string(dir.join("manifest.toml")).unwrap()).unwrap();
        assert_eq!(manifest["model"]["name"].as_str(), Some(m.name));
        assert_eq!(manifest["model"]["bytes"].as_integer(), Some(weights.len() as i64));
        assert_eq!(
            manifest["model"]["feature_hash"].as_str(),
            Some(tempograph_link::store::feature_hash(m).as_str()),
            "{}",
            m.name
        );
        assert_eq!(
            manifest["training"]["command"].as_str(),
            Some(tempograph_train::models::COMMAND)
        );
        let files: Vec<&str> = manifest["corpus"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|c| c["file"].as_str())
            .collect();
        let want: &[&str] = match m.name {
            "timebank" => &["tbaq/timebank/a.tml"],
            "aquaint" => &["tbaq/aquaint/b.tml"],
            _ => &["tbaq/timebank/a.tml", "tbaq/aquaint/b.tml"],
        };
        assert_eq!(files, want, "{}", m.name);
        // The rows are sorted, as the library's reader requires.
        let n = manifest["model"]["labels"].as_array().unwrap().len();
        let ok = match n {
            11 => tempograph_link::store::parse::<11>(&weights).is_ok(),
            12 => tempograph_link::store::parse::<12>(&weights).is_ok(),
            _ => false,
        };
        assert!(ok, "{}: {n} labels", m.name);
    }
    let (code, _, err) = run(&[
        "models",
        "--out",
        store.path().join("nope").to_str().unwrap(),
        "--corpora",
        c,
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("no model store there"), "{err}");
}
