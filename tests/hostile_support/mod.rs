//! Running the binary under test with its peak memory measured (shared by the hostile
//! corpus and scaling tests).

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What a run gave (each test binary that includes this module reads some of it).
#[derive(Debug)]
#[allow(dead_code)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: String,
    pub elapsed: Duration,
    /// Peak resident memory of the child, KiB (sampled every 2 ms: a run shorter than that
    /// may show 0).
    pub maxrss_kb: i64,
}

extern "C" {
    fn wait4(pid: i32, status: *mut i32, options: i32, rusage: *mut [i64; 18]) -> i32;
    fn kill(pid: i32, sig: i32) -> i32;
}

/// Run the binary under test with `args` and `stdin`, measuring its time and peak memory. A
/// run past 20 s is killed.
pub fn run(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_tempograph"))
        .args(args)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id() as i32;
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        let input = input.to_vec();
        std::thread::spawn(move || {
            let _ = pipe.write_all(&input);
        });
    }
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let o = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let e = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    // Peak memory: the child's own high-water mark (`VmHWM` of its post-exec address space),
    // sampled until it exits. (`wait4`'s `ru_maxrss` would also count this test process:
    // Linux records the pre-exec address space, which a vfork-style spawn shares with us.)
    // The child is reaped only after the loop, so its pid cannot be reused meanwhile.
    let status_file = format!("/proc/{pid}/status");
    let mut hwm_kb = 0i64;
    loop {
        let status = std::fs::read_to_string(&status_file).unwrap_or_default();
        let zombie = status.lines().any(|l| l.starts_with("State:") && l.contains('Z'));
        if let Some(kb) = status
            .lines()
            .find(|l| l.starts_with("VmHWM:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|n| n.parse::<i64>().ok())
        {
            hwm_kb = hwm_kb.max(kb);
        }
        if zombie || status.is_empty() {
            break;
        }
        if start.elapsed() > Duration::from_secs(20) {
            unsafe { kill(pid, 9) };
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let mut status = 0i32;
    let mut ru = [0i64; 18];
    let r = unsafe { wait4(pid, &mut status, 0, &mut ru) };
    let elapsed = start.elapsed();
    assert_eq!(r, pid, "wait4 failed");
    let stdout = o.join().unwrap();
    let stderr = String::from_utf8_lossy(&e.join().unwrap()).into_owned();
    std::mem::forget(child); // already reaped by wait4
    let code = (status & 0x7f == 0).then_some((status >> 8) & 0xff);
    Run {
        code,
        stdout,
        stderr,
        elapsed,
        maxrss_kb: hwm_kb,
    }
}
