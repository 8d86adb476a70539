//! Labels cannot steer a diagram: every label of a hostile corpus
//! (`tests/data/hostile/mermaid-labels.json`: every Mermaid keyword and directive,
//! `%%{init}%%`, `:::`, `click`, `call`, `href`, HTML, quotes, semicolons, newlines, front
//! matter) goes through each Mermaid renderer and comes out as one inert text.
//!
//! Without tools: structural checks on the rendered text. With the real Mermaid parser
//! (`TEMPOGRAPH_DIAGRAM_TOOLS`, see `tests/renderers_real.rs`; required under `CI=true`):
//! `tools/diagram-renderers/inspect-mermaid.mjs` reports what the parser made of each
//! diagram, and every label must be there, whole, as text, with no link, no callback and no
//! configuration change. See: #18 (row 7).

mod skip;

use std::path::{Path, PathBuf};
use std::process::Command;
use tempograph::render::{self, Format};
use tempograph::timeline::Timeline;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn labels() -> Vec<String> {
    let text = std::fs::read_to_string(root().join("tests/data/hostile/mermaid-labels.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Every event drawn (`--view all`): the labels, not the key-events view, are under test.
fn draw(t: &Timeline, f: Format) -> tempograph::Result<String> {
    let all = render::Options {
        view: render::View::All,
        ..Default::default()
    };
    render::render_with(t, f, &all)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A hand-written timeline with one event per label (on consecutive days), the first label
/// as its title too, and a relation between each pair of neighbours.
fn timeline(labels: &[String]) -> Timeline {
    let mut y = String::from("schema: tempograph/1\n");
    y.push_str(&format!("title: {}\n", serde_json::to_string(&labels[0]).unwrap()));
    y.push_str("events:\n");
    let day0 = chrono::NaiveDate::from_ymd_opt(2014, 12, 1).unwrap();
    for (i, l) in labels.iter().enumerate() {
        let d = day0 + chrono::Days::new(i as u64);
        y.push_str(&format!(
            "  - id: e{i}\n    label: {}\n    date: {d}\n",
            serde_json::to_string(l).unwrap()
        ));
        if i + 1 < labels.len() {
            y.push_str(&format!("    before: [e{}]\n", i + 1));
        }
    }
    Timeline::from_yaml(&y, Path::new("labels.yaml")).unwrap()
}

/// `#NN;` entity codes back to characters (what Mermaid does when it draws), and Mermaid's
/// own placeholder for them after parsing (`ﬂ°°NN¶ß`).
fn decode(s: &str) -> String {
    let s = s.replace("ﬂ°°", "#").replace("¶ß", ";");
    let mut out = String::new();
    let mut rest = s.as_str();
    while let Some(i) = rest.find('#') {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 1..];
        let digits: String = tail.chars().take_while(char::is_ascii_digit).collect();
        match (digits.is_empty(), tail[digits.len()..].starts_with(';')) {
            (false, true) => {
                out.push(char::from_u32(digits.parse().unwrap()).unwrap());
                rest = &tail[digits.len() + 1..];
            }
            _ => {
                out.push('#');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn labels_are_single_inert_lines_in_every_flavour() {
    let labels = labels();
    let t = timeline(&labels);
    let gantt = draw(&t, Format::MermaidGantt).unwrap();
    let tl = draw(&t, Format::Mermaid).unwrap();
    let flow = draw(&t, Format::MermaidFlowchart).unwrap();
    // One task / event / node line per label, whatever the label holds.
    assert_eq!(
        gantt.lines().filter(|l| l.contains(":milestone, e")).count(),
        labels.len()
    );
    assert_eq!(tl.lines().filter(|l| l.contains(" : ")).count(), labels.len());
    assert_eq!(
        flow.lines()
            .filter(|l| l.trim_start().starts_with('e') && l.contains("[\""))
            .count(),
        labels.len()
    );
    for text in [&gantt, &tl] {
        // `:::` (a class shorthand) cannot be written: `:` is encoded in these labels (in
        // flowchart labels it is quoted text).
        assert!(!text.contains(":::"), "a class shorthand got through:\n{text}");
    }
    for text in [&gantt, &tl, &flow] {
        assert!(!text.contains("%%{"), "a directive got through:\n{text}");
        assert!(!text.contains('<') || text.contains("<br/>"), "raw HTML got through");
        for line in text.lines() {
            let lower = line.trim_start().to_ascii_lowercase();
            for k in ["click ", "call ", "href "] {
                assert!(!lower.starts_with(k), "statement `{k}` from a label: {line}");
            }
        }
    }
    // Each label, decoded, is in the output whole.
    for l in &labels {
        let want = one_line(l);
        assert!(decode(&gantt).contains(&want), "gantt lost {want:?}");
        assert!(decode(&tl).contains(&want), "timeline lost {want:?}");
    }
}

/// The tools folder, or `None` (skip) locally; panics under CI.
fn tools(test: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("TEMPOGRAPH_DIAGRAM_TOOLS").map(PathBuf::from);
    match dir {
        Some(d) if d.join("node_modules/mermaid").is_dir() => Some(d),
        _ => {
            let msg = "the Mermaid parser is missing: run `bash tools/diagram-renderers/install.sh` and \
                       `export TEMPOGRAPH_DIAGRAM_TOOLS=$PWD/tools/diagram-renderers`";
            // `skipped: …` shows without --nocapture; under CI=true this panics instead.
            skip::skip(test, msg);
            None
        }
    }
}

#[test]
fn the_real_mermaid_parser_sees_each_label_as_text() {
    let Some(tools) = tools("the_real_mermaid_parser_sees_each_label_as_text") else {
        return;
    };
    let labels = labels();
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    // The whole corpus in one diagram, and each label alone (so that one label cannot hide
    // behind another's effect).
    // Set 0 is harmless: what parsing alone does to the configuration.
    let mut sets: Vec<Vec<String>> = vec![vec!["plain words".to_string()], labels.clone()];
    sets.extend(labels.iter().map(|l| vec![l.clone()]));
    for (k, set) in sets.iter().enumerate() {
        let t = timeline(set);
        for (fmt, name) in [
            (Format::Mermaid, "timeline"),
            (Format::MermaidGantt, "gantt"),
            (Format::MermaidFlowchart, "flowchart"),
        ] {
            let f = dir.path().join(format!("{k}.{name}.mmd"));
            std::fs::write(&f, draw(&t, fmt).unwrap()).unwrap();
            files.push((f, name, k));
        }
    }
    let out = Command::new("node")
        .arg(tools.join("inspect-mermaid.mjs"))
        .args(files.iter().map(|(f, _, _)| f))
        .output()
        .expect("node");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let reports: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(reports.len(), files.len());
    let mut failures = Vec::new();
    let baseline = |name: &str| {
        files
            .iter()
            .zip(&reports)
            .find(|((_, n, k), _)| *k == 0 && *n == name)
            .map(|(_, r)| r["config"].clone())
            .unwrap()
    };
    for ((file, name, k), r) in files.iter().zip(&reports) {
        let set = &sets[*k];
        let what = format!(
            "{name} of {:?}",
            if *k == 1 { "the whole corpus" } else { set[0].as_str() }
        );
        if r["ok"] != true {
            failures.push(format!("{what}: rejected by the parser: {}", r["error"]));
            continue;
        }
        for key in ["links", "callbacks"] {
            if r[key] != 0 {
                failures.push(format!("{what}: {key} = {}", r[key]));
            }
        }
        if r["config"] != baseline(name) {
            failures.push(format!("{what}: configuration changed: {}", r["config_changed"]));
        }
        let texts: Vec<String> = r["texts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| decode(t.as_str().unwrap_or("")))
            .collect();
        if texts.len() != set.len() {
            failures.push(format!(
                "{what}: {} texts for {} labels: {texts:?}",
                texts.len(),
                set.len()
            ));
            continue;
        }
        for (i, l) in set.iter().enumerate() {
            let want = one_line(l);
            let ok = match *name {
                "gantt" => texts[i].starts_with(&format!("{want} (")),
                "timeline" => texts[i].trim() == want,
                _ => texts
                    .iter()
                    .any(|t| t.starts_with(&format!("{want}<br/>")) || t.starts_with(&format!("{want}<br>"))),
            };
            if !ok {
                failures.push(format!(
                    "{what}: label {want:?} came out as {:?} ({})",
                    texts[i],
                    file.display()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
