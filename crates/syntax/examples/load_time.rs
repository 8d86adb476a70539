//! Measures how long reading a model takes, in CPU seconds of this thread (so that other
//! jobs on the machine count less): `cargo run --release -p tempograph-syntax --features
//! train --example load_time -- 3 models/en/ud-ewt/model.bin` (or `2 OLD.bin` for a
//! format-2 model). Five reads, one line each. Linux only (`/proc/thread-self/schedstat`).
use tempograph_syntax::Model;

fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split(' ').next().and_then(|n| n.parse::<f64>().ok()))
        .unwrap_or(0.0)
        / 1e9
}

fn main() {
    let a: Vec<String> = std::env::args().skip(1).collect();
    let [format, path] = &a[..] else {
        eprintln!("usage: load_time 2|3 MODEL.bin");
        std::process::exit(2);
    };
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    for _ in 0..5 {
        let t = cpu_seconds();
        let m = if format == "2" {
            Model::from_format2_bytes(&bytes)
        } else {
            Model::from_bytes(&bytes)
        };
        let m = m.unwrap_or_else(|e| panic!("{path}: {e}"));
        println!(
            "format {format}: read in {:.3} s CPU ({})",
            cpu_seconds() - t,
            m.treebank
        );
    }
}
