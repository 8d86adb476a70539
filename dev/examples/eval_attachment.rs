//! Development driver: how well `pipeline::governs` decides which event a time expression
//! dates, against the event–time TLINKs of gold TimeML.
//!
//! ```text
//! cargo run --release --example eval_attachment -- DIR...
//! ```
//!
//! Every `.tml` file's text is run through `pipeline::analyze` with its DCT. A pair (system
//! time expression, system event) in one sentence is scored when both match a gold TIMEX3
//! and a gold EVENT by span; it is "linked" when the gold has a TLINK between them (any
//! relation). The figures are precision, recall and F1 of "governs" against "linked", for
//! the word-window rules alone (before the parse), for `governs` (the parse vetoes an
//! expression governed in another clause), and for a variant that also accepts every
//! expression the parse attaches to the event's own word.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use tempograph_eval::tlink::tml_files;
use tempograph_pipeline::pipeline;
use tempograph_timeline::document::{DctSource, Document};

#[derive(Default)]
struct Count {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Count {
    fn add(&mut self, pred: bool, gold: bool) {
        match (pred, gold) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, true) => self.fn_ += 1,
            _ => {}
        }
    }
    fn line(&self, name: &str) -> String {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        format!(
            "{name:<14} P {:6.2}  R {:6.2}  F1 {:6.2}  (tp {} fp {} fn {})",
            100.0 * p,
            100.0 * r,
            100.0 * f,
            self.tp,
            self.fp,
            self.fn_
        )
    }
}

fn main() {
    let dirs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if dirs.is_empty() {
        eprintln!("usage: eval_attachment DIR...");
        std::process::exit(2);
    }
    let (mut window, mut parse, mut both) = (Count::default(), Count::default(), Count::default());
    let mut changed = Vec::new();
    for dir in &dirs {
        for path in tml_files(dir).unwrap_or_default() {
            let src = match std::fs::read_to_string(&path) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("{}: {e}", path.display());
                    continue;
                }
            };
            let Ok(tml) = tempograph_timeml::parse(&path, &src) else {
                continue;
            };
            let Some(dct) = tml.dct else { continue };
            let doc = Document::from_text(path.display().to_string(), tml.text.clone(), dct, DctSource::Timeml);
            let a = pipeline::analyze(&doc);
            // Gold spans → ids.
            let timex_at: BTreeMap<usize, String> = tml
                .tagged("TIMEX3")
                .filter_map(|x| Some((x.span.start, x.attr("tid")?.to_string())))
                .collect();
            let event_at: BTreeMap<usize, String> = tml
                .tagged("EVENT")
                .filter_map(|x| Some((x.span.start, x.attr("eid")?.to_string())))
                .collect();
            let eid_of: BTreeMap<String, String> = tml
                .instances
                .iter()
                .filter_map(|i| {
                    let get = |k: &str| i.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
                    Some((get("eiid")?, get("eventID")?))
                })
                .collect();
            let mut linked: BTreeSet<(String, String)> = BTreeSet::new();
            for l in &tml.tlinks {
                let get = |k: &str| l.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
                let ev = get("eventInstanceID").or_else(|| get("relatedToEventInstance"));
                let tm = get("relatedToTime").or_else(|| get("timeID"));
                if let (Some(ev), Some(tm)) = (ev, tm) {
                    if let Some(eid) = eid_of.get(&ev) {
                        linked.insert((tm, eid.clone()));
                    }
                }
            }
            for (t, tx) in a.timexes.iter().enumerate() {
                let Some(tid) = timex_at.get(&tx.span.start) else {
                    continue;
                };
                let ts = a.analysis.sentence_at(tx.span.start);
                for (e, ev) in a.events.iter().enumerate() {
                    if ev.sentence != ts {
                        continue;
                    }
                    let Some(eid) = event_at.get(&ev.span.start) else {
                        continue;
                    };
                    let gold = linked.contains(&(tid.clone(), eid.clone()));
                    let w = pipeline::governs_by_window(&a, t, e);
                    let p = pipeline::governs(&a, t, e);
                    let attach = pipeline::parse_attachment(&a, t, e);
                    window.add(w, gold);
                    parse.add(p, gold);
                    both.add(attach == Some(true) || (w && attach != Some(false)), gold);
                    if w != p {
                        changed.push(format!(
                            "{}\t{}\t{}\t{}\t{}",
                            if p == gold { "fixed" } else { "broke" },
                            path.file_name()
                                .map(|n| n.to_string_lossy().to_string())
                                .unwrap_or_default(),
                            &a.doc.text[tx.span.start..tx.span.end],
                            &a.doc.text[ev.span.start..ev.span.end],
                            a.analysis.sentences[ts].span.slice(&a.doc.text).replace('\n', " ")
                        ));
                    }
                }
            }
        }
    }
    println!("{}", window.line("window rules"));
    println!("{}", parse.line("governs"));
    println!("{}", both.line("parse veto+add"));
    if std::env::var("ATTACH_CHANGES").is_ok() {
        for c in changed {
            println!("{c}");
        }
    }
}
