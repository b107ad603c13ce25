"""The commendation file (hồ sơ đề nghị khen thưởng): the rules its documents share.

* :mod:`.data` — loads ``vocab/ho_so/*.toml`` (thresholds, money, authorities, căn cứ, wording);
* :mod:`.bieu_quyet` — votes as a percentage of the whole membership, threshold reached or not;
* :mod:`.danh_sach` — the list of proposed recipients: grouped, counted, one authority;
* :mod:`.tien_thuong` — reward amounts from the dated base salary, totals in words;
* :mod:`.thanh_tich` — the achievement report's tables of awards already received.
"""
