//! Check a timeline file (YAML, from `tempograph build` or written by hand) and write it as a
//! self-contained web page.
//!
//! ```text
//! cargo run --example check_timeline -- timelines/sony-hack-2014.yaml sony.html
//! ```
use std::process::ExitCode;
use tempograph::{Format, Timeline};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path, out] = args.as_slice() else {
        eprintln!("usage: check_timeline TIMELINE.yaml OUT.html");
        return ExitCode::from(2);
    };
    // A file that cannot be read or parsed is an error naming the file, line and column.
    let timeline = match Timeline::from_path(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e:#}");
            return ExitCode::from(2);
        }
    };
    let report = tempograph::check(&timeline);
    println!("{report}");
    let page = match tempograph::render(&timeline, Format::Html) {
        Ok(page) => page,
        Err(e) => {
            eprintln!("error: {e:#}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = std::fs::write(out, page) {
        eprintln!("error: {out}: {e}");
        return ExitCode::from(2);
    }
    println!("wrote {out}");
    if report.is_consistent() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
