"""The Python code of the template folders: ``templates_docx/<id>/*.py`` is importable as
``vanban_templates.<id with _ for ->.<file>`` (``vanban_templates.bao_cao_thi_dua.context``).

The folders are not in this directory: :class:`vanban.templates.FolderPackages` (installed on
``sys.meta_path`` when :mod:`vanban.templates` is imported, which this import guarantees) maps each
name to its folder, in the source checkout or inside an installed wheel.
"""

import vanban.templates  # noqa: F401 — installs the finder of the folder packages
