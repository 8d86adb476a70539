//! Scale benchmark for the relation graph (prints figures; asserts nothing about time).
//!
//! ```text
//! cargo run --release --example graph_bench -- --events 100000 --constraints 1000000
//! cargo run --release --example graph_bench -- --events 10000 --constraints 100000 --conflicts 20
//! ```
//!
//! Generates a hidden timeline (events with true start days over ten years and lengths of
//! 0..60 days), then `--constraints` relations between random pairs (half of them between
//! neighbours in time), each chosen to be *true* of the hidden timeline: BEFORE/AFTER,
//! IBEFORE, INCLUDES/IS_INCLUDED, BEGINS/ENDS, SIMULTANEOUS, or VAGUE with a start-to-start
//! distance; a tenth of the rest also carry a distance. `--bounded` (default 0.3) of the
//! events get absolute bounds around their true dates. The network is therefore consistent
//! unless `--conflicts K` plants K reversed BEFORE relations, each a contradiction.
//!
//! Prints: build time (adding nodes and facts), network time (points and arcs), check+bounds
//! time, order time, time for 10 `relation` queries, conflicts found, peak RSS (VmHWM).

use chrono::NaiveDate;
use std::time::Instant;
use tempograph_core::relation::RelType;
use tempograph_graph::{Evidence, Graph, NodeId};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // SplitMix64.
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// CPU time of this thread in milliseconds (`/proc/thread-self/schedstat`, nanoseconds).
fn cpu_ms() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map(|ns| ns as f64 / 1e6)
        .unwrap_or(f64::NAN)
}

fn arg<T: std::str::FromStr>(args: &[String], name: &str, default: T) -> T {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let events: usize = arg(&args, "--events", 100_000);
    let constraints: usize = arg(&args, "--constraints", 1_000_000);
    let conflicts: usize = arg(&args, "--conflicts", 0);
    let bounded: f64 = arg(&args, "--bounded", 0.3);
    let seed: u64 = arg(&args, "--seed", 42);
    let mut rng = Rng(seed);

    // Hidden timeline.
    let base = NaiveDate::from_ymd_opt(2010, 1, 1).expect("date");
    let mut truth: Vec<(i64, i64)> = (0..events)
        .map(|_| {
            let s = rng.below(3650) as i64;
            let len = match rng.below(10) {
                0..=5 => 0,
                6..=8 => 1 + rng.below(7) as i64,
                _ => 8 + rng.below(53) as i64,
            };
            (s, s + len)
        })
        .collect();
    truth.sort_unstable();
    // Node i is shuffled away from time order so that insertion order tells nothing.
    let mut perm: Vec<usize> = (0..events).collect();
    for i in (1..events).rev() {
        perm.swap(i, rng.below(i as u64 + 1) as usize);
    }
    let day = |d: i64| base + chrono::Days::new(d as u64);

    let cpu0 = cpu_ms();
    let clock = Instant::now();
    let mut g = Graph::new();
    let mut node: Vec<NodeId> = Vec::with_capacity(events);
    for &id in &perm {
        node.push(g.add_interval(format!("e{id}"), (id / 100, id % 100 * 40)));
    }
    let mut bounds = 0usize;
    for i in 0..events {
        if rng.chance(bounded) {
            let (s, e) = truth[i];
            let lo = (s - rng.below(30) as i64).max(0);
            let hi = e + rng.below(30) as i64;
            g.bound(node[i], Some(day(lo)), Some(day(hi)), Evidence::rule("bench/bound"));
            bounds += 1;
        }
    }
    let evidence = |rng: &mut Rng, rule: &str| {
        let off = rng.below(20_000) as usize;
        Evidence {
            doc: Some(format!("doc{:05}", rng.below(5000))),
            span: Some((off, off + 12)),
            text: String::new(),
            rule: rule.to_string(),
        }
    };
    let mut counts = std::collections::BTreeMap::new();
    for _ in 0..constraints {
        let a = rng.below(events as u64) as usize;
        let b = if rng.chance(0.5) {
            let off = rng.below(101) as i64 - 50;
            (a as i64 + off).clamp(0, events as i64 - 1) as usize
        } else {
            rng.below(events as u64) as usize
        };
        let ((sa, ea), (sb, eb)) = (truth[a], truth[b]);
        use RelType::*;
        let rel = if ea < sb {
            Before
        } else if eb < sa {
            After
        } else if sa == sb && ea == eb {
            Simultaneous
        } else if ea == sb {
            IBefore
        } else if eb == sa {
            IAfter
        } else if sa == sb && ea < eb {
            Begins
        } else if ea == eb && sb < sa {
            Ends
        } else if sa <= sb && eb <= ea {
            Includes
        } else if sb <= sa && ea <= eb {
            IsIncluded
        } else {
            Vague
        };
        let distance = if rel == Vague || rng.chance(0.1) {
            let diff = sb - sa;
            Some((diff - rng.below(5) as i64, diff + rng.below(5) as i64))
        } else {
            None
        };
        *counts.entry(rel.as_str()).or_insert(0usize) += 1;
        let ev = evidence(&mut rng, "bench/random");
        g.relate(node[a], node[b], rel, distance, ev);
    }
    let mut planted = 0;
    while planted < conflicts {
        let a = rng.below(events as u64) as usize;
        let b = rng.below(events as u64) as usize;
        if truth[a].1 < truth[b].0 {
            let ev = evidence(&mut rng, "bench/planted");
            g.relate(node[b], node[a], RelType::Before, None, ev);
            planted += 1;
        }
    }
    let build = clock.elapsed();
    let build_cpu = cpu_ms() - cpu0;

    let cpu0 = cpu_ms();
    let clock = Instant::now();
    let (solved, phases) = g.solve_profiled(&|| std::time::Duration::from_secs_f64(cpu_ms() / 1e3));
    let solve = clock.elapsed();
    let solve_cpu = cpu_ms() - cpu0;

    let cpu0 = cpu_ms();
    let clock = Instant::now();
    let mut entailed = 0;
    for q in 0..10 {
        // Half random pairs (usually told apart by their dates alone), half neighbours in
        // time (these need the graph searches).
        let i = rng.below(events as u64) as usize;
        let j = if q % 2 == 0 {
            rng.below(events as u64) as usize
        } else {
            (i + 1).min(events - 1)
        };
        let (a, b) = (node[i], node[j]);
        if solved.relation(a, b).is_some() {
            entailed += 1;
        }
    }
    let queries = clock.elapsed();
    let queries_cpu = cpu_ms() - cpu0;

    // Sanity: every true date lies inside its tightened bounds when nothing was planted.
    let mut outside = 0;
    if conflicts == 0 {
        for i in 0..events {
            let b = solved.bounds(node[i]);
            let (s, e) = (day(truth[i].0), day(truth[i].1));
            let ok = b.earliest_start.is_none_or(|x| x <= s)
                && b.latest_start.is_none_or(|x| s <= x)
                && b.earliest_end.is_none_or(|x| x <= e)
                && b.latest_end.is_none_or(|x| e <= x);
            if !ok {
                outside += 1;
            }
        }
    }
    let dated = solved
        .bounds
        .iter()
        .filter(|b| b.earliest_start.is_some() && b.latest_end.is_some())
        .count();

    println!(
        "events {events}, relations {constraints} (+{planted} planted), bounded events {bounds}, facts {}",
        g.fact_count()
    );
    println!("relation mix: {counts:?}");
    println!("(wall-clock ms; cpu = this thread's CPU time, which excludes waiting for a shared core)");
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
    println!(
        "build (add nodes + facts): {:>8.1} ms   cpu {build_cpu:>8.1} ms",
        ms(build)
    );
    for (name, t) in &phases {
        println!("  {name:<14}                        cpu {:>8.1} ms", ms(*t));
    }
    println!(
        "solve total:               {:>8.1} ms   cpu {solve_cpu:>8.1} ms",
        ms(solve)
    );
    println!(
        "10 relation queries:       {:>8.1} ms   cpu {queries_cpu:>8.1} ms ({entailed} entailed a relation)",
        ms(queries)
    );
    println!(
        "conflicts listed {}, unlisted {}, unresolved nodes {}",
        solved.conflicts.len(),
        solved.unlisted_conflicts(),
        solved.unresolved().len()
    );
    println!("nodes with both earliest start and latest end: {dated}; true dates outside bounds: {outside}");
    if let Some(c) = solved.conflicts.first() {
        println!("first conflict: {c:#}");
    }
    match peak_rss_kib() {
        Some(k) => println!("peak RSS (VmHWM): {:.1} MiB", k as f64 / 1024.0),
        None => println!("peak RSS (VmHWM): unavailable"),
    }
}
