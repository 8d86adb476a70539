//! Experiment: prune a trained model's small weights at several thresholds and print, for
//! each, its size, dev scores (gold tokens) and speed. Feature `train`.
//! `cargo run --release -p tempograph-syntax --features train --example prune_experiment -- MODEL DEV.conllu F...`
use std::time::Instant;
use tempograph_syntax::{train, Model};

fn main() {
    let a: Vec<String> = std::env::args().skip(1).collect();
    let bytes = std::fs::read(&a[0]).unwrap();
    let dev = train::read(std::path::Path::new(&a[1])).unwrap();
    let base = Model::from_bytes(&bytes).unwrap();
    for f in &a[2..] {
        let f: f32 = f.parse().unwrap();
        let mut m = base.clone();
        m.parser.weights = m.parser.weights.pruned(f);
        m.tagger.weights = m.tagger.weights.pruned(f);
        if let Some(first) = m.tagger.first.as_mut() {
            first.weights = first.weights.pruned(f);
        }
        let size = m.to_bytes().len();
        let t = Instant::now();
        let s = train::score(&m, &dev);
        let secs = t.elapsed().as_secs_f64();
        println!(
            "prune {f}: {:.1} MB, parser weights {}, UPOS {:.2} lemma {:.2} UAS {:.2} LAS {:.2}, {:.0} words/s",
            size as f64 / 1e6,
            m.parser.weights.weights(),
            s.upos,
            s.lemma,
            s.uas,
            s.las,
            s.words as f64 / secs
        );
    }
}
