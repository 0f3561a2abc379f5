"""Ship the top-level templates/ and clauses/ folders inside the wheel as counterdraft/data/."""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).parent


class BuildWithData(build_py):
    def run(self):
        super().run()
        for name in ("templates", "clauses"):
            target = Path(self.build_lib) / "counterdraft" / "data" / name
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(HERE / name, target)


setup(cmdclass={"build_py": BuildWithData})
