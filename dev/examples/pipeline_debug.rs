//! Print every stage's output for documents (development aid).
//! `cargo run --example pipeline_debug -- --manifest timelines/sony-hack-2014/sources/sources.yaml`
use tempograph_pipeline::pipeline;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let manifest = args
        .iter()
        .position(|a| a == "--manifest")
        .map(|i| std::path::PathBuf::from(&args[i + 1]))
        .expect("--manifest M");
    let (docs, errs) = tempograph_timeline::document::load_manifest(&manifest, None).expect("manifest");
    for e in errs {
        eprintln!("{e}");
    }
    for d in &docs {
        let a = pipeline::analyze(d);
        println!("# {} (DCT {})", d.id, d.dct);
        for (i, e) in a.events.iter().enumerate() {
            println!(
                "  e{i:<3} s{:<3} {:<16} {:?} {:?} {:?} {:?} {:?} {:?}",
                e.sentence, e.text, e.lemma, e.pos, e.class, e.tense, e.aspect, e.polarity
            );
        }
        for (i, t) in a.timexes.iter().enumerate() {
            println!("  t{i:<3} {:<24} {} {}", t.text, t.value, t.rule);
        }
        for l in &a.tlinks {
            let ev = pipeline::is_evidence(&a, l);
            println!(
                "  {} {:?} {} {:?} {:?} {} {:?}",
                if ev { "*" } else { " " },
                l.from,
                l.rel,
                l.to,
                l.distance,
                l.rule,
                l.evidence.slice(&d.text)
            );
        }
    }
}
