//! Build a timeline from texts with their publication dates, check it, and print it.
//!
//! ```text
//! cargo run --example timeline_from_texts
//! cargo run --example timeline_from_texts -- mermaid     # or dot, json, timeml, timelinejs, html
//! ```
use tempograph::{Format, TimelineBuilder};

fn main() -> Result<(), tempograph::Error> {
    let mut docs = TimelineBuilder::new();
    docs.add(
        "monday",
        "Hackers broke into the studio's network on Monday, the company said. \
         Employees found their files encrypted the next day.",
        "2014-11-25",
    )?;
    docs.add(
        "friday",
        "The studio canceled the premiere on Wednesday after the hackers threatened theaters. \
         The film will be released online on Christmas.",
        "2014-12-19",
    )?;
    let timeline = docs.title("Studio hack").build()?;

    // Consistency: a contradiction is a finding (with its evidence), not an error.
    let report = tempograph::check(&timeline);
    eprintln!("{report}");

    match std::env::args().nth(1) {
        // The events in time order, each with its date and how it was worked out.
        None => {
            for e in &timeline.events {
                let when = e
                    .date
                    .as_ref()
                    .map_or("undated".to_string(), tempograph::render::date_label);
                println!("{when:<24} {}", e.label);
                if let Some(why) = e.date.as_ref().and_then(|d| d.derivation.as_ref()) {
                    println!("{:<24} because {}", "", why.text);
                }
            }
        }
        Some(name) => {
            let format: Format = name.parse()?;
            print!("{}", tempograph::render(&timeline, format)?);
        }
    }
    Ok(())
}
