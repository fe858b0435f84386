//! What a screen is given: [`Ctx`] when it updates (the service, the
//! session, the message line) and [`View`] when it draws (read-only).
//!
//! The message line at the bottom of every screen holds one [`Message`]: an
//! error (said in the interface language, see [`Say`]) or a
//! confirmation. It stays until a screen sets another one or
//! the clerk moves to another screen.

use crate::i18n::{Lang, Say};
use crate::service::{Service, Session};
use crate::tui::keys::KeyList;
use crate::tui::theme::Theme;

/// A line for the clerk at the bottom of the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Error(String),
    Info(String),
}

impl Message {
    pub fn text(&self) -> &str {
        match self {
            Message::Error(t) | Message::Info(t) => t,
        }
    }

    pub fn is_error(&self) -> bool {
        matches!(self, Message::Error(_))
    }
}

/// What a screen may use and change while it updates.
pub struct Ctx<'a> {
    /// The only way to the data: screens never hold SQL.
    pub service: &'a mut Service,
    /// Who is signed in. Signing in and out sets it.
    pub session: &'a mut Option<Session>,
    pub keys: &'a KeyList,
    message: &'a mut Option<Message>,
    message_set: bool,
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(
        service: &'a mut Service,
        session: &'a mut Option<Session>,
        keys: &'a KeyList,
        message: &'a mut Option<Message>,
    ) -> Ctx<'a> {
        Ctx {
            service,
            session,
            keys,
            message,
            message_set: false,
        }
    }

    /// The interface language, from the configuration: pass it to every
    /// word, document and printer the screen uses.
    pub fn lang(&self) -> crate::i18n::Lang {
        self.service.config().interface.language
    }

    /// Shows an error on the message line, in the interface language.
    pub fn error(&mut self, error: &dyn Say) {
        *self.message = Some(Message::Error(error.say(self.lang())));
        self.message_set = true;
    }

    /// Shows a confirmation on the message line.
    pub fn info(&mut self, text: impl Into<String>) {
        *self.message = Some(Message::Info(text.into()));
        self.message_set = true;
    }

    pub fn clear_message(&mut self) {
        *self.message = None;
        self.message_set = true;
    }

    /// Whether the message line shows something.
    pub fn has_message(&self) -> bool {
        self.message.is_some()
    }

    /// Whether this update set or cleared the message line.
    pub(crate) fn message_was_set(&self) -> bool {
        self.message_set
    }

    /// Prints a report from a screen: its 80-column text to the spool
    /// folder as `name`, then to the printer when one is set, on the print
    /// thread. The message line says where the text went (`written`, given
    /// the file) or that it is printing (`printing`, given the printer); a
    /// print that fails is said when it ends.
    pub fn print_document(
        &mut self,
        document: &crate::document::Document,
        name: &str,
        written: impl FnOnce(Lang, &str) -> String,
        printing: impl FnOnce(Lang, &str) -> String,
    ) {
        use crate::i18n::printing::report_not_printed;
        use crate::print::spool;
        use crate::text::for_display;
        let lang = document.lang;
        let receipt = self.service.config().receipt.clone();
        let text = crate::print::document::render_text(document);
        let path = match spool::write(&receipt.spool_dir, name, &text) {
            Ok(path) => path,
            Err(problem) => return self.error(&report_not_printed(lang, &problem)),
        };
        let done = written(lang, &for_display(&path.display().to_string()));
        if receipt.printer.trim().is_empty() {
            return self.info(done);
        }
        self.info(printing(lang, &for_display(&receipt.printer)));
        let title = document.head.title.clone();
        let printer = receipt.printer.clone();
        let prints = self.service.prints();
        let job = prints.start(&printer, move || {
            spool::print(lang, &receipt, &path, &title)
        });
        prints.watch(job, Some(done), move |p| report_not_printed(lang, p));
    }
}

/// What a screen may read while it draws.
pub struct View<'a> {
    pub theme: &'a Theme,
    pub keys: &'a KeyList,
    pub session: Option<&'a Session>,
    /// False when something is drawn over this screen; then it must not
    /// place the terminal cursor.
    pub focused: bool,
    /// The interface language: every word drawn is in it.
    pub lang: Lang,
}
