//! The terminal screens: what a counter clerk uses all day, over SSH, on
//! an 80×24 PuTTY window, keyboard only, in Vietnamese.
//!
//! - [`run`] takes over the terminal ([`terminal`]), then loops: wait for
//!   keys ([`event`]), let the [`App`] handle every key already waiting,
//!   draw once. Between keys it wakes only for a print that ends and for
//!   the screen lock ([`screens::lock`]); nothing else is drawn.
//! - [`App`] ([`app`]) holds a stack of screens ([`screens`]) and the parts
//!   every screen shares: the frame ([`frame`]: title bar, message line,
//!   key line), help and the quit question ([`popups`]), key bindings
//!   ([`keys`]) and styles ([`theme`]).
//! - Screens talk to [`crate::service::Service`] only, through the
//!   [`context::Ctx`] they are given; they never hold SQL. Their wording is
//!   in [`crate::i18n::strings`].
//! - [`testing`] drives an `App` without a terminal, for tests.
//! - [`thrifty`] makes each frame cost fewer bytes on a slow link.
//!
//! To add a screen, see [`screens`].

pub mod app;
pub mod context;
pub mod event;
pub mod frame;
pub mod keys;
pub mod popups;
pub mod screens;
pub mod terminal;
pub mod testing;
pub mod theme;
pub mod thrifty;
pub mod widgets;

use std::io;

pub use app::App;
pub use theme::Theme;

use crate::service::Service;

/// How long the keyboard must be still before a screen that waits for a
/// pause acts: long enough that an Enter typed straight after the last
/// digit is still taken as the key it is, short enough to feel at once.
/// A scanner's keys come far closer together than this.
pub const PAUSE: std::time::Duration = std::time::Duration::from_millis(250);

/// Why the screens did not run.
#[derive(Debug)]
pub enum RunError {
    /// Standard input or output is not a terminal (`ssh` without `-t`, a
    /// pipe, a cron job).
    NoTerminal,
    Io(io::Error),
}

impl From<io::Error> for RunError {
    fn from(e: io::Error) -> RunError {
        RunError::Io(e)
    }
}

/// Runs the screens on the terminal until the clerk quits. The terminal is
/// restored however this ends (return, error, panic, SIGHUP, SIGTERM).
pub fn run(service: Service) -> Result<(), RunError> {
    use std::io::IsTerminal;
    if !(io::stdin().is_terminal() && io::stdout().is_terminal()) {
        return Err(RunError::NoTerminal);
    }
    Ok(run_on_terminal(service)?)
}

fn run_on_terminal(service: Service) -> io::Result<()> {
    let mut app = App::new(service, Theme::from_env());
    let mut tui = terminal::Tui::start()?;
    let size = tui.size()?;
    app.resize(size.width, size.height);
    tui.draw(&app)?;
    // Prints run on their own threads; while one runs, the loop also wakes
    // now and then to draw its outcome as soon as it has ended.
    let mut prints_seen = app.service().prints().ended();
    while !app.should_quit() {
        let prints = app.service().prints().clone();
        let pausing = app.waits_for_pause();
        // The loop also wakes when the screen is due to lock.
        let lock_in = app.lock_due_in(std::time::Instant::now());
        let wait = if pausing {
            Some(PAUSE)
        } else if prints.busy() || prints.ended() != prints_seen {
            Some(std::time::Duration::from_millis(100))
        } else {
            None
        };
        let events = match (wait, lock_in) {
            (Some(w), Some(l)) => event::read_batch_within(w.min(l))?,
            (Some(w), None) | (None, Some(w)) => event::read_batch_within(w)?,
            (None, None) => event::read_batch()?,
        };
        if events.is_empty() && pausing {
            app.pause();
        }
        for event in &events {
            app.handle_event(event);
            if app.should_quit() {
                return Ok(());
            }
        }
        let locked = app.tick(std::time::Instant::now());
        let ended = prints.ended();
        if events.is_empty() && ended == prints_seen && !pausing && !locked {
            continue;
        }
        prints_seen = ended;
        app.take_print_outcomes();
        if app.take_repaint() {
            tui.repaint()?;
        }
        tui.draw(&app)?;
    }
    Ok(())
}
