//! `render --format html` in a real browser: headless Chromium loads the page made from the
//! Sony timeline and from a generated 100-event timeline, and the test checks the DOM the
//! page's script leaves (every event present once, in display order, placed left to right
//! by date, none hidden) and that the browser logged nothing (no script error, no blocked
//! request: the page's Content-Security-Policy forbids any network access, and a violation
//! is logged). A screenshot of each is saved under `target/html-screenshots/`;
//! `TEMPOGRAPH_BLESS=1` also copies the Sony one to `docs/img/sony-hack-2014.html.png`,
//! which docs/USER_GUIDE.md shows.
//!
//! Chromium is `$TEMPOGRAPH_CHROMIUM`, else `chromium` (Debian's, which
//! `tools/diagram-renderers/install.sh` installs), `chromium-browser` or `google-chrome` on
//! PATH. Without one the browser tests print `skipped: …`; under `CI=true` they fail.

mod skip;

use std::path::{Path, PathBuf};
use std::process::Command;
use tempograph::render::{self, Format, Options, View};
use tempograph::timeline::Timeline;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("TEMPOGRAPH_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// Chromium, or `None` after reporting the skip (a failure under CI).
fn browser(test: &str) -> Option<PathBuf> {
    let found = chromium();
    if found.is_none() {
        skip::skip(
            test,
            "no Chromium (set TEMPOGRAPH_CHROMIUM, or run `bash tools/diagram-renderers/install.sh`)",
        );
    }
    found
}

/// Run headless Chromium on `page` with `extra` arguments; returns (stdout, stderr).
fn run_chromium(chrome: &Path, page: &Path, extra: &[&str]) -> (String, String) {
    run_chromium_url(chrome, &format!("file://{}", page.display()), extra)
}

/// [`run_chromium`] on a URL (a page with a `#fragment`).
fn run_chromium_url(chrome: &Path, url: &str, extra: &[&str]) -> (String, String) {
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(chrome)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1400,900",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(url)
        .output()
        .expect("run chromium");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "chromium failed on {url}: {stderr}");
    (stdout, stderr)
}

/// The `<li class="tg-event ...">` start tags of a DOM dump, in order: (data-id, hidden,
/// left in px).
fn cards(dom: &str) -> Vec<(String, bool, Option<i64>)> {
    let mut out = Vec::new();
    let mut rest = dom;
    while let Some(k) = rest.find("<li class=\"tg-event") {
        let tag_end = rest[k..].find('>').unwrap() + k;
        let tag = &rest[k..tag_end];
        let attr = |name: &str| {
            let key = format!(" {name}=\"");
            tag.find(&key).map(|i| {
                let v = &tag[i + key.len()..];
                v[..v.find('"').unwrap()].to_string()
            })
        };
        let id = attr("data-id").expect("data-id");
        let hidden = tag.contains(" hidden");
        let left = attr("style").and_then(|s| {
            let i = s.find("left: ")?;
            let v = &s[i + 6..];
            v[..v.find("px")?].parse().ok()
        });
        out.push((unescape(&id), hidden, left));
        rest = &rest[tag_end..];
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The ids the page must show, in display order.
fn expected_ids(t: &Timeline, v: View) -> Vec<String> {
    let shown = render::view(t, v);
    render::display_order(&shown)
        .into_iter()
        .map(|i| shown.events[i].id.clone())
        .collect()
}

/// Write the page with the CLI, load it in Chromium, check the DOM and the log, take a
/// screenshot; returns the screenshot's path.
fn check_in_browser(chrome: &Path, timeline: &Path, view: &str, name: &str) -> PathBuf {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join(format!("{name}.html"));
    let out = Command::new(env!("CARGO_BIN_EXE_tempograph"))
        .args(["render", "--format", "html", "--view", view, "-o"])
        .arg(&page)
        .arg(timeline)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let t = Timeline::from_path(timeline).unwrap();
    let want = expected_ids(&t, view.parse().unwrap());

    let (dom, log) = run_chromium(chrome, &page, &["--dump-dom"]);
    let console: Vec<&str> = log.lines().filter(|l| l.contains("CONSOLE")).collect();
    assert!(
        console.is_empty(),
        "{name}: the browser logged:\n{}",
        console.join("\n")
    );
    assert!(
        dom.contains(&format!("data-ready=\"{}\"", want.len())),
        "{name}: the page's script did not finish (no data-ready=\"{}\" on <body>)",
        want.len()
    );
    let got = cards(&dom);
    let ids: Vec<&str> = got.iter().map(|(id, _, _)| id.as_str()).collect();
    assert_eq!(ids, want, "{name}: events missing or out of display order");
    let hidden: Vec<&str> = got.iter().filter(|c| c.1).map(|c| c.0.as_str()).collect();
    let unlisted: Vec<&str> = t
        .events
        .iter()
        .filter(|e| e.unlisted.is_some())
        .map(|e| e.id.as_str())
        .collect();
    assert!(
        hidden.iter().all(|h| unlisted.contains(h)),
        "{name}: listed events hidden on load: {hidden:?}"
    );
    // Every card is placed; dated cards left to right in display order.
    assert!(
        got.iter().all(|c| c.1 || c.2.is_some()),
        "{name}: a card was not placed: {got:?}"
    );
    let dated: Vec<i64> = got
        .iter()
        .filter(|(id, hidden, _)| !hidden && t.event(id).is_some_and(|e| render::placed_date(e).is_some()))
        .map(|c| c.2.unwrap())
        .collect();
    assert!(
        dated.windows(2).all(|w| w[0] <= w[1]),
        "{name}: dated cards not left to right: {dated:?}"
    );

    let shots = root().join("target/html-screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let shot = shots.join(format!("{name}.png"));
    let _ = std::fs::remove_file(&shot);
    run_chromium(chrome, &page, &[&format!("--screenshot={}", shot.display())]);
    let size = std::fs::metadata(&shot).map(|m| m.len()).unwrap_or(0);
    assert!(size > 20_000, "{name}: screenshot missing or blank ({size} bytes)");
    shot
}

#[test]
fn sony_page_in_chromium() {
    let Some(chrome) = browser("sony_page_in_chromium") else {
        return;
    };
    let shot = check_in_browser(
        &chrome,
        &root().join("timelines/sony-hack-2014.yaml"),
        "auto",
        "sony-hack-2014",
    );
    if std::env::var_os("TEMPOGRAPH_BLESS").is_some() {
        std::fs::copy(&shot, root().join("docs/img/sony-hack-2014.html.png")).unwrap();
    }
}

/// 100 events over a year in three stories: exact days, ranges, one-sided dates, undated
/// events, unlisted ones, a recorded conflict, and labels that need escaping.
fn hundred_events() -> String {
    use std::fmt::Write;
    let mut y = String::from(
        "schema: tempograph/1\ntitle: A hundred events <&> \"quoted\"\ndocuments:\n\
         - id: a-story\n  title: First story\n  published: 2020-12-31\n\
         - id: b-story\n  title: Second story\n  published: 2020-12-31\n\
         - id: c-story\n  title: Third </script> story\n  published: 2020-12-31\nevents:\n",
    );
    let base = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    for i in 0..100 {
        let _ = writeln!(y, "- id: e{i:03}");
        let label = match i % 10 {
            3 => format!("Event {i} with <b>markup</b> & </script>"),
            _ => format!("Event number {i} in the story"),
        };
        let _ = writeln!(y, "  label: {}", serde_json::to_string(&label).unwrap());
        let _ = writeln!(y, "  salience: {}", (i * 37) % 100);
        if i % 17 == 5 {
            y.push_str("  unlisted: negated\n");
        }
        let day = base + chrono::Days::new((i * i * 3 % 366) as u64);
        let d = day.format("%Y-%m-%d");
        match i % 7 {
            0 => {}
            1 => {
                let _ = writeln!(y, "  date:\n    latest: {d}");
            }
            2 => {
                let _ = writeln!(y, "  date:\n    earliest: {d}");
            }
            3 => {
                let to = (day + chrono::Days::new(20)).format("%Y-%m-%d");
                let _ = writeln!(
                    y,
                    "  date:\n    earliest: {d}\n    latest: {to}\n    derivation:\n      text: test range {i}"
                );
            }
            _ => {
                let _ = writeln!(y, "  date:\n    earliest: {d}\n    latest: {d}");
            }
        }
        let doc = ["a-story", "b-story", "c-story"][i % 3];
        let _ = writeln!(
            y,
            "  sources:\n  - document: {doc}\n    start: {}\n    end: {}\n    trigger: happened",
            i * 10,
            i * 10 + 8
        );
    }
    y.push_str(
        "relations:\n- from: e004\n  to: e005\n  type: BEFORE\n- from: e005\n  to: e004\n  type: BEFORE\n\
         conflicts:\n- cycle:\n  - from: e004\n    to: e005\n    constraint: e004 BEFORE e005\n  \
         - from: e005\n    to: e004\n    constraint: e005 BEFORE e004\n",
    );
    y
}

#[test]
fn hundred_event_page_in_chromium() {
    let Some(chrome) = browser("hundred_event_page_in_chromium") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hundred.yaml");
    std::fs::write(&path, hundred_events()).unwrap();
    let t = Timeline::from_path(&path).unwrap();
    assert_eq!(t.events.len(), 100);
    check_in_browser(&chrome, &path, "all", "hundred-events");
}

/// Without a browser: the page is one file that fetches nothing, holds every event of the
/// view with its label, date, sources and "because" line, escapes text, and marks conflicts.
#[test]
fn page_is_self_contained_and_complete() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hundred.yaml");
    std::fs::write(&path, hundred_events()).unwrap();
    let t = Timeline::from_path(&path).unwrap();
    let opts = Options {
        view: View::All,
        ..Options::default()
    };
    let html = render::render_with(&t, Format::Html, &opts).unwrap();
    for bad in ["<link", "src=", "@import", "url(", "http://", "https://"] {
        assert!(
            !html.contains(bad),
            "page refers outside itself or lacks its script: {bad}"
        );
    }
    assert_eq!(html.matches("</script>").count(), 1, "a label closed the script early");
    assert!(html.contains("Event 3 with &lt;b&gt;markup&lt;/b&gt; &amp; &lt;/script&gt;"));
    let ids: Vec<String> = cards(&html).into_iter().map(|c| c.0).collect();
    assert_eq!(ids, expected_ids(&t, View::All));
    assert!(html.contains("class=\"tg-event tg-conflict\" id=\"ev-e004\""));
    assert!(html.contains("<p class=\"tg-because\">because test range 3</p>"));
    assert!(html.contains("data-unlisted=\"negated\""));
    assert!(html.contains("@media print"));
    // Deterministic.
    assert_eq!(html, render::render_with(&t, Format::Html, &opts).unwrap());
    // The Sony page: every listed event, its sources and dates.
    let sony = Timeline::from_path(root().join("timelines/sony-hack-2014.yaml")).unwrap();
    let page = render::render(&sony, Format::Html).unwrap();
    for e in sony.events.iter().filter(|e| e.unlisted.is_none()) {
        assert!(page.contains(&format!("data-id=\"{}\"", e.id)), "{} missing", e.id);
    }
    assert!(page.contains("told by 004 “scrapped”") || page.contains("004 “scrapped”"));
}

/// The filters work in the browser, set from the address (`#salience=60&find=number`): the
/// cards left visible are exactly the listed events with salience 60 or more whose text
/// says "number", and the page counts them.
#[test]
fn filters_from_the_address_in_chromium() {
    let Some(chrome) = browser("filters_from_the_address_in_chromium") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hundred.yaml");
    std::fs::write(&path, hundred_events()).unwrap();
    let t = Timeline::from_path(&path).unwrap();
    let page = dir.path().join("hundred.html");
    let opts = Options {
        view: View::All,
        ..Options::default()
    };
    std::fs::write(&page, render::render_with(&t, Format::Html, &opts).unwrap()).unwrap();
    let url = format!("file://{}#salience=60&find=number&lanes=class", page.display());
    let (dom, log) = run_chromium_url(&chrome, &url, &["--dump-dom"]);
    assert!(!log.contains("CONSOLE"), "the browser logged: {log}");
    let want: Vec<&str> = t
        .events
        .iter()
        .filter(|e| e.unlisted.is_none() && e.salience.unwrap_or(0) >= 60 && e.label.contains("number"))
        .map(|e| e.id.as_str())
        .collect();
    let visible: Vec<String> = cards(&dom).into_iter().filter(|c| !c.1).map(|c| c.0).collect();
    let mut want_sorted: Vec<String> = want.iter().map(|s| s.to_string()).collect();
    let mut got_sorted = visible.clone();
    want_sorted.sort();
    got_sorted.sort();
    assert!(!want_sorted.is_empty() && want_sorted.len() < 100);
    assert_eq!(got_sorted, want_sorted, "visible cards");
    assert!(
        dom.contains(&format!("showing {} of 100 events", want.len())),
        "the count is wrong"
    );
    // `lanes=class`: the events have no class, so one lane named so, not one per story.
    assert!(
        dom.contains("<span class=\"tg-lane-name\" title=\"No class\">"),
        "lanes by class"
    );
    assert!(
        !dom.contains("<span class=\"tg-lane-name\" title=\"a · First story\">"),
        "lanes by story"
    );
}
