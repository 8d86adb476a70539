//! Running the binary under test with its peak memory measured (shared by the hostile
//! corpus and scaling tests).

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What a run gave.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: String,
    pub elapsed: Duration,
    /// Peak resident memory of the child, KiB.
    pub maxrss_kb: i64,
}

extern "C" {
    fn wait4(pid: i32, status: *mut i32, options: i32, rusage: *mut [i64; 18]) -> i32;
    fn kill(pid: i32, sig: i32) -> i32;
}

/// Run the release-or-debug binary under test with `args` and `stdin`, measuring its peak
/// memory with `wait4` (the child's own `ru_maxrss`). A run past 20 s is killed.
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
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let watchdog = {
        let done = done.clone();
        std::thread::spawn(move || {
            let t = Instant::now();
            while !done.load(std::sync::atomic::Ordering::SeqCst) {
                if t.elapsed() > Duration::from_secs(20) {
                    // Our own child, by its pid, still unreaped: the pid cannot have been reused.
                    unsafe { kill(pid, 9) };
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        })
    };
    let mut status = 0i32;
    let mut ru = [0i64; 18];
    let r = unsafe { wait4(pid, &mut status, 0, &mut ru) };
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    let elapsed = start.elapsed();
    let _ = watchdog.join();
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
        maxrss_kb: ru[4],
    }
}
