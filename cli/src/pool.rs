//! Worker processes: each input is read in a child process of this same
//! binary, so that a file that hangs, crashes or overflows the stack inside
//! a dependency (which no `catch_unwind` can catch) costs one error record and
//! a restarted worker, never the batch.
//!
//! Results arrive in any order and leave in input order. At most a window
//! of inputs past the oldest unfinished one are in flight, so memory stays
//! bounded however many files there are and however slow one of them is.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::iter::Peekable;
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};
use std::vec::IntoIter;

use crate::args::TimeLimit;
use crate::worker::{Header, Job};

/// One finished input, in order.
pub(crate) struct Outcome {
    pub(crate) job: Job,
    pub(crate) header: Header,
    pub(crate) payload: Vec<u8>,
}

/// How to start a worker.
pub(crate) struct Spawner {
    pub(crate) program: PathBuf,
    pub(crate) args: Vec<String>,
    pub(crate) env: Vec<(String, String)>,
}

impl Spawner {
    fn spawn(&self) -> std::io::Result<Child> {
        let mut command = Command::new(&self.program);
        command
            .args(&self.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        for (key, value) in &self.env {
            command.env(key, value);
        }
        command.spawn()
    }
}

/// Makes the output for an input whose worker died or ran out of time.
pub(crate) type Failure<'f> = dyn Fn(&Job, kantlijn::ErrorKind, String) -> (Header, Vec<u8>) + 'f;

/// Why a run stopped early.
#[derive(Debug)]
pub(crate) enum Stop {
    /// Ctrl-C.
    Interrupted,
    /// A worker could not be started.
    Spawn(std::io::Error),
    /// The output could not be written.
    Output(std::io::Error),
}

enum Event {
    Done {
        worker: u64,
        header: Header,
        payload: Vec<u8>,
    },
    Died {
        worker: u64,
    },
}

struct Worker {
    id: u64,
    child: Child,
    stdin: ChildStdin,
    busy: Option<(Job, Instant)>,
}

impl Worker {
    fn start(spawner: &Spawner, id: u64, events: &Sender<Event>) -> std::io::Result<Self> {
        let mut child = spawner.spawn()?;
        let stdin = child
            .stdin
            .take()
            .ok_or_else(|| std::io::Error::other("worker has no stdin"))?;
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| std::io::Error::other("worker has no stdout"))?;
        let events = events.clone();
        std::thread::spawn(move || read_answers(id, stdout, &events));
        Ok(Self {
            id,
            child,
            stdin,
            busy: None,
        })
    }

    /// Stops the worker; how it ended, when that can be told.
    fn stop(&mut self) -> Option<std::process::ExitStatus> {
        let _ = self.child.kill();
        self.child.wait().ok()
    }
}

/// Reads a worker's answers until it closes its output.
fn read_answers(worker: u64, stdout: std::process::ChildStdout, events: &Sender<Event>) {
    let mut reader = BufReader::new(stdout);
    let mut line = String::new();
    loop {
        line.clear();
        let header = match reader.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) => match serde_json::from_str::<Header>(&line) {
                Ok(header) => header,
                Err(_) => break,
            },
        };
        let Some(payload) = crate::worker::read_chunks(&mut reader) else {
            break;
        };
        if events
            .send(Event::Done {
                worker,
                header,
                payload,
            })
            .is_err()
        {
            return;
        }
    }
    let _ = events.send(Event::Died { worker });
}

/// The running workers, and how to start more.
struct Crew<'s> {
    workers: Vec<Worker>,
    spawner: &'s Spawner,
    events: Sender<Event>,
    next_id: u64,
}

impl<'s> Crew<'s> {
    fn start(spawner: &'s Spawner, count: usize, events: Sender<Event>) -> Result<Self, Stop> {
        let mut crew = Self {
            workers: Vec::with_capacity(count),
            spawner,
            events,
            next_id: 0,
        };
        for _ in 0..count {
            let worker = crew.spawn()?;
            crew.workers.push(worker);
        }
        Ok(crew)
    }

    fn spawn(&mut self) -> Result<Worker, Stop> {
        let worker =
            Worker::start(self.spawner, self.next_id, &self.events).map_err(Stop::Spawn)?;
        self.next_id += 1;
        Ok(worker)
    }

    /// Hands the next jobs to idle workers, as long as their index is below
    /// `below`.
    fn hand_out(&mut self, queue: &mut Peekable<IntoIter<Job>>, below: usize) -> Result<(), Stop> {
        for worker in self.workers.iter_mut().filter(|w| w.busy.is_none()) {
            let Some(job) = queue.next_if(|job| job.index < below) else {
                break;
            };
            let mut line = serde_json::to_vec(&job).map_err(|e| Stop::Output(e.into()))?;
            line.push(b'\n');
            // A worker that cannot take a job has died; its reader thread
            // reports that and the job is retried on a fresh one.
            let _ = worker
                .stdin
                .write_all(&line)
                .and_then(|()| worker.stdin.flush());
            worker.busy = Some((job, Instant::now()));
        }
        Ok(())
    }

    /// How long to wait for the next event: until the first busy worker
    /// runs out of `timeout`, and never long, so that Ctrl-C is seen.
    fn wait(&self, timeout: Duration) -> Duration {
        self.workers
            .iter()
            .filter_map(|w| {
                w.busy
                    .as_ref()
                    .map(|(_, started)| timeout.saturating_sub(started.elapsed()))
            })
            .min()
            .unwrap_or(Duration::from_millis(50))
            .min(Duration::from_millis(200))
    }

    /// The job a worker has finished; the worker is idle again.
    fn done(&mut self, worker: u64) -> Option<Job> {
        let slot = self.workers.iter_mut().find(|w| w.id == worker)?;
        slot.busy.take().map(|(job, _)| job)
    }

    /// Replaces a worker that died; the job it was reading.
    fn replace_dead(&mut self, worker: u64) -> Result<Option<Job>, Stop> {
        let Some(position) = self.workers.iter().position(|w| w.id == worker) else {
            return Ok(None);
        };
        let mut dead = self.workers.swap_remove(position);
        // Ctrl-C in a terminal reaches the workers too, and one may die of
        // it before this process has seen its own: that is an interruption,
        // not a crash of the file it was reading.
        if dead.stop().is_some_and(|status| by_interruption(&status)) {
            interrupt_flag().store(true, Ordering::SeqCst);
            return Err(Stop::Interrupted);
        }
        let fresh = self.spawn()?;
        self.workers.push(fresh);
        Ok(dead.busy.take().map(|(job, _)| job))
    }

    /// Stops and replaces the workers busy with one job for `timeout` or
    /// longer; the jobs they were reading.
    fn replace_expired(&mut self, timeout: Duration) -> Result<Vec<Job>, Stop> {
        let mut expired = Vec::new();
        for index in 0..self.workers.len() {
            let Some(slot) = self.workers.get_mut(index) else {
                continue;
            };
            let out_of_time = slot
                .busy
                .as_ref()
                .is_some_and(|(_, started)| started.elapsed() >= timeout);
            if !out_of_time {
                continue;
            }
            slot.stop();
            expired.extend(slot.busy.take().map(|(job, _)| job));
            let fresh = self.spawn()?;
            if let Some(slot) = self.workers.get_mut(index) {
                *slot = fresh;
            }
        }
        Ok(expired)
    }

    fn stop_all(&mut self) {
        for worker in &mut self.workers {
            // Closing stdin ends a worker's loop; kill in case it is busy.
            worker.stop();
        }
    }
}

/// Runs the jobs on `workers` processes and hands each outcome to `emit`, in
/// input order. `failure` makes the output for an input whose worker died or
/// ran out of time. A worker still busy with one input past the time limit
/// and its grace is stopped.
pub(crate) fn run(
    jobs: Vec<Job>,
    workers: usize,
    limit: TimeLimit,
    spawner: &Spawner,
    interrupted: &AtomicBool,
    failure: &Failure<'_>,
    emit: &mut dyn FnMut(Outcome) -> std::io::Result<()>,
) -> Result<(), Stop> {
    let total = jobs.len();
    let timeout = limit.kill_after();
    let workers = workers.clamp(1, total.max(1));
    // A slow file holds back the output, not the other workers: they run
    // this far ahead of it.
    let window = (workers * 32).max(64);
    let (events_tx, events) = mpsc::channel();
    let mut crew = Crew::start(spawner, workers, events_tx)?;
    let mut queue = jobs.into_iter().peekable();
    let mut finished: BTreeMap<usize, Outcome> = BTreeMap::new();
    let mut next_to_emit = 0usize;

    let failed = |job: Job, kind: kantlijn::ErrorKind, message: String| {
        let (header, payload) = failure(&job, kind, message);
        Outcome {
            job,
            header,
            payload,
        }
    };
    let result = (|| {
        while next_to_emit < total {
            if interrupted.load(Ordering::SeqCst) {
                return Err(Stop::Interrupted);
            }
            crew.hand_out(&mut queue, next_to_emit + window)?;
            match events.recv_timeout(crew.wait(timeout)) {
                Ok(Event::Done {
                    worker,
                    header,
                    payload,
                }) => {
                    if let Some(job) = crew.done(worker) {
                        let outcome = Outcome {
                            job,
                            header,
                            payload,
                        };
                        finished.insert(outcome.job.index, outcome);
                    }
                }
                Ok(Event::Died { worker }) => {
                    if let Some(job) = crew.replace_dead(worker)? {
                        let message = format!(
                            "{}: the worker reading this file died (a crash or stack overflow in a dependency)",
                            job.name().display()
                        );
                        let outcome = failed(job, kantlijn::ErrorKind::Crashed, message);
                        finished.insert(outcome.job.index, outcome);
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(Stop::Spawn(std::io::Error::other("workers lost")));
                }
            }
            for job in crew.replace_expired(timeout)? {
                let message = format!(
                    "{}: still being read {} s after its time limit of {} s; its worker was stopped",
                    job.name().display(),
                    limit.grace.as_secs_f64(),
                    limit.timeout.as_secs_f64()
                );
                let outcome = failed(job, kantlijn::ErrorKind::Timeout, message);
                finished.insert(outcome.job.index, outcome);
            }
            while let Some(outcome) = finished.remove(&next_to_emit) {
                emit(outcome).map_err(Stop::Output)?;
                next_to_emit += 1;
            }
        }
        // Interrupted while the last outcomes came in: not complete.
        if interrupted.load(Ordering::SeqCst) {
            return Err(Stop::Interrupted);
        }
        Ok(())
    })();

    crew.stop_all();
    drop(events);
    result
}

/// Whether a process ended by the signal of an interruption (SIGINT,
/// SIGTERM, SIGHUP), not of a crash.
fn by_interruption(status: &std::process::ExitStatus) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        // SIGHUP, SIGINT, SIGTERM.
        matches!(status.signal(), Some(1 | 2 | 15))
    }
    #[cfg(not(unix))]
    {
        let _ = status;
        false
    }
}

/// A shared flag set by Ctrl-C.
pub(crate) fn interrupt_flag() -> &'static AtomicBool {
    static FLAG: AtomicBool = AtomicBool::new(false);
    &FLAG
}
