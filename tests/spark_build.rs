//! The map/reduce build on Apache Spark, run for real (local[2], 1,000 documents): its
//! timeline is byte-identical to the single-process `build --stream`. See: #16 (item 4).
//!
//! Needs Python with `pyspark` (`TEMPOGRAPH_PYTHON`, else `python3`) and Java; `.ci/run`
//! makes a venv with a pinned pyspark. Without them the test says `skipped: …` and passes,
//! except under `CI=true`, where it fails.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn python() -> String {
    std::env::var("TEMPOGRAPH_PYTHON").unwrap_or_else(|_| "python3".into())
}

/// `Err(why)` when the job cannot run here.
fn ready() -> Result<(), String> {
    let py = python();
    let o = Command::new(&py)
        .args(["-c", "import pyspark; print(pyspark.__version__)"])
        .output()
        .map_err(|e| format!("{py}: {e}"))?;
    if !o.status.success() {
        return Err(format!("pyspark is not installed for {py} (set TEMPOGRAPH_PYTHON)"));
    }
    let j = Command::new("java")
        .arg("-version")
        .output()
        .map_err(|e| format!("java: {e}"))?;
    if !j.status.success() {
        return Err("java does not run".into());
    }
    Ok(())
}

#[test]
fn spark_build_is_byte_identical_to_one_process() {
    if let Err(why) = ready() {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("the Spark test cannot run under CI: {why}");
        }
        eprintln!("skipped: {why}");
        return;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join("spark_build");
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    let docs = d.join("docs.jsonl");
    let gen = Command::new(python())
        .arg(root.join("scripts/gen-docs.py"))
        .arg("1000")
        .stdout(std::fs::File::create(&docs).unwrap())
        .status()
        .unwrap();
    assert!(gen.success());
    let bin = env!("CARGO_BIN_EXE_tempograph");

    let t = Instant::now();
    let single = Command::new(bin)
        .args(["build", "--stream", "-o", "single.yaml"])
        .current_dir(&d)
        .stdin(std::fs::File::open(&docs).unwrap())
        .output()
        .unwrap();
    assert!(single.status.success(), "{}", String::from_utf8_lossy(&single.stderr));
    eprintln!("build --stream of 1,000 documents: {:.1} s", t.elapsed().as_secs_f64());

    let t = Instant::now();
    let spark = Command::new(python())
        .arg(root.join("scripts/spark-build.py"))
        .args(["--tempograph", bin, "--input", "docs.jsonl", "--output", "spark.yaml"])
        .args(["--master", "local[2]", "--partitions", "4"])
        .current_dir(&d)
        .output()
        .unwrap();
    assert!(
        spark.status.success(),
        "spark-build.py failed:\n{}",
        String::from_utf8_lossy(&spark.stderr)
    );
    eprintln!("spark-build.py (local[2]): {:.1} s", t.elapsed().as_secs_f64());

    let a = std::fs::read(d.join("single.yaml")).unwrap();
    let b = std::fs::read(d.join("spark.yaml")).unwrap();
    assert!(a.len() > 10_000, "a timeline of 1,000 documents is not that short");
    assert!(
        a == b,
        "the Spark timeline differs from the single-process one (see {})",
        d.display()
    );
}
