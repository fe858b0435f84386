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
            s.short_open_person,
            s.short_menu,
            s.short_clear,
            s.short_pay,
            s.short_receipts,
            s.short_scroll,
            s.short_next_step,
            s.short_record,
            s.short_next_person,
            s.short_back_to_person,
            s.short_receipt,
            s.short_reprint,
            s.short_not_now,
            s.short_save,
            s.short_hand_cash,
            s.short_float,
            s.short_issue,
            s.short_return,
            s.short_void,
            s.short_ask_approval,
            s.short_show,
            s.short_close_day,
            s.short_print,
            s.short_other_day,
            s.short_again,
        ] {
            assert!(label.width() <= 12, "{label}");
        }
    }
}
