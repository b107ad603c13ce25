"""Scoring of competition blocs (khối thi đua): one unit's table, the bloc's ranking, its report.

* :mod:`vanban.scoring.rules` — the rules a scoring table must obey, as problems with paths;
* :mod:`vanban.scoring.compute` — caps, bonus, deductions and the total of one table;
* :mod:`vanban.scoring.ranking` — ranks with ties (1, 2, 2, 4), Vietnamese order, proposals;
* :mod:`vanban.scoring.bloc` — a ranking body (members with tables or totals) checked and ranked;
* the bloc report's target comparison and percentages are that type's own code
  (``templates_docx/bao-cao-khoi-thi-dua/comparison.py``);
* :mod:`vanban.scoring.cli` — ``vanban compute TEMPLATE INPUT.json``.
"""
