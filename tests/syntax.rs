//! The syntactic layer: the embedded model loads and matches its manifest, tokenizes and
//! parses plain news sentences (data cases in tests/data/syntax/, negatives included),
//! and `tempograph parse` reads and writes CoNLL-U with clear errors.

use std::path::Path;
use std::process::Command;
use tempograph_events::syntax;

fn cases(file: &str) -> Vec<toml::Value> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/syntax")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let v: toml::Value = toml::from_str(&text).unwrap();
    v["case"].as_array().unwrap().clone()
}

fn model_bytes() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("models/en/ud-ewt/model.bin")).unwrap()
}

fn strs(v: &toml::Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(|x| x.as_array())
        .map(|a| a.iter().map(|s| s.as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

#[test]
fn tokenizer_cases() {
    let m = syntax::model().unwrap();
    let mut failures = Vec::new();
    for c in cases("tokens.toml") {
        let text = c["text"].as_str().unwrap();
        let want = strs(&c, "words");
        let mut got = Vec::new();
        for (i, s) in m.parse_text(text).iter().enumerate() {
            if i > 0 {
                got.push("|".to_string());
            }
            got.extend(s.words.iter().map(|w| w.form.clone()));
            // Offsets point at the token's text.
            for w in &s.words {
                let tok = &text[w.start..w.end];
                let in_mwt = s.multiwords.iter().any(|mw| mw.2 == w.start);
                assert!(
                    in_mwt || tok == w.form,
                    "{text:?}: word {:?} at {}..{} is {tok:?}",
                    w.form,
                    w.start,
                    w.end
                );
            }
        }
        if got != want {
            failures.push(format!(
                "{}: {text:?}\n  want {want:?}\n  got  {got:?}",
                c["name"].as_str().unwrap()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn tree_cases() {
    let m = syntax::model().unwrap();
    let mut failures = Vec::new();
    for c in cases("trees.toml") {
        let text = c["text"].as_str().unwrap();
        // A headline (a document's first line, no final stop) is parsed as one.
        let sents = if c.get("headline").and_then(toml::Value::as_bool) == Some(true) {
            vec![m.parse_headline(text, &m.tokenizer.tokens(text))]
        } else {
            m.parse_text(text)
        };
        assert_eq!(sents.len(), 1, "{text}");
        let words = &sents[0].words;
        let arcs: Vec<(String, String, String)> = words
            .iter()
            .map(|w| {
                let head = if w.head == 0 {
                    "ROOT".to_string()
                } else {
                    words[w.head - 1].form.clone()
                };
                (w.form.clone(), w.deprel.clone(), head)
            })
            .collect();
        let has = |spec: &str| {
            let p: Vec<&str> = spec.split(' ').collect();
            let (dep, rel, head) = (p[0], p[1], p[2]);
            arcs.iter().find(|(d, _, _)| d == dep).is_some_and(|(_, r, h)| {
                let r_ok = if rel.contains(':') {
                    r == rel
                } else {
                    r.split(':').next() == Some(rel)
                };
                r_ok && h == head
            })
        };
        for a in strs(&c, "arcs") {
            if !has(&a) {
                failures.push(format!("{text:?}: missing {a:?}; tree {arcs:?}"));
            }
        }
        for a in strs(&c, "not") {
            if has(&a) {
                failures.push(format!("{text:?}: unexpected {a:?}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn manifest_matches_model_and_code() {
    let manifest: toml::Value = toml::from_str(syntax::MANIFEST).unwrap();
    let model = &manifest["model"];
    // The feature extractor the model was trained with is the code compiled here.
    assert_eq!(
        model["feature_hash"].as_str().unwrap(),
        tempograph_syntax::feature_hash(),
        "the syntax model was trained with other feature code: retrain it (docs/SYNTAX.md)"
    );
    assert_eq!(
        model["format"].as_integer().unwrap() as u32,
        tempograph_syntax::model::FORMAT
    );
    let bytes = model_bytes();
    assert_eq!(model["bytes"].as_integer().unwrap() as usize, bytes.len());
    use sha2::Digest;
    let sha: String = sha2::Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(model["sha256"].as_str().unwrap(), sha);
    assert!(bytes.len() <= 30 * 1024 * 1024, "model over 30 MB");
    let m = syntax::model().unwrap();
    assert_eq!(m.treebank, model["treebank"].as_str().unwrap());
    // Every corpus is recorded with its hash, and the dev scores are there.
    for c in manifest["corpus"].as_array().unwrap() {
        assert_eq!(c["sha256"].as_str().unwrap().len(), 64);
    }
    assert!(manifest["dev_scores"]["las"].as_float().unwrap() > 0.0);
}

#[test]
fn a_corrupt_model_is_an_error_not_a_panic() {
    let bytes = model_bytes();
    assert!(
        tempograph_syntax::Model::from_bytes(&bytes).is_ok(),
        "the model itself reads"
    );
    for cut in [0, 7, 12, 19, 20, 100, 5000, bytes.len() / 2, bytes.len() - 1] {
        assert!(
            tempograph_syntax::Model::from_bytes(&bytes[..cut]).is_err(),
            "cut at {cut}"
        );
    }
    // (what is changed, the change, what the error says)
    type Change = fn(&mut Vec<u8>);
    let cases: [(&str, Change, &str); 8] = [
        ("magic", |b| b[0] = b'X', "bad magic"),
        (
            "format 2, the old layout",
            |b| b[8] = 2,
            "format 2, this build reads 3 (convert it",
        ),
        ("an unknown format", |b| b[8] = 9, "format 9, this build reads 3"),
        (
            "the body's length, one less",
            |b| b[12] ^= 1,
            "unpacks to more than the",
        ),
        ("the body's length, 256 more", |b| b[13] ^= 1, "its header says"),
        ("a byte of the packed body", |b| b[1000] ^= 0x10, "model corrupt"),
        (
            "a byte near its end",
            |b| {
                let i = b.len() - 100;
                b[i] ^= 0x01
            },
            "model corrupt",
        ),
        (
            "the checksum",
            |b| {
                let i = b.len() - 1;
                b[i] ^= 0x01
            },
            "does not unpack",
        ),
    ];
    for (what, change, says) in cases {
        let mut bad = bytes.clone();
        change(&mut bad);
        match tempograph_syntax::Model::from_bytes(&bad) {
            Ok(_) => panic!("{what}: read"),
            Err(e) => assert!(e.contains(says), "{what}: {e}"),
        }
    }
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tempograph"))
}

#[test]
fn parse_cli_raw_text_and_pretokenized() {
    let dir = tempfile::tempdir().unwrap();
    let raw = dir.path().join("a.txt");
    std::fs::write(&raw, "Sony canceled the release.\n\nThe hackers don't stop.").unwrap();
    let out = bin().args(["parse", "--format", "conllu"]).arg(&raw).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let conll = String::from_utf8(out.stdout).unwrap();
    assert!(conll.contains("# text = Sony canceled the release."), "{conll}");
    assert!(conll.contains("TokenRange=0:4"), "{conll}");
    assert!(conll.contains("\tdon't\t_\t_\t_\t_\t_\t_\t_\tTokenRange="), "{conll}");
    // The output reads back as CoNLL-U and parses again with --pretokenized, same trees.
    let again = dir.path().join("a.conllu");
    std::fs::write(&again, &conll).unwrap();
    let out2 = bin().args(["parse", "--pretokenized"]).arg(&again).output().unwrap();
    assert!(out2.status.success(), "{}", String::from_utf8_lossy(&out2.stderr));
    let heads = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty() && !l.split('\t').next().unwrap().contains('-'))
            .map(|l| l.split('\t').take(8).collect::<Vec<_>>().join("\t"))
            .collect()
    };
    assert_eq!(heads(&conll), heads(&String::from_utf8(out2.stdout).unwrap()));
    // JSON Lines: one object per sentence.
    let out3 = bin().args(["parse", "--format", "jsonl"]).arg(&raw).output().unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(out3.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["words"][0]["form"], "The");
    assert_eq!(lines[1]["start"], 28);
}

#[test]
fn parse_cli_rejects_malformed_conllu_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "nine.conllu",
            "1\tSony\t_\t_\t_\t_\t0\troot\t_\t_\n2\tsaid\t_\t_\t_\t_\t1\tdep\t_\n\n",
            ":2:",
            "expected 10 tab-separated columns, found 9",
        ),
        (
            "cycle.conllu",
            "# text = a b\n1\ta\t_\t_\t_\t_\t2\tdep\t_\t_\n2\tb\t_\t_\t_\t_\t1\tdep\t_\t_\n\n",
            ":1:",
            "cycle",
        ),
        (
            "ids.conllu",
            "1\ta\t_\t_\t_\t_\t_\t_\t_\t_\n3\tb\t_\t_\t_\t_\t_\t_\t_\t_\n\n",
            ":2:",
            "expected word id 2, found 3",
        ),
        (
            "head.conllu",
            "1\ta\t_\t_\t_\t_\tx\t_\t_\t_\n\n",
            ":1:",
            "expected a HEAD number or _",
        ),
    ];
    for (name, text, at, msg) in cases {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        let out = bin().args(["parse", "--pretokenized"]).arg(&p).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert!(
            err.contains(&format!("{name}{at}")) && err.contains(msg),
            "{name}: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
}
