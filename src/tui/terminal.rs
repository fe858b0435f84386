//! Taking over the terminal and always giving it back.
//!
//! [`Tui::start`] enters raw mode and the alternate screen and hides the
//! cursor (screens show it only in a text field). It sends no query to the
//! terminal: no cursor-position request, no keyboard-enhancement probe, no
//! colour query (each would be a round trip on a slow SSH link, and some
//! terminals never answer); the window size comes from the kernel (ioctl).
//! No mouse capture and no bracketed paste are turned on.
//!
//! The terminal is restored:
//! - when [`Tui`] is dropped (normal exit, or an error unwinding `run`);
//! - by the panic hook, before the panic message is printed, so the message
//!   is readable;
//! - on SIGHUP (the SSH link dropped) and SIGTERM, by a thread that restores
//!   and exits. Every database write is one transaction, so exiting between
//!   two events loses nothing and leaves nothing half done.
//!
//! Restoring is done once, whichever path comes first.

use std::io::{self, BufWriter, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Once, mpsc};
use std::thread;
use std::time::Duration;

use crossterm::cursor::{Hide, Show};
use crossterm::execute;
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::{Rect, Size};
use signal_hook::consts::signal::{SIGHUP, SIGTERM};
use signal_hook::iterator::Signals;

use crate::tui::app::App;
use crate::tui::thrifty::Thrifty;

/// Output is gathered and written once per frame: fewer, fuller packets on
/// a slow link.
const OUTPUT_BUFFER: usize = 32 * 1024;

/// Whether the terminal is in chitra's state (raw, alternate screen).
static ACTIVE: AtomicBool = AtomicBool::new(false);

type Backend = Thrifty<CrosstermBackend<BufWriter<Stdout>>>;

/// The terminal while chitra owns it. Dropping it restores the terminal.
pub struct Tui {
    terminal: Terminal<Backend>,
}

impl Tui {
    /// Takes over the terminal (see the module documentation).
    pub fn start() -> io::Result<Tui> {
        install_panic_hook();
        install_signal_handlers()?;
        enable_raw_mode()?;
        ACTIVE.store(true, Ordering::SeqCst);
        let started = (|| {
            let mut out = BufWriter::with_capacity(OUTPUT_BUFFER, io::stdout());
            execute!(out, EnterAlternateScreen, Hide, Clear(ClearType::All))?;
            Terminal::new(Thrifty::new(CrosstermBackend::new(out)))
        })();
        match started {
            Ok(terminal) => Ok(Tui { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }

    /// The window size, from the kernel.
    pub fn size(&self) -> io::Result<Size> {
        self.terminal.size()
    }

    /// Draws the app; only the cells that changed since the last frame are
    /// sent.
    pub fn draw(&mut self, app: &App) -> io::Result<()> {
        self.terminal.draw(|frame| app.draw(frame))?;
        Ok(())
    }

    /// Clears the screen so the next [`Tui::draw`] sends every cell (Ctrl-L).
    ///
    /// This resizes to the current size rather than calling ratatui's
    /// `Terminal::clear`, which asks the terminal for the cursor position
    /// (a round trip that can stall on a slow link).
    pub fn repaint(&mut self) -> io::Result<()> {
        let size = self.terminal.size()?;
        self.terminal
            .resize(Rect::new(0, 0, size.width, size.height))
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        let _ = self.terminal.backend_mut().inner_mut().flush();
        restore();
    }
}

/// Gives the terminal back: cursor shown, main screen, cooked mode. Does
/// nothing if it was already given back.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let mut out = io::stdout();
        let _ = execute!(out, Show, LeaveAlternateScreen);
        let _ = disable_raw_mode();
    }
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// On SIGHUP or SIGTERM: restore the terminal (for at most a second, in
/// case the link is stuck) and exit with 128 + the signal's number.
fn install_signal_handlers() -> io::Result<()> {
    static ONCE: Once = Once::new();
    let mut result = Ok(());
    ONCE.call_once(|| {
        result = Signals::new([SIGHUP, SIGTERM]).and_then(|mut signals| {
            thread::Builder::new()
                .name("chitra-signals".into())
                .spawn(move || {
                    if let Some(signal) = signals.forever().next() {
                        restore_within(Duration::from_secs(1));
                        std::process::exit(128 + signal);
                    }
                })
                .map(|_| ())
        });
    });
    result
}

/// Restores the terminal from the signal thread, writing to /dev/tty (not
/// through stdout, whose lock the main thread may hold while blocked on a
/// stuck link), and gives up after `limit`.
fn restore_within(limit: Duration) {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let (done, finished) = mpsc::channel();
    let _ = thread::Builder::new().spawn(move || {
        if let Ok(mut tty) = std::fs::OpenOptions::new().write(true).open("/dev/tty") {
            let _ = execute!(tty, Show, LeaveAlternateScreen);
        }
        let _ = disable_raw_mode();
        let _ = done.send(());
    });
    let _ = finished.recv_timeout(limit);
}
