//! Prints and receipt files made on threads other than the caller's.
//!
//! A [`Job`] is one print (or one receipt file with nothing to print):
//! the file it wrote once written, and how it ended once it has. [`Prints`]
//! runs them: a print waits on the printer, so each runs on a thread of its
//! own ([`Prints::start`]); a payment's receipt is made and written on the
//! process's one writing thread ([`Prints::write_then_print`]), which is
//! already running, so the counter hands it over without starting a thread
//! and goes on while the text is laid out and the file created.
//!
//! The writing thread takes its work in order and ends when the last
//! [`Prints`] of the process is dropped, after the work handed to it: a
//! receipt handed over just before the program ends normally is still
//! written.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use super::spool::SpoolError;

/// How a print ended, once it has.
type Ended = Option<Result<(), SpoolError>>;

#[derive(Debug, Default)]
struct State {
    ended: Ended,
    /// The text file, once written.
    file: Option<PathBuf>,
}

/// A print running on its own thread. Clones follow the same print.
#[derive(Debug, Clone)]
pub struct Job {
    /// The printer it goes to; empty when nothing is printed.
    pub printer: String,
    state: Arc<(Mutex<State>, Condvar)>,
}

impl Job {
    fn new(printer: &str) -> Job {
        Job {
            printer: printer.trim().to_string(),
            state: Arc::new((Mutex::new(State::default()), Condvar::new())),
        }
    }

    /// A print that has already ended with `outcome` (or, with no printer,
    /// that had nothing to do).
    pub fn ended(printer: &str, outcome: Result<(), SpoolError>) -> Job {
        let job = Job::new(printer);
        job.end(outcome);
        job
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn written(&self, file: PathBuf) {
        self.state().file = Some(file);
    }

    fn end(&self, outcome: Result<(), SpoolError>) {
        self.state().ended = Some(outcome);
        self.state.1.notify_all();
    }

    /// How the print ended, or `None` while it runs.
    pub fn outcome(&self) -> Option<Result<(), SpoolError>> {
        self.state().ended.clone()
    }

    /// The text file in the spool folder, once it is written.
    pub fn file(&self) -> Option<PathBuf> {
        self.state().file.clone()
    }

    /// Waits for the print to end and says how it ended.
    pub fn wait(&self) -> Result<(), SpoolError> {
        let (_, ended) = &*self.state;
        let mut state = self.state();
        loop {
            if let Some(outcome) = state.ended.as_ref() {
                return outcome.clone();
            }
            state = ended.wait(state).unwrap_or_else(|p| p.into_inner());
        }
    }
}

/// The prints a process has started on other threads: how many have
/// ended (so a screen loop knows when to draw again), and the outcomes of
/// those no screen shows any more.
#[derive(Debug, Clone, Default)]
pub struct Prints {
    inner: Arc<PrintsInner>,
}

#[derive(Debug, Default)]
struct PrintsInner {
    started: AtomicU64,
    /// Shared apart from the rest: the writing thread's work counts its
    /// end here without holding [`PrintsInner`], whose drop waits for that
    /// thread.
    ended: Arc<AtomicU64>,
    watched: Mutex<Vec<Watched>>,
    writer: Mutex<Option<Writer>>,
}

type Work = Box<dyn FnOnce() + Send>;

/// The writing thread and the way to it.
#[derive(Debug)]
struct Writer {
    work: Sender<Work>,
    thread: JoinHandle<()>,
}

impl Drop for PrintsInner {
    fn drop(&mut self) {
        let writer = self.writer.get_mut().unwrap_or_else(|p| p.into_inner());
        if let Some(Writer { work, thread }) = writer.take() {
            // The thread ends once the work handed to it is done.
            drop(work);
            let _ = thread.join();
        }
    }
}

struct Watched {
    job: Job,
    when_printed: Option<String>,
    /// The words for a problem, in the language of the screen that printed.
    when_failed: Box<dyn Fn(&SpoolError) -> String + Send>,
}

impl std::fmt::Debug for Watched {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watched")
            .field("job", &self.job)
            .field("when_printed", &self.when_printed)
            .finish_non_exhaustive()
    }
}

impl Prints {
    /// Runs `work` (printing on `printer`) on a thread of its own and
    /// returns at once.
    pub fn start<F>(&self, printer: &str, work: F) -> Job
    where
        F: FnOnce() -> Result<(), SpoolError> + Send + 'static,
    {
        let job = Job::new(printer);
        self.inner.started.fetch_add(1, Ordering::SeqCst);
        spawn_print(job.clone(), Arc::clone(&self.inner.ended), work);
        job
    }

    /// Runs `write` (making and writing a text file) on the writing
    /// thread, after the work handed to it before, and returns at once;
    /// once the file is written, the job names it and, when `printer` is
    /// named, `print` runs on a thread of its own. The job ends with the
    /// problem writing, the print's outcome, or, with no printer, as soon
    /// as the file is written.
    pub fn write_then_print<W, P>(&self, printer: &str, write: W, print: P) -> Job
    where
        W: FnOnce() -> Result<PathBuf, SpoolError> + Send + 'static,
        P: FnOnce(&Path) -> Result<(), SpoolError> + Send + 'static,
    {
        let job = Job::new(printer);
        self.inner.started.fetch_add(1, Ordering::SeqCst);
        let (on_thread, ended) = (job.clone(), Arc::clone(&self.inner.ended));
        let work: Work = Box::new(move || match write() {
            Err(problem) => {
                on_thread.end(Err(problem));
                ended.fetch_add(1, Ordering::SeqCst);
            }
            Ok(file) => {
                on_thread.written(file.clone());
                if on_thread.printer.is_empty() {
                    on_thread.end(Ok(()));
                    ended.fetch_add(1, Ordering::SeqCst);
                } else {
                    spawn_print(on_thread, ended, move || print(&file));
                }
            }
        });
        self.hand_to_writer(work);
        job
    }

    /// Hands `work` to the writing thread, started the first time; does it
    /// here if no thread can be started.
    fn hand_to_writer(&self, work: Work) {
        let mut writer = self.inner.writer.lock().unwrap_or_else(|p| p.into_inner());
        if writer.is_none() {
            let (tx, rx) = mpsc::channel::<Work>();
            let spawned = std::thread::Builder::new()
                .name("receipts".into())
                .spawn(move || {
                    for work in rx {
                        work();
                    }
                });
            if let Ok(thread) = spawned {
                *writer = Some(Writer { work: tx, thread });
            }
        }
        let left = match writer.as_ref() {
            Some(w) => w.work.send(work).err().map(|e| e.0),
            None => Some(work),
        };
        drop(writer);
        if let Some(work) = left {
            work();
        }
    }

    /// True while a print started here has not ended.
    pub fn busy(&self) -> bool {
        self.inner.started.load(Ordering::SeqCst) != self.inner.ended.load(Ordering::SeqCst)
    }

    /// How many prints have ended so far: when it changes, something a
    /// screen shows may have changed.
    pub fn ended(&self) -> u64 {
        self.inner.ended.load(Ordering::SeqCst)
    }

    /// Follows `job` after the screen that showed it has gone: its outcome
    /// comes back from [`Prints::take_ended`], with `when_printed` as the
    /// words for a print that went well (none: say nothing) and
    /// `when_failed` making the words for a problem.
    pub fn watch(
        &self,
        job: Job,
        when_printed: Option<String>,
        when_failed: impl Fn(&SpoolError) -> String + Send + 'static,
    ) {
        if let Ok(mut w) = self.inner.watched.lock() {
            w.push(Watched {
                job,
                when_printed,
                when_failed: Box::new(when_failed),
            });
        }
    }

    /// The followed prints that have ended: the words for each that went
    /// well, or for its problem.
    pub fn take_ended(&self) -> Vec<Result<Option<String>, String>> {
        let Ok(mut watched) = self.inner.watched.lock() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        watched.retain(|w| match w.job.outcome() {
            None => true,
            Some(outcome) => {
                out.push(
                    outcome
                        .map(|()| w.when_printed.clone())
                        .map_err(|p| (w.when_failed)(&p)),
                );
                false
            }
        });
        out
    }

    /// Waits until every print started here has ended (tests, and a
    /// command that must not exit before its print is out).
    pub fn wait_all(&self) {
        while self.busy() {
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// Runs `work` for `job` on a thread of its own; counts its end in `ended`.
fn spawn_print<F>(job: Job, ended: Arc<AtomicU64>, work: F)
where
    F: FnOnce() -> Result<(), SpoolError> + Send + 'static,
{
    let (on_thread, ended_there) = (job.clone(), Arc::clone(&ended));
    let spawned = std::thread::Builder::new()
        .name("print".into())
        .spawn(move || {
            on_thread.end(work());
            ended_there.fetch_add(1, Ordering::SeqCst);
        });
    if let Err(e) = spawned {
        job.end(Err(SpoolError::Print {
            printer: job.printer.clone(),
            reason: crate::i18n::os_reason(crate::i18n::Lang::Vi, &e),
        }));
        ended.fetch_add(1, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_print_on_its_own_thread_reports_when_it_has_ended() {
        let prints = Prints::default();
        let (go, wait) = std::sync::mpsc::channel::<()>();
        let job = prints.start("kho", move || {
            let _ = wait.recv();
            Err(SpoolError::NoAnswer {
                printer: "kho".into(),
                seconds: 8,
            })
        });
        assert!(prints.busy());
        assert_eq!(job.outcome(), None);
        let before = prints.ended();
        prints.watch(job.clone(), Some("in xong".into()), |p| {
            format!("hỏng: {p:?}")
        });
        assert!(prints.take_ended().is_empty(), "still printing");
        go.send(()).unwrap();
        assert!(matches!(job.wait(), Err(SpoolError::NoAnswer { .. })));
        prints.wait_all();
        assert!(!prints.busy());
        assert_eq!(prints.ended(), before + 1);
        let ended = prints.take_ended();
        assert!(
            matches!(ended.as_slice(), [Err(words)] if words.starts_with("hỏng: NoAnswer")),
            "{ended:?}"
        );
        // Reported once.
        assert!(prints.take_ended().is_empty());
        let ok = prints.start("kho", || Ok(()));
        prints.watch(ok, Some("in xong".into()), |p| format!("hỏng: {p:?}"));
        prints.wait_all();
        assert_eq!(prints.take_ended(), vec![Ok(Some("in xong".to_string()))]);
    }

    fn write_in(
        dir: &Path,
        text: &'static str,
    ) -> impl FnOnce() -> Result<PathBuf, SpoolError> + use<> {
        let dir = dir.to_path_buf();
        move || super::super::spool::write_unsynced(&dir, "HD-2026-000001", text)
    }

    #[test]
    fn a_receipt_handed_over_with_no_printer_is_written_and_named() {
        let dir = tempfile::tempdir().unwrap();
        let prints = Prints::default();
        let job = prints.write_then_print("", write_in(dir.path(), "Hải Dương\n"), |_| {
            panic!("nothing is printed without a printer")
        });
        assert_eq!(job.wait(), Ok(()));
        let file = job.file().expect("the file, once the job has ended");
        assert_eq!(file, dir.path().join("HD-2026-000001.txt"));
        assert_eq!(std::fs::read_to_string(file).unwrap(), "Hải Dương\n");
        prints.wait_all();
        assert!(!prints.busy());
    }

    #[test]
    fn a_receipt_that_cannot_be_written_ends_its_job_with_the_problem() {
        let dir = tempfile::tempdir().unwrap();
        // A file where the folder should be.
        let blocked = dir.path().join("spool");
        std::fs::write(&blocked, "").unwrap();
        let prints = Prints::default();
        let job = prints.write_then_print("kho", write_in(&blocked, "x"), |_| {
            panic!("nothing written, nothing printed")
        });
        assert!(
            matches!(job.wait(), Err(SpoolError::Write { .. })),
            "{:?}",
            job.outcome()
        );
        assert_eq!(job.file(), None);
        prints.watch(job, None, |p| format!("hỏng: {p:?}"));
        prints.wait_all();
        let ended = prints.take_ended();
        assert!(
            matches!(ended.as_slice(), [Err(words)] if words.starts_with("hỏng: Write")),
            "{ended:?}"
        );
    }

    #[test]
    fn a_receipt_written_is_printed_from_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let prints = Prints::default();
        let (seen, printed) = std::sync::mpsc::channel::<PathBuf>();
        let job = prints.write_then_print("kho", write_in(dir.path(), "x"), move |file| {
            seen.send(file.to_path_buf()).unwrap();
            Err(SpoolError::NoAnswer {
                printer: "kho".into(),
                seconds: 8,
            })
        });
        assert!(matches!(job.wait(), Err(SpoolError::NoAnswer { .. })));
        assert_eq!(Some(printed.recv().unwrap()), job.file());
        prints.wait_all();
    }

    #[test]
    fn receipts_handed_over_are_written_before_the_prints_are_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let prints = Prints::default();
        let (go, wait) = std::sync::mpsc::channel::<()>();
        let first = prints.write_then_print(
            "",
            {
                let write = write_in(dir.path(), "one");
                move || {
                    let _ = wait.recv();
                    write()
                }
            },
            |_| Ok(()),
        );
        let second = prints.write_then_print("", write_in(dir.path(), "two"), |_| Ok(()));
        assert_eq!(second.outcome(), None, "in order, after the first");
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            let _ = go.send(());
        });
        drop(prints);
        for (job, text) in [(first, "one"), (second, "two")] {
            assert_eq!(job.outcome(), Some(Ok(())));
            let file = job.file().unwrap();
            assert_eq!(std::fs::read_to_string(file).unwrap(), text);
        }
    }
}
