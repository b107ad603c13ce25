"""vanban's own Jinja filters, in the engine's environment and the designer's sandbox."""

from __future__ import annotations

from markupsafe import Markup

from vanban.designer.sandbox import SafeEnvironment
from vanban.render.compile import ENV
from vanban.render.filters import ngat_dong

TITLE = ("PHƯƠNG HƯỚNG, NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN PHONG TRÀO THI ĐUA, CÔNG TÁC KHEN "
         "THƯỞNG NĂM 2025")


def test_a_long_heading_breaks_between_phrases_never_inside_one():
    lines = str(ngat_dong(TITLE)).split("\n")
    assert " ".join(lines) == TITLE and len(lines) == 2
    for a, b in zip(lines, lines[1:], strict=False):
        assert (a.split()[-1], b.split()[0]) not in {("KHEN", "THƯỞNG"), ("NĂM", "2025"),
                                                     ("THI", "ĐUA")}


def test_a_short_heading_stays_one_line_and_a_smaller_size_takes_more_per_line():
    assert str(ngat_dong("CÔNG TÁC KHEN THƯỞNG")) == "CÔNG TÁC KHEN THƯỞNG"
    long = TITLE + " VÀ CÁC NĂM TIẾP THEO CỦA ĐƠN VỊ THÀNH VIÊN KHỐI THI ĐUA"
    assert len(ngat_dong(long, 11).split("\n")) <= len(ngat_dong(long, 16).split("\n"))


def test_the_text_stays_escaped_inside_the_xml():
    out = ENV.from_string("{% filter ngat_dong %}A & B <C> {{ x }}{% endfilter %}").render(
        x="KẾT QUẢ & HẠN CHẾ")
    assert out == "A &amp; B &lt;C&gt; KẾT QUẢ &amp; HẠN CHẾ"
    assert isinstance(ngat_dong(Markup("A &amp; B")), Markup)


def test_the_designers_sandbox_knows_the_filter():
    env = SafeEnvironment()
    assert env.from_string("{{ t | ngat_dong }}").render(t=TITLE).count("\n") == 1
