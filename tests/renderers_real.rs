//! Every diagram of every checked-in timeline through the real renderers: Graphviz `dot`
//! and the Mermaid parser (`tools/diagram-renderers/validate-mermaid.mjs`), and the example
//! timelines drawn to SVG and PNG by `dot` and mermaid-cli.
//!
//! The tools are found through `TEMPOGRAPH_DIAGRAM_TOOLS` (the folder that
//! `tools/diagram-renderers/install.sh` fills; `.ci/run` sets it) and `dot` on `PATH`.
//! Locally a missing tool skips these tests with a `skipped: …` line that shows without
//! `--nocapture` (see `tests/skip/mod.rs`); under `CI=true` it fails them.

mod skip;

use std::path::{Path, PathBuf};
use std::process::Command;
use tempograph::render::{self, Engine, Format, Options};
use tempograph::timeline::Timeline;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The tools folder, or `None` (skip) locally; panics under CI.
fn tools(test: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("TEMPOGRAPH_DIAGRAM_TOOLS").map(PathBuf::from);
    let problem = match &dir {
        None => "TEMPOGRAPH_DIAGRAM_TOOLS is not set".to_string(),
        Some(d) if !d.join("node_modules/mermaid").is_dir() => {
            format!("{} has no node_modules/mermaid (run install.sh)", d.display())
        }
        Some(_) if !has_dot() => "Graphviz `dot` is not on PATH".to_string(),
        Some(d) => return Some(d.clone()),
    };
    let msg = format!(
        "diagram renderers missing: {problem}; run `bash tools/diagram-renderers/install.sh` and \
         `export TEMPOGRAPH_DIAGRAM_TOOLS=$PWD/tools/diagram-renderers`"
    );
    // `skipped: …` shows without --nocapture; under CI=true this panics instead.
    skip::skip(test, &msg);
    None
}

fn has_dot() -> bool {
    Command::new("dot").arg("-V").output().is_ok_and(|o| o.status.success())
}

/// Every checked-in timeline that parses: `timelines/*.yaml`, the fixtures and the planted
/// defects (renderers must draw inconsistent timelines too).
fn timelines() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["timelines", "tests/data/timelines", "tests/data/timelines/defects"] {
        let Ok(rd) = std::fs::read_dir(root().join(dir)) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "yaml") && Timeline::from_path(&p).is_ok() {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn stem(p: &Path) -> String {
    p.file_stem().unwrap().to_string_lossy().into_owned()
}

#[test]
fn every_dot_rendering_is_accepted_by_graphviz() {
    let Some(_) = tools("every_dot_rendering_is_accepted_by_graphviz") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    let mut n = 0;
    for t in timelines() {
        let timeline = Timeline::from_path(&t).unwrap();
        for clusters in [false, true] {
            let dot = render::render_with(
                &timeline,
                Format::Dot,
                &Options {
                    clusters,
                    ..Default::default()
                },
            )
            .unwrap();
            let file = dir.path().join(format!("{}-{clusters}.dot", stem(&t)));
            std::fs::write(&file, &dot).unwrap();
            let out = Command::new("dot").arg("-Tcanon").arg(&file).output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            // Exit 0, a graph on stdout, and not a single warning.
            if !out.status.success() || out.stdout.is_empty() || !err.trim().is_empty() {
                failures.push(format!("{} (clusters: {clusters}): {err}", t.display()));
            }
            n += 1;
        }
    }
    assert!(n >= 8, "only {n} DOT files");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_mermaid_rendering_is_accepted_by_the_mermaid_parser() {
    let Some(tools) = tools("every_mermaid_rendering_is_accepted_by_the_mermaid_parser") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for t in timelines() {
        let timeline = Timeline::from_path(&t).unwrap();
        for (fmt, kind) in [
            (Format::Mermaid, "timeline"),
            (Format::MermaidGantt, "gantt"),
            (Format::MermaidFlowchart, "flowchart-v2"),
        ] {
            let text = render::render(&timeline, fmt).unwrap();
            let file = dir.path().join(format!("{}.{}.mmd", stem(&t), fmt.as_str()));
            std::fs::write(&file, text).unwrap();
            files.push((file, kind));
        }
    }
    // One node process for all files (the parser takes about 2 s to start).
    let out = Command::new("node")
        .arg(tools.join("validate-mermaid.mjs"))
        .args(files.iter().map(|(f, _)| f))
        .output()
        .expect("node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "mermaid parser rejected some files:\n{stderr}");
    for (f, kind) in &files {
        let want = format!("{}: ok ({kind})", f.display());
        assert!(stdout.contains(&want), "missing `{want}` in:\n{stdout}");
    }
    assert!(files.len() >= 12);
}

fn svg_text(svg: &str) -> String {
    // Labels may be split across <tspan>s and entities; compare on the bare text.
    let mut text = String::new();
    let mut in_tag = false;
    for c in svg.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    decode_entities(&text).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';').filter(|&e| e <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..end];
        let c = match name {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            n if n.starts_with("#x") => u32::from_str_radix(&n[2..], 16).ok().and_then(char::from_u32),
            n if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
    (w, h)
}

/// The example timelines as pictures: every `timelines/*.yaml` (the Sony timeline) and the
/// generated-form fixture, by Graphviz and by mermaid-cli.
#[test]
fn example_timelines_render_to_svg_and_png() {
    let Some(tools) = tools("example_timelines_render_to_svg_and_png") else {
        return;
    };
    std::env::set_var("TEMPOGRAPH_DIAGRAM_TOOLS", &tools);
    let mut files: Vec<PathBuf> = timelines()
        .into_iter()
        .filter(|p| p.starts_with(root().join("timelines")))
        .collect();
    files.push(root().join("tests/data/timelines/generated-form.yaml"));
    for f in files {
        let t = Timeline::from_path(&f).unwrap();
        let svg = render::render_image(&t, Format::Svg, Engine::Dot, &Options::default()).unwrap();
        let svg = String::from_utf8(svg).unwrap();
        assert!(svg.contains("<svg"), "{}", f.display());
        let text = svg_text(&svg);
        // The default view draws the listed events (an `unlisted` one is shown with `--all`).
        for e in t.events.iter().filter(|e| e.unlisted.is_none()) {
            // Every event's first words are drawn (labels are wrapped at word boundaries).
            let first: String = e.label.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
            assert!(text.contains(&first), "{}: `{first}` not in the SVG", f.display());
        }
        let png = render::render_image(
            &t,
            Format::Png,
            Engine::Dot,
            &Options {
                clusters: true,
                ..Default::default()
            },
        )
        .unwrap();
        let (w, h) = png_size(&png);
        assert!(w > 200 && h > 100, "{}: {w}x{h}", f.display());

        // mermaid-cli draws the gantt chart (one browser start per call, about 3 s).
        let svg = render::render_image(&t, Format::Svg, Engine::MermaidGantt, &Options::default()).unwrap();
        let text = svg_text(&String::from_utf8(svg).unwrap());
        // Every listed dated event is drawn, except those the chart says it leaves out as
        // far from the bulk of the dates (`%% N event(s) dated outside ... not shown`).
        let source = render::render(&t, render::Format::MermaidGantt).unwrap();
        let outside: usize = source
            .lines()
            .find_map(|l| l.trim().strip_prefix("%% ")?.split_once(" event(s) dated outside"))
            .and_then(|(n, _)| n.parse().ok())
            .unwrap_or(0);
        let missing: Vec<String> = t
            .events
            .iter()
            .filter(|e| e.date.is_some() && e.unlisted.is_none())
            .map(|e| e.label.split_whitespace().take(2).collect::<Vec<_>>().join(" "))
            .filter(|first| !text.contains(first))
            .collect();
        assert_eq!(
            missing.len(),
            outside,
            "{}: not in the gantt SVG: {missing:?}",
            f.display()
        );
        let png = render::render_image(&t, Format::Png, Engine::MermaidTimeline, &Options::default()).unwrap();
        let (w, h) = png_size(&png);
        assert!(w > 400 && h > 200, "{}: {w}x{h}", f.display());
    }
}

/// Escaped labels come out of the real renderers as the original text.
#[test]
fn escaped_labels_survive_rendering() {
    let Some(tools) = tools("escaped_labels_survive_rendering") else {
        return;
    };
    std::env::set_var("TEMPOGRAPH_DIAGRAM_TOOLS", &tools);
    let t = Timeline::from_path(root().join("tests/data/timelines/escaping.yaml")).unwrap();
    let dot_svg =
        String::from_utf8(render::render_image(&t, Format::Svg, Engine::Dot, &Options::default()).unwrap()).unwrap();
    let dot_text = svg_text(&dot_svg);
    for s in [
        "Deploy 10:30 : then \"quote\"",
        "<script>alert(1)</script> &",
        "a[b] c(d) e{f} g|h `tick`",
    ] {
        assert!(dot_text.contains(s), "dot SVG lacks {s:?}: {dot_text}");
    }
    let gantt = render::render_image(&t, Format::Svg, Engine::MermaidGantt, &Options::default()).unwrap();
    let gantt_text = svg_text(&String::from_utf8(gantt).unwrap());
    for s in [
        "Deploy 10:30 : then \"quote\" and #35; entity-looking text (2014-12-01)",
        "section title dateFormat (2014-12-01)",
        "title (2014-12 (approx))",
    ] {
        assert!(gantt_text.contains(s), "gantt SVG lacks {s:?}: {gantt_text}");
    }
}

/// One-sided dates come out of the real renderers with their bound: `≤`/`≥` in the gantt
/// chart (mermaid-cli), `by`/`from` in the Mermaid timeline and in Graphviz.
#[test]
fn one_sided_dates_survive_rendering() {
    let Some(tools) = tools("one_sided_dates_survive_rendering") else {
        return;
    };
    std::env::set_var("TEMPOGRAPH_DIAGRAM_TOOLS", &tools);
    let t = Timeline::from_path(root().join("tests/data/timelines/one-sided.yaml")).unwrap();
    let dot = svg_text(
        &String::from_utf8(render::render_image(&t, Format::Svg, Engine::Dot, &Options::default()).unwrap()).unwrap(),
    );
    for s in [
        "Christmas release by 2014-12-18",
        "on the hackers from 2014-12-17",
        "attack from 2014-12-18",
    ] {
        assert!(dot.contains(s), "dot SVG lacks {s:?}: {dot}");
    }
    let gantt = svg_text(
        &String::from_utf8(render::render_image(&t, Format::Svg, Engine::MermaidGantt, &Options::default()).unwrap())
            .unwrap(),
    );
    for s in [
        "Sony Pictures scraps the Christmas release (≤ 2014-12-18)",
        "The FBI will have more information on the hackers (≥ 2014-12-17)",
        "The U.S. responds to the attack (≥ 2014-12-18)",
    ] {
        assert!(gantt.contains(s), "gantt SVG lacks {s:?}: {gantt}");
    }
    let timeline = svg_text(
        &String::from_utf8(
            render::render_image(&t, Format::Svg, Engine::MermaidTimeline, &Options::default()).unwrap(),
        )
        .unwrap(),
    );
    for s in ["by 2014-12-18", "from 2014-12-17", "from 2014-12-18"] {
        assert!(timeline.contains(s), "timeline SVG lacks {s:?}: {timeline}");
    }
}
