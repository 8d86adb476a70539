//! Print the links `tempograph_link::link` finds in a text file.
//!
//! ```text
//! cargo run --example link_demo -- FILE YYYY-MM-DD
//! ```
use tempograph_lang::text::Analysis;
use tempograph_link::{self as link, Endpoint};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(path), Some(dct)) = (args.get(1), args.get(2)) else {
        return Err("usage: link_demo FILE YYYY-MM-DD".into());
    };
    let text = std::fs::read_to_string(path)?;
    let dct: chrono::NaiveDate = dct.parse()?;
    let analysis = Analysis::new(&text);
    let timexes = tempograph_timex::tag(&text, &analysis, dct);
    let events = tempograph_events::extract(&text, &analysis, &timexes);
    let name = |e: Endpoint| match e {
        Endpoint::Event(i) => format!("{}({})", events[i].text, events[i].tense.as_str()),
        Endpoint::Timex(i) => format!("`{}`={}", timexes[i].text, timexes[i].value),
        Endpoint::Dct => format!("DCT={dct}"),
    };
    for l in link::link(&text, &analysis, dct, &timexes, &events) {
        let d = l.distance.map(|(a, b)| format!(" [{a}..{b} days]")).unwrap_or_default();
        println!(
            "{} {} {}{d}  {}  «{}»",
            name(l.from),
            l.rel,
            name(l.to),
            l.rule,
            l.evidence.slice(&text).replace('\n', " ")
        );
    }
    Ok(())
}
