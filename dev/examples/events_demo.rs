//! Print the events of text files and the clusters they merge into.
//!
//! ```text
//! cargo run --example events_demo -- FILE:YYYY-MM-DD...
//! ```

use tempograph_events::{extract, merge};
use tempograph_lang::text::Analysis;

fn main() {
    let mut texts = Vec::new();
    for a in std::env::args().skip(1) {
        let (path, dct) = a.rsplit_once(':').expect("FILE:YYYY-MM-DD");
        let text = std::fs::read_to_string(path).expect("read");
        texts.push((path.to_string(), dct.parse().expect("date"), text));
    }
    let analyses: Vec<Analysis> = texts.iter().map(|t| Analysis::new(&t.2)).collect();
    let timexes: Vec<_> = texts
        .iter()
        .zip(&analyses)
        .map(|(t, a)| tempograph_timex::tag(&t.2, a, t.1))
        .collect();
    let events: Vec<_> = texts
        .iter()
        .zip(&analyses)
        .zip(&timexes)
        .map(|((t, a), tx)| extract(&t.2, a, tx))
        .collect();
    for (t, ev) in texts.iter().zip(&events) {
        println!("== {}", t.0);
        for e in ev {
            println!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                e.text,
                e.lemma,
                e.pos,
                e.class,
                e.tense,
                e.aspect,
                e.polarity,
                e.modality.as_deref().unwrap_or("-")
            );
        }
    }
    let docs: Vec<merge::DocEvents> = texts
        .iter()
        .zip(&analyses)
        .zip(&events)
        .zip(&timexes)
        .map(|(((t, a), ev), tx)| merge::DocEvents {
            event_times: None,
            syntax: None,
            doc: t.0.clone(),
            dct: t.1,
            text: &t.2,
            analysis: a,
            events: ev,
            times: tx
                .iter()
                .map(|x| merge::TimeMention {
                    span: x.span,
                    value: x.value.clone(),
                })
                .collect(),
        })
        .collect();
    println!("== clusters with more than one source");
    for c in merge::merge(&docs).iter().filter(|c| c.sources.len() > 1) {
        let s: Vec<String> = c
            .sources
            .iter()
            .map(|s| format!("{}@{}", s.text, s.span.start))
            .collect();
        println!("{}\t{}\t{}\t{:?}", c.lemma, s.join(" "), c.conflicts.len(), c.time());
        for k in &c.conflicts {
            println!("  conflict {:?}: {}", k.kind, k.message);
        }
    }
}
