//! Views for large timelines (#20, part 9): unlisted events left out, the key-events view
//! past the threshold, DOT turned top to bottom past `MAX_COLUMNS` dates, the gantt axis
//! limited to the events' bulk, TimelineJS grouped by story, unambiguous document ids.

use tempograph::render::{self, Format, Options, View};
use tempograph::timeline::Timeline;

/// `n` events on consecutive days of 2014 (day `i` = event `e{i}`), the first `unlisted`
/// of them marked `negated`, event `i` told by `1 + i % 3` documents; plus `extra` YAML.
fn timeline(n: usize, unlisted: usize, extra: &str) -> Timeline {
    let mut y = String::from("title: big\ndocuments:\n");
    for d in ["1664-Apple_CEO", "1664-Apple_WWDC", "2000_other"] {
        y.push_str(&format!("- {{id: {d}, title: Story {d}, published: 2015-01-01}}\n"));
    }
    y.push_str("events:\n");
    let day0 = chrono::NaiveDate::from_ymd_opt(2014, 1, 1).unwrap();
    for i in 0..n {
        let d = day0 + chrono::Days::new(i as u64);
        y.push_str(&format!("- id: e{i}\n  label: Event number {i}\n  date: {d}\n"));
        if i < unlisted {
            y.push_str("  unlisted: negated\n");
        }
        y.push_str("  sources:\n");
        for doc in ["1664-Apple_CEO", "1664-Apple_WWDC", "2000_other"]
            .iter()
            .take(1 + i % 3)
        {
            y.push_str(&format!("  - {{document: {doc}, start: 0, end: 1, trigger: x}}\n"));
        }
    }
    y.push_str(extra);
    Timeline::from_yaml(&y, "big.yaml").unwrap()
}

#[test]
fn unlisted_events_are_left_out_by_default_and_shown_by_all() {
    let t = timeline(10, 3, "");
    assert_eq!(render::view(&t, View::Auto).events.len(), 7);
    assert_eq!(render::view(&t, View::Listed).events.len(), 7);
    assert_eq!(render::view(&t, View::All).events.len(), 10);
    let dot = render::render_with(&t, Format::Dot, &Options::default()).unwrap();
    assert!(
        !dot.contains("Event number 0") && dot.contains("Event number 3"),
        "{dot}"
    );
    assert!(dot.contains("listed events, 7 of 10"), "{dot}");
    let all = Options {
        view: View::All,
        ..Default::default()
    };
    assert!(render::render_with(&t, Format::Dot, &all)
        .unwrap()
        .contains("Event number 0"));
    // The model formats keep every event.
    assert!(render::render_with(&t, Format::Json, &Options::default())
        .unwrap()
        .contains("Event number 0"));
}

#[test]
fn small_timelines_are_drawn_whole() {
    let t = timeline(render::KEY_VIEW_THRESHOLD, 0, "");
    assert_eq!(render::view(&t, View::Auto), t);
}

#[test]
fn key_events_view_past_the_threshold() {
    let t = timeline(90, 0, "");
    let v = render::view(&t, View::Auto);
    assert_eq!(v.events.len(), render::KEY_EVENTS);
    // Told by three documents first (i % 3 == 2), in timeline order.
    assert!(
        v.events.iter().all(|e| e.sources.len() == 3),
        "{:?}",
        v.events.iter().map(|e| &e.id).collect::<Vec<_>>()
    );
    let days: Vec<_> = v.events.iter().map(|e| e.date.as_ref().unwrap().earliest).collect();
    assert!(days.windows(2).all(|w| w[0] <= w[1]));
    assert!(v.title.unwrap().contains("key events, 30 of 90"));
    assert_eq!(render::view(&t, View::Listed).events.len(), 90);
}

#[test]
fn dot_runs_top_to_bottom_past_max_columns() {
    let few = timeline(5, 0, "");
    let many = timeline(20, 0, "");
    assert!(render::render(&few, Format::Dot).unwrap().contains("rankdir=LR"));
    assert!(render::render(&many, Format::Dot).unwrap().contains("rankdir=TB"));
}

#[test]
fn gantt_axis_leaves_out_a_far_outlier() {
    let t = timeline(12, 0, "- {id: old, label: Misread year, date: '1066'}\n");
    let g = render::render(&t, Format::MermaidGantt).unwrap();
    assert!(!g.contains("Misread year"), "{g}");
    assert!(g.contains("1 event(s) dated outside"), "{g}");
    // Not an outlier: every event stays.
    let g = render::render(&timeline(12, 0, ""), Format::MermaidGantt).unwrap();
    assert!(!g.contains("dated outside"), "{g}");
}

#[test]
fn timelinejs_groups_by_story() {
    let t = timeline(3, 0, "");
    let j = render::render(&t, Format::TimelineJs).unwrap();
    assert!(j.contains("\"group\": \"Story 1664-Apple_CEO\""), "{j}");
    assert!(!j.contains("OCCURRENCE"));
}

#[test]
fn short_document_ids_are_unambiguous() {
    let t = timeline(3, 0, "");
    let s = render::short_ids(&t);
    assert_eq!(s["1664-Apple_CEO"], "1664-Apple_CEO");
    assert_eq!(s["1664-Apple_WWDC"], "1664-Apple_WWDC");
    assert_eq!(s["2000_other"], "2000");
    let table = tempograph::render::table(&t);
    assert!(
        table.contains("told by 1664-Apple_CEO \"x\", 1664-Apple_WWDC \"x\""),
        "{table}"
    );
}

/// The key view ranks by `salience` (what `build` writes: sources, lead position, main clause,
/// class) before the number of documents: a salient event told once (a death, a resignation)
/// is not crowded out by minor events told three times. Negative: without salience the
/// ranking is the documents', as above.
#[test]
fn key_events_view_ranks_by_salience() {
    let mut t = timeline(90, 0, "");
    // e0, e3, e6 ... are told by one document only; give the last ten of them high salience.
    let salient: Vec<usize> = (0..90).filter(|i| i % 3 == 0).rev().take(10).collect();
    for e in t.events.iter_mut() {
        e.salience = Some(20);
    }
    for &i in &salient {
        t.events[i].salience = Some(70);
    }
    let v = render::view(&t, View::Auto);
    let ids: Vec<&str> = v.events.iter().map(|e| e.id.as_str()).collect();
    for &i in &salient {
        assert!(ids.contains(&format!("e{i}").as_str()), "e{i} missing from {ids:?}");
    }
    // The other twenty places go to events told by three documents, as without salience.
    assert_eq!(v.events.iter().filter(|e| e.sources.len() == 3).count(), 20, "{ids:?}");
    let days: Vec<_> = v.events.iter().map(|e| e.date.as_ref().unwrap().earliest).collect();
    assert!(days.windows(2).all(|w| w[0] <= w[1]));
}

/// A view that leaves out events of a conflict says how many conflicts it shows of how many,
/// so that a picture of a contradictory timeline does not read as a consistent one; a view
/// that shows every conflict's events says nothing of it.
#[test]
fn a_view_counts_the_conflicts_it_leaves_out() {
    let conflict = |a: usize, b: usize| {
        format!(
            "- cycle:\n  - {{from: e{a}, to: e{b}, constraint: e{a} before e{b}, evidence: {{document: 2000_other, start: 0, end: 1, text: x, rule: r}}}}\n  - {{from: e{b}, to: e{a}, constraint: e{b} before e{a}, evidence: {{document: 2000_other, start: 0, end: 1, text: x, rule: r}}}}\n"
        )
    };
    // e2 and e5 are told by three documents (key events); e0 and e3 by one (left out).
    let extra = format!("conflicts:\n{}{}", conflict(2, 5), conflict(0, 3));
    let t = timeline(90, 0, &extra);
    assert_eq!(t.conflicts.len(), 2);
    let v = render::view(&t, View::Auto);
    assert_eq!(v.conflicts.len(), 1);
    let title = v.title.clone().unwrap();
    assert!(title.contains("key events, 30 of 90, 1 of 2 conflicts"), "{title}");
    let html = render::render_with(&t, Format::Html, &Options::default()).unwrap();
    assert!(html.contains("1 of 2 conflicts"), "the page's heading says it");
    // Every conflict shown: no count in the title.
    let all = render::view(&t, View::All);
    assert!(!all.title.unwrap_or_default().contains("conflicts"));
    let small = timeline(10, 0, &conflict(2, 5).replacen("- cycle", "conflicts:\n- cycle", 1));
    assert!(!render::view(&small, View::Auto)
        .title
        .unwrap_or_default()
        .contains("conflicts"));
}

/// A key event's title reads as a headline (#20 item 9): labels that are fragments ("Its
/// launch", "Be released", a bare pronoun subject) are not key events, however salient;
/// a headline with the same salience is (the negative).
#[test]
fn key_events_are_headlines() {
    let mut t = timeline(90, 0, "");
    let fragments = [
        (0, "Its launch", "launch", "NONE"),
        (3, "Be released", "released", "INFINITIVE"),
        (6, "He resigned", "resigned", "PAST"),
    ];
    for e in t.events.iter_mut() {
        e.salience = Some(20);
    }
    for &(i, label, trigger, tense) in &fragments {
        let e = &mut t.events[i];
        e.label = label.to_string();
        e.salience = Some(90);
        for s in &mut e.sources {
            s.trigger = trigger.to_string();
            s.tense = Some(tense.to_string());
        }
    }
    let e = &mut t.events[9];
    e.label = "Apple announced the new iPhone".to_string();
    e.salience = Some(90);
    for s in &mut e.sources {
        s.trigger = "announced".to_string();
        s.tense = Some("PAST".to_string());
    }
    let v = render::view(&t, View::Auto);
    let ids: Vec<&str> = v.events.iter().map(|e| e.id.as_str()).collect();
    for (i, ..) in fragments {
        assert!(!ids.contains(&format!("e{i}").as_str()), "fragment e{i} in {ids:?}");
    }
    assert!(ids.contains(&"e9"), "headline e9 missing from {ids:?}");
    assert_eq!(v.events.len(), render::KEY_EVENTS);
}

/// Headlines and fragments (the key-events view), with the negatives.
#[test]
fn headlines() {
    let cases: &[(&str, &[&str], bool, bool)] = &[
        ("Apple announced the new iPhone", &["announced"], false, true),
        ("A rare press conference held by Apple", &["held"], false, true),
        ("The launch of the new telescope", &["launch"], true, true),
        ("Jobs resigned", &["resigned"], false, true),
        ("Its launch", &["launch"], true, false),
        ("Be released", &["released"], false, false),
        ("He resigned", &["resigned"], false, false),
        ("Emissions", &["emissions"], true, false),
        ("To resign from the board", &["resign"], false, false),
    ];
    for &(label, triggers, noun, want) in cases {
        assert_eq!(
            tempograph_lang::en::timeline::is_headline(label, triggers, noun),
            want,
            "{label}"
        );
    }
}
