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
    key_menu: "Mở menu chức năng (đổi PIN, đăng xuất)",
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
    key_menu: "Open the menu (PIN change, sign out)",
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
            ] {
                assert!(label.width() <= 12, "{label}");
            }
        }
    }
}
