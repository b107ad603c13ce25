"""Build hook: the Word sources travel inside the package.

``templates_docx/`` and ``content_blocks/`` stay at the top of the checkout (where designers find
them); a built wheel carries them as ``vanban/templates_docx`` and ``vanban/content_blocks``, where
:mod:`vanban.templates` looks first. Everything else is in ``pyproject.toml``.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA_DIRS = ("templates_docx", "content_blocks")
_SKIP = shutil.ignore_patterns("__pycache__", "*.pyc", "~$*")


class BuildPyWithSources(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads them from the checkout
            return
        root = Path(__file__).resolve().parent
        for name in DATA_DIRS:
            target = Path(self.build_lib) / "vanban" / name
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(root / name, target, ignore=_SKIP)


setup(cmdclass={"build_py": BuildPyWithSources})
