//! The link stage's stored models (`models/en/link/<name>/`): each manifest describes the
//! table embedded in the binary, and was made with the feature code compiled here. A change to
//! the feature code fails here until the models are retrained
//! (`cargo run --release -p tempograph-train -- models`, docs/RELATIONS.md).

use sha2::Digest;
use tempograph_link::choose::NONE;
use tempograph_link::model::{Model, LABELS};
use tempograph_link::store::{self, Stored};

fn manifest(m: &Stored) -> toml::Value {
    toml::from_str(m.manifest).unwrap_or_else(|e| panic!("models/en/link/{}/manifest.toml: {e}", m.name))
}

/// The labels the code reads a stored model's columns as.
fn labels(m: &Stored) -> Vec<&'static str> {
    let mut v: Vec<&str> = LABELS.iter().map(|r| r.as_str()).collect();
    if m.name == "choose" {
        assert_eq!(v.len(), NONE, "the chooser's NONE column follows the relations");
        v.push("NONE");
    }
    v
}

fn rows(m: &Stored) -> usize {
    match m.name {
        "timebank" => Model::TimeBank.table().len(),
        "aquaint" => Model::Aquaint.table().len(),
        "choose" => store::chooser_table().len(),
        other => panic!("no table for {other}"),
    }
}

#[test]
fn manifests_describe_the_embedded_tables() {
    let mut failures = Vec::new();
    for m in store::ALL {
        let man = manifest(m);
        let model = &man["model"];
        let mut check = |what: &str, ok: bool, detail: String| {
            if !ok {
                failures.push(format!("{}: {what}: {detail}", m.name));
            }
        };
        check(
            "name",
            model["name"].as_str() == Some(m.name),
            format!("{:?}", model["name"]),
        );
        let bytes = m.weights.as_bytes();
        check(
            "bytes",
            model["bytes"].as_integer() == Some(bytes.len() as i64),
            format!("{:?} vs {}", model["bytes"], bytes.len()),
        );
        let sha: String = sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
        check("sha256", model["sha256"].as_str() == Some(sha.as_str()), sha.clone());
        check(
            "rows",
            model["rows"].as_integer() == Some(rows(m) as i64),
            format!("{:?} vs {}", model["rows"], rows(m)),
        );
        check(
            "scale",
            model["scale"].as_integer() == Some(1000),
            format!("{:?}", model["scale"]),
        );
        let names: Vec<&str> = model["labels"]
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
            .unwrap_or_default();
        let want = labels(m);
        check("label order", names == want, format!("{names:?} vs {want:?}"));
        let training = &man["training"];
        check(
            "code_revision",
            training["code_revision"].as_str().is_some_and(|r| r.len() >= 40),
            format!("{:?}", training["code_revision"]),
        );
        check(
            "held_out",
            man.get("held_out").and_then(|h| h.get("measured")).is_some(),
            "no [held_out] section".into(),
        );
        let corpus = man["corpus"].as_array().cloned().unwrap_or_default();
        check(
            "corpus",
            training["documents"].as_integer() == Some(corpus.len() as i64),
            format!("{} files listed, {:?} documents", corpus.len(), training["documents"]),
        );
        let mut seen = std::collections::BTreeSet::new();
        for c in &corpus {
            let file = c["file"].as_str().unwrap_or_default();
            let sha = c["sha256"].as_str().unwrap_or_default();
            if !seen.insert(file.to_string()) || sha.len() != 64 || !sha.bytes().all(|b| b.is_ascii_hexdigit()) {
                failures.push(format!("{}: corpus entry {file:?} sha256 {sha:?}", m.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn manifests_match_the_feature_code() {
    let stale: Vec<String> = store::ALL
        .iter()
        .filter_map(|m| {
            let recorded = manifest(m)["model"]["feature_hash"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            let now = store::feature_hash(m);
            (recorded != now).then(|| {
                format!(
                    "models/en/link/{}: trained with feature code {recorded}, the code here is {now} ({})",
                    m.name,
                    store::feature_files(m).join(", ")
                )
            })
        })
        .collect();
    assert!(
        stale.is_empty(),
        "the link models were trained with other feature code: retrain them \
         (cargo run --release -p tempograph-train -- models; docs/RELATIONS.md)\n{}",
        stale.join("\n")
    );
}
