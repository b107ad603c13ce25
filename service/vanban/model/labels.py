"""Vietnamese labels of the input fields, for the form, the Excel sheets and the documentation.

Every model shares :data:`vanban.model.common.STRICT`, whose ``json_schema_extra`` is
:func:`annotate`: when pydantic builds a model's JSON Schema, each property gets

* ``title`` — the label a clerk reads (“Trích yếu”), instead of pydantic's “Trich Yeu”; the
  guide text stays in ``description``;
* ``x-nang-cao: true`` on fields a clerk rarely needs (the form folds them away);
* ``x-bang: true`` on lists that are tables (scores, award counts, candidates, vote results):
  the form shows them as grids, the Excel workbook as one sheet each;
* ``x-nhan`` on enumerations: the Vietnamese wording of each value (a family id → “Đảng”);
* ``x-ngay: true`` on date fields (ISO text: the form offers a date picker, Excel a real date,
  :mod:`vanban.model.lenient` reads ``20/06/2024``), ``x-gio: true`` on times (``HH:MM``);
* ``x-khoa-cua: "<field>"`` on a text that must be one of the keys of a sibling object
  (a criterion's ``xep_loai`` is a key of its ``muc``).

A label is looked up by (model, field) first, then by field name alone: most names mean the
same thing in every model (``ho_ten``, ``nguoi_tang``). ``tests/model/test_model_labels.py``
checks that every property of every template has a Vietnamese title.
"""

from __future__ import annotations

from typing import Any

from vanban.the_thuc.families import LABELS

#: Field name → label, for names that mean the same wherever they appear.
TITLES: dict[str, str] = {
    # envelope
    "the_thuc": "Thể thức", "co_quan": "Cơ quan ban hành", "so": "Số văn bản",
    "ky_hieu": "Ký hiệu (ghi đè)", "don_vi_soan_thao": "Đơn vị soạn thảo",
    "dia_danh": "Địa danh", "ngay": "Ngày ban hành", "trich_yeu": "Trích yếu",
    "kinh_gui": "Kính gửi", "nguoi_ky": "Người ký", "noi_nhan": "Nơi nhận",
    "du_thao": "Dự thảo", "noi_dung": "Nội dung", "chu_thich": "Chú thích cuối trang",
    "cap_tren": "Cơ quan chủ quản", "ten": "Tên", "viet_tat": "Chữ viết tắt",
    "ten_trong_cau": "Tên viết trong câu", "quyen_han": "Thẩm quyền ký",
    "thay_cho": "Thay mặt / chức vụ người đứng đầu", "ky_thay": "Ký thay (KT.)",
    "chuc_vu": "Chức vụ", "ho_ten": "Họ và tên",
    # shared body words
    "bai_hoc": "Bài học kinh nghiệm", "bang_cham_diem": "Bảng chấm điểm",
    "bat_dau": "Giờ bắt đầu", "bien_ban_ngay": "Ngày họp hội đồng",
    "bien_phap": "Biện pháp, nguyên nhân đạt thành tích", "ca_nhan": "Cá nhân",
    "can_cu": "Căn cứ", "can_cu_to_chuc": "Căn cứ tổ chức", "cap_trinh": "Xác nhận cấp trình",
    "chi_dao": "Công tác lãnh đạo, chỉ đạo", "chi_tieu": "Chỉ tiêu",
    "chi_tieu_nhom": "Nhóm áp dụng chỉ tiêu", "chu_toa": "Chủ tọa",
    "chuc_nang": "Chức năng, nhiệm vụ", "chung": "Tiêu chuẩn chung", "co_mat": "Có mặt",
    "co_quan_ban_hanh": "Cơ quan ban hành quyết định", "cot": "Các cột của danh sách",
    "dac_diem": "Đặc điểm tình hình", "dang_ky": "Đăng ký thi đua",
    "danh_gia": "Đánh giá", "danh_hieu": "Danh hiệu", "danh_sach": "Danh sách",
    "de_nghi": "Đề nghị", "den_ngay": "Đến ngày", "dia_diem": "Địa điểm",
    "diem": "Điểm", "diem_chuan": "Điểm chuẩn", "diem_thuong": "Điểm thưởng",
    "diem_thuong_toi_da": "Điểm thưởng tối đa", "diem_toi_da": "Điểm tối đa",
    "diem_tru": "Điểm trừ", "dien_bien": "Diễn biến, thảo luận",
    "dien_hinh": "Điển hình tiên tiến", "dien_thoai": "Điện thoại", "doan": "Đoạn văn",
    "doi_tuong": "Đối tượng", "don_vi": "Đơn vị", "don_vi_tinh": "Đơn vị tính",
    "dong_y": "Đồng ý", "ghi_chu": "Ghi chú", "gia_tri": "Giá trị theo năm",
    "giai_phap": "Giải pháp", "giao_uoc": "Ký giao ước thi đua", "gioi_thieu": "Khái quát",
    "gioi_tinh": "Giới tính", "han": "Hạn", "han_che": "Hạn chế",
    "hieu_luc": "Câu hiệu lực", "hinh_thuc": "Hình thức", "ho_so": "Hồ sơ đề nghị",
    "ho_so_khong_du_dieu_kien": "Hồ sơ không đủ điều kiện",
    "hoat_dong": "Hoạt động của khối", "hoc_ham_hoc_vi": "Học hàm, học vị",
    "hoi_dong": "Hội đồng", "ke_hoach": "Kế hoạch", "ket_luan": "Câu kết",
    "ket_qua": "Kết quả", "ket_qua_dang_ky": "Kết quả chỉ tiêu đăng ký",
    "ket_qua_nhiem_vu": "Kết quả thực hiện nhiệm vụ", "ket_thuc": "Giờ kết thúc",
    "khac": "Điểm trừ khác", "khach_moi": "Đại biểu mời", "khau_hieu": "Khẩu hiệu",
    "khen_thuong": "Khen thưởng", "khen_thuong_doan": "Đoạn thêm về khen thưởng",
    "kho_khan": "Khó khăn", "khoi": "Khối thi đua",
    "khong_co_dang_cong_doan": "Không có tổ chức đảng, công đoàn",
    "khong_dong_y": "Không đồng ý", "khong_ky_giao_uoc": "Đơn vị không ký giao ước",
    "khong_xet": "Không xét thi đua", "kien_nghi": "Kiến nghị, đề xuất", "ky": "Kỳ báo cáo",
    "loai": "Loại", "ly_do": "Lý do", "ly_lich": "Sơ lược lý lịch", "ma": "Số thứ tự",
    "mo_dau": "Đoạn mở đầu", "mo_ta": "Mô tả", "muc": "Mục", "muc_dich": "Mục đích",
    "muc_tieu": "Mục tiêu", "nam": "Năm", "ngay_hop": "Ngày họp",
    "ngay_quyet_dinh": "Ngày quyết định", "ngay_sinh": "Ngày sinh",
    "nguoi_de_nghi": "Người trình", "nguoi_quyet_dinh": "Cấp quyết định",
    "nguoi_tang": "Cấp tặng", "nguon_kinh_phi": "Nguồn kinh phí",
    "nguyen_nhan": "Nguyên nhân", "nhan_xet": "Nhận xét", "nhiem_vu": "Nhiệm vụ",
    "nhom": "Nhóm nội dung", "noi_dung_thi_dua": "Nội dung thi đua",
    "noi_dung_xet": "Nội dung xét", "phe_binh_sai_pham_nghiem_trong":
    "Bị phê bình sai phạm nghiêm trọng", "phong_trao": "Phong trào thi đua",
    "phuong_huong": "Phương hướng, nhiệm vụ", "que_quan": "Quê quán",
    "quy_trinh": "Quy trình bình xét", "so_lieu": "Số liệu", "so_luong": "Số lượng",
    "so_quyet_dinh": "Số quyết định", "so_sanh": "So sánh chỉ tiêu",
    "so_thanh_vien": "Số thành viên hội đồng", "so_voi": "So với",
    "tap_the": "Tập thể", "ten_dot": "Tên đợt thi đua", "ten_tap_the": "Tên tập thể",
    "tham_quyen": "Thẩm quyền ban hành", "thang_diem": "Thang điểm",
    "thanh_lap": "Quá trình thành lập", "thanh_tich": "Thành tích",
    "thanh_vien": "Đơn vị thành viên", "theo_de_nghi": "Theo đề nghị",
    "thi_hanh": "Tổ chức thi hành", "thoi_gian": "Thời gian", "thoi_han": "Thời hạn trình",
    "thu_ky": "Thư ký", "thuan_loi": "Thuận lợi", "thuc_hien": "Thực hiện",
    "thuong_moi_chi_tieu": "Thưởng tối đa mỗi chỉ tiêu", "tien_thuong": "Có tiền thưởng",
    "tieu_chi": "Tiêu chí", "tieu_chuan": "Tiêu chuẩn", "tieu_de": "Tiêu đề",
    "to_chuc_dang_doan_the": "Nhóm tổ chức đảng, đoàn thể",
    "to_chuc_thuc_hien": "Tổ chức thực hiện", "toan_khoi": "Dòng toàn khối",
    "toi_da": "Số tối đa", "tong_diem": "Tổng điểm", "tong_ket": "Sơ kết, tổng kết",
    "trang_ngang": "Trang nằm ngang", "trang_thai": "Trạng thái",
    "trang_tin": "Trang tin điện tử", "trinh_do": "Trình độ chuyên môn",
    "tru_quan": "Trú quán", "tru_so": "Trụ sở", "truy_tang": "Truy tặng",
    "tu_cham": "Tự chấm", "tu_ngay": "Từ ngày", "tuyen_truyen": "Tuyên truyền, nhân rộng",
    "ty_le": "Tỷ lệ (%)", "uu_diem": "Ưu điểm", "van_ban_nhac_nho": "Văn bản nhắc nhở",
    "vang_mat": "Vắng mặt", "viec": "Việc", "vi_pham_quy_che_khoi":
    "Vi phạm quy chế khối", "xep_hang": "Xếp hạng", "xep_loai": "Xếp loại",
    "y": "Các ý", "yeu_cau": "Yêu cầu", "y_kien": "Ý kiến bằng văn bản",
    "chuc_vu_don_vi": "Chức vụ, đơn vị",
}

#: (model, field) → label where the name alone would mislead.
OVERRIDES: dict[tuple[str, str], str] = {
    ("CoQuan", "ten"): "Tên cơ quan",
    ("Envelope", "noi_dung"): "Nội dung văn bản",
    ("BangChamDiem", "nam"): "Năm chấm điểm", ("BangChamDiem", "don_vi"): "Đơn vị tự chấm",
    ("BangChamDiem", "diem_thuong"): "Điểm thưởng vượt kế hoạch",
    ("BangChamDiem", "tieu_de"): "Tiêu đề bảng",
    ("ThangDiem", "diem_toi_da"): "Tổng điểm tối đa",
    ("Nhom", "ten"): "Tên nhóm", ("Nhom", "ma"): "Số thứ tự nhóm",
    ("Nhom", "tieu_chi"): "Các tiêu chí",
    ("TieuChi", "ten"): "Nội dung tiêu chí", ("TieuChi", "ma"): "Số thứ tự (TT)",
    ("TieuChi", "muc"): "Điểm theo mức", ("TieuChi", "tieu_chi"): "Tiêu chí con",
    ("DiemThuong", "chi_tieu"): "Chỉ tiêu vượt kế hoạch",
    ("DiemThuong", "tieu_chi"): "Mã tiêu chí", ("DiemThuong", "diem"): "Điểm thưởng",
    ("DiemTruKhac", "diem"): "Điểm trừ",
    ("BaoCaoKhoiThiDua", "loai"): "Loại báo cáo", ("BaoCaoKhoiThiDua", "nam"): "Năm báo cáo",
    ("BaoCaoKhoiThiDua", "danh_gia"): "Đánh giá chung",
    ("BaoCaoKhoiThiDua", "nhiem_vu"): "Nhiệm vụ năm tới",
    ("BaoCaoKhoiThiDua", "xep_hang"): "Chấm điểm, xếp hạng",
    ("ChiTieu", "ten"): "Tên chỉ tiêu",
    ("SoLieu", "chi_tieu"): "Kế hoạch / năm trước",
    ("KetQuaDonVi", "so_lieu"): "Số liệu các chỉ tiêu",
    ("SoSanh", "don_vi"): "Số liệu từng đơn vị", ("SoSanh", "chi_tieu"): "Chỉ tiêu trọng tâm",
    ("KhenThuong", "ten"): "Hình thức, danh hiệu", ("KhenThuong", "tap_the"): "Số tập thể",
    ("KhenThuong", "ca_nhan"): "Số cá nhân", ("KhenThuong", "danh_sach"): "Danh sách tên",
    ("KhenThuongDonVi", "don_vi"): "Đơn vị được khen",
    ("XepHangKhoiThiDua", "nam"): "Năm xếp hạng",
    ("XepHangKhoiThiDua", "don_vi"): "Đơn vị thành viên",
    ("XepHangKhoiThiDua", "de_nghi"): "Đề nghị khen thưởng",
    ("DonViKhoi", "ten"): "Tên đơn vị", ("DonViKhoi", "ghi_chu"): "Ghi chú",
    ("DeNghi", "hinh_thuc"): "Hình thức đề nghị", ("DeNghi", "so_luong"): "Số đơn vị",
    ("BaoCaoThanhTich", "loai"): "Đề nghị cho", ("BaoCaoThanhTich", "de_nghi"): "Đề nghị tặng",
    ("BaoCaoThanhTich", "nhiem_vu"): "Nhiệm vụ được giao",
    ("BaoCaoThanhTich", "danh_hieu"): "Danh hiệu thi đua đã đạt",
    ("BaoCaoThanhTich", "hinh_thuc"): "Hình thức khen thưởng đã nhận",
    ("BaoCaoThanhTich", "so_lieu"): "Bảng số liệu qua các năm",
    ("BaoCaoThanhTich", "dac_diem"): "Đặc điểm tập thể",
    ("ChiTieuThanhTich", "ten"): "Chỉ tiêu",
    ("BangSoLieu", "nam"): "Các năm", ("BangSoLieu", "chi_tieu"): "Các chỉ tiêu",
    ("DaKhenThuong", "ten"): "Danh hiệu, hình thức",
    ("DacDiemTapThe", "dac_diem"): "Đặc điểm chính",
    ("DeNghiTang", "khen_thuong"): "Danh hiệu, hình thức đề nghị",
    ("LyLich", "don_vi"): "Đơn vị công tác",
    ("XacNhanCapTrinh", "chuc_vu"): "Chức danh",
    ("Ky", "loai"): "Loại kỳ", ("Ky", "nam"): "Năm",
    ("BaoCaoThiDua", "muc"): "Mục thêm", ("BaoCaoThiDua", "khen_thuong"): "Kết quả khen thưởng",
    ("KetQuaChiTieu", "noi_dung"): "Chỉ tiêu viết bằng lời",
    ("KetQuaChiTieu", "ket_qua"): "Kết quả viết bằng lời",
    ("KetQuaChiTieu", "thuc_hien"): "Kết quả đạt",
    ("KetQuaChiTieu", "muc"): "Mức", ("KetQuaChiTieu", "danh_gia"): "Đánh giá (không có số)",
    ("ChiTieu", "muc"): "Mức", ("ChiTieu", "noi_dung"): "Chỉ tiêu viết bằng lời",
    ("ChiTieu", "doi_tuong"): "Ai đạt", ("ChiTieu", "so_luong"): "Số lượng",
    ("KetQuaChiTieu", "doi_tuong"): "Ai đạt",
    ("KetQuaDangKy", "tap_the"): "Chỉ tiêu tập thể",
    ("KetQuaDangKy", "ca_nhan"): "Chỉ tiêu cá nhân",
    ("KetQuaDangKy", "can_cu"): "Văn bản đăng ký",
    ("Muc", "tieu_de"): "Tên mục", ("Muc", "muc"): "Mục con",
    ("MucChung", "tieu_de"): "Tên mục", ("MucChung", "muc"): "Mục con",
    ("VanBanChung", "muc"): "Các mục",
    ("PhongTrao", "ten"): "Tên phong trào", ("PhongTrao", "don_vi"): "Đơn vị phát động",
    ("BienBanHopXet", "hinh_thuc"): "Hình thức biểu quyết",
    ("BienBanHopXet", "ket_qua"): "Kết quả xét",
    ("BienBanHopXet", "ket_luan"): "Kết luận của chủ tọa",
    ("BienBanHopXet", "hoi_dong"): "Hội đồng họp xét",
    ("BienBanHopXet", "nguoi_tang"): "Cấp đề nghị khen thưởng",
    ("PhieuXet", "ten"): "Người, tập thể được xét",
    ("PhieuXet", "khen_thuong"): "Hình thức được xét",
    ("DangKyThiDua", "nam"): "Năm đăng ký",
    ("DangKyThiDua", "tap_the"): "Chỉ tiêu tập thể",
    ("DangKyThiDua", "ca_nhan"): "Chỉ tiêu cá nhân",
    ("DoiTuong", "tap_the"): "Tập thể tham gia", ("DoiTuong", "ca_nhan"): "Cá nhân tham gia",
    ("KeHoachThiDua", "doi_tuong"): "Đối tượng thi đua",
    ("KeHoachThiDua", "khen_thuong"): "Danh hiệu, hình thức khen thưởng",
    ("HinhThuc", "ten"): "Danh hiệu, hình thức", ("HinhThuc", "tap_the"): "Đối với tập thể",
    ("HinhThuc", "ca_nhan"): "Đối với cá nhân", ("HinhThuc", "chi_tieu"): "Số lượng được trình",
    ("HinhThuc", "ghi_chu"): "Lưu ý",
    ("TieuChuan", "tap_the"): "Tiêu chuẩn tập thể", ("TieuChuan", "ca_nhan"): "Tiêu chuẩn cá nhân",
    ("NhomTieuChuan", "doi_tuong"): "Nhóm đối tượng", ("NhomTieuChuan", "y"): "Các tiêu chuẩn",
    ("SoLuongTrinh", "don_vi"): "Đơn vị được trình", ("SoLuongTrinh", "doi_tuong"): "Đối tượng",
    ("DonViThucHien", "nhiem_vu"): "Nhiệm vụ",
    ("DeNghiKhenThuong", "ten"): "Họ tên / tên tập thể",
    ("DeNghiKhenThuong", "khen_thuong"): "Hình thức đề nghị",
    ("QuyetDinhKhenThuong", "danh_sach"): "Danh sách được khen thưởng",
    ("QuyetDinhKhenThuong", "thanh_tich"): "Thành tích (sau “đã có thành tích”)",
    ("ToTrinhKhenThuong", "danh_sach"): "Danh sách đề nghị",
    ("ToTrinhKhenThuong", "thanh_tich"): "Lý do đề nghị",
    ("ToTrinhKhenThuong", "hoi_dong"): "Hội đồng đã họp xét",
    ("TheoDeNghi", "so"): "Số, ký hiệu tờ trình", ("TheoDeNghi", "ngay"): "Ngày tờ trình",
}

#: Labels of the models themselves (a fieldset's legend, a sheet's name).
MODEL_TITLES: dict[str, str] = {
    "CoQuan": "Cơ quan ban hành", "NguoiKy": "Người ký", "ThangDiem": "Thang điểm",
    "TieuChi": "Tiêu chí", "Nhom": "Nhóm nội dung", "DiemThuong": "Điểm thưởng",
    "DiemTruKhac": "Điểm trừ khác", "DiemTru": "Điểm trừ", "BangChamDiem": "Bảng chấm điểm",
    "ChiTieu": "Chỉ tiêu", "SoLieu": "Số liệu", "KetQuaDonVi": "Kết quả đơn vị",
    "SoSanh": "So sánh chỉ tiêu", "KhenThuongDonVi": "Khen thưởng đơn vị",
    "BaoCaoKhoiThiDua": "Báo cáo khối thi đua", "DeNghiTang": "Đề nghị tặng",
    "LyLich": "Sơ lược lý lịch", "DacDiemTapThe": "Đặc điểm tập thể",
    "ChiTieuThanhTich": "Chỉ tiêu", "BangSoLieu": "Bảng số liệu",
    "DaKhenThuong": "Khen thưởng đã nhận", "XacNhanCapTrinh": "Xác nhận",
    "BaoCaoThanhTich": "Báo cáo thành tích", "Ky": "Kỳ báo cáo", "DacDiem": "Đặc điểm",
    "PhongTrao": "Phong trào", "KhenThuong": "Khen thưởng", "Muc": "Mục",
    "KetQuaDangKy": "Kết quả đăng ký", "BaoCaoThiDua": "Báo cáo thi đua",
    "ThanhVienVang": "Thành viên vắng", "PhieuXet": "Kết quả xét",
    "BienBanHopXet": "Biên bản họp xét", "KetQuaChiTieu": "Chỉ tiêu",
    "DangKyThiDua": "Đăng ký thi đua", "NguoiThamDu": "Người dự họp",
    "DeNghiKhenThuong": "Đề nghị khen thưởng", "ThoiGian": "Thời gian",
    "SoLuongTrinh": "Số lượng trình", "HinhThuc": "Hình thức khen thưởng",
    "NhomTieuChuan": "Nhóm tiêu chuẩn", "TieuChuan": "Tiêu chuẩn", "DoiTuong": "Đối tượng",
    "ThoiHan": "Thời hạn", "DonViThucHien": "Đơn vị thực hiện",
    "KeHoachThiDua": "Kế hoạch thi đua", "TheoDeNghi": "Theo đề nghị",
    "QuyetDinhKhenThuong": "Quyết định khen thưởng", "ToTrinhKhenThuong": "Tờ trình",
    "MucChung": "Mục", "VanBanChung": "Văn bản", "DonViKhoi": "Đơn vị thành viên",
    "DeNghi": "Đề nghị", "XepHangKhoiThiDua": "Xếp hạng khối thi đua",
    "Envelope": "Văn bản",
}

#: Fields a clerk rarely needs: folded away in the form (name alone, or (model, field)).
NANG_CAO: set[str | tuple[str, str]] = {
    "ky_hieu", "don_vi_soan_thao", "chu_thich", "ten_trong_cau", "ky_thay",
    "trang_ngang", "hieu_luc", "cot", "khen_thuong_doan",
    ("BangChamDiem", "tieu_de"), ("BangChamDiem", "khong_co_dang_cong_doan"),
    ("ThangDiem", "thuong_moi_chi_tieu"), ("Nhom", "to_chuc_dang_doan_the"),
    ("KetQuaChiTieu", "noi_dung"), ("KetQuaChiTieu", "ket_qua"), ("ChiTieu", "noi_dung"),
    ("BaoCaoThiDua", "muc"), ("BaoCaoThiDua", "ket_luan"),
    ("BaoCaoKhoiThiDua", "ket_luan"), ("KeHoachThiDua", "ket_luan"),
    ("DangKyThiDua", "ket_luan"), ("BaoCaoKhoiThiDua", "thanh_vien"),
    ("XepHangKhoiThiDua", "thang_diem"), ("DonViKhoi", "diem_thuong"),
    ("DonViKhoi", "diem_tru"), ("KetQuaDangKy", "can_cu"),
}

#: Lists that are tables (the form's grids, one Excel sheet each): (model, field).
BANG: set[tuple[str, str]] = {
    ("Nhom", "tieu_chi"), ("TieuChi", "tieu_chi"), ("BangChamDiem", "diem_thuong"),
    ("DiemTru", "khac"), ("BaoCaoThiDua", "khen_thuong"), ("BaoCaoKhoiThiDua", "khen_thuong"),
    ("SoSanh", "chi_tieu"), ("SoSanh", "don_vi"), ("XepHangKhoiThiDua", "don_vi"),
    ("XepHangKhoiThiDua", "de_nghi"), ("BangSoLieu", "chi_tieu"),
    ("BaoCaoThanhTich", "danh_hieu"), ("BaoCaoThanhTich", "hinh_thuc"),
    ("KetQuaDangKy", "tap_the"), ("KetQuaDangKy", "ca_nhan"),
    ("DangKyThiDua", "tap_the"), ("DangKyThiDua", "ca_nhan"),
    ("BienBanHopXet", "ket_qua"), ("BienBanHopXet", "co_mat"), ("BienBanHopXet", "vang_mat"),
    ("BienBanHopXet", "khach_moi"), ("QuyetDinhKhenThuong", "danh_sach"),
    ("ToTrinhKhenThuong", "danh_sach"), ("HinhThuc", "chi_tieu"),
    ("KeHoachThiDua", "thoi_han"),
}

#: Date fields (ISO text): (model, field).
NGAY: set[tuple[str, str]] = {
    ("Envelope", "ngay"), ("LyLich", "ngay_sinh"), ("DaKhenThuong", "ngay_quyet_dinh"),
    ("BienBanHopXet", "ngay_hop"), ("ThoiGian", "tu_ngay"), ("ThoiGian", "den_ngay"),
    ("ThoiHan", "han"), ("TheoDeNghi", "ngay"), ("ToTrinhKhenThuong", "bien_ban_ngay"),
}
#: Times of day (``HH:MM``).
GIO: set[tuple[str, str]] = {("BienBanHopXet", "bat_dau"), ("BienBanHopXet", "ket_thuc")}
#: A text that names a key of a sibling object: (model, field) → the sibling.
KHOA_CUA: dict[tuple[str, str], str] = {("TieuChi", "xep_loai"): "muc"}

#: Enumeration value → its Vietnamese wording.
ENUM_LABELS: dict[str, str] = {
    **LABELS,  # the families' short names, from the family table
    "TM": "TM. (thay mặt)", "KT": "KT. (ký thay)", "TL": "TL. (thừa lệnh)",
    "TUQ": "TUQ. (thừa ủy quyền)", "Q": "Q. (quyền)",
    "tap_the": "Tập thể", "ca_nhan": "Cá nhân", "Nam": "Nam", "Nữ": "Nữ",
    "bieu-quyet": "Biểu quyết giơ tay", "bo-phieu-kin": "Bỏ phiếu kín",
    "vuot": "Vượt", "dat": "Đạt", "chua_dat": "Chưa đạt",
    "da_nhan": "Đã được khen", "de_nghi": "Đang đề nghị",
    "dung": "Đúng số", "tu": "Từ … trở lên", "tren": "Trên …",
    "ke-hoach": "Kế hoạch giao", "nam-truoc": "Năm trước",
    "tong": "Cộng các đơn vị", "khong": "Không có",
    "so-ket-6-thang": "Sơ kết 6 tháng", "tong-ket-nam": "Tổng kết năm",
    "so-ket-dot": "Sơ kết đợt", "tong-ket-dot": "Tổng kết đợt",
    "ten": "Họ tên / tên tập thể", "ngay_sinh": "Ngày sinh", "gioi_tinh": "Giới tính",
    "que_quan": "Quê quán", "chuc_vu_don_vi": "Chức vụ, đơn vị", "khen_thuong": "Hình thức",
    "ghi_chu": "Ghi chú",
}


def _names(cls: type) -> list[str]:
    """The model's name and its bases' (a subclass inherits its parent's labels); a generic
    ``Envelope[Body]`` is ``Envelope``."""
    return [klass.__name__.split("[", 1)[0] for klass in cls.__mro__
            if klass.__name__ not in ("BaseModel", "object", "Generic")]


def title_of(names: list[str], field: str) -> str | None:
    for name in names:
        if (name, field) in OVERRIDES:
            return OVERRIDES[(name, field)]
    return TITLES.get(field)


def _enum_values(prop: dict[str, Any]) -> list[Any]:
    if "enum" in prop:
        return list(prop["enum"])
    for key in ("anyOf", "items"):
        inner = prop.get(key)
        for part in inner if isinstance(inner, list) else [inner] if inner else []:
            if isinstance(part, dict):
                values = _enum_values(part)
                if values:
                    return values
    return []


def annotate(schema: dict[str, Any], cls: type) -> None:
    """``json_schema_extra`` of every input model: Vietnamese titles and the form's hints."""
    names = _names(cls)
    if names and names[0] in MODEL_TITLES:
        schema["title"] = MODEL_TITLES[names[0]]
    for field, prop in schema.get("properties", {}).items():
        title = title_of(names, field)
        if title:
            prop["title"] = title
        if field in NANG_CAO or any((name, field) in NANG_CAO for name in names):
            prop["x-nang-cao"] = True
        if any((name, field) in BANG for name in names):
            prop["x-bang"] = True
        if any((name, field) in NGAY for name in names):
            prop["x-ngay"] = True
        if any((name, field) in GIO for name in names):
            prop["x-gio"] = True
        for name in names:
            if (name, field) in KHOA_CUA:
                prop["x-khoa-cua"] = KHOA_CUA[(name, field)]
        values = _enum_values(prop)
        if values and all(str(value) in ENUM_LABELS for value in values):
            prop["x-nhan"] = {str(value): ENUM_LABELS[str(value)] for value in values}
