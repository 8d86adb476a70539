//! Entity focus (`tempograph::focus`): the events a target entity takes part in, read from
//! the dependency parse, with names, aliases, acronyms, pronouns and descriptions as
//! mentions. Cases are in `tests/data/focus/cases.toml`, negatives included.

use chrono::NaiveDate;
use serde::Deserialize;
use tempograph::document::{DctSource, Document};
use tempograph::focus::Entity;
use tempograph::pipeline;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    about: String,
    text: String,
    #[serde(default)]
    involved: Vec<String>,
    #[serde(default)]
    not_involved: Vec<String>,
}

#[test]
fn focus_cases() {
    let src = std::fs::read_to_string("tests/data/focus/cases.toml").unwrap();
    let cases: Cases = toml::from_str(&src).unwrap();
    let dct = NaiveDate::from_ymd_opt(2014, 12, 17).unwrap();
    let mut failures = Vec::new();
    for c in &cases.case {
        let doc = Document::from_text("d", c.text.clone(), dct, DctSource::Flag);
        let a = pipeline::analyze(&doc);
        let e = Entity::new(&c.about, &[]);
        let involved = tempograph::focus::involved_events(&a, &e.mentions(&a));
        let got: Vec<&str> = involved.iter().map(|&i| a.events[i].text.as_str()).collect();
        let all: Vec<&str> = a.events.iter().map(|e| e.text.as_str()).collect();
        for w in &c.involved {
            if !all.contains(&w.as_str()) {
                failures.push(format!("{:?}: `{w}` is not an event (events: {all:?})", c.text));
            } else if !got.contains(&w.as_str()) {
                failures.push(format!(
                    "{:?} about {}: `{w}` should be involved (got {got:?})",
                    c.text, c.about
                ));
            }
        }
        for w in &c.not_involved {
            if got.contains(&w.as_str()) {
                failures.push(format!("{:?} about {}: `{w}` should not be involved", c.text, c.about));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
