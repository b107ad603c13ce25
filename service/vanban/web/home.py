"""The home page's wording: the document types grouped by the stage of the emulation year, in
a clerk's words (no technical ids). ``ui.index`` renders ``index.html`` with these."""

from __future__ import annotations

from typing import Any

from vanban.templates import REGISTRY

#: The home page's groups, in the order of the emulation year (kế hoạch → đăng ký → công văn
#: → bảng chấm điểm → xếp hạng → báo cáo → hồ sơ khen thưởng): (stage, its words, ids).
STAGES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Đầu năm: phát động và đăng ký thi đua",
     "Kế hoạch phát động phong trào, rồi bản đăng ký chỉ tiêu của tập thể, cá nhân.",
     ("ke-hoach-thi-dua", "dang-ky-thi-dua")),
    ("Trong năm: hướng dẫn, đôn đốc",
     "Công văn gửi các đơn vị về công tác thi đua, khen thưởng.", ("cong-van",)),
    ("Cuối năm: chấm điểm và xếp hạng",
     "Đơn vị tự chấm điểm; khối thi đua tổng hợp điểm và xếp hạng.",
     ("bang-cham-diem", "xep-hang-khoi-thi-dua")),
    ("Sơ kết, tổng kết", "Báo cáo kết quả công tác thi đua, khen thưởng của năm hoặc đợt.",
     ("bao-cao-thi-dua", "bao-cao-khoi-thi-dua")),
    ("Khen thưởng",
     "Cả hồ sơ đề nghị khen thưởng một lần, hoặc từng văn bản của hồ sơ.",
     ("bien-ban-hop-xet", "bao-cao-thanh-tich", "to-trinh-khen-thuong",
      "quyet-dinh-khen-thuong")),
)


#: What each type is for, in a clerk's words (the home cards); else the template's description.
PLAIN: dict[str, str] = {
    "ke-hoach-thi-dua": "Phát động phong trào hoặc đợt thi đua: mục đích, nội dung, chỉ tiêu, "
                        "danh hiệu và hình thức khen thưởng, tổ chức thực hiện.",
    "dang-ky-thi-dua": "Đăng ký chỉ tiêu thi đua của tập thể, cá nhân với cấp phát động; báo cáo "
                       "cuối năm tự đối chiếu đạt, vượt, chưa đạt.",
    "cong-van": "Hướng dẫn, đôn đốc các đơn vị về thi đua, khen thưởng: kính gửi, căn cứ, "
                "nội dung theo mục.",
    "bang-cham-diem": "Đơn vị tự chấm điểm theo tiêu chí của khối: điểm từng mục, điểm thưởng, "
                      "điểm trừ và tổng điểm được tính sẵn.",
    "xep-hang-khoi-thi-dua": "Trưởng khối tổng hợp điểm các đơn vị, xếp hạng và nêu các đơn vị "
                             "đề nghị khen thưởng.",
    "bao-cao-thi-dua": "Sơ kết 6 tháng, tổng kết năm hoặc đợt thi đua: tình hình, kết quả, "
                       "khen thưởng, đánh giá, phương hướng.",
    "bao-cao-khoi-thi-dua": "Báo cáo của khối thi đua (mẫu số 02): hoạt động của khối, chỉ "
                            "tiêu các đơn vị, chấm điểm, xếp hạng, đề nghị khen thưởng.",
    "bien-ban-hop-xet": "Biên bản họp xét khen thưởng: thành phần, biểu quyết hoặc bỏ phiếu, "
                        "kết quả từng trường hợp với tỷ lệ đồng ý được tính sẵn.",
    "bao-cao-thanh-tich": "Báo cáo thành tích của tập thể hoặc cá nhân được đề nghị khen "
                          "thưởng: thành tích qua các năm, khen thưởng đã nhận.",
    "to-trinh-khen-thuong": "Tờ trình đề nghị cấp trên khen thưởng, kèm danh sách tập thể, "
                            "cá nhân.",
    "quyet-dinh-khen-thuong": "Quyết định khen thưởng kèm danh sách; tiền thưởng tính theo "
                              "mức lương cơ sở.",
}


def stages() -> list[dict[str, Any]]:
    """The home page's groups of installed types; a type no stage names goes to "Khác"."""
    placed = {tid for _, _, ids in STAGES for tid in ids}
    groups = [{"title": title, "lead": lead,
               "specs": [REGISTRY.specs[t] for t in ids if t in REGISTRY.specs]}
              for title, lead, ids in STAGES]
    others = [s for t, s in REGISTRY.specs.items() if t not in placed]
    if others:
        groups.append({"title": "Văn bản khác", "lead": "", "specs": others})
    return [g for g in groups if g["specs"] or g["title"] == "Khen thưởng"]
