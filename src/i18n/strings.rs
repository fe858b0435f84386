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
    // The counter (search).
    pub counter_title: &'static str,
    pub counter_search_label: &'static str,
    pub counter_hint: &'static str,
    pub counter_hint_keys: &'static str,
    pub counter_more: &'static str,
    pub counter_nobody_to_open: &'static str,
    pub col_name: &'static str,
    pub col_year: &'static str,
    pub col_hamlet: &'static str,
    pub col_id: &'static str,
    pub col_category: &'static str,
    pub col_state: &'static str,
    pub col_unpaid: &'static str,
    pub key_counter_open: &'static str,
    pub key_counter_move: &'static str,
    pub key_counter_page: &'static str,
    pub key_menu: &'static str,
    pub key_counter_clear: &'static str,
    pub short_open_person: &'static str,
    pub short_menu: &'static str,
    pub short_clear: &'static str,
    pub entry_counter: &'static str,
    // A person's file.
    pub person_title: &'static str,
    pub person_code: &'static str,
    pub person_born: &'static str,
    pub person_id: &'static str,
    pub person_phone: &'static str,
    pub person_address: &'static str,
    pub person_hamlet: &'static str,
    pub person_category: &'static str,
    pub person_month_state: &'static str,
    pub person_status: &'static str,
    pub since: &'static str,
    pub person_method: &'static str,
    pub account_short: &'static str,
    pub reference_short: &'static str,
    pub person_proxies: &'static str,
    pub none: &'static str,
    pub proxy_kind_proxy: &'static str,
    pub proxy_kind_guardian: &'static str,
    pub valid_no_end: &'static str,
    pub person_unpaid_heading: &'static str,
    pub cannot_pay: &'static str,
    pub col_period: &'static str,
    pub col_kind: &'static str,
    pub col_amount: &'static str,
    pub in_words: &'static str,
    pub person_paid_heading: &'static str,
    pub person_no_payments: &'static str,
    pub voided: &'static str,
    pub more_below: &'static str,
    pub key_pay: &'static str,
    pub short_pay: &'static str,
    pub key_receipts: &'static str,
    pub short_receipts: &'static str,
    pub key_scroll: &'static str,
    pub short_scroll: &'static str,
    // Paying, step by step.
    pub pay_title: &'static str,
    pub step_receiver: &'static str,
    pub step_new_proxy: &'static str,
    pub step_new_guardian: &'static str,
    pub step_receiver_id: &'static str,
    pub step_method: &'static str,
    pub step_transfer: &'static str,
    pub step_confirm: &'static str,
    pub step_done: &'static str,
    pub receiver_hint: &'static str,
    pub receiver_person: &'static str,
    pub receiver_new_proxy: &'static str,
    pub receiver_new_guardian: &'static str,
    pub key_choose_receiver: &'static str,
    pub short_next_step: &'static str,
    pub new_proxy_hint: &'static str,
    pub new_guardian_hint: &'static str,
    pub label_proxy_name: &'static str,
    pub label_proxy_id: &'static str,
    pub label_relationship: &'static str,
    pub label_proxy_document: &'static str,
    pub label_guardian_document: &'static str,
    pub label_certified_by: &'static str,
    pub label_valid_from: &'static str,
    pub label_valid_to: &'static str,
    pub new_proxy_kept: &'static str,
    pub receiver_label: &'static str,
    pub receiver_id_hint: &'static str,
    pub label_receiver_id: &'static str,
    pub need_receiver_id: &'static str,
    pub key_check_id: &'static str,
    pub method_registered: &'static str,
    pub key_choose_method: &'static str,
    pub method_label: &'static str,
    pub periods_label: &'static str,
    pub registered_bank: &'static str,
    pub transfer_hint: &'static str,
    pub label_account: &'static str,
    pub label_reference: &'static str,
    pub confirm_receiver: &'static str,
    pub confirm_paper: &'static str,
    pub confirm_method: &'static str,
    pub confirm_approval: &'static str,
    pub approval_needed: &'static str,
    pub own_approval: &'static str,
    pub confirm_ask: &'static str,
    pub confirm_ask_approval: &'static str,
    pub key_confirm_record: &'static str,
    pub key_confirm_approval: &'static str,
    pub short_record: &'static str,
    pub not_approved: &'static str,
    pub paid_banner: &'static str,
    pub receipt_number: &'static str,
    pub amount_label: &'static str,
    pub paid_replayed: &'static str,
    pub key_next_person: &'static str,
    pub short_next_person: &'static str,
    pub key_back_to_person: &'static str,
    pub short_back_to_person: &'static str,
    pub key_show_receipt: &'static str,
    pub short_receipt: &'static str,
    pub key_reprint: &'static str,
    pub short_reprint: &'static str,
    // Receipts.
    pub receipt_title: &'static str,
    pub receipt_list_title: &'static str,
    // The main menu's entries by role.
    pub entry_count_drawer: &'static str,
    pub entry_drawers: &'static str,
    pub entry_day_close: &'static str,
    pub entry_verify: &'static str,
    // The blind count of one's drawer.
    pub count_title: &'static str,
    pub count_hint: &'static str,
    pub count_not_open: &'static str,
    pub notes_unit: &'static str,
    pub counted_total: &'static str,
    pub count_keys_hint: &'static str,
    pub count_not_recorded: &'static str,
    pub count_recorded_agrees: &'static str,
    pub count_recorded_differs: &'static str,
    pub count_recorded_at: &'static str,
    pub counted_label: &'static str,
    pub expected_label: &'static str,
    pub expected_at_count: &'static str,
    pub difference_label: &'static str,
    pub difference_none: &'static str,
    pub difference_short: &'static str,
    pub difference_over: &'static str,
    pub count_no_notes: &'static str,
    pub count_reason_hint: &'static str,
    pub count_reason_label: &'static str,
    pub count_reason_needed: &'static str,
    pub count_reason_saved: &'static str,
    pub count_reason_given: &'static str,
    pub count_agrees: &'static str,
    pub key_record_count: &'static str,
    pub key_count_yes: &'static str,
    pub key_count_no: &'static str,
    pub short_not_now: &'static str,
    pub key_save_reason: &'static str,
    pub short_save: &'static str,
    // Cash drawers (supervisor).
    pub drawers_title: &'static str,
    pub drawers_hint: &'static str,
    pub col_drawer_user: &'static str,
    pub col_float: &'static str,
    pub col_issued: &'static str,
    pub col_returned: &'static str,
    pub col_cash_paid: &'static str,
    pub col_expected: &'static str,
    pub col_counted: &'static str,
    pub drawer_not_open: &'static str,
    pub drawer_counted_yes: &'static str,
    pub drawer_counted_no: &'static str,
    pub drawers_total_expected: &'static str,
    pub drawer_detail_not_open: &'static str,
    pub drawer_not_counted_yet: &'static str,
    pub reason_short: &'static str,
    pub reason_missing_short: &'static str,
    pub key_drawer_move: &'static str,
    pub short_hand_cash: &'static str,
    pub key_drawer_float: &'static str,
    pub short_float: &'static str,
    pub key_drawer_issue: &'static str,
    pub short_issue: &'static str,
    pub key_drawer_return: &'static str,
    pub short_return: &'static str,
    pub key_refresh: &'static str,
    pub move_float_title: &'static str,
    pub move_issue_title: &'static str,
    pub move_return_title: &'static str,
    pub move_drawer_of: &'static str,
    pub move_pin_hint: &'static str,
    pub move_own_hint: &'static str,
    pub label_amount: &'static str,
    pub label_note: &'static str,
    pub label_receiver_pin: &'static str,
    pub need_amount: &'static str,
    // Voids.
    pub void_title: &'static str,
    pub void_list_title: &'static str,
    pub void_hint: &'static str,
    pub label_void_reason: &'static str,
    pub void_paid_by: &'static str,
    pub void_reason_needed: &'static str,
    pub void_not_approved: &'static str,
    pub person_nothing_to_void: &'static str,
    pub key_void: &'static str,
    pub short_void: &'static str,
    pub key_void_this: &'static str,
    pub key_void_ask: &'static str,
    pub short_ask_approval: &'static str,
    // The day report and the close (supervisor).
    pub day_close_title: &'static str,
    pub day_open_status: &'static str,
    pub day_closed_banner: &'static str,
    pub backup_written: &'static str,
    pub backup_failed: &'static str,
    pub cannot_close_yet: &'static str,
    pub report_office_heading: &'static str,
    pub col_method: &'static str,
    pub col_times: &'static str,
    pub col_people: &'static str,
    pub report_no_payments: &'static str,
    pub report_paid_gross: &'static str,
    pub report_voided: &'static str,
    pub report_net: &'static str,
    pub report_cash_expected: &'static str,
    pub report_cash_counted: &'static str,
    pub report_cash_difference: &'static str,
    pub report_clerks_heading: &'static str,
    pub report_nobody: &'static str,
    pub receipts_short: &'static str,
    pub report_no_drawer: &'static str,
    pub not_counted_yet: &'static str,
    pub report_voids_heading: &'static str,
    pub report_unpaid_heading: &'static str,
    pub report_nobody_unpaid: &'static str,
    pub report_payments_heading: &'static str,
    pub report_refreshed: &'static str,
    pub label_report_day: &'static str,
    pub report_day_hint: &'static str,
    pub key_show_day: &'static str,
    pub short_show: &'static str,
    pub key_date_cancel: &'static str,
    pub key_close_day: &'static str,
    pub short_close_day: &'static str,
    pub key_print_report: &'static str,
    pub short_print: &'static str,
    pub key_pick_date: &'static str,
    pub short_other_day: &'static str,
    pub close_title: &'static str,
    pub close_hint: &'static str,
    pub key_close_confirm: &'static str,
    // The integrity check (supervisor).
    pub verify_title: &'static str,
    pub verify_hint: &'static str,
    pub verify_ran_again: &'static str,
    pub key_verify_again: &'static str,
    pub short_again: &'static str,
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
    counter_title: "QUẦY CHI TRẢ",
    counter_search_label: "Tìm người hưởng",
    counter_hint: "Gõ số CCCD/CMND, mã đối tượng hoặc họ tên (không cần dấu).",
    counter_hint_keys: "Chọn bằng ↑ ↓ rồi nhấn Enter để mở hồ sơ. Quét thẻ CCCD cũng được.",
    counter_more: "Còn nữa, gõ thêm để thu hẹp",
    counter_nobody_to_open: "Chưa có ai để mở: gõ thêm hoặc sửa ô tìm.",
    col_name: "Họ và tên",
    col_year: "NS",
    col_hamlet: "Thôn",
    col_id: "CCCD/CMND",
    col_category: "Đối tượng",
    col_state: "Tháng này",
    col_unpaid: "Chưa chi",
    key_counter_open: "Mở hồ sơ người đang chọn",
    key_counter_move: "Chọn người trong danh sách",
    key_counter_page: "Lên / xuống một trang danh sách",
    key_menu: "Mở menu (kiểm đếm quỹ, đổi PIN, đăng xuất…)",
    key_counter_clear: "Xoá ô tìm; khi ô đã trống: thoát (có hỏi lại)",
    short_open_person: "Mở hồ sơ",
    short_menu: "Menu",
    short_clear: "Xoá ô tìm",
    entry_counter: "Quầy chi trả (tìm người hưởng)",
    person_title: "HỒ SƠ NGƯỜI HƯỞNG",
    person_code: "Mã ĐT",
    person_born: "Sinh năm",
    person_id: "CCCD/CMND",
    person_phone: "ĐT",
    person_address: "Địa chỉ",
    person_hamlet: "Thôn",
    person_category: "Đối tượng",
    person_month_state: "Tháng này",
    person_status: "Trạng thái",
    since: "từ",
    person_method: "Đăng ký nhận",
    account_short: "TK",
    reference_short: "mã GD",
    person_proxies: "Ủy quyền/giám hộ",
    none: "không có",
    proxy_kind_proxy: "Ủy quyền",
    proxy_kind_guardian: "Giám hộ",
    valid_no_end: "còn hạn (không thời hạn)",
    person_unpaid_heading: "CÁC KHOẢN CHƯA CHI",
    cannot_pay: "KHÔNG CHI ĐƯỢC:",
    col_period: "Kỳ",
    col_kind: "Khoản",
    col_amount: "Số tiền",
    in_words: "Bằng chữ:",
    person_paid_heading: "ĐÃ CHI TRONG 12 THÁNG QUA",
    person_no_payments: "Chưa có lần chi nào trong 12 tháng qua.",
    voided: "ĐÃ HỦY",
    more_below: "↓ còn nữa — PgDn hoặc ↓ để xem tiếp",
    key_pay: "Chi trả cho người này",
    short_pay: "Chi trả",
    key_receipts: "Xem / in lại biên nhận các lần đã chi",
    short_receipts: "Biên nhận",
    key_scroll: "Cuộn lên / xuống",
    short_scroll: "Cuộn",
    pay_title: "CHI TRẢ",
    step_receiver: "Bước 1/4: NGƯỜI NHẬN TIỀN",
    step_new_proxy: "Bước 1/4: NGƯỜI ĐƯỢC ỦY QUYỀN MỚI",
    step_new_guardian: "Bước 1/4: NGƯỜI GIÁM HỘ MỚI",
    step_receiver_id: "Bước 2/4: SỐ GIẤY TỜ NGƯỜI NHẬN",
    step_method: "Bước 3/4: HÌNH THỨC CHI TRẢ",
    step_transfer: "Bước 3/4: TÀI KHOẢN NHẬN",
    step_confirm: "Bước 4/4: XÁC NHẬN",
    step_done: "ĐÃ CHI",
    receiver_hint: "Ai đang nhận tiền tại quầy? Chọn bằng ↑ ↓ rồi nhấn Enter, hoặc gõ số.",
    receiver_person: "Chính chủ",
    receiver_new_proxy: "Người được ủy quyền mới (giấy ủy quyền có UBND xã xác nhận)",
    receiver_new_guardian: "Người giám hộ mới",
    key_choose_receiver: "Chọn người nhận này",
    short_next_step: "Tiếp",
    new_proxy_hint: "Nhập theo giấy ủy quyền; hiệu lực tối đa một năm. Ngày: dd/mm/yyyy.",
    new_guardian_hint: "Nhập theo giấy tờ giám hộ; không có ngày hết hạn. Ngày: dd/mm/yyyy.",
    label_proxy_name: "Họ và tên",
    label_proxy_id: "Số CCCD/CMND",
    label_relationship: "Quan hệ với đối tượng",
    label_proxy_document: "Số giấy ủy quyền",
    label_guardian_document: "Số giấy tờ giám hộ",
    label_certified_by: "Nơi xác nhận",
    label_valid_from: "Hiệu lực từ ngày",
    label_valid_to: "Hiệu lực đến ngày",
    new_proxy_kept: "Người nhận mới được lưu vào hồ sơ cùng lúc ghi nhận chi trả.",
    receiver_label: "Người nhận",
    receiver_id_hint: "Gõ hoặc quét số CCCD/CMND trên giấy tờ của người đang đứng tại quầy, rồi nhấn Enter.",
    label_receiver_id: "Số CCCD/CMND",
    need_receiver_id: "Hãy gõ hoặc quét số CCCD/CMND của người nhận.",
    key_check_id: "Kiểm tra số giấy tờ rồi sang bước sau",
    method_registered: "đã đăng ký",
    key_choose_method: "Chọn hình thức này",
    method_label: "Hình thức",
    periods_label: "kỳ",
    registered_bank: "ngân hàng đăng ký:",
    transfer_hint: "Đối chiếu số tài khoản với người nhận; mã giao dịch ghi trên lệnh chuyển.",
    label_account: "Số tài khoản",
    label_reference: "Mã giao dịch",
    confirm_receiver: "Người nhận",
    confirm_paper: "Giấy tờ",
    confirm_method: "Hình thức",
    confirm_approval: "Duyệt",
    approval_needed: "Ngoài thời gian chi trả: cần trưởng bưu cục duyệt trước khi chi.",
    own_approval: "Ngoài thời gian chi trả: trưởng bưu cục tự chi (có ghi lại).",
    confirm_ask: "Enter: GHI NHẬN CHI TRẢ · Esc: quay lại, chưa ghi gì",
    confirm_ask_approval: "Enter: mời trưởng bưu cục duyệt · Esc: quay lại, chưa ghi gì",
    key_confirm_record: "Ghi nhận chi trả (một lần, dù nhấn hai lần)",
    key_confirm_approval: "Mời trưởng bưu cục duyệt",
    short_record: "Ghi nhận",
    not_approved: "Chưa được duyệt nên chưa chi. Enter để mời duyệt lại, Esc để quay lại.",
    paid_banner: "ĐÃ CHI",
    receipt_number: "Biên nhận số",
    amount_label: "Số tiền:",
    paid_replayed: "Lần chi này đã được ghi trước đó (cùng mã giao dịch); không ghi thêm lần nào.",
    key_next_person: "Xong, sang người tiếp theo (về ô tìm)",
    short_next_person: "Người tiếp",
    key_back_to_person: "Xem lại hồ sơ người này",
    short_back_to_person: "Hồ sơ",
    key_show_receipt: "Xem biên nhận",
    short_receipt: "Biên nhận",
    key_reprint: "In lại biên nhận (BẢN SAO)",
    short_reprint: "In lại",
    receipt_title: "BIÊN NHẬN",
    receipt_list_title: "CHỌN BIÊN NHẬN",
    entry_count_drawer: "Kiểm đếm quỹ cuối ca",
    entry_drawers: "Quỹ tiền mặt (giao/thu tiền)",
    entry_day_close: "Báo cáo & khóa sổ ngày",
    entry_verify: "Kiểm tra toàn vẹn (verify)",
    count_title: "KIỂM ĐẾM QUỸ CUỐI CA",
    count_hint: "Đếm tiền trong quỹ, gõ số tờ của từng loại. Số tiền theo sổ chỉ hiện sau khi ghi số đếm.",
    count_not_open: "Quỹ của bạn hôm nay chưa mở (chưa nhận tiền đầu ngày), nên không có gì để kiểm đếm.",
    notes_unit: "tờ",
    counted_total: "Tổng đã đếm:",
    count_keys_hint: "Enter: ô sau · ở ô cuối hoặc F10/g: ghi số đếm",
    count_not_recorded: "Chưa ghi số đếm. Sửa lại rồi nhấn F10 hoặc g.",
    count_recorded_agrees: "Đã ghi số đếm. Quỹ khớp sổ.",
    count_recorded_differs: "Đã ghi số đếm. Quỹ lệch sổ: hãy ghi lý do.",
    count_recorded_at: "Đã ghi số đếm lúc",
    counted_label: "Đã đếm",
    expected_label: "Theo sổ",
    expected_at_count: "Theo sổ lúc đếm",
    difference_label: "Chênh lệch",
    difference_none: "KHỚP",
    difference_short: "THIẾU",
    difference_over: "THỪA",
    count_no_notes: "Không có tờ tiền nào.",
    count_reason_hint: "Quỹ lệch sổ: ghi lý do (bắt buộc) rồi nhấn Enter. Trưởng bưu cục sẽ xem khi khóa sổ.",
    count_reason_label: "Lý do",
    count_reason_needed: "Cần ghi lý do chênh lệch.",
    count_reason_saved: "Đã ghi lý do chênh lệch.",
    count_reason_given: "Lý do chênh lệch:",
    count_agrees: "Quỹ khớp sổ, không cần ghi lý do.",
    key_record_count: "Ghi số đếm (có hỏi lại)",
    key_count_yes: "Có, ghi số đếm",
    key_count_no: "Không, đếm lại",
    short_not_now: "Đếm lại",
    key_save_reason: "Ghi lý do chênh lệch",
    short_save: "Ghi",
    drawers_title: "QUỸ TIỀN MẶT",
    drawers_hint: "Chọn người bằng ↑ ↓, Enter hoặc 1/2/3 để giao hoặc thu tiền; người nhận gõ PIN xác nhận. Số tiền tính bằng đồng.",
    col_drawer_user: "Người",
    col_float: "Đầu ngày",
    col_issued: "Cấp thêm",
    col_returned: "Thu về",
    col_cash_paid: "Đã chi TM",
    col_expected: "Còn theo sổ",
    col_counted: "Đếm",
    drawer_not_open: "  chưa mở quỹ hôm nay",
    drawer_counted_yes: "rồi",
    drawer_counted_no: "chưa",
    drawers_total_expected: "Cộng còn theo sổ ",
    drawer_detail_not_open: "Chưa nhận tiền đầu ngày: Enter để cấp.",
    drawer_not_counted_yet: "Chưa kiểm đếm cuối ca.",
    reason_short: "Lý do:",
    reason_missing_short: "CHƯA GHI LÝ DO",
    key_drawer_move: "Giao/thu tiền cho người đang chọn",
    short_hand_cash: "Giao tiền",
    key_drawer_float: "Cấp tiền đầu ngày",
    short_float: "Đầu ngày",
    key_drawer_issue: "Cấp thêm tiền",
    short_issue: "Cấp thêm",
    key_drawer_return: "Thu tiền về",
    short_return: "Thu về",
    key_refresh: "Đọc lại số liệu",
    move_float_title: "CẤP TIỀN ĐẦU NGÀY",
    move_issue_title: "CẤP THÊM TIỀN",
    move_return_title: "THU TIỀN VỀ",
    move_drawer_of: "Quỹ của",
    move_pin_hint: "Gõ số tiền (ví dụ 20.000.000) và ghi chú nếu cần; người nhận quỹ tự gõ mã PIN của mình để xác nhận.",
    move_own_hint: "Quỹ của chính bạn: không cần gõ lại mã PIN.",
    label_amount: "Số tiền",
    label_note: "Ghi chú",
    label_receiver_pin: "Mã PIN người nhận quỹ",
    need_amount: "Hãy gõ số tiền.",
    void_title: "HỦY CHI",
    void_list_title: "CHỌN LẦN CHI CẦN HỦY",
    void_hint: "Hủy chi không xóa gì: lần chi vẫn còn, gạch ngang, ghi ĐÃ HỦY; các khoản trở lại chưa chi; tiền mặt trở lại quỹ của bạn. Cần một trưởng bưu cục khác người yêu cầu duyệt.",
    label_void_reason: "Lý do hủy",
    void_paid_by: "người chi",
    void_reason_needed: "Cần ghi lý do hủy.",
    void_not_approved: "Chưa được duyệt nên chưa hủy. Enter để mời duyệt lại, Esc để thôi.",
    person_nothing_to_void: "Không có lần chi nào còn hiệu lực để hủy.",
    key_void: "Hủy một lần chi (trưởng bưu cục duyệt)",
    short_void: "Hủy chi",
    key_void_this: "Hủy lần chi này",
    key_void_ask: "Mời trưởng bưu cục duyệt hủy",
    short_ask_approval: "Mời duyệt",
    day_close_title: "BÁO CÁO & KHÓA SỔ NGÀY",
    day_open_status: "Trạng thái: CHƯA KHÓA SỔ (số liệu đến lúc xem).",
    day_closed_banner: "ĐÃ KHÓA SỔ",
    backup_written: "Đã sao lưu:",
    backup_failed: "CHƯA SAO LƯU ĐƯỢC:",
    cannot_close_yet: "CHƯA THỂ KHÓA SỔ:",
    report_office_heading: "I. TOÀN BƯU CỤC",
    col_method: "Hình thức",
    col_times: "Số lần",
    col_people: "Số người",
    report_no_payments: "Không có lần chi nào.",
    report_paid_gross: "Đã chi (trước khi trừ hủy)",
    report_voided: "Hủy chi",
    report_net: "Thực chi (đã trừ hủy)",
    report_cash_expected: "Tiền mặt các quỹ theo sổ",
    report_cash_counted: "Tiền mặt đã đếm",
    report_cash_difference: "Chênh lệch (các quỹ đã đếm)",
    report_clerks_heading: "II. TỪNG NGƯỜI CHI VÀ QUỸ TIỀN MẶT",
    report_nobody: "Không ai chi hay nhận quỹ trong ngày.",
    receipts_short: "biên nhận",
    report_no_drawer: "Không mở quỹ tiền mặt.",
    not_counted_yet: "CHƯA KIỂM ĐẾM",
    report_voids_heading: "III. HỦY CHI",
    report_unpaid_heading: "IV. CÒN CHƯA CHI (CÁC KỲ ĐANG MỞ)",
    report_nobody_unpaid: "Không còn ai chưa chi.",
    report_payments_heading: "V. CÁC LẦN CHI TRONG NGÀY",
    report_refreshed: "Đã đọc lại số liệu.",
    label_report_day: "Xem ngày",
    report_day_hint: "dd/mm/yyyy, Enter để xem",
    key_show_day: "Xem báo cáo ngày này",
    short_show: "Xem",
    key_date_cancel: "Thôi, giữ ngày đang xem",
    key_close_day: "Khóa sổ ngày (gõ mã PIN)",
    short_close_day: "Khóa sổ",
    key_print_report: "In báo cáo (ghi tệp và gửi máy in)",
    short_print: "In",
    key_pick_date: "Xem báo cáo ngày khác",
    short_other_day: "Ngày khác",
    close_title: "KHÓA SỔ NGÀY",
    close_hint: "Trưởng bưu cục gõ mã PIN của mình rồi nhấn Enter; Esc để thôi.",
    key_close_confirm: "Khóa sổ",
    verify_title: "KIỂM TRA TOÀN VẸN DỮ LIỆU",
    verify_hint: "Kiểm tra tệp cơ sở dữ liệu, chuỗi nhật ký kiểm toán, từng lần chi, số biên nhận, các ngày đã khóa sổ và các lô nhập.",
    verify_ran_again: "Đã kiểm tra lại.",
    key_verify_again: "Kiểm tra lại",
    short_again: "Kiểm lại",
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
    counter_title: "COUNTER",
    counter_search_label: "Find a person",
    counter_hint: "Type an ID number, a record code or a name (accents optional).",
    counter_hint_keys: "Choose with ↑ ↓ and press Enter to open the file. Scanning an ID card works too.",
    counter_more: "More found; type more to narrow it down",
    counter_nobody_to_open: "Nobody to open: type more or correct the search.",
    col_name: "Name",
    col_year: "Born",
    col_hamlet: "Hamlet",
    col_id: "ID number",
    col_category: "Category",
    col_state: "This month",
    col_unpaid: "Unpaid",
    key_counter_open: "Open the chosen person's file",
    key_counter_move: "Choose a person in the list",
    key_counter_page: "Page up / down the list",
    key_menu: "Open the menu (drawer count, PIN, sign out…)",
    key_counter_clear: "Clear the search; when empty: quit (asks first)",
    short_open_person: "Open",
    short_menu: "Menu",
    short_clear: "Clear",
    entry_counter: "Counter (find a person)",
    person_title: "PERSON'S FILE",
    person_code: "Code",
    person_born: "Born",
    person_id: "ID no.",
    person_phone: "Phone",
    person_address: "Address",
    person_hamlet: "Hamlet",
    person_category: "Category",
    person_month_state: "This month",
    person_status: "Status",
    since: "since",
    person_method: "Registered method",
    account_short: "acct",
    reference_short: "ref",
    person_proxies: "Proxies/guardians",
    none: "none",
    proxy_kind_proxy: "Proxy",
    proxy_kind_guardian: "Guardian",
    valid_no_end: "valid (no end date)",
    person_unpaid_heading: "UNPAID LINES",
    cannot_pay: "CANNOT PAY:",
    col_period: "Period",
    col_kind: "Item",
    col_amount: "Amount",
    in_words: "In words:",
    person_paid_heading: "PAID IN THE LAST 12 MONTHS",
    person_no_payments: "No payment in the last 12 months.",
    voided: "VOIDED",
    more_below: "↓ more — PgDn or ↓ to read on",
    key_pay: "Pay this person",
    short_pay: "Pay",
    key_receipts: "See / reprint a receipt",
    short_receipts: "Receipts",
    key_scroll: "Scroll up / down",
    short_scroll: "Scroll",
    pay_title: "PAY",
    step_receiver: "Step 1/4: WHO RECEIVES",
    step_new_proxy: "Step 1/4: NEW PROXY",
    step_new_guardian: "Step 1/4: NEW GUARDIAN",
    step_receiver_id: "Step 2/4: RECEIVER'S ID NUMBER",
    step_method: "Step 3/4: HOW",
    step_transfer: "Step 3/4: ACCOUNT",
    step_confirm: "Step 4/4: CONFIRM",
    step_done: "PAID",
    receiver_hint: "Who takes the money? Choose with ↑ ↓ and press Enter, or type the number.",
    receiver_person: "The person",
    receiver_new_proxy: "A new proxy (authorisation certified by the commune)",
    receiver_new_guardian: "A new guardian",
    key_choose_receiver: "Choose this receiver",
    short_next_step: "Next",
    new_proxy_hint: "From the authorisation paper; at most one year. Dates: dd/mm/yyyy.",
    new_guardian_hint: "From the guardianship paper; no end date. Dates: dd/mm/yyyy.",
    label_proxy_name: "Full name",
    label_proxy_id: "ID number",
    label_relationship: "Relationship",
    label_proxy_document: "Authorisation no.",
    label_guardian_document: "Guardianship paper no.",
    label_certified_by: "Certified by",
    label_valid_from: "Valid from",
    label_valid_to: "Valid until",
    new_proxy_kept: "The new receiver is saved to the file when the payment is recorded.",
    receiver_label: "Receiver",
    receiver_id_hint: "Type or scan the ID number on the card of the person at the counter, then press Enter.",
    label_receiver_id: "ID number",
    need_receiver_id: "Type or scan the receiver's ID number.",
    key_check_id: "Check the number and go on",
    method_registered: "registered",
    key_choose_method: "Choose this method",
    method_label: "Method",
    periods_label: "periods",
    registered_bank: "registered bank:",
    transfer_hint: "Check the account with the receiver; the reference is on the transfer order.",
    label_account: "Account",
    label_reference: "Reference",
    confirm_receiver: "Receiver",
    confirm_paper: "Paper",
    confirm_method: "Method",
    confirm_approval: "Approval",
    approval_needed: "Outside the payment window: a supervisor must approve first.",
    own_approval: "Outside the payment window: paid by a supervisor (recorded).",
    confirm_ask: "Enter: RECORD THE PAYMENT · Esc: back, nothing recorded",
    confirm_ask_approval: "Enter: ask a supervisor to approve · Esc: back, nothing recorded",
    key_confirm_record: "Record the payment (once, even if pressed twice)",
    key_confirm_approval: "Ask a supervisor to approve",
    short_record: "Record",
    not_approved: "Not approved, nothing paid. Enter to ask again, Esc to go back.",
    paid_banner: "PAID",
    receipt_number: "Receipt no.",
    amount_label: "Amount:",
    paid_replayed: "This payment was recorded before (same key); nothing was recorded again.",
    key_next_person: "Done, next person (back to the search)",
    short_next_person: "Next person",
    key_back_to_person: "Back to this person's file",
    short_back_to_person: "File",
    key_show_receipt: "See the receipt",
    short_receipt: "Receipt",
    key_reprint: "Print the receipt again (COPY)",
    short_reprint: "Reprint",
    receipt_title: "RECEIPT",
    receipt_list_title: "CHOOSE A RECEIPT",
    entry_count_drawer: "Count my drawer (end of shift)",
    entry_drawers: "Cash drawers (hand out / take back)",
    entry_day_close: "Day report & close",
    entry_verify: "Integrity check (verify)",
    count_title: "COUNT MY DRAWER",
    count_hint: "Count the cash in your drawer and type how many notes of each kind. What the books say appears only after the count is recorded.",
    count_not_open: "Your drawer was not opened today (no opening float), so there is nothing to count.",
    notes_unit: "notes",
    counted_total: "Counted in all:",
    count_keys_hint: "Enter: next row · on the last row or F10/g: record the count",
    count_not_recorded: "The count is not recorded. Correct it, then press F10 or g.",
    count_recorded_agrees: "Count recorded. The drawer agrees with the books.",
    count_recorded_differs: "Count recorded. The drawer differs from the books: give the reason.",
    count_recorded_at: "Count recorded at",
    counted_label: "Counted",
    expected_label: "Books say",
    expected_at_count: "Expected at the count",
    difference_label: "Difference",
    difference_none: "AGREES",
    difference_short: "SHORT",
    difference_over: "OVER",
    count_no_notes: "No notes.",
    count_reason_hint: "The drawer differs: type the reason (required), then Enter. The supervisor sees it at the close.",
    count_reason_label: "Reason",
    count_reason_needed: "A reason for the difference is needed.",
    count_reason_saved: "Reason recorded.",
    count_reason_given: "Reason for the difference:",
    count_agrees: "The drawer agrees; no reason is needed.",
    key_record_count: "Record the count (asks first)",
    key_count_yes: "Yes, record the count",
    key_count_no: "No, count again",
    short_not_now: "Not yet",
    key_save_reason: "Record the reason",
    short_save: "Save",
    drawers_title: "CASH DRAWERS",
    drawers_hint: "Choose with ↑ ↓, then Enter or 1/2/3 to hand out or take back cash; the other person confirms with their PIN. Amounts in đồng.",
    col_drawer_user: "User",
    col_float: "Float",
    col_issued: "Issued",
    col_returned: "Returned",
    col_cash_paid: "Cash paid",
    col_expected: "Expected",
    col_counted: "Count",
    drawer_not_open: "  no drawer today",
    drawer_counted_yes: "done",
    drawer_counted_no: "not yet",
    drawers_total_expected: "Total expected ",
    drawer_detail_not_open: "No opening float yet: Enter to give one.",
    drawer_not_counted_yet: "Not counted yet.",
    reason_short: "Reason:",
    reason_missing_short: "NO REASON GIVEN",
    key_drawer_move: "Hand out or take back cash",
    short_hand_cash: "Cash",
    key_drawer_float: "Opening float",
    short_float: "Float",
    key_drawer_issue: "Issue more cash",
    short_issue: "Issue",
    key_drawer_return: "Take cash back",
    short_return: "Return",
    key_refresh: "Read again",
    move_float_title: "OPENING FLOAT",
    move_issue_title: "ISSUE MORE CASH",
    move_return_title: "TAKE CASH BACK",
    move_drawer_of: "Drawer of",
    move_pin_hint: "Type the amount (e.g. 20.000.000) and a note if needed; the drawer's owner types their own PIN to confirm.",
    move_own_hint: "Your own drawer: no PIN needed.",
    label_amount: "Amount",
    label_note: "Note",
    label_receiver_pin: "Drawer owner's PIN",
    need_amount: "Type the amount.",
    void_title: "VOID A PAYMENT",
    void_list_title: "CHOOSE THE PAYMENT TO VOID",
    void_hint: "Nothing is deleted: the payment stays, struck through and marked VOIDED; its lines are owed again; cash goes back to your drawer. A supervisor other than you must approve.",
    label_void_reason: "Reason",
    void_paid_by: "paid by",
    void_reason_needed: "A reason is needed.",
    void_not_approved: "Not approved, nothing voided. Enter to ask again, Esc to leave it.",
    person_nothing_to_void: "No standing payment to void.",
    key_void: "Void a payment (a supervisor approves)",
    short_void: "Void",
    key_void_this: "Void this payment",
    key_void_ask: "Ask a supervisor to approve",
    short_ask_approval: "Approval",
    day_close_title: "DAY REPORT & CLOSE",
    day_open_status: "Status: OPEN (figures as of now).",
    day_closed_banner: "CLOSED",
    backup_written: "Backup written:",
    backup_failed: "BACKUP FAILED:",
    cannot_close_yet: "CANNOT CLOSE YET:",
    report_office_heading: "I. THE OFFICE",
    col_method: "Method",
    col_times: "Count",
    col_people: "People",
    report_no_payments: "No payments.",
    report_paid_gross: "Paid (before voids)",
    report_voided: "Voided",
    report_net: "Net paid (after voids)",
    report_cash_expected: "Cash expected in the drawers",
    report_cash_counted: "Cash counted",
    report_cash_difference: "Difference (counted drawers)",
    report_clerks_heading: "II. EACH CLERK AND THEIR DRAWER",
    report_nobody: "Nobody paid or held a drawer.",
    receipts_short: "receipts",
    report_no_drawer: "No cash drawer.",
    not_counted_yet: "NOT COUNTED",
    report_voids_heading: "III. VOIDS",
    report_unpaid_heading: "IV. STILL UNPAID (OPEN PERIODS)",
    report_nobody_unpaid: "Nobody is still unpaid.",
    report_payments_heading: "V. THE DAY'S PAYMENTS",
    report_refreshed: "Read again.",
    label_report_day: "Day",
    report_day_hint: "dd/mm/yyyy, Enter to show",
    key_show_day: "Show that day's report",
    short_show: "Show",
    key_date_cancel: "Keep the day shown",
    key_close_day: "Close the day (PIN)",
    short_close_day: "Close day",
    key_print_report: "Print the report (file and printer)",
    short_print: "Print",
    key_pick_date: "Another day's report",
    short_other_day: "Other day",
    close_title: "CLOSE THE DAY",
    close_hint: "The supervisor types their own PIN, then Enter; Esc to leave it.",
    key_close_confirm: "Close the day",
    verify_title: "INTEGRITY CHECK",
    verify_hint: "Checks the database file, the audit chain, every payment, receipt numbers, closed days and import batches.",
    verify_ran_again: "Checked again.",
    key_verify_again: "Check again",
    short_again: "Again",
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

/// How many people the counter found.
pub fn counter_found(n: usize) -> String {
    match lang() {
        Lang::Vi => format!("{n} người"),
        Lang::En => format!("{n} found"),
    }
}

/// Nobody matches what was typed (already made harmless by the caller).
pub fn counter_nobody(query: &str) -> String {
    match lang() {
        Lang::Vi => {
            format!("Không tìm thấy ai với “{query}”. Kiểm tra lại số giấy tờ, mã hoặc họ tên.")
        }
        Lang::En => format!("Nobody found for “{query}”. Check the number, code or name."),
    }
}

/// A proxy usable until `date` (dd/mm/yyyy).
pub fn valid_until(date: &str) -> String {
    match lang() {
        Lang::Vi => format!("còn hạn đến {date}"),
        Lang::En => format!("valid until {date}"),
    }
}

/// A proxy whose authorisation ended on `date`.
pub fn expired_on(date: &str) -> String {
    match lang() {
        Lang::Vi => format!("hết hạn {date}"),
        Lang::En => format!("expired {date}"),
    }
}

/// A proxy whose authorisation starts on `date`.
pub fn not_yet_valid(date: &str) -> String {
    match lang() {
        Lang::Vi => format!("chưa hiệu lực (từ {date})"),
        Lang::En => format!("not yet valid (from {date})"),
    }
}

/// The total row of the unpaid lines.
pub fn total_of_lines(n: usize) -> String {
    match lang() {
        Lang::Vi => format!("Tổng cộng ({n} khoản)"),
        Lang::En => format!("Total ({n} lines)"),
    }
}

/// "4 khoản, kỳ 10/2026–11/2026" in the pay flow's heading.
pub fn lines_and_periods(n: usize, periods: &str) -> String {
    match lang() {
        Lang::Vi => format!("{n} khoản, kỳ {periods}"),
        Lang::En => format!("{n} lines, {periods}"),
    }
}

/// A date field that is not dd/mm/yyyy.
pub fn bad_date(typed: &str) -> String {
    match lang() {
        Lang::Vi => format!("Ngày “{typed}” không đúng dạng dd/mm/yyyy (ví dụ 31/12/2026)."),
        Lang::En => format!("“{typed}” is not a date as dd/mm/yyyy (e.g. 31/12/2026)."),
    }
}

/// After a supervisor approved at the confirmation.
pub fn approved_then_confirm(full_name: &str) -> String {
    match lang() {
        Lang::Vi => format!("Đã được {full_name} duyệt. Nhấn Enter để ghi nhận chi trả."),
        Lang::En => format!("Approved by {full_name}. Press Enter to record the payment."),
    }
}

/// On the counter after a payment.
pub fn paid_summary(total: &str, name: &str, receipt_no: &str) -> String {
    match lang() {
        Lang::Vi => format!("Đã chi {total} cho {name}, biên nhận {receipt_no}."),
        Lang::En => format!("Paid {total} to {name}, receipt {receipt_no}."),
    }
}

/// Where the receipt was written.
pub fn receipt_written(file: &str) -> String {
    match lang() {
        Lang::Vi => format!("Đã ghi biên nhận: {file}"),
        Lang::En => format!("Receipt written: {file}"),
    }
}

/// After a copy was printed.
pub fn reprinted(file: &str) -> String {
    match lang() {
        Lang::Vi => format!("Đã in lại bản sao biên nhận ({file})."),
        Lang::En => format!("Copy of the receipt printed ({file})."),
    }
}

/// The question before a count is recorded.
pub fn count_question(total: &str) -> String {
    match lang() {
        Lang::Vi => format!("Ghi số đếm {total}? Sau khi ghi không sửa được. (c/k)"),
        Lang::En => format!("Record the count of {total}? It cannot be changed. (y/n)"),
    }
}

/// A drawer's cash paid out, under the drawers table.
pub fn drawer_cash_line(paid: &str) -> String {
    match lang() {
        Lang::Vi => format!("Đã chi tiền mặt {paid}"),
        Lang::En => format!("Cash paid {paid}"),
    }
}

/// Cash that came back into a drawer through voids.
pub fn drawer_voided_back(amount: &str) -> String {
    match lang() {
        Lang::Vi => format!(" · hủy chi hoàn lại quỹ {amount}"),
        Lang::En => format!(" · voids returned {amount}"),
    }
}

/// A recorded count, under the drawers table.
pub fn drawer_count_line(counted: &str, at: &str, difference: &str, word: &str) -> String {
    match lang() {
        Lang::Vi => format!("Đã đếm {counted} lúc {at} · chênh lệch {difference} ({word})"),
        Lang::En => format!("Counted {counted} at {at} · difference {difference} ({word})"),
    }
}

/// The PIN the other person must type.
pub fn move_need_pin(full_name: &str) -> String {
    match lang() {
        Lang::Vi => format!("Mời {full_name} gõ mã PIN của mình rồi nhấn Enter."),
        Lang::En => format!("{full_name} types their PIN, then Enter."),
    }
}

/// After cash was handed to or taken from a drawer.
pub fn moved(kind: crate::domain::report::MoveKind, amount: &str, full_name: &str) -> String {
    use crate::domain::report::MoveKind;
    match (lang(), kind) {
        (Lang::Vi, MoveKind::Float) => format!("Đã cấp {amount} đầu ngày cho {full_name}."),
        (Lang::Vi, MoveKind::Issue) => format!("Đã cấp thêm {amount} cho {full_name}."),
        (Lang::Vi, MoveKind::Return) => format!("Đã thu về {amount} từ quỹ của {full_name}."),
        (Lang::En, MoveKind::Float) => format!("Opening float of {amount} given to {full_name}."),
        (Lang::En, MoveKind::Issue) => format!("{amount} more given to {full_name}."),
        (Lang::En, MoveKind::Return) => format!("{amount} taken back from {full_name}."),
    }
}

/// What the supervisor approves when a payment is voided.
pub fn void_approval_reason(receipt_no: &str, amount: &str, reason: &str) -> String {
    match lang() {
        Lang::Vi => format!("Hủy chi biên nhận {receipt_no} ({amount}). Lý do: {reason}"),
        Lang::En => format!("Void receipt {receipt_no} ({amount}). Reason: {reason}"),
    }
}

/// After a void.
pub fn voided_done(receipt_no: &str, amount: &str, cash: bool) -> String {
    match (lang(), cash) {
        (Lang::Vi, true) => format!(
            "Đã hủy biên nhận {receipt_no} ({amount}); các khoản trở lại chưa chi, tiền mặt trở lại quỹ."
        ),
        (Lang::Vi, false) => {
            format!("Đã hủy biên nhận {receipt_no} ({amount}); các khoản trở lại chưa chi.")
        }
        (Lang::En, true) => format!(
            "Receipt {receipt_no} ({amount}) voided; its lines are owed again, the cash is back in the drawer."
        ),
        (Lang::En, false) => {
            format!("Receipt {receipt_no} ({amount}) voided; its lines are owed again.")
        }
    }
}

/// What closing a day does, in the PIN popup.
pub fn close_what(date: &str) -> String {
    match lang() {
        Lang::Vi => format!(
            "Khóa sổ ngày {date}. Sau khi khóa, không ghi thêm được chi trả, hủy chi hay giao nhận tiền của ngày này; bản sao lưu được ghi ngay."
        ),
        Lang::En => format!(
            "Close {date}. Once closed, no payment, void or cash movement of that day can be recorded; a backup is written at once."
        ),
    }
}

/// After the day was closed.
pub fn day_closed(date: &str) -> String {
    match lang() {
        Lang::Vi => format!("Đã khóa sổ ngày {date}."),
        Lang::En => format!("{date} is closed."),
    }
}

/// The report's first line.
pub fn report_heading(date: &str) -> String {
    match lang() {
        Lang::Vi => format!("BÁO CÁO CHI TRẢ NGÀY {date}"),
        Lang::En => format!("PAYMENTS OF {date}"),
    }
}

/// When and by whom a day was closed.
pub fn closed_at_by(at: &str, by: &str) -> String {
    match lang() {
        Lang::Vi => format!("Khóa sổ lúc {at} bởi {by}."),
        Lang::En => format!("Closed at {at} by {by}."),
    }
}

/// The audit seal a close stored (the hash goes on the next line).
pub fn seal_line(seq: i64) -> String {
    match lang() {
        Lang::Vi => format!("Niêm phong nhật ký kiểm toán: dòng #{seq}"),
        Lang::En => format!("Audit seal: row #{seq}"),
    }
}

/// The audit chain's head now, for a day not closed (the hash goes on the
/// next line).
pub fn audit_head_line(seq: i64) -> String {
    match lang() {
        Lang::Vi => format!("Nhật ký kiểm toán hiện tại: dòng #{seq}"),
        Lang::En => format!("Audit log now: row #{seq}"),
    }
}

/// A hash of the audit chain.
pub fn hash_line(hash: &str) -> String {
    match lang() {
        Lang::Vi => format!("Mã băm: {hash}"),
        Lang::En => format!("Hash: {hash}"),
    }
}

/// Missing receipt numbers, as a warning.
pub fn receipt_gap(office: &str, year: i32, from: i64, to: i64) -> String {
    match lang() {
        Lang::Vi => {
            format!("CẢNH BÁO: thiếu số biên nhận {office} năm {year}: từ {from} đến {to}.")
        }
        Lang::En => format!("WARNING: receipt numbers missing, {office} {year}: {from} to {to}."),
    }
}

/// Cash into and out of a drawer from the supervisor (amounts in đồng).
pub fn drawer_in_line(float: &str, issued: &str, returned: &str) -> String {
    match lang() {
        Lang::Vi => format!("Đầu ngày {float} · cấp thêm {issued} · thu về {returned} (đồng)"),
        Lang::En => format!("Float {float} · issued {issued} · returned {returned} (đồng)"),
    }
}

/// Cash paid out of a drawer, and back into it by voids (in đồng).
pub fn drawer_out_line(paid: &str, voided: &str) -> String {
    match lang() {
        Lang::Vi => format!("Chi tiền mặt {paid} · hủy chi hoàn lại quỹ {voided} (đồng)"),
        Lang::En => format!("Cash paid {paid} · voids back into the drawer {voided} (đồng)"),
    }
}

/// Under a voided payment in the report.
pub fn void_line(voided: &str, reason: &str, requested_by: &str, approved_by: &str) -> String {
    match lang() {
        Lang::Vi => format!("{voided}: {reason} · yêu cầu: {requested_by} · duyệt: {approved_by}"),
        Lang::En => {
            format!("{voided}: {reason} · asked by {requested_by} · approved by {approved_by}")
        }
    }
}

/// Where the printed report was written.
pub fn report_printed(file: &str) -> String {
    match lang() {
        Lang::Vi => format!("Đã in báo cáo (tệp {file})."),
        Lang::En => format!("Report printed (file {file})."),
    }
}

/// verify found nothing wrong: what it checked.
pub fn verify_ok(audit_rows: i64, payments: i64, closed_days: usize, batches: usize) -> String {
    match lang() {
        Lang::Vi => format!(
            "OK — {audit_rows} dòng nhật ký nối liền, {payments} lần chi khớp nhật ký, {closed_days} ngày đã khóa sổ khớp, {batches} lô nhập nguyên vẹn."
        ),
        Lang::En => format!(
            "OK — {audit_rows} audit rows chained, {payments} payments match the log, {closed_days} closed days match, {batches} import batches intact."
        ),
    }
}

/// verify found problems.
pub fn verify_problems(n: usize) -> String {
    match lang() {
        Lang::Vi => format!("CÓ {n} VẤN ĐỀ:"),
        Lang::En => format!("{n} PROBLEMS:"),
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
}
