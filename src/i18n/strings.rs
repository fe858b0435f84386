//! The wording of the screens, in Vietnamese ([`VI`]) and English ([`EN`]).
//!
//! This is the one file a translator edits for the terminal screens: labels
//! are fields of [`Strings`]; wording with values in it is a function below.
//! Screens call [`t()`] for the current language. Error messages are not
//! here: they come from the errors themselves (see the other files of this
//! folder). Key names (F1, Esc, Ctrl-T) are not translated: they are what is
//! printed on the keyboard.

use super::{Lang, lang};

/// Every fixed label of the screens.
#[derive(Debug)]
pub struct Strings {
    // The frame around every screen.
    pub tagline: &'static str,
    pub role_clerk: &'static str,
    pub role_supervisor: &'static str,
    pub too_small_hint: &'static str,
    // Quitting and help.
    pub quit_title: &'static str,
    pub quit_question: &'static str,
    pub help_title: &'static str,
    pub help_close: &'static str,
    // What keys do, in help (long) and in the key line (short).
    pub key_help: &'static str,
    pub key_back: &'static str,
    pub key_quit_asks: &'static str,
    pub key_repaint: &'static str,
    pub key_form_enter: &'static str,
    pub key_next_field: &'static str,
    pub key_prev_field: &'static str,
    pub key_cursor_side: &'static str,
    pub key_cursor_ends: &'static str,
    pub key_delete_back: &'static str,
    pub key_delete_here: &'static str,
    pub key_clear: &'static str,
    pub key_menu_move: &'static str,
    pub key_menu_open: &'static str,
    pub key_menu_number: &'static str,
    pub short_help: &'static str,
    pub short_back: &'static str,
    pub short_quit: &'static str,
    pub short_next: &'static str,
    pub short_open: &'static str,
    pub short_choose: &'static str,
    pub short_confirm: &'static str,
    pub short_cancel: &'static str,
    // Sign-in.
    pub sign_in_title: &'static str,
    pub sign_in_hint: &'static str,
    pub short_sign_in: &'static str,
    pub label_user: &'static str,
    pub label_pin: &'static str,
    pub need_user: &'static str,
    pub need_pin: &'static str,
    // The main menu.
    pub home_title: &'static str,
    pub home_hint: &'static str,
    pub entry_change_pin: &'static str,
    pub entry_sign_out: &'static str,
    pub signed_out: &'static str,
    // Changing one's own PIN.
    pub change_pin_title: &'static str,
    pub change_pin_hint: &'static str,
    pub label_current_pin: &'static str,
    pub label_new_pin: &'static str,
    pub label_new_pin_again: &'static str,
    pub fill_all_fields: &'static str,
    pub new_pins_differ: &'static str,
    pub pin_changed: &'static str,
    // On-the-spot supervisor approval.
    pub approve_title: &'static str,
    pub approve_hint: &'static str,
    pub label_supervisor: &'static str,
    pub short_approve: &'static str,
}

/// Tiếng Việt (the default).
pub const VI: Strings = Strings {
    tagline: "chitra — chi trả trợ cấp người có công",
    role_clerk: "Giao dịch viên",
    role_supervisor: "Trưởng bưu cục",
    too_small_hint: "Hãy phóng to cửa sổ (kéo góc cửa sổ PuTTY) rồi làm tiếp.",
    quit_title: "Thoát",
    quit_question: "Thoát chitra? (c/k)",
    help_title: "Phím tắt",
    help_close: "Nhấn phím bất kỳ để đóng.",
    key_help: "Trợ giúp: xem các phím của màn hình này",
    key_back: "Quay lại màn hình trước",
    key_quit_asks: "Thoát chitra (có hỏi lại)",
    key_repaint: "Vẽ lại màn hình khi bị nhoè",
    key_form_enter: "Sang ô sau; ở ô cuối: xác nhận",
    key_next_field: "Sang ô sau",
    key_prev_field: "Về ô trước",
    key_cursor_side: "Con trỏ sang trái / phải",
    key_cursor_ends: "Con trỏ về đầu / cuối ô",
    key_delete_back: "Xoá ký tự trước con trỏ",
    key_delete_here: "Xoá ký tự tại con trỏ",
    key_clear: "Xoá cả ô",
    key_menu_move: "Chọn dòng",
    key_menu_open: "Mở mục đang chọn",
    key_menu_number: "Mở ngay mục có số đó",
    short_help: "Trợ giúp",
    short_back: "Quay lại",
    short_quit: "Thoát",
    short_next: "Ô sau",
    short_open: "Mở",
    short_choose: "Chọn",
    short_confirm: "Xác nhận",
    short_cancel: "Huỷ",
    sign_in_title: "ĐĂNG NHẬP",
    sign_in_hint: "Gõ tên đăng nhập và mã PIN, rồi nhấn Enter.",
    short_sign_in: "Đăng nhập",
    label_user: "Tên đăng nhập",
    label_pin: "Mã PIN",
    need_user: "Hãy gõ tên đăng nhập.",
    need_pin: "Hãy gõ mã PIN rồi nhấn Enter.",
    home_title: "CHỨC NĂNG",
    home_hint: "Chọn bằng ↑ ↓ rồi nhấn Enter, hoặc gõ số của mục.",
    entry_change_pin: "Đổi mã PIN của tôi",
    entry_sign_out: "Đăng xuất",
    signed_out: "Đã đăng xuất.",
    change_pin_title: "ĐỔI MÃ PIN",
    change_pin_hint: "Mã PIN gồm 4 đến 12 chữ số. Không cho người khác biết mã PIN.",
    label_current_pin: "PIN hiện tại",
    label_new_pin: "PIN mới",
    label_new_pin_again: "Gõ lại PIN mới",
    fill_all_fields: "Hãy điền đủ các ô.",
    new_pins_differ: "Hai lần gõ PIN mới không giống nhau; hãy gõ lại.",
    pin_changed: "Đã đổi mã PIN. Lần đăng nhập sau dùng mã PIN mới.",
    approve_title: "CẦN TRƯỞNG BƯU CỤC DUYỆT",
    approve_hint: "Trưởng bưu cục tự gõ tên và mã PIN của mình.",
    label_supervisor: "Trưởng bưu cục",
    short_approve: "Duyệt",
};

/// English, for maintainers.
pub const EN: Strings = Strings {
    tagline: "chitra — paying allowances to people with meritorious service",
    role_clerk: "Clerk",
    role_supervisor: "Supervisor",
    too_small_hint: "Make the window larger (drag the corner of the PuTTY window).",
    quit_title: "Quit",
    quit_question: "Quit chitra? (y/n)",
    help_title: "Keys",
    help_close: "Press any key to close.",
    key_help: "Help: the keys of this screen",
    key_back: "Go back to the previous screen",
    key_quit_asks: "Quit chitra (asks first)",
    key_repaint: "Repaint the screen",
    key_form_enter: "Next field; on the last field: submit",
    key_next_field: "Next field",
    key_prev_field: "Previous field",
    key_cursor_side: "Cursor left / right",
    key_cursor_ends: "Cursor to the start / end",
    key_delete_back: "Delete the character before the cursor",
    key_delete_here: "Delete the character at the cursor",
    key_clear: "Clear the field",
    key_menu_move: "Choose a line",
    key_menu_open: "Open the chosen entry",
    key_menu_number: "Open the entry with that number",
    short_help: "Help",
    short_back: "Back",
    short_quit: "Quit",
    short_next: "Next",
    short_open: "Open",
    short_choose: "Choose",
    short_confirm: "Confirm",
    short_cancel: "Cancel",
    sign_in_title: "SIGN IN",
    sign_in_hint: "Type your user name and PIN, then press Enter.",
    short_sign_in: "Sign in",
    label_user: "User name",
    label_pin: "PIN",
    need_user: "Type your user name.",
    need_pin: "Type your PIN, then press Enter.",
    home_title: "MAIN MENU",
    home_hint: "Choose with ↑ ↓ and press Enter, or type the entry's number.",
    entry_change_pin: "Change my PIN",
    entry_sign_out: "Sign out",
    signed_out: "Signed out.",
    change_pin_title: "CHANGE PIN",
    change_pin_hint: "A PIN is 4 to 12 digits. Never tell anyone your PIN.",
    label_current_pin: "Current PIN",
    label_new_pin: "New PIN",
    label_new_pin_again: "New PIN again",
    fill_all_fields: "Fill in every field.",
    new_pins_differ: "The two new PINs differ; type them again.",
    pin_changed: "PIN changed. Use the new PIN next time you sign in.",
    approve_title: "SUPERVISOR APPROVAL NEEDED",
    approve_hint: "The supervisor types their own user name and PIN.",
    label_supervisor: "Supervisor",
    short_approve: "Approve",
};

/// The labels in the current language.
pub fn t() -> &'static Strings {
    for_lang(lang())
}

/// The labels in `lang`.
pub fn for_lang(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// Shown instead of the screen when the window is smaller than 80×24.
pub fn too_small(width: u16, height: u16) -> String {
    match lang() {
        Lang::Vi => format!("Cửa sổ quá nhỏ: cần ít nhất 80×24, hiện là {width}×{height}"),
        Lang::En => format!("Window too small: needs at least 80×24, now {width}×{height}"),
    }
}

/// After signing in.
pub fn welcome(full_name: &str) -> String {
    match lang() {
        Lang::Vi => format!("Xin chào {full_name}."),
        Lang::En => format!("Welcome, {full_name}."),
    }
}

/// After a supervisor approved on the spot.
pub fn approved_by(full_name: &str) -> String {
    match lang() {
        Lang::Vi => format!("Đã được {full_name} duyệt."),
        Lang::En => format!("Approved by {full_name}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yes_no_letters_in_the_quit_question_are_keys_that_answer_it() {
        let keys = crate::tui::keys::KeyList::default();
        for (s, yes, no) in [(&VI, 'c', 'k'), (&EN, 'y', 'n')] {
            assert!(s.quit_question.contains(&format!("({yes}/{no})")));
            assert!(keys.yes.0.contains(&crate::tui::keys::Key::ch(yes)));
            assert!(keys.no.0.contains(&crate::tui::keys::Key::ch(no)));
        }
    }

    #[test]
    fn key_line_labels_are_short_enough_for_80_columns() {
        use unicode_width::UnicodeWidthStr;
        for s in [&VI, &EN] {
            for label in [
                s.short_help,
                s.short_back,
                s.short_quit,
                s.short_next,
                s.short_open,
                s.short_choose,
                s.short_confirm,
                s.short_cancel,
                s.short_sign_in,
                s.short_approve,
            ] {
                assert!(label.width() <= 12, "{label}");
            }
        }
    }
}
